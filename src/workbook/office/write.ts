/**
 * Queue a WritePlan on an Excel request context and sync once (or once per ~5 MB chunk, Excel on the web's limit).
 * Values, formulas and number formats go in one 2-D assignment per block (null = leave unchanged);
 * formats that apply to a whole range (font, fill, borders…) go once per rectangle of equal style.
 */
import type { CellRange, CellValue } from '../../domain/grid';
import { dateToSerial, formatIsoDate, parseRange, rangeToA1, serialToDate } from '../../domain/grid';
import type {
  BorderSpec,
  CellStyle,
  CellWrite,
  ChartSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  PrintSetup,
  SheetPlan,
  WritePlan,
} from '../../domain/plan';
import { WorkbookError } from '../port';
import { TESTI_OFFICE } from '../../domain/testi/office';
import type { SheetInfo } from './read';
import { denseBlocks, exactBlocks, sliceRows, type Pos } from './blocks';

export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
/** Excel on the web rejects requests above 5 MB; keep a margin for the envelope */
export const DEFAULT_PAYLOAD_LIMIT = 4_500_000;
/** rough cost of one queued action besides its data (object path, ids, property name) */
const OP_BYTES = 120;

export interface WriteContext {
  supports(version: string): boolean;
  payloadLimit: number;
}

/** what the writer needs to know per sheet: the cached infos, keyed by lower-case name */
export type Known = Map<string, SheetInfo>;

export function knownMap(infos: SheetInfo[]): Known {
  return new Map(infos.map((i) => [i.name.toLowerCase(), i]));
}

// ---- checks (before anything is queued: nothing is half-written) ---------------------------

/** throws a WorkbookError when the plan cannot be applied as a whole */
export function checkPlan(plan: WritePlan, known: Known): void {
  const deleted = new Set((plan.deleteSheets ?? []).map((n) => n.toLowerCase()));
  const created = new Set<string>();
  for (const name of plan.deleteSheets ?? []) {
    const info = known.get(name.toLowerCase());
    if (info?.protected) throw new WorkbookError(TESTI_OFFICE.foglioProtetto(info.name), 'PROTETTO');
  }
  for (const sp of plan.sheets ?? []) {
    const key = sp.name.toLowerCase();
    const info = deleted.has(key) ? undefined : known.get(key);
    if (created.has(key) || (info && sp.mode !== 'replace')) {
      throw new WorkbookError(TESTI_OFFICE.foglioEsistente(sp.name), 'FOGLIO_ESISTENTE');
    }
    if (info?.protected) throw new WorkbookError(TESTI_OFFICE.foglioProtetto(info.name), 'PROTETTO');
    if (!isValidSheetName(sp.name)) throw new WorkbookError(TESTI_OFFICE.nomeFoglioNonValido(sp.name), 'ALTRO');
    created.add(key);
    for (const c of sp.cells) checkAddress(c.address);
    for (const m of sp.merges ?? []) checkAddress(m);
  }
  const plannedMerges = new Map(
    (plan.sheets ?? []).map((sp) => [sp.name.toLowerCase(), (sp.merges ?? []).map((m) => parseRange(m)!)]),
  );
  for (const cw of plan.cells ?? []) {
    const key = cw.sheet.toLowerCase();
    const at = checkAddress(cw.address);
    const info = created.has(key) || deleted.has(key) ? undefined : known.get(key);
    if (!created.has(key)) {
      if (!info) throw new WorkbookError(TESTI_OFFICE.foglioMancante(cw.sheet), 'FOGLIO_MANCANTE');
      if (info.protected) throw new WorkbookError(TESTI_OFFICE.foglioProtetto(info.name), 'PROTETTO');
    }
    // Excel shows only the top-left cell of a merged area: a value written in another of its cells stays invisible
    // (merges known from the plan or from the last read, ExcelApi 1.13)
    const m = hiddenIn(at, plannedMerges.get(key) ?? info?.merges);
    if (m && (cw.value !== undefined || cw.formula !== undefined || cw.note)) {
      throw new WorkbookError(TESTI_OFFICE.cellaNascostaInUnione(cw.sheet, cw.address, rangeToA1(m)), 'ALTRO');
    }
  }
}

