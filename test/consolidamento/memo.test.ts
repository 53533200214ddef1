/**
 * The remembered answers (graduation rules, label matching, row labels) give exactly what a fresh
 * computation gives, and the checks, the compute and `controlla --json` read every graduation alike.
 */
import { describe, expect, it } from 'vitest';
import { parseGraduazione, ruleContext, ruleOf } from '../../src/domain/graduazione';
import { clearRuleMemo } from '../../src/domain/graduazione/parse';
import { utcDate } from '../../src/domain/grid';
import { matchLabelExact, readSchede } from '../../src/domain/scheda';
import type { Azione } from '../../src/domain/scheda/types';
import { tsvToGrid } from '../helpers/tsvGrid';
import { seedText } from '../scheda/sarzana';

const G = 'Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; oltre = 0%';
const SCADENZA = 'Entro il 30 giugno = 100%; fino a 10 gg di ritardo = 50%';

describe('parseGraduazione remembers by text and context', () => {
  it('the same text in the same context is the same rule, equal to a fresh parse', () => {
    const ctx = { tempi: '31/12/2024', atteso: null, anno: 2024 };
    const a = parseGraduazione(G, ctx);
    expect(parseGraduazione(G, { ...ctx })).toBe(a);
    clearRuleMemo();
    const fresh = parseGraduazione(G, ctx);
    expect(fresh).not.toBe(a);
    expect(fresh).toEqual(a);
    expect(a.reference?.date).toEqual(utcDate(2024, 12, 31));
  });

  it('a different context gives its own rule', () => {
    const y2024 = parseGraduazione(SCADENZA, { anno: 2024 });
    const y2025 = parseGraduazione(SCADENZA, { anno: 2025 });
    expect([y2024.reference?.date, y2025.reference?.date]).toEqual([utcDate(2024, 6, 30), utcDate(2025, 6, 30)]);
    const asDate = parseGraduazione(G, { tempi: utcDate(2025, 3, 31) });
    const asOtherDate = parseGraduazione(G, { tempi: utcDate(2025, 4, 30) });
    const asText = parseGraduazione(G, { tempi: '31/03/2025' });
    expect([asDate.reference?.date, asOtherDate.reference?.date, asText.reference?.date]).toEqual([
      utcDate(2025, 3, 31),
      utcDate(2025, 4, 30),
      utcDate(2025, 3, 31),
    ]);
    expect(parseGraduazione(G, { tempi: 45747 }).reference?.source).toBe('tempi');
    expect(parseGraduazione(G, {}).reference).toBeNull();
  });

  it('stays right past its size limit', () => {
    const first = parseGraduazione('almeno 1 = 100%', {});
    for (let i = 2; i < 2600; i++) expect(parseGraduazione(`almeno ${i} = 100%`, {}).bands[0]?.from).toBe(i);
    const again = parseGraduazione('almeno 1 = 100%', {});
    expect(again).toEqual(first);
  });
});

describe('one reading of an action\'s graduation', () => {
  const field = (value: unknown, text: string) => ({ value, text, cell: 'D10' }) as Azione['tempi'];
  const azione = (tempi: Azione['tempi']): Azione => ({
    n: 1, row: 9, nCell: 'A10', peso: null, azione: null, tempi, indicatori: null, atteso: null,
    graduazione: { value: G, cell: 'G10' }, raggiunto: null, percentuale: null,
  });

  it('TEMPI as a date, as text, or shown without a value', () => {
    expect(ruleContext(azione(field(utcDate(2025, 3, 31), '31/03/2025')), 2025).tempi).toEqual(utcDate(2025, 3, 31));
    expect(ruleContext(azione(field(null, '31/03/2025')), 2025).tempi).toBe('31/03/2025');
    expect(ruleContext(azione(field(true, 'VERO')), 2025).tempi).toBe('VERO');
    expect(ruleContext(azione(null), 2025)).toEqual({ tempi: null, atteso: null, indicatori: null, anno: 2025 });
    expect(ruleOf(azione(field(null, '31/03/2025')), 2025).reference?.date).toEqual(utcDate(2025, 3, 31));
  });
});

describe('label matching', () => {
  it.each([
    ['pesatura', true],
    ['pesatra', true],
    ['pesatura totale', false],
    ['peso', false],
    ['', false],
  ])('matchLabelExact(%j, "pesatura") = %s', (t, ok) => expect(matchLabelExact(t, 'pesatura')).toBe(ok));

  it('a card reads the same the second time (row labels remembered across sheets)', () => {
    const lines = seedText(1565, 1610);
    const first = readSchede(tsvToGrid(lines, 'Uno'));
    const second = readSchede(tsvToGrid(lines, 'Uno'));
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first[0].annualita.map((a) => a.azioni.length)).toEqual(second[0].annualita.map((a) => a.azioni.length));
  });
});
