import { readFileSync } from 'node:fs';
import type { Grid } from '../../src/domain/grid';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

/** absolute path of a file given relative to the repository root */
export function repoPath(path: string): string {
  return new URL(`../../${path}`, import.meta.url).pathname;
}

/** a committed workbook (fixture or sample) read through the xlsx adapter */
export async function openFixture(path: string): Promise<Grid[]> {
  const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(repoPath(path))));
  return wb.readSheets();
}
