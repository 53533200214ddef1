/**
 * Cell writes on a sheet the user made: only the written `<c>` elements of its XML change (inserted in row and
 * column order where they did not exist), everything else in the part stays as it was, byte for byte.
 * Strings are written inline (the shared strings part is not touched); a style change becomes a new xf derived
 * from the cell's own (StyleBook.derive), so the cell keeps its font, borders and alignment.
 */
import { type CellValue, colToLetters, dateToSerial, isDateFormat, lettersToCol, parseRange, type CellRange } from '../../domain/grid';
import { attr, escapeXml, removeAttr, setAttr } from './parts';
import { expandSharedMasters } from './sharedFormulas';
import type { StyleBook } from './styles';

export interface CellEdit {
  /** 0-based */
  r: number;
  c: number;
  value?: CellValue;
  formula?: string;
  numFmt?: string;
  /** '#RRGGBB'; null removes the fill */
  fill?: string | null;
}

export interface PatchResult {
  xml: string;
  /** 0-based rows that received a write */
  rows: Set<number>;
  /** a formula was written, or a cell that had one was overwritten (the calculation chain is then stale) */
  formulas: boolean;
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` and a literal `_xHHHH_` as `_x005F_xHHHH_`; a reader
 * (Excel, ExcelJS) decodes both, so text is encoded the same way on writing.
 */
const TO_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

export function encodeCellText(s: string): string {
  return escapeXml(
    s.replace(TO_ESCAPE, (m) => (m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)),
  );
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** days between the 1900 and the 1904 date systems (a Mac workbook's serials count from 1904) */
const DAYS_1904 = 1462;

/** the `<c>` element of a value (or null: no element needed) */
export function cellXml(ref: string, s: number | null, value: CellValue | undefined, formula: string | undefined, date1904 = false): string | null {
  const sAttr = s !== null && s !== 0 ? ` s="${s}"` : '';
  const f = formula !== undefined ? `<f>${escapeXml(formula.replace(/^=/, ''))}</f>` : '';
  if (value === undefined || value === null) {
    if (f) return `<c r="${ref}"${sAttr}>${f}</c>`;
    return sAttr ? `<c r="${ref}"${sAttr}/>` : null;
  }
  if (typeof value === 'number') return `<c r="${ref}"${sAttr}>${f}<v>${numberText(value)}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${sAttr}>${f}<v>${numberText(dateToSerial(value) - (date1904 ? DAYS_1904 : 0))}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${sAttr} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (f) return `<c r="${ref}"${sAttr} t="str">${f}<v>${encodeCellText(value)}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${encodeCellText(value)}</t></is></c>`;
}

interface Span {
  start: number;
  end: number;
  /** 1-based row number, or 0-based column */
  at: number;
  xml: string;
}

/** the `<row>` (or `<c>`) elements of a block, with their positions (implicit numbers filled in) */
function scan(xml: string, from: number, to: number, tag: 'row' | 'c'): Span[] {
  const re = tag === 'row' ? /<row(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g : /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
  re.lastIndex = from;
  const out: Span[] = [];
  let prev = tag === 'row' ? 0 : -1;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const open = /^<[\w]+[^>]*?\/?>/.exec(m[0])![0];
    const r = attr(open, 'r');
    let at: number;
    if (tag === 'row') at = r && /^\d+$/.test(r) ? Number(r) : prev + 1;
    else {
      const letters = r ? /^\$?([A-Za-z]+)/.exec(r)?.[1] : undefined;
      at = letters ? lettersToCol(letters) : prev + 1;
    }
    prev = at;
    out.push({ start: m.index, end: m.index + m[0].length, at, xml: m[0] });
  }
  return out;
}

function mergesOf(xml: string): CellRange[] {
  return (xml.match(/<mergeCell\b[^>]*>/g) ?? []).map((t) => parseRange(attr(t, 'ref') ?? '')).filter((r): r is CellRange => !!r);
}

/** a cell hidden under a merged area (not its top-left cell) */
function hiddenByMerge(merges: CellRange[], r: number, c: number): boolean {
  return merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1));
}

/** the new XML of one cell: its style kept (or derived), its value replaced */
function editCell(old: string | null, rowStyle: number | null, e: CellEdit, styles: StyleBook, date1904: boolean): { xml: string | null; formula: boolean } {
  const open = old ? /^<c\b[^>]*?\/?>/.exec(old)![0] : '';
  const oldS = old ? attr(open, 's') : null;
  let s = oldS !== null ? Number(oldS) : rowStyle;
  const hadFormula = !!old && /<f[\s>/]/.test(old);
  let numFmt = e.numFmt;
  if (numFmt === undefined && e.value instanceof Date && !isDateFormat(styles.numFmtCodeOf(s ?? 0))) numFmt = 'dd/mm/yyyy';
  if (numFmt !== undefined || e.fill !== undefined) s = styles.derive(s ?? 0, { ...(numFmt !== undefined ? { numFmt } : {}), ...(e.fill !== undefined ? { fill: e.fill } : {}) });
  const ref = `${colToLetters(e.c)}${e.r + 1}`;
  if (e.value === undefined && e.formula === undefined) {
    // a style change only: the cell keeps its content
    if (!old) return { xml: s !== null ? `<c r="${ref}" s="${s}"/>` : null, formula: false };
    let tag = s !== null ? setAttr(open, 's', String(s)) : removeAttr(open, 's');
    if (!attr(tag, 'r')) tag = setAttr(tag, 'r', ref);
    return { xml: tag + old.slice(open.length), formula: false };
  }
  return { xml: cellXml(ref, s, e.value, e.formula, date1904), formula: hadFormula || e.formula !== undefined };
}

