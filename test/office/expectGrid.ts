/** cell-by-cell comparison of grids read by the Office adapter (test helper) */
import { expect } from 'vitest';
import type { Grid } from '../../src/domain/grid';

/** compare a read grid with the source grid, cell by cell (v, t, f, formula) */
export function expectSameCells(got: Grid, want: Grid) {
  const rows = Math.max(got.rows.length, want.rows.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(got.rows[r]?.length ?? 0, want.rows[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const w = want.rows[r]?.[c];
      const g = got.rows[r]?.[c];
      if (!w) {
        expect(g, `${got.name} r${r} c${c}`).toBeUndefined();
        continue;
      }
      expect(g, `${got.name} r${r} c${c}`).toBeDefined();
      expect(g!.v).toEqual(w.v);
      expect(g!.t).toBe(w.t);
      expect(g!.f).toBe(w.f);
      expect(g!.formula).toBe(w.formula);
    }
  }
}

/**
 * A grid as one comparable list (fast on 50,000-row sheets): every non-empty cell as "row,col value|text|format|formula"
 * (dates as ISO strings, no format = General), then the merged areas sorted. Empty cells (no value, text or formula)
 * are left out, as the Office adapter never returns them.
 */
export function gridSignature(g: Grid): string[] {
  const out: string[] = [];
  g.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (cell.v === null && cell.t === '' && cell.formula === undefined)) return;
      const v = cell.v instanceof Date ? cell.v.toISOString() : JSON.stringify(cell.v);
      out.push(`${r},${c} ${v}|${cell.t}|${cell.f ?? 'General'}|${cell.formula ?? ''}`);
    }),
  );
  const merges = g.merges.map((m) => `merge ${m.r1},${m.c1},${m.r2},${m.c2}`).sort();
  return [...out, ...merges];
}