/**
 * Excel's sheet-name rules: 1–31 characters ("The name must be fewer than 32 characters",
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member),
 * none of \ / ? * [ ] :, no leading/trailing apostrophe, not the reserved "History".
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== 'history'
  );
}

function checkAddress(a: string): CellRange {
  const r = parseRange(a);
  if (!r) throw new WorkbookError(TESTI_OFFICE.riferimentoNonValido(a), 'ALTRO');
  return r;
}

/** the sheet infos after the plan (to keep the cache right without another round trip) */
export function knownAfter(plan: WritePlan, known: Known): Known {
  const out = new Map(known);
  for (const n of plan.deleteSheets ?? []) out.delete(n.toLowerCase());
  let pos = Math.max(-1, ...[...out.values()].map((i) => i.position));
  for (const sp of plan.sheets ?? []) {
    const old = out.get(sp.name.toLowerCase());
    out.set(sp.name.toLowerCase(), {
      name: sp.name,
      position: old ? old.position : ++pos,
      protected: !!sp.protect,
      visibility: sp.visibility ?? 'visible',
      merges: (sp.merges ?? []).map((m) => parseRange(m)).filter((m): m is CellRange => !!m),
    });
  }
  return out;
}

// ---- the batch with its payload budget ---------------------------------------------------

class Batch {
  private used = 0;
  syncs = 0;
  constructor(
    readonly ctx: Excel.RequestContext,
    readonly limit: number,
  ) {}
  /** account for an action of about `bytes`; syncs first when the chunk would exceed the limit */
  async take(bytes: number): Promise<void> {
    const cost = bytes + OP_BYTES;
    if (this.used > 0 && this.used + cost > this.limit) await this.flush();
    this.used += cost;
  }
  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.used = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}

// ---- values --------------------------------------------------------------------------------

/** a string Excel would turn into a formula, number, date or boolean: keep it text with a leading apostrophe */
export function needsQuote(s: string): boolean {
  // a leading apostrophe is Excel's "text" prefix and would be swallowed: "'abc" must be sent as "''abc"
  if (s.startsWith("'")) return true;
  const t = s.trim();
  if (t === '') return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^(true|false|vero|falso)$/i.test(t)) return true;
  if (/^[$€]?\s*[\d.,]+\s*%?$/.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return true;
  return false;
}

/**
 * a plan value as Office input: '' clears, risky strings get an apostrophe, formulas get their '='.
 * Range.values/formulas take only strings, numbers and booleans: a Date would travel as its JSON (ISO) text,
 * so dates become serial numbers (with a date number format set by the caller); NaN/Infinity (JSON null =
 * "leave unchanged") clear the cell. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
export function toOfficeInput(v: CellValue | undefined, formula?: string): string | number | boolean | null {
  if (formula !== undefined) return `=${formula.replace(/^=/, '')}`;
  if (v === undefined) return null;
  if (v === null) return '';
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? dateToSerial(v) : '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  if (typeof v === 'string') return needsQuote(v) ? `'${v}` : v;
  return v;
}

interface CellData extends Pos {
  input: string | number | boolean | null;
  fmt: string | null;
}

function jsonSize(x: unknown): number {
  return JSON.stringify(x).length;
}

/** write values/formulas and number formats of many cells of one sheet in blocks */
async function writeData(b: Batch, ws: Excel.Worksheet, cells: CellData[]): Promise<void> {
  const relevant = cells.filter((c) => c.input !== null || c.fmt !== null);
  const at = new Map<string, CellData>();
  for (const c of relevant) at.set(`${c.r},${c.c}`, c);
  for (const block of denseBlocks(relevant)) {
    const inputs: (string | number | boolean | null)[][] = [];
    const fmts: (string | null)[][] = [];
    let anyInput = false;
    let anyFmt = false;
    for (let r = block.r1; r <= block.r2; r++) {
      const ir: (string | number | boolean | null)[] = [];
      const fr: (string | null)[] = [];
      for (let c = block.c1; c <= block.c2; c++) {
        const d = at.get(`${r},${c}`);
        ir.push(d ? d.input : null);
        fr.push(d ? d.fmt : null);
        if (d?.input != null) anyInput = true;
        if (d?.fmt != null) anyFmt = true;
      }
      inputs.push(ir);
      fmts.push(fr);
    }
    const size = (anyInput ? jsonSize(inputs) : 0) + (anyFmt ? jsonSize(fmts) : 0);
    // one assignment per block, sliced by rows only when a block alone would fill half a chunk
    const rows = block.r2 - block.r1 + 1;
    const parts = Math.min(rows, Math.max(1, Math.ceil(size / (b.limit / 2))));
    for (const rect of sliceRows(block, Math.ceil(rows / parts))) {
      const i1 = rect.r1 - block.r1;
      const i2 = rect.r2 - block.r1 + 1;
      const range = ws.getRange(rangeToA1(rect));
      if (anyFmt) {
        const part = fmts.slice(i1, i2);
        await b.take(jsonSize(part));
        range.numberFormat = part;
      }
      if (anyInput) {
        const part = inputs.slice(i1, i2);
        await b.take(jsonSize(part));
        range.formulas = part;
      }
    }
  }
}

