/**
 * Numbers and dates as Italians write them in text: the one place that turns
 * "1.234,5" into 1234.5 and "31/12/2024", "31.05.2024", "30/06/24", "30 giugno 2024" into a date.
 * Pure, never throws; the reader, the checks, the compute and the graduation engine all call it.
 */
import { isValidYmd, utcDate } from './grid';

// ---- numbers ------------------------------------------------------------------------------

const GROUPED_NUMBER_RE = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^[-+]?\d+\.\d+$/;

/**
 * The whole text is a number, Italian style: "1.234,5" → 1234.5, "1,5" → 1.5, "12.500" → 12500
 * (a dot before exactly three digits groups thousands), "12.5" → 12.5; spaces are ignored. Else null.
 */
export function parseNumberIt(text: string): number | null {
  if (typeof text !== 'string') return null;
  const t = text.replace(/\s+/g, '');
  if (!GROUPED_NUMBER_RE.test(t)) return null;
  const n = t.includes(',') || /\.\d{3}(\.|$)/.test(t) ? Number(t.replace(/\./g, '').replace(',', '.')) : Number(t);
  return Number.isFinite(n) ? n : null;
}

/** the first number inside a text, read as parseNumberIt does: "Euro 100.000,00" → 100000, "1,5 giorni" → 1.5 */
export function findNumberIt(text: string): number | null {
  if (typeof text !== 'string') return null;
  const m = /-?\d[\d.]*(?:,\d+)?/.exec(text.replace(/\s+/g, ''));
  return m ? parseNumberIt(m[0].replace(/\.+$/, '')) : null;
}

/**
 * The whole (trimmed) text is a plain decimal with a comma or a point and no thousands grouping:
 * "12,5" / "12.5" / "-3" → number; "1.000" is 1. For PESO points, percentages and graduation thresholds.
 */
export function parseDecimalIt(text: string): number | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : null;
}

// ---- dates --------------------------------------------------------------------------------

/** a plain number that can be an Excel date serial typed without a date format (1954 to 2119) */
export function looksLikeDateSerial(n: number): boolean {
  return n > 20000 && n < 80000;
}

export const MESI: readonly string[] = [
  'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno',
  'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre',
];

/** 24 → 2024, 1999 → 1999 */
export function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/** a year as written: two digits are 20xx, four digits are themselves ("0099" stays 99) */
function yearOf(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** y/m/d → UTC-midnight Date, or null when the date does not exist (31/06/2024 is never shifted) */
export function makeDate(y: number, m: number, d: number): Date | null {
  return isValidYmd(y, m, d) ? utcDate(y, m, d) : null;
}

export interface DateParts {
  y: number;
  m: number;
  d: number;
  /** the day exists */
  valid: boolean;
  /** UTC-midnight date when valid */
  date: Date | null;
}

export function dateParts(y: number, m: number, d: number): DateParts {
  const date = makeDate(y, m, d);
  return { y, m, d, valid: date !== null, date };
}

const WHOLE_DATE_RE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The whole (trimmed) text is a date: 31/12/2024, 31.05.2024, 30-06-24 (two-digit years are 20xx), 2024-12-31.
 * Null when it is not written as a date; `valid: false` when written as one but the day does not exist.
 */
export function parseDateIt(text: string): DateParts | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  const m = WHOLE_DATE_RE.exec(t);
  if (m) return dateParts(yearOf(m[3]), Number(m[2]), Number(m[1]));
  const iso = ISO_DATE_RE.exec(t);
  return iso ? dateParts(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

export interface DateInText {
  /** as written */
  text: string;
  day: number;
  month: number;
  year: number;
  valid: boolean;
  /** UTC-midnight date when valid */
  date: Date | null;
}

const NUMERIC_DATE_RE = /(?<![\d/.])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/])/g;
const WORD_DATE_RE = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MESI.join('|')})\\s+(\\d{4})(?!\\d)`, 'gi');

/**
 * Every date written in a text (31/12/2024, 31.05.2024, 30/06/24, "30 giugno 2024"), in order.
 * Numbers that cannot be a date (month 13, year 1850, "41/2023") are not dates; 31/06/2024 is one, not valid.
 */
export function datesInText(text: string): DateInText[] {
  if (typeof text !== 'string' || !/\d/.test(text)) return [];
  const out: (DateInText & { at: number })[] = [];
  const push = (at: number, written: string, p: DateParts) =>
    out.push({ at, text: written, day: p.d, month: p.m, year: p.y, valid: p.valid, date: p.date });
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    const y = yearOf(m[3]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || y < 1900 || y > 2200) continue;
    push(m.index ?? 0, m[0], dateParts(y, mo, Number(m[1])));
  }
  for (const m of text.matchAll(WORD_DATE_RE)) {
    push(m.index ?? 0, m[0], dateParts(Number(m[3]), MESI.indexOf(m[2].toLowerCase()) + 1, Number(m[1])));
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...d }) => d);
}
