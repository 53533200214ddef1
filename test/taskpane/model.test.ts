import { describe, expect, it } from 'vitest';
import type { Azione, Scheda } from '../../src/domain/scheda/types';
import type { Finding } from '../../src/domain/controlli/types';
import {
  cellsOf,
  correzioneAncoraValida,
  correzionePlan,
  countBySeverity,
  gridFromValues,
  groupFindings,
  livelliScheda,
  parsePeriodo,
  schedaAtSelection,
  summarize,
  visibleGrids,
} from '../../src/taskpane/model';

function azione(n: number, peso: number | null, pct: number | null, row = 14 + n): Azione {
  return {
    n,
    row,
    nCell: `A${row + 1}`,
    peso: peso === null ? null : { points: peso, raw: peso, text: String(peso), forma: 'intero', cell: `B${row + 1}` },
    azione: { value: `Azione ${n}`, cell: `C${row + 1}` },
    tempi: null,
    indicatori: null,
    atteso: null,
    graduazione: null,
    raggiunto: { value: null, text: '', cell: `H${row + 1}` },
    percentuale: { value: pct, text: pct === null ? '' : `${pct * 100}%`, cell: `I${row + 1}` },
  };
}

function scheda(sheet: string, index: number, azioni: Azione[][], opts: Partial<Scheda> = {}): Scheda {
  return {
    sheet,
    index,
    range: `A${index * 50 - 49}:N${index * 50}`,
    firstRow: index * 50 - 50,
    lastRow: index * 50 - 1,
    titolo: { value: 'OBIETTIVO GESTIONALE 2025 – 2027', cell: `A${index * 50 - 49}` },
    periodo: { from: 2025, to: 2027 },
    tipo: 'comune',
    header: { altreUnita: [], descrizione: { value: `Obiettivo ${sheet}`, cell: 'C6' }, dirigente: { value: 'Dott. Rossi', cell: 'J4' } },
    annualita: azioni.map((az, i) => ({
      n: i + 1,
      anno: 2025 + i,
      titleCell: 'A14',
      headerRow: 14,
      columns: {},
      azioni: az,
      range: 'A16:N20',
    })),
    risorse: [],
    finanziaria: [],
    pesatura: null,
    problemi: [],
    ...opts,
  };
}

function finding(foglio: string, gravita: Finding['gravita'], s?: number, codice: Finding['codice'] = 'PESO_SOMMA'): Finding {
  return { codice, gravita, foglio, celle: ['B16:B20'], messaggio: `${codice} su ${foglio}`, scheda: s };
}

describe('livelliScheda', () => {
  it('says when a level is partial or stands on weights that do not add up to 100 (Polizia Locale: 5 × 25)', () => {
    const s = scheda('PL', 1, [[azione(1, 25, 1), azione(2, 25, null), azione(3, 25, null), azione(4, 25, null), azione(5, 25, null)]]);
    expect(livelliScheda(s)[0]).toEqual({ anno: 2025, livello: 1, rilevate: 1, totale: 5, parziale: true, pesoTotaleErrato: 125 });
  });

  it('weights the % cells by PESO, only over measured actions', () => {
    const s = scheda('PL', 1, [[azione(1, 60, 1), azione(2, 40, 0.5)], [azione(1, 50, null), azione(2, 50, null)]]);
    const l = livelliScheda(s);
    expect(l[0]).toEqual({ anno: 2025, livello: 0.8, rilevate: 2, totale: 2, parziale: false, pesoTotaleErrato: null });
    expect(l[1]).toEqual({ anno: 2026, livello: null, rilevate: 0, totale: 2, parziale: true, pesoTotaleErrato: null });
  });

  it('reads levels written as points (70) like fractions (0,7)', () => {
    const s = scheda('X', 1, [[azione(1, 50, 70), azione(2, 50, 0.9)]]);
    expect(livelliScheda(s)[0].livello).toBeCloseTo(0.8, 10);
  });
});

