/** the saved package of a workbook, opened by ExcelJS: a second, independent reader for what tests inspect */
import ExcelJS from 'exceljs';
import type { XlsxWorkbook } from '../../src/workbook/xlsx';

export async function exceljsOf(wb: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  const bytes = await wb.toBuffer();
  await out.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return out;
}
