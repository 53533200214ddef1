/**
 * The registry of card systems and what the front ends call: read a whole workbook with every system (one
 * workbook may mix them), check it, compute it through the shared compute, summarise every card the same way.
 * A sheet no system recognises is reported, never guessed.
 */
import { type CalcolaOpts, type CalcoloResult, calcola } from '../calcolo';
import { riepilogoPlan } from '../calcolo/riepilogo';
import type { RigaRiepilogo } from '../calcolo/registro';
import type { Finding } from '../controlli/types';
import { type Grid, isEmptyCell } from '../grid';
import { isOwnSheet } from '../scheda';
import type { Scheda } from '../scheda/types';
import { MSG_SISTEMI, TESTI_FASI_CALCOLO, segnalazioniTesto } from '../testi';
import { fasi, livelliGruppi, obiettivoDi, type LivelloGruppo } from './fasi';
import type { ObiettivoFasi } from './fasi/types';
import { gestionale } from './gestionale';
import { conFondoProgetti, progettoDi, progetti, type EsitoFondo } from './progetti';
import type { CartaProgetti } from './progetti/types';
import type { NomeSistema, OpzioniNuova, SintesiScheda, SistemaSchede } from './types';

export type * from './types';
export { fasi, gestionale, progetti };

/** every system, in the order they are tried */
export const SISTEMI = { gestionale, fasi, progetti } as const;
export const NOMI_SISTEMA: NomeSistema[] = ['gestionale', 'fasi', 'progetti'];

export function sistemaDi(nome: string): SistemaSchede<never> | null {
  return (NOMI_SISTEMA as string[]).includes(nome) ? (SISTEMI[nome as NomeSistema] as unknown as SistemaSchede<never>) : null;
}

export interface Cartella {
  gestionale: Scheda[];
  fasi: ObiettivoFasi[];
  /** `progetti`: the projects table and the project cards */
  progetti: CartaProgetti[];
  /** sheets with content that no system recognises */
  nonRiconosciuti: string[];
  /** the reader's notes, Italian */
  messaggi: string[];
}

function hasContent(g: Grid): boolean {
  return g.rows.some((row) => (row ?? []).some((c) => !isEmptyCell(c)));
}

/** read every sheet with every system; FASI objectives on a sheet that also holds gestionale cards are numbered after them */
export function leggiCartella(grids: Grid[]): Cartella {
  const out: Cartella = { gestionale: [], fasi: [], progetti: [], nonRiconosciuti: [], messaggi: [] };
  for (const g of Array.isArray(grids) ? grids : []) {
    if (!g || isOwnSheet(g.name)) continue;
    const sg = gestionale.leggi(g);
    const sf = fasi.riconosci(g).length ? fasi.leggi(g) : [];
    for (const ob of sf) ob.index += sg.length;
    const sp = progetti.riconosci(g).length ? progetti.leggi(g) : [];
    for (const p of sp) p.index += sg.length + sf.length;
    out.gestionale.push(...sg);
    out.fasi.push(...sf);
    out.progetti.push(...sp);
    if (!sg.length && !sf.length && !sp.length && hasContent(g)) {
      out.nonRiconosciuti.push(g.name);
      out.messaggi.push(MSG_SISTEMI.nonRiconosciuto(g.name));
    }
  }
  return out;
}

/** every system's findings */
export function controllaCartella(c: Cartella): Finding[] {
  return [...gestionale.controlla(c.gestionale), ...fasi.controlla(c.fasi), ...progetti.controlla(c.progetti ?? [])];
}

/** every card as the front ends list it, sheet by sheet in workbook order */
export function sintesiCartella(c: Cartella, segnalazioni: readonly Finding[], calcolo?: CalcoloResult): SintesiScheda[] {
  const esiti = calcolo?.schede;
  return [
    ...gestionale.sintesi(c.gestionale, segnalazioni, esiti),
    ...fasi.sintesi(c.fasi, segnalazioni, esiti),
    ...progetti.sintesi(c.progetti ?? [], segnalazioni, esiti),
  ];
}

/** the cards of every system as the shared compute's cards */
export function schedePerCalcolo(c: Cartella): Scheda[] {
  return [...gestionale.perCalcolo(c.gestionale), ...fasi.perCalcolo(c.fasi), ...progetti.perCalcolo(c.progetti ?? [])];
}

