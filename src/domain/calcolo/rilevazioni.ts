/**
 * The Rilevazioni sheet: one row per action per annualità where staff record what was achieved.
 * Read it (header found by its labels, in any row) and prepare it (create it, or append the
 * missing rows, never touching what people typed; rows whose action disappeared are marked).
 */
import { type Cell, type Grid, cellText, colToLetters, isEmptyCell, toA1 } from '../grid';
import { ruleKindLabel } from '../graduazione';
import { type CellWrite, type PlannedCell, type SheetPlan, type WritePlan, landscapeA4Print } from '../plan';
import { compactLabel } from '../scheda/labels';
import type { Scheda } from '../scheda/types';
import {
  FOGLIO_RILEVAZIONI,
  INTESTAZIONI_RILEVAZIONI,
  MSG_CALCOLO,
  STATO_AZIONE_ASSENTE,
  TABELLA_RILEVAZIONI,
} from '../testi/calcolo';
import { type AzioneRef, azioniDi, refKey, rowKey } from './azioni';
import { readIntCell } from './valori';

export type ColonnaRil = keyof typeof INTESTAZIONI_RILEVAZIONI;
export const COLONNE_RIL = Object.keys(INTESTAZIONI_RILEVAZIONI) as ColonnaRil[];

export interface RigaRilevazione {
  /** 0-based grid row */
  row: number;
  foglio: string;
  /** card position on its sheet (empty = 1) */
  scheda: number;
  anno: number | null;
  n: number | null;
  cells: Partial<Record<ColonnaRil, Cell>>;
  key: string | null;
}

export interface ProblemaRilevazione {
  cell: string;
  message: string;
}

export interface TabellaRilevazioni {
  sheet: string;
  /** 0-based header row, -1 when not found */
  headerRow: number;
  columns: Partial<Record<ColonnaRil, number>>;
  rows: RigaRilevazione[];
  /** 0-based last row with content (the header row when there are no data rows) */
  lastRow: number;
  problems: ProblemaRilevazione[];
}

const LABELS = new Map(COLONNE_RIL.map((k) => [compactLabel(INTESTAZIONI_RILEVAZIONI[k]), k]));
// tolerated variants
LABELS.set('n', 'n');
LABELS.set('nr', 'n');
LABELS.set('numero', 'n');
LABELS.set('livellomanuale', 'livelloManuale');
LABELS.set('livello', 'livelloManuale');
LABELS.set('valore', 'valore');
LABELS.set('datadicompletamento', 'dataCompletamento');

function headerColumns(g: Grid, r: number): Partial<Record<ColonnaRil, number>> {
  const cols: Partial<Record<ColonnaRil, number>> = {};
  const row = g.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const k = LABELS.get(compactLabel(cellText(row[c])));
    if (k && cols[k] === undefined) cols[k] = c;
  }
  return cols;
}

export function rilCell(t: TabellaRilevazioni, row: number, k: ColonnaRil): string {
  const c = t.columns[k];
  return c === undefined ? `${row + 1}` : toA1(row, c);
}

