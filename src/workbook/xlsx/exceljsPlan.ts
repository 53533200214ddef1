/**
 * New sheets built with ExcelJS in a scratch workbook, from a SheetPlan: every feature a plan may ask for (styles,
 * merges, widths, validations, conditional formats, print setup, page breaks, tables, freeze panes, tab colour,
 * visibility, protection). The package writer then moves the scratch sheets into the user's package.
 */
import ExcelJS from 'exceljs';
import { parseRange, rangeToA1, type CellValue } from '../../domain/grid';
import type { BorderSpec, CellStyle, ConditionalFormatSpec, DataValidationSpec, SheetPlan, TableSpec } from '../../domain/plan';

type Worksheet = ExcelJS.Worksheet;

function argb(hex: string): string {
  const h = hex.replace('#', '').toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
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

function addPlannedSheet(wb: ExcelJS.Workbook, sp: SheetPlan): void {
  const ws = wb.addWorksheet(sp.name, {
    state: sp.visibility ?? 'visible',
    ...(sp.tabColor ? { properties: { tabColor: { argb: argb(sp.tabColor) } } } : {}),
    ...(sp.freezeRows ? { views: [{ state: 'frozen', ySplit: sp.freezeRows, xSplit: 0 }] } : {}),
  });
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

/** a scratch package holding just the planned sheets, in order (its shared strings are inlined on the move) */
export async function buildSheets(plans: SheetPlan[], date1904 = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // dates as serials of the user's workbook's own date system
  if (date1904) wb.properties.date1904 = true;
  for (const sp of plans) addPlannedSheet(wb, sp);
  escapeTexts(wb);
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** an empty workbook package (no sheets yet), as a start for `XlsxWorkbook.create()` */
export async function emptyPackage(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Schede Obiettivi';
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