export interface CalcoloCartella extends CalcoloResult {
  /** the fasi services' and centri's levels */
  gruppi: LivelloGruppo[];
  /** the productivity fund's outcome (`progetti`), null without a projects table */
  fondo: EsitoFondo | null;
}

/**
 * compute every system's cards in one shared compute (one Riepilogo, one undo step), then add the fasi services'
 * and centri's levels below the objectives' rows of the Riepilogo
 */
export function calcolaCartella(c: Cartella, grids: Grid[], opts: CalcolaOpts): CalcoloCartella {
  const controlli = opts.controlli ?? controllaCartella(c);
  const schede = schedePerCalcolo(c);
  return conFondoProgetti(conGruppiFasi(calcola(schede, grids, { ...opts, controlli }), schede, opts), c.progetti ?? [], opts);
}

/**
 * a shared compute's result with the fasi services' and centri's levels: rows below the objectives' rows of the
 * Riepilogo, and TIPO "obiettivo per fasi" on the objectives' rows (for front ends that run the compute themselves)
 */
export function conGruppiFasi(r: CalcoloResult, schede: readonly Scheda[], opts: Pick<CalcolaOpts, 'anno' | 'now'>): Omit<CalcoloCartella, 'fondo'> {
  const obiettivi = schede.map(obiettivoDi).filter((o): o is ObiettivoFasi => o !== undefined);
  const gruppi = livelliGruppi(obiettivi, r.schede);
  if (!obiettivi.length) return { ...r, gruppi };
  // the Riepilogo's rows are the compute's results in order: the fasi objectives say their system in TIPO
  const fasiKeys = new Set(obiettivi.map((o) => `${o.sheet}|${o.index}`));
  const righeObiettivi = r.riepilogo.righe.map((riga, i) => {
    const e = r.schede[i];
    return e && fasiKeys.has(`${e.foglio}|${e.scheda}`) ? { ...riga, tipo: TESTI_FASI_CALCOLO.tipoObiettivo } : riga;
  });
  const calcolatoIl = opts.now.toISOString();
  const extra: RigaRiepilogo[] = gruppi
    .filter((g) => opts.anno === undefined || g.anno === opts.anno)
    .map((g) => ({
      foglio: g.foglio,
      obiettivo: g.tipo === 'servizio' ? TESTI_FASI_CALCOLO.rigaServizio(g.nome) : TESTI_FASI_CALCOLO.rigaCentro(g.nome),
      dirigente: '',
      unita: g.nome,
      tipo: g.tipo === 'servizio' ? TESTI_FASI_CALCOLO.tipoServizio : TESTI_FASI_CALCOLO.tipoCentro,
      anno: g.anno,
      azioni: g.obiettivi,
      rilevate: g.completi,
      grado: g.livello,
      peso: g.peso,
      segnalazioni: segnalazioniTesto(0, 0, 0),
      calcolatoIl,
    }));
  const righe = [...righeObiettivi, ...extra];
  const sheets = (r.plan.sheets ?? []).map((s) => (s.name === r.riepilogo.foglio ? riepilogoPlan(s.name, righe) : s));
  return { ...r, plan: { ...r.plan, sheets }, riepilogo: { foglio: r.riepilogo.foglio, righe }, gruppi };
}

/**
 * a shared compute's result (run by a front end itself) with every system's extra rows: the fasi services' and
 * centri's levels, the `progetti` fund's outcome (read from the same grids)
 */
export function conSistemi(r: CalcoloResult, schede: readonly Scheda[], grids: Grid[], opts: Pick<CalcolaOpts, 'anno' | 'now'>): CalcoloCartella {
  return conFondoProgetti(conGruppiFasi(r, schede, opts), leggiCartella(grids).progetti, opts);
}

/** the system a card of the shared compute belongs to */
export function sistemaDellaScheda(s: Scheda): NomeSistema {
  return obiettivoDi(s) ? 'fasi' : progettoDi(s) ? 'progetti' : 'gestionale';
}

/** a blank card of the named system; null for an unknown name */
export function nuovaScheda(nome: string, opts: OpzioniNuova) {
  const s = sistemaDi(nome);
  return s ? s.nuova(opts) : null;
}

