import { describe, expect, it } from 'vitest';
import { OfficeWorkbook } from '../../src/workbook/office';
import { dateToSerial, utcDate } from '../../src/domain/grid';
import type { CellWrite, SheetPlan, WritePlan } from '../../src/domain/plan';
import { WorkbookError } from '../../src/workbook/port';
import { cellAtA1, FakeExcel, makeFakeExcelFromGrids } from './fakeExcel';
import { cardWorkbook } from './cards';

/** what a compute writes: RAGGIUNTO (H) and % (I) of 4 actions × 2 annualità on every card */
function computeWrites(sheets: string[]): CellWrite[] {
  const out: CellWrite[] = [];
  for (const sheet of sheets) {
    for (const first of [17, 24]) {
      for (let k = 0; k < 4; k++) {
        const row = first + k;
        out.push({ sheet, address: `H${row}`, value: k === 3 ? '-' : `15/01/2025 · ritardo ${k * 10} gg` });
        out.push({ sheet, address: `I${row}`, value: 1 - k * 0.1, numFmt: '0%', fill: k === 2 ? '#FFF2CC' : undefined });
      }
    }
  }
  return out;
}

function riepilogo(n: number): SheetPlan {
  const cells: SheetPlan['cells'] = [
    { address: 'A1', value: 'Riepilogo del raggiungimento', style: { bold: true, fontSize: 14 } },
  ];
  const head = ['Foglio', 'Obiettivo', 'Dirigente', 'Anno', 'Grado', 'Calcolato il'];
  head.forEach((h, c) =>
    cells.push({ address: `${'ABCDEF'[c]}3`, value: h, style: { bold: true, fill: '#DDEBF7', border: true } }),
  );
  for (let i = 0; i < n; i++) {
    const r = 4 + i;
    cells.push({ address: `A${r}`, value: `Obiettivo ${i + 1}`, style: { border: true } });
    cells.push({ address: `B${r}`, value: `Obiettivo numero ${i + 1}`, style: { border: true, wrap: true } });
    cells.push({ address: `C${r}`, value: `Dott. Rossi ${i + 1}`, style: { border: true } });
    cells.push({ address: `D${r}`, value: 2024, style: { border: true } });
    cells.push({ address: `E${r}`, value: 0.85, style: { border: true, numFmt: '0%' } });
    cells.push({ address: `F${r}`, value: utcDate(2025, 1, 20), style: { border: true } });
  }
  const last = 3 + n;
  return {
    name: 'Riepilogo',
    cells,
    merges: ['A1:F1'],
    columnWidths: { A: 14, B: 50, E: 10 },
    rowHeights: { 1: 24 },
    validations: [{ range: `D4:D${last}`, type: 'whole', min: 2000, max: 2100, error: 'Anno non valido' }],
    conditionalFormats: [{ range: `E4:E${last}`, type: 'dataBar', color: '#5B9BD5' }],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, printTitleRows: '3:3' },
    tables: [{ name: 'TabRiepilogo', range: `A3:F${last}`, style: 'TableStyleMedium2' }],
    charts: [{ type: 'bar', title: 'Grado di raggiungimento', categories: `A4:A${last}`, values: `E4:E${last}`, anchor: 'H3' }],
    freezeRows: 3,
    tabColor: '#1F4E79',
  };
}

async function readThenWrite(fake: FakeExcel, plan: WritePlan, wb = new OfficeWorkbook(fake.host)) {
  await wb.readSheets();
  fake.resetCounters();
  await wb.applyWritePlan(plan);
  return wb;
}

