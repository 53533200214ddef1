/**
 * The productivity fund of the projects table: the pools (projects sharing one €/point), the fixed amounts (an
 * IMPORTO without points, voted by the Giunta), the reserve, and every IMPORTO recomputed to the cent.
 * A pool is found from the written amounts: each IMPORTO with its TOTALE COEFF. allows an interval of €/point
 * (± half a cent); the €/point shared by most projects makes a pool, its amount the roundest one the interval
 * allows (13.000,00 rather than 12.999,99). A project whose amount misses its pool's €/point by a little is a slip
 * of that pool, not a pool of its own. A Fondo block that states the €/point or the amount to share overrides.
 */
import type { Numero, RigaProgetto, TabellaProgetti } from './types';

export interface Quota {
  /** 0-based, in the order of the projects */
  i: number;
  progetti: number[];
  punti: number;
  importo: number;
  euroPunto: number;
}

export interface ImportoProgetto {
  n: number;
  /** the recomputed amount, to the cent (null: no points and no amount) */
  atteso: number | null;
  scritto: Numero | null;
  /** index of its pool; null for a fixed amount */
  quota: number | null;
  fisso: boolean;
}

export interface FondoProgetti {
  quote: Quota[];
  importi: ImportoProgetto[];
  /** Σ fixed amounts */
  fissi: number;
  /** Σ pools + fixed amounts (the projects' recomputed shares may differ from it by rounding cents) */
  assegnato: number;
  /** the whole fund and the reserve as stated (text or Fondo block); the reserve computed when only the whole is stated */
  totale: number | null;
  riserva: number | null;
  /** the amount given to the projects as stated, when stated */
  assegnatoDichiarato: number | null;
}

export const round2 = (x: number) => Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;

const pos = (x: Numero | null) => (x?.value != null && x.value > 0 ? x.value : null);

interface Candidato {
  riga: RigaProgetto;
  lo: number;
  hi: number;
}

/** the point covered by most intervals, and the intervals covering it */
function piuCoperto(c: Candidato[]): Candidato[] {
  let best: Candidato[] = [];
  for (const a of c) {
    const x = a.lo;
    const cov = c.filter((b) => b.lo <= x + 1e-12 && b.hi >= x - 1e-12);
    if (cov.length > best.length) best = cov;
  }
  return best;
}

const zeri = (cents: number) => {
  let z = 0;
  for (let c = Math.abs(cents); c > 0 && c % 10 === 0 && z < 8; c /= 10) z++;
  return z;
};

/** a pool's share of a project, to the cent: importo × punti / Σ punti, computed in cents (no float drift) */
export function quotaProgetto(importo: number, punti: number, puntiQuota: number): number {
  return Math.round((Math.round(importo * 100) * punti) / puntiQuota) / 100;
}

/**
 * a pool's amount from its projects' written amounts: among the amounts that put every project within one cent,
 * the roundest, a project one cent off costing two zeros (13.000,00 with one slip beats 12.999,99 with none;
 * 35.223,09 exact beats 35.223,10 with a slip)
 */
function importoQuota(membri: { tot: number; cents: number }[], punti: number, stima: number): number {
  const lo = Math.max(...membri.map((m) => ((m.cents - 1.5) / m.tot) * punti));
  const hi = Math.min(...membri.map((m) => ((m.cents + 1.5) / m.tot) * punti));
  let best = { a: Math.round(stima * 100), score: -Infinity, dist: Infinity };
  const from = Math.ceil(lo);
  const to = Math.floor(hi);
  if (to - from > 5000) return round2(stima);
  for (let a = from; a <= to; a++) {
    let dev = 0;
    let ok = true;
    for (const m of membri) {
      const d = Math.abs(Math.round((a * m.tot) / punti) - m.cents);
      if (d > 1) ok = false;
      else if (d === 1) dev++;
    }
    if (!ok) continue;
    const score = zeri(a) - 2 * dev;
    const dist = Math.abs(a - stima * 100);
    if (score > best.score || (score === best.score && dist < best.dist)) best = { a, score, dist };
  }
  return best.a / 100;
}