// ---- styles ----------------------------------------------------------------------------------

type RangeStyle = Omit<CellStyle, 'numFmt'>;

function styleKey(s: RangeStyle): string {
  return JSON.stringify(s, Object.keys(s).sort());
}

async function writeStyles(b: Batch, ws: Excel.Worksheet, cells: { pos: Pos; style: RangeStyle }[]): Promise<void> {
  const groups = new Map<string, { style: RangeStyle; cells: Pos[] }>();
  for (const { pos, style } of cells) {
    const key = styleKey(style);
    if (key === '{}') continue;
    const g = groups.get(key);
    if (g) g.cells.push(pos);
    else groups.set(key, { style, cells: [pos] });
  }
  for (const { style, cells: list } of groups.values()) {
    for (const rect of exactBlocks(list)) {
      await b.take(styleKey(style).length * 2);
      applyStyle(ws.getRange(rangeToA1(rect)), style, rect);
    }
  }
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function applyStyle(range: Excel.Range, s: RangeStyle, rect: CellRange): void {
  const font = range.format.font;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor) font.color = s.fontColor;
  if (s.fill) range.format.fill.color = s.fill;
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.hAlign) range.format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) range.format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.locked !== undefined) range.format.protection.locked = s.locked;
  if (s.border) applyBorders(range, s.border === true ? { top: true, bottom: true, left: true, right: true } : s.border, rect);
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** per-cell sides over a rectangle: outer edges plus the inside lines the cells share */
function applyBorders(range: Excel.Range, spec: BorderSpec, rect: CellRange): void {
  const edges = new Set<Edge>();
  const manyRows = rect.r2 > rect.r1;
  const manyCols = rect.c2 > rect.c1;
  if (spec.top) edges.add('EdgeTop');
  if (spec.bottom) edges.add('EdgeBottom');
  if (spec.left) edges.add('EdgeLeft');
  if (spec.right) edges.add('EdgeRight');
  if ((spec.top || spec.bottom) && manyRows) edges.add('InsideHorizontal');
  if ((spec.left || spec.right) && manyCols) edges.add('InsideVertical');
  for (const e of edges) {
    const border = range.format.borders.getItem(e);
    border.style = 'Continuous';
    border.weight = spec.weight === 'medium' ? 'Medium' : 'Thin';
  }
}

// ---- sheet features ------------------------------------------------------------------------

/** width in characters -> points (Excel: 8.43 characters = 64 px = 48 pt) */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** the longest literal list Excel keeps in a list validation (its formula limit) */
const MAX_LIST_LITERAL = 255;

