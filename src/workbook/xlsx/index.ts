/**
 * The ExcelJS back end: real .xlsx files for the CLI and tests (Node) and the preview (browser).
 * Reads every sheet into a Grid (merged slave cells empty, dates as UTC Date, Italian display text)
 * and applies WritePlans with every SheetPlan feature ExcelJS can write (no native charts).
 */
import ExcelJS from 'exceljs';
import { parseRange, rangeToA1, type Cell, type CellValue, type Grid } from '../../domain/grid';
import type {
  BorderSpec,
  CellStyle,
  CellWrite,
  ConditionalFormatSpec,
  DataValidationSpec,
  SheetPlan,
  TableSpec,
  WritePlan,
} from '../../domain/plan';
import { WorkbookError, type Capabilities, type Selection, type WorkbookPort } from '../port';
import { TESTI_XLSX } from '../../domain/testi/xlsx';
import { displayText } from './displayText';
import { restoreRowBreaks } from './rowBreaks';
import { unsupportedParts } from './package';

type Worksheet = ExcelJS.Worksheet;

function argb(hex: string): string {
  const h = hex.replace('#', '').toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

/**
 * ExcelJS cell value -> our raw value + formula. `translated` is the cell's own formula as ExcelJS gives it
 * (`cell.formula`): for a shared formula the value only names the master cell ("B15"), never the formula.
 */
function rawOf(value: ExcelJS.CellValue, translated?: string): { v: CellValue; formula?: string } {
  if (value === null || value === undefined) return { v: null };
  if (value instanceof Date) return { v: Number.isNaN(value.getTime()) ? null : value };
  if (typeof value === 'number') return { v: Number.isFinite(value) ? value : null };
  if (typeof value === 'string' || typeof value === 'boolean') return { v: value };
  const o = value as unknown as Record<string, unknown>;
  if ('richText' in o && Array.isArray(o.richText)) {
    return { v: (o.richText as { text?: string }[]).map((p) => p?.text ?? '').join('') };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const r = rawOf((o.result ?? null) as ExcelJS.CellValue);
    const formula = translated || (typeof o.formula === 'string' ? o.formula : '');
    return { v: r.v, ...(formula ? { formula } : {}) };
  }
  // a hyperlink: its shown text may itself be rich text
  if ('hyperlink' in o || 'text' in o) {
    const t = rawOf((o.text ?? null) as ExcelJS.CellValue).v;
    return { v: t === null ? '' : t instanceof Date ? t : String(t) };
  }
  if ('error' in o) return { v: String(o.error) };
  return { v: null };
}

function borderOf(b: boolean | BorderSpec | undefined): Partial<ExcelJS.Borders> | undefined {
  if (!b) return undefined;
  const spec: BorderSpec = b === true ? { top: true, bottom: true, left: true, right: true } : b;
  const style = (spec.weight ?? 'thin') as ExcelJS.BorderStyle;
  const side = { style, color: { argb: 'FF808080' } };
  const out: Partial<ExcelJS.Borders> = {};
  if (spec.top) out.top = side;
  if (spec.bottom) out.bottom = side;
  if (spec.left) out.left = side;
  if (spec.right) out.right = side;
  return out;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    style.font = {
      ...(style.font ?? {}),
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign || s.vAlign) {
    style.alignment = {
      ...(style.alignment ?? {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
    };
  }
  const border = borderOf(s.border);
  if (border) style.border = border;
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.locked !== undefined) style.protection = { ...(style.protection ?? {}), locked: s.locked };
  cell.style = style;
}

function setValue(cell: ExcelJS.Cell, value: CellValue | undefined, formula: string | undefined): void {
  if (formula !== undefined) {
    // a value given with a formula is its cached result: readers that do not recalculate
    // (our own reader, LibreOffice's preview, mail previews) then see the total too
    const result = value === undefined || value === null ? {} : { result: value };
    cell.value = { formula: formula.replace(/^=/, ''), ...result } as ExcelJS.CellFormulaValue;
  } else if (value !== undefined) {
    cell.value = value as ExcelJS.CellValue;
  }
}

function eachCellOf(ref: string, fn: (r: number, c: number) => void): void {
  const rg = parseRange(ref);
  if (!rg) return;
  for (let r = rg.r1; r <= rg.r2; r++) for (let c = rg.c1; c <= rg.c2; c++) fn(r, c);
}

function applyValidation(ws: Worksheet, v: DataValidationSpec): void {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.allowOther ? 'warning' : 'stop',
    ...(v.errorTitle ? { errorTitle: v.errorTitle } : {}),
    ...(v.error ? { error: v.error } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt, promptTitle: v.promptTitle ?? '' } : {}),
  };
  let dv: ExcelJS.DataValidation;
  if (v.type === 'list') {
    const formula = v.listSource ?? `"${(v.list ?? []).map((s) => s.replace(/"/g, '""')).join(',')}"`;
    dv = { ...base, type: 'list', formulae: [formula] } as ExcelJS.DataValidation;
  } else {
    dv = {
      ...base,
      type: v.type,
      operator: 'between',
      formulae: [v.min ?? 0, v.max ?? 100],
    } as ExcelJS.DataValidation;
  }
  eachCellOf(v.range, (r, c) => {
    ws.getCell(r + 1, c + 1).dataValidation = dv;
  });
}

