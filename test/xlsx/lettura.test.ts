import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Cell, Grid } from '../../src/domain/grid';
import { utcDate } from '../../src/domain/grid';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { readGrids, unzipPackage } from '../../src/workbook/xlsx/lettura';
import { referenceGrids } from './lettura-riferimento';
import { cardsOnSheets, cardsStacked, xlsxOf } from './lettura-cartelle';

const root = new URL('../../', import.meta.url).pathname;
const committed = [
  ...readdirSync(`${root}test/fixtures`).filter((f) => f.endsWith('.xlsx')).map((f) => `test/fixtures/${f}`),
  ...readdirSync(`${root}assets/esempi`).filter((f) => f.endsWith('.xlsx')).map((f) => `assets/esempi/${f}`),
];

const read = (bytes: Uint8Array) => readGrids(unzipPackage(bytes));

/**
 * The one deliberate difference from ExcelJS: it drops a formula's cached result when it is falsy (0, FALSE), so
 * the old reader saw an empty cell where Excel shows 0; the new reader keeps the result. The expected Grid takes
 * the new reader's value exactly there (same cell, same formula, reference empty) and nowhere else.
 */
function expected(ref: Grid[], mine: Grid[]): Grid[] {
  return ref.map((g, i) => ({
    ...g,
    rows: g.rows.map((row, r) => {
      const out = row.slice(); // keeps the holes of empty cells
      row.forEach((cell, c) => {
        const m: Cell | undefined = mine[i]?.rows[r]?.[c];
        if (cell?.formula && cell.v === null && m?.formula === cell.formula && (m.v === 0 || m.v === false)) out[c] = m;
      });
      return out;
    }),
  }));
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<Grid[]> {
  const mine = read(bytes);
  const withoutBars = mine.map(({ dataBars: _bars, ...g }) => g);
  const ref = await referenceGrids(bytes);
  expect(withoutBars.map((g) => g.name)).toEqual(ref.map((g) => g.name));
  const exp = expected(ref, withoutBars);
  for (let i = 0; i < ref.length; i++) {
    // sheet by sheet, row by row: a failure names the place
    expect({ name: withoutBars[i].name, merges: withoutBars[i].merges, visibility: withoutBars[i].visibility, colWidths: withoutBars[i].colWidths })
      .toStrictEqual({ name: exp[i].name, merges: exp[i].merges, visibility: exp[i].visibility, colWidths: exp[i].colWidths });
    expect(withoutBars[i].rows.length, exp[i].name).toBe(exp[i].rows.length);
    exp[i].rows.forEach((row, r) => expect(withoutBars[i].rows[r], `${exp[i].name} riga ${r + 1}`).toStrictEqual(row));
  }
  return mine;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** a workbook with what municipal files carry, written by ExcelJS */
async function variegata(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Scheda 1');
  ws.getCell('A1').value = 'OBIETTIVO GESTIONALE 2024 – 2026';
  ws.mergeCells('A1:K1');
  ws.getCell('A3').value = 'Collegamento al bilancio';
  ws.mergeCells('A3:C4');
  ws.getCell('B5').value = 50;
  ws.getCell('B6').value = 0.7;
  ws.getCell('B6').numFmt = '0%';
  ws.getCell('B7').value = 0.123;
  ws.getCell('B7').numFmt = '0.00%';
  ws.getCell('B8').value = 0.85;
  ws.getCell('B8').numFmt = '[$-410]0%';
  ws.getCell('B9').value = 1234.5;
  ws.getCell('B9').numFmt = '#,##0.00';
  ws.getCell('B10').value = 30;
  ws.getCell('B10').numFmt = '0" giorni"';
  ws.getCell('B11').value = 0.1 + 0.2;
  ws.getCell('C5').value = utcDate(2024, 6, 30);
  ws.getCell('C5').numFmt = 'dd/mm/yyyy';
  ws.getCell('C6').value = new Date(Date.UTC(2024, 11, 31, 14, 30));
  ws.getCell('C6').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('C7').value = 0.5;
  ws.getCell('C7').numFmt = 'h:mm';
  ws.getCell('C8').value = utcDate(2025, 3, 31);
  ws.getCell('C8').numFmt = 'mm-dd-yy';
  ws.getCell('D5').value = 'TEMPI_x000D_\n(M/F)';
  ws.getCell('D6').value = 'Codice_x005F_x000D_ritardo';
  ws.getCell('D7').value = { richText: [{ text: 'Ritardo ', font: { bold: true } }, { text: 'fino a 30 gg = 70%' }] };
  ws.getCell('D8').value = true;
  ws.getCell('D9').value = false;
  ws.getCell('D10').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('D11').value = '  spazi  & <segni> "virgolette" ';
  ws.getCell('E5').value = { formula: 'SUM(B5:B6)', result: 50.7 };
  ws.getCell('E6').value = { formula: 'B5-50', result: 0 };
  ws.getCell('E7').value = { formula: 'IF(B5>0,"sì","no")', result: 'sì' };
  ws.getCell('E8').value = { formula: 'C5+1', result: utcDate(2024, 7, 1) };
  ws.getCell('E8').numFmt = 'dd/mm/yyyy';
  ws.getCell('E9').value = { formula: 'B5>100', result: false };
  ws.getCell('E10').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
  ws.getCell('E11').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.fillFormula('F5:F9', 'B5*2+$B$5', (row) => row * 3);
  ws.fillFormula('G5:H6', 'F5+Foglio2!A1', [1, 2, 3, 4]);
  ws.getCell('I5').value = { text: 'sito del Comune', hyperlink: 'https://www.comune.example.it' };
  ws.getCell('I6').value = { text: 'foglio', hyperlink: '#Scheda 1!A1' };
  ws.getCell('I7').numFmt = '0%'; // empty, formatted
  ws.getCell('L20').value = '';
  ws.getColumn('A').width = 12;
  ws.getColumn('C').width = 40;
  ws.getColumn('E').hidden = true;
  const h = wb.addWorksheet('Nascosto', { state: 'hidden' });
  h.getCell('A1').value = 'riservato';
  const vh = wb.addWorksheet('_SchedeObiettivi', { state: 'veryHidden' });
  vh.getCell('A1').value = '{"versione":1}';
  wb.addWorksheet('Vuoto');
  return bytesOf(wb);
}

describe('lettura senza ExcelJS: le stesse Grid del lettore ExcelJS', () => {
  for (const path of committed) {
    it(`${path}, cella per cella`, async () => {
      const grids = await expectSameAsExcelJs(new Uint8Array(readFileSync(`${root}${path}`)));
      expect(grids.length).toBeGreaterThan(0);
    });
  }

  it('una cartella con unioni, date, percentuali, formule condivise, testo ricco, _x000D_, errori, collegamenti', async () => {
    const grids = await expectSameAsExcelJs(await variegata());
    const [g, nascosto, molto] = grids;
    expect(g.rows[0][0]?.v).toBe('OBIETTIVO GESTIONALE 2024 – 2026');
    expect(g.rows[0][1]).toBeUndefined();
    expect(g.rows[5][1]).toStrictEqual({ v: 0.7, t: '70%', f: '0%' });
    expect(g.rows[8][1]?.t).toBe('1.234,50');
    expect(g.rows[4][2]?.v).toEqual(utcDate(2024, 6, 30));
    expect(g.rows[4][2]?.t).toBe('30/06/2024');
    expect(g.rows[4][3]?.v).toBe('TEMPI\r\n(M/F)');
    expect(g.rows[5][3]?.v).toBe('Codice_x000D_ritardo');
    expect(g.rows[6][3]?.v).toBe('Ritardo fino a 30 gg = 70%');
    expect(g.rows[7][3]?.t).toBe('VERO');
    expect(g.rows[9][3]?.v).toBe('#N/A');
    expect(g.rows[10][3]?.v).toBe('  spazi  & <segni> "virgolette" ');
    expect(g.rows[5][4]).toStrictEqual({ v: 0, t: '0', formula: 'B5-50' });
    expect(g.rows[8][4]).toStrictEqual({ v: false, t: 'FALSO', formula: 'B5>100' });
    expect(g.rows[7][5]?.formula).toBe('B8*2+$B$5');
    expect(g.rows[5][7]?.formula).toBe('G6+Foglio2!B2');
    expect(g.rows[4][8]?.v).toBe('sito del Comune');
    expect(g.colWidths?.slice(0, 3)).toEqual([12, undefined, 40]);
    expect(nascosto.visibility).toBe('hidden');
    expect(molto.visibility).toBe('veryHidden');
  });

  it('le schede generate dal progetto, una per foglio e impilate su un foglio', async () => {
    const perFoglio = await expectSameAsExcelJs(await xlsxOf(cardsOnSheets(3)));
    expect(perFoglio.map((g) => g.name)).toEqual(['Obiettivo 1', 'Obiettivo 2', 'Obiettivo 3']);
    const [impilate] = await expectSameAsExcelJs(await xlsxOf(cardsStacked(4)));
    expect(impilate.merges.length).toBe(4 * cardsOnSheets(1)[0].merges.length);
  });

  it('le barre dei dati dei formati condizionali', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({
      sheets: [
        {
          name: 'Riepilogo',
          cells: [{ address: 'B2', value: 0.4, style: { numFmt: '0%' } }],
          conditionalFormats: [
            { range: 'B2:B9', type: 'dataBar', color: '#70AD47' },
            { range: 'C2:C9', type: 'expression', formula: 'C2<0', fill: '#FFC7CE' },
          ],
        },
      ],
    });
    const [g] = await expectSameAsExcelJs(await wb.toBuffer());
    expect(g.dataBars).toEqual([{ range: { r1: 1, c1: 1, r2: 8, c2: 1 }, color: '#70AD47' }]);
  });
});

// ---- a package as openpyxl writes it, by hand -----------------------------------------------------------------

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function openpyxlLike(extra: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  const x = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${s}`);
  return {
    '[Content_Types].xml': x(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>`),
    '_rels/.rels': x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': x(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet xmlns:r="${REL}" name="Piano 2025" sheetId="1" state="visible" r:id="rId1"/><sheet name="Grafico" sheetId="2" r:id="rId4"/><sheet name="Nota &amp; note" sheetId="3" r:id="rId5"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/chartsheet" Target="/xl/chartsheets/sheet1.xml"/><Relationship Id="rId5" Type="${REL}/worksheet" Target="./worksheets/../worksheets/sheet2.xml"/></Relationships>`),
    'xl/styles.xml': x(`<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" xfId="0"/></cellXfs></styleSheet>`),
    'xl/sharedStrings.xml': x(`<sst xmlns="${MAIN}" uniqueCount="3"><si><t>AZIONE</t></si><si><t xml:space="preserve">Verifica_x000D_
trasparenza </t></si><si><r><rPr><b/></rPr><t>Peso</t></r><r><t xml:space="preserve"> %</t></r><rPh sb="0" eb="1"><t>ペ</t></rPh></si></sst>`),
    'xl/worksheets/sheet1.xml': x(`<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><outlinePr summaryBelow="1"/></sheetPr><dimension ref="A1:D3"/><cols><col min="1" max="1" width="30.5" customWidth="1"/><col min="3" max="4" width="12" customWidth="1"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>inline</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>0.3</v></c><c r="C2" s="1"><v>45657</v></c><c r="D2" t="b"><v>1</v></c></row><row r="3"><c r="A3"><f>B2*100</f><v>30</v></c><c r="B3" t="str"><f>A1&amp;"!"</f><v>AZIONE!</v></c><c r="C3" t="e"><v>#REF!</v></c><c r="D3" s="2"/></row></sheetData><mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells><legacyDrawing r:id="anysvml"/></worksheet>`),
    'xl/worksheets/_rels/sheet1.xml.rels': x(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="comments" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`),
    'xl/worksheets/sheet2.xml': x(`<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData></worksheet>`),
    'xl/comments/comment1.xml': x(`<comments xmlns="${MAIN}"><authors><author>Segreteria</author></authors><commentList><comment ref="B2" authorId="0" shapeId="0"><text><t>Verificare il peso</t></text></comment></commentList></comments>`),
    'xl/drawings/commentsDrawing1.vml': strToU8(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`),
    'xl/chartsheets/sheet1.xml': x(`<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><drawing r:id="rId1"/></chartsheet>`),
    ...extra,
  };
}

