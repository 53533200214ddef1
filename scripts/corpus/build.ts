/**
 * Builder of the test corpus and of the sample workbook: the verbatim lines of a Sarzana card
 * (tab-separated, as in ../shared/seeds/002_…, copied into scripts/corpus/data/*.tsv) become a
 * SheetPlan that looks like the real Excel file the text was extracted from.
 *
 * Rules (the only transformations of the seed text):
 * - one tab field = one cell, in its column; empty fields are empty cells;
 * - HTML left by the extraction becomes what Excel shows: `<input checked="" type="checkbox"/>` → ☑,
 *   `<input type="checkbox"/>` → ☐, `<i>…</i>` → its text;
 * - a field that is only a number (`50`, `1`, `212508`, `1,5`, `108.000,00`) is a number;
 * - in TEMPI (M/F) and ATTESO cells a field that is only a valid dd/mm/yyyy date is a real date
 *   (number format dd/mm/yyyy); `Entro il 31/12/2024`, `30/06/24`, `31/06/2024` stay text;
 * - `100,00%` stays text, as in the source;
 * - option `pesoPercent`: every PESO number n is stored as n/100 with the `0%` format
 *   (used for the Formazione card, 02: 25 → 0,25 shown as 25%);
 * - merges: outside the tables (title, header fields, section titles, unit names, PEG rows) a value
 *   is merged over the empty cells after it, up to the next value or the card's last column;
 *   table rows (N. | PESO …, numbered slots, RISORSE UMANE rows, CRITERIO | PESO …) are never merged.
 * Styles: borders + wrap on every cell of the card, bold title / section titles / table headers,
 * column widths from the action table header, row heights estimated from the text length.
 */
import type { CellValue } from '../../src/domain/grid';
import { colToLetters, isValidYmd, toA1, utcDate } from '../../src/domain/grid';
import type { CellStyle, PlannedCell, SheetPlan } from '../../src/domain/plan';

export interface CardOptions {
  /** store every PESO number as a fraction with the 0% format */
  pesoPercent?: boolean;
}

/** one card's lines, each split into fields, with the extraction's HTML turned into cell text */
export function parseCardText(text: string): string[][] {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((l) => l.split('\t').map(cleanField));
}

export function cleanField(s: string): string {
  return s
    .replace(/<input\s+checked=""\s+type="checkbox"\s*\/>/g, '☑')
    .replace(/<input\s+type="checkbox"\s*\/>/g, '☐')
    .replace(/<\/?i>/g, '');
}

