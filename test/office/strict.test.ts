/**
 * Excel semantics the fake enforces (as the Office.js reference documents them) and what the adapter does about them.
 */
import { describe, expect, it } from 'vitest';
import { OfficeWorkbook, toWorkbookError } from '../../src/workbook/office';
import { isValidSheetName, needsQuote, toOfficeInput } from '../../src/workbook/office/write';
import { MERGE_BAND_ROWS } from '../../src/workbook/office/read';
import { dateToSerial, utcDate, type Grid } from '../../src/domain/grid';
import type { SheetPlan, WritePlan } from '../../src/domain/plan';
import { TESTI_OFFICE } from '../../src/domain/testi';
import { cellAtA1, cellOf, FakeExcel, FakeOfficeError, makeFakeExcelFromGrids } from './fakeExcel';
import { cardWorkbook } from './cards';

/** run raw Office.js calls on the fake; resolves to the error code Excel would raise, or null */
async function excelCode(fake: FakeExcel, batch: (ctx: Excel.RequestContext) => void): Promise<string | null> {
  try {
    await fake.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
}

function twoSheets(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Uno');
  fake.addSheet('Due');
  return fake;
}

describe('the fake is as strict as Excel', () => {
  it('cell input: only string/number/boolean/null, a 2-D array of exactly the range size', async () => {
    const fake = twoSheets();
    const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Uno');
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1').values = [[new Date()]]))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1:B1').values = [[1]]))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1:B1').formulas = [[1, 2], [3, 4]]))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1:B1').formulas = [['=1+1', null]]))).toBeNull();
    expect(cellAtA1(fake.sheet('Uno'), 'A1')!.formula).toBe('1+1');
    // typed-in text is converted as Excel does: a formula without '=' stays text, a date string becomes a date
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A2:C2').values = [['SUM(A1)', '2024-12-31', "'2024-12-31"]]))).toBeNull();
    const s = fake.sheet('Uno');
    expect(cellAtA1(s, 'A2')!.value).toBe('SUM(A1)');
    expect(cellAtA1(s, 'B2')!.value).toBe(dateToSerial(utcDate(2024, 12, 31)));
    expect(cellAtA1(s, 'C2')!.value).toBe('2024-12-31');
  });

  it('merged areas: merging keeps the top-left value; a value in a hidden cell is refused', async () => {
    const fake = twoSheets();
    const s = fake.sheet('Uno');
    Object.assign(cellOf(s, 0, 0), { value: 'tenuto' });
    Object.assign(cellOf(s, 0, 1), { value: 'perso' });
    expect(await excelCode(fake, (ctx) => ctx.workbook.worksheets.getItem('Uno').getRange('A1:C1').merge(false))).toBeNull();
    expect(cellAtA1(s, 'A1')!.value).toBe('tenuto');
    expect(cellAtA1(s, 'B1')!.value).toBe('');
    expect(await excelCode(fake, (ctx) => (ctx.workbook.worksheets.getItem('Uno').getRange('B1').values = [['x']]))).toBe(
      'InvalidOperation',
    );
    // null leaves a hidden cell alone: a block covering the area is fine
    expect(await excelCode(fake, (ctx) => (ctx.workbook.worksheets.getItem('Uno').getRange('A1:C1').values = [['nuovo', null, null]]))).toBeNull();
    expect(cellAtA1(s, 'A1')!.value).toBe('nuovo');
  });

  it('sheets: names, VeryHidden delete, last visible sheet, hidden activate, protect twice', async () => {
    const fake = twoSheets();
    const sheets = (ctx: Excel.RequestContext) => ctx.workbook.worksheets;
    expect(await excelCode(fake, (ctx) => sheets(ctx).add('Nome [non] valido'))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => sheets(ctx).add('x'.repeat(32)))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => sheets(ctx).add('due'))).toBe('ItemAlreadyExists');
    fake.sheet('Due').visibility = 'VeryHidden';
    expect(await excelCode(fake, (ctx) => sheets(ctx).getItem('Due').delete())).toBe('InvalidOperation');
    expect(await excelCode(fake, (ctx) => sheets(ctx).getItem('Due').activate())).toBe('InvalidOperation');
    expect(await excelCode(fake, (ctx) => sheets(ctx).getItem('Uno').delete())).toBe('InvalidOperation'); // last visible
    expect(await excelCode(fake, (ctx) => (sheets(ctx).getItem('Uno').visibility = 'Hidden'))).toBe('InvalidOperation');
    expect(await excelCode(fake, (ctx) => {
      const ws = sheets(ctx).getItem('Due');
      ws.visibility = 'Hidden';
      ws.delete();
    })).toBeNull();
    expect(fake.sheets.map((x) => x.name)).toEqual(['Uno']);
    expect(await excelCode(fake, (ctx) => sheets(ctx).getItem('Uno').protection.protect())).toBeNull();
    expect(await excelCode(fake, (ctx) => sheets(ctx).getItem('Uno').protection.protect())).toBe('AccessDenied');
  });

  it('features: date validation, conditional formula, zoom, print titles, tables, notes, merged areas limit', async () => {
    const fake = twoSheets();
    const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Uno');
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1').dataValidation.rule = { date: { formula1: 45000 as unknown as string, operator: 'GreaterThan' } }))).toBe(
      'InvalidArgument',
    );
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1').dataValidation.rule = { date: { formula1: '2024-01-01', operator: 'GreaterThan' } }))).toBeNull();
    expect(await excelCode(fake, (ctx) => (ws(ctx).getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = 'A1>0'))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => (ws(ctx).pageLayout.zoom.scale = 50))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => ws(ctx).pageLayout.setPrintTitleRows('A1:C1'))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => ws(ctx).pageLayout.setPrintTitleRows('$1:$2'))).toBeNull();
    fake.sheet('Uno').merges.push({ r1: 0, c1: 0, r2: 0, c2: 2 });
    expect(await excelCode(fake, (ctx) => ws(ctx).tables.add(ws(ctx).getRange('A1:C4'), true))).toBe('MergedRangeConflict');
    expect(await excelCode(fake, (ctx) => (ws(ctx).tables.add(ws(ctx).getRange('A3:C4'), true).name = 'Con spazi'))).toBe('InvalidArgument');
    expect(await excelCode(fake, (ctx) => ctx.workbook.notes.add(ws(ctx).getRange('A5:B5'), 'nota'))).toBe('InvalidCellAddress');
    expect(await excelCode(fake, (ctx) => ctx.workbook.comments.add(ws(ctx).getRange('A5:B5'), 'nota'))).toBe('InvalidArgument');
    for (let r = 10; r < 10 + 600; r++) fake.sheet('Uno').merges.push({ r1: r, c1: 0, r2: r, c2: 1 });
    expect(await excelCode(fake, (ctx) => ws(ctx).getRange().getMergedAreasOrNullObject().load('areas/items/address'))).toBe('GeneralException');
  });
});

