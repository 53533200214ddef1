/** helpers of the common summary: findings per card, levels per annualità from a compute's results */
import type { EsitoScheda } from '../calcolo';
import type { Finding } from '../controlli/types';
import type { Scheda } from '../scheda/types';
import type { CartaBase, LivelloAnno } from './types';

/** the findings that belong to a card: its sheet and position (or its sheet, when it is the sheet's only card) */
export function contaPer<C extends CartaBase>(carte: readonly C[], segnalazioni: readonly Finding[]): (c: C) => { errori: number; avvisi: number; info: number } {
  const perFoglio = new Map<string, number>();
  for (const c of carte) perFoglio.set(c.sheet, (perFoglio.get(c.sheet) ?? 0) + 1);
  return (c: C) => {
    const n = { errori: 0, avvisi: 0, info: 0 };
    for (const f of segnalazioni) {
      if (f.foglio !== c.sheet) continue;
      if (f.scheda === undefined ? perFoglio.get(c.sheet) !== 1 : f.scheda !== c.index) continue;
      if (f.gravita === 'errore') n.errori++;
      else if (f.gravita === 'avviso') n.avvisi++;
      else n.info++;
    }
    return n;
  };
}

/** "2024–2026", or "2024" for a single year */
export function periodoTesto(p: { from: number; to: number }): string {
  return p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`;
}

/** one annualità's level as a compute gave it */
function livelloDaEsito(e: EsitoScheda): LivelloAnno {
  return { anno: e.anno, valore: e.grado, parziale: e.rilevate < e.azioni.length, rilevate: e.rilevate, totale: e.azioni.length };
}

/** a card's levels per annualità: from the compute when there was one, else empty levels for its annualità */
export function livelliDa(s: Scheda, esiti?: readonly EsitoScheda[]): LivelloAnno[] {
  const mine = (esiti ?? []).filter((e) => e.foglio === s.sheet && e.scheda === s.index);
  if (mine.length) return mine.map(livelloDaEsito);
  return s.annualita
    .filter((a) => a.azioni.length > 0)
    .map((a) => ({ anno: a.anno, valore: null, parziale: true, rilevate: 0, totale: a.azioni.length }));
}

/** the one level of a card with a single annualità (fasi, matrice, progetti): from the compute when there was one, else empty */
export function livelloUnico(c: CartaBase, esiti: readonly EsitoScheda[] | undefined, anno: number | null, totale: number): LivelloAnno {
  const e = esiti?.find((x) => x.foglio === c.sheet && x.scheda === c.index);
  return e ? livelloDaEsito(e) : { anno, valore: null, parziale: true, rilevate: 0, totale };
}