describe('summarize', () => {
  it('counts each card its own errors and warnings and keeps the last computed level', () => {
    const a = scheda('Polizia Locale', 1, [[azione(1, 25, 1), azione(2, 100, 0.6)], [azione(1, 100, 0.5)]]);
    const b = scheda('Polizia Locale', 2, [[azione(1, 100, null)]], { tipo: 'individuale', header: { altreUnita: [] } });
    const f = [finding('Polizia Locale', 'errore', 1), finding('Polizia Locale', 'avviso', 1), finding('Polizia Locale', 'avviso', 2), finding('Altro', 'errore', 1)];
    const [sa, sb] = summarize([a, b], f);
    expect(sa).toMatchObject({ errori: 1, avvisi: 1, tipo: 'comune', anni: [2025, 2026], dirigente: 'Dott. Rossi', periodo: '2025–2027' });
    expect(sa.livello).toEqual({ anno: 2026, livello: 0.5 });
    expect(sa.cell).toBe('A1');
    expect(sb).toMatchObject({ errori: 0, avvisi: 1, livello: null, dirigente: null, titolo: 'Polizia Locale (scheda 2)' });
  });

  it('gives every annualità its own level, null where the % cells are still empty', () => {
    const s = scheda('Sito web', 1, [[azione(1, 40, 1), azione(2, 60, null)], [azione(1, 50, null), azione(2, 50, null)]]);
    const [c] = summarize([s], []);
    expect(c.livelli).toEqual([
      { anno: 2025, livello: 1, rilevate: 1, totale: 2, parziale: true, pesoTotaleErrato: null },
      { anno: 2026, livello: null, rilevate: 0, totale: 2, parziale: true, pesoTotaleErrato: null },
    ]);
    expect(c.livello).toEqual({ anno: 2025, livello: 1 });
  });
});

describe('groupFindings', () => {
  it('groups by card, the cards with errors first and then in workbook order, then by severity with errors first', () => {
    const schede = [scheda('Trasparenza', 1, [[]]), scheda('Polizia Locale', 1, [[]])];
    const f = [
      finding('Polizia Locale', 'info', 1, 'RILEVAZIONE_MANCANTE'),
      finding('Polizia Locale', 'avviso', 1, 'RISORSE_SOMMA'),
      finding('Trasparenza', 'avviso', undefined, 'GRADUAZIONE_FASCE'),
      finding('Polizia Locale', 'errore', 1),
      finding('Rilevazioni', 'errore', undefined, 'RILEVAZIONE_NON_VALIDA'),
    ];
    const g = groupFindings(f, schede, 'Cartella');
    // Trasparenza comes first in the workbook, but only has a warning: the two groups with an error go before it
    expect(g.map((x) => x.key)).toEqual(['Polizia Locale#1', 'Rilevazioni', 'Trasparenza#1']);
    expect(g[0].severities.map((s) => s.gravita)).toEqual(['errore', 'avviso', 'info']);
    expect(g[0].count).toBe(3);
    expect(g[0].label).toBe('Obiettivo Polizia Locale');
    expect(g[1]).toMatchObject({ label: 'Rilevazioni', sheet: 'Rilevazioni', count: 1 });
    expect(g[2]).toMatchObject({ key: 'Trasparenza#1', count: 1 });
  });

  it('puts findings without a sheet under the workbook label and drops cards without findings', () => {
    const g = groupFindings([{ ...finding('', 'avviso'), foglio: '' }], [scheda('A', 1, [[]])], 'Cartella di lavoro');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ key: '', label: 'Cartella di lavoro', sheet: null });
  });

  it('counts by severity', () => {
    expect(countBySeverity([finding('a', 'errore'), finding('a', 'errore'), finding('a', 'info')])).toEqual({ errore: 2, avviso: 0, info: 1 });
  });
});

