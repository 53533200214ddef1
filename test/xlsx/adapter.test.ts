import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { openXlsxFile } from '../../src/workbook/xlsx/node';
import { utcDate, textAt } from '../../src/domain/grid';
import { WorkbookError } from '../../src/workbook/port';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exceljsOf } from '../helpers/exceljs';

async function roundTrip(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

describe('xlsx adapter', () => {
  it('writes a sheet plan and reads it back from a second load', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({
      sheets: [
        {
          name: 'Scheda 1',
          cells: [
            { address: 'A1', value: 'OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE', style: { bold: true, fill: '#DDEBF7' } },
            { address: 'A2', value: 'Collegamento al bilancio' },
            { address: 'C2', value: 'Missione: 01 – Servizi istituzionali generali e di gestione' },
            { address: 'B5', value: 50 },
            { address: 'B6', value: 0.5, style: { numFmt: '0%' } },
            { address: 'B7', value: '100,00%' },
            { address: 'B8', formula: 'SUM(B5:B6)' },
            { address: 'D5', value: utcDate(2024, 6, 30), style: { numFmt: 'dd/mm/yyyy' } },
            { address: 'E5', value: 1.5, style: { numFmt: '0.00' } },
          ],
          merges: ['A1:K1', 'C2:F2'],
          columnWidths: { A: 12, C: 40 },
          validations: [{ range: 'B5:B7', type: 'whole', min: 0, max: 100 }],
          conditionalFormats: [{ range: 'B8', type: 'expression', formula: 'B8<>100', fill: '#FFC7CE' }],
          print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0 },
        },
      ],
    });
    const back = await roundTrip(wb);
    const [g] = await back.readSheets();
    expect(g.name).toBe('Scheda 1');
    expect(textAt(g, 0, 0)).toContain('OBIETTIVO GESTIONALE');
    // merged slaves are empty, the merge is reported
    expect(g.rows[0][1]).toBeUndefined();
    expect(g.merges).toContainEqual({ r1: 0, c1: 0, r2: 0, c2: 10 });
    expect(g.rows[4][1]?.v).toBe(50);
    expect(g.rows[5][1]?.t).toBe('50%');
    expect(g.rows[6][1]?.v).toBe('100,00%');
    expect(g.rows[7][1]?.formula).toBe('SUM(B5:B6)');
    const d = g.rows[4][3]?.v;
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString().slice(0, 10)).toBe('2024-06-30');
    expect(g.rows[4][3]?.t).toBe('30/06/2024');
    expect(g.rows[4][4]?.t).toBe('1,50');
    expect(g.colWidths?.[2]).toBe(40);
  });

  it('applies cell writes, keeps other cells, refuses a write to a missing sheet without writing anything', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({ sheets: [{ name: 'A', cells: [{ address: 'A1', value: 'tenere' }] }] });
    await wb.applyWritePlan({ cells: [{ sheet: 'A', address: 'B2', value: 0.7, numFmt: '0%' }] });
    await expect(
      wb.applyWritePlan({ cells: [{ sheet: 'A', address: 'C3', value: 'x' }, { sheet: 'Manca', address: 'A1', value: 1 }] }),
    ).rejects.toBeInstanceOf(WorkbookError);
    const [g] = await (await roundTrip(wb)).readSheets();
    expect(g.rows[0][0]?.v).toBe('tenere');
    expect(g.rows[1][1]?.t).toBe('70%');
    expect(g.rows[2]?.[2]).toBeUndefined();
  });

  it('replaces an own sheet in place and hides bookkeeping sheets', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({
      sheets: [
        { name: 'Uno', cells: [{ address: 'A1', value: 1 }] },
        { name: 'Riepilogo', cells: [{ address: 'A1', value: 'vecchio' }] },
        { name: 'Tre', cells: [{ address: 'A1', value: 3 }] },
        { name: '_SchedeObiettivi', cells: [{ address: 'A1', value: '{}' }], visibility: 'veryHidden' },
      ],
    });
    await wb.applyWritePlan({ sheets: [{ name: 'Riepilogo', mode: 'replace', cells: [{ address: 'A1', value: 'nuovo' }] }] });
    const grids = await (await roundTrip(wb)).readSheets();
    expect(grids.map((g) => g.name)).toEqual(['Uno', 'Riepilogo', 'Tre', '_SchedeObiettivi']);
    expect(grids[1].rows[0][0]?.v).toBe('nuovo');
    expect(grids[3].visibility).toBe('veryHidden');
  });

  it('makes a table and grows it when rows are appended below', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({
      sheets: [
        {
          name: 'Rilevazioni',
          cells: [
            { address: 'A1', value: 'Foglio' },
            { address: 'B1', value: 'N.' },
            { address: 'A2', value: 'Trasparenza' },
            { address: 'B2', value: 1 },
          ],
          tables: [{ name: 'Rilevazioni', range: 'A1:B2' }],
        },
      ],
    });
    await wb.applyWritePlan({ cells: [{ sheet: 'Rilevazioni', address: 'A3', value: 'Trasparenza' }, { sheet: 'Rilevazioni', address: 'B3', value: 2 }] });
    const back = await roundTrip(wb);
    const ws = (await exceljsOf(back)).getWorksheet('Rilevazioni')!;
    const t = ws.getTable('Rilevazioni') as unknown as { table: { tableRef: string } };
    expect(t.table.tableRef).toBe('A1:B3');
    const [g] = await back.readSheets();
    expect(g.rows[2][1]?.v).toBe(2);
  });

  it('says in Italian what is wrong with a file that is not an xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-'));
    const txt = join(dir, 'nota.xlsx');
    writeFileSync(txt, 'non sono un excel');
    await expect(openXlsxFile(txt)).rejects.toThrow(/non è un file \.xlsx/);
    await expect(openXlsxFile(join(dir, 'manca.xlsx'))).rejects.toThrow(/non esiste/);
    const ole = join(dir, 'protetto.xlsx');
    writeFileSync(ole, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(openXlsxFile(ole)).rejects.toThrow(/protetto da password/);
  });
});