function applyConditionalFormat(ws: Worksheet, cf: ConditionalFormatSpec, priority: number): void {
  if (cf.type === 'dataBar') {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'dataBar',
          priority,
          gradient: true,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 1 },
          ],
          color: { argb: argb(cf.color ?? '#5B9BD5') },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
    return;
  }
  ws.addConditionalFormatting({
    ref: cf.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [cf.formula ?? 'FALSE'],
        style: {
          ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } } : {}),
          ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
        },
      },
    ],
  });
}

function applyTable(ws: Worksheet, t: TableSpec): void {
  const rg = parseRange(t.range);
  if (!rg) return;
  const headers: string[] = [];
  for (let c = rg.c1; c <= rg.c2; c++) headers.push(String(ws.getCell(rg.r1 + 1, c + 1).text || `Colonna${c - rg.c1 + 1}`));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = rg.r1 + 1; r <= rg.r2; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = rg.c1; c <= rg.c2; c++) row.push(ws.getCell(r + 1, c + 1).value);
    rows.push(row);
  }
  if (rows.length === 0) rows.push(headers.map(() => null));
  ws.addTable({
    name: t.name,
    ref: rangeToA1({ r1: rg.r1, c1: rg.c1, r2: rg.r1, c2: rg.c1 }),
    headerRow: true,
    style: { theme: (t.style ?? 'TableStyleLight9') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/** tables whose last row is directly above written cells grow to include them (Rilevazioni rows appended) */
function extendTables(ws: Worksheet, writtenRows: Set<number>): void {
  const tables = (ws as unknown as { tables?: Record<string, { table: { tableRef?: string; ref: string; rows?: unknown[] } }> }).tables;
  if (!tables) return;
  for (const t of Object.values(tables)) {
    const model = t.table;
    const ref = model.tableRef ?? model.ref;
    const rg = parseRange(ref.includes(':') ? ref : `${ref}:${ref}`);
    if (!rg) continue;
    let last = rg.r2;
    while (writtenRows.has(last + 1)) last++;
    if (last === rg.r2) continue;
    const newRef = rangeToA1({ ...rg, r2: last });
    model.tableRef = newRef;
  }
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (a carriage return pasted from Word is `_x000D_`) and a
 * literal `_xHHHH_` as `_x005F_xHHHH_`; ExcelJS decodes both when reading but encodes neither when writing
 * (a CR would come back as a line feed, other control characters would be dropped, a literal `_x000D_` would
 * turn into a CR). Encode the texts of the cells for the write; the returned function puts them back.
 */
const TO_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

function escapeText(s: string): string {
  return s.replace(TO_ESCAPE, (m) =>
    m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

function escapeTexts(wb: ExcelJS.Workbook): () => void {
  const changed: { cell: ExcelJS.Cell; value: ExcelJS.CellValue }[] = [];
  const needs = (s: unknown): s is string => typeof s === 'string' && (TO_ESCAPE.lastIndex = 0, TO_ESCAPE.test(s));
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        let next: ExcelJS.CellValue | undefined;
        if (needs(v)) next = escapeText(v);
        else if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText) && v.richText.some((r) => needs(r.text))) {
          next = { ...v, richText: v.richText.map((r) => (needs(r.text) ? { ...r, text: escapeText(r.text) } : r)) };
        }
        if (next === undefined) return;
        changed.push({ cell, value: v });
        cell.value = next;
      }),
    );
  }
  TO_ESCAPE.lastIndex = 0;
  return () => {
    for (const { cell, value } of changed) cell.value = value;
  };
}

export class XlsxWorkbook implements WorkbookPort {
  readonly capabilities: Capabilities = { charts: false, tables: true, mergedAreas: true, backend: 'xlsx' };
  private selection: Selection | null = null;
  private listeners = new Set<() => void>();
  private selectionListeners = new Set<() => void>();

