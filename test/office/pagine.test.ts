import { describe, expect, it } from 'vitest';
import { buildListe, layoutSchedaStandard } from '../../src/domain/modelli';
import { OfficeWorkbook } from '../../src/workbook/office';
import { cardWorkbook } from './cards';
import { makeFakeExcelFromGrids } from './fakeExcel';

const { plan, layout } = layoutSchedaStandard({ nomeFoglio: 'Nuova scheda', periodo: { from: 2025, to: 2027 }, tipo: 'comune', titolo: 'Prova' });

async function write(apiVersion?: string) {
  const fake = makeFakeExcelFromGrids(cardWorkbook(2), apiVersion ? { apiVersion } : undefined);
  const wb = new OfficeWorkbook(fake.host);
  await wb.readSheets();
  fake.resetCounters();
  await wb.applyWritePlan({ sheets: [plan, buildListe()] });
  return fake;
}

describe('Office adapter: manual page breaks of a standard card', () => {
  it('requests a horizontal page break at the row after each break, in the same single sync', async () => {
    const fake = await write();
    expect(fake.syncs).toBe(1);
    const breaks = plan.print!.rowBreaks!;
    expect(breaks.length).toBeGreaterThan(0);
    const s = fake.sheet('Nuova scheda');
    expect(s.pageBreaks).toEqual(breaks.map((n) => `A${n + 1}`));
    // the first PIANO OPERATIVO starts a page: its title row is the cell after the first break
    expect(s.pageBreaks[0]).toBe(`A${layout.annualita[0].titleRow + 1}`);
    expect(s.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(fake.sheet('_Liste').pageBreaks).toEqual([]);
  });

  it('below ExcelApi 1.9 (no pageLayout) writes the card without breaks and without error', async () => {
    const fake = await write('1.7');
    expect(fake.syncs).toBe(1);
    expect(fake.sheet('Nuova scheda').pageBreaks).toEqual([]);
  });
});
