/** random cells for the card systems' robustness tests: a system's own labels among any text, numbers, dates, formulas */
import fc from 'fast-check';
import type { Cell, Grid } from '../../src/domain/grid';

export function cellaCasuale(etichette: string[], formula: string): fc.Arbitrary<Cell | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...etichette).map((t) => ({ v: t, t })),
    fc.string().map((t) => ({ v: t, t })),
    fc.double({ noNaN: false }).map((v) => ({ v, t: '', f: '0%' })),
    fc.date({ noInvalidDate: false }).map((v) => ({ v, t: '' })),
    fc.constant({ v: null, t: '', formula }),
  );
}

/** a random sheet of up to 40 rows of `colonne` cells */
export function grigliaCasuale(cella: fc.Arbitrary<Cell | undefined>, colonne: number): fc.Arbitrary<Grid> {
  return fc.array(fc.array(cella, { maxLength: colonne }), { maxLength: 40 }).map((rows) => ({ name: 'Casuale', rows, merges: [] }));
}
