import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorkbook, isOfficeAvailable, OfficeWorkbook, toWorkbookError } from '../../src/workbook/office';
import { denseBlocks, exactBlocks } from '../../src/workbook/office/blocks';
import { needsQuote } from '../../src/workbook/office/write';
import { WorkbookError } from '../../src/workbook/port';
import { TESTI_OFFICE } from '../../src/domain/testi';
import { cellAtA1, cellOf, FakeExcel, FakeOfficeError, makeFakeExcelFromGrids } from './fakeExcel';
import { cardWorkbook } from './cards';

describe('toWorkbookError', () => {
  const cases: [string, string, WorkbookError['code'], string][] = [
    ['InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'MODIFICA_IN_CORSO', TESTI_OFFICE.modificaInCorso],
    ['InvalidOperation', 'The operation is not allowed in edit mode', 'MODIFICA_IN_CORSO', TESTI_OFFICE.modificaInCorso],
    ['RequestPayloadSizeLimitExceeded', 'too big', 'TROPPO_GRANDE', TESTI_OFFICE.troppoGrande],
    ['ResponsePayloadSizeLimitExceeded', 'too big', 'TROPPO_GRANDE', TESTI_OFFICE.troppoGrandeLettura],
    ['ApiNotFound', 'The API could not be found', 'NON_SUPPORTATO', TESTI_OFFICE.apiNonTrovata],
    ['AccessDenied', 'You cannot perform the requested operation.', 'PROTETTO', TESTI_OFFICE.protetto],
    ['InvalidOperation', 'The cell you are trying to change is on a protected sheet', 'PROTETTO', TESTI_OFFICE.protetto],
    ['GeneralException', 'Il foglio è protetto', 'PROTETTO', TESTI_OFFICE.protetto],
    ['ItemNotFound', `The requested resource doesn't exist: "Riepilogo".`, 'FOGLIO_MANCANTE', TESTI_OFFICE.foglioMancante('Riepilogo')],
    ['ItemAlreadyExists', 'A resource with the same name already exists: "Rilevazioni".', 'FOGLIO_ESISTENTE', TESTI_OFFICE.foglioEsistente('Rilevazioni')],
    ['ItemNotFound', 'The requested resource does not exist.', 'FOGLIO_MANCANTE', TESTI_OFFICE.elementoMancante],
    ['Conflict', 'conflict', 'ALTRO', TESTI_OFFICE.occupato],
  ];
  for (const [code, msg, want, text] of cases) {
    it(`${code}: ${msg}`, () => {
      const e = toWorkbookError(new FakeOfficeError(code, msg));
      expect(e).toBeInstanceOf(WorkbookError);
      expect(e.code).toBe(want);
      expect(e.message).toBe(text);
    });
  }
  it('keeps WorkbookErrors and describes unknown ones without throwing', () => {
    const w = new WorkbookError('x', 'PROTETTO');
    expect(toWorkbookError(w)).toBe(w);
    expect(toWorkbookError(new FakeOfficeError('GeneralException', 'boom')).message).toBe(
      TESTI_OFFICE.generico('GeneralException'),
    );
    expect(toWorkbookError(null).code).toBe('ALTRO');
    expect(toWorkbookError('stringa').message).toContain('stringa');
  });
});

describe('blocks', () => {
  it('denseBlocks covers a 2-column compute in one rectangle per contiguous band', () => {
    const cells = [];
    for (const first of [16, 23]) for (let r = first; r < first + 4; r++) for (const c of [7, 8]) cells.push({ r, c });
    expect(denseBlocks(cells)).toEqual([
      { r1: 16, c1: 7, r2: 19, c2: 8 },
      { r1: 23, c1: 7, r2: 26, c2: 8 },
    ]);
  });
  it('denseBlocks splits sparse rows into runs instead of a huge mostly-empty rectangle', () => {
    expect(denseBlocks([{ r: 0, c: 0 }, { r: 1, c: 50 }])).toEqual([
      { r1: 0, c1: 0, r2: 0, c2: 0 },
      { r1: 1, c1: 50, r2: 1, c2: 50 },
    ]);
  });
  it('exactBlocks covers exactly the cells (an L shape = 2 rectangles)', () => {
    const L = [{ r: 0, c: 0 }, { r: 1, c: 0 }, { r: 2, c: 0 }, { r: 2, c: 1 }, { r: 2, c: 2 }];
    const rects = exactBlocks(L);
    const covered = rects.flatMap((b) => {
      const out = [];
      for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) out.push(`${r},${c}`);
      return out;
    });
    expect(covered.sort()).toEqual(L.map((p) => `${p.r},${p.c}`).sort());
    expect(rects).toHaveLength(2);
  });
});

