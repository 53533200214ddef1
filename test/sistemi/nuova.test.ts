/** The blank FASI card: live formulas, red totals, validations, print setup; it reads back as one clean fasi objective. */
import { describe, expect, it } from 'vitest';
import { colToLetters } from '../../src/domain/grid';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';
import { nuovaScheda } from '../../src/domain/sistemi/nuove';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

describe('nuova --sistema fasi', () => {
  it('builds the phases table with running-sum VALORE OBIETTIVO, totals red until 100%, validations and print setup', () => {
    const plan = nuovaScheda('fasi', { righe: 5, titolo: 'PIANO STRADE (RIF. DUP 10.3.1)', dirigente: 'ING. LAURA LUCOTTI', unita: 'LAVORI PUBBLICI' })!;
    const byAddr = new Map(plan.cells.map((c) => [c.address, c]));
    const head = plan.cells.find((c) => c.value === 'FASI PRINCIPALI')!;
    const hr = Number(head.address.slice(1));
    const headers = [0, 1, 2, 3, 4, 5].map((c) => byAddr.get(`${colToLetters(c)}${hr}`)?.value);
    expect(headers).toEqual(['FASI PRINCIPALI', 'DATA ULTIMAZIONE FASE', 'PESO FASE', 'VALORE OBIETTIVO', 'RAGGIUNTO', '%']);
    for (let i = 1; i <= 5; i++) expect(byAddr.get(`D${hr + i}`)?.formula).toBe(`IF(C${hr + i}="","",SUM(C$${hr + 1}:C${hr + i}))`);
    expect(byAddr.get(`C${hr + 6}`)?.formula).toBe(`SUM(C${hr + 1}:C${hr + 5})`);
    expect(plan.conditionalFormats?.map((f) => f.formula)).toEqual([`ROUND(C${hr + 6},4)<>1`, expect.stringMatching(/^ROUND\(F\d+,4\)<>1$/)]);
    expect(plan.validations?.map((v) => [v.range, v.type])).toEqual([
      [`B${hr + 1}:B${hr + 5}`, 'date'],
      [`C${hr + 1}:C${hr + 5}`, 'decimal'],
      [expect.stringMatching(/^B\d+$/), 'decimal'],
    ]);
    expect(plan.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 });
  });

  it('reads back as one clean fasi objective, and its phases once filled in', async () => {
    const wb = XlsxWorkbook.create();
    const plan = nuovaScheda('fasi', { righe: 4, titolo: 'PIANO STRADE E MARCIAPIEDI (RIF. DUP 10.3.1)', dirigente: 'ING. LAURA LUCOTTI', unita: 'LAVORI PUBBLICI' })!;
    await wb.applyWritePlan({ sheets: [plan] });
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const c = leggiCartella(await reread.readSheets());
    expect(c.gestionale).toHaveLength(0);
    expect(c.nonRiconosciuti).toEqual([]);
    expect(c.fasi).toHaveLength(1);
    const [ob] = c.fasi;
    expect(ob.problemi).toEqual([]);
    expect(ob.titolo?.value).toBe('PIANO STRADE E MARCIAPIEDI (RIF. DUP 10.3.1)');
    expect(ob.dup).toBe('10.3.1');
    expect(ob.centro?.dirigente?.value).toBe('ING. LAURA LUCOTTI');
    expect(ob.servizio?.nome).toBe('SERVIZIO LAVORI PUBBLICI');
    expect(ob.columns).toMatchObject({ fasi: 0, data: 1, peso: 2, valore: 3, raggiunto: 4, percentuale: 5 });
    expect(controllaCartella(c)).toEqual([]);

    // a person fills two phases; Excel computes VALORE (its cached results written here as Excel saves them)
    const hr = ob.headerRow + 1;
    await reread.applyWritePlan({
      cells: [
        { sheet: plan.name, address: `A${hr + 1}`, value: 'Verifica stato strade' },
        { sheet: plan.name, address: `B${hr + 1}`, value: new Date(Date.UTC(2024, 9, 31)), numFmt: 'dd/mm/yyyy' },
        { sheet: plan.name, address: `C${hr + 1}`, value: 0.5, numFmt: '0%' },
        { sheet: plan.name, address: `D${hr + 1}`, value: 0.5, numFmt: '0%' },
        { sheet: plan.name, address: `A${hr + 2}`, value: 'Progettazioni esecutive e affidamento lavori' },
        { sheet: plan.name, address: `B${hr + 2}`, value: '31.12.2024' },
        { sheet: plan.name, address: `C${hr + 2}`, value: '50%' },
        { sheet: plan.name, address: `D${hr + 2}`, value: 1, numFmt: '0%' },
        { sheet: plan.name, address: `B${ob.lastRow + 1}`, value: 0.15, numFmt: '0%' },
      ],
    });
    const c2 = leggiCartella(await (await XlsxWorkbook.fromBuffer(await reread.toBuffer())).readSheets());
    const [ob2] = c2.fasi;
    expect(ob2.fasi.map((f) => [f.testo.value, f.peso?.points, f.valore?.points, f.data?.date?.toISOString().slice(0, 10)])).toEqual([
      ['Verifica stato strade', 50, 50, '2024-10-31'],
      ['Progettazioni esecutive e affidamento lavori', 50, 100, '2024-12-31'],
    ]);
    expect(ob2.peso?.points).toBe(15);
    expect(ob2.fasi[0].raggiunto?.cell).toBe(`E${hr + 1}`);
    // one objective of 15% in its service: the only finding is the service's total
    expect(controllaCartella(c2).map((f) => f.codice)).toEqual(['PESO_OBIETTIVI_SOMMA']);
  });

  it('gestionale stays the default system and an unknown system gives null', () => {
    expect(nuovaScheda('gestionale', { titolo: 'Prova' })?.cells.length).toBeGreaterThan(50);
    expect(nuovaScheda('inesistente', {})).toBeNull();
  });
});
