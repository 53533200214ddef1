/**
 * The port: the only way the core, the task pane and the CLI touch a workbook.
 * Adapters: `xlsx/` (ExcelJS: files, tests, the browser preview) and `office/` (Office.js in Excel).
 * No Office or ExcelJS type crosses this boundary.
 */
import type { Grid } from '../domain/grid';
import type { WritePlan } from '../domain/plan';

export interface Capabilities {
  /** native charts (Office.js yes, ExcelJS no) */
  charts: boolean;
  /** Excel tables (ListObjects) */
  tables: boolean;
  /** merged areas can be read (Office: ExcelApi 1.13) */
  mergedAreas: boolean;
  /** name of the back end, for messages and diagnostics */
  backend: 'xlsx' | 'office';
}

export interface Selection {
  sheet: string;
  /** A1 range, e.g. "B15:B19" */
  range: string;
  /** the selected cells' values (for "from the selected range" actions) */
  values?: (string | number | boolean | null)[][];
}

export interface ReadSheetsOptions {
  onProgress?(done: number, total: number): void;
}

export interface WorkbookPort {
  readonly capabilities: Capabilities;
  /**
   * every sheet as a grid (values with dates as Date, displayed text, number formats, merges); `onProgress` follows
   * a long read (rows or bytes read of the total) so the pane can show how far it has gone
   */
  readSheets(opts?: ReadSheetsOptions): Promise<Grid[]>;
  /** apply a whole plan as one batch: new sheets, deletions, cell changes */
  applyWritePlan(plan: WritePlan): Promise<void>;
  /** move Excel's selection (the preview highlights the cells) */
  select(sheet: string, range: string): Promise<void>;
  /** the current selection, when the back end knows it */
  getSelection(): Promise<Selection | null>;
  /** subscribe to "the workbook changed" (sheets added/removed/edited); returns an unsubscribe */
  onChange?(listener: () => void): () => void;
}

/** Errors a back end raises, in Italian, for the UI to show as they are */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'PROTETTO'
      | 'MODIFICA_IN_CORSO'
      | 'TROPPO_GRANDE'
      | 'NON_SUPPORTATO'
      | 'FOGLIO_ESISTENTE'
      | 'FOGLIO_MANCANTE'
      | 'FILE_NON_VALIDO'
      | 'ALTRO',
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
