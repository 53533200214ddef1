/**
 * The fund's outcome in the Riepilogo: TIPO and STATO of the projects' rows, one row per sector and one for the fund.
 * Applied inside the compute (`opzioniCartella`), so the registry keeps these rows and an undo gives them back.
 */
import type { EsitoScheda } from '../../calcolo';
import type { RigaRiepilogo } from '../../calcolo/registro';
import { segnalazioniTesto } from '../../testi';
import { TESTI_PROGETTI_CALCOLO as T, TESTI_PROGETTI_FONDO as F } from '../../testi/progetti';
import { type EsitoFondo, esitoFondo } from './calcolo';
import type { CartaProgetti, SchedaProgetto, TabellaProgetti } from './types';

const STATO = { pagato: T.esito.pagato, 'non pagato': T.esito.nonPagato, 'in attesa': T.esito.inAttesa } as const;

/** the fund's outcome from a workbook's progetti cards and a compute's results; null without a projects table */
export function esitoFondoDi(carte: readonly CartaProgetti[], esiti: readonly EsitoScheda[]): EsitoFondo | null {
  const t = carte.find((c): c is TabellaProgetti => c.tipo === 'tabella');
  if (!t) return null;
  return esitoFondo(t, carte.filter((c): c is SchedaProgetto => c.tipo === 'scheda'), esiti);
}

/** the compute's rows (one per result, in order) with TIPO "progetto" and the money and what is missing in STATO */
export function righeProgettiConFondo(righe: RigaRiepilogo[], esiti: readonly EsitoScheda[], fondo: EsitoFondo): RigaRiepilogo[] {
  const perScheda = new Map(fondo.progetti.filter((p) => p.foglio).map((p) => [`${p.foglio}|${p.scheda}`, p]));
  return righe.map((riga, i) => {
    const e = esiti[i];
    const p = e ? perScheda.get(`${e.foglio}|${e.scheda}`) : undefined;
    return p ? { ...riga, tipo: T.tipoProgetto, stato: F.statoProgetto(STATO[p.stato], p.assegnato, p.soglia, p.mancante) } : riga;
  });
}

/** one row per sector and one for the whole fund (with its reserve), below every card's rows */
export function righeFondo(fondo: EsitoFondo, carte: readonly CartaProgetti[], calcolatoIl: string): RigaRiepilogo[] {
  const t = carte.find((c): c is TabellaProgetti => c.tipo === 'tabella');
  const schede = carte.filter((c): c is SchedaProgetto => c.tipo === 'scheda');
  const riga = (
    obiettivo: string,
    tipo: string,
    progetti: number,
    decisi: number,
    g: { assegnato: number; pagato: number; nonPagato: number; inAttesa: number },
    riserva?: number | null,
  ): RigaRiepilogo => ({
    foglio: t?.sheet ?? '',
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
  return [
    ...fondo.settori.map((s) => riga(T.rigaSettore(s.settore), T.tipoSettore, s.progetti, decisi(s.settore), s)),
    riga(T.rigaFondo, T.tipoFondo, fondo.progetti.length, decisi(), fondo.totale, fondo.totale.riserva),
  ];
}