function rowXml(rowNumber: number, cells: string[]): string {
  return cells.length ? `<row r="${rowNumber}">${cells.join('')}</row>` : '';
}

/** apply cell edits to a worksheet part */
export function patchSheet(xml: string, edits: CellEdit[], styles: StyleBook, date1904 = false): PatchResult {
  const result: PatchResult = { xml, rows: new Set(), formulas: false };
  const merges = mergesOf(xml);
  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) {
    if (hiddenByMerge(merges, e.r, e.c)) continue;
    const list = byRow.get(e.r + 1) ?? [];
    // the last edit of a cell wins
    const i = list.findIndex((x) => x.c === e.c);
    if (i >= 0) list[i] = { ...list[i], ...e };
    else list.push(e);
    byRow.set(e.r + 1, list);
  }
  if (!byRow.size) return result;
  // a shared formula's master about to be overwritten: its group gets plain formulas first
  const written = new Set(edits.filter((e) => e.value !== undefined || e.formula !== undefined).map((e) => `${e.r},${e.c}`));
  const expanded = expandSharedMasters(xml, written);
  if (expanded !== xml) {
    xml = expanded;
    result.formulas = true;
  }

  const sd = /<sheetData\s*\/>/.exec(xml);
  if (sd) xml = xml.slice(0, sd.index) + '<sheetData></sheetData>' + xml.slice(sd.index + sd[0].length);
  const open = /<sheetData\b[^>]*>/.exec(xml);
  if (!open) return result;
  const from = open.index + open[0].length;
  const to = xml.indexOf('</sheetData>', from);
  const rows = scan(xml, from, to, 'row');

  // rebuild sheetData's content: untouched rows are copied as they are
  const pieces: string[] = [];
  let cursor = from;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let p = 0;
  const emitNewRowsBefore = (limit: number) => {
    while (p < pending.length && pending[p] < limit) {
      const n = pending[p++];
      const cells = byRow
        .get(n)!
        .sort((a, b) => a.c - b.c)
        .map((e) => {
          const r = editCell(null, null, e, styles, date1904);
          if (r.formula) result.formulas = true;
          return r.xml;
        })
        .filter((c): c is string => !!c);
      if (cells.length) result.rows.add(n - 1);
      pieces.push(rowXml(n, cells));
    }
  };
  for (const row of rows) {
    pieces.push(xml.slice(cursor, row.start));
    emitNewRowsBefore(row.at);
    if (p < pending.length && pending[p] === row.at) {
      p++;
      pieces.push(patchRow(row, byRow.get(row.at)!, styles, result, date1904));
      result.rows.add(row.at - 1);
    } else {
      pieces.push(row.xml);
    }
    cursor = row.end;
  }
  pieces.push(xml.slice(cursor, to));
  emitNewRowsBefore(Number.POSITIVE_INFINITY);
  xml = xml.slice(0, from) + pieces.join('') + xml.slice(to);
  result.xml = updateDimension(xml, edits);
  return result;
}

function patchRow(row: Span, edits: CellEdit[], styles: StyleBook, result: PatchResult, date1904: boolean): string {
  const openTag = /^<row\b[^>]*?\/?>/.exec(row.xml)![0];
  const selfClosing = openTag.endsWith('/>');
  let tag = selfClosing ? openTag.replace(/\s*\/>$/, '>') : openTag;
  const rowStyle = attr(tag, 'customFormat') === '1' || attr(tag, 'customFormat') === 'true' ? Number(attr(tag, 's') ?? 0) : null;
  const inner = selfClosing ? '' : row.xml.slice(openTag.length, row.xml.length - '</row>'.length);
  const cells = scan(inner, 0, inner.length, 'c');
  const todo = [...edits].sort((a, b) => a.c - b.c);
  const out: string[] = [];
  let cursor = 0;
  let t = 0;
  const emitNew = (limit: number) => {
    while (t < todo.length && todo[t].c < limit) {
      const r = editCell(null, rowStyle, todo[t++], styles, date1904);
      if (r.formula) result.formulas = true;
      if (r.xml) out.push(r.xml);
    }
  };
  for (const c of cells) {
    out.push(inner.slice(cursor, c.start));
    emitNew(c.at);
    if (t < todo.length && todo[t].c === c.at) {
      const r = editCell(c.xml, rowStyle, todo[t++], styles, date1904);
      if (r.formula) result.formulas = true;
      if (r.xml) out.push(r.xml);
    } else {
      out.push(c.xml);
    }
    cursor = c.end;
  }
  emitNew(Number.POSITIVE_INFINITY);
  out.push(inner.slice(cursor));
  // a new cell outside the row's spans: the hint is optional, drop it rather than leave it wrong
  if (attr(tag, 'spans') && todo.length) tag = removeAttr(tag, 'spans');
  return `${tag}${out.join('')}</row>`;
}

function updateDimension(xml: string, edits: CellEdit[]): string {
  const m = /<dimension\b[^>]*>/.exec(xml);
  if (!m) return xml;
  const cur = parseRange(attr(m[0], 'ref') ?? '');
  if (!cur) return xml;
  let { r1, c1, r2, c2 } = cur;
  for (const e of edits) {
    r1 = Math.min(r1, e.r);
    c1 = Math.min(c1, e.c);
    r2 = Math.max(r2, e.r);
    c2 = Math.max(c2, e.c);
  }
  if (r1 === cur.r1 && c1 === cur.c1 && r2 === cur.r2 && c2 === cur.c2) return xml;
  const ref = `${colToLetters(c1)}${r1 + 1}:${colToLetters(c2)}${r2 + 1}`;
  return xml.slice(0, m.index) + setAttr(m[0], 'ref', ref) + xml.slice(m.index + m[0].length);
}