const NUMBER_RE = /^-?(0|[1-9]\d*)(,\d+)?$/;
const THOUSANDS_RE = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** the numeric value of a field that is only a number (Italian notation), else null */
export function numberOf(field: string): number | null {
  const t = field.trim();
  if (NUMBER_RE.test(t)) return Number(t.replace(',', '.'));
  if (THOUSANDS_RE.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return null;
}

/** the date of a field that is only a valid dd/mm/yyyy date, else null */
export function dateOf(field: string): Date | null {
  const m = DATE_RE.exec(field.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? utcDate(y, mo, d) : null;
}

type Kind = 'title' | 'section' | 'tableHeader' | 'tableRow' | 'free' | 'blank';

const SECTION_RE =
  /^(PIL?ANO OPERATIVO|R?I?SORSE UMANE|RSORSE UMANE|PERSONALE COINVOLTO|ASS?[EI]GNAZIONE FINANZIARIA|PESATURA)/i;

function firstNonEmpty(row: string[]): string {
  return (row.find((f) => f.trim() !== '') ?? '').trim();
}

/** which column of the action table holds what, from its header row */
function actionColumns(header: string[]): { peso: number; tempi: number; atteso: number } {
  const find = (re: RegExp) => header.findIndex((h) => re.test(h.trim()));
  return { peso: find(/^PES[OS]$/i), tempi: find(/^TEMPI/i), atteso: find(/^(ATTESO|ATTIVO)$/i) };
}

const HEADER_WIDTHS: [RegExp, number][] = [
  [/^N\.?$/i, 6],
  [/^PES[OS]$/i, 12],
  [/^(AZIONE|INDICAZIONE)$/i, 42],
  [/^TEMPI/i, 20],
  [/^INDICATORI$/i, 28],
  [/^(ATTESO|ATTIVO)$/i, 22],
  [/^GRADUAZIONE$/i, 40],
  [/^(RAGGIUNTO|AGGIUNTO)/i, 16],
  [/^%$/, 8],
];

/** column widths (characters) from the card's first action header row */
export function cardColumnWidths(rows: string[][], width: number): number[] {
  const header = rows.find((r) => /^N\.?$/i.test((r[0] ?? '').trim()) && r.some((f) => /^PES[OS]$/i.test(f.trim())));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const h = (header?.[c] ?? '').trim();
    const hit = HEADER_WIDTHS.find(([re]) => re.test(h));
    out.push(hit ? hit[1] : header && h === '' && c < 9 ? 3 : 14);
  }
  return out;
}

/** the last column holding a value, + 1 */
export function cardWidth(rows: string[][]): number {
  let w = 1;
  for (const r of rows) for (let c = r.length - 1; c >= 0; c--) if (r[c].trim() !== '') { w = Math.max(w, c + 1); break; }
  return w;
}

function classify(rows: string[][]): Kind[] {
  const kinds: Kind[] = [];
  let inTable = false;
  let afterCriteria = false;
  rows.forEach((row, i) => {
    const first = (row[0] ?? '').trim();
    const lead = firstNonEmpty(row);
    let k: Kind;
    if (lead === '') k = 'blank';
    else if (i === 0) k = 'title';
    else if (/^N\.?$/i.test(first) || /^CRITERIO$/i.test(first)) k = 'tableHeader';
    else if (SECTION_RE.test(lead)) k = 'section';
    else if (inTable && (/^\d{1,2}$/.test(first) || first === '')) k = 'tableRow';
    else if (afterCriteria) k = 'tableRow';
    else k = 'free';
    afterCriteria = /^CRITERIO$/i.test(first);
    if (k === 'tableHeader') inTable = true;
    else if (k !== 'tableRow') inTable = false;
    kinds.push(k);
  });
  return kinds;
}

const FILL_TITLE = '#D9E1F2';
const FILL_SECTION = '#DDEBF7';
const FILL_HEADER = '#F2F2F2';

export interface BuiltCard {
  cells: PlannedCell[];
  merges: string[];
  rowHeights: Record<number, number>;
  /** 0-based rows used: [first, last] */
  firstRow: number;
  lastRow: number;
  width: number;
  colWidths: number[];
}

/** lay one card out from 0-based row `startRow` */
export function buildCard(rows: string[][], startRow = 0, opts: CardOptions = {}, widthOverride?: number): BuiltCard {
  const width = widthOverride ?? cardWidth(rows);
  const colWidths = cardColumnWidths(rows, width);
  const kinds = classify(rows);
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  let cols: { peso: number; tempi: number; atteso: number } | null = null;

  rows.forEach((row, i) => {
    const r = startRow + i;
    const kind = kinds[i];
    if (kind === 'blank') return;
    const isActionHeader =
      kind === 'tableHeader' && row.some((f) => /^PES[OS]$/i.test(f.trim())) && row.some((f) => /^TEMPI/i.test(f.trim()));
    if (kind === 'tableHeader') cols = isActionHeader ? actionColumns(row) : null;
    else if (kind !== 'tableRow') cols = null;
    const inActions = kind === 'tableRow' && cols !== null;

    // spans: outside tables each value covers the empty cells after it
    const mergeable = kind !== 'tableRow' && kind !== 'tableHeader';
    const spans: { c: number; end: number }[] = [];
    for (let c = 0; c < width; c++) {
      if ((row[c] ?? '').trim() === '') continue;
      let end = c;
      if (mergeable) while (end + 1 < width && (row[end + 1] ?? '').trim() === '') end++;
      spans.push({ c, end });
    }
    for (const s of spans) if (s.end > s.c) merges.push(`${toA1(r, s.c)}:${toA1(r, s.end)}`);

    let lines = 1;
    for (let c = 0; c < width; c++) {
      const field = row[c] ?? '';
      const style: CellStyle = { border: true, wrap: true, vAlign: 'top' };
      if (kind === 'title') Object.assign(style, { bold: true, fontSize: 12, fill: FILL_TITLE, hAlign: 'center' });
      else if (kind === 'section') Object.assign(style, { bold: true, fill: FILL_SECTION });
      else if (kind === 'tableHeader') Object.assign(style, { bold: true, fill: FILL_HEADER, hAlign: 'center' });
      else if (kind === 'free' && c === 0) style.bold = true;

      let value: CellValue = field === '' ? null : field;
      if (field.trim() !== '') {
        const n = numberOf(field);
        const d = inActions && cols && (c === cols.tempi || c === cols.atteso) ? dateOf(field) : null;
        if (d) {
          value = d;
          style.numFmt = 'dd/mm/yyyy';
          style.hAlign = 'center';
        } else if (n !== null && kind !== 'title') {
          value = n;
          style.hAlign = 'center';
          if (inActions && cols && c === cols.peso && opts.pesoPercent) {
            value = n / 100;
            style.numFmt = '0%';
          } else if (THOUSANDS_RE.test(field.trim())) style.numFmt = '#,##0.00';
          else if (field.includes(',')) style.numFmt = '0.00';
        }
      }
      cells.push(value === null ? { address: toA1(r, c), style } : { address: toA1(r, c), value, style });

      if (field.trim() !== '') {
        const span = spans.find((s) => s.c === c);
        let w = 0;
        for (let k = c; k <= (span?.end ?? c); k++) w += colWidths[k] ?? 12;
        const est = field.split('\n').reduce((acc, part) => acc + Math.max(1, Math.ceil((part.length * 1.1) / Math.max(4, w))), 0);
        lines = Math.max(lines, est);
      }
    }
    if (lines > 1) rowHeights[r + 1] = Math.min(409, lines * 15);
  });

  return { cells, merges, rowHeights, firstRow: startRow, lastRow: startRow + rows.length - 1, width, colWidths };
}

export interface CardInput {
  rows: string[][];
  opts?: CardOptions;
}

/** a sheet holding one or more cards stacked top to bottom, `gap` empty rows apart */
export function buildSheetPlan(name: string, cards: CardInput[], gap = 2): SheetPlan {
  const width = Math.max(...cards.map((c) => cardWidth(c.rows)));
  const plan: SheetPlan = { name, cells: [], merges: [], rowHeights: {}, columnWidths: {} };
  let row = 0;
  cards.forEach((card, i) => {
    const built = buildCard(card.rows, row, card.opts, width);
    plan.cells.push(...built.cells);
    plan.merges!.push(...built.merges);
    Object.assign(plan.rowHeights!, built.rowHeights);
    if (i === 0) built.colWidths.forEach((w, c) => (plan.columnWidths![colToLetters(c)] = w));
    row = built.lastRow + 1 + gap;
  });
  plan.print = { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0 };
  return plan;
}
