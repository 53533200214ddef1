/**
 * `gestionale`: Sarzana's OBIETTIVO GESTIONALE grid through the seam. It delegates to the existing modules
 * unchanged (scheda/ reads, controlli/ checks, calcolo/ computes, modelli/ makes the standard card).
 */
import type { EsitoScheda } from '../calcolo';
import { checkWorkbook } from '../controlli';
import type { Finding } from '../controlli/types';
import type { Grid } from '../grid';
import { buildSchedaStandard } from '../modelli/standard';
import { readSchede } from '../scheda';
import { type Scheda, schedaLabel } from '../scheda/types';
import { NOME_FOGLIO_GESTIONALE } from '../testi/sistemi';
import { contaPer, livelliDa } from './sintesi';
import type { OpzioniNuova, SintesiScheda, SistemaSchede } from './types';

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
  nuova(opts: OpzioniNuova) {
    const y = new Date().getUTCFullYear();
    return buildSchedaStandard({
      nomeFoglio: opts.nomeFoglio ?? NOME_FOGLIO_GESTIONALE,
      periodo: opts.periodo ?? { from: y, to: y + 2 },
      tipo: 'individuale',
      ...(opts.titolo ? { titolo: opts.titolo } : {}),
      ...(opts.dirigente ? { dirigente: opts.dirigente } : {}),
      ...(opts.unita ? { unita: opts.unita } : {}),
      ...(opts.righe ? { azioniPerAnnualita: opts.righe } : {}),
    });
  },
};