describe('OfficeWorkbook.applyWritePlan', () => {
  it('writes a compute over 40 cards plus a new Riepilogo sheet in exactly 1 sync', async () => {
    const grids = cardWorkbook(40);
    const fake = makeFakeExcelFromGrids(grids);
    const plan: WritePlan = {
      sheets: [riepilogo(40)],
      cells: computeWrites(grids.map((g) => g.name)),
      select: { sheet: 'Riepilogo', range: 'A1' },
    };
    const wb = await readThenWrite(fake, plan);
    expect(fake.syncs).toBe(1);
    expect(wb.lastSyncs.write).toBe(1);

    const s7 = fake.sheet('Obiettivo 7');
    expect(cellAtA1(s7, 'H17')!.value).toBe('15/01/2025 · ritardo 0 gg');
    expect(cellAtA1(s7, 'H20')!.value).toBe('-'); // kept as text, not a formula
    expect(cellAtA1(s7, 'I19')!.value).toBeCloseTo(0.8);
    expect(cellAtA1(s7, 'I19')!.numberFormat).toBe('0%');
    expect(cellAtA1(s7, 'I19')!.format['fill.color']).toBe('#FFF2CC');
    expect(cellAtA1(s7, 'I18')!.format['fill.color']).toBeUndefined();
    expect(cellAtA1(s7, 'C17')!.value).toBe('Azione 1 della scheda 7'); // untouched neighbour

    const r = fake.sheet('Riepilogo');
    expect(fake.sheets.indexOf(r)).toBe(40);
    expect(cellAtA1(r, 'A1')!.value).toBe('Riepilogo del raggiungimento');
    expect(cellAtA1(r, 'A1')!.format['font.bold']).toBe(true);
    expect(cellAtA1(r, 'F4')!.value).toBe(dateToSerial(utcDate(2025, 1, 20)));
    expect(cellAtA1(r, 'F4')!.numberFormat).toBe('dd/mm/yyyy');
    expect(cellAtA1(r, 'E43')!.numberFormat).toBe('0%');
    expect(cellAtA1(r, 'B43')!.format.wrapText).toBe(true);
    expect(cellAtA1(r, 'C3')!.format['fill.color']).toBe('#DDEBF7');
    expect(r.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 5 }]);
    expect(r.colWidths.get(1)).toBeCloseTo((50 * 7 + 5) * 0.75);
    expect(r.rowHeights.get(0)).toBe(24);
    expect(r.validations[0]).toMatchObject({
      range: 'D4:D43',
      rule: { wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } },
      errorAlert: { style: 'Stop', message: 'Anno non valido' },
    });
    expect(r.conditionalFormats[0]).toMatchObject({ range: 'E4:E43', type: 'DataBar' });
    expect(r.conditionalFormats[0].props['dataBar.positiveFormat.fillColor']).toBe('#5B9BD5');
    expect(r.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', setPrintTitleRows: '$3:$3' });
    expect(r.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(r.tables[0]).toEqual({ range: 'A3:F43', props: { name: 'TabRiepilogo', style: 'TableStyleMedium2' } });
    expect(r.charts[0]).toMatchObject({ type: 'BarClustered', values: 'E4:E43' });
    expect(r.charts[0].props).toMatchObject({
      'title.text': 'Grado di raggiungimento',
      'series.getItemAt(0).setXAxisValues': 'A4:A43',
      setPosition: 'H3',
    });
    expect(r.frozenRows).toBe(3);
    expect(r.tabColor).toBe('#1F4E79');
    // borders on the table body: outer edges and inside lines, in a few block operations
    const edges = new Set(r.borders.map((b) => b.edge));
    expect([...edges].sort()).toEqual(['EdgeBottom', 'EdgeLeft', 'EdgeRight', 'EdgeTop', 'InsideHorizontal', 'InsideVertical']);
    expect(fake.selection).toEqual({ sheet: 'Riepilogo', range: 'A1' });
  });

  it('writes in blocks, not cell by cell: the request stays small', async () => {
    const grids = cardWorkbook(40);
    const fake = makeFakeExcelFromGrids(grids);
    await readThenWrite(fake, { cells: computeWrites(grids.map((g) => g.name)) });
    // 640 cells: one block of H:I per annualità per card (80 value blocks + 80 format blocks) + fills
    const perCellFloor = 640 * 200;
    expect(fake.requestBytes[0]).toBeLessThan(perCellFloor);
  });

  it('without a fresh read, checks the sheets first: 2 syncs', async () => {
    let now = 0;
    const fake = makeFakeExcelFromGrids(cardWorkbook(3));
    const wb = new OfficeWorkbook(fake.host, { now: () => now, precheckMaxAgeMs: 1000 });
    await wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 2', address: 'H17', value: 'nei termini' }] });
    expect(fake.syncs).toBe(2);
    await wb.readSheets();
    fake.resetCounters();
    await wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 2', address: 'H18', value: 'nei termini' }] });
    expect(fake.syncs).toBe(1);
    now = 5000; // the read is stale
    fake.resetCounters();
    await wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 2', address: 'H19', value: 'nei termini' }] });
    expect(fake.syncs).toBe(2);
    expect(cellAtA1(fake.sheet('Obiettivo 2'), 'H19')!.value).toBe('nei termini');
  });

  it('keeps text that Excel would convert: percentages, dates, numbers and formulas written as text', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    // columns M and N: outside the card's merged areas (A1:L1, D2:L2…)
    const texts = ['100,00%', '50', '31/12/2024', '=SOMMA(A1)', '+39 0187', 'TRUE', "'citato'", '01/02/2024'];
    await readThenWrite(fake, {
      cells: [
        ...texts.map((value, i) => ({ sheet: 'Obiettivo 1', address: `M${i + 1}`, value })),
        { sheet: 'Obiettivo 1', address: 'N1', formula: 'SUM(B17:B20)' },
        { sheet: 'Obiettivo 1', address: 'N2', value: utcDate(2024, 12, 31) },
        { sheet: 'Obiettivo 1', address: 'N3', value: null },
        { sheet: 'Obiettivo 1', address: 'C17', value: null },
      ],
    });
    const s = fake.sheet('Obiettivo 1');
    texts.forEach((t, i) => expect(cellAtA1(s, `M${i + 1}`)!.value).toBe(t));
    expect(cellAtA1(s, 'N1')!.formula).toBe('SUM(B17:B20)');
    expect(cellAtA1(s, 'N2')!.value).toBe(45657);
    expect(cellAtA1(s, 'N2')!.numberFormat).toBe('dd/mm/yyyy');
    expect(cellAtA1(s, 'C17')!.value).toBe(''); // null clears
  });

  it('replaces an add-in sheet in place and deletes another, still in 1 sync', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(3));
    fake.sheets.splice(1, 0, { ...fake.sheets[0], name: 'Riepilogo', cells: new Map(), merges: [] });
    fake.addSheet('_Vecchio');
    const wb = new OfficeWorkbook(fake.host);
    await readThenWrite(
      fake,
      {
        sheets: [{ name: 'Riepilogo', mode: 'replace', cells: [{ address: 'A1', value: 'nuovo' }] }],
        deleteSheets: ['_Vecchio', 'Inesistente'],
      },
      wb,
    );
    expect(fake.syncs).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Obiettivo 1', 'Riepilogo', 'Obiettivo 2', 'Obiettivo 3']);
    expect(cellAtA1(fake.sheet('Riepilogo'), 'A1')!.value).toBe('nuovo');
    // the cache follows the plan: a second write needs no pre-check
    fake.resetCounters();
    await wb.applyWritePlan({ cells: [{ sheet: 'Riepilogo', address: 'A2', value: 2 }] });
    expect(fake.syncs).toBe(1);
  });

  it('chunks only above the payload limit, each request under it', async () => {
    const grids = cardWorkbook(40);
    const fake = makeFakeExcelFromGrids(grids);
    fake.payloadLimit = 20_000;
    const wb = new OfficeWorkbook(fake.host, { payloadLimitBytes: 15_000 });
    const plan: WritePlan = { sheets: [riepilogo(40)], cells: computeWrites(grids.map((g) => g.name)) };
    await readThenWrite(fake, plan, wb);
    expect(fake.syncs).toBeGreaterThan(1);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(20_000);
    expect(cellAtA1(fake.sheet('Obiettivo 40'), 'I24')!.value).toBe(1);
    expect(cellAtA1(fake.sheet('Riepilogo'), 'B43')!.value).toBe('Obiettivo numero 40');
  });

  it('falls back below ExcelApi 1.8/1.9/1.10: no validations, print setup or notes, no error', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(2), { apiVersion: '1.7' });
    const plan: WritePlan = {
      sheets: [riepilogo(2)],
      cells: [{ sheet: 'Obiettivo 1', address: 'H17', value: 'Sì', note: 'calcolato' }],
    };
    await readThenWrite(fake, plan);
    expect(fake.syncs).toBe(1);
    const r = fake.sheet('Riepilogo');
    expect(r.validations).toEqual([]);
    expect(r.pageLayout).toEqual({});
    expect(r.tables).toHaveLength(1);
    expect(fake.sheet('Obiettivo 1').notes.size).toBe(0);
    expect(cellAtA1(fake.sheet('Obiettivo 1'), 'H17')!.value).toBe('Sì');
  });

  it('writes notes where supported', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    await readThenWrite(fake, { cells: [{ sheet: 'Obiettivo 1', address: 'H17', note: 'Valore modificato a mano' }] });
    expect(fake.sheet('Obiettivo 1').notes.get('H17')).toBe('Valore modificato a mano');
  });

  it('refuses a plan that would be half-written: protected sheet, existing or missing sheet', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(3));
    fake.sheet('Obiettivo 3').protected = true;
    const wb = new OfficeWorkbook(fake.host);
    await wb.readSheets();
    fake.resetCounters();
    const attempt = (plan: WritePlan) => wb.applyWritePlan(plan).then(() => null, (e: unknown) => e as WorkbookError);

    const prot = await attempt({ cells: [...computeWrites(['Obiettivo 1', 'Obiettivo 2', 'Obiettivo 3'])] });
    expect(prot).toBeInstanceOf(WorkbookError);
    expect(prot!.code).toBe('PROTETTO');
    expect(prot!.message).toBe(
      'Il foglio "Obiettivo 3" è protetto: togli la protezione (Revisione → Rimuovi protezione foglio) e riprova. Non è stato scritto nulla.',
    );
    const exists = await attempt({ sheets: [{ name: 'obiettivo 2', cells: [] }] });
    expect(exists!.code).toBe('FOGLIO_ESISTENTE');
    expect(exists!.message).toContain('Esiste già un foglio chiamato "obiettivo 2"');
    const missing = await attempt({ cells: [{ sheet: 'Obiettivo 9', address: 'A1', value: 1 }] });
    expect(missing!.code).toBe('FOGLIO_MANCANTE');
    expect(missing!.message).toContain('"Obiettivo 9" non esiste più');
    const bad = await attempt({ cells: [{ sheet: 'Obiettivo 1', address: 'ZZ', value: 1 }] });
    expect(bad!.message).toContain('"ZZ" non è un indirizzo di cella valido');

    expect(fake.syncs).toBe(0); // refused before any request
    expect(cellAtA1(fake.sheet('Obiettivo 1'), 'H17')).toBeUndefined();
  });

  it('maps Excel failures at sync to Italian messages', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(2));
    const wb = new OfficeWorkbook(fake.host);
    await wb.readSheets();
    const plan: WritePlan = { cells: computeWrites(['Obiettivo 1']) };

    fake.editMode = true;
    await expect(wb.applyWritePlan(plan)).rejects.toMatchObject({
      code: 'MODIFICA_IN_CORSO',
      message: expect.stringContaining('premi Invio o Esc'),
    });
    await expect(wb.readSheets()).rejects.toMatchObject({ code: 'MODIFICA_IN_CORSO' });
    fake.editMode = false;

    fake.payloadLimit = 300; // Excel on the web refusing a big request
    await expect(wb.applyWritePlan(plan)).rejects.toMatchObject({
      code: 'TROPPO_GRANDE',
      message: expect.stringContaining('meno schede alla volta'),
    });
    fake.payloadLimit = undefined;

    // protected after the read: Excel itself refuses
    fake.sheet('Obiettivo 1').protected = true;
    await expect(wb.applyWritePlan(plan)).rejects.toMatchObject({ code: 'PROTETTO', message: expect.stringContaining('Rimuovi protezione') });
  });

  it('refuses Excel versions below ExcelApi 1.7 with an Italian message', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1), { apiVersion: '1.6' });
    const wb = new OfficeWorkbook(fake.host);
    await expect(wb.readSheets()).rejects.toMatchObject({
      code: 'NON_SUPPORTATO',
      message: expect.stringContaining('Aggiorna Excel'),
    });
    await expect(wb.applyWritePlan({ cells: [{ sheet: 'Obiettivo 1', address: 'A1', value: 1 }] })).rejects.toMatchObject({
      code: 'NON_SUPPORTATO',
    });
    expect(fake.syncs).toBe(0);
  });
});

