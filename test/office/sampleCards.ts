/**
 * The card sheets of the sample workbook (assets/esempi/sarzana-esempio.xlsx, read by the xlsx adapter): real cards
 * with merges, dates as serials, percentages and long texts (23–40 KB of Office response each), for the big-read tests
 * and `scripts/bench-office.ts`. Node only.
 */
import { fileURLToPath } from 'node:url';
import type { Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { openXlsxFile } from '../../src/workbook/xlsx/node';

const SAMPLE = fileURLToPath(new URL('../../assets/esempi/sarzana-esempio.xlsx', import.meta.url));

export async function sampleCardGrids(): Promise<Grid[]> {
  const grids = await (await openXlsxFile(SAMPLE)).readSheets();
  const withCards = new Set(readWorkbook(grids).map((s) => s.sheet));
  const cards = grids.filter((g) => withCards.has(g.name));
  if (!cards.length) throw new Error('nessuna scheda nella cartella di esempio');
  return cards;
}
