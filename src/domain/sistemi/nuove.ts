/**
 * Blank cards of every card system, and one per row of a list. Kept apart from the registry (index.ts), which reads,
 * checks and computes: the builders and the national Missioni/Programmi list are needed only to make cards, so the
 * task pane loads them with its Nuova scheda tab and not on its first paint.
 */
import { nomiPerTitoli } from '../modelli/nomi';
import { buildSchedaStandard } from '../modelli/standard';
import type { WritePlan } from '../plan';
import { NOME_FOGLIO_GESTIONALE, NOMI_SISTEMI } from '../testi/sistemi';
import { nuovaFasi } from './fasi/nuova';
import { nuovaMatrice } from './matrice/nuova';
import { nuovaProgetti } from './progetti/nuova';
import type { NomeSistema, NuovaScheda, OpzioniNuova } from './types';

function nuovaGestionale(opts: OpzioniNuova) {
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
}

const NUOVE: Record<NomeSistema, NuovaScheda> = {
  gestionale: nuovaGestionale,
  fasi: nuovaFasi,
  matrice: nuovaMatrice,
  progetti: nuovaProgetti,
};

const builderDi = (nome: string): NuovaScheda | null => (Object.hasOwn(NUOVE, nome) ? NUOVE[nome as NomeSistema] : null);

/** a blank card of the named system; null for an unknown name */
export function nuovaScheda(nome: string, opts: OpzioniNuova) {
  const b = builderDi(nome);
  return b ? b(opts) : null;
}

/**
 * one blank card of the named system per row of a list (`--elenco`, the pane's list), each on a sheet named after
 * its title (unique beside `existing`), its unit or service filled in; null for an unknown system
 */
export function schedeDaRighe(
  nome: string,
  righe: readonly { titolo: string; dirigente?: string; unita?: string }[],
  existing: Iterable<string>,
  periodo?: { from: number; to: number },
): WritePlan | null {
  const b = builderDi(nome);
  if (!b || !righe.length) return null;
  const nomi = nomiPerTitoli(righe.map((r) => r.titolo), existing, NOMI_SISTEMI[nome] ?? nome);
  const sheets = righe.map((r, i) =>
    b({
      nomeFoglio: nomi[i],
      ...(r.titolo.trim() ? { titolo: r.titolo.trim() } : {}),
      ...(r.dirigente ? { dirigente: r.dirigente } : {}),
      ...(r.unita ? { unita: r.unita } : {}),
      ...(periodo ? { periodo } : {}),
    }),
  );
  return { sheets, select: { sheet: sheets[0]!.name, range: 'A1' } };
}
