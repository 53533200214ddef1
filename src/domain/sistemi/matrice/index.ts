/** the `matrice` card system (the generic template's weighting matrix): recognise, read, check, compute, blank card, summary */
import type { EsitoScheda } from '../../calcolo';
import type { Finding } from '../../controlli/types';
import { contaPer, livelloUnico } from '../sintesi';
import type { SintesiScheda, SistemaSchede } from '../types';
import { schedaDaMatrice } from './calcolo';
import { checkMatrice, titoloMatrice } from './checks';
import { readCarteMatrice, riconosciMatrice } from './reader';
import type { CartaMatrice } from './types';

export { checkMatrice, esitoDaMarche, titoloMatrice } from './checks';
export { cartaMatriceDi, contributiAree, schedaDaMatrice, testoTarget, type ContributoArea } from './calcolo';
export { matriceJson, righeMatrice } from './json';
export { readCarteMatrice, riconosciMatrice } from './reader';
export type * from './types';
export { CRITERI, PUNTEGGI } from './types';

export const matrice: SistemaSchede<CartaMatrice> = {
  nome: 'matrice',
  riconosci: riconosciMatrice,
  leggi: readCarteMatrice,
  controlla: checkMatrice,
  perCalcolo: (carte) => carte.map(schedaDaMatrice),
  sintesi(carte, segnalazioni: readonly Finding[], esiti?: readonly EsitoScheda[]): SintesiScheda[] {
    const conta = contaPer(carte, segnalazioni);
    return carte.map((c) => {
      const totale = c.indicatori.filter((i) => i.target?.text.trim()).length;
      return {
        sistema: 'matrice',
        foglio: c.sheet,
        scheda: c.index,
        cella: c.titolo?.cell ?? c.heading.cell,
        titolo: titoloMatrice(c),
        responsabile: c.responsabile?.value ?? null,
        servizio: c.cdr?.value ?? null,
        periodo: c.anno ? `${c.anno}` : null,
        peso: c.esito?.value ?? null,
        livelli: [livelloUnico(c, esiti, c.anno, totale)],
        segnalazioni: conta(c),
      };
    });
  },
};