/** null when Excel cannot express the rule (a literal item with a comma, a literal above 255 characters) */
function validationRule(v: DataValidationSpec): Excel.DataValidationRule | null {
  const operator =
    v.min !== undefined && v.max !== undefined
      ? 'Between'
      : v.min !== undefined
        ? 'GreaterThanOrEqualTo'
        : 'LessThanOrEqualTo';
  const basic = { formula1: v.min ?? v.max ?? 0, formula2: v.max, operator } as Excel.BasicDataValidation;
  if (v.min === undefined || v.max === undefined) delete basic.formula2;
  switch (v.type) {
    case 'list': {
      // ListDataValidation.source: a Range/formula, or "a string that contains a comma-separated number, Boolean,
      // or date" - an item with a comma cannot be written literally.
      // https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation#excel-excel-listdatavalidation-source-member
      if (v.listSource) return { list: { inCellDropDown: true, source: v.listSource.startsWith('=') ? v.listSource : `=${v.listSource}` } };
      const items = v.list ?? [];
      const source = items.join(',');
      if (!items.length || items.some((i) => i.includes(',')) || source.length > MAX_LIST_LITERAL) return null;
      return { list: { inCellDropDown: true, source } };
    }
    case 'whole':
      return { wholeNumber: basic };
    case 'decimal':
      return { decimal: basic };
    case 'date': {
      // DateTimeDataValidation: "you cannot use a number in the formula properties", only an ISO 8601 date
      // string (or a formula). https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
      const iso = (n: number | string) => (typeof n === 'number' ? formatIsoDate(serialToDate(n)) : n);
      const date: Excel.DateTimeDataValidation = { formula1: iso(basic.formula1 as number), operator: basic.operator };
      if (basic.formula2 !== undefined) date.formula2 = iso(basic.formula2 as number);
      return { date };
    }
  }
}

function applyValidation(ws: Excel.Worksheet, v: DataValidationSpec): void {
  const rule = validationRule(v);
  if (!rule) return; // not expressible in Excel: the cell stays free (the checks still report odd values)
  const dv = ws.getRange(v.range).dataValidation;
  dv.rule = rule;
  if (v.prompt || v.promptTitle) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt ?? '' };
  dv.errorAlert = {
    showAlert: true,
    style: v.allowOther ? 'Warning' : 'Stop',
    title: v.errorTitle ?? '',
    message: v.error ?? '',
  };
}

function applyConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatSpec): void {
  const range = ws.getRange(cf.range);
  if (cf.type === 'dataBar') {
    const f = range.conditionalFormats.add('DataBar');
    if (cf.color) f.dataBar.positiveFormat.fillColor = cf.color;
    return;
  }
  const f = range.conditionalFormats.add('Custom');
  f.custom.rule.formula = `=${(cf.formula ?? 'FALSE').replace(/^=/, '')}`;
  if (cf.fill) f.custom.format.fill.color = cf.fill;
  if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
}

function applyPrint(ws: Excel.Worksheet, p: PrintSetup): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = 'A4';
  if (p.fitToWidth !== undefined || p.fitToHeight !== undefined) {
    const zoom: Excel.PageLayoutZoomOptions = {};
    if (p.fitToWidth !== undefined) zoom.horizontalFitToPages = p.fitToWidth;
    if (p.fitToHeight !== undefined) zoom.verticalFitToPages = p.fitToHeight;
    pl.zoom = zoom;
  }
  if (p.printArea) pl.setPrintArea(p.printArea);
  if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows.replace(/(\d+)/g, '$$$1'));
  // PageBreakCollection.add takes the top-left cell of the range AFTER the break (ExcelApi 1.9, like pageLayout)
  for (const n of p.rowBreaks ?? []) if (Number.isInteger(n) && n >= 1) ws.horizontalPageBreaks.add(`A${n + 1}`);
}

function applyChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const chart = ws.charts.add('BarClustered', ws.getRange(spec.values), 'Columns');
  chart.title.text = spec.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(ws.getRange(spec.categories));
  chart.setPosition(spec.anchor);
}

// ---- the plan ----------------------------------------------------------------------------

function toPos(address: string): Pos[] {
  const r = parseRange(address)!;
  const out: Pos[] = [];
  for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) out.push({ r: i, c: j });
  return out;
}

