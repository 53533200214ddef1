/**
 * Real .xlsx bytes for the reader's tests and bench: Grids (the card builders of test/office/cards.ts) written
 * by the project's own xlsx adapter, one card per sheet or all stacked on one sheet.
 */
import type { Grid } from '../../src/domain/grid';
import { rangeToA1, toA1, colToLetters } from '../../src/domain/grid';
import type { SheetPlan } from '../../src/domain/plan';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { cardGrid } from '../office/cards';

/** a Grid as a sheet plan: values, formulas, number formats, merges, widths */
export function planOf(g: Grid): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  g.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      cells.push({
        address: toA1(r, c),
        ...(cell.formula ? { formula: cell.formula } : {}),
        ...(cell.v !== null ? { value: cell.v } : {}),
        ...(cell.f && cell.f !== 'General' ? { style: { numFmt: cell.f } } : {}),
      });
    }),
  );
  const columnWidths: Record<string, number> = {};
  (g.colWidths ?? []).forEach((w, c) => {
    if (w !== undefined) columnWidths[colToLetters(c)] = w;
  });
  return { name: g.name, cells, merges: g.merges.map(rangeToA1), columnWidths, visibility: g.visibility };
}

export async function xlsxOf(grids: Grid[]): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.applyWritePlan({ sheets: grids.map(planOf) });
  return wb.toBuffer();
}

const WIDTHS = [6, 8, 40, 14, 30, 14, 50, 14, 8, 8, 8, 8];

/** `n` cards, each on its own sheet */
export function cardsOnSheets(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => ({ ...cardGrid(`Obiettivo ${i + 1}`, i + 1), colWidths: WIDTHS }));
}

/** `n` cards stacked on one sheet, two empty rows between them */
export function cardsStacked(n: number): Grid[] {
  const sheet: Grid = { name: 'Obiettivi', rows: [], merges: [], colWidths: WIDTHS };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const g = cardGrid('x', i + 1, { r: at, c: 0 });
    g.rows.forEach((row, r) => {
      if (row && row.length) sheet.rows[r] = row;
    });
    sheet.merges.push(...g.merges);
    at = g.rows.length + 2;
  }
  for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
  return [sheet];
}
