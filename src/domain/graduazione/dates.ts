/**
 * Calendar helpers of the graduation engine: Easter and the Italian national holidays, working-day delays
 * (month names, two-digit years and y/m/d -> Date live in ../valori, with the rest of date reading).
 * All dates are UTC-midnight Date objects (see grid.ts).
 */
import { utcDate } from '../grid';

const DAY_MS = 86400000;

export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Easter Sunday (Gregorian, anonymous algorithm) */
export function easter(y: number): Date {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDate(y, month, day);
}

const FIXED_HOLIDAYS = ['1-1', '1-6', '4-25', '5-1', '6-2', '8-15', '11-1', '12-8', '12-25', '12-26'];

/** Italian national holiday: 1/1, 6/1, Easter Monday, 25/4, 1/5, 2/6, 15/8, 1/11, 8/12, 25/12, 26/12 */
export function isItalianHoliday(d: Date): boolean {
  const key = `${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
  if (FIXED_HOLIDAYS.includes(key)) return true;
  const pasquetta = easter(d.getUTCFullYear()).getTime() + DAY_MS;
  return d.getTime() === pasquetta;
}

/** Monday–Friday and not a national holiday */
export function isWorkingDay(d: Date): boolean {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !isItalianHoliday(d);
}

function dayIndex(d: Date): number {
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS);
}

/** completion − reference in calendar days (positive = late) */
export function calendarDelay(reference: Date, completion: Date): number {
  return dayIndex(completion) - dayIndex(reference);
}

/**
 * completion − reference in working days: the working days in (reference, completion]
 * (negative, counted the same way, when completion comes first).
 */
export function workingDelay(reference: Date, completion: Date): number {
  const a = dayIndex(reference);
  const b = dayIndex(completion);
  const sign = b >= a ? 1 : -1;
  const [lo, hi] = b >= a ? [a, b] : [b, a];
  let n = 0;
  for (let i = lo + 1; i <= hi; i++) if (isWorkingDay(new Date(i * DAY_MS))) n++;
  return sign * n;
}