async function writeSheet(b: Batch, ws: Excel.Worksheet, sp: SheetPlan, wc: WriteContext): Promise<void> {
  const data: CellData[] = [];
  const styled: { pos: Pos; style: RangeStyle }[] = [];
  const merged = (sp.merges ?? []).map((m) => parseRange(m)!);
  for (const pc of sp.cells) {
    const input = toOfficeInput(pc.value, pc.formula);
    const fmt = pc.style?.numFmt ?? (pc.value instanceof Date ? DEFAULT_DATE_FORMAT : null);
    const { numFmt: _n, ...style } = pc.style ?? {};
    for (const pos of toPos(pc.address)) {
      // merging keeps only the top-left value: the other cells of a merged area get no value
      const hidden = hiddenIn({ r1: pos.r, c1: pos.c, r2: pos.r, c2: pos.c }, merged);
      data.push({ ...pos, input: hidden ? null : input, fmt });
      styled.push({ pos, style });
    }
  }
  await writeData(b, ws, data);
  await writeStyles(b, ws, styled);
  for (const m of sp.merges ?? []) {
    await b.take(m.length);
    ws.getRange(m).merge(false);
  }
  for (const [col, w] of Object.entries(sp.columnWidths ?? {})) {
    await b.take(20);
    ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
  }
  for (const [row, h] of Object.entries(sp.rowHeights ?? {})) {
    await b.take(20);
    ws.getRange(`${row}:${row}`).format.rowHeight = h;
  }
  if (wc.supports('1.8')) {
    for (const v of sp.validations ?? []) {
      await b.take(jsonSize(v));
      applyValidation(ws, v);
    }
  }
  for (const cf of sp.conditionalFormats ?? []) {
    await b.take(jsonSize(cf));
    applyConditionalFormat(ws, cf);
  }
  if (sp.print && wc.supports('1.9')) {
    await b.take(jsonSize(sp.print));
    applyPrint(ws, sp.print);
  }
  for (const t of sp.tables ?? []) {
    // "A table can't overlap with ... merged cells" (MergedRangeConflict would fail the whole batch): skipped
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
    const tr = parseRange(t.range);
    if (!tr || merged.some((m) => overlaps(m, tr))) continue;
    await b.take(jsonSize(t));
    const table = ws.tables.add(ws.getRange(t.range), true);
    table.name = t.name;
    if (t.style) table.style = t.style;
  }
  for (const ch of sp.charts ?? []) {
    await b.take(jsonSize(ch));
    applyChart(ws, ch);
  }
  if (sp.freezeRows) ws.freezePanes.freezeRows(sp.freezeRows);
  if (sp.tabColor) ws.tabColor = sp.tabColor;
  if (sp.visibility && sp.visibility !== 'visible') ws.visibility = sp.visibility === 'hidden' ? 'Hidden' : 'VeryHidden';
  // protection is queued by queueWritePlan after every cell write of the plan (a protected sheet refuses them)
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** a merged area in which `r` covers a cell other than the top-left one (a cell Excel does not show) */
function hiddenIn(r: CellRange, merges: CellRange[] | undefined): CellRange | undefined {
  return merges?.find((m) => {
    if (!overlaps(m, r) || (m.r1 === m.r2 && m.c1 === m.c2)) return false;
    const i = { r1: Math.max(m.r1, r.r1), c1: Math.max(m.c1, r.c1), r2: Math.min(m.r2, r.r2), c2: Math.min(m.c2, r.c2) };
    return !(i.r1 === m.r1 && i.c1 === m.c1 && i.r2 === m.r1 && i.c2 === m.c1);
  });
}

async function writeCells(
  b: Batch,
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  writes: CellWrite[],
  wc: WriteContext,
) {
  const data = new Map<string, CellData>();
  const fills = new Map<string, Pos[]>();
  const notes: { at: string; text: string }[] = [];
  for (const w of writes) {
    const input = w.formula !== undefined || w.value !== undefined ? toOfficeInput(w.value, w.formula) : null;
    const fmt = w.numFmt ?? (w.value instanceof Date ? DEFAULT_DATE_FORMAT : null);
    for (const pos of toPos(w.address)) {
      data.set(`${pos.r},${pos.c}`, { ...pos, input, fmt });
      if (w.fill !== undefined) {
        const key = w.fill ?? '';
        fills.set(key, [...(fills.get(key) ?? []), pos]);
      }
    }
    // notes and comments go on ONE cell ("If ... the range is not a single cell, an InvalidCellAddress error is thrown")
    // https://learn.microsoft.com/javascript/api/excel/excel.notecollection#excel-excel-notecollection-add-member(1)
    if (w.note) notes.push({ at: w.address.split(':')[0], text: w.note });
  }
  await writeData(b, ws, [...data.values()]);
  for (const [color, cells] of fills) {
    for (const rect of exactBlocks(cells)) {
      await b.take(20);
      const fill = ws.getRange(rangeToA1(rect)).format.fill;
      if (color) fill.color = color;
      else fill.clear();
    }
  }
  const useNotes = wc.supports('1.18');
  if (!useNotes && !wc.supports('1.10')) return; // no notes nor comments in this Excel: skipped
  for (const n of notes) {
    await b.take(n.text.length + 40);
    const target = ws.getRange(n.at);
    if (useNotes) ctx.workbook.notes.add(target, n.text);
    else ctx.workbook.comments.add(target, n.text);
  }
}

/** queue the whole plan (already checked with checkPlan) and sync; returns the number of syncs */
export async function queueWritePlan(
  ctx: Excel.RequestContext,
  plan: WritePlan,
  known: Known,
  wc: WriteContext,
): Promise<number> {
  const b = new Batch(ctx, wc.payloadLimit);
  const sheets = ctx.workbook.worksheets;
  const handles = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = handles.get(key);
    if (!ws) {
      ws = sheets.getItem(known.get(key)?.name ?? name);
      handles.set(key, ws);
    }
    return ws;
  };
  // Worksheet.delete(): "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an
  // InvalidOperation exception": such a sheet is made Hidden first.
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
  const drop = (info: SheetInfo) => {
    const ws = sheet(info.name);
    if (info.visibility === 'veryHidden') ws.visibility = 'Hidden';
    ws.delete();
  };
  const deleted = new Set<string>();
  for (const name of plan.deleteSheets ?? []) {
    const key = name.toLowerCase();
    const info = known.get(key);
    if (!info) continue;
    await b.take(name.length);
    drop(info);
    handles.delete(key);
    deleted.add(key);
  }
  let tmp = 0;
  for (const sp of plan.sheets ?? []) {
    const key = sp.name.toLowerCase();
    const old = deleted.has(key) ? undefined : known.get(key);
    await b.take(sp.name.length);
    let ws: Excel.Worksheet;
    if (old) {
      // replace: add the new sheet under a temporary name, drop the old one, take its name and place
      ws = sheets.add(`_sostituzione_${++tmp}_${Date.now() % 100000}`);
      drop(old);
      ws.name = sp.name;
      ws.position = old.position;
    } else {
      ws = sheets.add(sp.name);
    }
    handles.set(key, ws);
    await writeSheet(b, ws, sp, wc);
  }
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of plan.cells ?? []) {
    const key = w.sheet.toLowerCase();
    bySheet.set(key, [...(bySheet.get(key) ?? []), w]);
  }
  const planned = new Map((plan.sheets ?? []).map((sp) => [sp.name.toLowerCase(), sp]));
  for (const [key, writes] of bySheet) {
    await writeCells(b, ctx, sheet(writes[0].sheet), writes, wc);
  }
  // last: a protected sheet refuses every later write of the batch (AccessDenied)
  for (const sp of plan.sheets ?? []) {
    if (!sp.protect) continue;
    await b.take(20);
    handles.get(sp.name.toLowerCase())!.protection.protect();
  }
  if (plan.select && parseRange(plan.select.range)) {
    const key = plan.select.sheet.toLowerCase();
    const visibility = planned.has(key) ? planned.get(key)!.visibility : deleted.has(key) ? undefined : known.get(key)?.visibility;
    const exists = handles.has(key) || (known.has(key) && !deleted.has(key));
    // a hidden sheet cannot be activated
    if (exists && (visibility ?? 'visible') === 'visible') {
      await b.take(40);
      const ws = sheet(plan.select.sheet);
      ws.activate();
      ws.getRange(plan.select.range).select();
    }
  }
  await b.take(0);
  await b.flush();
  return b.syncs;
}