describe('correzioneAncoraValida: Correggi writes only what the workbook as it is now still proposes', () => {
  const fix = { tipo: 'peso-numero', foglio: 'S', cella: 'B17', valore: 25 } as const;
  const finding = (correzione?: Finding['correzione']): Finding =>
    ({ codice: 'PESO_FORMATO', gravita: 'avviso', foglio: 'S', celle: ['B17'], messaggio: 'PESO scritto come testo', ...(correzione ? { correzione } : {}) }) as Finding;
  it('the same finding with the same correction: still valid', () => {
    expect(correzioneAncoraValida(fix, [finding({ ...fix })])).toBe(true);
  });
  it('the cell now holds another text (the correction differs) or was fixed by hand (no finding): not valid', () => {
    expect(correzioneAncoraValida(fix, [finding({ ...fix, valore: 30 })])).toBe(false);
    expect(correzioneAncoraValida(fix, [])).toBe(false);
    expect(correzioneAncoraValida(fix, [finding()])).toBe(false);
  });
});

describe('correzionePlan', () => {
  it('writes the canonical graduation text into its cell and selects it', () => {
    const p = correzionePlan({ tipo: 'graduazione-canonica', foglio: 'S', cella: 'G16', testo: 'Nessun ritardo = 100%' });
    expect(p).toEqual({ cells: [{ sheet: 'S', address: 'G16', value: 'Nessun ritardo = 100%' }], select: { sheet: 'S', range: 'G16' } });
  });
  it('writes PESO as a number', () => {
    const p = correzionePlan({ tipo: 'peso-numero', foglio: 'S', cella: 'B17', valore: 25 });
    expect(p.cells?.[0].value).toBe(25);
  });
});

describe('selection helpers', () => {
  it('finds the stacked card that holds the selected row', () => {
    const s1 = scheda('Doppia', 1, [[]]);
    const s2 = scheda('Doppia', 2, [[]]);
    expect(schedaAtSelection([s1, s2], 'Doppia', 'C70')?.index).toBe(2);
    expect(schedaAtSelection([s1, s2], 'Doppia', 'C3:D4')?.index).toBe(1);
    expect(schedaAtSelection([s1, s2], 'Altro', 'A1')).toBeNull();
  });

  it('expands A1 ranges into cell keys', () => {
    expect([...cellsOf(['B2:C3'])].sort()).toEqual(['1,1', '1,2', '2,1', '2,2']);
    expect([...cellsOf(['A1', 'nonsense'])]).toEqual(['0,0']);
  });

  it('builds a grid from selected values (numbers shown with decimal comma)', () => {
    const g = gridFromValues([['Titolo', 'Dirigente'], ['Nuovo sportello', null], [1.5, true]]);
    expect(g.rows[1][0]).toEqual({ v: 'Nuovo sportello', t: 'Nuovo sportello' });
    expect(g.rows[1][1]).toBeUndefined();
    expect(g.rows[2][0]?.t).toBe('1,5');
  });

  it('keeps visible sheets only', () => {
    const g = (name: string, visibility?: 'visible' | 'hidden' | 'veryHidden') => ({ name, rows: [], merges: [], visibility });
    expect(visibleGrids([g('A'), g('B', 'veryHidden'), g('C', 'visible'), g('D', 'hidden')]).map((x) => x.name)).toEqual(['A', 'C']);
  });
});

describe('parsePeriodo', () => {
  it('accepts 2025-2027 and 2025 – 2027, rejects the rest', () => {
    expect(parsePeriodo('2025-2027')).toEqual({ from: 2025, to: 2027 });
    expect(parsePeriodo(' 2025 – 2027 ')).toEqual({ from: 2025, to: 2027 });
    expect(parsePeriodo('2027-2025')).toBeNull();
    expect(parsePeriodo('2025')).toBeNull();
    expect(parsePeriodo('2025-2035')).toBeNull();
  });
});
