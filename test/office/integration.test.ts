import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OfficeWorkbook } from '../../src/workbook/office';
import { openXlsxFile } from '../../src/workbook/xlsx/node';
import { readWorkbook } from '../../src/domain/scheda';
import { makeFakeExcelFromGrids } from './fakeExcel';

const SAMPLE = join(fileURLToPath(new URL('../..', import.meta.url)), 'assets/esempi/sarzana-esempio.xlsx');

describe('the sample workbook through the Office adapter', () => {
  it('reads the same cards as the xlsx adapter, with and without ExcelApi 1.13 merged areas', async () => {
    const grids = await (await openXlsxFile(SAMPLE)).readSheets();
    const viaXlsx = readWorkbook(grids);
    expect(viaXlsx.length).toBeGreaterThanOrEqual(4);
    for (const apiVersion of ['1.13', '1.12']) {
      const fake = makeFakeExcelFromGrids(grids, { apiVersion });
      const read = await new OfficeWorkbook(fake.host).readSheets();
      expect(fake.syncs).toBe(2);
      if (apiVersion === '1.13') expect(read.map((g) => g.merges)).toEqual(grids.map((g) => g.merges));
      const viaOffice = readWorkbook(read);
      expect(JSON.parse(JSON.stringify(viaOffice))).toEqual(JSON.parse(JSON.stringify(viaXlsx)));
    }
  });
});

describe('a template plan through the Office adapter', () => {
  it('writes a standard card + lists sheet in 1 sync, and the reader finds the card in what Excel holds', async () => {
    const { buildSchedaStandard, listeSeMancanti } = await import('../../src/domain/modelli');
    const fake = makeFakeExcelFromGrids([{ name: 'Foglio1', rows: [], merges: [] }]);
    const wb = new OfficeWorkbook(fake.host);
    await wb.readSheets();
    fake.resetCounters();
    const card = buildSchedaStandard({
      nomeFoglio: 'Nuova scheda',
      periodo: { from: 2025, to: 2027 },
      tipo: 'comune',
      titolo: 'Digitalizzare le pratiche edilizie',
      dirigente: 'Dott.ssa Bianchi',
      azioniPerAnnualita: 4,
    });
    await wb.applyWritePlan({ sheets: [...listeSeMancanti(['Foglio1']), card], select: { sheet: 'Nuova scheda', range: 'A1' } });
    expect(fake.syncs).toBe(1);
    const s = fake.sheet('Nuova scheda');
    expect(s.merges.length).toBe(card.merges?.length ?? 0);
    expect(s.validations.length).toBe(card.validations?.length ?? 0);
    expect(s.conditionalFormats.length).toBe(card.conditionalFormats?.length ?? 0);
    const read = await wb.readSheets();
    const schede = readWorkbook(read);
    expect(schede).toHaveLength(1);
    expect(schede[0].sheet).toBe('Nuova scheda');
    expect(JSON.stringify(schede[0])).toContain('Digitalizzare le pratiche edilizie');
  });
});
