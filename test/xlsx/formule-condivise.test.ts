/**
 * Shared formulas: overwriting the one cell that holds a group's text (RAGGIUNTO / % filled down in Excel, then
 * `calcola --forza`) must leave every other cell of the group with its own formula, never a reference to a formula
 * that is gone (Excel calls such a file damaged). Other groups and their cells stay byte for byte.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { shiftFormula } from '../../src/workbook/xlsx/sharedFormulas';

describe('shiftFormula: a formula as it reads from another cell', () => {
  it('moves relative references, keeps $ ones, strings, sheet names and function names', () => {
    expect(shiftFormula('A2*B2', 1, 0)).toBe('A3*B3');
    expect(shiftFormula('$A2*B$2+$C$3', 2, 1)).toBe('$A4*C$2+$C$3');
    expect(shiftFormula('SUM(B2:B9)/COUNT(B:B)', 0, 2)).toBe('SUM(D2:D9)/COUNT(D:D)');
    expect(shiftFormula('IF(H2="A1",LOG10(H2),0)', 3, 0)).toBe('IF(H5="A1",LOG10(H5),0)');
    expect(shiftFormula("'Scheda 2024'!H2+Riepilogo!B$1", 1, 0)).toBe("'Scheda 2024'!H3+Riepilogo!B$1");
    expect(shiftFormula('SUM(2:4)', 1, 0)).toBe('SUM(3:5)');
  });
  it('a reference moved off the sheet is #REF!', () => {
    expect(shiftFormula('A1+B2', -1, 0)).toBe('#REF!+B1');
  });
});

async function filledDown(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Scheda');
  ws.addRow(['PESO', 'ATTESO', 'RAGGIUNTO', '%']);
  const data = [
    [25, 10, 8],
    [25, 10, 10],
    [50, 4, 3],
  ];
  data.forEach(([p, a, r], i) => {
    const row = i + 2;
    ws.getCell(`A${row}`).value = p;
    ws.getCell(`B${row}`).value = a;
    ws.getCell(`C${row}`).value = r;
  });
  // % filled down from D2 (one shared group), and a second group in E that nothing writes
  ws.getCell('D2').value = { formula: 'C2/B2', result: 0.8, shareType: 'shared', ref: 'D2:D4' } as ExcelJS.CellFormulaValue;
  ws.getCell('D3').value = { sharedFormula: 'D2', result: 1 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('D4').value = { sharedFormula: 'D2', result: 0.75 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('E2').value = { formula: 'A2*$B$2', result: 250, shareType: 'shared', ref: 'E2:E4' } as ExcelJS.CellFormulaValue;
  ws.getCell('E3').value = { sharedFormula: 'E2', result: 250 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('E4').value = { sharedFormula: 'E2', result: 500 } as ExcelJS.CellSharedFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sheetXml = async (buf: Uint8Array) => (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
const cellOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0] ?? '';

describe('writing over the master of a shared formula', () => {
  it('the other cells of the group get their own formulas; the untouched group stays shared, byte for byte', async () => {
    const src = await filledDown();
    const before = await sheetXml(src);
    // the file really has shared groups (as Excel writes a fill-down)
    expect(cellOf(before, 'D2')).toMatch(/<f t="shared" ref="D2:D4" si="\d+">C2\/B2<\/f>/);
    expect(cellOf(before, 'D3')).toMatch(/<f t="shared" si="\d+"\s*\/>/);

    const wb = await XlsxWorkbook.fromBuffer(src);
    await wb.applyWritePlan({ cells: [{ sheet: 'Scheda', address: 'D2', value: 0.9 }] });
    const out = await wb.toBuffer();
    const after = await sheetXml(out);
    expect(cellOf(after, 'D2')).not.toMatch(/<f/);
    expect(cellOf(after, 'D3')).toMatch(/<f>C3\/B3<\/f>/);
    expect(cellOf(after, 'D4')).toMatch(/<f>C4\/B4<\/f>/);
    for (const ref of ['E2', 'E3', 'E4']) expect(cellOf(after, ref)).toBe(cellOf(before, ref));

    // another program reads the formulas back where they were
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out) as never);
    const ws = back.getWorksheet('Scheda')!;
    expect(ws.getCell('D2').value).toBe(0.9);
    expect((ws.getCell('D3').value as ExcelJS.CellFormulaValue).formula).toBe('C3/B3');
    expect((ws.getCell('D4').value as ExcelJS.CellFormulaValue).formula).toBe('C4/B4');
    // and the reader of the add-in sees the same
    const g = (await (await XlsxWorkbook.fromBuffer(out)).readSheets()).find((x) => x.name === 'Scheda')!;
    expect(g.rows[2]![3]!.formula?.replace(/^=/, '')).toBe('C3/B3');
  });
  it('writing a cell that only follows the group leaves the master and the rest shared', async () => {
    const src = await filledDown();
    const wb = await XlsxWorkbook.fromBuffer(src);
    await wb.applyWritePlan({ cells: [{ sheet: 'Scheda', address: 'D3', value: 1 }] });
    const after = await sheetXml(await wb.toBuffer());
    const before = await sheetXml(src);
    expect(cellOf(after, 'D2')).toBe(cellOf(before, 'D2'));
    expect(cellOf(after, 'D4')).toBe(cellOf(before, 'D4'));
    expect(cellOf(after, 'D3')).not.toMatch(/<f/);
  });
});
