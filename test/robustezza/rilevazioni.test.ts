/**
 * A Rilevazioni sheet made by people, not by `schede prepara`: a title above the header (header on row 3),
 * an extra column of their own in the middle, values typed as text ("20/01/2025", "85 %", "Sì", "12 gg.").
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, leggi, sample, tmpDir, viaggio } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

const HEADER = [
  'Foglio',
  'Scheda',
  'Anno',
  'N.',
  'Azione',
  'Ufficio',
  'Tipo',
  'Scadenza',
  'Data completamento',
  'Valore rilevato',
  'Livello manuale (%)',
  'Motivazione',
  'Note',
];

/** [foglio, anno, n, data completamento, valore, ufficio] as typed */
const RIGHE: [string, number | string, number | string, string | null, string | null, string][] = [
  ['Protocollo', 2024, 1, null, '85 %', 'Protocollo'],
  ['Trasparenza', 2024, 1, '20/01/2025', null, 'Segreteria'],
  ['Trasparenza', '2024', '2', null, '12 gg.', 'Segreteria'],
  ['Trasparenza', 2024, 3, null, '3', 'Segreteria'],
  ['Formazione', 2024, 1, '05/07/2024', null, 'Personale'],
  ['Formazione', 2024, 2, null, 'abc', 'Personale'],
  ['Formazione', 2024, 4, null, 'Sì', 'Personale'],
  ['Protocollo', 2024, 2, null, '1,8', 'Protocollo'],
];

async function cartella(tabella: boolean) {
    const wb = await sample('Trasparenza', 'Formazione', 'Protocollo');
    // action 4 of Formazione becomes a yes/no rule
    wb.getWorksheet('Formazione')!.getCell('G18').value =
      'Monitoraggio presentato alla Giunta entro il 31/12/2024 = 100% Monitoraggio non presentato = zero';
    const ril = wb.addWorksheet('Rilevazioni');
    ril.getCell('A1').value = 'Rilevazioni 2024 – Comune di Sarzana';
    ril.mergeCells('A1:M1');
    ril.getCell('A2').value = 'Compilare Data completamento o Valore rilevato; il resto lo compila il servizio controllo di gestione.';
    ril.getRow(3).values = HEADER;
    RIGHE.forEach(([foglio, anno, n, data, valore, ufficio], i) => {
      const row = ril.getRow(4 + i);
      row.getCell(1).value = foglio;
      row.getCell(2).value = 1;
      row.getCell(3).value = anno;
      row.getCell(4).value = n;
      row.getCell(6).value = ufficio;
      if (data) row.getCell(9).value = data;
      if (valore) row.getCell(10).value = valore;
    });
    if (tabella) {
      // the same rows made into an Excel table (Inserisci → Tabella) by the person
      const rows = RIGHE.map((_r, i) => (ril.getRow(4 + i).values as ExcelJS.CellValue[]).slice(1, 14));
      for (let r = 3; r < 4 + RIGHE.length; r++) ril.getRow(r).values = [];
      ril.addTable({
        name: 'MieRilevazioni',
        ref: 'A3',
        headerRow: true,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        columns: HEADER.map((name) => ({ name, filterButton: true })),
        rows: rows.map((r) => HEADER.map((_h, c) => r[c] ?? null)),
      });
    }
    return bytesOf(wb);
}

describe('foglio Rilevazioni compilato a mano', () => {
  it.each([
    ['intervallo semplice', false],
    ['tabella di Excel', true],
  ])('intestazione in riga 3 sotto un titolo, una colonna in più in mezzo, valori scritti come testo (%s)', async (nome, tabella) => {
    const bytes = await cartella(tabella);
    const l = await leggi(bytes);
    expect(l.schede.map((s) => s.sheet)).toEqual(['Trasparenza', 'Formazione', 'Protocollo']);

    const v = await viaggio(dir, `rilevazioni-${tabella ? 'tabella' : 'intervallo'}`, bytes, { controlla: 0, misure: () => {}, calcolate: 7 });
    expect(v.controlla.schede).toHaveLength(3);
    const livello = (foglio: string, n: number) =>
      v.calcola.schede.find((s) => s.foglio === foglio && s.anno === 2024)!.azioni.find((a) => a.n === n)!;
    expect(livello('Trasparenza', 1)).toEqual({ n: 1, peso: 50, livello: 0.7, raggiunto: '20/01/2025 · ritardo 20 gg' });
    expect(livello('Trasparenza', 2)).toMatchObject({ livello: 0.7, raggiunto: expect.stringContaining('12 gg') });
    expect(livello('Trasparenza', 3)).toMatchObject({ livello: 1 });
    expect(livello('Formazione', 1)).toMatchObject({ livello: 0.8, raggiunto: '05/07/2024 · ritardo 20 gg' });
    expect(livello('Formazione', 2).livello).toBeNull();
    expect(livello('Formazione', 3).livello).toBeNull();
    expect(livello('Formazione', 4)).toMatchObject({ livello: 1, raggiunto: 'Sì' });
    expect(livello('Protocollo', 1)).toMatchObject({ livello: 0.8, raggiunto: '85%' });
    expect(livello('Protocollo', 2)).toMatchObject({ livello: 0.9 });
    // "abc" is reported on its own Rilevazioni cell (row 9, Valore rilevato in column J)
    const nonValida = v.calcola.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA');
    expect(nonValida.map((f) => [f.foglio, f.celle])).toEqual([['Rilevazioni', ['J9']]]);
    expect(nonValida[0].messaggio).toContain('abc');

    // prepara appended the missing row (Formazione 3) under the people's rows, in the right columns
    const g = v.calcolato.grids.find((x) => x.name === 'Rilevazioni')!;
    expect(g.rows[2].map((c) => c?.v ?? null)).toEqual(HEADER);
    const added = g.rows.slice(4 + RIGHE.length - 1).filter((r) => r?.some((c) => c?.v !== null && c?.v !== undefined));
    expect(added.map((r) => [r[0]?.v, r[2]?.v, r[3]?.v, r[5]?.v ?? null, r[6]?.v])).toEqual([['Formazione', 2024, 3, null, 'Scadenza']]);
    expect(g.rows[0][0]?.v).toBe('Rilevazioni 2024 – Comune di Sarzana');
    // the text typed by people is still text
    expect(g.rows[4][8]?.v).toBe('20/01/2025');
    expect(g.rows[3][9]?.v).toBe('85 %');
    if (tabella) {
      // the person's table grew over the appended row (header on row 3, 8 typed rows + 1 added)
      const t = (v.calcolatoXlsx.getWorksheet('Rilevazioni') as unknown as { tables: Record<string, { table: { tableRef?: string; ref: string } }> }).tables;
      expect(Object.keys(t)).toEqual(['MieRilevazioni']);
      expect(t.MieRilevazioni.table.tableRef ?? t.MieRilevazioni.table.ref).toBe('A3:M12');
    }
  });
});
