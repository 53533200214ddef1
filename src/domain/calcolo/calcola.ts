/**
 * Compute: cards + Rilevazioni -> level per action, RAGGIUNTO text, card level per annualità,
 * findings, and the WritePlan that writes RAGGIUNTO/% (safely), the Riepilogo and the bookkeeping.
 *
 * Safe writing: a RAGGIUNTO/% cell is ours to write when it is empty, already holds the computed value, or
 * still holds what the last compute wrote (the bookkeeping's `scritti`); anything else was typed by hand and is
 * a CONFLITTO_MANUALE finding, unless forced (`forza`, `forzaCelle`). Every cell written goes, with what it held
 * before, into the undo snapshot; a compute that writes no card cell keeps the previous snapshot.
 */
import { checkWorkbook } from '../controlli';
import { type Finding, GRAVITA_DI, type Codice } from '../controlli/types';
import { evaluate } from '../graduazione';
import type { RuleKind } from '../graduazione/types';
import { type CellValue, type Grid, formatPercentIt, parseA1 } from '../grid';
import type { CellWrite, WritePlan } from '../plan';
import { schedaLabel, type Scheda } from '../scheda/types';
import {
  FOGLIO_RILEVAZIONI,
  MSG_CALCOLO,
  MSG_RILEVAZIONI,
  RAGGIUNTO_MANUALE,
  SPIEGAZIONE_MANUALE,
  annualitaTesto,
  segnalazioniTesto,
  statoGradoTesto,
  tipoSchedaTesto,
} from '../testi/calcolo';
import { type AzioneRef, azioneLabel, azioniDi, refKey } from './azioni';
import { cosaServe, leggiRiga } from './misura';
import { type CellaSalvata, type Registro, type RigaRiepilogo, conPasso, leggiRegistro, registroPlan } from './registro';
import { nomeRiepilogo, percentFormat, riepilogoPlan } from './riepilogo';
import { type RigaRilevazione, type TabellaRilevazioni, findRilevazioni, readRilevazioni, rilCell } from './rilevazioni';
import { decodeValue, encodeValue, readLevelCell, sameContent, valueText } from './valori';

export interface CalcolaOpts {
  /** only this annualità's year */
  anno?: number;
  /** overwrite every hand-typed RAGGIUNTO/% cell */
  forza?: boolean;
  /**
   * overwrite just these hand-typed cells, as "Foglio!A1" (the `foglio` and `celle[0]` of a
   * CONFLITTO_MANUALE finding); the hand value is kept in the undo snapshot
   */
  forzaCelle?: string[];
  /** the time shown in "Calcolato il" (wall-clock time expressed as UTC fields, see `oraLocale`) */
  now: Date;
  /**
   * `checkWorkbook(schede)` when the caller has already run it (the task pane has): the compute starts its
   * findings from these (copied, never changed) instead of checking the cards again
   */
  controlli?: readonly Finding[];
  /**
   * the card systems' own rows of the Riepilogo (a service's level, a fund's outcome…) and their TIPO: applied to the
   * rows before they are written and kept in the registry, so an undo gives back the Riepilogo whole
   */
  riepilogo?: (righe: RigaRiepilogo[], esiti: readonly EsitoScheda[]) => RigaRiepilogo[];
}

/** how far a compute has gone: `done` of `total` cards, the last one being `label` */
export interface Progresso {
  done: number;
  total: number;
  label: string;
}

/** "Foglio!A1" with the address normalised (no $, upper case) */
export function chiaveCella(foglio: string, address: string): string {
  return `${foglio}!${address.replace(/\$/g, '').toUpperCase()}`;
}

export type StatoAzione = 'calcolata' | 'mancante' | 'non-valida';
export type StatoScrittura = 'scritta' | 'invariata' | 'conflitto' | 'nessuna';

