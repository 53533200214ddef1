/** the `fasi` card system (Tortona): recognise, read, check, compute, blank card, summary */
import type { EsitoScheda } from '../../calcolo';
import type { Finding } from '../../controlli/types';
import { contaPer, livelloUnico, periodoTesto } from '../sintesi';
import type { SintesiScheda, SistemaSchede } from '../types';
import { schedaDi } from './calcolo';
import { checkFasi, titoloObiettivo } from './checks';
import { readObiettiviFasi, riconosciFasi } from './reader';
import type { ObiettivoFasi } from './types';

export { checkFasi, gruppoDi, titoloObiettivo } from './checks';
export { livelliGruppi, obiettivoDi, schedaDi, type LivelloGruppo } from './calcolo';
export { readObiettiviFasi, riconosciFasi, settoreDi } from './reader';
export type * from './types';

export const fasi: SistemaSchede<ObiettivoFasi> = {
  nome: 'fasi',
  riconosci: riconosciFasi,
  leggi: readObiettiviFasi,
  controlla: checkFasi,
  perCalcolo: (obs) => obs.map(schedaDi),
  sintesi(obs, segnalazioni: readonly Finding[], esiti?: readonly EsitoScheda[]): SintesiScheda[] {
    const conta = contaPer(obs, segnalazioni);
    return obs.map((ob) => {
      const totale = ob.fasi.filter((f) => f.peso?.points != null && f.applicabile).length;
      const p = ob.periodo;
      return {
        sistema: 'fasi',
        foglio: ob.sheet,
        scheda: ob.index,
        cella: ob.titolo?.cell ?? ob.range.split(':')[0],
        titolo: titoloObiettivo(ob),
        responsabile: ob.centro?.dirigente?.value ?? null,
        servizio: ob.servizio?.nome ?? ([ob.centro?.codice, ob.centro?.nome].filter(Boolean).join(' ') || null),
        periodo: p ? periodoTesto(p) : null,
        peso: ob.peso?.points ?? null,
        livelli: [livelloUnico(ob, esiti, p?.from ?? null, totale)],
        segnalazioni: conta(ob),
      };
    });
  },
};