describe('round trip through the fake', () => {
  it('a card read from Excel and written as a new sheet reads back with the same values, formats and merges', async () => {
    const fake = makeFakeExcelFromGrids(cardWorkbook(1));
    const wb = new OfficeWorkbook(fake.host);
    const [g] = await wb.readSheets();
    const cells: SheetPlan['cells'] = [];
    g.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        cells.push({
          address: `${String.fromCharCode(65 + c)}${r + 1}`,
          value: cell.v,
          formula: cell.formula,
          style: cell.f && cell.f !== 'General' ? { numFmt: cell.f } : undefined,
        });
      }),
    );
    const merges = g.merges.map((m) => `${String.fromCharCode(65 + m.c1)}${m.r1 + 1}:${String.fromCharCode(65 + m.c2)}${m.r2 + 1}`);
    fake.resetCounters();
    await wb.applyWritePlan({ sheets: [{ name: 'Copia', cells, merges }] });
    expect(fake.syncs).toBe(1);
    const copy = (await wb.readSheets()).find((x) => x.name === 'Copia')!;
    expect(copy.merges).toEqual(g.merges);
    g.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const got = copy.rows[r]?.[c];
        expect(got?.f ?? 'General', `r${r} c${c}`).toBe(cell.f ?? 'General');
        if (cell.formula) expect(got?.formula).toBe(cell.formula);
        else expect(got?.v, `r${r} c${c}`).toEqual(cell.v);
      }),
    );
  });
});
