import { describe, expect, it } from 'vitest';
import { datesInText, parseItNumber, parsePartecipante, parsePeso, readSchede } from '../../src/domain/scheda';
import { tsvToGrid } from '../helpers/tsvGrid';

describe('parsePeso', () => {
  it.each([
    [{ v: 50, t: '50' }, 50, 'intero'],
    [{ v: 50, t: '50,00', f: '0.00' }, 50, 'decimale'],
    [{ v: 12.5, t: '12,5' }, 12.5, 'decimale'],
    [{ v: 0.5, t: '50%', f: '0%' }, 50, 'percentuale'],
    [{ v: 0.25, t: '', f: '0.00%' }, 25, 'percentuale'],
    [{ v: '100,00%', t: '100,00%' }, 100, 'testo-percentuale'],
    [{ v: '50', t: '50' }, 50, 'testo-numero'],
    [{ v: ' 33,5 ', t: '' }, 33.5, 'testo-numero'],
    [{ v: 'abc', t: 'abc' }, null, 'non-valido'],
    [{ v: true, t: 'VERO' }, null, 'non-valido'],
    [{ v: -10, t: '-10' }, -10, 'non-valido'],
  ])('%o -> %s %s', (cell, points, forma) => {
    expect(parsePeso(cell, 'B5')).toMatchObject({ points, forma, cell: 'B5' });
  });
  it('an empty cell has no PESO', () => {
    expect(parsePeso(undefined, 'B5')).toBeNull();
    expect(parsePeso({ v: '  ', t: '' }, 'B5')).toBeNull();
  });
});

describe('parseItNumber', () => {
  it.each([
    ['108.000,00', 108000],
    ['Euro 100.000,00', 100000],
    ['1,5 giorni', 1.5],
    ['15000', 15000],
    ['12.5', 12.5],
    ['nessuno', null],
  ])('%s -> %s', (t, n) => expect(parseItNumber(t)).toBe(n));
});

describe('datesInText', () => {
  it('finds every written date, valid or not, in order', () => {
    expect(datesInText('Dal mese di aprile 2024 al 31/12/2024').map((d) => [d.text, d.valid])).toEqual([['31/12/2024', true]]);
    expect(datesInText('Entro il 31.05.2024 e non oltre il 30/06/24').map((d) => [d.year, d.month, d.day])).toEqual([
      [2024, 5, 31],
      [2024, 6, 30],
    ]);
    expect(datesInText('31/06/2024')[0]).toMatchObject({ valid: false, date: null });
    expect(datesInText('entro il 30 giugno 2024')[0]).toMatchObject({ valid: true, month: 6 });
    expect(datesInText('D.L.13/2023 convertito in legge 41/2023')).toEqual([]);
  });
});

describe('parsePartecipante', () => {
  it.each([
    ['Raffaella Frediani 34%', 'Raffaella Frediani', 34],
    ['Tognoni Antonella 35 %', 'Tognoni Antonella', 35],
    ['dott.ssa Federica Vangeli 30%', 'dott.ssa Federica Vangeli', 30],
    ['Tutto il personale della P.L.', 'Tutto il personale della P.L.', null],
    ['Mario Rossi (12,5%)', 'Mario Rossi', 12.5],
  ])('%s', (text, nome, percentuale) => expect(parsePartecipante(text)).toEqual({ nome, percentuale }));
});

describe('COMUNE / INDIVIDUALE from the title', () => {
  const tipo = (title: string) => {
    const s = readSchede(tsvToGrid([title], 'T'))[0];
    return [s.tipo, s.periodo?.from ?? null, s.problemi.length];
  };
  it.each([
    ['OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE', 'comune', 2024, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 □ COMUNE X INDIVIDUALE', 'individuale', 2024, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 ☐ COMUNE x INDIVIDUALE', 'individuale', 2024, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 □ COMUNEX INDIVIDUALE – congiunto', 'individuale', 2024, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 <input type="checkbox"/> COMUNE <input checked="" type="checkbox"/> INDIVIDUALE', 'individuale', 2024, 0],
    ['OBIETTIVO GESTIONALE 2025-2027 ☒ COMUNE ☐ INDIVIDUALE', 'comune', 2025, 0],
    ['OBIETTIVO GESTIONALE 2025 – 2027 ✓ COMUNE INDIVIDUALE', 'comune', 2025, 0],
    ['OBIETTIVO GESTIONALE 2025 – 2027 COMUNE ■ INDIVIDUALE', 'individuale', 2025, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 COMUNE INDIVIDUALE', null, 2024, 0],
    ['OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE X INDIVIDUALE', null, 2024, 1],
    ['OGGETTO GESTIONALE 2023 – 2025 COMUNE x INDIVIDUALE', 'individuale', 2023, 0],
  ])('%s', (title, t, from, problemi) => expect(tipo(title)).toEqual([t, from, problemi]));
  it('title split over cells', () => {
    const s = readSchede(tsvToGrid(['OBIETTIVO GESTIONALE\t2024 – 2026\tX\tCOMUNE\t□\tINDIVIDUALE'], 'T'))[0];
    expect([s.tipo, s.periodo]).toEqual(['comune', { from: 2024, to: 2026 }]);
  });
});

describe('parsePeso and a literal apostrophe', () => {
  it("reads '25 written by another program as 25 points typed as text", () => {
    expect(parsePeso({ v: "'25", t: "'25" }, 'B17')).toMatchObject({ points: 25, forma: 'testo-numero', cell: 'B17' });
  });
});
