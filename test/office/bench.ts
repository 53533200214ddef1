/**
 * Sync counting on the fake Office back end, for `npm run bench` (issue 7):
 *   const { syncs_lettura, syncs_scrittura } = await officeSyncs(grids, (read) => planFor(read));
 * `grids` are the workbook's sheets (e.g. read from the sample .xlsx with the xlsx adapter); `planFor` builds the
 * WritePlan of a compute from what the Office adapter read (omit it to measure the read only).
 */
import type { Grid } from '../../src/domain/grid';
import type { WritePlan } from '../../src/domain/plan';
import { OfficeWorkbook } from '../../src/workbook/office';
import { makeFakeExcelFromGrids } from './fakeExcel';

export { makeFakeExcelFromGrids } from './fakeExcel';
export { cardWorkbook, cardGrid } from './cards';

export async function officeSyncs(
  grids: Grid[],
  planFor?: (read: Grid[]) => WritePlan | Promise<WritePlan>,
): Promise<{ syncs_lettura: number; syncs_scrittura: number; read: Grid[] }> {
  const fake = makeFakeExcelFromGrids(grids);
  const wb = new OfficeWorkbook(fake.host);
  const read = await wb.readSheets();
  const syncs_lettura = fake.syncs;
  fake.resetCounters();
  if (planFor) await wb.applyWritePlan(await planFor(read));
  return { syncs_lettura, syncs_scrittura: fake.syncs, read };
}
