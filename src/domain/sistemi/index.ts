/**
 * The registry of card systems and what the front ends call: read a whole workbook with every system (one
 * workbook may mix them), check it, compute it through the shared compute, summarise every card the same way.
 * A sheet no system recognises is reported, never guessed.
 */
import { type CalcolaOpts, type CalcoloResult, calcola } from '../calcolo';
import type { RigaRiepilogo } from '../calcolo/registro';
import type { Finding } from '../controlli/types';
import { type Grid, isEmptyCell } from '../grid';
import { isOwnSheet } from '../scheda';
import type { Scheda } from '../scheda/types';
import { MSG_SISTEMI, TESTI_FASI_CALCOLO, TESTI_MATRICE_CALCOLO, segnalazioniTesto } from '../testi';
import { fasi, livelliGruppi, obiettivoDi, type LivelloGruppo } from './fasi';
import type { ObiettivoFasi } from './fasi/types';
import { gestionale } from './gestionale';
import { cartaMatriceDi, contributiAree, matrice, type ContributoArea } from './matrice';
import type { CartaMatrice } from './matrice/types';
import { esitoFondoDi, progettoDi, progetti, righeFondo, righeProgettiConFondo, type EsitoFondo } from './progetti';
import type { CartaProgetti } from './progetti/types';
import type { NomeSistema, SintesiScheda, SistemaSchede } from './types';

export type * from './types';
export { fasi, gestionale, matrice, progetti };

/** every system, in the order they are tried */
export const SISTEMI = { gestionale, fasi, matrice, progetti } as const;
export const NOMI_SISTEMA: NomeSistema[] = ['gestionale', 'fasi', 'matrice', 'progetti'];

export function sistemaDi(nome: string): SistemaSchede<never> | null {
  return (NOMI_SISTEMA as string[]).includes(nome) ? (SISTEMI[nome as NomeSistema] as unknown as SistemaSchede<never>) : null;
}

export interface Cartella {
  gestionale: Scheda[];
  fasi: ObiettivoFasi[];
  matrice: CartaMatrice[];
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
  const out: Cartella = { gestionale: [], fasi: [], matrice: [], progetti: [], nonRiconosciuti: [], messaggi: [] };
  for (const g of Array.isArray(grids) ? grids : []) {
    if (!g || isOwnSheet(g.name)) continue;
    const sg = gestionale.leggi(g);
    const sf = fasi.riconosci(g).length ? fasi.leggi(g) : [];
    for (const ob of sf) ob.index += sg.length;
    const sm = matrice.riconosci(g).length ? matrice.leggi(g) : [];
    for (const c of sm) c.index += sg.length + sf.length;
    const sp = progetti.riconosci(g).length ? progetti.leggi(g) : [];
    for (const p of sp) p.index += sg.length + sf.length + sm.length;
    out.gestionale.push(...sg);
    out.fasi.push(...sf);
    out.matrice.push(...sm);
    out.progetti.push(...sp);
    for (const c of sm) out.messaggi.push(...c.problemi);
    if (!sg.length && !sf.length && !sm.length && !sp.length && hasContent(g)) {
      out.nonRiconosciuti.push(g.name);
      out.messaggi.push(MSG_SISTEMI.nonRiconosciuto(g.name));
    }
  }
  return out;
}

/** every system's findings */
export function controllaCartella(c: Cartella): Finding[] {
  return [...gestionale.controlla(c.gestionale), ...fasi.controlla(c.fasi), ...matrice.controlla(c.matrice ?? []), ...progetti.controlla(c.progetti ?? [])];
}

/** every card as the front ends list it, sheet by sheet in workbook order */
export function sintesiCartella(c: Cartella, segnalazioni: readonly Finding[], calcolo?: CalcoloResult): SintesiScheda[] {
  const esiti = calcolo?.schede;
  return [
    ...gestionale.sintesi(c.gestionale, segnalazioni, esiti),
    ...fasi.sintesi(c.fasi, segnalazioni, esiti),
    ...matrice.sintesi(c.matrice ?? [], segnalazioni, esiti),
    ...progetti.sintesi(c.progetti ?? [], segnalazioni, esiti),
  ];
}

/** the cards of every system as the shared compute's cards */
export function schedePerCalcolo(c: Cartella): Scheda[] {
  return [...gestionale.perCalcolo(c.gestionale), ...fasi.perCalcolo(c.fasi), ...matrice.perCalcolo(c.matrice ?? []), ...progetti.perCalcolo(c.progetti ?? [])];
}

export interface CalcoloCartella extends CalcoloResult {
  /** the fasi services' and centri's levels */
  gruppi: LivelloGruppo[];
  /** the matrix cards' areas: each one's weighted contribution */
  aree?: ContributoArea[];
  /** the productivity fund's outcome (`progetti`), null without a projects table */
  fondo: EsitoFondo | null;
}

/**
 * compute every system's cards in one shared compute (one Riepilogo, one undo step), with the fasi services' and
 * centri's levels below the objectives' rows of the Riepilogo
 */
