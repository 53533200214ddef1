/**
 * `matrice` through the shared compute: each card becomes a card with one annualità whose actions are its
 * RISULTATO ATTESO indicators with a target, equally weighted (the template weighs the objective, not its
 * indicators). An indicator is judged against its target: a bare target (95%, 100%) is met when reached, read by
 * the graduation engine's `ruleFromTarget`; a yes/no target ("si") is levelled by hand. The objective's level is
 * the shared compute's; each area's contribution is that level × its % di contribuzione, partial while some
 * indicator is unmeasured.
 */
import type { EsitoScheda } from '../../calcolo';
import { formatNumberIt } from '../../grid';
import type { Azione, Peso, Scheda } from '../../scheda/types';
import { TESTI_MATRICE_CALCOLO as T } from '../../testi/matrice';
import { titoloMatrice } from './checks';
import type { CartaMatrice, IndicatoreMatrice } from './types';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** the target as the graduation engine reads it: a bare number or percentage is "at least" it */
export function testoTarget(ind: IndicatoreMatrice): string {
  const t = ind.target?.text.trim() ?? '';
  return /^\d+(?:[.,]\d+)?\s*%?$/.test(t) ? T.targetAlmeno(t) : t;
}

function azioneDi(ind: IndicatoreMatrice, peso: Peso): Azione {
  const nome = ind.nome ?? ind.descrizione ?? ind.formula ?? ind.target!;
  const t = ind.target!;
  return {
    n: ind.n,
    row: ind.row,
    nCell: nome.cell,
    peso,
    azione: { value: [ind.nome?.value, ind.descrizione?.value].filter(Boolean).join(' — ') || t.text, cell: nome.cell },
    tempi: null,
    indicatori: null,
    atteso: { value: t.value, text: testoTarget(ind), cell: t.cell },
    graduazione: null,
    raggiunto: null,
    percentuale: null,
  };
}

const DA_MATRICE = new WeakMap<Scheda, CartaMatrice>();

/** the matrix card a compute card was made from, if it was */
export function cartaMatriceDi(s: Scheda): CartaMatrice | undefined {
  return DA_MATRICE.get(s);
}

/** a card of the template as the shared compute's card */
export function schedaDaMatrice(c: CartaMatrice): Scheda {
  const conTarget = c.indicatori.filter((i) => i.target && i.target.text.trim());
  const quota = conTarget.length ? round6(100 / conTarget.length) : 0;
  const azioni = conTarget.map((ind) =>
    azioneDi(ind, { points: quota, raw: quota, text: formatNumberIt(quota, 2), forma: 'decimale', cell: ind.target!.cell }),
  );
  const titolo = titoloMatrice(c);
  const first = c.range.split(':')[0];
  const s: Scheda = {
    sheet: c.sheet,
    index: c.index,
    range: c.range,
    firstRow: c.firstRow,
    lastRow: c.lastRow,
    titolo: c.titolo,
    periodo: c.anno ? { from: c.anno, to: c.anno } : null,
    tipo: null,
    header: {
      descrizione: { value: titolo, cell: c.titolo?.cell ?? first },
      ...(c.responsabile ? { dirigente: c.responsabile } : {}),
      ...(c.cdr ? { unitaResponsabile: c.cdr } : {}),
      altreUnita: [],
    },
    annualita: [{ n: 1, anno: c.anno, titleCell: c.heading.cell, headerRow: c.firstRow, columns: {}, azioni, range: c.range }],
    risorse: [],
    finanziaria: [],
    pesatura: c.esito ? { criteri: [], totale: { value: c.esito.value, text: c.esito.text, cell: c.esito.cell } } : null,
    problemi: [...c.problemi],
  };
  DA_MATRICE.set(s, c);
  return s;
}

export interface ContributoArea {
  foglio: string;
  scheda: number;
  area: string;
  cella: string;
  /** 0..1: the area's % di contribuzione; null when unreadable */
  contribuzione: number | null;
  /** Esito Pesatura × % di contribuzione; null when either is missing */
  pesoAssoluto: number | null;
  /** the objective's level (0..1), null while nothing is measured */
  livello: number | null;
  /** livello × contribuzione: the area's share of the objective reached */
  contributo: number | null;
  parziale: boolean;
  rilevate: number;
  indicatori: number;
}

/** each area's weighted contribution to its objective, from the objective's level (pure) */
export function contributiAree(c: CartaMatrice, esito?: EsitoScheda): ContributoArea[] {
  const livello = esito?.grado ?? null;
  const indicatori = esito?.azioni.length ?? c.indicatori.filter((i) => i.target?.text.trim()).length;
  const rilevate = esito?.rilevate ?? 0;
  return c.aree.map((a) => {
    const p = a.contribuzione?.points;
    const quota = p == null ? null : p / 100;
    return {
      foglio: c.sheet,
      scheda: c.index,
      area: a.nome.value,
      cella: a.nome.cell,
      contribuzione: quota,
      pesoAssoluto: quota !== null && c.esito?.value != null ? round6(c.esito.value * quota) : null,
      livello,
      contributo: quota !== null && livello !== null ? round6(livello * quota) : null,
      parziale: !esito || esito.parziale || rilevate < indicatori,
      rilevate,
      indicatori,
    };
  });
}