  /**
   * Italian notes on what the opened file holds that `toBuffer()` will not write back (chart sheets, charts,
   * pivot tables, …): ExcelJS reads past them. Empty for a new workbook or when nothing is lost.
   */
  readonly avvisi: string[];

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    nonConservati: string[] = [],
  ) {
    this.avvisi = nonConservati.length ? [TESTI_XLSX.nonConservati(nonConservati)] : [];
  }

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Schede Obiettivi';
    return new XlsxWorkbook(wb);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    let buf: Uint8Array;
    try {
      buf = data instanceof Uint8Array ? data : new Uint8Array(data);
      // ExcelJS accepts Buffer in Node and ArrayBuffer in the browser (a view's own bytes only)
      const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
      const input =
        typeof Buffer !== 'undefined' ? Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) : whole ? buf.buffer : buf.slice().buffer;
      await wb.xlsx.load(input as ArrayBuffer);
    } catch {
      throw new WorkbookError(TESTI_XLSX.fileNonValido, 'FILE_NON_VALIDO');
    }
    await restoreRowBreaks(wb, buf);
    return new XlsxWorkbook(wb, unsupportedParts(buf));
  }

  async toBuffer(): Promise<Uint8Array> {
    const restore = escapeTexts(this.workbook);
    try {
      const out = await this.workbook.xlsx.writeBuffer();
      return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    } finally {
      restore();
    }
  }

  async readSheets(): Promise<Grid[]> {
    return this.workbook.worksheets.map((ws) => readGrid(ws));
  }

  async applyWritePlan(plan: WritePlan): Promise<void> {
    const wb = this.workbook;
    // check before writing: nothing half-written
    for (const name of plan.deleteSheets ?? []) {
      if (!wb.getWorksheet(name)) continue;
    }
    for (const sp of plan.sheets ?? []) {
      if ((sp.mode ?? 'create') === 'create' && wb.getWorksheet(sp.name)) {
        throw new WorkbookError(TESTI_XLSX.foglioEsistente(sp.name), 'FOGLIO_ESISTENTE');
      }
    }
    const created = new Set((plan.sheets ?? []).map((s) => s.name));
    for (const w of plan.cells ?? []) {
      if (!wb.getWorksheet(w.sheet) && !created.has(w.sheet)) {
        throw new WorkbookError(TESTI_XLSX.foglioMancante(w.sheet), 'FOGLIO_MANCANTE');
      }
    }

    for (const name of plan.deleteSheets ?? []) {
      const ws = wb.getWorksheet(name);
      if (ws) wb.removeWorksheet(ws.id);
    }
    for (const sp of plan.sheets ?? []) this.applySheetPlan(sp);
    this.applyCellWrites(plan.cells ?? []);
    this.notify(this.listeners);
    if (plan.select) {
      this.selection = { sheet: plan.select.sheet, range: plan.select.range };
      this.notify(this.selectionListeners);
    }
  }

  private applySheetPlan(sp: SheetPlan): void {
    const wb = this.workbook;
    const existing = wb.getWorksheet(sp.name);
    let orderNo: number | undefined;
    if (existing) {
      orderNo = wb.worksheets.indexOf(existing);
      wb.removeWorksheet(existing.id);
    }
    const ws = wb.addWorksheet(sp.name, {
      state: sp.visibility ?? 'visible',
      ...(sp.tabColor ? { properties: { tabColor: { argb: argb(sp.tabColor) } } } : {}),
      ...(sp.freezeRows ? { views: [{ state: 'frozen', ySplit: sp.freezeRows, xSplit: 0 }] } : {}),
    });
    if (orderNo !== undefined) {
      // keep a replaced sheet where it was
      const sheets = wb.worksheets;
      const moved = sheets.pop();
      if (moved) sheets.splice(Math.min(orderNo, sheets.length), 0, moved);
      sheets.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = i));
    }
    for (const [col, width] of Object.entries(sp.columnWidths ?? {})) ws.getColumn(col).width = width;
    for (const [row, height] of Object.entries(sp.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
    for (const pc of sp.cells) {
      const cell = ws.getCell(pc.address);
      setValue(cell, pc.value, pc.formula);
      if (pc.style) applyStyle(cell, pc.style);
    }
    for (const m of sp.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // overlapping merge in a plan: keep the first, the plan's author is told by tests
      }
    }
    for (const v of sp.validations ?? []) applyValidation(ws, v);
    (sp.conditionalFormats ?? []).forEach((cf, i) => applyConditionalFormat(ws, cf, i + 1));
    if (sp.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: sp.print.orientation,
        ...(sp.print.fitToWidth !== undefined
          ? { fitToPage: true, fitToWidth: sp.print.fitToWidth, fitToHeight: sp.print.fitToHeight ?? 0 }
          : {}),
        ...(sp.print.printTitleRows ? { printTitlesRow: sp.print.printTitleRows } : {}),
        ...(sp.print.printArea ? { printArea: sp.print.printArea } : {}),
      };
      for (const n of sp.print.rowBreaks ?? []) if (Number.isInteger(n) && n >= 1) ws.getRow(n).addPageBreak();
    }
    for (const t of sp.tables ?? []) applyTable(ws, t);
    if (sp.protect) void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }

  private applyCellWrites(writes: CellWrite[]): void {
    const rowsBySheet = new Map<string, Set<number>>();
    for (const w of writes) {
      const ws = this.workbook.getWorksheet(w.sheet);
      if (!ws) continue;
      const cell = ws.getCell(w.address);
      // a cell hidden under a merged area: ExcelJS would write into the area's top-left cell instead
      // (a % overwriting the RAGGIUNTO it is merged with); what cannot be seen is not written
      if (cell.isMerged && cell.master !== cell) continue;
      setValue(cell, w.value, w.formula);
      if (w.numFmt !== undefined || w.fill !== undefined) {
        const style: Partial<ExcelJS.Style> = { ...cell.style };
        if (w.numFmt !== undefined) style.numFmt = w.numFmt;
        if (w.fill === null) delete style.fill;
        else if (w.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(w.fill) } };
        cell.style = style;
      }
      if (w.note !== undefined) cell.note = w.note;
      const set = rowsBySheet.get(w.sheet) ?? new Set<number>();
      set.add(Number(cell.row) - 1);
      rowsBySheet.set(w.sheet, set);
    }
    for (const [sheet, rows] of rowsBySheet) {
      const ws = this.workbook.getWorksheet(sheet);
      if (ws) extendTables(ws, rows);
    }
  }

  async select(sheet: string, range: string): Promise<void> {
    this.selection = { sheet, range };
    this.notify(this.selectionListeners);
  }

  async getSelection(): Promise<Selection | null> {
    if (!this.selection) return null;
    const ws = this.workbook.getWorksheet(this.selection.sheet);
    const rg = parseRange(this.selection.range);
    if (!ws || !rg) return this.selection;
    const values: (string | number | boolean | null)[][] = [];
    for (let r = rg.r1; r <= rg.r2; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = rg.c1; c <= rg.c2; c++) {
        const { v } = rawOf(ws.getCell(r + 1, c + 1).value);
        row.push(v instanceof Date ? v.toISOString().slice(0, 10) : v);
      }
      values.push(row);
    }
    return { ...this.selection, values };
  }

  /** the current selection without cell values (for the preview's highlight) */
  get currentSelection(): Selection | null {
    return this.selection;
  }

  /** the workbook's content changed (a plan was applied); selecting cells is not a change */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** the selection moved (the preview highlights it) */
  onSelect(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  private notify(listeners: Set<() => void>): void {
    for (const l of listeners) l();
  }
}

