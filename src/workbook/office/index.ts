/**
 * The Office.js back end: WorkbookPort over Excel.run, batched.
 * - readSheets(): 2 context.sync() for tens of cards, then one per ~4 MB of response (Excel on the web's 5 MB limit),
 *   whatever the number of sheets or of cards on one sheet;
 * - applyWritePlan(): 1 sync when a readSheets() of this instance is fresh (its sheet list and protection are the
 *   pre-check), else 2 (a pre-check sync, then the write); more only above Excel on the web's 5 MB request limit.
 * Nothing here touches the `Office`/`Excel` globals at import time.
 */
import type { Grid } from '../../domain/grid';
import { parseRange } from '../../domain/grid';
import type { WritePlan } from '../../domain/plan';
import { isEmptyPlan } from '../../domain/plan';
import { TESTI_OFFICE } from '../../domain/testi/office';
import type { Capabilities, ReadSheetsOptions, Selection, WorkbookPort } from '../port';
import { WorkbookError } from '../port';
import { mayBeMergeLimit, toWorkbookError } from './errors';
import { globalOfficeHost, isOfficeAvailable, officeReadyInExcel, type OfficeHost } from './host';
import { localAddress, queueSheetList, readAll, readMergesInBands, sheetInfos, type ReadResult } from './read';
import { checkPlan, DEFAULT_PAYLOAD_LIMIT, knownAfter, knownMap, queueWritePlan, type Known } from './write';

export { isOfficeAvailable, officeReadyInExcel, officeThemeIsDark, type OfficeHost } from './host';
export { toWorkbookError } from './errors';

/** above this many cells getSelection() gives the address without the values */
export const MAX_SELECTION_CELLS = 20_000;

/** the minimum requirement set of the add-in (manifest) */
export const MIN_EXCEL_API = '1.7';

export interface OfficeWorkbookOptions {
  /** bytes per request before a write is chunked (default ~4.5 MB, under Excel on the web's 5 MB) */
  payloadLimitBytes?: number;
  /** response bytes a read plans each sync for (default 4 MB, under Excel on the web's 5 MB) */
  readBudgetBytes?: number;
  /** a readSheets() younger than this serves as the write pre-check (default 60 s) */
  precheckMaxAgeMs?: number;
  /** clock, for tests */
  now?: () => number;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly capabilities: Capabilities;
  /** syncs used by the last readSheets / applyWritePlan (diagnostics and the bench) */
  lastSyncs = { read: 0, write: 0 };
  private known: { sheets: Known; at: number } | null = null;
  /** rows of each sheet at the last read: the next read asks for all of them at once where they fit (readAll) */
  private knownRows: Map<string, number> | undefined;
  private readonly payloadLimit: number;
  private readonly readBudget: number | undefined;
  private readonly maxAge: number;
  private readonly now: () => number;

  constructor(
    private readonly host: OfficeHost = globalOfficeHost(),
    opts: OfficeWorkbookOptions = {},
  ) {
    this.payloadLimit = opts.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.readBudget = opts.readBudgetBytes;
    this.maxAge = opts.precheckMaxAgeMs ?? 60_000;
    this.now = opts.now ?? (() => Date.now());
    this.capabilities = {
      backend: 'office',
      charts: true,
      tables: true,
      mergedAreas: this.supports('1.13'),
    };
  }

  /** ExcelApi requirement set check */
  supports(version: string): boolean {
    return this.host.isSetSupported('ExcelApi', version);
  }

  private requireMinimum(): void {
    if (!this.supports(MIN_EXCEL_API)) {
      throw new WorkbookError(TESTI_OFFICE.versioneNonSupportata(`ExcelApi ${MIN_EXCEL_API}`), 'NON_SUPPORTATO');
    }
  }

