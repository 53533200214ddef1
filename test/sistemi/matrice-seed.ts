/**
 * The generic template "Programmazione Obiettivi di Performance 2024" (seed 003) as a real .xlsx: every line of the
 * seed's three cards is a row, every tab field a cell, the three cards one under the other on one sheet, as the
 * template's export holds them. Excel has read "25%" as 0,25 formatted as %, "4,5" as a number and the leaked
 * `#DIV/0!` as an error value; the extraction's <b>…</b> / <sup> marks are formatting, not text. The seed's own
 * slips stay as they are: card a's Importanza row merged with the Alto/Medio/Basso header (its x lost), the
 * Realizzabilità rows of cards b and d shifted one column left, "Esito Pesatura 14" glued in one cell.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/grid';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { sharedFile } from '../helpers/shared';

export const SEED_MATRICE = sharedFile('seeds/003_4afacb18b71e818b.txt');
export const FOGLIO_MATRICE = 'Obiettivi 2024';
/** the seed's lines of the three cards (1-based, inclusive) */
export const RIGHE_MATRICE: [number, number] = [11, 105];

export function seedMatrice(): string[] {
  return readFileSync(SEED_MATRICE, 'utf8').split('\n');
}

const PCT_RE = /^(\d+(?:,\d+)?)%$/;
const NUM_RE = /^\d+(?:,\d+)?$/;

function put(cell: ExcelJS.Cell, field: string): void {
  const t = field.replace(/<\/?(?:b|u|sup)>/g, '').replace(/\s+/g, ' ').trim();
  const p = PCT_RE.exec(t);
  if (p) {
    cell.value = Number(p[1].replace(',', '.')) / 100;
    cell.numFmt = '0%';
  } else if (NUM_RE.test(t)) {
    cell.value = Number(t.replace(',', '.'));
  } else if (t === '#DIV/0!') {
    cell.value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  } else cell.value = t;
}

/** the seed's cards as an .xlsx package (bytes) */
export async function matriceXlsx(): Promise<Uint8Array> {
  const lines = seedMatrice();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FOGLIO_MATRICE);
  const [from, to] = RIGHE_MATRICE;
  for (let i = from; i <= to; i++) {
    const fields = (lines[i - 1] ?? '').replace(/\r$/, '').split('\t');
    fields.forEach((f, c) => {
      if (f.trim() !== '') put(ws.getCell(i - from + 1, c + 1), f);
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function matriceGrids(): Promise<Grid[]> {
  const wb = await XlsxWorkbook.fromBuffer(await matriceXlsx());
  return wb.readSheets();
}

/** the seed's line of a grid row (0-based) */
export function lineaSeedMatrice(row: number): number {
  return RIGHE_MATRICE[0] + row;
}
