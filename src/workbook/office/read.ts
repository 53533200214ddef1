/**
 * Whole-workbook read: 2 context.sync() calls for tens of cards, then one more per ~4 MB of response
 * (Excel on the web refuses a response above 5 MB), whatever the number of sheets or of cards on a sheet:
 * sync 1: the worksheets collection (name, visibility, position, protection);
 * sync 2: for every sheet its used range address and its first rows (values, text, numberFormat, formulas) with,
 * under ExcelApi 1.13, their merged areas; then the remaining rows in blocks (see readAll).
 */
import type { Cell, CellRange, CellValue, Grid } from '../../domain/grid';
import { isDateFormat, parseRange, serialToDate } from '../../domain/grid';
import { isResponseTooLarge } from './errors';

/** what the adapter remembers about a sheet to check a write plan without an extra round trip */
export interface SheetInfo {
  name: string;
  position: number;
  protected: boolean;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** merged areas from the last read (ExcelApi 1.13), to send writes to the top-left cell of a merged area */
  merges?: CellRange[];
}

export function toVisibility(v: string): SheetInfo['visibility'] {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

/** the A1 part of an Office address: "'Scheda 1'!B3:M47" -> "B3:M47" */
export function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return i >= 0 ? address.slice(i + 1) : address;
}

/** queue the loads of sync 1 and return the collection */
export function queueSheetList(ctx: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position,items/protection/protected');
  return sheets;
}

export function sheetInfos(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items.map((ws) => ({
    name: ws.name,
    position: ws.position,
    protected: ws.protection.protected,
    visibility: toVisibility(ws.visibility),
  }));
}

/** bytes a response may carry: Excel on the web refuses more than 5 MB, the read plans for 4 MB */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
/** first guess of the response bytes of one used cell (values + text + numberFormat + formulas), before any data is seen:
 * the sample's cards measure 42–72 on the fake (test/office/fakeExcel.ts, UTF-8 JSON as Excel serialises a response) */
export const BYTES_PER_CELL_GUESS = 64;
/** at most this many first rows in sync 2 (its merged-area lookups are queued before the sheet's size is known) */
const HEAD_MAX_ROWS = 5000;
/** columns assumed for a sheet whose size is not known yet (a card is 9–13 columns wide) */
const COLUMNS_GUESS = 16;
/** response bytes of one sheet's address loads and merged-area lookups, besides its cells */
const SHEET_OVERHEAD = 256;
/** response bytes per row for its merged areas */
const MERGE_BYTES_PER_ROW = 40;
/** a measured rate is raised by this margin before it plans the next response */
const MARGIN = 1.15;
/** never plan with fewer bytes per cell than an empty cell costs ("","","General","") */
const MIN_BYTES_PER_CELL = 20;

export interface ReadOptions {
  withMerges: boolean;
  /** response bytes to plan each sync for (default READ_BUDGET_BYTES) */
  budget?: number;
  /**
   * rows of each sheet at the last read (by name): the first rows asked in sync 2 are then all of them where they fit
   * the budget, so a re-read (after a compute) takes 2 syncs even with a long Rilevazioni sheet
   */
  knownRows?: ReadonlyMap<string, number>;
  /** rows read of the workbook's rows, after each sync that brings rows */
  onProgress?(done: number, total: number): void;
}

export interface ReadResult {
  grids: Grid[];
  infos: SheetInfo[];
  syncs: number;
}

/** a band of rows of one sheet read in one sync: its used cells and, with ExcelApi 1.13, its merged areas */
interface Block {
  sheet: number;
  /** 1-based, inclusive */
  from: number;
  to: number;
}

interface QueuedBlock {
  block: Block;
  used: Excel.Range;
  merges: Excel.RangeAreas[];
}

/**
 * The whole workbook, in a number of syncs that grows with its payload, not with its sheets or cards:
 * sync 1: the worksheets collection;
 * sync 2: every sheet's used range address and its first rows (as many as a share of the budget allows: all the rows
 *         of a few card-sized sheets), so a workbook of tens of cards is read in 2 syncs;
 * then: the remaining rows, in row blocks packed into syncs of `budget` response bytes (estimated from the bytes
 *       per cell measured so far), merged into one Grid per sheet as a whole-sheet read gives it.
 * A response Excel refuses as too large is asked again in halves; a single row that is too large is reported.
 * Merged areas are asked in bands of MERGE_BAND_ROWS rows over the rows read (never more than 512 per lookup), so an
 * empty merged area starting below a sheet's last value (and below its first rows) is not read: it holds no value.
 */
