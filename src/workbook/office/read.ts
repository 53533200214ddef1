/**
 * Whole-workbook read in 2 context.sync() calls, whatever the number of sheets:
 * sync 1: the worksheets collection (name, visibility, position, protection);
 * sync 2: for every sheet its used range (values, text, numberFormat, formulas, address) and, with ExcelApi 1.13,
 * its merged areas.
 */
import type { Cell, CellRange, CellValue, Grid } from '../../domain/grid';
import { isDateFormat, parseRange, serialToDate } from '../../domain/grid';

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

interface Pending {
  info: SheetInfo;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
}

export async function readAll(
  ctx: Excel.RequestContext,
  withMerges: boolean,
): Promise<{ grids: Grid[]; infos: SheetInfo[]; syncs: number }> {
  const sheets = queueSheetList(ctx);
  await ctx.sync(); // 1
  const infos = sheetInfos(sheets);
  if (!infos.length) return { grids: [], infos, syncs: 1 };
  const grids = await readSheetData(ctx, infos, withMerges); // 2
  return { grids, infos, syncs: 2 };
}

/** the used ranges (and merges) of the given sheets in one sync */
export async function readSheetData(ctx: Excel.RequestContext, infos: SheetInfo[], withMerges: boolean): Promise<Grid[]> {
  const sheets = ctx.workbook.worksheets;
  const pending: Pending[] = infos.map((info) => {
    const ws = sheets.getItem(info.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,text,numberFormat,formulas');
    let merges: Excel.RangeAreas | undefined;
    if (withMerges) {
      merges = ws.getRange().getMergedAreasOrNullObject();
      merges.load('areas/items/address');
    }
    return { info, used, merges };
  });
  await ctx.sync();
  return pending.map((p) => toGrid(p));
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

function toGrid(p: Pending): Grid {
  const grid: Grid = { name: p.info.name, rows: [], merges: [], visibility: p.info.visibility };
  if (!p.used.isNullObject) {
    const origin = parseRange(localAddress(p.used.address));
    if (origin) {
      fillRows(grid, origin, p.used.values, p.used.text, p.used.numberFormat, p.used.formulas);
    }
  }
  if (p.merges && !p.merges.isNullObject) {
    for (const area of p.merges.areas.items) {
      const r = parseRange(localAddress(area.address));
      if (r && (r.r1 !== r.r2 || r.c1 !== r.c2)) grid.merges.push(r);
    }
  }
  return grid;
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