export function calcolaCartella(c: Cartella, grids: Grid[], opts: CalcolaOpts): CalcoloCartella {
  const controlli = opts.controlli ?? controllaCartella(c);
  const schede = schedePerCalcolo(c);
  const carteProgetti = c.progetti ?? [];
  return conGruppi(calcola(schede, grids, opzioniCartella(schede, { ...opts, controlli }, carteProgetti)), schede, carteProgetti);
}

/**
 * the compute's options with the systems' own Riepilogo rows: TIPO on the fasi objectives' and matrix cards' rows,
 * each matrix card's Area/Settore rows below it, and the fasi services' and centri's levels at the end. They are part
 * of the compute, so the registry keeps them and an undo gives them back (front ends that run the compute step by
 * step pass these options too).
 */
export function opzioniCartella(schede: readonly Scheda[], opts: CalcolaOpts, carteProgetti: readonly CartaProgetti[] = []): CalcolaOpts {
  const obiettivi = obiettiviFasi(schede);
  const carte = carteMatrice(schede);
  const fondo = carteProgetti.some((c) => c.tipo === 'tabella');
  if (!obiettivi.length && !carte.length && !fondo) return opts;
  const key = (foglio: string, scheda: number) => `${foglio}|${scheda}`;
  const fasiKeys = new Set(obiettivi.map((o) => key(o.sheet, o.index)));
  const perCarta = new Map(carte.map((c) => [key(c.sheet, c.index), c]));
  const prima = opts.riepilogo;
  const calcolatoIl = opts.now.toISOString();
  return {
    ...opts,
    riepilogo: (base, esiti) => {
      const righe0 = prima ? prima(base, esiti) : base;
      // the productivity fund (progetti): each project's money and state on its row (rows still one per result)
      const esito = fondo ? esitoFondoDi(carteProgetti, esiti) : null;
      const righe = esito ? righeProgettiConFondo(righe0, esiti, esito) : righe0;
      // the Riepilogo's rows are the compute's results in order: each card says its system in TIPO; a matrix card's
      // Area/Settore rows follow it (contribution = level × % di contribuzione, partial while an indicator is unmeasured)
      const out: RigaRiepilogo[] = [];
      righe.forEach((riga, i) => {
        const e = esiti[i];
        const c = e ? perCarta.get(key(e.foglio, e.scheda)) : undefined;
        if (e && fasiKeys.has(key(e.foglio, e.scheda))) out.push({ ...riga, tipo: TESTI_FASI_CALCOLO.tipoObiettivo });
        else if (e && c) {
          out.push({ ...riga, tipo: TESTI_MATRICE_CALCOLO.tipoObiettivo });
          for (const a of contributiAree(c, e)) {
            out.push({
              foglio: c.sheet,
              obiettivo: TESTI_MATRICE_CALCOLO.rigaArea(a.area, riga.obiettivo),
              dirigente: riga.dirigente,
              unita: a.area,
              tipo: TESTI_MATRICE_CALCOLO.tipoArea,
              anno: e.anno,
              azioni: a.indicatori,
              rilevate: a.rilevate,
              grado: a.contributo,
              ...(riga.stato ? { stato: riga.stato } : {}),
              peso: a.pesoAssoluto,
              segnalazioni: segnalazioniTesto(0, 0, 0),
              calcolatoIl,
            });
          }
        } else out.push(riga);
      });
      // the fasi services' and centri's levels below every card's rows
      const gruppi: RigaRiepilogo[] = livelliGruppi(obiettivi, esiti)
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
      // then the fund's sectors and the whole fund, with its reserve
      return [...out, ...gruppi, ...(esito ? righeFondo(esito, carteProgetti, calcolatoIl) : [])];
    },
  };
}

function obiettiviFasi(schede: readonly Scheda[]): ObiettivoFasi[] {
  return schede.map(obiettivoDi).filter((o): o is ObiettivoFasi => o !== undefined);
}

function carteMatrice(schede: readonly Scheda[]): CartaMatrice[] {
  return schede.map(cartaMatriceDi).filter((c): c is CartaMatrice => c !== undefined);
}

/**
 * a compute's result (run with `opzioniCartella`) with the fasi services' and centri's levels, the matrix cards'
 * areas (each one's weighted contribution) and the productivity fund's outcome, for the front ends that list them
 */
export function conGruppi(r: CalcoloResult, schede: readonly Scheda[], carteProgetti: readonly CartaProgetti[] = []): CalcoloCartella {
  const perCarta = new Map(carteMatrice(schede).map((c) => [`${c.sheet}|${c.index}`, c]));
  const aree = r.schede.flatMap((e) => {
    const c = perCarta.get(`${e.foglio}|${e.scheda}`);
    return c ? contributiAree(c, e) : [];
  });
  return {
    ...r,
    gruppi: livelliGruppi(obiettiviFasi(schede), r.schede),
    ...(perCarta.size ? { aree } : {}),
    fondo: esitoFondoDi(carteProgetti, r.schede),
  };
}

/** the system a card of the shared compute belongs to */
export function sistemaDellaScheda(s: Scheda): NomeSistema {
  if (cartaMatriceDi(s)) return 'matrice';
  if (progettoDi(s)) return 'progetti';
  return obiettivoDi(s) ? 'fasi' : 'gestionale';
}
