/**
 * `gestionale`: Sarzana's OBIETTIVO GESTIONALE grid through the seam. It delegates to the existing modules
 * unchanged (scheda/ reads, controlli/ checks, calcolo/ computes; modelli/ makes the standard card, in nuove.ts).
 */
import type { EsitoScheda } from '../calcolo';
import { checkWorkbook } from '../controlli';
import type { Finding } from '../controlli/types';
import type { Grid } from '../grid';
import { readSchede } from '../scheda';
import { type Scheda, schedaLabel } from '../scheda/types';
import { contaPer, livelliDa } from './sintesi';
import type { SintesiScheda, SistemaSchede } from './types';

export const gestionale: SistemaSchede<Scheda> = {
  nome: 'gestionale',
  riconosci: (g: Grid) => {
    const schede = readSchede(g);
    return schede.map((s) => s.firstRow);
  },
  leggi: (g: Grid) => readSchede(g),
  controlla: (schede) => checkWorkbook(schede),
  perCalcolo: (schede) => schede,
  sintesi(schede, segnalazioni: readonly Finding[], esiti?: readonly EsitoScheda[]): SintesiScheda[] {
    const conta = contaPer(schede, segnalazioni);
    return schede.map((s) => ({
      sistema: 'gestionale',
      foglio: s.sheet,
      scheda: s.index,
      cella: s.range.split(':')[0],
      titolo: schedaLabel(s),
      responsabile: s.header.dirigente?.value ?? null,
      servizio: s.header.unitaResponsabile?.value ?? null,
      periodo: s.periodo ? `${s.periodo.from}–${s.periodo.to}` : null,
      peso: s.pesatura?.totale?.value ?? null,
      livelli: livelliDa(s, esiti),
      segnalazioni: conta(s),
    }));
  },

};