// ---- the adapter against those rules ------------------------------------------------------

async function fresh(fake: FakeExcel): Promise<OfficeWorkbook> {
  const wb = new OfficeWorkbook(fake.host);
  await wb.readSheets();
  fake.resetCounters();
  return wb;
}

describe('OfficeWorkbook follows Excel semantics', () => {
  it('replaces and deletes VeryHidden add-in sheets (made Hidden before delete), in 1 sync', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(2));
    fake.addSheet('_Modello').visibility = 'VeryHidden';
    fake.addSheet('_Vecchio').visibility = 'VeryHidden';
    const wb = await fresh(fake);
    await wb.applyWritePlan({
      sheets: [{ name: '_Modello', mode: 'replace', visibility: 'veryHidden', cells: [{ address: 'A1', value: 'v2' }] }],
      deleteSheets: ['_Vecchio'],
    });
    expect(fake.syncs).toBe(1);
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Obiettivo 1', 'Visible'],
      ['Obiettivo 2', 'Visible'],
      ['_Modello', 'VeryHidden'],
    ]);
    expect(cellAtA1(fake.sheet('_Modello'), 'A1')!.value).toBe('v2');
  });

  it('refuses an invalid sheet name before any request, in Italian', async () => {
    expect(['Riepilogo', "L'elenco", 'x'.repeat(31)].every(isValidSheetName)).toBe(true);
    expect(['', 'a/b', 'x'.repeat(32), "'citato'", 'History', 'a:b', 'a[1]'].some(isValidSheetName)).toBe(false);
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    await expect(wb.applyWritePlan({ sheets: [{ name: 'Riepilogo 2024/2025', cells: [] }] })).rejects.toMatchObject({
      code: 'ALTRO',
      message: TESTI_OFFICE.nomeFoglioNonValido('Riepilogo 2024/2025'),
    });
    expect(fake.syncs).toBe(0);
  });

  it('writes date validations with ISO dates, literal lists, and skips lists Excel cannot hold', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    const sp: SheetPlan = {
      name: 'Liste',
      cells: [{ address: 'A1', value: 'x' }],
      validations: [
        { range: 'A2', type: 'date', min: dateToSerial(utcDate(2024, 1, 1)), max: dateToSerial(utcDate(2026, 12, 31)) },
        { range: 'A3', type: 'list', list: ['Sì', 'No'], allowOther: true },
        { range: 'A4', type: 'list', list: ['Roma, Lazio', 'Milano'] },
        { range: 'A5', type: 'list', list: Array.from({ length: 60 }, (_, i) => `Voce numero ${i}`) },
      ],
    };
    await wb.applyWritePlan({ sheets: [sp] });
    const v = fake.sheet('Liste').validations;
    expect(v.map((x) => x.range)).toEqual(['A2', 'A3']);
    expect(v[0].rule).toEqual({ date: { formula1: '2024-01-01', formula2: '2026-12-31', operator: 'Between' } });
    expect(v[1]).toMatchObject({ rule: { list: { inCellDropDown: true, source: 'Sì,No' } }, errorAlert: { style: 'Warning' } });
  });

  it('protects a new sheet after the plan has written its cells; skips selecting a hidden sheet', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    const plan: WritePlan = {
      sheets: [
        { name: 'Protetto', protect: true, cells: [{ address: 'A1', value: 'titolo' }] },
        { name: '_Dati', visibility: 'hidden', cells: [{ address: 'A1', value: 1 }] },
      ],
      cells: [{ sheet: 'Protetto', address: 'B2', value: 'aggiunto dopo' }],
      select: { sheet: '_Dati', range: 'A1' },
    };
    await wb.applyWritePlan(plan);
    expect(fake.syncs).toBe(1);
    expect(fake.sheet('Protetto').protected).toBe(true);
    expect(cellAtA1(fake.sheet('Protetto'), 'B2')!.value).toBe('aggiunto dopo');
    expect(fake.activeSheet).not.toBe('_Dati');
  });

  it('merged areas: values of a new sheet only in top-left cells; a write to a hidden cell is refused in Italian', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    await wb.applyWritePlan({
      sheets: [{ name: 'Unite', cells: [{ address: 'A1:C1', value: 'Titolo', style: { bold: true } }], merges: ['A1:C1'] }],
    });
    const s = fake.sheet('Unite');
    expect(cellAtA1(s, 'A1')!.value).toBe('Titolo');
    expect(cellAtA1(s, 'C1')!.format['font.bold']).toBe(true);
    expect(cellAtA1(s, 'C1')!.value).toBe('');
    // B4 of the card is inside the merged label A4:C4 (known from the read)
    fake.resetCounters();
    const err = await wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 1', address: 'B4', value: 'x' }] }).catch((e) => e);
    expect(err.message).toBe(TESTI_OFFICE.cellaNascostaInUnione('Obiettivo 1', 'B4', 'A4:C4'));
    expect(fake.syncs).toBe(0);
    // the top-left cell, and a fill of a hidden cell (no value), are fine
    await wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 1', address: 'A4', value: 'Etichetta' }, { sheet: 'Obiettivo 1', address: 'B4', fill: '#FFF2CC' }] });
    expect(cellAtA1(fake.sheet('Obiettivo 1'), 'A4')!.value).toBe('Etichetta');
  });

  it('a note on a range goes on its first cell; tables over merged cells are skipped, not fatal', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    await wb.applyWritePlan({
      sheets: [
        {
          name: 'Tab',
          cells: [{ address: 'A1', value: 'Titolo' }, { address: 'A3', value: 'Col' }, { address: 'A4', value: 1 }],
          merges: ['A1:B1'],
          tables: [
            { name: 'Sopra', range: 'A1:B4' },
            { name: 'Sotto', range: 'A3:B4' },
          ],
        },
      ],
      cells: [{ sheet: 'Obiettivo 1', address: 'M20:N21', note: 'calcolato' }],
    });
    expect(fake.sheet('Tab').tables.map((t) => t.props.name)).toEqual(['Sotto']);
    expect([...fake.sheet('Obiettivo 1').notes.entries()]).toEqual([['M20', 'calcolato']]);
  });

  it('values: NaN clears, a leading apostrophe survives, Dates become serials', async () => {
    expect(toOfficeInput(Number.NaN)).toBe('');
    expect(toOfficeInput(utcDate(2025, 1, 20))).toBe(45677);
    expect(toOfficeInput(new Date(Number.NaN))).toBe('');
    expect(needsQuote("'00123")).toBe(true);
    expect(toOfficeInput("'00123")).toBe("''00123");
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    await wb.applyWritePlan({
      cells: [
        { sheet: 'Obiettivo 1', address: 'M1', value: "'00123" },
        { sheet: 'Obiettivo 1', address: 'C17', value: Number.POSITIVE_INFINITY },
      ],
    });
    const s = fake.sheet('Obiettivo 1');
    expect(cellAtA1(s, 'M1')!.value).toBe("'00123");
    expect(cellAtA1(s, 'C17')!.value).toBe('');
  });

  it('reads a sheet with more than 512 merged areas: merges asked again in bands of rows', async () => {
    const big: Grid = { name: 'Molte', rows: [], merges: [] };
    for (let r = 0; r < 700; r++) {
      big.rows[r] = [{ v: `riga ${r + 1}`, t: `riga ${r + 1}` }];
      big.merges.push({ r1: r, c1: 0, r2: r, c2: 2 });
    }
    big.merges.push({ r1: MERGE_BAND_ROWS - 1, c1: 4, r2: MERGE_BAND_ROWS + 1, c2: 4 }); // crosses a band
    const fake = makeFakeExcelFromGrids([...cardWorkbook(1), big]);
    const wb = new OfficeWorkbook(fake.host);
    const read = await wb.readSheets();
    expect(read[1].rows).toHaveLength(700);
    const key = (m: { r1: number; c1: number; r2: number; c2: number }) => `${m.r1},${m.c1},${m.r2},${m.c2}`;
    expect(read[1].merges.map(key).sort()).toEqual(big.merges.map(key).sort());
    expect(read[0].merges.length).toBeGreaterThan(0);
    // merges are always asked in bands of rows, so more than 512 on a sheet costs no extra sync (was 5: 2 refused,
    // 2 without merges, 1 for the bands)
    expect(wb.lastSyncs.read).toBe(2);
  });

  it('getSelection of a whole column gives the address without millions of values', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    fake.selection = { sheet: 'Obiettivo 1', range: 'B:B' };
    expect(await new OfficeWorkbook(fake.host).getSelection()).toEqual({ sheet: 'Obiettivo 1', range: 'B1:B1048576' });
  });

  it('maps the other documented Excel error codes', () => {
    expect(toWorkbookError(new FakeOfficeError('MergedRangeConflict', 'x')).message).toBe(TESTI_OFFICE.conflittoCelleUnite);
    expect(toWorkbookError(new FakeOfficeError('RangeExceedsLimit', 'x')).code).toBe('TROPPO_GRANDE');
    expect(toWorkbookError(new FakeOfficeError('InactiveWorkbook', 'x')).message).toBe(TESTI_OFFICE.cartellaNonAttiva);
    expect(toWorkbookError(new FakeOfficeError('ApiNotAvailable', 'x')).code).toBe('NON_SUPPORTATO');
  });
});

describe('the add-in own plans on the strict fake', () => {
  it('a new standard card (validations, conditional formats, merges, print setup) applies in 1 sync and reads back', async () => {
    const { buildSchedaStandard } = await import('../../src/domain/modelli/standard');
    const { readSchede } = await import('../../src/domain/scheda');
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = await fresh(fake);
    const plan = buildSchedaStandard({
      nomeFoglio: 'Nuova scheda',
      periodo: { from: 2025, to: 2027 },
      tipo: 'comune',
      titolo: 'Ridurre i tempi di rilascio',
      dirigente: 'Dott.ssa Bianchi',
    });
    await wb.applyWritePlan({ sheets: [plan] });
    expect(fake.syncs).toBe(1);
    const s = fake.sheet(plan.name);
    expect(s.merges.length).toBe(plan.merges!.length);
    expect(s.validations.length).toBeGreaterThan(0);
    expect(s.conditionalFormats.every((c) => c.type !== 'Custom' || String(c.props['custom.rule.formula']).startsWith('='))).toBe(true);
    const grids = await wb.readSheets();
    const [scheda] = readSchede(grids.find((g) => g.name === plan.name)!);
    expect(scheda.header.descrizione?.value).toBe('Ridurre i tempi di rilascio');
  });
});
