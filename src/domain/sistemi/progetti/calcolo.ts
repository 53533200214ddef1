/**
 * `progetti` through the shared compute: each project card becomes a card with one annualità whose actions are its
 * indicators (PESO = PERCENTUALE PER VERIFICA; the rule from QUANTITA' when the engine can read a target there,
 * else achieved = 100% / not achieved = 0%). The card's level is then Σ PERCENTUALE of the achieved indicators.
 * The fund's outcome: a project's amount is paid when its level reaches its SOGLIA (the card's, else the table's);
 * allocated, paid, not paid, pending per project, per sector and in total, with the reserve.
 */
import type { EsitoScheda } from '../../calcolo';
import { ruleFromTarget } from '../../graduazione';
import type { Azione, Peso, Scheda } from '../../scheda/types';
import { TESTI_PROGETTI_CALCOLO as T } from '../../testi/progetti';
import { fondoDi, round2, settoreDi } from './fondo';
import type { IndicatoreProgetto, SchedaProgetto, TabellaProgetti } from './types';

function pesoDi(i: IndicatoreProgetto): Peso | null {
  const p = i.percentuale;
  if (!p) return null;
  const ok = p.value !== null && p.value >= 0 && p.value <= 100;
  return { points: p.value, raw: p.text, text: p.text, forma: ok ? 'testo-numero' : 'non-valido', cell: p.cell };
}

function azioneDi(s: SchedaProgetto, i: IndicatoreProgetto): Azione {
  const q = i.quantita?.value ?? '';
  const leggibile = q.trim() !== '' && ruleFromTarget(q, s.anno).kind !== 'manuale';
  return {
    n: i.n,
    row: i.row,
    nCell: i.indicatore.cell,
    peso: pesoDi(i),
    azione: i.indicatore,
    tempi: null,
    indicatori: null,
    atteso: i.quantita ? { value: i.quantita.value, text: i.quantita.value, cell: i.quantita.cell } : null,
    graduazione: leggibile ? null : { value: T.graduazioneSiNo, cell: i.percentuale?.cell ?? i.indicatore.cell },
    raggiunto: i.raggiunto,
    percentuale: i.livello,
  };
}

const DA_PROGETTI = new WeakMap<Scheda, SchedaProgetto>();

/** the project card a compute card was made from, if it was */
export function progettoDi(s: Scheda): SchedaProgetto | undefined {
  return DA_PROGETTI.get(s);
}

export function titoloProgetto(s: SchedaProgetto): string {
  const t = s.titolo?.value.trim();
  return t ? `${s.numero ?? s.index}. ${t}` : T.progettoSenzaTitolo(s.numero, s.sheet);
}

export function schedaDaProgetto(s: SchedaProgetto): Scheda {
  const titolo = titoloProgetto(s);
  const out: Scheda = {
    sheet: s.sheet,
    index: s.index,
    range: s.range,
    firstRow: s.firstRow,
    lastRow: s.lastRow,
    titolo: s.intestazione,
    periodo: s.anno ? { from: s.anno, to: s.anno } : null,
    tipo: null,
    header: {
      descrizione: { value: titolo, cell: s.titolo?.cell ?? s.intestazione.cell },
      ...(s.tipologia ? { unitaResponsabile: s.tipologia } : {}),
      altreUnita: [],
    },
    annualita: [
      {
        n: 1,
        anno: s.anno,
        titleCell: s.intestazione.cell,
        headerRow: s.firstRow,
        columns: {},
        azioni: s.indicatori.map((i) => azioneDi(s, i)),
        range: s.range,
      },
    ],
    risorse: [],
    finanziaria: [],
    pesatura: null,
    problemi: [...s.problemi],
  };
  DA_PROGETTI.set(out, s);
  return out;
}

export type StatoProgetto = 'pagato' | 'non pagato' | 'in attesa';

export interface EsitoProgetto {
  n: number;
  titolo: string;
  settore: string;
  /** the amount recomputed from the fund (the written one when fixed) */
  assegnato: number;
  soglia: number | null;
  /** Σ PERCENTUALE of the achieved indicators so far (0..100), null before any measurement */
  raggiunto: number | null;
  /** the most it can still reach: achieved + unmeasured indicators */
  massimo: number | null;
  parziale: boolean;
  stato: StatoProgetto;
  pagato: number;
  nonPagato: number;
  /** points of PERCENTUALE still missing to the soglia (0 when reached) */
  mancante: number | null;
  foglio: string | null;
  scheda: number | null;
}

