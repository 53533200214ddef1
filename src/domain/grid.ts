/**
 * A sheet as the core sees it: a matrix of cells plus merged areas.
 * Rows and columns are 0-based here; A1 addresses are what users and findings see.
 * Dates are `Date` objects at UTC midnight (both back ends convert Excel serials to that).
 */
export type CellValue = string | number | boolean | Date | null;

export interface Cell {
  /** raw value: number, string, boolean, Date (UTC midnight) or null */
  v: CellValue;
  /** the text Excel displays (may be '' when unknown) */
  t: string;
  /** number format, e.g. '0%', 'dd/mm/yyyy', 'General' */
  f?: string;
  /** the formula without the leading '=' when the cell has one */
  formula?: string;
}

export interface CellRange {
  /** 0-based inclusive bounds */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Grid {
  name: string;
  /** rows[r][c]; missing entries are empty cells */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** column widths in characters, by 0-based column, when the back end knows them */
  colWidths?: (number | undefined)[];
  /** data bars of conditional formats (colour as #RRGGBB), when the back end reads them */
  dataBars?: { range: CellRange; color: string }[];
}

export function colToLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0-based row, 0-based col) -> "B7" */
export function toA1(r: number, c: number): string {
  return `${colToLetters(c)}${r + 1}`;
}

/** "B7" -> {r: 6, c: 1}; null when not an address */
export function parseA1(addr: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: lettersToCol(m[1]) };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.r1, r.c1);
  const b = toA1(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

/** "A1:C3" or "B2" -> CellRange; null when not a range */
export function parseRange(ref: string): CellRange | null {
  const [p, q] = ref.split(':');
  const a = parseA1(p ?? '');
  const b = q === undefined ? a : parseA1(q);
  if (!a || !b) return null;
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

export function cellAt(g: Grid, r: number, c: number): Cell | undefined {
  return g.rows[r]?.[c];
}

/**
 * The text a cell shows, trimmed: Excel's displayed text when the back end knows it, else the value
 * (dates as dd/mm/yyyy); '' for an empty cell. The one definition the reader, the compute and the templates use.
 */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const shown = cell.t ? String(cell.t).trim() : '';
  if (shown) return shown;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatDateIt(v);
  return String(v).trim();
}

/** the displayed text of the cell at (r, c), trimmed; '' for empty */
export function textAt(g: Grid, r: number, c: number): string {
  return cellText(g.rows[r]?.[c]);
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.v === null || cell.v === undefined) return !cell.t || cell.t.trim() === '';
  if (typeof cell.v === 'string') return cell.v.trim() === '';
  return false;
}

export function rowCount(g: Grid): number {
  return g.rows.length;
}

export function colCount(g: Grid): number {
  let n = 0;
  for (const row of g.rows) if (row && row.length > n) n = row.length;
  return n;
}

/** the merged area containing (r, c), if any */
export function mergeAt(g: Grid, r: number, c: number): CellRange | undefined {
  return g.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

// ---- dates -------------------------------------------------------------------------------

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Excel serial (1900 system) -> Date at UTC midnight */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** a real calendar date? (31/06/2024 is not) */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function formatDateIt(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

export function formatIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** number format looks like a date format (d, m, y tokens outside quotes/brackets) */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(f) || /m{1,4}[^a-z]*[dy]|[dy][^a-z]*m/i.test(f);
}

/** Italian number text: 1.234,5 / 1,5 / 2 */
export function formatNumberIt(n: number, maxDecimals = 2): string {
  return n.toLocaleString('it-IT', { maximumFractionDigits: maxDecimals, useGrouping: false });
}

export function formatPercentIt(level: number, maxDecimals = 1): string {
  return `${formatNumberIt(Math.round(level * 100 * 10 ** maxDecimals) / 10 ** maxDecimals, maxDecimals)}%`;
}