describe('needsQuote', () => {
  it('protects strings Excel would reinterpret, leaves prose alone', () => {
    for (const s of ['=A1', '-', '+39', '@x', '50', '100,00%', '31/12/2024', '30.06.24', 'TRUE', '12:30']) expect(needsQuote(s)).toBe(true);
    for (const s of ['Nessun ritardo', '15/01/2025 · ritardo 15 gg', 'Sì', '', '2 ore']) expect(needsQuote(s)).toBe(false);
  });
});

describe('select, getSelection, onChange', () => {
  it('selects a range on a sheet and reads the selection back', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(2));
    const wb = new OfficeWorkbook(fake.host);
    await wb.select('Obiettivo 2', 'B17:B20');
    expect(fake.selection).toEqual({ sheet: 'Obiettivo 2', range: 'B17:B20' });
    expect(fake.activeSheet).toBe('Obiettivo 2');
    const sel = await wb.getSelection();
    expect(sel).toEqual({ sheet: 'Obiettivo 2', range: 'B17:B20', values: [[30], [30], [20], [20]] });
    await expect(wb.select('Nessuno', 'A1')).rejects.toMatchObject({
      code: 'FOGLIO_MANCANTE',
      message: TESTI_OFFICE.foglioMancante('Nessuno'),
    });
    await expect(wb.select('Obiettivo 1', 'non valido')).rejects.toMatchObject({ code: 'ALTRO' });
  });

  it('getSelection gives null values for empty cells and unquotes sheet names', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("L'elenco");
    Object.assign(cellOf(s, 0, 0), { value: 'Titolo' });
    fake.selection = { sheet: "L'elenco", range: 'A1:B1' };
    const sel = await new OfficeWorkbook(fake.host).getSelection();
    expect(sel).toEqual({ sheet: "L'elenco", range: 'A1:B1', values: [['Titolo', null]] });
  });

  it('onChange fires on sheets added, deleted and edited; unsubscribe stops it', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = new OfficeWorkbook(fake.host);
    let calls = 0;
    const stop = wb.onChange(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handlers.added).toHaveLength(1);
    expect(fake.handlers.changed).toHaveLength(1);
    await wb.readSheets();
    await wb.applyWritePlan({ sheets: [{ name: 'Nuova', cells: [{ address: 'A1', value: 1 }] }] });
    expect(calls).toBe(2); // added + changed
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handlers.added).toHaveLength(0);
    await wb.applyWritePlan({ cells: [{ sheet: 'Nuova', address: 'A2', value: 2 }] });
    expect(calls).toBe(2);
    expect(cellAtA1(fake.sheet('Nuova'), 'A2')!.value).toBe(2);
  });

  it('onChange below ExcelApi 1.9 listens to added/deleted only', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1), { apiVersion: '1.8' });
    const wb = new OfficeWorkbook(fake.host);
    wb.onChange(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handlers.added).toHaveLength(1);
    expect(fake.handlers.changed).toHaveLength(0);
  });
});

describe('start-up without Office', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });
  it('isOfficeAvailable is false in Node and createOfficeWorkbook explains in Italian', async () => {
    expect(isOfficeAvailable()).toBe(false);
    await expect(createOfficeWorkbook()).rejects.toMatchObject({ code: 'NON_SUPPORTATO', message: TESTI_OFFICE.nonDisponibile });
  });
  it('createOfficeWorkbook works over Office.onReady in Excel, and refuses ExcelApi < 1.7', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    g.Excel = { run: (b: never) => fake.run(b) };
    let version = '1.18';
    g.Office = {
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
      context: { requirements: { isSetSupported: (n: string, v: string) => n === 'ExcelApi' && Number(v.split('.')[1]) <= Number(version.split('.')[1]) } },
    };
    expect(isOfficeAvailable()).toBe(true);
    const wb = await createOfficeWorkbook();
    const grids = await wb.readSheets();
    expect(grids[0].name).toBe('Obiettivo 1');
    expect(fake.syncs).toBe(2);
    version = '1.6';
    await expect(createOfficeWorkbook()).rejects.toMatchObject({ code: 'NON_SUPPORTATO', message: expect.stringContaining('ExcelApi 1.7') });
  });
});

describe('bench helper', () => {
  it('officeSyncs reports 2 read syncs and 1 write sync for 40 cards', async () => {
    const { officeSyncs, cardWorkbook: cards } = await import('./bench');
    const res = await officeSyncs(cards(40), (read) => ({
      cells: read.map((g) => ({ sheet: g.name, address: 'I17', value: 1, numFmt: '0%' })),
    }));
    expect(res.syncs_lettura).toBe(2);
    expect(res.syncs_scrittura).toBe(1);
    expect(res.read).toHaveLength(40);
  });
});
