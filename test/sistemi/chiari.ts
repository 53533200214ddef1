/**
 * Chiari's Piano della Performance 2024-2026 (seed 001) as a real .xlsx, the way a segreteria pastes it into Excel:
 * every line of the seed is a row, every tab field a cell. Sheet "Progetti": the projects table (lines 65–93);
 * sheet "Schede progetto": the 24 project cards (lines 97–1355, one after another). In the table Excel has turned
 * the Italian numbers of the even projects into numbers with a format (`4.193,23` → 4193,23 as `#,##0.00`, `2,5` →
 * 2,5); the odd projects' numbers stay text, as a paste of text cells leaves them.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/grid';
import { parseNumberIt } from '../../src/domain/valori';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { sharedFile } from '../helpers/shared';

export const SEED_CHIARI = sharedFile('seeds/001_45cf4e557c24a18d.txt');

/** [first line, last line (1-based, inclusive), sheet] */
export const FOGLI_CHIARI: [number, number, string][] = [
  [65, 93, 'Progetti'],
  [97, 1355, 'Schede progetto'],
];

export function seedChiari(): string[] {
  return readFileSync(SEED_CHIARI, 'utf8').split('\n');
}

export const campi = (line: string) => line.replace(/\r$/, '').split('\t');

/** the numeric columns of the table: N. DIP., PESO %, COEFF., TOTALE COEFF., IMPORTO */
const NUMERICHE = new Set([8, 9, 10, 11, 12]);

function put(cell: ExcelJS.Cell, field: string, converti: boolean): void {
  const n = converti ? parseNumberIt(field.trim()) : null;
  if (n !== null) {
    cell.value = n;
    cell.numFmt = /\./.test(field) || /,\d\d$/.test(field) ? '#,##0.00' : 'General';
    return;
  }
  cell.value = field;
}

export type Righe = string[];

/** the seed's lines, optionally changed (a faulty copy): line number (1-based) → new line */
export async function chiariXlsx(modifiche: Record<number, string> = {}): Promise<Uint8Array> {
  const lines = seedChiari();
  const wb = new ExcelJS.Workbook();
  for (const [from, to, name] of FOGLI_CHIARI) {
    const ws = wb.addWorksheet(name);
    for (let i = from; i <= to; i++) {
      const fields = campi(modifiche[i] ?? lines[i - 1] ?? '');
      const progetto = Number(fields[0]);
      const converti = name === 'Progetti' && Number.isInteger(progetto) && progetto > 0 && progetto % 2 === 0;
      fields.forEach((f, c) => {
        if (f.trim() !== '') put(ws.getCell(i - from + 1, c + 1), f, converti && NUMERICHE.has(c));
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function chiariGrids(modifiche: Record<number, string> = {}): Promise<Grid[]> {
  const wb = await XlsxWorkbook.fromBuffer(await chiariXlsx(modifiche));
  return wb.readSheets();
}

/** the seed line of a grid row: sheet + 0-based row → 1-based seed line */
export function lineaChiari(foglio: string, row: number): number {
  return FOGLI_CHIARI.find((x) => x[2] === foglio)![0] + row;
}
