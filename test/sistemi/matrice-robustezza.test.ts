/** the matrice reader and checks never throw, whatever the cells hold, and read no card without its heading */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../../src/domain/grid';
import { controllaCartella, leggiCartella, schedePerCalcolo } from '../../src/domain/sistemi';

const testi = fc.constantFrom(
  "OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023", 'PERFORMANCE ORGANIZZATIVA', 'N.', 'CDR', 'RESPONSABILE PRIMARIO:',
  'RISULTATO ATTESO', 'indicatore', 'target', '2020', 'PESO OBIETTIVO', 'Variabili', 'Esito Pesatura', 'Esito Pesatura 14', 'Alto',
  'Medio', 'Basso', 'Importanza', 'Realizzabilità', 'x', 'X', 'RISORSE ASSEGNATE AL PROGRAMMA', '€', '-', 'RISORSE OBIETTIVO',
  'INDICE DI ASSORBIMENTO', '#DIV/0!', 'Area/Settore', '% di contribuzione', 'TOTALE', 'AMMINISTRATIVO', '25%', '', 'si',
);
const cella: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  testi.map((t) => ({ v: t, t })),
  fc.string().map((t) => ({ v: t, t })),
  fc.double({ noNaN: false }).map((v) => ({ v, t: '', f: '0%' })),
  fc.date({ noInvalidDate: false }).map((v) => ({ v, t: '' })),
  fc.constant({ v: null, t: '', formula: 'D29/B29' }),
);

describe('matrice: robustness', () => {
  it('never throws on random grids; every card starts at its heading', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cella, { maxLength: 9 }), { maxLength: 40 }), (rows) => {
        const g: Grid = { name: 'Casuale', rows, merges: [] };
        const c = leggiCartella([g]);
        controllaCartella(c);
        schedePerCalcolo(c);
        for (const m of c.matrice) expect(m.heading.value.toUpperCase()).toContain("OBIETTIVO DELL'ORGANO POLITICO");
      }),
      { numRuns: 300 },
    );
  });
});
