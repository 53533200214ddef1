/**
 * The reference the new reader is held to: ExcelJS's load + the ExcelJS back end's `readGrid`
 * (src/workbook/xlsx/exceljsRead.ts), the reader the xlsx adapter used before.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/workbook/xlsx/exceljsRead';

/** the Grids the ExcelJS back end reads from these bytes (throws where ExcelJS refuses the file) */
export async function referenceGrids(bytes: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map(readGrid);
}
