/**
 * One worksheet part -> Grid, streaming. Mirrors what ExcelJS 4.4 + the old `readGrid` produced, cell by cell:
 * which `<c>` elements exist (a value, or a style other than 0), value types, dates for date formats (ExcelJS's
 * own test: y m d h M s b outside quotes and brackets), shared formulas slid to each cell, hyperlinks (the cell
 * shows its text), merged slave cells emptied, column widths up to the last column any non-empty row reaches.
 * Deliberate differences, all towards not losing data: a formula's cached result 0 or FALSE is kept (ExcelJS drops
 * falsy results), `t="d"` ISO dates are dates, duplicated rows add up instead of replacing each other, a `<c>` or
 * `<row>` without its address follows the previous one, overlapping merges are kept instead of refusing the file.
 */
import { lettersToCol, parseRange, type Cell, type CellRange, type CellValue, type Grid } from '../../../domain/grid';
import { displayText } from '../displayText';
import type { NumFmts } from './styles';
import { decodeEntitiesAgain, decodeEscapes, parseXml, prefixedAttr } from './xml';

export interface SheetContext {
  numFmts: NumFmts;
  sharedStrings: (string | null)[];
  date1904: boolean;
  /** the ids of the sheet's relationships (a hyperlink counts only when its id is one of them, as in ExcelJS) */
  relIds: ReadonlySet<string>;
}

export interface DataBar {
  range: CellRange;
  color: string;
}

/**
 * displayText for numbers goes through toLocaleString('it-IT'), which builds a number formatter at every call
 * (about 40 µs): remembered per format and value, a card workbook's repeated numbers cost once.
 */
const shownCache = new Map<string, string>();
function shown(v: CellValue, f: string | undefined): string {
  if (typeof v !== 'number') return displayText(v, f);
  const key = `${f ?? ''}\u0000${v}`;
  let t = shownCache.get(key);
  if (t === undefined) {
    if (shownCache.size > 50_000) shownCache.clear();
    shownCache.set(key, (t = displayText(v, f)));
  }
  return t;
}

/** ExcelJS's date test on a number format */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const dateFmtCache = new Map<string, boolean>();
function isDateFmtCached(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let d = dateFmtCache.get(fmt);
  if (d === undefined) dateFmtCache.set(fmt, (d = isDateFmt(fmt)));
  return d;
}

/** ExcelJS's serial -> Date (the time of day kept; 1904 system shifted) */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** "B12" -> 1 (0-based column), -1 when the address has no letters */
function colOfAddress(r: string): number {
  let i = 0;
  while (i < r.length && i < 3) {
    const ch = r.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    i++;
  }
  return i === 0 ? -1 : lettersToCol(r.slice(0, i));
}

/** ExcelJS's slideFormula: a shared formula moved from its master cell to another cell */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
function decodeAddr(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a);
  return m ? { row: Number(m[2]), col: lettersToCol(m[1]) + 1 } : null;
}
function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddr(from);
  const b = decodeAddr(to);
  if (!a || !b) return '';
  return formula.replace(CANDIDATE, (ref: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return ref;
    const m = CELL_REF.exec(addr);
    if (!m) return ref;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return ref;
    let col = lettersToCol(colStr) + 1;
    let row = parseInt(m[4], 10);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    return (sheet || '') + (m[1] || '') + colLetters(col) + (m[3] || '') + row;
  });
}

interface Pending {
  r: string;
  col: number;
  t: string;
  s: number;
  value?: string;
  runs?: string[];
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
}

/** where cells exist (ExcelJS rows' cell counts and "has values") for the column widths */
interface RowShape {
  maxCol: number;
  hasValues: boolean;
}

export interface SheetResult {
  grid: Omit<Grid, 'name' | 'visibility'>;
  /** false when the part is not a worksheet (chart sheet, dialog sheet, macro sheet) */
  isWorksheet: boolean;
}

