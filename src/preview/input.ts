/**
 * What typing in a cell of the preview writes, as Excel with Italian settings would: "0,5" and "1.234,5" are
 * numbers, "50%" is 0.5 shown as a percentage, "31/12/2025" is a date (31/06/2025 does not exist: it stays text),
 * VERO/FALSO are booleans, "=…" a formula, a leading apostrophe keeps the text as typed. Pure, never throws.
 */
import { formatDateIt, formatNumberIt, isDateFormat, type Cell } from '../domain/grid';
import type { CellWrite } from '../domain/plan';
import { parseDateIt, parseNumberIt } from '../domain/valori';

const DATE_FMT = 'dd/mm/yyyy';

const isPercentFormat = (f: string | undefined): boolean => !!f && f.includes('%');

/** the write for `text` typed into `address`, whose cell holds `cell` now (its number format decides as in Excel) */
export function writeFromInput(sheet: string, address: string, text: string, cell?: Cell): CellWrite {
  const base = { sheet, address };
  const t = text.trim();
  if (t === '') return { ...base, value: null };
  if (text.startsWith("'")) return { ...base, value: text.slice(1) };
  if (t.startsWith('=') && t.length > 1) return { ...base, formula: t.slice(1) };
  const upper = t.toUpperCase();
  if (upper === 'VERO' || upper === 'FALSO') return { ...base, value: upper === 'VERO' };

  const pct = /^([-+]?[\d.,\s]+)%$/.exec(t);
  if (pct) {
    const n = parseNumberIt(pct[1]);
    if (n !== null) {
      const value = round(n / 100);
      return isPercentFormat(cell?.f) ? { ...base, value } : { ...base, value, numFmt: Number.isInteger(n) ? '0%' : '0.0%' };
    }
  }
  const n = parseNumberIt(t);
  if (n !== null) {
    // a cell formatted as % takes "50" as 50% (Excel's automatic percent entry)
    if (isPercentFormat(cell?.f)) return { ...base, value: round(n / 100) };
    // a number typed into a date cell would become a strange date: the format goes back to General
    return isDateFormat(cell?.f) ? { ...base, value: n, numFmt: 'General' } : { ...base, value: n };
  }
  const d = parseDateIt(t);
  if (d?.date) return isDateFormat(cell?.f) ? { ...base, value: d.date } : { ...base, value: d.date, numFmt: DATE_FMT };
  return { ...base, value: text };
}

/** 50/100 without binary noise: 0.5, not 0.5000000000000001 */
function round(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}

/** the text a cell offers for editing (F2): what one would type to get it again */
export function editText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDateIt(v);
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  if (typeof v === 'number') return isPercentFormat(cell.f) ? `${formatNumberIt(round(v * 100), 10)}%` : formatNumberIt(v, 10);
  return v;
}

/** a tab-separated block (what Excel puts on the clipboard) → rows of cell texts; a quoted field may hold tabs and newlines */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= s.length) {
    if (field === '' && s[i] === '"') {
      // a quoted field: "" is one quote
      let j = i + 1;
      let q = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          q += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else q += s[j++];
      }
      if (j < s.length && (j + 1 === s.length || s[j + 1] === '\t' || s[j + 1] === '\n')) {
        field = q;
        i = j + 1;
        continue;
      }
    }
    const ch = s[i];
    if (ch === undefined || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch === '\t') {
      row.push(field);
      field = '';
    } else field += ch;
    i++;
  }
  return rows;
}

/** rows of cell texts → a tab-separated block; fields with tabs, newlines or quotes are quoted as Excel does */
export function toTsv(rows: string[][]): string {
  const q = (f: string) => (/[\t\n"]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(q).join('\t')).join('\n');
}
