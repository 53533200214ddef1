/**
 * The text Excel (Italian locale) would display for a value and number format.
 * ExcelJS gives raw values only; the Office back end gets `.text` from Excel itself.
 */
import { formatDateIt, formatNumberIt, isDateFormat, type CellValue } from '../../domain/grid';

function decimalsIn(fmt: string): number {
  const m = /\.(0+)/.exec(fmt);
  return m ? m[1].length : 0;
}

export function displayText(v: CellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDateIt(v);
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  if (typeof v === 'string') return v;
  const fmt = numFmt ?? 'General';
  if (fmt.includes('%')) {
    const d = decimalsIn(fmt);
    return `${(v * 100).toLocaleString('it-IT', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false })}%`;
  }
  if (/^[#0,.]+$/.test(fmt.replace(/;.*$/, ''))) {
    const d = decimalsIn(fmt);
    return v.toLocaleString('it-IT', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: fmt.includes(',') });
  }
  return formatNumberIt(v, 10);
}

export { isDateFormat };