export function fondoDi(t: TabellaProgetti): FondoProgetti {
  const righe = t.righe;
  const dich = t.fondo;
  const fisse = righe.filter((r) => pos(r.totale) === null && pos(r.importo) !== null);
  const fissi = round2(fisse.reduce((s, r) => s + (r.importo!.value as number), 0));
  const aPunti = righe.filter((r) => pos(r.totale) !== null);
  let quote: Quota[] = [];
  const euroDich = pos(dich?.euroPunto ?? null);
  const assegnatoDich = dich?.assegnato?.value ?? null;
  const puntiTutti = aPunti.reduce((s, r) => s + (r.totale!.value as number), 0);
  if (euroDich !== null) {
    quote = [{ i: 0, progetti: aPunti.map((r) => r.n), punti: puntiTutti, importo: round2(euroDich * puntiTutti), euroPunto: euroDich }];
  } else if (dich?.fonte === 'blocco' && assegnatoDich !== null && puntiTutti > 0) {
    const importo = round2(assegnatoDich - fissi);
    quote = [{ i: 0, progetti: aPunti.map((r) => r.n), punti: puntiTutti, importo, euroPunto: importo / puntiTutti }];
  } else {
    quote = quoteDagliImporti(aPunti);
  }
  const quotaDi = new Map<number, number>();
  for (const q of quote) for (const n of q.progetti) quotaDi.set(n, q.i);
  const importi: ImportoProgetto[] = righe.map((r) => {
    const q = quotaDi.get(r.n);
    if (q !== undefined && pos(r.totale) !== null)
      return { n: r.n, atteso: quotaProgetto(quote[q].importo, r.totale!.value as number, quote[q].punti), scritto: r.importo, quota: q, fisso: false };
    const f = pos(r.importo);
    return { n: r.n, atteso: f, scritto: r.importo, quota: null, fisso: f !== null };
  });
  const assegnato = round2(quote.reduce((s, q) => s + q.importo, fissi));
  const totale = dich?.totale?.value ?? null;
  const riserva = dich?.riserva?.value ?? (totale !== null ? round2(totale - assegnato) : null);
  return { quote, importi, fissi, assegnato, totale, riserva, assegnatoDichiarato: assegnatoDich };
}

function quoteDagliImporti(aPunti: RigaProgetto[]): Quota[] {
  let resto: Candidato[] = aPunti
    .filter((r) => pos(r.importo) !== null)
    .map((r) => {
      const tot = r.totale!.value as number;
      const v = r.importo!.value as number;
      return { riga: r, lo: (v - 0.005) / tot, hi: (v + 0.005) / tot };
    });
  const gruppi: Candidato[][] = [];
  const sciolti: Candidato[] = [];
  while (resto.length) {
    const g = piuCoperto(resto);
    if (g.length >= 2 || !gruppi.length) gruppi.push(g);
    else sciolti.push(...g);
    resto = resto.filter((c) => !g.includes(c));
  }
  const quote = gruppi.map((g) => ({ g, lo: Math.max(...g.map((c) => c.lo)), hi: Math.min(...g.map((c) => c.hi)) }));
  // a project a little off its pool's €/point (within 1%) is a slip of that pool; farther off, a pool of its own
  for (const c of sciolti) {
    const mid = (c.lo + c.hi) / 2;
    const near = quote
      .map((q) => ({ q, d: Math.abs(mid - (q.lo + q.hi) / 2) / ((q.lo + q.hi) / 2) }))
      .sort((a, b) => a.d - b.d)[0];
    if (near && near.d < 0.01) near.q.g.push(c);
    else quote.push({ g: [c], lo: c.lo, hi: c.hi });
  }
  const out = quote.map(({ g, lo, hi }) => {
    const punti = g.reduce((s, c) => s + (c.riga.totale!.value as number), 0);
    const membri = g.map((c) => ({ tot: c.riga.totale!.value as number, cents: Math.round((c.riga.importo!.value as number) * 100) }));
    const importo = importoQuota(membri, punti, ((lo + hi) / 2) * punti);
    return { progetti: g.map((c) => c.riga.n).sort((a, b) => a - b), punti, importo, euroPunto: importo / punti };
  });
  return out.sort((a, b) => a.progetti[0] - b.progetti[0]).map((q, i) => ({ i, ...q }));
}

/** the sector a project's money is counted in: GENERALE, INTERSETTORIALE or SETTORE n */
export function settoreDi(r: RigaProgetto): string {
  const t = (r.ambito?.value ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  const m = /^(GENERALE|INTERSETTORIALE|SETTORE\s*\d+)/.exec(t);
  return m ? m[1].replace(/SETTORE\s*/, 'SETTORE ') : t || '—';
}
