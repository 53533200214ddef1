/**
 * What the core asks a back end to write. Both back ends (ExcelJS and Office.js) apply
 * these plans; the core never touches a workbook itself.
 */
import type { CellValue } from './grid';

export interface BorderSpec {
  top?: boolean;
  bottom?: boolean;
  left?: boolean;
  right?: boolean;
  /** 'thin' (default) | 'medium' */
  weight?: 'thin' | 'medium';
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** '#RRGGBB' */
  fontColor?: string;
  /** '#RRGGBB' solid fill */
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  /** true = thin border on all four sides */
  border?: boolean | BorderSpec;
  numFmt?: string;
  /** false = unlocked (an input cell); default locked as in Excel */
  locked?: boolean;
}

/** one cell of a new sheet */
export interface PlannedCell {
  address: string;
  value?: CellValue;
  /** formula without '=' (English function names, ',' separators, as both APIs expect) */
  formula?: string;
  style?: CellStyle;
}

export interface DataValidationSpec {
  /** A1 range */
  range: string;
  type: 'list' | 'whole' | 'decimal' | 'date';
  /** literal list items (kept short: Excel limits the literal to 255 chars) */
  list?: string[];
  /** list from a range, e.g. "'_Liste'!$A$2:$A$30" */
  listSource?: string;
  min?: number;
  max?: number;
  /** true: show a warning but accept other values (Excel's "Avviso" style) */
  allowOther?: boolean;
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
}

export interface ConditionalFormatSpec {
  range: string;
  type: 'expression' | 'dataBar';
  /** for 'expression': formula without '=', relative to the range's top-left cell */
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** for 'dataBar' */
  color?: string;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  fitToWidth?: number;
  /** 0 = automatic */
  fitToHeight?: number;
  /** e.g. "1:2" */
  printTitleRows?: string;
  printArea?: string;
  /** 1-based row numbers AFTER which a manual page break goes (e.g. [12] starts a new page at row 13) */
  rowBreaks?: number[];
}

/** how every sheet of the add-in prints: A4 landscape, one page wide, the first row repeated on each page */
export function landscapeA4Print(printArea?: string): PrintSetup {
  return { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, printTitleRows: '1:1', ...(printArea ? { printArea } : {}) };
}

export interface TableSpec {
  name: string;
  /** A1 range of header + data rows */
  range: string;
  style?: string;
}

export interface ChartSpec {
  type: 'bar';
  title: string;
  /** category labels range, e.g. "A2:A10" */
  categories: string;
  /** values range, e.g. "I2:I10" */
  values: string;
  /** top-left cell where the chart goes */
  anchor: string;
}

export interface SheetPlan {
  name: string;
  /** 'create' fails when the sheet exists; 'replace' clears an add-in owned sheet first */
  mode?: 'create' | 'replace';
  cells: PlannedCell[];
  merges?: string[];
  /** by column letter, width in characters */
  columnWidths?: Record<string, number>;
  /** by 1-based row number, height in points */
  rowHeights?: Record<number, number>;
  validations?: DataValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  print?: PrintSetup;
  tables?: TableSpec[];
  charts?: ChartSpec[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** ready for protection: locked flags are set; protection itself stays off unless true */
  protect?: boolean;
  /** freeze panes below this many rows */
  freezeRows?: number;
  tabColor?: string;
}

/** a change to one cell of an existing sheet */
export interface CellWrite {
  sheet: string;
  address: string;
  /** null clears the value */
  value?: CellValue;
  formula?: string;
  numFmt?: string;
  /** '#RRGGBB'; null removes the fill */
  fill?: string | null;
  /** a comment/note text */
  note?: string;
}

/** everything one operation writes, applied as one batch */
export interface WritePlan {
  /** sheets to create (or replace, for the add-in's own sheets) */
  sheets?: SheetPlan[];
  /** sheets to delete (only the add-in's own sheets, e.g. a Riepilogo that did not exist before) */
  deleteSheets?: string[];
  /** cell changes on existing (or just created) sheets */
  cells?: CellWrite[];
  /** where to move the selection afterwards */
  select?: { sheet: string; range: string };
}

export function isEmptyPlan(p: WritePlan): boolean {
  return !p.sheets?.length && !p.deleteSheets?.length && !p.cells?.length;
}
