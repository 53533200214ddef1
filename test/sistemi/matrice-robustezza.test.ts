/** the matrice reader and checks never throw, whatever the cells hold, and read no card without its heading */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controllaCartella, leggiCartella, schedePerCalcolo } from '../../src/domain/sistemi';
import { cellaCasuale, grigliaCasuale } from './casuale';

const testi = [
  "OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023", 'PERFORMANCE ORGANIZZATIVA', 'N.', 'CDR', 'RESPONSABILE PRIMARIO:',
  'RISULTATO ATTESO', 'indicatore', 'target', '2020', 'PESO OBIETTIVO', 'Variabili', 'Esito Pesatura', 'Esito Pesatura 14', 'Alto',
  'Medio', 'Basso', 'Importanza', 'Realizzabilità', 'x', 'X', 'RISORSE ASSEGNATE AL PROGRAMMA', '€', '-', 'RISORSE OBIETTIVO',
  'INDICE DI ASSORBIMENTO', '#DIV/0!', 'Area/Settore', '% di contribuzione', 'TOTALE', 'AMMINISTRATIVO', '25%', '', 'si',
];

describe('matrice: robustness', () => {
  it('never throws on random grids; every card starts at its heading', () => {
    fc.assert(
      fc.property(grigliaCasuale(cellaCasuale(testi, 'D29/B29'), 9), (g) => {
        const c = leggiCartella([g]);
        controllaCartella(c);
        schedePerCalcolo(c);
        for (const m of c.matrice) expect(m.heading.value.toUpperCase()).toContain("OBIETTIVO DELL'ORGANO POLITICO");
      }),
      { numRuns: 300 },
    );
  });
});
