/** the `progetti` card system (Chiari): projects table, project cards, productivity fund */
import type { EsitoScheda } from '../../calcolo';
import type { Finding } from '../../controlli/types';
import type { Grid } from '../../grid';
import { contaPer, livelloUnico } from '../sintesi';
import type { SintesiScheda, SistemaSchede } from '../types';
import { schedaDaProgetto, titoloProgetto } from './calcolo';
import { checkProgetti } from './checks';
import { readSchedeProgetto, readTabellaProgetti, riconosciSchede, riconosciTabella } from './reader';
import type { CartaProgetti, SchedaProgetto } from './types';

export { esitoFondo, progettoDi, schedaDaProgetto, type EsitoFondo, type EsitoProgetto, type EsitoSettore } from './calcolo';
export { checkProgetti, coeffDi, pesoCategoria, sogliaEffettiva } from './checks';
export { fondoDi, settoreDi, type FondoProgetti, type Quota } from './fondo';
export { readSchedeProgetto, readTabellaProgetti } from './reader';
export { esitoFondoDi, righeFondo, righeProgettiConFondo } from './riepilogo';
export type * from './types';

function leggiProgetti(g: Grid): CartaProgetti[] {
  const t = readTabellaProgetti(g);
  const schede = readSchedeProgetto(g);
  // on a sheet holding both, the cards are numbered after the table
  if (t) for (const s of schede) s.index += 1;
  return [...(t ? [t] : []), ...schede];
}

export const progetti: SistemaSchede<CartaProgetti> = {
  nome: 'progetti',
  riconosci: (g) => [...riconosciTabella(g), ...riconosciSchede(g)],
  leggi: leggiProgetti,
  controlla: checkProgetti,
  perCalcolo: (carte) => carte.filter((c): c is SchedaProgetto => c.tipo === 'scheda').map(schedaDaProgetto),
  sintesi(carte, segnalazioni: readonly Finding[], esiti?: readonly EsitoScheda[]): SintesiScheda[] {
    const conta = contaPer(carte, segnalazioni);
    return carte
      .filter((c): c is SchedaProgetto => c.tipo === 'scheda')
      .map((s) => ({
        sistema: 'progetti',
        foglio: s.sheet,
        scheda: s.index,
        cella: s.intestazione.cell,
        titolo: titoloProgetto(s),
        responsabile: null,
        servizio: s.tipologia?.value ?? null,
        periodo: s.tempi?.value ?? (s.anno ? `${s.anno}` : null),
        peso: null,
        livelli: [livelloUnico(s, esiti, s.anno, s.indicatori.length)],
        segnalazioni: conta(s),
      }));
  },
};
export { fondoJson, progettiJson, righeEsitoFondo, righeProgetti } from './json';
