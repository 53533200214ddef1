/** Node-only file helpers around the ExcelJS back end (CLI and tests). */
import { readFile, writeFile } from 'node:fs/promises';
import { WorkbookError } from '../port';
import { TESTI_XLSX } from '../../domain/testi/xlsx';
import { XlsxWorkbook } from './index';
import { partNames } from './package';
import type { ReadOptions } from './lettura';

export async function openXlsxFile(path: string, opts: ReadOptions = {}): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    throw new WorkbookError(TESTI_XLSX.fileMancante(path), 'FILE_NON_VALIDO');
  }
  // .xlsx is a zip (PK\3\4); password-protected .xlsx and old .xls are OLE compound files (D0 CF 11 E0)
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new WorkbookError(TESTI_XLSX.fileProtetto(path), 'FILE_NON_VALIDO');
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new WorkbookError(TESTI_XLSX.nonXlsx(path), 'FILE_NON_VALIDO');
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // a zip that is not an Excel workbook (an OpenDocument .ods, a .docx, any archive): refused, never read as empty
  const parts = partNames(bytes);
  if (parts.length > 0 && !parts.some((p) => p.toLowerCase() === 'xl/workbook.xml')) {
    const ods = parts.includes('mimetype') && parts.includes('content.xml');
    throw new WorkbookError(ods ? TESTI_XLSX.fileOds(path) : TESTI_XLSX.nonCartellaExcel(path), 'FILE_NON_VALIDO');
  }
  return XlsxWorkbook.fromBuffer(bytes, opts);
}

/** write the workbook to `path`; any failure (serialising or writing) is a WorkbookError with an Italian message */
export async function saveXlsxFile(wb: XlsxWorkbook, path: string): Promise<void> {
  try {
    await writeFile(path, await wb.toBuffer());
  } catch {
    throw new WorkbookError(TESTI_XLSX.scritturaFallita(path), 'ALTRO');
  }
}