describe('xlsx adapter events', () => {
  it('a write is a change; moving the selection is only a selection', async () => {
    const wb = XlsxWorkbook.create();
    let changes = 0;
    let selections = 0;
    wb.onChange(() => changes++);
    const off = wb.onSelect(() => selections++);
    await wb.applyWritePlan({ sheets: [{ name: 'A', cells: [{ address: 'A1', value: 1 }] }] });
    expect([changes, selections]).toEqual([1, 0]);
    await wb.select('A', 'A1:B2');
    expect([changes, selections]).toEqual([1, 1]);
    expect(wb.currentSelection).toEqual({ sheet: 'A', range: 'A1:B2' });
    await wb.applyWritePlan({ cells: [{ sheet: 'A', address: 'B2', value: 2 }], select: { sheet: 'A', range: 'B2' } });
    expect([changes, selections]).toEqual([2, 2]);
    off();
    await wb.select('A', 'C3');
    expect(selections).toBe(2);
  });
});

describe('manual page breaks survive a load and a save', () => {
  it('keeps the row breaks a file already has when the CLI re-saves it', async () => {
    const { default: JSZip } = await import('jszip');
    const made = XlsxWorkbook.create();
    await made.applyWritePlan({
      sheets: [
        {
          name: "Scheda d'esempio",
          cells: [{ address: 'A1', value: 'OBIETTIVO GESTIONALE 2025 – 2027' }, { address: 'A40', value: 'fine' }],
          print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, rowBreaks: [12, 26] },
        },
      ],
    });
    // load (as the CLI does), change a cell, save again
    const loaded = await XlsxWorkbook.fromBuffer(await made.toBuffer());
    await loaded.applyWritePlan({ cells: [{ sheet: "Scheda d'esempio", address: 'B2', value: 1 }] });
    const zip = await JSZip.loadAsync(await loaded.toBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([12, 26]);
  });
});
