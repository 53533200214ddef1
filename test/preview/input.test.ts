import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editText, parseTsv, toTsv, writeFromInput } from '../../src/preview/input';
import type { Cell } from '../../src/domain/grid';

const at = (text: string, cell?: Cell) => {
  const { sheet, address, ...rest } = writeFromInput('Polizia Locale', 'B15', text, cell);
  expect({ sheet, address }).toEqual({ sheet: 'Polizia Locale', address: 'B15' });
  return rest;
};

describe('typing in a preview cell writes what Excel (Italian) would', () => {
  it('numbers with a decimal comma or thousands dots, percentages, dates, booleans, text', () => {
    expect(at('0,5')).toEqual({ value: 0.5 });
    expect(at('1.234,5')).toEqual({ value: 1234.5 });
    expect(at(' 40 ')).toEqual({ value: 40 });
    expect(at('50%')).toEqual({ value: 0.5, numFmt: '0%' });
    expect(at('12,5 %')).toEqual({ value: 0.125, numFmt: '0.0%' });
    expect(at('31/12/2025')).toEqual({ value: new Date(Date.UTC(2025, 11, 31)), numFmt: 'dd/mm/yyyy' });
    expect(at('31/06/2025')).toEqual({ value: '31/06/2025' }); // no such day: text, as in Excel
    expect(at('vero')).toEqual({ value: true });
    expect(at('FALSO')).toEqual({ value: false });
    expect(at('Ritardo fino a 30 gg = 70%')).toEqual({ value: 'Ritardo fino a 30 gg = 70%' });
    expect(at("'0,5")).toEqual({ value: '0,5' });
    expect(at('=SUM(B15:B19)')).toEqual({ formula: 'SUM(B15:B19)' });
    expect(at('')).toEqual({ value: null });
    expect(at('   ')).toEqual({ value: null });
  });

  it('the cell format decides as in Excel: "50" in a % cell is 50%, a date in a date cell keeps its format', () => {
    expect(at('50', { v: 0.8, t: '80%', f: '0%' })).toEqual({ value: 0.5 });
    expect(at('100%', { v: 0.8, t: '80%', f: '0%' })).toEqual({ value: 1 });
    expect(at('15/03/2025', { v: new Date(Date.UTC(2025, 0, 1)), t: '01/01/2025', f: 'dd/mm/yyyy' })).toEqual({
      value: new Date(Date.UTC(2025, 2, 15)),
    });
    expect(at('3', { v: new Date(Date.UTC(2025, 0, 1)), t: '01/01/2025', f: 'dd/mm/yyyy' })).toEqual({ value: 3, numFmt: 'General' });
  });

  it('F2 offers a text that types back to the same value', () => {
    const cells: Cell[] = [
      { v: 0.7, t: '70%', f: '0%' },
      { v: 0.125, t: '12,5%', f: '0.0%' },
      { v: 1234.5, t: '1234,5' },
      { v: new Date(Date.UTC(2025, 11, 31)), t: '31/12/2025', f: 'dd/mm/yyyy' },
      { v: true, t: 'VERO' },
      { v: 'PESO', t: 'PESO' },
      { v: 100, t: '100', formula: 'SUM(B15:B19)' },
    ];
    for (const c of cells) {
      const w = at(editText(c), c);
      if (c.formula) expect(w).toEqual({ formula: c.formula });
      else expect(w.value).toEqual(c.v);
    }
    expect(editText(undefined)).toBe('');
  });

  it('any number typed in Italian comes back as itself', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const n = Math.round(x * 1000) / 1000;
        expect(at(editText({ v: n, t: '' })).value).toBe(n);
      }),
    );
  });
});

describe('clipboard blocks', () => {
  it('reads and writes Excel tab-separated text, quoted fields included', () => {
    const rows = [
      ['Titolo', 'Dirigente', 'Unità'],
      ['Sicurezza urbana', 'Rossi', 'Polizia Locale'],
      ['Testo "con" virgolette\te tab', '', 'riga\nnuova'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('solo')).toEqual([['solo']]);
  });
});