export async function readAll(ctx: Excel.RequestContext, opts: ReadOptions): Promise<ReadResult> {
  const budget = opts.budget ?? READ_BUDGET_BYTES;
  const sheets = queueSheetList(ctx);
  await ctx.sync(); // 1
  let syncs = 1;
  const infos = sheetInfos(sheets);
  if (!infos.length) return { grids: [], infos, syncs };
  const grids: Grid[] = infos.map((info) => ({ name: info.name, rows: [], merges: [], visibility: info.visibility }));
  const seen = infos.map(() => new Set<string>());
  const rate = new Rate();

  // sync 2: addresses and first rows (a share of the budget each, or each sheet's rows at the last read when they fit)
  const share = Math.min(
    HEAD_MAX_ROWS,
    Math.max(1, Math.floor(budget / infos.length / (COLUMNS_GUESS * BYTES_PER_CELL_GUESS + MERGE_BYTES_PER_ROW))),
  );
  const rowCost = COLUMNS_GUESS * BYTES_PER_CELL_GUESS + MERGE_BYTES_PER_ROW;
  // a sheet new since the last read (the Riepilogo a compute just made) gets the share
  const wanted = infos.map((info) => {
    const k = opts.knownRows?.get(info.name);
    return k === undefined ? share : Math.min(HEAD_MAX_ROWS, Math.max(1, k));
  });
  const fits = wanted.reduce((t, n) => t + n * rowCost, 0) <= budget;
  let heads = fits ? wanted : infos.map(() => share);
  let bounds: (CellRange | null)[] | undefined;
  for (;;) {
    const used = infos.map((info) => {
      const u = ctx.workbook.worksheets.getItem(info.name).getUsedRangeOrNullObject(true);
      u.load('address');
      return u;
    });
    const queued = heads.some((h) => h > 0) ? infos.map((_, i) => queueBlock(ctx, infos, { sheet: i, from: 1, to: heads[i] }, opts.withMerges)) : [];
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!isResponseTooLarge(e) || heads.every((h) => h === 0)) throw e;
      heads = heads.map(() => 0); // only the addresses, then blocks sized on them
      continue;
    }
    bounds = used.map((u) => (u.isNullObject ? null : parseRange(localAddress(u.address))));
    for (const q of queued) takeBlock(q, grids, seen, rate);
    break;
  }

  // the rows after the first ones, packed into syncs
  const rest: Block[] = [];
  bounds.forEach((b, i) => {
    if (b && b.r2 + 1 > heads[i]) rest.push({ sheet: i, from: Math.max(heads[i] + 1, b.r1 + 1), to: b.r2 + 1 });
  });
  const total = bounds.reduce((t, b) => t + (b ? b.r2 + 1 : 0), 0);
  let left = rest.reduce((t, b) => t + b.to - b.from + 1, 0);
  opts.onProgress?.(total - left, total);
  const width = (sheet: number) => {
    const b = bounds![sheet]!;
    return b.c2 - b.c1 + 1;
  };
  let scale = 1;
  while (rest.length) {
    const perCell = rate.perCell() * scale;
    const batch = takeBatch(rest, budget, (sheet) => width(sheet) * perCell + MERGE_BYTES_PER_ROW);
    const queued = batch.map((block) => queueBlock(ctx, infos, block, opts.withMerges));
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!isResponseTooLarge(e) || (batch.length === 1 && batch[0].from === batch[0].to)) throw e;
      rest.unshift(...batch); // ask again in halves (and keep planning smaller: this workbook is heavier than measured)
      scale *= 2;
      continue;
    }
    for (const q of queued) takeBlock(q, grids, seen, rate);
    left -= batch.reduce((t, b) => t + b.to - b.from + 1, 0);
    opts.onProgress?.(total - left, total);
  }
  return { grids, infos, syncs };
}

/** the next sync's blocks: whole remaining rows of sheets in order, the last one cut to what the budget leaves */
function takeBatch(rest: Block[], budget: number, rowCost: (sheet: number) => number): Block[] {
  const batch: Block[] = [];
  let left = budget;
  while (rest.length) {
    const b = rest[0];
    const cost = rowCost(b.sheet);
    const rows = Math.floor((left - SHEET_OVERHEAD) / cost);
    if (rows < 1) {
      if (batch.length) break;
      // not even one row fits the plan: read one row, Excel's 5 MB is the real limit
      batch.push({ ...b, to: b.from });
      b.from++;
      if (b.from > b.to) rest.shift();
      break;
    }
    const to = Math.min(b.to, b.from + rows - 1);
    batch.push({ ...b, to });
    left -= SHEET_OVERHEAD + (to - b.from + 1) * cost;
    if (to === b.to) rest.shift();
    else {
      b.from = to + 1;
      break;
    }
  }
  return batch;
}

/** the used cells of rows from..to of a sheet, and the merged areas starting in them (bands of MERGE_BAND_ROWS rows) */
function queueBlock(ctx: Excel.RequestContext, infos: SheetInfo[], block: Block, withMerges: boolean): QueuedBlock {
  const ws = ctx.workbook.worksheets.getItem(infos[block.sheet].name);
  const used = ws.getRange(`${block.from}:${block.to}`).getUsedRangeOrNullObject(true);
  used.load('address,values,text,numberFormat,formulas');
  const merges: Excel.RangeAreas[] = [];
  if (withMerges) {
    for (let r = block.from; r <= block.to; r += MERGE_BAND_ROWS) {
      const band = ws.getRange(`${r}:${Math.min(block.to, r + MERGE_BAND_ROWS - 1)}`).getMergedAreasOrNullObject();
      band.load('areas/items/address');
      merges.push(band);
    }
  }
  return { block, used, merges };
}

