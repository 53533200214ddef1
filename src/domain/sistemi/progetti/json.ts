/** the `schede` command's shapes for `progetti`: JSON of the table (with the fund) and of a card, text lines, the fund's outcome */
import type { Finding } from '../../controlli/types';
import { TESTI_CONTROLLA } from '../../testi/cli';
import { TESTI_CLI_PROGETTI as T, TESTI_PROGETTI_CALCOLO as TC } from '../../testi/progetti';
import { annualitaJson, noteESegnalazioni } from '../json';
import { type EsitoFondo, schedaDaProgetto, titoloProgetto } from './calcolo';
import { fondoDi, round2 } from './fondo';
import type { CartaProgetti, SchedaProgetto, TabellaProgetti } from './types';

export function fondoJson(t: TabellaProgetti) {
  const f = fondoDi(t);
  return {
    quote: f.quote.map((q) => ({ quota: TC.quota(q.i), progetti: q.progetti, punti: q.punti, importo: q.importo, euroPunto: Math.round(q.euroPunto * 1e6) / 1e6 })),
    fissi: f.fissi,
    assegnato: f.assegnato,
    totale: f.totale,
    riserva: f.riserva,
    importi: f.importi.map((x) => ({ n: x.n, scritto: x.scritto?.value ?? null, ricalcolato: x.atteso, quota: x.quota === null ? null : TC.quota(x.quota), fisso: x.fisso })),
  };
}

/** `controlla --json` for a projects table or a project card */
export function progettiJson(c: CartaProgetti) {
  if (c.tipo === 'tabella')
    return {
      sistema: 'progetti' as const,
      tipo: 'tabella' as const,
      foglio: c.sheet,
      scheda: c.index,
      titolo: null,
      periodo: null,
      annualita: [] as ReturnType<typeof annualitaJson>,
      progetti: c.righe.map((r) => ({
        n: r.n,
        settore: r.ambito?.value ?? null,
        titolo: r.titolo?.value ?? null,
        periodo: r.periodo?.value ?? null,
        soglia: r.soglia?.value ?? null,
        tipologia: r.categoria?.value ?? null,
        nDip: r.nDip?.value ?? null,
        peso: r.peso?.value ?? null,
        coeff: r.coeff?.value ?? null,
        totale: r.totale?.value ?? null,
        importo: r.importo?.value ?? null,
      })),
      fondo: fondoJson(c),
    };
  return {
    sistema: 'progetti' as const,
    tipo: 'scheda' as const,
    foglio: c.sheet,
    scheda: c.index,
    numero: c.numero,
    titolo: titoloProgetto(c),
    periodo: c.tempi?.value ?? null,
    soglia: c.soglia?.value ?? null,
    annualita: annualitaJson(schedaDaProgetto(c), true),
  };
}

const sommaPercentuali = (s: SchedaProgetto) => {
  const p = s.indicatori.filter((i) => i.percentuale?.value != null);
  return p.length ? round2(p.reduce((x, i) => x + (i.percentuale!.value as number), 0)) : null;
};

/** `controlla` text: the table with its fund, then one block per card with its findings; returns the findings shown */
export function righeProgetti(carte: readonly CartaProgetti[], findings: readonly Finding[]): { righe: string[]; mostrate: Set<Finding> } {
  const righe: string[] = [];
  const mostrate = new Set<Finding>();
  for (const c of carte) {
    if (c.tipo === 'tabella') {
      righe.push('', T.tabella(c.sheet, c.range, c.righe.length));
      const f = fondoDi(c);
      for (const q of f.quote) righe.push(T.quota(TC.quota(q.i), q.progetti, q.punti, q.importo, q.euroPunto));
      righe.push(T.fondo(f.assegnato, f.fissi, f.totale, f.riserva));
    } else {
      righe.push('', T.scheda(c.sheet, c.index, c.range, c.numero), TESTI_CONTROLLA.titolo(titoloProgetto(c)));
      righe.push(T.indicatori(c.indicatori.length, sommaPercentuali(c), c.soglia?.value ?? null));
    }
    righe.push(...noteESegnalazioni(c, findings, mostrate));
  }
  return { righe, mostrate };
}

/** `calcola` text: the fund's outcome per sector and in total, and what each project still needs */
export function righeEsitoFondo(f: EsitoFondo): string[] {
  const out = f.settori.map((s) => T.esitoSettore(s.settore, s.assegnato, s.pagato, s.nonPagato, s.inAttesa));
  out.push(T.esitoTotale(f.totale.pagato, f.totale.nonPagato, f.totale.inAttesa, f.totale.riserva));
  const stato = { pagato: TC.esito.pagato, 'non pagato': TC.esito.nonPagato, 'in attesa': TC.esito.inAttesa } as const;
  for (const p of f.progetti) if (p.soglia !== null && p.mancante !== null) out.push(T.manca(p.n, stato[p.stato], p.raggiunto, p.soglia, p.mancante));
  return out;
}
