/**
 * Group cell positions into rectangles so a plan is written with one range assignment per block, not per cell.
 * - `denseBlocks`: rectangles that may contain holes (holes are written as null = "leave unchanged"),
 *   for values / formulas / number formats;
 * - `exactBlocks`: rectangles made only of the given cells, for formats that apply to a whole range (fill, font…).
 */
import type { CellRange } from '../../domain/grid';

export interface Pos {
  r: number;
  c: number;
}

function byRow(cells: Pos[]): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (const p of cells) {
    const list = rows.get(p.r);
    if (list) list.push(p.c);
    else rows.set(p.r, [p.c]);
  }
  for (const list of rows.values()) list.sort((a, b) => a - b);
  return new Map([...rows.entries()].sort((a, b) => a[0] - b[0]));
}

/** runs of columns in one row; columns closer than `gap`+1 are joined */
function runs(cols: number[], gap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && c <= last[1] + 1 + gap) last[1] = Math.max(last[1], c);
    else out.push([c, c]);
  }
  return out;
}

/** rectangles covering every cell, at least half full; holes are allowed */
export function denseBlocks(cells: Pos[]): CellRange[] {
  const rows = byRow(cells);
  const out: CellRange[] = [];
  let band: { r1: number; r2: number; c1: number; c2: number; n: number; rows: [number, number[]][] } | null = null;
  const close = () => {
    if (!band) return;
    const area = (band.r2 - band.r1 + 1) * (band.c2 - band.c1 + 1);
    if (band.n * 2 >= area) out.push({ r1: band.r1, c1: band.c1, r2: band.r2, c2: band.c2 });
    else for (const [r, cols] of band.rows) for (const [c1, c2] of runs(cols, 2)) out.push({ r1: r, c1, r2: r, c2 });
    band = null;
  };
  for (const [r, cols] of rows) {
    if (band && r !== band.r2 + 1) close();
    const c1 = cols[0];
    const c2 = cols[cols.length - 1];
    if (!band) band = { r1: r, r2: r, c1, c2, n: 0, rows: [] };
    band.r2 = r;
    band.c1 = Math.min(band.c1, c1);
    band.c2 = Math.max(band.c2, c2);
    band.n += new Set(cols).size;
    band.rows.push([r, cols]);
  }
  close();
  return out;
}

/** rectangles made exactly of the given cells: row runs, merged downwards when they line up */
export function exactBlocks(cells: Pos[]): CellRange[] {
  const rows = byRow(cells);
  const open = new Map<string, CellRange>();
  const out: CellRange[] = [];
  let prevRow = -2;
  for (const [r, cols] of rows) {
    const next = new Map<string, CellRange>();
    for (const [c1, c2] of runs(cols, 0)) {
      const key = `${c1}:${c2}`;
      const above = r === prevRow + 1 ? open.get(key) : undefined;
      if (above) {
        above.r2 = r;
        next.set(key, above);
        open.delete(key);
      } else {
        const rect = { r1: r, c1, r2: r, c2 };
        out.push(rect);
        next.set(key, rect);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    prevRow = r;
  }
  return out;
}

/** split a rectangle into row slices of at most `maxRows` rows */
export function sliceRows(rect: CellRange, maxRows: number): CellRange[] {
  const out: CellRange[] = [];
  for (let r = rect.r1; r <= rect.r2; r += maxRows) out.push({ ...rect, r1: r, r2: Math.min(rect.r2, r + maxRows - 1) });
  return out;
}