/** put a read block into its sheet's grid */
function takeBlock(q: QueuedBlock, grids: Grid[], seen: Set<string>[], rate: Rate): void {
  const grid = grids[q.block.sheet];
  if (!q.used.isNullObject) {
    const origin = parseRange(localAddress(q.used.address));
    if (origin) {
      fillRows(grid, origin, q.used.values, q.used.text, q.used.numberFormat, q.used.formulas);
      rate.add(origin, q.used);
    }
  }
  for (const band of q.merges) {
    if (band.isNullObject) continue;
    for (const area of band.areas.items) {
      const r = parseRange(localAddress(area.address));
      const k = r && rangeKey(r);
      if (!r || !k || seen[q.block.sheet].has(k) || (r.r1 === r.r2 && r.c1 === r.c2)) continue;
      seen[q.block.sheet].add(k);
      grid.merges.push(r);
    }
  }
}

/** response bytes per cell measured on the data read so far (JSON characters, as Excel serialises them) */
class Rate {
  private bytes = 0;
  private cells = 0;
  add(r: CellRange, used: Excel.Range): void {
    this.cells += (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
    this.bytes += JSON.stringify([used.values, used.text, used.numberFormat, used.formulas]).length;
  }
  perCell(): number {
    if (this.cells < 1) return BYTES_PER_CELL_GUESS;
    return Math.max(MIN_BYTES_PER_CELL, (this.bytes / this.cells) * MARGIN);
  }
}

/** rows per getMergedAreasOrNullObject() call when a sheet has too many merged areas for one call */
export const MERGE_BAND_ROWS = 100;

/**
 * "if the merged areas count in this range is more than 512, then this method will fail"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)):
 * the merges of already-read grids, asked in bands of rows, one sync for every sheet. Fills `grid.merges`.
 */
export async function readMergesInBands(ctx: Excel.RequestContext, grids: Grid[]): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const pending = grids.map((g) => {
    const ws = sheets.getItem(g.name);
    const bands: Excel.RangeAreas[] = [];
    for (let r = 1; r <= Math.max(1, g.rows.length); r += MERGE_BAND_ROWS) {
      const band = ws.getRange(`${r}:${r + MERGE_BAND_ROWS - 1}`).getMergedAreasOrNullObject();
      band.load('areas/items/address');
      bands.push(band);
    }
    return { g, bands };
  });
  await ctx.sync();
  for (const { g, bands } of pending) {
    const seen = new Set<string>();
    g.merges = [];
    for (const band of bands) {
      if (band.isNullObject) continue;
      for (const area of band.areas.items) {
        const r = parseRange(localAddress(area.address));
        const k = r && rangeKey(r);
        if (!r || !k || seen.has(k) || (r.r1 === r.r2 && r.c1 === r.c2)) continue;
        seen.add(k);
        g.merges.push(r);
      }
    }
  }
}

function rangeKey(r: CellRange): string {
  return `${r.r1},${r.c1},${r.r2},${r.c2}`;
}

/** build the grid rows from Office's 2-D arrays (en-US semantics), anchored at A1 */
export function fillRows(
  grid: Grid,
  origin: CellRange,
  values: unknown[][],
  text: string[][] | undefined,
  formats: unknown[][] | undefined,
  formulas: unknown[][] | undefined,
): void {
  for (let i = 0; i < values.length; i++) {
    const row = values[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const cell = toCell(row[j], text?.[i]?.[j], formats?.[i]?.[j], formulas?.[i]?.[j]);
      if (!cell) continue;
      const r = origin.r1 + i;
      const c = origin.c1 + j;
      while (grid.rows.length <= r) grid.rows.push([]);
      grid.rows[r][c] = cell;
    }
  }
}

export function toCell(raw: unknown, text: unknown, fmt: unknown, formula: unknown): Cell | undefined {
  const t = typeof text === 'string' ? text : '';
  const f = typeof fmt === 'string' && fmt !== '' ? fmt : undefined;
  const fx = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  let v: CellValue = null;
  if (typeof raw === 'number') v = isDateFormat(f) && Number.isFinite(raw) ? serialToDate(raw) : raw;
  else if (typeof raw === 'boolean') v = raw;
  else if (typeof raw === 'string') v = raw === '' ? null : raw;
  if (v === null && t === '' && fx === undefined) return undefined;
  const cell: Cell = { v, t };
  if (f) cell.f = f;
  if (fx !== undefined) cell.formula = fx;
  return cell;
}