/** the cell's formula, shared formulas translated to the cell ('' when none or unreadable) */
function formulaOf(cell: ExcelJS.Cell): string {
  try {
    return cell.formula ?? '';
  } catch {
    return '';
  }
}

export function readGrid(ws: Worksheet): Grid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { v, formula } = rawOf(cell.value, formulaOf(cell));
      const f = cell.numFmt || undefined;
      const t = displayText(v, f);
      // keep empty cells that carry a number format (a template's empty % cell): undo restores formats too
      if (v === null && !formula && !f) return;
      const r = rowNumber - 1;
      (rows[r] ??= [])[colNumber - 1] = { v, t, ...(f ? { f } : {}), ...(formula ? { formula } : {}) };
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {}).map(
    (m) => ({ r1: m.top - 1, c1: m.left - 1, r2: m.bottom - 1, c2: m.right - 1 }),
  );
  const colWidths: (number | undefined)[] = [];
  const colCountAll = ws.columnCount;
  for (let c = 1; c <= colCountAll; c++) colWidths.push(ws.getColumn(c).width);
  const dataBars = readDataBars(ws);
  return { name: ws.name, rows, merges, visibility: ws.state as Grid['visibility'], colWidths, ...(dataBars.length ? { dataBars } : {}) };
}

/** the data-bar conditional formats of a sheet, with their colour as '#RRGGBB' (a missing colour is Excel's blue) */
function readDataBars(ws: Worksheet): NonNullable<Grid['dataBars']> {
  const out: NonNullable<Grid['dataBars']> = [];
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; color?: { argb?: string } }[] }[] })
    .conditionalFormattings;
  for (const cf of cfs ?? []) {
    for (const rule of cf.rules ?? []) {
      if (rule.type !== 'dataBar') continue;
      const argbColor = rule.color?.argb;
      const color = typeof argbColor === 'string' && /^[0-9A-Fa-f]{8}$/.test(argbColor) ? `#${argbColor.slice(2).toUpperCase()}` : '#638EC6';
      for (const ref of String(cf.ref ?? '').split(/\s+/)) {
        const range = parseRange(ref.replace(/\$/g, ''));
        if (range) out.push({ range, color });
      }
    }
  }
  return out;
}
