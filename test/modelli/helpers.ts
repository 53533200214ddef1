import type { Grid } from '../../src/domain/grid';
import type { WritePlan } from '../../src/domain/plan';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

/** apply plans to a workbook (new, or the given one), save it to bytes and load it again: what a user's file holds */
export async function roundTrip(plans: WritePlan[], start?: XlsxWorkbook): Promise<{ wb: XlsxWorkbook; grids: Grid[] }> {
  const first = start ?? XlsxWorkbook.create();
  for (const p of plans) await first.applyWritePlan(p);
  const wb = await XlsxWorkbook.fromBuffer(await first.toBuffer());
  return { wb, grids: await wb.readSheets() };
}

export function gridOf(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`sheet ${name} missing: ${grids.map((x) => x.name).join(', ')}`);
  return g;
}

/** Excel's sheet-name rules */
export function isValidSheetName(n: string): boolean {
  return n.length >= 1 && n.length <= 31 && !/[[\]:*?/\\]/.test(n) && !n.startsWith("'") && !n.endsWith("'");
}