export interface EsitoSettore {
  settore: string;
  progetti: number;
  assegnato: number;
  pagato: number;
  nonPagato: number;
  inAttesa: number;
}

export interface EsitoFondo {
  progetti: EsitoProgetto[];
  settori: EsitoSettore[];
  totale: { fondo: number | null; assegnato: number; pagato: number; nonPagato: number; inAttesa: number; riserva: number | null };
  euroPunto: { quota: string; progetti: number[]; punti: number; importo: number; euroPunto: number }[];
}

/**
 * the fund's outcome from the table, the cards and a compute's results (none: every project pending). A project
 * is paid when its achieved percentage reaches its soglia; not paid when even the unmeasured indicators could no
 * longer reach it; pending otherwise.
 */
export function esitoFondo(t: TabellaProgetti, schede: readonly SchedaProgetto[], esiti: readonly EsitoScheda[] = []): EsitoFondo {
  const fondo = fondoDi(t);
  const progetti: EsitoProgetto[] = t.righe.map((r) => {
    const s = schede.find((x) => x.numero === r.n);
    const e = s ? esiti.find((x) => x.foglio === s.sheet && x.scheda === s.index) : undefined;
    const assegnato = fondo.importi.find((x) => x.n === r.n)?.atteso ?? 0;
    const soglia = s?.soglia?.value ?? r.soglia?.value ?? null;
    let raggiunto: number | null = null;
    let massimo: number | null = null;
    let parziale = true;
    if (e) {
      const pesi = e.azioni.map((a) => ({ p: a.peso ?? 0, l: a.livello }));
      raggiunto = e.rilevate ? round2(pesi.reduce((x, a) => x + (a.l != null ? a.p * a.l : 0), 0)) : null;
      massimo = round2(pesi.reduce((x, a) => x + (a.l != null ? a.p * a.l : a.p), 0));
      parziale = e.parziale;
    }
    let stato: StatoProgetto = 'in attesa';
    if (soglia !== null && raggiunto !== null && raggiunto >= soglia - 1e-9) stato = 'pagato';
    else if (soglia !== null && massimo !== null && massimo < soglia - 1e-9) stato = 'non pagato';
    else if (soglia !== null && !parziale && raggiunto !== null) stato = 'non pagato';
    return {
      n: r.n,
      titolo: r.titolo?.value ?? s?.titolo?.value ?? '',
      settore: settoreDi(r),
      assegnato,
      soglia,
      raggiunto,
      massimo,
      parziale,
      stato,
      pagato: stato === 'pagato' ? assegnato : 0,
      nonPagato: stato === 'non pagato' ? assegnato : 0,
      mancante: soglia !== null ? round2(Math.max(0, soglia - (raggiunto ?? 0))) : null,
      foglio: s?.sheet ?? null,
      scheda: s?.index ?? null,
    };
  });
  const settori = new Map<string, EsitoSettore>();
  for (const p of progetti) {
    let g = settori.get(p.settore);
    if (!g) settori.set(p.settore, (g = { settore: p.settore, progetti: 0, assegnato: 0, pagato: 0, nonPagato: 0, inAttesa: 0 }));
    g.progetti++;
    g.assegnato = round2(g.assegnato + p.assegnato);
    g.pagato = round2(g.pagato + p.pagato);
    g.nonPagato = round2(g.nonPagato + p.nonPagato);
    if (p.stato === 'in attesa') g.inAttesa = round2(g.inAttesa + p.assegnato);
  }
  const somma = (k: 'pagato' | 'nonPagato') => round2(progetti.reduce((x, p) => x + p[k], 0));
  const inAttesa = round2(progetti.filter((p) => p.stato === 'in attesa').reduce((x, p) => x + p.assegnato, 0));
  return {
    progetti,
    settori: [...settori.values()],
    totale: { fondo: fondo.totale, assegnato: fondo.assegnato, pagato: somma('pagato'), nonPagato: somma('nonPagato'), inAttesa, riserva: fondo.riserva },
    euroPunto: fondo.quote.map((q) => ({ quota: T.quota(q.i), progetti: q.progetti, punti: q.punti, importo: q.importo, euroPunto: q.euroPunto })),
  };
}