describe('lettura di file che ExcelJS rifiuta o che nessuno qui ha scritto', () => {
  it('un file openpyxl con una nota di cella (ExcelJS lo rifiuta) si legge tutto', async () => {
    const bytes = zipSync(openpyxlLike());
    await expect(referenceGrids(bytes)).rejects.toThrow();
    const grids = read(bytes);
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ['Piano 2025', 'visible'],
      ['Nota & note', 'visible'],
    ]);
    const [g, second] = grids;
    expect(g.rows[0]).toStrictEqual([{ v: 'AZIONE', t: 'AZIONE' }, { v: 'Peso %', t: 'Peso %' }, , { v: 'inline', t: 'inline' }]);
    expect(g.rows[1]).toStrictEqual([
      { v: 'Verifica\r\ntrasparenza ', t: 'Verifica\r\ntrasparenza ' },
      { v: 0.3, t: '30%', f: '0%' },
      { v: utcDate(2024, 12, 31), t: '31/12/2024', f: 'dd/mm/yyyy' },
      { v: true, t: 'VERO' },
    ]);
    expect(g.rows[2]).toStrictEqual([
      { v: 30, t: '30', formula: 'B2*100' },
      { v: 'AZIONE!', t: 'AZIONE!', formula: 'A1&"!"' },
      { v: '#REF!', t: '#REF!' },
      { v: null, t: '', f: '0%' }, // empty but formatted: undo gives formats back too
    ]);
    expect(g.merges).toEqual([{ r1: 0, c1: 4, r2: 0, c2: 5 }]);
    expect(g.colWidths).toEqual([30.5, undefined, 12, 12, undefined, undefined]);
    expect(second.rows[1][1]?.v).toBe(7);
  });

  it('parti che non servono, piene di byte a caso, non cambiano nulla', () => {
    const clean = read(zipSync(openpyxlLike()));
    const notNeeded = ['xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml', 'xl/chartsheets/sheet1.xml', 'xl/pivotTables/pivotTable1.xml', 'docProps/custom.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/qualcosa/di/nuovo.bin'];
    fc.assert(
      fc.property(fc.subarray(notNeeded, { minLength: 1 }), fc.uint8Array({ maxLength: 400 }), (names, junk) => {
        const parts = openpyxlLike(Object.fromEntries(names.map((n) => [n, junk])));
        expect(read(zipSync(parts))).toStrictEqual(clean);
      }),
      { numRuns: 60 },
    );
  });

  it('parti necessarie rovinate o troncate: mai un errore, si legge quello che si può', () => {
    const needed = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', '_rels/.rels'];
    const full = openpyxlLike();
    fc.assert(
      fc.property(fc.constantFrom(...needed), fc.nat(), fc.uint8Array({ maxLength: 200 }), (name, cut, junk) => {
        const orig = full[name];
        const broken = new Uint8Array([...orig.subarray(0, cut % (orig.length + 1)), ...junk]);
        const grids = read(zipSync({ ...full, [name]: broken }));
        expect(Array.isArray(grids)).toBe(true);
        for (const g of grids) expect(Array.isArray(g.rows)).toBe(true);
      }),
      { numRuns: 120 },
    );
    expect(read(new Uint8Array([1, 2, 3]))).toEqual([]);
  });

  it('dice a che punto è, fino alla fine', async () => {
    const files = unzipPackage(await xlsxOf(cardsOnSheets(3)));
    const seen: [number, number][] = [];
    readGrids(files, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const total = seen[0][1];
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen[seen.length - 1][0]).toBe(total);
  });
});
