/**
 * Tortona's Piano della Performance 2024 (seed 000) as a real .xlsx, the way a segreteria pastes it into Excel:
 * every line of the seed is a row, every tab field a cell, one sheet per CENTRO DI RESPONSABILITÀ. On some sheets
 * Excel has turned "50%" into 0,5 formatted as % and "31.12.2024" into a real date; on the others they stay text
 * ("5 %", "31.06.2024" always stay text: Excel cannot read them).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { isValidYmd, type Grid } from '../../src/domain/grid';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { sharedFile } from '../helpers/shared';

export const SEED_TORTONA = sharedFile('seeds/000_69bda1bd9f3434d6.txt');

/** [first line, last line (1-based, inclusive), sheet, Excel converted the values] */
export const FOGLI_TORTONA: [number, number, string, boolean][] = [
  [1, 416, 'CdR 00 Staff', true],
  [417, 571, 'CdR 01 Affari generali', false],
  [572, 712, 'CdR 02 Sviluppo economico', true],
  [713, 837, 'CdR 04 Persona e comunità', false],
  [838, 954, 'CdR 06 Finanziario', true],
  [955, 1074, 'CdR 07 Lavori pubblici', false],
];

export function seedTortona(): string[] {
  return readFileSync(SEED_TORTONA, 'utf8').split('\n');
}

const DATE_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const PCT_RE = /^(\d+(?:,\d+)?)%$/;

function put(cell: ExcelJS.Cell, field: string, converti: boolean): void {
  const t = field.trim();
  if (converti) {
    const d = DATE_RE.exec(t);
    if (d && isValidYmd(Number(d[3]), Number(d[2]), Number(d[1]))) {
      cell.value = new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])));
      cell.numFmt = 'dd/mm/yyyy';
      return;
    }
    const p = PCT_RE.exec(t);
    if (p) {
      cell.value = Number(p[1].replace(',', '.')) / 100;
      cell.numFmt = '0%';
      return;
    }
  }
  cell.value = field;
}

/** the seed as an .xlsx package (bytes) */
export async function tortonaXlsx(): Promise<Uint8Array> {
  const lines = seedTortona();
  const wb = new ExcelJS.Workbook();
  for (const [from, to, name, converti] of FOGLI_TORTONA) {
    const ws = wb.addWorksheet(name);
    for (let i = from; i <= to; i++) {
      const fields = (lines[i - 1] ?? '').replace(/\r$/, '').split('\t');
      fields.forEach((f, c) => {
        if (f.trim() !== '') put(ws.getCell(i - from + 1, c + 1), f, converti);
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function tortonaGrids(): Promise<Grid[]> {
  const wb = await XlsxWorkbook.fromBuffer(await tortonaXlsx());
  return wb.readSheets();
}

/** the seed's line of a grid row: sheet + 0-based row -> 1-based seed line */
export function lineaSeed(foglio: string, row: number): number {
  const f = FOGLI_TORTONA.find((x) => x[2] === foglio)!;
  return f[0] + row;
}