export interface EsitoAzione {
  n: number;
  peso: number | null;
  azione: string;
  tipo: RuleKind;
  /** 0..1, null when not computed */
  livello: number | null;
  raggiunto: string | null;
  manuale: boolean;
  /**
   * the level is the one typed by hand in the card's % cell: kept over the computed one (a CONFLITTO_MANUALE
   * not overwritten), or on an action with no measurement; `livelloCalcolato` is then what the compute found
   */
  aMano: boolean;
  livelloCalcolato: number | null;
  /** the band that decided, or the manual level's reason */
  spiegazione: string;
  stato: StatoAzione;
  /** what happened to the RAGGIUNTO/% cells (the worst of the two) */
  scrittura: StatoScrittura;
  raggiuntoCell: string | null;
  percentualeCell: string | null;
  /** 1-based row of the Rilevazioni sheet, when there is one */
  rigaRilevazione: number | null;
}

export interface EsitoScheda {
  foglio: string;
  scheda: number;
  label: string;
  /** 1..3 */
  annualita: number;
  anno: number | null;
  /** Σ(PESO×level)/Σ(PESO) over computed actions, null when none */
  grado: number | null;
  azioni: EsitoAzione[];
  rilevate: number;
  nonRilevate: number;
  /** true while some action has no level: the grade is not final */
  parziale: boolean;
  /** Σ PESO of the annualità's actions when it is not 100 (the grade is then questionable), else null */
  pesoTotaleErrato: number | null;
  /** actions whose level is a hand-typed % (see EsitoAzione.aMano) */
  aMano: number;
  segnalazioni: { errori: number; avvisi: number; info: number };
}

export interface CalcoloResult {
  schede: EsitoScheda[];
  segnalazioni: Finding[];
  plan: WritePlan;
  /** cells the plan changes on the cards */
  scritte: number;
  conflitti: number;
  /** general notes (no Rilevazioni sheet, unreadable bookkeeping) */
  messaggi: string[];
  riepilogo: { foglio: string; righe: RigaRiepilogo[] };
}

/** a wall-clock time as UTC fields (how the core stores dates), for "Calcolato il" */
export function oraLocale(d: Date): Date {
  return new Date(
    Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()),
  );
}

