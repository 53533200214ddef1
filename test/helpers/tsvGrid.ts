/**
 * Seed text -> Grid, as a person pasting the table into Excel would get it:
 * one tab field = one cell; a field that is only a number (`50`, `1,5`, `108.000,00`) is a number;
 * a field that is only a valid dd/mm/yyyy date is a real date (UTC midnight, format dd/mm/yyyy);
 * everything else stays text (`100,00%`, `Entro il 31/12/2024`, `31/06/2024`, `30/06/24`).
 * Options: `percentAsNumber` turns `100,00%` into 1 with a % format (what Excel itself does on paste);
 * `cleanHtml` turns the extraction's `<input … checkbox/>` into ☑ / ☐.
 */
import { isValidYmd, utcDate, type Cell, type CellRange, type Grid } from '../../src/domain/grid';

export interface TsvOptions {
  percentAsNumber?: boolean;
  cleanHtml?: boolean;
  merges?: CellRange[];
}

const NUMBER_RE = /^-?(0|[1-9]\d*)(,\d+)?$/;
const THOUSANDS_RE = /^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const PCT_RE = /^(-?\d+(?:,\d+)?)\s*%$/;

export function tsvCell(field: string, opts: TsvOptions = {}): Cell | undefined {
  let s = field;
  if (opts.cleanHtml) {
    s = s
      .replace(/<input\s+checked=""\s+type="checkbox"\s*\/>/g, '☑')
      .replace(/<input\s+type="checkbox"\s*\/>/g, '☐');
  }
  const t = s.trim();
  if (t === '') return undefined;
  if (NUMBER_RE.test(t)) {
    const v = Number(t.replace(',', '.'));
    return t.includes(',') ? { v, t, f: '0.00' } : { v, t, f: 'General' };
  }
  if (THOUSANDS_RE.test(t)) return { v: Number(t.replace(/\./g, '').replace(',', '.')), t, f: '#,##0.00' };
  const d = DATE_RE.exec(t);
  if (d) {
    const [dd, mm, yy] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (isValidYmd(yy, mm, dd)) return { v: utcDate(yy, mm, dd), t, f: 'dd/mm/yyyy' };
  }
  const p = PCT_RE.exec(t);
  if (p && opts.percentAsNumber) {
    return { v: Number(p[1].replace(',', '.')) / 100, t, f: p[1].includes(',') ? '0.00%' : '0%' };
  }
  return { v: s, t };
}

/** tab-separated lines -> Grid (row i of the grid = lines[i]) */
export function tsvToGrid(lines: string[], name: string, opts: TsvOptions = {}): Grid {
  const rows = lines.map((line) => line.replace(/\r$/, '').split('\t').map((f) => tsvCell(f, opts)));
  return { name, rows, merges: opts.merges ?? [] };
}

/** lines a..b (1-based, inclusive) of a text file's content */
export function seedLines(content: string, from: number, to: number): string[] {
  return content.split('\n').slice(from - 1, to);
}