/** read the Rilevazioni sheet (values as typed; nothing is interpreted for a rule here) */
export function readRilevazioni(g: Grid): TabellaRilevazioni {
  const t: TabellaRilevazioni = { sheet: g.name, headerRow: -1, columns: {}, rows: [], lastRow: -1, problems: [] };
  for (let r = 0; r < g.rows.length && r < 200; r++) {
    const cols = headerColumns(g, r);
    if (cols.foglio !== undefined && cols.anno !== undefined && cols.n !== undefined) {
      t.headerRow = r;
      t.columns = cols;
      break;
    }
  }
  if (t.headerRow < 0) {
    for (let r = g.rows.length - 1; r >= 0; r--) if ((g.rows[r] ?? []).some((c) => !isEmptyCell(c))) return { ...t, lastRow: r };
    return t;
  }
  t.lastRow = t.headerRow;
  for (let r = t.headerRow + 1; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (!row.some((c) => !isEmptyCell(c))) continue;
    t.lastRow = r;
    const cells: Partial<Record<ColonnaRil, Cell>> = {};
    for (const k of COLONNE_RIL) {
      const c = t.columns[k];
      if (c !== undefined && row[c] && !isEmptyCell(row[c])) cells[k] = row[c];
    }
    const foglio = cellText(cells.foglio);
    const scheda = cells.scheda ? readIntCell(cells.scheda) : 1;
    const anno = readIntCell(cells.anno);
    const n = readIntCell(cells.n);
    if (cells.anno && anno === null)
      t.problems.push({ cell: rilCell(t, r, 'anno'), message: MSG_CALCOLO.annoNonValido(rilCell(t, r, 'anno'), cellText(cells.anno)) });
    const key = foglio && scheda !== null && anno !== null && n !== null ? rowKey(foglio, scheda || 1, anno, n) : null;
    t.rows.push({ row: r, foglio, scheda: scheda || 1, anno, n, cells, key });
  }
  return t;
}

export function findRilevazioni(grids: Grid[]): Grid | undefined {
  return grids.find((g) => compactLabel(g.name) === compactLabel(FOGLIO_RILEVAZIONI));
}

// ---- prepara ------------------------------------------------------------------------------

const WIDTHS: Record<ColonnaRil, number> = {
  foglio: 24,
  scheda: 8,
  anno: 8,
  n: 5,
  azione: 50,
  tipo: 14,
  scadenza: 12,
  dataCompletamento: 14,
  valore: 16,
  livelloManuale: 12,
  motivazione: 40,
  note: 30,
  stato: 22,
};
const DATE_FMT = 'dd/mm/yyyy';

/** the pre-filled values of a row for an action */
function prefill(r: AzioneRef): Partial<Record<ColonnaRil, string | number | Date>> {
  const testo = (r.azione.azione?.value ?? '').replace(/\s+/g, ' ').trim();
  const out: Partial<Record<ColonnaRil, string | number | Date>> = {
    foglio: r.scheda.sheet,
    scheda: r.scheda.index,
    anno: r.anno,
    n: r.n,
    azione: testo.length > 250 ? `${testo.slice(0, 249)}…` : testo,
    tipo: ruleKindLabel(r.rule.kind),
  };
  const ref = r.rule.reference?.date;
  if (ref) out.scadenza = ref;
  return out;
}

export interface PreparaResult {
  plan: WritePlan;
  /** rows added */
  aggiunte: number;
  /** rows newly marked "Azione non più presente" */
  orfane: number;
}