function finding(codice: Codice, foglio: string, celle: string[], messaggio: string, scheda?: number): Finding {
  return { codice, gravita: GRAVITA_DI[codice], foglio, celle, messaggio, ...(scheda !== undefined ? { scheda } : {}) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function emptyTable(): TabellaRilevazioni {
  return { sheet: FOGLIO_RILEVAZIONI, headerRow: -1, columns: {}, rows: [], lastRow: -1, problems: [] };
}

function annoText(r: AzioneRef): string {
  return annualitaTesto(r.annualita.anno, r.annualita.n);
}

/** the cell of a Rilevazioni row a finding about its value points at */
function rowCell(t: TabellaRilevazioni, row: RigaRilevazione): string {
  const k = row.cells.valore ? 'valore' : row.cells.dataCompletamento ? 'dataCompletamento' : 'n';
  return rilCell(t, row.row, k);
}

export function calcola(schede: Scheda[], grids: Grid[], opts: CalcolaOpts): CalcoloResult {
  const steps = calcolaPassi(schede, grids, opts);
  let s = steps.next();
  while (!s.done) s = steps.next();
  return s.value;
}

/**
 * The same compute, one card at a time: yields after each card (for a progress bar that lets the
 * browser paint between cards) and returns the whole result, with its single WritePlan, at the end.
 */
export function* calcolaPassi(schede: Scheda[], grids: Grid[], opts: CalcolaOpts): Generator<Progresso, CalcoloResult, void> {
  const messaggi: string[] = [];
  const { registro, illeggibile } = leggiRegistro(grids);
  if (illeggibile) messaggi.push(MSG_RILEVAZIONI.registroIlleggibile);
  const rg = findRilevazioni(grids);
  const tab = rg ? readRilevazioni(rg) : emptyTable();
  if (!rg) messaggi.push(MSG_RILEVAZIONI.nessunaRilevazione);
  else if (tab.headerRow < 0) messaggi.push(MSG_RILEVAZIONI.intestazioneMancante);
  const rilSheet = rg?.name ?? FOGLIO_RILEVAZIONI;

  const segnalazioni: Finding[] = opts.controlli ? [...opts.controlli] : checkWorkbook(schede);
  const own: { f: Finding; scheda: Scheda }[] = [];
  for (const p of tab.problems) segnalazioni.push(finding('RILEVAZIONE_NON_VALIDA', rilSheet, [p.cell], p.message));

  // Rilevazioni rows by key: the first wins, duplicates are reported
  const byKey = new Map<string, RigaRilevazione>();
  for (const row of tab.rows) {
    if (!row.key) continue;
    const first = byKey.get(row.key);
    if (first) {
      const addr = rilCell(tab, row.row, 'n');
      segnalazioni.push(finding('RILEVAZIONE_NON_VALIDA', rilSheet, [addr], MSG_CALCOLO.rigaDuplicata(addr, first.row + 1)));
    } else byKey.set(row.key, row);
  }

  const gridOf = new Map(grids.map((g) => [g.name, g]));
  const forzate = new Set(
    (opts.forzaCelle ?? []).map((k) => {
      const i = k.lastIndexOf('!');
      return i < 0 ? k : chiaveCella(k.slice(0, i), k.slice(i + 1));
    }),
  );
  const scritti = { ...registro.scritti };
  const celle: CellaSalvata[] = [];
  const writes: CellWrite[] = [];
  let conflitti = 0;
  /** % cells typed by hand and kept (not overwritten): their level, by logical key (null: not a level) */
  const tenuti = new Map<string, number | null>();

  const pianifica = (r: AzioneRef, campo: 'r' | 'p', address: string, value: CellValue, numFmt?: string): StatoScrittura => {
    const sheet = r.scheda.sheet;
    const key = `${refKey(r)}|${campo}`;
    const pos = parseA1(address);
    const cell = pos ? gridOf.get(sheet)?.rows[pos.r]?.[pos.c] : undefined;
    const entry = { s: sheet, a: address, v: encodeValue(value) };
    if (sameContent(cell, value)) {
      scritti[key] = entry;
      return 'invariata';
    }
    const last = registro.scritti[key];
    const ours = sameContent(cell, null) || (last !== undefined && sameContent(cell, decodeValue(last.v)));
    if (!ours && !opts.forza && !forzate.has(chiaveCella(sheet, address))) {
      conflitti++;
      if (campo === 'p' && cell) tenuti.set(key, readLevelCell(cell));
      const f = finding(
        'CONFLITTO_MANUALE',
        sheet,
        [address],
        MSG_CALCOLO.conflitto(
          address,
          cell ? cell.t || valueText(cell.v) : '',
          campo === 'p' && typeof value === 'number' ? formatPercentIt(value) : valueText(value),
        ),
        r.scheda.index,
      );
      segnalazioni.push(f);
      own.push({ f, scheda: r.scheda });
      return 'conflitto';
    }
    celle.push({
      k: key,
      s: sheet,
      a: address,
      prima: {
        v: encodeValue(cell?.v ?? null),
        ...(cell?.f ? { f: cell.f } : {}),
        ...(cell?.formula ? { fx: cell.formula } : {}),
      },
      dopo: entry.v,
      sp: last ?? null,
    });
    writes.push({ sheet, address, value, ...(numFmt ? { numFmt } : {}) });
    scritti[key] = entry;
    return 'scritta';
  };

  const esiti = new Map<string, EsitoScheda>();
  const unaAzione = (r: AzioneRef): void => {
    const label = azioneLabel(r);
    const anno = annoText(r);
    const row = byKey.get(refKey(r));
    const lettura = tab.headerRow >= 0 ? leggiRiga(r.rule, tab, row) : ({ tipo: 'mancante', perche: 'vuota' } as const);
    const cardCell = r.azione.raggiunto?.cell ?? r.azione.nCell;
    let livello: number | null = null;
    let raggiunto: string | null = null;
    let spiegazione = '';
    let stato: StatoAzione = 'mancante';
    const add = (f: Finding) => {
      segnalazioni.push(f);
      own.push({ f, scheda: r.scheda });
    };
    if (lettura.tipo === 'manuale') {
      livello = lettura.livello;
      raggiunto = RAGGIUNTO_MANUALE(formatPercentIt(livello));
      spiegazione = lettura.motivazione ? SPIEGAZIONE_MANUALE(lettura.motivazione) : raggiunto;
      stato = 'calcolata';
    } else if (lettura.tipo === 'misura') {
      const ev = evaluate(r.rule, lettura.m, r.annualita.anno !== null ? { anno: r.annualita.anno } : {});
      spiegazione = ev.spiegazione;
      if (ev.level === null) {
        stato = 'non-valida';
        add(
          finding('RILEVAZIONE_NON_VALIDA', rilSheet, [rowCell(tab, row!)], MSG_CALCOLO.nonCalcolabile(label, anno, ev.reason ?? ev.spiegazione)),
        );
      } else {
        livello = ev.level;
        raggiunto = ev.raggiunto;
        stato = 'calcolata';
      }
    } else if (lettura.tipo === 'errore') {
      stato = 'non-valida';
      add(finding('RILEVAZIONE_NON_VALIDA', rilSheet, [lettura.cella], lettura.messaggio));
    } else {
      const msg =
        lettura.perche === 'livello' || (lettura.perche === 'vuota' && r.rule.kind === 'manuale')
          ? MSG_CALCOLO.rilevazioneMancanteLivello(label, anno)
          : lettura.perche === 'valore'
            ? MSG_CALCOLO.rilevazioneMancanteValore(label, anno, cosaServe(r.rule))
            : MSG_CALCOLO.rilevazioneMancante(label, anno);
      add(finding('RILEVAZIONE_MANCANTE', r.scheda.sheet, [cardCell], msg, r.scheda.index));
    }

    let scrittura: StatoScrittura = 'nessuna';
    const livelloCalcolato = livello;
    let aMano = false;
    const pKey = `${refKey(r)}|p`;
    if (livello !== null && raggiunto !== null) {
      if (r.azione.raggiunto) scrittura = worst(scrittura, pianifica(r, 'r', r.azione.raggiunto.cell, raggiunto));
      if (r.azione.percentuale) {
        const v = round6(livello);
        scrittura = worst(scrittura, pianifica(r, 'p', r.azione.percentuale.cell, v, percentFormat(v)));
        // a hand-typed % that stays on the card is the level the grade uses: the grade matches what the card shows
        const tenuto = tenuti.get(pKey);
        if (tenuto !== undefined && tenuto !== null) {
          livello = tenuto;
          aMano = true;
          spiegazione = MSG_CALCOLO.spiegazioneTenuto(r.azione.percentuale.cell, formatPercentIt(tenuto), formatPercentIt(v));
        }
      }
    } else if (stato === 'mancante' && r.azione.percentuale) {
      // no measurement, but a % typed by hand on the card (not what the add-in wrote): the grade uses it, and says so
      const pc = r.azione.percentuale;
      const pos = parseA1(pc.cell);
      const cell = pos ? gridOf.get(r.scheda.sheet)?.rows[pos.r]?.[pos.c] : undefined;
      const last = registro.scritti[pKey];
      const nostro = last !== undefined && sameContent(cell, decodeValue(last.v));
      const mano = cell && !nostro && !sameContent(cell, null) ? readLevelCell(cell) : null;
      if (mano !== null) {
        livello = mano;
        aMano = true;
        stato = 'calcolata';
        spiegazione = MSG_CALCOLO.spiegazioneSoloMano(pc.cell, formatPercentIt(mano));
        // the "no measurement" finding just made says more: the hand value is used
        const i = segnalazioni.length - 1;
        const f = finding('RILEVAZIONE_MANCANTE', r.scheda.sheet, [pc.cell], MSG_CALCOLO.soloMano(pc.cell, formatPercentIt(mano), label, anno), r.scheda.index);
        const j = own.findIndex((o) => o.f === segnalazioni[i]);
        if (j >= 0) own.splice(j, 1);
        segnalazioni[i] = f;
        own.push({ f, scheda: r.scheda });
      }
    }

    const ek = `${r.scheda.sheet}|${r.scheda.index}|${r.annualita.n}`;
    let e = esiti.get(ek);
    if (!e) {
      e = {
        foglio: r.scheda.sheet,
        scheda: r.scheda.index,
        label: schedaLabel(r.scheda),
        annualita: r.annualita.n,
        anno: r.annualita.anno,
        grado: null,
        azioni: [],
        rilevate: 0,
        nonRilevate: 0,
        parziale: false,
        pesoTotaleErrato: null,
        aMano: 0,
        segnalazioni: { errori: 0, avvisi: 0, info: 0 },
      };
      esiti.set(ek, e);
    }
    e.azioni.push({
      n: r.n,
      peso: r.azione.peso?.points ?? null,
      azione: r.azione.azione?.value ?? '',
      tipo: r.rule.kind,
      livello: livello === null ? null : round6(livello),
      raggiunto,
      manuale: lettura.tipo === 'manuale',
      aMano,
      livelloCalcolato: livelloCalcolato === null ? null : round6(livelloCalcolato),
      spiegazione,
      stato,
      scrittura,
      raggiuntoCell: r.azione.raggiunto?.cell ?? null,
      percentualeCell: r.azione.percentuale?.cell ?? null,
      rigaRilevazione: row ? row.row + 1 : null,
    });
  };
  for (let i = 0; i < schede.length; i++) {
    for (const r of azioniDi([schede[i]], opts.anno)) unaAzione(r);
    yield { done: i + 1, total: schede.length, label: schedaLabel(schede[i]) };
  }

  const esitiList = [...esiti.values()];
  for (const e of esitiList) completaEsito(e);
  contaSegnalazioni(schede, esitiList, segnalazioni, new Map(own.map((o) => [o.f, o.scheda])));
  const calcolatoIl = opts.now.toISOString();
  const base = righeRiepilogo(schede, esitiList, calcolatoIl);
  const righe = opts.riepilogo ? opts.riepilogo(base, esitiList) : base;
  const foglioRiep = nomeRiepilogo(grids, registro.riepilogo?.foglio ?? null);
  const riepilogoEsiste = grids.some((g) => g.name === foglioRiep);
  const prima = riepilogoEsiste && registro.riepilogo?.foglio === foglioRiep ? registro.riepilogo : null;

  // the bookkeeping: a compute that changes no card cell and leaves the Riepilogo as it was adds no undo step
  const cambiato = celle.length > 0 || !prima || !stesseRighe(prima.righe, righe);
  const nuovo: Registro = {
    versione: 2,
    scritti,
    riepilogo: { foglio: foglioRiep, righe },
    storia: cambiato ? conPasso(registro.storia, { tipo: 'calcolo', quando: calcolatoIl, celle, riepilogo: { prima } }) : registro.storia,
  };
  const plan: WritePlan = {
    sheets: [riepilogoPlan(foglioRiep, righe), registroPlan(nuovo)],
    ...(writes.length ? { cells: writes } : {}),
    select: { sheet: foglioRiep, range: 'A1' },
  };
  return {
    schede: esitiList,
    segnalazioni,
    plan,
    scritte: writes.length,
    conflitti,
    messaggi,
    riepilogo: { foglio: foglioRiep, righe },
  };
}

/** from harmless to worst: what a RAGGIUNTO/% pair reports is the worse of its two cells */
const GRAVITA_SCRITTURA: StatoScrittura[] = ['nessuna', 'invariata', 'scritta', 'conflitto'];

function worst(a: StatoScrittura, b: StatoScrittura): StatoScrittura {
  return GRAVITA_SCRITTURA.indexOf(a) >= GRAVITA_SCRITTURA.indexOf(b) ? a : b;
}

/** an annualità's level, Σ(PESO×level)/Σ(PESO) over its computed actions, and how many were measured */
function completaEsito(e: EsitoScheda): void {
  let num = 0;
  let den = 0;
  for (const a of e.azioni) {
    if (a.livello === null) continue;
    if (a.peso !== null && a.peso > 0) {
      num += a.peso * a.livello;
      den += a.peso;
    }
  }
  e.rilevate = e.azioni.filter((a) => a.livello !== null).length;
  e.nonRilevate = e.azioni.length - e.rilevate;
  e.parziale = e.nonRilevate > 0;
  e.aMano = e.azioni.filter((a) => a.aMano).length;
  e.grado = den > 0 ? round6(num / den) : null;
  // the same tolerance as the PESO_SOMMA check
  const pesi = e.azioni.filter((a) => a.peso !== null);
  const somma = Math.round(pesi.reduce((t, a) => t + (a.peso ?? 0), 0) * 100) / 100;
  e.pesoTotaleErrato = pesi.length > 0 && Math.abs(somma - 100) > 0.005 ? somma : null;
}

/** what qualifies a grade: partial (some actions unmeasured) and/or weights that do not add up to 100 */
export interface StatoGrado {
  parziale: boolean;
  rilevate: number;
  azioni: number;
  pesoTotaleErrato: number | null;
  /** levels typed by hand on the card that the grade uses */
  aMano: number;
}

export function statoGrado(e: Pick<EsitoScheda, 'parziale' | 'rilevate' | 'azioni' | 'pesoTotaleErrato'> & { aMano?: number }): StatoGrado {
  return { parziale: e.parziale, rilevate: e.rilevate, azioni: e.azioni.length, pesoTotaleErrato: e.pesoTotaleErrato, aMano: e.aMano ?? 0 };
}

/** the same Riepilogo rows, but for the time of the compute */
function stesseRighe(a: RigaRiepilogo[], b: RigaRiepilogo[]): boolean {
  const senzaOra = (r: RigaRiepilogo[]) => JSON.stringify(r.map(({ calcolatoIl: _c, ...x }) => ({ ...x, stato: x.stato ?? '' })));
  return senzaOra(a) === senzaOra(b);
}

/**
 * Each finding counts for its card: the one whose compute made it (`ownScheda`), else the card at its sheet
 * (and position, if given). The counts go on every annualità of the card.
 */
function contaSegnalazioni(schede: Scheda[], esiti: EsitoScheda[], segnalazioni: Finding[], ownScheda: Map<Finding, Scheda>): void {
  const bySheet = groupBy(schede, (s) => s.sheet);
  const counts = new Map(schede.map((s) => [s, { errori: 0, avvisi: 0, info: 0 }]));
  for (const f of segnalazioni) {
    const sc = ownScheda.get(f);
    const onSheet = bySheet.get(f.foglio) ?? [];
    const owners = sc ? [sc] : f.scheda === undefined ? (onSheet.length === 1 ? onSheet : []) : onSheet.filter((s) => s.index === f.scheda);
    for (const s of owners) {
      const c = counts.get(s);
      if (!c) continue;
      if (f.gravita === 'errore') c.errori++;
      else if (f.gravita === 'avviso') c.avvisi++;
      else c.info++;
    }
  }
  const esitiBySheet = groupBy(esiti, (e) => e.foglio);
  for (const s of schede) {
    for (const e of esitiBySheet.get(s.sheet) ?? []) if (e.scheda === s.index) e.segnalazioni = counts.get(s)!;
  }
}

/** the Riepilogo's rows: one per card and annualità */
function righeRiepilogo(schede: Scheda[], esiti: EsitoScheda[], calcolatoIl: string): RigaRiepilogo[] {
  const schedaByKey = new Map(schede.map((s) => [`${s.sheet}|${s.index}`, s]));
  return esiti.map((e) => {
    const s = schedaByKey.get(`${e.foglio}|${e.scheda}`)!;
    return {
      foglio: e.foglio,
      // the full title, never cut
      obiettivo: s.header.descrizione?.value?.trim() || e.label,
      dirigente: s.header.dirigente?.value ?? '',
      unita: s.header.unitaResponsabile?.value ?? '',
      tipo: tipoSchedaTesto(s.tipo),
      anno: e.anno,
      azioni: e.azioni.length,
      rilevate: e.rilevate,
      grado: e.grado,
      stato: statoGradoTesto(statoGrado(e)),
      peso: s.pesatura?.totale?.value ?? null,
      segnalazioni: segnalazioniTesto(e.segnalazioni.errori, e.segnalazioni.avvisi, 0),
      calcolatoIl,
    };
  });
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

// ---- shapes for the CLI and the task pane ------------------------------------------------

export interface CalcolaJson {
  schede: {
    foglio: string;
    scheda: number;
    anno: number | null;
    grado: number | null;
    /** actions with a level */
    rilevate: number;
    /** true while some action has none: the grade is not final */
    parziale: boolean;
    /** Σ PESO when it is not 100, else null */
    pesoTotaleErrato: number | null;
    /** actions whose level is a % typed by hand on the card */
    aMano: number;
    azioni: { n: number; peso: number | null; livello: number | null; raggiunto: string | null; aMano?: true }[];
  }[];
  segnalazioni: { codice: string; gravita: string; foglio: string; celle: string[]; messaggio: string }[];
}

/** the `calcola --json` contract of DESIGN.md */
export function calcolaJson(r: CalcoloResult): CalcolaJson {
  return {
    schede: r.schede.map((e) => ({
      foglio: e.foglio,
      scheda: e.scheda,
      anno: e.anno,
      grado: e.grado,
      rilevate: e.rilevate,
      parziale: e.parziale,
      pesoTotaleErrato: e.pesoTotaleErrato,
      aMano: e.aMano,
      azioni: e.azioni.map((a) => ({ n: a.n, peso: a.peso, livello: a.livello, raggiunto: a.raggiunto, ...(a.aMano ? { aMano: true as const } : {}) })),
    })),
    segnalazioni: r.segnalazioni.map((f) => ({
      codice: f.codice,
      gravita: f.gravita,
      foglio: f.foglio,
      celle: f.celle,
      messaggio: f.messaggio,
    })),
  };
}

export interface SchedaPane {
  foglio: string;
  scheda: number;
  label: string;
  annualita: { anno: number | null; grado: number | null; rilevate: number; azioni: number; stato: StatoGrado }[];
  errori: number;
  avvisi: number;
}

/** per card: its label, level per annualità, counts (for the task pane) */
export function summarizeForPane(r: CalcoloResult): SchedaPane[] {
  const out = new Map<string, SchedaPane>();
  for (const e of r.schede) {
    const k = `${e.foglio}|${e.scheda}`;
    let p = out.get(k);
    if (!p) {
      p = { foglio: e.foglio, scheda: e.scheda, label: e.label, annualita: [], errori: e.segnalazioni.errori, avvisi: e.segnalazioni.avvisi };
      out.set(k, p);
    }
    p.annualita.push({ anno: e.anno, grado: e.grado, rilevate: e.rilevate, azioni: e.azioni.length, stato: statoGrado(e) });
  }
  return [...out.values()];
}