export function readSheet(xml: string, ctx: SheetContext, onChunk?: (fraction: number) => void): SheetResult {
  const rows: (Cell | undefined)[][] = [];
  const shapes: RowShape[] = [];
  const merges: CellRange[] = [];
  const dataBars: DataBar[] = [];
  const cols: { min: number; max: number; width: number | undefined; f: string | undefined }[] = [];
  /** value-less styled cells (ExcelJS keeps them, empty, when they carry a number format) and rows' own formats */
  const empties = new Map<number, Map<number, string | undefined>>();
  const rowFmts: (string | undefined)[] = [];
  const hyperlinks: { ref: string; rid: string }[] = [];
  /** cell address as written -> position, for hyperlinks (they come after sheetData) */
  const addresses = new Map<string, { r: number; c: number; f?: string }>();
  const track = ctx.relIds.size > 0;
  const sharedMasters = new Map<string, { address: string; formula: string | undefined }>();

  let first = true;
  let isWorksheet = true;
  let row = -1;
  let prevCol = -1;
  let cell: Pending | null = null;
  let node: 'v' | 'f' | 't' | null = null;
  let inRun = false;
  let runText: string[] | null = null;
  let skip = 0;
  let cfSqref: string | null = null;
  let inDataBarRule = false;

  const shape = (r: number, maxCol: number, hasValues: boolean) => {
    const s = (shapes[r] ??= { maxCol: -1, hasValues: false });
    if (maxCol > s.maxCol) s.maxCol = maxCol;
    if (hasValues) s.hasValues = true;
  };

  const finish = (p: Pending) => {
    const { numFmts, sharedStrings, date1904 } = ctx;
    const f = p.s ? numFmts[p.s] : undefined;
    const styled = !!p.s; // ExcelJS keeps a value-less <c> only when its style index is not 0
    let v: CellValue = null;
    let formula: string | undefined;
    let typed = true;
    if (p.formula || p.shareType) {
      let result: unknown;
      if (p.value) {
        if (p.t === 'str') result = decodeEntitiesAgain(p.value);
        else if (p.t === 'b') result = parseInt(p.value, 10) !== 0;
        else if (p.t === 'e') result = p.value;
        else result = parseFloat(p.value);
      }
      if (result !== undefined && p.t !== 'e' && isDateFmtCached(f)) result = excelToDate(result, date1904);
      let master: { address: string; formula: string | undefined } | undefined;
      if (p.shareType === 'shared' && p.si !== undefined) {
        if (p.ref) sharedMasters.set(p.si, { address: p.r, formula: p.formula });
        else if (!p.formula) master = sharedMasters.get(p.si);
      }
      if (p.formula) formula = p.formula;
      else if (master?.formula) formula = slideFormula(master.formula, master.address, p.r);
      // a formula-typed cell without a formula of its own or a master (an empty array formula) has no value either
      v = p.formula || master ? plain(result) : null;
    } else if (p.value !== undefined || p.runs) {
      switch (p.t) {
        case 's': {
          const s = sharedStrings[parseInt(p.value ?? '', 10)];
          v = s === undefined ? null : s;
          break;
        }
        case 'str':
          v = decodeEntitiesAgain(p.value ?? '');
          break;
        case 'inlineStr':
          v = p.runs ? p.runs.join('') : (p.value ?? '');
          break;
        case 'b':
          v = parseInt(p.value ?? '', 10) !== 0;
          break;
        case 'e':
          v = p.value ?? '';
          break;
        case 'd': {
          const d = new Date(p.value ?? '');
          v = Number.isNaN(d.getTime()) ? null : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          break;
        }
        default: {
          const n = parseFloat(p.value ?? '');
          v = isDateFmtCached(f) ? plain(excelToDate(n, date1904)) : plain(n);
        }
      }
    } else typed = false;

    if (track) addresses.set(p.r, { r: row, c: p.col, ...(f ? { f } : {}) });
    if (!typed && !styled) return; // ExcelJS does not even create it, unless a hyperlink names it
    shape(row, p.col, typed);
    if (!typed) {
      let line = empties.get(row);
      if (!line) empties.set(row, (line = new Map()));
      line.set(p.col, f);
      return;
    }
    if (v === null && !formula && !f) return;
    (rows[row] ??= [])[p.col] = { v, t: shown(v, f), ...(f ? { f } : {}), ...(formula ? { formula } : {}) };
  };

  const ok = parseXml(
    xml,
    {
      open(name, a) {
        if (first) {
          first = false;
          if (name !== 'worksheet') {
            isWorksheet = false;
            return false;
          }
          return;
        }
        if (skip) {
          skip++;
          return;
        }
        if (cell) {
          switch (name) {
            case 'v':
              node = 'v';
              return;
            case 'f':
              node = 'f';
              cell.shareType = a.t;
              cell.si = a.si;
              cell.ref = a.ref;
              return;
            case 't':
              if (inRun) runText = [];
              else node = 't';
              return;
            case 'r':
              inRun = true;
              (cell.runs ??= []).push('');
              return;
            case 'is':
              return;
            default:
              skip = 1; // rPr, rPh, extLst: nothing a value needs
              return;
          }
        }
        switch (name) {
          case 'row': {
            const n = parseInt(a.r ?? '', 10);
            row = Number.isFinite(n) && n >= 1 ? n - 1 : row + 1;
            prevCol = -1;
            const rs = parseInt(a.s ?? '', 10);
            if (rs) rowFmts[row] = ctx.numFmts[rs];
            return;
          }
          case 'c': {
            const r = a.r ?? '';
            let col = r ? colOfAddress(r) : -1;
            if (col < 0) col = prevCol + 1;
            prevCol = col;
            if (row < 0) row = 0;
            const s = parseInt(a.s ?? '', 10);
            cell = { r: r || `${colLetters(col + 1)}${row + 1}`, col, t: a.t ?? '', s: Number.isFinite(s) ? s : 0 };
            return;
          }
          case 'mergeCell': {
            const rg = parseRange(a.ref ?? '');
            if (rg) merges.push(rg);
            return;
          }
          case 'col': {
            const w = a.width;
            cols.push({
              min: parseInt(a.min || '0', 10),
              max: parseInt(a.max || '0', 10),
              width: w === undefined ? undefined : parseFloat(w || '0'),
              f: parseInt(a.style ?? '', 10) ? ctx.numFmts[parseInt(a.style ?? '', 10)] : undefined,
            });
            return;
          }
          case 'hyperlink': {
            const rid = prefixedAttr(a, 'id');
            if (rid && a.ref) hyperlinks.push({ ref: a.ref, rid });
            return;
          }
          case 'conditionalFormatting':
            cfSqref = a.sqref ?? null;
            return;
          case 'cfRule':
            inDataBarRule = cfSqref !== null && a.type === 'dataBar';
            return;
          case 'color':
            if (inDataBarRule && cfSqref) {
              const rgb = (a.rgb ?? '').replace(/^#/, '');
              const color = /^[0-9A-Fa-f]{8}$/.test(rgb) ? rgb.slice(2) : /^[0-9A-Fa-f]{6}$/.test(rgb) ? rgb : '638EC6';
              for (const part of cfSqref.split(/\s+/)) {
                const range = parseRange(part);
                if (range) dataBars.push({ range, color: `#${color.toUpperCase()}` });
              }
              inDataBarRule = false;
            }
            return;
          case 'extLst':
          case 'sheetPr':
          case 'sheetViews':
          case 'headerFooter':
            skip = 1;
            return;
          default:
            return;
        }
      },
      text(s) {
        if (!cell || skip) return;
        if (runText) runText.push(s);
        else if (node === 'v' || node === 't') cell.value = cell.value === undefined ? s : cell.value + s;
        else if (node === 'f') cell.formula = cell.formula === undefined ? s : cell.formula + s;
      },
      close(name) {
        if (skip) {
          skip--;
          return;
        }
        if (!cell) {
          if (name === 'conditionalFormatting') cfSqref = null;
          else if (name === 'cfRule') inDataBarRule = false;
          return;
        }
        switch (name) {
          case 'c':
            finish(cell);
            cell = null;
            node = null;
            inRun = false;
            return;
          case 't':
            if (runText && cell.runs) {
              cell.runs[cell.runs.length - 1] += decodeEscapes(runText.join(''));
              runText = null;
            } else node = null;
            return;
          case 'r':
            inRun = false;
            return;
          default:
            node = null;
        }
      },
    },
    onChunk,
  );
  if (!ok && cell && isWorksheet) finish(cell); // a part cut short keeps the cell it was reading

  // hyperlinks: the cell shows the link's text (ExcelJS: a Hyperlink value; a formula is no longer seen)
  for (const h of hyperlinks) {
    if (!ctx.relIds.has(h.rid)) continue;
    const at = addresses.get(h.ref);
    if (!at) continue;
    const old = rows[at.r]?.[at.c];
    const v: CellValue = old?.v === null || old?.v === undefined ? '' : old.v instanceof Date ? old.v : String(old.v);
    (rows[at.r] ??= [])[at.c] = { v, t: displayText(v, at.f), ...(at.f ? { f: at.f } : {}) };
    shape(at.r, at.c, true);
  }

  // merged areas: slave cells empty; every cell of the area exists for ExcelJS (column widths)
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2; r++) {
      const line = rows[r];
      for (let c = m.c1; c <= m.c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        if (line && line[c]) delete line[c];
      }
      shape(r, m.c2, r > m.r1 || m.c2 > m.c1);
    }
  }
  let columnCount = 0;
  for (const s of shapes) if (s && s.hasValues && s.maxCol + 1 > columnCount) columnCount = s.maxCol + 1;
  const colFmts = columnFormats(cols);

  // ExcelJS's readGrid visits every cell up to the row's last one (includeEmpty): an empty cell shows with its own
  // number format, or (a cell the file does not have) the row's, else the column's
  const slaves = new Set<string>();
  for (const m of merges)
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) slaves.add(`${r},${c}`);
  shapes.forEach((sh, r) => {
    if (!sh || !sh.hasValues) return;
    const own = empties.get(r);
    for (let c = 0; c <= sh.maxCol; c++) {
      if (rows[r]?.[c]) continue;
      const f = own?.has(c) ? own.get(c) : rowFmts[r] || colFmts[c];
      if (!f || (slaves.size && slaves.has(`${r},${c}`))) continue;
      (rows[r] ??= [])[c] = { v: null, t: '', f };
    }
  });

  if (merges.length) {
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      if (!line) continue;
      let n = line.length;
      while (n > 0 && line[n - 1] === undefined) n--;
      line.length = n;
    }
    let n = rows.length;
    while (n > 0 && (!rows[n - 1] || rows[n - 1].length === 0)) n--;
    rows.length = n;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];

  const colWidths = columnWidths(cols, columnCount);

  return {
    isWorksheet,
    grid: { rows, merges, colWidths, ...(dataBars.length ? { dataBars } : {}) },
  };
}

/** the number format of each column's style, by the same rules as the widths */
function columnFormats(cols: { min: number; max: number; f: string | undefined }[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let next = 1;
  for (const col of [...cols].sort((p, q) => p.min - q.min)) {
    if (next < col.min) next = col.min;
    for (; next <= col.max && next <= 16384; next++) out[next - 1] = col.f;
  }
  return out;
}

/** ExcelJS's Column.fromModel: `<col>` ranges sorted by min, a later range never reaching back; width 9 when unset */
function columnWidths(cols: { min: number; max: number; width: number | undefined }[], count: number): (number | undefined)[] {
  const widths: (number | undefined)[] = [];
  let next = 1;
  for (const col of [...cols].sort((p, q) => p.min - q.min)) {
    while (next < col.min && next <= count) {
      widths.push(undefined);
      next++;
    }
    if (next < col.min) next = col.min;
    while (next <= col.max && next <= count) {
      widths.push(col.width !== undefined ? col.width : 9);
      next++;
    }
    if (next > count) break;
  }
  while (widths.length < count) widths.push(undefined);
  return widths;
}
