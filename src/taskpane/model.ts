/**
 * Pure view-model logic of the task pane: no React, no port. Unit-tested in test/taskpane.
 */
import { formatNumberIt, formatPercentIt, parseA1, parseRange, type Grid } from '../domain/grid';
import { correzioneDettagli, oraLocale } from '../domain/calcolo';
import type { WritePlan } from '../domain/plan';
import { periodoTesto } from '../domain/sistemi/sintesi';
import { schedaLabel, type Scheda } from '../domain/scheda/types';
import type { Correzione, Finding, Gravita } from '../domain/controlli/types';

export const schedaKey = (s: Pick<Scheda, 'sheet' | 'index'>): string => `${s.sheet}#${s.index}`;

// ---- levels already on the card --------------------------------------------------------

export interface LivelloAnnualita {
  anno: number | null;
  /** 0..1 weighted by PESO over the actions that have a % value; null when none has */
  livello: number | null;
  rilevate: number;
  totale: number;
  /** some action has no % yet: the level is not final */
  parziale: boolean;
  /** Σ PESO when it is not 100, else null */
  pesoTotaleErrato: number | null;
}

function asLevel(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1.0001 ? v / 100 : v;
  return null;
}

/** the level of each annualità from the card's own % cells (what the last compute wrote) */
export function livelliScheda(s: Scheda): LivelloAnnualita[] {
  return s.annualita.map((a) => {
    let num = 0;
    let den = 0;
    let rilevate = 0;
    let pesi = 0;
    let conPeso = 0;
    for (const az of a.azioni) {
      if (az.peso?.points !== null && az.peso?.points !== undefined) {
        pesi += az.peso.points;
        conPeso++;
      }
      const lvl = asLevel(az.percentuale?.value);
      if (lvl === null) continue;
      rilevate++;
      const w = az.peso?.points ?? 0;
      num += w * lvl;
      den += w;
    }
    const somma = Math.round(pesi * 100) / 100;
    return {
      anno: a.anno,
      livello: rilevate > 0 && den > 0 ? num / den : null,
      rilevate,
      totale: a.azioni.length,
      parziale: rilevate < a.azioni.length,
      // the same tolerance as the PESO_SOMMA check
      pesoTotaleErrato: conPeso > 0 && Math.abs(somma - 100) > 0.005 ? somma : null,
    };
  });
}

// ---- Panoramica ------------------------------------------------------------------------

export interface CardSummary {
  key: string;
  sheet: string;
  index: number;
  titolo: string;
  dirigente: string | null;
  tipo: Scheda['tipo'];
  anni: number[];
  periodo: string | null;
  /** the latest annualità with a computed level */
  livello: { anno: number | null; livello: number } | null;
  /** every annualità with its level from the card's % cells (null when none is filled in) */
  livelli: LivelloAnnualita[];
  errori: number;
  avvisi: number;
  /** where to go when the card is clicked */
  cell: string;
}

export function findingsOf(s: Pick<Scheda, 'sheet' | 'index'>, findings: Finding[]): Finding[] {
  return findings.filter((f) => f.foglio === s.sheet && (f.scheda ?? 1) === s.index);
}

export function summarize(schede: Scheda[], findings: Finding[]): CardSummary[] {
  return schede.map((s) => {
    const own = findingsOf(s, findings);
    const all = livelliScheda(s);
    const livelli = all.filter((l) => l.livello !== null);
    const last = livelli[livelli.length - 1];
    return {
      key: schedaKey(s),
      sheet: s.sheet,
      index: s.index,
      titolo: schedaLabel(s),
      dirigente: s.header.dirigente?.value?.trim() || null,
      tipo: s.tipo,
      anni: s.annualita.map((a) => a.anno).filter((y): y is number => y !== null),
      periodo: s.periodo ? periodoTesto(s.periodo) : null,
      livello: last ? { anno: last.anno, livello: last.livello as number } : null,
      livelli: all,
      errori: own.filter((f) => f.gravita === 'errore').length,
      avvisi: own.filter((f) => f.gravita === 'avviso').length,
      cell: s.titolo?.cell ?? s.range.split(':')[0] ?? 'A1',
    };
  });
}

export const pct = (level: number): string => formatPercentIt(level, 1);

// ---- Controlli ---------------------------------------------------------------------------

export interface FindingGroup {
  /** schedaKey, or the sheet name for findings outside any card, or '' for the workbook */
  key: string;
  label: string;
  sheet: string | null;
  severities: { gravita: Gravita; items: Finding[] }[];
  count: number;
}

const ORDER: Gravita[] = ['errore', 'avviso', 'info'];
/** the rank of the most serious finding (0 = an error) */
const worst = (items: Finding[]): number => Math.min(...items.map((f) => ORDER.indexOf(f.gravita)));

