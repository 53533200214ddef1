/** the fasi reader and checks never throw, whatever the cells hold, and read no objective without a phases table */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../../src/domain/grid';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';

const testi = fc.constantFrom(
  'FASI PRINCIPALI', 'DATA ULTIMAZIONE FASE', 'PESO FASE', 'VALORE OBIETTIVO', "PESO DELL'OBIETTIVO", 'RISORSE UMANE IMPIEGATE',
  "CENTRO DI RESPONSABILITA'", 'CENTRO DI RESPONSABILITÀ: 07', 'SERVIZIO AVVOCATURA', 'OBIETTIVI STRATEGICI DI SISTEMA', 'S.E. - TUTTI',
  '31.06.2024', '5 %', '**', 'TOTALE', '--', '', 'TITOLO (RIF. DUP 1.1)', 'DIRIGENTE RESPONSABILE:',
);
const cella: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  testi.map((t) => ({ v: t, t })),
  fc.string().map((t) => ({ v: t, t })),
  fc.double({ noNaN: false }).map((v) => ({ v, t: '', f: '0%' })),
  fc.date({ noInvalidDate: false }).map((v) => ({ v, t: '' })),
  fc.constant({ v: null, t: '', formula: 'SUM(C1:C3)' }),
);

describe('fasi: robustness', () => {
  it('never throws on random grids', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cella, { maxLength: 6 }), { maxLength: 40 }), (rows) => {
        const g: Grid = { name: 'Casuale', rows, merges: [] };
        const c = leggiCartella([g]);
        controllaCartella(c);
        for (const ob of c.fasi) expect(ob.headerRow).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a sheet no system recognises is reported, never guessed', () => {
    const g: Grid = { name: 'Appunti', rows: [[{ v: 'Elenco delle cose da fare', t: 'Elenco delle cose da fare' }]], merges: [] };
    const c = leggiCartella([g, { name: 'Vuoto', rows: [], merges: [] }]);
    expect(c.fasi).toEqual([]);
    expect(c.gestionale).toEqual([]);
    expect(c.nonRiconosciuti).toEqual(['Appunti']);
    expect(c.messaggi[0]).toContain('«Appunti»');
  });
});
