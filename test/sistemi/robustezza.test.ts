/** the fasi reader and checks never throw, whatever the cells hold, and read no objective without a phases table */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/domain/grid';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';
import { cellaCasuale, grigliaCasuale } from './casuale';

const testi = [
  'FASI PRINCIPALI', 'DATA ULTIMAZIONE FASE', 'PESO FASE', 'VALORE OBIETTIVO', "PESO DELL'OBIETTIVO", 'RISORSE UMANE IMPIEGATE',
  "CENTRO DI RESPONSABILITA'", 'CENTRO DI RESPONSABILITÀ: 07', 'SERVIZIO AVVOCATURA', 'OBIETTIVI STRATEGICI DI SISTEMA', 'S.E. - TUTTI',
  '31.06.2024', '5 %', '**', 'TOTALE', '--', '', 'TITOLO (RIF. DUP 1.1)', 'DIRIGENTE RESPONSABILE:',
];

describe('fasi: robustness', () => {
  it('never throws on random grids', () => {
    fc.assert(
      fc.property(grigliaCasuale(cellaCasuale(testi, 'SUM(C1:C3)'), 6), (g) => {
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