/** findings grouped by card (in workbook order) then by severity (errors first) */
export function groupFindings(findings: Finding[], schede: Scheda[], workbookLabel = ''): FindingGroup[] {
  const groups = new Map<string, { label: string; sheet: string | null; items: Finding[]; order: number }>();
  schede.forEach((s, i) => groups.set(schedaKey(s), { label: schedaLabel(s), sheet: s.sheet, items: [], order: i }));
  for (const f of findings) {
    const byCard = f.foglio ? `${f.foglio}#${f.scheda ?? 1}` : '';
    let key = groups.has(byCard) ? byCard : f.foglio || '';
    if (!groups.has(key)) {
      groups.set(key, { label: f.foglio || workbookLabel, sheet: f.foglio || null, items: [], order: schede.length + groups.size });
    }
    groups.get(key)!.items.push(f);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.items.length > 0)
    // the cards with errors first (an error is what must be mended), then warnings, then notes; workbook order within
    .sort((a, b) => worst(a[1].items) - worst(b[1].items) || a[1].order - b[1].order)
    .map(([key, g]) => ({
      key,
      label: g.label,
      sheet: g.sheet,
      count: g.items.length,
      severities: ORDER.map((gravita) => ({ gravita, items: g.items.filter((f) => f.gravita === gravita) })).filter(
        (x) => x.items.length > 0,
      ),
    }));
}

export function countBySeverity(findings: Finding[]): Record<Gravita, number> {
  const out: Record<Gravita, number> = { errore: 0, avviso: 0, info: 0 };
  for (const f of findings) out[f.gravita]++;
  return out;
}

/** the first cell of a finding's first range (what Excel selects) */
export function firstRange(f: Finding): string {
  return f.celle[0] ?? 'A1';
}

/**
 * The plan of a "Correggi": the value in the cell's own format (a PESO of 40 in a %-formatted cell is 0,4), and the
 * step recorded in the workbook's undo history (given the workbook's sheets; without them only the cell is written)
 */
export function correzionePlan(c: Correzione, grids: Grid[] = [], now: Date = oraLocale(new Date())): WritePlan {
  return correzioneDettagli(grids, c, now).plan;
}

/** is the fix still what the workbook as it is now proposes for that cell? (same finding, same correction) */
export function correzioneAncoraValida(c: Correzione, findings: readonly Finding[]): boolean {
  return findings.some((f) => f.correzione && JSON.stringify(f.correzione) === JSON.stringify(c));
}

export function correzioneText(c: Correzione): string {
  return c.tipo === 'graduazione-canonica' ? c.testo : formatNumberIt(c.valore);
}

// ---- selection → card ----------------------------------------------------------------------

/** the card whose rows contain the selection's first cell */
export function schedaAtSelection(schede: Scheda[], sheet: string, range: string): Scheda | null {
  const first = parseA1(range.split(':')[0] ?? '');
  const onSheet = schede.filter((s) => s.sheet === sheet);
  if (!first) return onSheet[0] ?? null;
  return onSheet.find((s) => first.r >= s.firstRow && first.r <= s.lastRow) ?? onSheet[0] ?? null;
}

// ---- list of new objectives from a selected range ----------------------------------------

/** a selected range's values as a grid (for the core's readElenco) */
export function gridFromValues(values: (string | number | boolean | null)[][], name = 'Selezione'): Grid {
  return {
    name,
    merges: [],
    rows: values.map((row) =>
      row.map((v) => (v === null || v === undefined || v === '' ? undefined : { v, t: typeof v === 'number' ? formatNumberIt(v, 10) : String(v) })),
    ),
  };
}

/** "2025-2027" / "2025 – 2027" → {from, to}; null when not a valid period */
export function parsePeriodo(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to < from || to - from > 4 || from < 2000 || to > 2100) return null;
  return { from, to };
}

// ---- grid helpers used by the preview ----------------------------------------------------

/** every cell (0-based) covered by a list of A1 ranges */
export function cellsOf(ranges: string[]): Set<string> {
  const out = new Set<string>();
  for (const ref of ranges) {
    const r = parseRange(ref);
    if (!r) continue;
    const rows = Math.min(r.r2 - r.r1, 500);
    const cols = Math.min(r.c2 - r.c1, 100);
    for (let i = 0; i <= rows; i++) for (let j = 0; j <= cols; j++) out.add(`${r.r1 + i},${r.c1 + j}`);
  }
  return out;
}

export function visibleGrids(grids: Grid[]): Grid[] {
  return grids.filter((g) => g.visibility !== 'veryHidden' && g.visibility !== 'hidden');
}
