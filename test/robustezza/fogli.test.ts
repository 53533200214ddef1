/**
 * Messy sheets and layouts: hidden rows and columns, an empty sheet, a chart sheet, odd sheet names,
 * merged areas across the action table's header, cards moved right or down, two cards side by side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, copyInto, exceljsOf, leggi, patchParts, sample, schede, sheetPart, tmpDir, viaggio } from './helpers';
import { writeFileSync } from 'node:fs';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { partNames } from '../../src/workbook/xlsx/package';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

describe('fogli e disposizioni insolite', () => {
  it('righe e colonne nascoste, un foglio vuoto, nomi di foglio con apostrofi, accenti e spazi', async () => {
    const wb = await sample('Trasparenza', 'Formazione');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.name = "Dell'Ente – Trasparenza è più";
    ws.getRow(16).hidden = true;
    ws.getRow(18).hidden = true;
    ws.getColumn('E').hidden = true;
    wb.getWorksheet('Formazione')!.name = 'Formazione  del personale ';
    wb.addWorksheet('Vuoto');
    wb.addWorksheet('Appunti nascosti', { state: 'hidden' }).getCell('A1').value = 'Promemoria';
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    expect(l.grids.map((g) => g.name)).toEqual(["Dell'Ente – Trasparenza è più", 'Formazione  del personale ', 'Vuoto', 'Appunti nascosti']);
    expect(l.grids[2].rows).toEqual([]);
    expect(l.grids[3].visibility).toBe('hidden');
    expect(l.schede.map((s) => s.sheet)).toEqual(["Dell'Ente – Trasparenza è più", 'Formazione  del personale ']);
    // hidden rows and columns are still part of the card: the values are there, Excel only hides them
    const az = l.schede[0].annualita[0].azioni;
    expect(az.map((a) => a.peso?.points)).toEqual([50, 25, 25]);
    expect(az[1].indicatori?.value).toBe('Numero di monitoraggi al 31/12/2023');
    const v = await viaggio(dir, 'nascosti', bytes, { controlla: 0 });
    expect(v.controlla.schede.map((s) => (s as { foglio: string }).foglio)).toEqual(l.schede.map((s) => s.sheet));
    expect(v.calcola.schede.map((s) => s.foglio)).toContain("Dell'Ente – Trasparenza è più");
    expect(v.calcola.schede.map((s) => s.foglio)).toContain('Formazione  del personale ');
    // the Rilevazioni rows name the sheets exactly as they are
    const ril = v.calcolato.grids.find((g) => g.name === 'Rilevazioni')!;
    expect(new Set(ril.rows.slice(1).map((r) => r[0]?.v))).toEqual(new Set(["Dell'Ente – Trasparenza è più", 'Formazione  del personale ']));
    const x = v.calcolatoXlsx.getWorksheet("Dell'Ente – Trasparenza è più")!;
    expect(x.getRow(16).hidden).toBe(true);
    expect(x.getColumn('E').hidden).toBe(true);
    expect(v.calcolatoXlsx.getWorksheet('Appunti nascosti')!.state).toBe('hidden');
    expect(x.getCell('H15').value).toBe('Valutazione manuale: 80%');
    // the text report names the odd sheets and the empty one
    const t = await schede(['controlla', 'nascosti.xlsx'], dir);
    expect(t.io.stdout).toContain("Dell'Ente – Trasparenza è più");
    expect(t.io.stdout).toMatch(/Vuoto/);
  });

  it('un foglio grafico (chart sheet) accanto alle schede', async () => {
    const wb = await sample('Trasparenza');
    wb.addWorksheet('Grafico');
    const base = await bytesOf(wb);
    // turn the "Grafico" sheet into a chart sheet, as Excel writes one (ExcelJS cannot create it)
    const bytes = await patchParts(base, async (read) => {
      const part = await sheetPart(read, 'Grafico');
      const book = await read('xl/workbook.xml');
      const rels = await read('xl/_rels/workbook.xml.rels');
      const types = await read('[Content_Types].xml');
      const file = part.replace(/^xl\//, '');
      return {
        [part]: null,
        'xl/chartsheets/sheet1.xml':
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>',
        'xl/_rels/workbook.xml.rels': rels.replace(
          new RegExp(`Type="[^"]*/worksheet" Target="/?(?:xl/)?${file.replace(/[.]/g, '\\.')}"`),
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"',
        ),
        '[Content_Types].xml': types
          .replace(new RegExp(`<Override PartName="/xl/${file.replace(/[.]/g, '\\.')}"[^>]*/>`), '')
          .replace(
            '</Types>',
            '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
          ),
        'xl/workbook.xml': book,
      };
    });
    // the package really holds a chart sheet now
    const check = await patchParts(bytes, async (read) => {
      expect(await read('xl/_rels/workbook.xml.rels')).toContain('relationships/chartsheet');
      return {};
    });
    expect(check.length).toBeGreaterThan(0);
    const l = await leggi(bytes);
    expect(l.schede.map((s) => s.sheet)).toEqual(['Trasparenza']);
    expect(l.schede[0].annualita[0].azioni.map((a) => a.peso?.points)).toEqual([50, 25, 25]);
    // the package is edited in place: the chart sheet is kept, so there is nothing to warn about
    expect(partNames(bytes)).toContain('xl/chartsheets/sheet1.xml');
    const opened = await XlsxWorkbook.fromBuffer(bytes);
    expect(opened.avvisi).toEqual([]);
    writeFileSync(join(dir, 'grafico.xlsx'), bytes);
    const c = await schede(['controlla', 'grafico.xlsx', '--json'], dir);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.io.stdout).schede.map((s: { foglio: string }) => s.foglio)).toEqual(['Trasparenza']);
    const k = await schede(['calcola', 'grafico.xlsx', '--json', '--out', 'grafico-calc.xlsx'], dir);
    expect(k.code).toBe(0);
    // the copy keeps the chart sheet as it was, so there is nothing to warn about
    expect(k.io.stderr).toBe('');
    const calc = new Uint8Array((await import('node:fs')).readFileSync(join(dir, 'grafico-calc.xlsx')));
    expect(partNames(calc)).toContain('xl/chartsheets/sheet1.xml');
    const out = await exceljsOf(new Uint8Array((await import('node:fs')).readFileSync(join(dir, 'grafico-calc.xlsx'))));
    expect(out.getWorksheet('Trasparenza')!.getCell('B15').value).toBe(50);
  });

  it('grafici, tabelle pivot, macro e collegamenti esterni: la copia calcolata li conserva byte per byte', async () => {
    const base = await bytesOf(await sample('Trasparenza'));
    expect(partNames(base)).toContain('xl/workbook.xml');
    const xml = '<?xml version="1.0" encoding="UTF-8"?><x/>';
    const extra: Record<string, string> = {
      'xl/charts/chart1.xml': xml,
      'xl/charts/chart2.xml': xml,
      'xl/pivotTables/pivotTable1.xml': xml,
      'xl/vbaProject.bin': 'x',
      'xl/externalLinks/externalLink1.xml': xml,
    };
    const bytes = await patchParts(base, async () => extra);
    writeFileSync(join(dir, 'parti.xlsx'), bytes);
    const p = await schede(['prepara', 'parti.xlsx', '--out', 'parti-prep.xlsx'], dir);
    expect([p.code, p.io.stderr]).toEqual([0, '']);
    const out = unzipSync(new Uint8Array((await import('node:fs')).readFileSync(join(dir, 'parti-prep.xlsx'))));
    for (const [name, text] of Object.entries(extra)) expect(strFromU8(out[name]), name).toBe(text);
    expect(partNames(new Uint8Array(0))).toEqual([]);
  });

  it("aree unite che attraversano l'intestazione della tabella delle azioni", async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    // PESO header merged down into the first action's PESO cell; RAGGIUNTO and % merged on action 2's row
    ws.mergeCells('B14:B15');
    ws.mergeCells('H16:I16');
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [s] = l.schede;
    expect(s.annualita[0].columns).toMatchObject({ n: 0, peso: 1, azione: 2, raggiunto: 7, percentuale: 8 });
    const az = s.annualita[0].azioni;
    // what a person sees: action 1 has no PESO of its own (the cell is under the merged header)
    expect(az.map((a) => [a.n, a.peso?.points ?? null])).toEqual([
      [1, null],
      [2, 25],
      [3, 25],
    ]);
    expect(l.findings.find((f) => f.codice === 'PESO_MANCANTE')?.celle).toEqual(['B15']);
    expect(l.findings.find((f) => f.codice === 'PESO_SOMMA')).toBeDefined();
    const v = await viaggio(dir, 'unioni', bytes, { controlla: 1 });
    const x = v.calcolatoXlsx.getWorksheet('Trasparenza')!;
    // RAGGIUNTO of action 2 is written where it shows; the % hidden under the merge never overwrites it
    expect(x.getCell('H16').value).toBe('Valutazione manuale: 80%');
    expect(x.getCell('H15').value).toBe('Valutazione manuale: 80%');
    expect(x.getCell('I15').value).toBe(0.8);
    expect(x.getCell('B14').value).toBe('PESO');
    expect(s.problemi).toContainEqual(expect.stringMatching(/La cella % I16 è coperta da un'unione di celle/));
  });

  it('scheda che inizia in colonna B e scheda spostata in basso di 50 righe', async () => {
    const wb = await sample('Trasparenza');
    const src = wb.getWorksheet('Trasparenza')!;
    copyInto(src, wb.addWorksheet('Colonna B'), 0, 1);
    const giu = wb.addWorksheet('In basso');
    giu.getCell('A1').value = 'Appunti della segreteria: scheda da rivedere con il dirigente';
    copyInto(src, giu, 50, 0);
    wb.removeWorksheet(src.id);
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [b, g] = l.schede;
    expect(b.sheet).toBe('Colonna B');
    expect(b.titolo?.cell).toBe('B1');
    expect(b.header.descrizione?.cell).toBe('D6');
    expect(b.annualita[0].columns).toMatchObject({ n: 1, peso: 2, azione: 3, raggiunto: 8, percentuale: 9 });
    expect(b.annualita[0].azioni.map((a) => [a.peso?.cell, a.peso?.points, a.raggiunto?.cell])).toEqual([
      ['C15', 50, 'I15'],
      ['C16', 25, 'I16'],
      ['C17', 25, 'I17'],
    ]);
    expect(g.sheet).toBe('In basso');
    expect(g.titolo?.cell).toBe('A51');
    expect(g.annualita.map((a) => a.titleCell)).toEqual(['A63', 'A69', 'A75']);
    expect(g.annualita[0].azioni.map((a) => [a.peso?.cell, a.peso?.points, a.percentuale?.cell])).toEqual([
      ['B65', 50, 'I65'],
      ['B66', 25, 'I66'],
      ['B67', 25, 'I67'],
    ]);
    expect(g.pesatura?.criteri.length).toBe(4);
    expect(l.findings.filter((f) => f.gravita === 'errore')).toEqual([]);
    const v = await viaggio(dir, 'spostate', bytes, { controlla: 0 });
    expect(v.calcolatoXlsx.getWorksheet('Colonna B')!.getCell('J16').value).toBe(0.8);
    expect(v.calcolatoXlsx.getWorksheet('In basso')!.getCell('H67').value).toBe('Valutazione manuale: 80%');
    expect(v.calcolatoXlsx.getWorksheet('In basso')!.getCell('A1').value).toBe(
      'Appunti della segreteria: scheda da rivedere con il dirigente',
    );
  });

  it('due schede affiancate sullo stesso foglio: nessun errore, la scheda di sinistra letta', async () => {
    const wb = await sample('Trasparenza', 'Protocollo');
    const ws = wb.getWorksheet('Trasparenza')!;
    copyInto(wb.getWorksheet('Protocollo')!, ws, 0, 14);
    wb.removeWorksheet(wb.getWorksheet('Protocollo')!.id);
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    // the reader reads cards top to bottom and does not claim side-by-side cards: the left one is read
    expect(l.schede).toHaveLength(1);
    const [s] = l.schede;
    expect(s.annualita[0].azioni.map((a) => [a.peso?.cell, a.peso?.points, a.raggiunto?.cell])).toEqual([
      ['B15', 50, 'H15'],
      ['B16', 25, 'H16'],
      ['B17', 25, 'H17'],
    ]);
    // and says so in Italian, naming both title cells
    expect(s.problemi).toContainEqual(expect.stringMatching(/titoli OBIETTIVO GESTIONALE affiancati nella stessa riga \(A1, O1\)/));
    writeFileSync(join(dir, 'affiancate.xlsx'), bytes);
    const c = await schede(['controlla', 'affiancate.xlsx'], dir);
    expect(c.code).toBe(0);
    expect(c.io.stdout).toContain('Note di lettura');
  });
});