  /** Excel.run with sync counting and error mapping */
  private async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run(batch);
    } catch (e) {
      throw toWorkbookError(e);
    }
  }

  async readSheets(opts: ReadSheetsOptions = {}): Promise<Grid[]> {
    this.requireMinimum();
    const withMerges = this.supports('1.13');
    let result: ReadResult;
    try {
      result = await this.readFull(withMerges, opts.onProgress);
    } catch (e) {
      if (!withMerges || !mayBeMergeLimit(e)) throw toWorkbookError(e);
      // getMergedAreasOrNullObject fails above 512 merged areas (many cards on one sheet): read the cells
      // without merges, then the merges in bands of rows (more syncs, only for such workbooks)
      try {
        result = await this.readFull(false, opts.onProgress);
      } catch (e2) {
        throw toWorkbookError(e2);
      }
      result.syncs += 2;
      const grids = result.grids;
      try {
        await this.host.run((ctx) => readMergesInBands(ctx, grids));
        result.syncs++;
      } catch {
        // merges stay unknown: the readers work without them (as below ExcelApi 1.13)
      }
    }
    if (withMerges) result.infos.forEach((info, i) => (info.merges = result.grids[i]?.merges));
    this.lastSyncs.read = result.syncs;
    this.knownRows = new Map(result.grids.map((g) => [g.name, g.rows.length]));
    this.known = { sheets: knownMap(result.infos), at: this.now() };
    return result.grids;
  }

  /** list + data: 2 syncs for tens of cards, then one per ~4 MB of response (see readAll) */
  private async readFull(withMerges: boolean, onProgress?: ReadSheetsOptions['onProgress']): Promise<ReadResult> {
    return this.host.run((ctx) => readAll(ctx, { withMerges, budget: this.readBudget, knownRows: this.knownRows, ...(onProgress ? { onProgress } : {}) }));
  }

  async applyWritePlan(plan: WritePlan): Promise<void> {
    if (isEmptyPlan(plan) && !plan.select) return;
    this.requireMinimum();
    const fresh = this.known && this.now() - this.known.at <= this.maxAge ? this.known.sheets : null;
    const used = await this.run(async (ctx) => {
      let known = fresh;
      let syncs = 0;
      if (!known) {
        const list = queueSheetList(ctx);
        await ctx.sync();
        syncs++;
        known = knownMap(sheetInfos(list));
      }
      checkPlan(plan, known); // throws before anything is queued: nothing is half-written
      syncs += await queueWritePlan(ctx, plan, known, {
        supports: (v) => this.supports(v),
        payloadLimit: this.payloadLimit,
      });
      this.lastSyncs.write = syncs;
      return known;
    });
    this.known = { sheets: knownAfter(plan, used), at: this.known?.at ?? this.now() };
  }

  async select(sheet: string, range: string): Promise<void> {
    if (!parseRange(range)) throw new WorkbookError(TESTI_OFFICE.riferimentoNonValido(range), 'ALTRO');
    try {
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(range).select();
        await ctx.sync();
      });
    } catch (e) {
      const err = toWorkbookError(e);
      if (err.code === 'FOGLIO_MANCANTE') throw new WorkbookError(TESTI_OFFICE.foglioMancante(sheet), 'FOGLIO_MANCANTE');
      throw err;
    }
  }

  async getSelection(): Promise<Selection | null> {
    try {
      return await this.run(async (ctx) => {
        // getSelectedRange() throws when several ranges are selected (caught below: null)
        // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
        const r = ctx.workbook.getSelectedRange();
        r.load('address,cellCount');
        await ctx.sync();
        const i = r.address.lastIndexOf('!');
        const sheet = i >= 0 ? r.address.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '';
        const range = localAddress(r.address);
        // a whole column or sheet selected: its values would be millions of cells (and above the 5 MB response)
        if (r.cellCount < 0 || r.cellCount > MAX_SELECTION_CELLS) return { sheet, range };
        r.load('values');
        await ctx.sync();
        const values = (r.values as unknown[][]).map((row) =>
          row.map((v) => (v === '' || v === undefined ? null : (v as string | number | boolean))),
        );
        return { sheet, range, values };
      });
    } catch {
      return null; // e.g. a chart or shape is selected
    }
  }

  onChange(listener: () => void): () => void {
    const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
    let ctxUsed: Excel.RequestContext | undefined;
    let stopped = false;
    const fire = async () => {
      if (!stopped) listener();
    };
    const ready = this.supports('1.7')
      ? this.host
          .run(async (ctx) => {
            const ws = ctx.workbook.worksheets;
            handlers.push(ws.onAdded.add(fire), ws.onDeleted.add(fire));
            if (this.supports('1.9')) handlers.push(ws.onChanged.add(fire));
            await ctx.sync();
            ctxUsed = ctx;
          })
          .catch(() => undefined)
      : Promise.resolve();
    return () => {
      stopped = true;
      void ready.then(() => {
        if (!ctxUsed || !handlers.length) return;
        return this.host
          .run(async (ctx) => {
            for (const h of handlers) h.remove();
            await ctx.sync();
          }, ctxUsed)
          .catch(() => undefined);
      });
    };
  }
}

/**
 * For the task pane's start-up: waits for Office.onReady, checks that the host is Excel with ExcelApi 1.7,
 * and returns the adapter. Throws WorkbookError('NON_SUPPORTATO') with an Italian message otherwise.
 */
export async function createOfficeWorkbook(opts?: OfficeWorkbookOptions): Promise<OfficeWorkbook> {
  if (!isOfficeAvailable() || !(await officeReadyInExcel())) {
    throw new WorkbookError(TESTI_OFFICE.nonDisponibile, 'NON_SUPPORTATO');
  }
  const wb = new OfficeWorkbook(globalOfficeHost(), opts);
  if (!wb.supports(MIN_EXCEL_API)) {
    throw new WorkbookError(TESTI_OFFICE.versioneNonSupportata(`ExcelApi ${MIN_EXCEL_API}`), 'NON_SUPPORTATO');
  }
  return wb;
}
