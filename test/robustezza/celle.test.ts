/**
 * Messy cell contents as Excel and other tools write them, on the sample's cards: rich text, odd labels,
 * formulas (also shared) with cached results, error cells, hyperlinks, dates in every form, the 1904 date
 * system, numbers typed as text, very long texts. Each file goes through the adapter, the core and the CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { bytesOf, exceljsOf, leggi, patchParts, sample, setNumFmt, sheetPart, tmpDir, viaggio } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

const azioni = (l: Awaited<ReturnType<typeof leggi>>, foglio: string, anno = 0) =>
  l.schede.find((s) => s.sheet === foglio)!.annualita[anno].azioni;

describe('celle scritte come le scrivono Excel e gli altri programmi', () => {
  it('etichette in testo formattato (grassetto "PESO" + testo normale)', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    const bold = { bold: true, name: 'Calibri', size: 11 };
    ws.getCell('B14').value = { richText: [{ font: bold, text: 'PESO' }, { text: ' (punti)' }] };
    ws.getCell('C14').value = { richText: [{ font: bold, text: 'AZ' }, { font: { italic: true }, text: 'IONE' }] };
    ws.getCell('A6').value = {
      richText: [{ font: bold, text: 'Obiettivo gestionale' }, { text: ' di performance - Descrizione' }],
    };
    ws.getCell('A1').value = {
      richText: [{ font: { ...bold, size: 14 }, text: 'OBIETTIVO GESTIONALE 2024 – 2026' }, { text: ' X COMUNE ☐ INDIVIDUALE' }],
    };
    ws.getCell('C16').value = { richText: [{ font: bold, text: 'Verifica' }, { text: ' degli obblighi di trasparenza' }] };
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [s] = l.schede;
    expect(s.titolo?.value).toBe('OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE ☐ INDIVIDUALE');
    expect(s.periodo).toEqual({ from: 2024, to: 2026 });
    expect(s.tipo).toBe('comune');
    expect(s.header.descrizione?.cell).toBe('C6');
    expect(s.annualita[0].columns.peso).toBe(1);
    expect(s.annualita[0].columns.azione).toBe(2);
    expect(azioni(l, 'Trasparenza').map((a) => a.peso?.points)).toEqual([50, 25, 25]);
    expect(azioni(l, 'Trasparenza')[1].azione).toEqual({ value: 'Verifica degli obblighi di trasparenza', cell: 'C16' });
    expect(l.findings.filter((f) => f.gravita === 'errore')).toEqual([]);
    const v = await viaggio(dir, 'testo-ricco', bytes, { controlla: 0 });
    expect(v.calcola.schede[0].grado).toBeCloseTo(0.8, 9);
    // the rich text of the labels survives the round trip
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('B14').value).toEqual({
      richText: [{ font: bold, text: 'PESO' }, { text: ' (punti)' }],
    });
  });

  it('etichette con spazi indivisibili, doppi spazi e due punti finali', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('A4').value = 'Dup\u00a0-\u00a0Sezione  strategica:';
    ws.getCell('H4').value = 'Dirigente\u00a0responsabile: ';
    ws.getCell('A7').value = '  Situazione di partenza  (baseline) :';
    ws.getCell('A13').value = 'PIANO  OPERATIVO\u00a01°\u00a0ANNUALITÀ:';
    ws.getCell('A14').value = 'N.\u00a0';
    ws.getCell('B14').value = ' PESO:';
    ws.getCell('C14').value = 'AZIONE  ';
    ws.getCell('G14').value = 'GRADUAZIONE:';
    ws.getCell('H14').value = 'RAGGIUNTO\u00a0';
    ws.getCell('I14').value = ' % ';
    ws.getCell('A31').value = 'RISORSE\u00a0UMANE:';
    ws.getCell('A40').value = 'PESATURA:';
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [s] = l.schede;
    expect(s.header.dupStrategica?.cell).toBe('C4');
    expect(s.header.dirigente).toEqual({ value: 'Segretario generale', cell: 'I4' });
    expect(s.header.baseline?.cell).toBe('C7');
    expect(s.annualita.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(s.annualita[0].columns).toMatchObject({ n: 0, peso: 1, azione: 2, graduazione: 6, raggiunto: 7, percentuale: 8 });
    expect(azioni(l, 'Trasparenza').map((a) => [a.n, a.peso?.points, a.raggiunto?.cell, a.percentuale?.cell])).toEqual([
      [1, 50, 'H15', 'I15'],
      [2, 25, 'H16', 'I16'],
      [3, 25, 'H17', 'I17'],
    ]);
    expect(s.risorse.length).toBe(3);
    expect(s.pesatura?.criteri.map((c) => c.nome)).toContain('RILEVANZA PER I CITTADINI');
    await viaggio(dir, 'etichette', bytes, { controlla: 0 });
  });

  it('PESO come formula con risultato in cache, formule condivise', async () => {
    const wb = await sample('Trasparenza', 'Formazione');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('B15').value = { formula: '100-B16-B17', result: 50 } as ExcelJS.CellFormulaValue;
    ws.getCell('B16').value = { formula: '20+5', result: 25 } as ExcelJS.CellFormulaValue;
    ws.getCell('B17').value = { formula: '20+5', result: 25 } as ExcelJS.CellFormulaValue;
    // Formazione: PESO 25%, 20%, 40%, 15% (0,25 … in %-formatted cells) as one shared formula over B15:B18
    const f = wb.getWorksheet('Formazione')!;
    const pesi = [15, 16, 17, 18].map((r) => f.getCell(`B${r}`).value as number);
    expect(pesi).toEqual([0.25, 0.2, 0.4, 0.15]);
    pesi.forEach((p, i) => (f.getCell(`M${15 + i}`).value = p * 100));
    f.fillFormula('B15:B18', 'M15/100', pesi);
    const bytes = await bytesOf(wb);
    // ExcelJS writes what Excel writes: one master formula, the others share it
    const back = await exceljsOf(bytes);
    expect(back.getWorksheet('Formazione')!.getCell('B16').value).toMatchObject({ sharedFormula: 'B15', result: 0.2 });

    const l = await leggi(bytes);
    expect(azioni(l, 'Trasparenza').map((a) => [a.peso?.points, a.peso?.forma])).toEqual([
      [50, 'intero'],
      [25, 'intero'],
      [25, 'intero'],
    ]);
    expect(azioni(l, 'Formazione').map((a) => a.peso?.points)).toEqual([25, 20, 40, 15]);
    // the grid keeps each cell's own formula, the shared one translated to its row
    const g = l.grids.find((x) => x.name === 'Formazione')!;
    expect(g.rows[14][1]).toMatchObject({ v: 0.25, t: '25%', formula: 'M15/100' });
    expect(g.rows[15][1]).toMatchObject({ v: 0.2, t: '20%', formula: 'M16/100' });
    expect(g.rows[17][1]).toMatchObject({ v: 0.15, t: '15%', formula: 'M18/100' });
    expect(l.findings.filter((x) => x.codice.startsWith('PESO'))).toEqual([]);
    const v = await viaggio(dir, 'formule', bytes, { controlla: 0 });
    expect(v.calcolatoXlsx.getWorksheet('Formazione')!.getCell('B17').value).toMatchObject({ sharedFormula: 'B15', result: 0.4 });
  });

  it('celle in errore (#DIV/0!, #N/A, #REF!) in PESO, ATTESO e %', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('B16').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('B17').value = { formula: 'B99/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('F16').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('F17').value = { formula: '#REF!*3', result: { error: '#REF!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('I15').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const az = azioni(l, 'Trasparenza');
    expect(az.map((a) => [a.peso?.points ?? null, a.peso?.text])).toEqual([
      [50, '50'],
      [null, '#DIV/0!'],
      [null, '#DIV/0!'],
    ]);
    expect(az[1].atteso?.text).toBe('#N/A');
    expect(az[2].atteso?.text).toBe('#REF!');
    expect(az[0].percentuale?.text).toBe('#N/A');
    const nonValidi = l.findings.filter((f) => f.codice === 'PESO_NON_VALIDO');
    expect(nonValidi.map((f) => f.celle)).toEqual([['B16'], ['B17']]);
    for (const f of nonValidi) expect(f.messaggio).toContain('#DIV/0!');
    const v = await viaggio(dir, 'errori', bytes, { controlla: 1 });
    // the % cell holding #N/A was not written by the add-in: it is a conflict, never overwritten
    expect(v.calcola.segnalazioni.find((f) => f.codice === 'CONFLITTO_MANUALE')?.celle).toEqual(['I15']);
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('I15').value).toEqual({ error: '#N/A' });
  });

  it('collegamenti ipertestuali come valori (anche in testo formattato)', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('I4').value = { text: 'Segretario generale', hyperlink: 'mailto:segretario@comune.sarzana.sp.it' };
    ws.getCell('E16').value = {
      text: { richText: [{ font: { bold: true }, text: 'Monitoraggi' }, { text: ' pubblicati' }] },
      hyperlink: 'https://www.comune.sarzana.sp.it/amministrazione-trasparente',
    } as unknown as ExcelJS.CellHyperlinkValue;
    ws.getCell('C16').value = { text: 'Verifica degli obblighi di pubblicazione', hyperlink: '#Trasparenza!A1' };
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [s] = l.schede;
    expect(s.header.dirigente).toEqual({ value: 'Segretario generale', cell: 'I4' });
    expect(azioni(l, 'Trasparenza')[1].indicatori).toEqual({ value: 'Monitoraggi pubblicati', cell: 'E16' });
    expect(azioni(l, 'Trasparenza')[1].azione).toEqual({ value: 'Verifica degli obblighi di pubblicazione', cell: 'C16' });
    const v = await viaggio(dir, 'collegamenti', bytes, { controlla: 0 });
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('I4').value).toEqual({
      text: 'Segretario generale',
      hyperlink: 'mailto:segretario@comune.sarzana.sp.it',
    });
  });

  it('date come testo e come numero seriale senza formato data', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('D16').value = '31/12/2024';
    ws.getCell('D17').value = 45657; // 31/12/2024 as a serial, General format: Excel shows 45657
    ws.getCell('F15').value = new Date(Date.UTC(2024, 11, 31));
    setNumFmt(ws.getCell('F15'), 'dd/mm/yyyy');
    ws.getCell('F17').value = new Date(Date.UTC(2024, 5, 30, 14, 30));
    setNumFmt(ws.getCell('F17'), 'd/m/yy h:mm');
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const az = azioni(l, 'Trasparenza');
    expect(az[1].tempi).toEqual({ value: '31/12/2024', text: '31/12/2024', cell: 'D16' });
    expect(az[2].tempi).toEqual({ value: 45657, text: '45657', cell: 'D17' });
    expect(az[0].atteso?.value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(az[0].atteso?.text).toBe('31/12/2024');
    expect(az[2].atteso?.text).toBe('30/06/2024');
    expect(l.findings.filter((f) => f.codice === 'DATA_NON_VALIDA')).toEqual([]);
    await viaggio(dir, 'date', bytes, { controlla: l.findings.some((f) => f.gravita === 'errore') ? 1 : 0 });
  });

  it('cartella di lavoro con il sistema di date 1904 (Excel per Mac)', async () => {
    const wb = await sample('Trasparenza');
    wb.properties.date1904 = true;
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('D16').value = new Date(Date.UTC(2024, 11, 31));
    setNumFmt(ws.getCell('D16'), 'dd/mm/yyyy');
    const bytes = await bytesOf(wb);
    // the file really is a 1904 file: the serial stored is 1462 days smaller
    const back = await exceljsOf(bytes);
    expect(back.properties.date1904).toBe(true);
    const l = await leggi(bytes);
    expect(azioni(l, 'Trasparenza')[1].tempi?.text).toBe('31/12/2024');
    expect(azioni(l, 'Trasparenza')[1].tempi?.value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    const v = await viaggio(dir, 'data-1904', bytes, {
      controlla: 0,
      misure: (ril) => {
        // a completion date typed in the 1904 workbook: 20 days late on the 31/12/2024 deadline (70%)
        ril.eachRow((row) => {
          if (row.getCell(1).text === 'Trasparenza' && row.getCell(3).text === '2024' && row.getCell(4).text === '1') {
            row.getCell(8).value = new Date(Date.UTC(2025, 0, 20));
          }
        });
      },
      calcolate: 1,
    });
    expect(v.calcolatoXlsx.properties.date1904).toBe(true);
    const a1 = v.calcola.schede[0].azioni[0];
    expect(a1).toEqual({ n: 1, peso: 50, livello: 0.7, raggiunto: '20/01/2025 · ritardo 20 gg' });
    const ril = v.calcolato.grids.find((g) => g.name === 'Rilevazioni')!;
    const dataCol = ril.rows[0].findIndex((c) => c?.v === 'Data completamento');
    expect(ril.rows[1][dataCol]?.t).toBe('20/01/2025');
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('D16').value).toEqual(new Date(Date.UTC(2024, 11, 31)));
  });

  it("numeri scritti come testo con l'apostrofo iniziale", async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    ws.getCell('B15').value = '50';
    ws.getCell('B16').value = '25,00';
    ws.getCell('B17').value = '25';
    ws.getCell('F16').value = '1';
    // Excel keeps '25 as the text "25" with the cell format's quotePrefix flag (ExcelJS cannot write it)
    const bytes = await patchParts(await bytesOf(wb), async (read) => {
      const part = await sheetPart(read, 'Trasparenza');
      const sheet = await read(part);
      const styles = await read('xl/styles.xml');
      const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
      const count = Number(xfs[1]);
      const quoted = '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>';
      const newStyles = styles.replace(xfs[0], `<cellXfs count="${count + 1}">${xfs[2]}${quoted}</cellXfs>`);
      const newSheet = sheet.replace(/<c r="(B15|B16|B17|F16)"( s="\d+")?/g, (_m, a) => `<c r="${a}" s="${count}"`);
      expect(newSheet).not.toBe(sheet);
      return { [part]: newSheet, 'xl/styles.xml': newStyles };
    });
    const l = await leggi(bytes);
    const az = azioni(l, 'Trasparenza');
    expect(az.map((a) => [a.peso?.raw, a.peso?.points, a.peso?.forma])).toEqual([
      ['50', 50, 'testo-numero'],
      ['25,00', 25, 'testo-numero'],
      ['25', 25, 'testo-numero'],
    ]);
    expect(az[1].atteso).toEqual({ value: '1', text: '1', cell: 'F16' });
    expect(l.findings.filter((f) => f.gravita === 'errore')).toEqual([]);
    const v = await viaggio(dir, 'apostrofo', bytes, { controlla: 0 });
    // still text after the round trip (the quote flag itself is lost by ExcelJS, the value is not)
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('B17').value).toBe('25');
  });

  it('a capo incollati da Word: Excel salva il ritorno carrello come _x000D_', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    // exactly what Excel writes in sharedStrings.xml for "TEMPI\r\n(M/F)"; "_x005F_" keeps a literal underscore
    ws.getCell('D14').value = 'TEMPI_x000D_\n(M/F)';
    ws.getCell('A13').value = 'PIANO OPERATIVO_x000D_\n1° ANNUALITÀ';
    ws.getCell('C16').value = 'Verifica degli obblighi_x000D_\ndi trasparenza';
    ws.getCell('E16').value = 'Codice_x005F_x000D_ritardo';
    ws.getCell('E17').value = 'Ore di formazione_x000B_(tabulazione verticale)';
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const [s] = l.schede;
    expect(s.annualita.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(s.annualita[0].columns.tempi).toBe(3);
    const az = azioni(l, 'Trasparenza');
    expect(az[1].azione).toEqual({ value: 'Verifica degli obblighi\r\ndi trasparenza', cell: 'C16' });
    // ExcelJS decodes the escapes itself: "_x005F_x000D_" is the literal text "_x000D_"
    expect(az[1].indicatori?.value).toBe('Codice_x000D_ritardo');
    const v = await viaggio(dir, 'a-capo', bytes, { controlla: 0 });
    const ril = v.calcolato.grids.find((g) => g.name === 'Rilevazioni')!;
    const azCol = ril.rows[0].findIndex((c) => c?.v === 'Azione');
    expect(ril.rows.map((r) => r[azCol]?.v)).toContain('Verifica degli obblighi di trasparenza');
    // the adapter writes them back as Excel does: CR, control characters and literal "_x000D_" all survive
    const x = v.calcolatoXlsx.getWorksheet('Trasparenza')!;
    expect(x.getCell('C16').value).toBe('Verifica degli obblighi\r\ndi trasparenza');
    expect(x.getCell('E16').value).toBe('Codice_x000D_ritardo');
    expect(x.getCell('E17').value).toBe('Ore di formazione\u000b(tabulazione verticale)');
  });

  it('testi lunghissimi (32 000 caratteri)', async () => {
    const wb = await sample('Trasparenza');
    const ws = wb.getWorksheet('Trasparenza')!;
    const lungo = 'Attività di verifica della trasparenza. '.repeat(800).slice(0, 32000);
    ws.getCell('C15').value = lungo;
    ws.getCell('C6').value = lungo;
    ws.getCell('E17').value = lungo;
    const bytes = await bytesOf(wb);
    const l = await leggi(bytes);
    const az = azioni(l, 'Trasparenza');
    expect(az[0].azione?.value).toBe(lungo.trim());
    expect(az[2].indicatori?.value.length).toBe(lungo.trim().length);
    expect(l.schede[0].header.descrizione?.value.length).toBe(lungo.trim().length);
    const v = await viaggio(dir, 'lunghi', bytes, { controlla: 0 });
    const ril = v.calcolato.grids.find((g) => g.name === 'Rilevazioni')!;
    const azCol = ril.rows[0].findIndex((c) => c?.v === 'Azione');
    expect(String(ril.rows[1][azCol]?.v).length).toBeLessThanOrEqual(250);
    expect(v.calcolatoXlsx.getWorksheet('Trasparenza')!.getCell('C15').value).toBe(lungo);
  });
});
