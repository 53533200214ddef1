/** the fund's outcome in the Riepilogo: TIPO and STATO of the projects' rows, one row per sector and one for the fund */
import type { CalcolaOpts, CalcoloResult } from '../../calcolo';
import { riepilogoPlan } from '../../calcolo/riepilogo';
import type { RigaRiepilogo } from '../../calcolo/registro';
import { segnalazioniTesto } from '../../testi';
import { TESTI_PROGETTI_CALCOLO as T, TESTI_PROGETTI_FONDO as F } from '../../testi/progetti';
import { type EsitoFondo, esitoFondo } from './calcolo';
import type { CartaProgetti, SchedaProgetto, TabellaProgetti } from './types';

const STATO = { pagato: T.esito.pagato, 'non pagato': T.esito.nonPagato, 'in attesa': T.esito.inAttesa } as const;

export function conFondoProgetti<R extends CalcoloResult>(r: R, carte: readonly CartaProgetti[], opts: Pick<CalcolaOpts, 'now'>): R & { fondo: EsitoFondo | null } {
  const t = carte.find((c): c is TabellaProgetti => c.tipo === 'tabella');
  const schede = carte.filter((c): c is SchedaProgetto => c.tipo === 'scheda');
  if (!t) return { ...r, fondo: null };
  const fondo = esitoFondo(t, schede, r.schede);
  const perScheda = new Map(fondo.progetti.filter((p) => p.foglio).map((p) => [`${p.foglio}|${p.scheda}`, p]));
  const righe = r.riepilogo.righe.map((riga, i) => {
    const e = r.schede[i];
    const p = e ? perScheda.get(`${e.foglio}|${e.scheda}`) : undefined;
    return p ? { ...riga, tipo: T.tipoProgetto, stato: F.statoProgetto(STATO[p.stato], p.assegnato, p.soglia, p.mancante) } : riga;
  });
  const calcolatoIl = opts.now.toISOString();
  const riga = (obiettivo: string, tipo: string, progetti: number, decisi: number, g: { assegnato: number; pagato: number; nonPagato: number; inAttesa: number }, riserva?: number | null): RigaRiepilogo => ({
    foglio: t.sheet,
    obiettivo,
    dirigente: '',
    unita: '',
    tipo,
    anno: schede[0]?.anno ?? null,
    azioni: progetti,
    rilevate: decisi,
    grado: g.assegnato > 0 ? Math.round((g.pagato / g.assegnato) * 1e6) / 1e6 : null,
    stato: F.statoGruppo(g.assegnato, g.pagato, g.nonPagato, g.inAttesa, riserva),
    peso: null,
    segnalazioni: segnalazioniTesto(0, 0, 0),
    calcolatoIl,
  });
  const decisi = (settore?: string) => fondo.progetti.filter((p) => p.stato !== 'in attesa' && (settore === undefined || p.settore === settore)).length;
  const extra = [
    ...fondo.settori.map((s) => riga(T.rigaSettore(s.settore), T.tipoSettore, s.progetti, decisi(s.settore), s)),
    riga(T.rigaFondo, T.tipoFondo, fondo.progetti.length, decisi(), fondo.totale, fondo.totale.riserva),
  ];
  const tutte = [...righe, ...extra];
  const sheets = (r.plan.sheets ?? []).map((s) => (s.name === r.riepilogo.foglio ? riepilogoPlan(s.name, tutte) : s));
  return { ...r, plan: { ...r.plan, sheets }, riepilogo: { foglio: r.riepilogo.foglio, righe: tutte }, fondo };
}