/** create the Rilevazioni sheet, or append the rows missing for the cards' actions */
export function preparaRilevazioniDettagli(schede: Scheda[], grids: Grid[]): PreparaResult {
  const refs = azioniDi(schede);
  const g = findRilevazioni(grids);
  if (!g) return nuovoFoglio(refs);
  const t = readRilevazioni(g);
  const cells: CellWrite[] = [];
  const sheet = g.name;
  // the header, when missing: below whatever is on the sheet
  if (t.headerRow < 0) {
    t.headerRow = t.lastRow < 0 ? 0 : t.lastRow + 2;
    t.lastRow = t.headerRow;
    COLONNE_RIL.forEach((k, i) => {
      t.columns[k] = i;
      cells.push({ sheet, address: toA1(t.headerRow, i), value: INTESTAZIONI_RILEVAZIONI[k] });
    });
  }
  const expected = new Set(refs.map(refKey));
  const present = new Set(t.rows.map((r) => r.key).filter((k): k is string => !!k));
  // Stato column for marks, added after the last header when missing
  const statoCol = (): number => {
    if (t.columns.stato === undefined) {
      const used = Object.values(t.columns) as number[];
      let c = Math.max(...used) + 1;
      while (!isEmptyCell(g.rows[t.headerRow]?.[c])) c++;
      t.columns.stato = c;
      cells.push({ sheet, address: toA1(t.headerRow, c), value: INTESTAZIONI_RILEVAZIONI.stato });
    }
    return t.columns.stato;
  };
  let orfane = 0;
  for (const row of t.rows) {
    const stato = cellText(row.cells.stato);
    const orphan = !!row.key && !expected.has(row.key);
    if (orphan && stato !== STATO_AZIONE_ASSENTE) {
      if (stato) continue; // the Stato cell holds something typed: leave it
      cells.push({ sheet, address: toA1(row.row, statoCol()), value: STATO_AZIONE_ASSENTE });
      orfane++;
    } else if (!orphan && stato === STATO_AZIONE_ASSENTE) {
      cells.push({ sheet, address: toA1(row.row, statoCol()), value: null });
    }
  }
  let r = t.lastRow + 1;
  let aggiunte = 0;
  for (const ref of refs) {
    if (present.has(refKey(ref))) continue;
    const vals = prefill(ref);
    for (const k of COLONNE_RIL) {
      const c = t.columns[k];
      if (c === undefined) continue;
      const v = vals[k];
      const isDate = k === 'scadenza' || k === 'dataCompletamento';
      if (v === undefined && !isDate && k !== 'livelloManuale') continue;
      cells.push({
        sheet,
        address: toA1(r, c),
        ...(v !== undefined ? { value: v } : {}),
        ...(isDate ? { numFmt: DATE_FMT } : k === 'livelloManuale' ? { numFmt: '0%' } : {}),
      });
    }
    r++;
    aggiunte++;
  }
  return { plan: cells.length ? { cells } : {}, aggiunte, orfane };
}

function nuovoFoglio(refs: AzioneRef[]): PreparaResult {
  const cells: PlannedCell[] = [];
  const header = { bold: true, fill: '#DDEBF7', border: true, wrap: true, vAlign: 'middle' as const };
  COLONNE_RIL.forEach((k, c) => cells.push({ address: toA1(0, c), value: INTESTAZIONI_RILEVAZIONI[k], style: header }));
  refs.forEach((ref, i) => {
    const vals = prefill(ref);
    COLONNE_RIL.forEach((k, c) => {
      const input = k === 'dataCompletamento' || k === 'valore' || k === 'livelloManuale' || k === 'motivazione' || k === 'note';
      cells.push({
        address: toA1(i + 1, c),
        ...(vals[k] !== undefined ? { value: vals[k] } : {}),
        style: {
          border: true,
          wrap: k === 'azione' || k === 'motivazione' || k === 'note',
          vAlign: 'top',
          ...(k === 'scadenza' || k === 'dataCompletamento' ? { numFmt: DATE_FMT } : {}),
          ...(k === 'livelloManuale' ? { numFmt: '0%' } : {}),
          ...(input ? { locked: false } : {}),
        },
      });
    });
  });
  const last = colToLetters(COLONNE_RIL.length - 1);
  const plan: SheetPlan = {
    name: FOGLIO_RILEVAZIONI,
    mode: 'create',
    cells,
    columnWidths: Object.fromEntries(COLONNE_RIL.map((k, c) => [colToLetters(c), WIDTHS[k]])),
    freezeRows: 1,
    tabColor: '#2F75B5',
    ...(refs.length ? { tables: [{ name: TABELLA_RILEVAZIONI, range: `A1:${last}${refs.length + 1}`, style: 'TableStyleLight9' }] } : {}),
    print: landscapeA4Print(),
  };
  return { plan: { sheets: [plan], select: { sheet: FOGLIO_RILEVAZIONI, range: 'H2' } }, aggiunte: refs.length, orfane: 0 };
}

/** the WritePlan that creates or extends the Rilevazioni sheet ({} when nothing is missing) */
export function preparaRilevazioni(schede: Scheda[], grids: Grid[]): WritePlan {
  return preparaRilevazioniDettagli(schede, grids).plan;
}
