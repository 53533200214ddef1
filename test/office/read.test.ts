import { describe, expect, it } from 'vitest';
import { OfficeWorkbook } from '../../src/workbook/office';
import { formatDateIt, utcDate } from '../../src/domain/grid';
import { FakeExcel, cellOf, makeFakeExcelFromGrids } from './fakeExcel';
import { cardGrid, cardWorkbook } from './cards';
import { expectSameCells } from './expectGrid';

describe('OfficeWorkbook.readSheets', () => {
  it('a re-read asks for every sheet\'s rows at once: 40 cards and a 600-row Rilevazioni sheet in 2 syncs the second time', async () => {
    const grids = cardWorkbook(40);
    const ril = { name: 'Rilevazioni', merges: [], rows: Array.from({ length: 600 }, (_, r) => [{ v: `Scheda ${r}`, t: `Scheda ${r}` }, { v: r, t: String(r) }]) };
    const fake = makeFakeExcelFromGrids([...grids, ril]);
    const wb = new OfficeWorkbook(fake.host);
    const first = await wb.readSheets();
    expect(first.find((g) => g.name === 'Rilevazioni')!.rows).toHaveLength(600);
    const before = fake.syncs;
    const again = await wb.readSheets();
    // what a compute costs in Excel: its one write plus this read
    expect(fake.syncs - before).toBe(2);
    expect(again.map((g) => g.rows.length)).toEqual(first.map((g) => g.rows.length));
    expect(again[40].rows[599].map((c) => c?.v)).toEqual(['Scheda 599', 599]);
  });

  it('reads a 40-sheet workbook of card-sized grids in 2 syncs, with dates, text and merges', async () => {
    const grids = cardWorkbook(40);
    expect(grids[0].rows.length).toBeGreaterThanOrEqual(40);
    expect(Math.max(...grids[0].rows.map((r) => r.length))).toBe(10);
    const fake = makeFakeExcelFromGrids(grids);
    const wb = new OfficeWorkbook(fake.host);
    const read = await wb.readSheets();
    expect(fake.syncs).toBe(2);
    expect(wb.lastSyncs.read).toBe(2);
    expect(read.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    for (let i = 0; i < 40; i++) {
      expectSameCells(read[i], grids[i]);
      expect(read[i].merges).toEqual(grids[i].merges);
    }
    // a date cell: TEMPI of action 1, first annualità (row 17, col D)
    const tempi = read[0].rows[16][3]!;
    expect(tempi.v).toEqual(utcDate(2024, 3, 30));
    expect(tempi.t).toBe('30/03/2024');
    expect(tempi.f).toBe('dd/mm/yyyy');
    expect(read[0].rows[16][9]!.v).toBe(0.7); // % stays a number
    expect(read[0].rows[16][9]!.t).toBe('70%');
    expect(wb.capabilities.mergedAreas).toBe(true);
  });

  it('costs the same 2 syncs for 1 sheet and for 80 sheets', async () => {
    for (const n of [1, 80]) {
      const fake = makeFakeExcelFromGrids(cardWorkbook(n));
      await new OfficeWorkbook(fake.host).readSheets();
      expect(fake.syncs).toBe(2);
    }
  });

  it('anchors the grid at A1 when the used range starts elsewhere', async () => {
    const g = cardGrid('Spostata', 7, { r: 4, c: 2 });
    const fake = makeFakeExcelFromGrids([g]);
    const [read] = await new OfficeWorkbook(fake.host).readSheets();
    expect(read.rows[0]?.[0]).toBeUndefined();
    expect(read.rows[4][2]!.v).toBe('OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE');
    expect(read.rows[4 + 16][2 + 3]!.v).toEqual(utcDate(2024, 3, 30));
    expect(read.merges[0]).toEqual({ r1: 4, c1: 2, r2: 4, c2: 13 });
    expectSameCells(read, g);
  });

  it('converts Office values with en-US semantics: serial + date format -> Date, text from .text', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Foglio1');
    Object.assign(cellOf(s, 1, 1), { value: 45657, numberFormat: 'm/d/yyyy', text: '12/31/2024' });
    Object.assign(cellOf(s, 1, 2), { value: 45657.5, numberFormat: '[$-410]dd mmmm yyyy;@' });
    Object.assign(cellOf(s, 2, 1), { value: 0.25, numberFormat: '0.00%', text: '25.00%' });
    Object.assign(cellOf(s, 2, 2), { value: true, numberFormat: 'General' });
    Object.assign(cellOf(s, 3, 1), { value: '#DIV/0!', numberFormat: 'General' });
    Object.assign(cellOf(s, 3, 3), { value: 45, numberFormat: 'h:mm' });
    const [g] = await new OfficeWorkbook(fake.host).readSheets();
    expect(g.rows[1][1]).toEqual({ v: utcDate(2024, 12, 31), t: '12/31/2024', f: 'm/d/yyyy' });
    expect((g.rows[1][2]!.v as Date).toISOString()).toBe('2024-12-31T12:00:00.000Z');
    expect(g.rows[2][1]).toEqual({ v: 0.25, t: '25.00%', f: '0.00%' });
    expect(g.rows[2][2]!.v).toBe(true);
    expect(g.rows[3][1]!.v).toBe('#DIV/0!');
    expect(g.rows[3][3]!.v).toBe(45); // a time format is not a date
    expect(g.rows[0]).toEqual([]);
  });

  it('returns empty grids for empty sheets and keeps visibility', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Vuoto');
    fake.addSheet('_Nascosto').visibility = 'VeryHidden';
    const grids = await new OfficeWorkbook(fake.host).readSheets();
    expect(grids).toEqual([
      { name: 'Vuoto', rows: [], merges: [], visibility: 'visible' },
      { name: '_Nascosto', rows: [], merges: [], visibility: 'veryHidden' },
    ]);
    expect(fake.syncs).toBe(2);
  });

  it('without ExcelApi 1.13 reads no merges, never calls the merged-area API, still in 2 syncs', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(40), { apiVersion: '1.12' });
    const wb = new OfficeWorkbook(fake.host);
    expect(wb.capabilities.mergedAreas).toBe(false);
    const read = await wb.readSheets(); // the fake throws ApiNotFound if getMergedAreasOrNullObject is used
    expect(fake.syncs).toBe(2);
    expect(read).toHaveLength(40);
    expect(read.every((g) => g.merges.length === 0)).toBe(true);
    expect(read[3].rows[16][3]!.t).toBe(formatDateIt(utcDate(2024, 3, 30)));
  });

  it('reads a workbook too large for one response in groups of sheets (Excel on the web 5 MB limit)', async () => {
    const grids = cardWorkbook(40);
    const fake = makeFakeExcelFromGrids(grids);
    await new OfficeWorkbook(fake.host).readSheets();
    const whole = fake.responseBytes[1];
    fake.resetCounters();
    fake.responseLimit = Math.ceil(whole / 3); // forces groups of 10 sheets
    const wb = new OfficeWorkbook(fake.host);
    const read = await wb.readSheets();
    expect(read.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    for (let i = 0; i < 40; i++) expectSameCells(read[i], grids[i]);
    expect(Math.max(...fake.responseBytes.filter((b) => b <= fake.responseLimit!))).toBeLessThanOrEqual(fake.responseLimit);
    expect(wb.lastSyncs.read).toBeGreaterThan(2);
    expect(wb.lastSyncs.read).toBeLessThan(20);
    fake.responseLimit = 10; // not even one sheet fits
    await expect(new OfficeWorkbook(fake.host).readSheets()).rejects.toMatchObject({ code: 'TROPPO_GRANDE' });
  });

  it('the fake behaves like Office.js: loaded properties are unreadable before sync', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Obiettivo 1');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      expect(() => used.values).toThrow(/not available/);
      expect(() => used.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(used.values[0][0]).toContain('OBIETTIVO');
      expect(() => used.text).toThrow(/not available/);
    });
    expect(fake.syncs).toBe(1);
  });
});
