/** The blank `progetti` sheet: Fondo block, live PESO / COEFF / TOTALE / IMPORTO, a card whose PERCENTUALE total is red until 100. */
import { describe, expect, it } from 'vitest';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';
import { nuovaScheda } from '../../src/domain/sistemi/nuove';
import { coeffDi, fondoDi } from '../../src/domain/sistemi/progetti';
import type { SchedaProgetto, TabellaProgetti } from '../../src/domain/sistemi/progetti/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

describe('nuova --sistema progetti', () => {
  it('builds PESO, COEFF., TOTALE and IMPORTO as live formulas from TIPOLOGIA, N. DIP. and the fund', () => {
    const plan = nuovaScheda('progetti', { righe: 4, periodo: { from: 2025, to: 2025 } })!;
    const byAddr = new Map(plan.cells.map((c) => [c.address, c]));
    const head = plan.cells.find((c) => c.value === 'PROGRESSIVO')!;
    const hr = Number(head.address.slice(1));
    const euro = plan.cells.find((c) => c.value === 'EURO PER PUNTO')!;
    const er = Number(euro.address.slice(1));
    for (let i = 1; i <= 4; i++) {
      const row = hr + i;
      expect(byAddr.get(`I${row}`)?.formula).toBe(
        `IF(G${row}="","",IF(G${row}="strategico",40,IF(G${row}="innovativo",25,IF(G${row}="miglioramento",20,IF(G${row}="mantenimento",10,IF(G${row}="una tantum",5,""))))))`,
      );
      expect(byAddr.get(`J${row}`)?.formula).toBe(`IF(H${row}="","",MIN(3,0.5+0.5*INT(H${row}/2)))`);
      expect(byAddr.get(`K${row}`)?.formula).toBe(`IF(OR(I${row}="",J${row}=""),"",I${row}*J${row})`);
      expect(byAddr.get(`L${row}`)?.formula).toBe(`IF(K${row}="","",ROUND(K${row}*$C$${er},2))`);
    }
    expect(byAddr.get(`C${er}`)?.formula).toMatch(/\/K\d+\)$/);
    // the card's PERCENTUALE total: red until 100
    const tot = plan.cells.find((c) => c.value === 'TOTALE PERCENTUALI')!;
    const totCell = `E${tot.address.slice(1)}`;
    expect(byAddr.get(totCell)?.formula).toMatch(/^N\(E\d+\)\+N\(E\d+\)\+N\(E\d+\)$/);
    expect(plan.conditionalFormats).toEqual([expect.objectContaining({ range: totCell, formula: `ROUND(${totCell},4)<>100`, type: 'expression' })]);
    expect(plan.cells.some((c) => c.value === 'PERFORMANCE 2025 - PROGETTO N. 1')).toBe(true);
    expect(plan.validations?.find((v) => v.range === `G${hr + 1}:G${hr + 4}`)?.list).toEqual(['strategico', 'innovativo', 'miglioramento', 'mantenimento', 'una tantum']);
    // the COEFF. formula is the checks' rule
    for (const n of [1, 2, 3, 5, 7, 9, 10, 35]) expect(coeffDi(n)).toBe(Math.min(3, 0.5 + 0.5 * Math.floor(n / 2)));
  });

  it('reads back as a clean projects table and card, and checks them once filled in', async () => {
    const wb = XlsxWorkbook.create();
    const plan = nuovaScheda('progetti', { righe: 3, titolo: 'Servizi serali estivi', periodo: { from: 2024, to: 2024 } })!;
    await wb.applyWritePlan({ sheets: [plan] });
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const c = leggiCartella(await reread.readSheets());
    expect(c.nonRiconosciuti).toEqual([]);
    const t = c.progetti.find((x): x is TabellaProgetti => x.tipo === 'tabella')!;
    const s = c.progetti.find((x): x is SchedaProgetto => x.tipo === 'scheda')!;
    expect(t.righe).toEqual([]);
    expect(t.problemi).toEqual([]);
    expect(s.numero).toBe(1);
    expect(s.titolo?.value).toBe('Servizi serali estivi');
    expect(s.indicatori).toHaveLength(3);
    expect(controllaCartella(c)).toEqual([]);

    // a person fills the fund and two projects; Excel computes the formulas (cached results written as Excel saves them)
    const name = plan.name;
    const hr = t.headerRow + 1;
    const card = (label: string, k = 0) => plan.cells.filter((x) => x.value === label)[k].address.replace(/^A/, 'E');
    await reread.applyWritePlan({
      cells: [
        { sheet: name, address: 'C2', value: 20000, numFmt: '#,##0.00' },
        { sheet: name, address: 'C3', value: 5000, numFmt: '#,##0.00' },
        { sheet: name, address: 'C4', value: 15000, numFmt: '#,##0.00' },
        ...[
          [1, 'SETTORE 5', 'Servizi serali estivi', '2024', 90, 'n.8 agenti', 'innovativo', 8, 25, 2.5, 62.5, 9615.38],
          [2, 'SETTORE 5', 'Procedure contravvenzionali', '2024', 90, 'n.2 amministrativi', 'mantenimento', 2, 10, 1, 10, 1538.46],
          // the third project's PESO typed over the formula: wrong for its tipologia
          [3, 'SETTORE 4', 'Archivio pratiche edilizie', '2024', 80, '1 Resp.EQ, n.3 SUE', 'miglioramento', 3, 25, 1, 25, 3846.15],
        ].flatMap((v, i) => v.map((value, c) => ({ sheet: name, address: `${'ABCDEFGHIJKL'[c]}${hr + 1 + i}`, value }))),
        { sheet: name, address: card(`INDICATORI OPERATIVI PER IL RAGGIUNGIMENTO DELL'OBIETTIVO`), value: 'Servizi serali' },
        { sheet: name, address: card(`PERCENTUALE PER VERIFICA DEL RAGGIUNGIMENTO DELL'OBIETTIVO`), value: 60 },
        { sheet: name, address: card(`INDICATORI OPERATIVI PER IL RAGGIUNGIMENTO DELL'OBIETTIVO`, 1), value: 'Controlli' },
        { sheet: name, address: card(`PERCENTUALE PER VERIFICA DEL RAGGIUNGIMENTO DELL'OBIETTIVO`, 1), value: 30 },
        { sheet: name, address: card('SOGLIA MINIMA RISULTATO ATTESO'), value: 90 },
      ],
    });
    const c2 = leggiCartella(await (await XlsxWorkbook.fromBuffer(await reread.toBuffer())).readSheets());
    const t2 = c2.progetti.find((x): x is TabellaProgetti => x.tipo === 'tabella')!;
    expect(t2.righe.map((x) => [x.n, x.categoria?.value, x.peso?.value, x.importo?.value])).toEqual([
      [1, 'innovativo', 25, 9615.38],
      [2, 'mantenimento', 10, 1538.46],
      [3, 'miglioramento', 25, 3846.15],
    ]);
    const f = fondoDi(t2);
    expect(f.totale).toBe(20000);
    expect(f.riserva).toBe(5000);
    expect(f.quote).toHaveLength(1);
    expect(f.quote[0].euroPunto).toBeCloseTo(15000 / 97.5, 9);
    const codici = controllaCartella(c2).map((x) => `${x.codice}:${x.gravita}`);
    // PESO 25 for "miglioramento", the card's percentages add to 90, its soglia differs from the table's 90 → none
    expect(codici).toEqual(expect.arrayContaining(['PROGETTO_PESO_TIPOLOGIA:errore', 'VERIFICA_SOMMA:errore']));
    expect(codici.filter((x) => x.startsWith('PROGETTO_COEFF') || x.startsWith('PROGETTO_TOTALE') || x.startsWith('PROGETTO_IMPORTO'))).toEqual([]);
  });
});
