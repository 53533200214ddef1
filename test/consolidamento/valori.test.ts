import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src/domain/calcolo';
import { parseMeasurement, parseGraduazione } from '../../src/domain/graduazione';
import { tokenize } from '../../src/domain/graduazione/tokens';
import { formatDateIt, utcDate } from '../../src/domain/grid';
import { datesInText, parseItNumber } from '../../src/domain/scheda';
import { datesInText as findDates, findNumberIt, parseDateIt, parseDecimalIt, parseNumberIt } from '../../src/domain/valori';

describe('Italian numbers', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1,5', 1.5],
    ['12.500', 12500],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    [' -3 ', -3],
    ['+4,25', 4.25],
    ['1 000,5', 1000.5],
    ['1.23,4', null],
    ['12,5 giorni', null],
    ['', null],
  ])('parseNumberIt(%j) = %j', (t, n) => expect(parseNumberIt(t)).toBe(n));

  it.each([
    ['Euro 100.000,00', 100000],
    ['1,5 giorni', 1.5],
    ['valore atteso 500.', 500],
    ['nessuno', null],
  ])('findNumberIt(%j) = %j', (t, n) => expect(findNumberIt(t)).toBe(n));

  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.000', 1],
    ['-3', -3],
    ['1.234,5', null],
    ['30 %', null],
  ])('parseDecimalIt(%j) = %j', (t, n) => expect(parseDecimalIt(t)).toBe(n));

  it('reads back every number written the Italian way, with or without thousands dots', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const n = i + Math.sign(i || 1) * c / 100;
        const grouped = n.toLocaleString('it-IT', { maximumFractionDigits: 2 });
        const plain = n.toLocaleString('it-IT', { maximumFractionDigits: 2, useGrouping: false });
        expect(parseNumberIt(grouped)).toBeCloseTo(n, 9);
        expect(parseNumberIt(plain)).toBeCloseTo(n, 9);
        expect(findNumberIt(`Euro ${grouped} circa`)).toBeCloseTo(n, 9);
      }),
    );
  });

  it('the card reader and the graduation tokenizer read plain decimals the same way', () => {
    expect(parseItNumber('Euro 100.000,00')).toBe(100000);
    expect(tokenize('almeno 12,5').find((t) => t.t === 'num')).toMatchObject({ v: 12.5 });
    expect(tokenize('almeno 12.5').find((t) => t.t === 'num')).toMatchObject({ v: 12.5 });
  });
});

describe('Italian dates', () => {
  it.each([
    ['31/12/2024', { y: 2024, m: 12, d: 31, valid: true }],
    ['31.05.2024', { y: 2024, m: 5, d: 31, valid: true }],
    ['30/06/24', { y: 2024, m: 6, d: 30, valid: true }],
    ['30 - 06 - 2024', { y: 2024, m: 6, d: 30, valid: true }],
    ['2024-12-31', { y: 2024, m: 12, d: 31, valid: true }],
    ['31/06/2024', { y: 2024, m: 6, d: 31, valid: false, date: null }],
    ['29/02/2023', { y: 2023, m: 2, d: 29, valid: false, date: null }],
  ])('parseDateIt(%j)', (t, parts) => expect(parseDateIt(t)).toMatchObject(parts));

  it('is null for text that is not a whole date', () => {
    expect([parseDateIt('entro il 31/12/2024'), parseDateIt('12/2024'), parseDateIt('fine gennaio')]).toEqual([null, null, null]);
  });

  it('the compute, the measurement reader and the card reader agree on every written date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2099 }), (d, m, y) => {
        const text = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
        const p = parseDateIt(text)!;
        const cell = readDateCell({ v: text, t: '' });
        const mis = parseMeasurement(text, parseGraduazione('entro il 31/12/2024 = 100%; oltre = 0%'));
        const inText = datesInText(`Entro il ${text}.`);
        if (p.valid) {
          expect(formatDateIt(p.date!)).toBe(text);
          expect(cell).toEqual({ ok: true, date: utcDate(y, m, d) });
          expect(mis).toEqual({ ok: true, m: { kind: 'data', date: utcDate(y, m, d) } });
        } else {
          expect(cell).toEqual({ ok: false, impossible: true });
          expect(mis.ok).toBe(false);
        }
        expect(inText).toEqual([{ text, day: d, month: m, year: y, valid: p.valid, date: p.date }]);
      }),
    );
  });

  it('finds dates in running text, numeric and with month names, in order', () => {
    expect(findDates('dal 30 giugno 2024 al 31.12.24 (D.L. 13/2023)').map((x) => [x.text, x.year, x.month, x.day])).toEqual([
      ['30 giugno 2024', 2024, 6, 30],
      ['31.12.24', 2024, 12, 31],
    ]);
  });
});
