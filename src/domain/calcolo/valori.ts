/**
 * Small helpers on cell values: reading what people type (dates, percentages, levels),
 * comparing cells, and encoding values as JSON for the bookkeeping sheet.
 */
import { type Cell, type CellValue, cellText, isDateFormat, isEmptyCell, serialToDate, utcDate } from '../grid';
import { parseDateIt, parseNumberIt } from '../valori';

export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && /%/.test(fmt.replace(/"[^"]*"|\\./g, ''));
}

export type DateRead = { ok: true; date: Date } | { ok: false; impossible: boolean };

/** a completion date as people type it: a real date, a date serial, `20/01/2025`, `20.01.2025`, `20-01-25` */
export function readDateCell(cell: Cell): DateRead {
  const v = cell.v;
  if (v instanceof Date) return { ok: true, date: utcDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  if (typeof v === 'number' && isDateFormat(cell.f) && v > 0) return { ok: true, date: serialToDate(Math.floor(v)) };
  const p = parseDateIt(typeof v === 'string' ? v : cellText(cell));
  if (!p) return { ok: false, impossible: false };
  return p.date ? { ok: true, date: p.date } : { ok: false, impossible: true };
}

/**
 * A manual level as typed: 0,8 in a %-formatted cell, "80%", 80 (points), 0,8 (a fraction).
 * Returns the fraction 0..1, or null when it is not a level.
 */
export function readLevelCell(cell: Cell): number | null {
  const v = cell.v;
  let frac: number | null = null;
  if (typeof v === 'number') {
    if (isPercentFormat(cell.f)) frac = v;
    else frac = v > 0 && v < 1 && !Number.isInteger(v) ? v : v / 100;
  } else if (typeof v === 'string') {
    const s = v.trim();
    const pct = /^(.*?)\s*%$/.exec(s);
    const n = parseNumberIt(pct ? pct[1] : s);
    if (n !== null) frac = pct ? n / 100 : n > 0 && n < 1 && !Number.isInteger(n) ? n : n / 100;
  }
  if (frac === null || !Number.isFinite(frac) || frac < 0 || frac > 1 + 1e-9) return null;
  return Math.min(1, frac);
}

/** a positive integer (year, card position, action number) typed as number or text */
export function readIntCell(cell: Cell | undefined): number | null {
  if (!cell || isEmptyCell(cell)) return null;
  const v = cell.v;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberIt(v.replace(/[°º]$/, '')) : null;
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

// ---- comparing cells ---------------------------------------------------------------------

/** is the cell's current content what we have (or would have) written? */
export function sameContent(cell: Cell | undefined, v: CellValue): boolean {
  const empty = !cell || isEmptyCell(cell);
  if (v === null || v === '') return empty;
  if (empty) return false;
  const cur = cell!.v;
  if (typeof v === 'number') {
    if (typeof cur === 'number') return Math.abs(cur - v) < 1e-9;
    return false;
  }
  if (v instanceof Date) return cur instanceof Date && cur.getTime() === v.getTime();
  if (typeof v === 'string') {
    // Excel may turn a text such as "85%" or "20/01/2025" into a number or date: compare the shown text too
    if (typeof cur === 'string' && cur.trim() === v.trim()) return true;
    return cellText(cell) === v.trim();
  }
  return cur === v;
}

// ---- JSON encoding of cell values ---------------------------------------------------------

export type EncodedValue = string | number | boolean | null | { d: string };

export function encodeValue(v: CellValue | undefined): EncodedValue {
  if (v === undefined) return null;
  if (v instanceof Date) return { d: v.toISOString() };
  return v;
}

export function decodeValue(e: EncodedValue | undefined): CellValue {
  if (e === undefined || e === null) return null;
  if (typeof e === 'object') return new Date(e.d);
  return e;
}

/** a shown form of a value, for messages */
export function valueText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return cellText({ v, t: '' });
  if (typeof v === 'number') return v.toLocaleString('it-IT', { maximumFractionDigits: 4, useGrouping: false });
  return String(v);
}
