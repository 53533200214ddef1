/**
 * Read the generic template's cards (`matrice`) from a grid. A card opens with OBIETTIVO DELL'ORGANO POLITICO -
 * AMMINISTRATIVO and runs to the next one. Fields are found by their labels, wherever the export put the cells:
 * the value of a label is the next non-empty cell of its row. Tables (RISULTATO ATTESO, the PESO OBIETTIVO
 * matrix, Area/Settore) take their columns from their header rows, read again at every repeated header.
 * What cannot be read is noted with its cell, never guessed: a criterion row merged with the Alto/Medio/Basso
 * header has no readable mark; a row whose label sits one column left of the other criteria is shifted whole
 * (label and x together) and is read with that shift, noted. Never throws.
 */
import { type Cell, type Grid, cellText, toA1 } from '../../grid';
import type { Field, RawField } from '../../scheda/types';
import { parsePeso } from '../../scheda/values';
import { CRITERI_MATRICE, ETICHETTE_MATRICE as E, MSG_MATRICE_LETTORE as M } from '../../testi/matrice';
import { findNumberIt } from '../../valori';
import type { AreaMatrice, CartaMatrice, Criterio, CriterioLetto, Importo, IndicatoreMatrice, Rilevanza } from './types';

interface Part {
  text: string;
  c: number;
  cell: string;
  raw: Cell | undefined;
}

/** upper case, no accents, no apostrophe variants, single spaces */
export function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** the text starts with the label (as a whole word) */
function starts(text: string, label: string): boolean {
  const t = norm(text);
  const l = norm(label).replace(/:$/, '');
  return t === l || (t.startsWith(l) && /^[\s:.(0-9]/.test(t.slice(l.length)));
}

function partsOf(g: Grid, r: number): Part[] {
  const out: Part[] = [];
  (g.rows[r] ?? []).forEach((cell, c) => {
    const text = cellText(cell);
    if (text) out.push({ text, c, cell: toA1(r, c), raw: cell });
  });
  return out;
}

const field = (p: Part | undefined): Field | null => (p ? { value: p.text, cell: p.cell } : null);
const raw = (p: Part | undefined): RawField | null => (p ? { value: p.raw?.v ?? p.text, text: p.text, cell: p.cell } : null);

/** the part after the one with the label */
function after(parts: Part[], label: string): Part | undefined {
  const i = parts.findIndex((p) => starts(p.text, label));
  if (i < 0) return undefined;
  const next = parts[i + 1];
  // a value glued after the label in the same cell ("RESPONSABILE PRIMARIO: TUTTI")
  const rest = parts[i].text.slice(norm(label).length).replace(/^[\s:]+/, '');
  if (rest && norm(parts[i].text).startsWith(norm(label))) return { ...parts[i], text: rest };
  return next;
}

/** the rows where a card of the template opens */
export function riconosciMatrice(g: Grid): number[] {
  const out: number[] = [];
  for (let r = 0; r < (g?.rows?.length ?? 0); r++) {
    const first = partsOf(g, r)[0];
    if (first && starts(first.text, E.intestazione)) out.push(r);
  }
  return out;
}

const CRITERI_LABEL: [Criterio, string][] = Object.entries(CRITERI_MATRICE) as [Criterio, string][];

function criterioOf(text: string): Criterio | null {
  const t = norm(text);
  for (const [k, l] of CRITERI_LABEL) if (t === norm(l)) return k;
  return null;
}

const RILEVANZE: [Rilevanza, string][] = [
  ['alto', E.alto],
  ['medio', E.medio],
  ['basso', E.basso],
];

/** an amount after a RISORSE label: Excel's accounting "€ -" is zero */
function importo(parts: Part[]): Importo | null {
  if (!parts.length) return null;
  const last = parts[parts.length - 1];
  const text = parts.map((p) => p.text).join(' ').trim();
  if (typeof last.raw?.v === 'number') return { value: last.raw.v, text, cell: last.cell };
  if (/^[€\s]*-[\s-]*$/.test(text)) return { value: 0, text, cell: last.cell };
  return { value: findNumberIt(text.replace(/€/g, '')), text, cell: last.cell };
}

function readRisorse(parts: Part[], carta: CartaMatrice): void {
  const labels: [string, (ps: Part[]) => void][] = [
    [E.risorseProgramma, (ps) => (carta.risorseProgramma = importo(ps))],
    [E.risorseObiettivo, (ps) => (carta.risorseObiettivo = importo(ps))],
    [E.indice, (ps) => (carta.indice = raw(ps[0]))],
  ];
  let current: ((ps: Part[]) => void) | null = null;
  let acc: Part[] = [];
  for (const p of parts) {
    const l = labels.find(([label]) => starts(p.text, label));
    if (l) {
      current?.(acc);
      current = l[1];
      acc = [];
    } else acc.push(p);
  }
  current?.(acc);
}

type Sezione = 'testata' | 'indicatori' | 'pesatura' | 'risorse' | 'aree';

function leggiCarta(g: Grid, first: number, last: number, index: number): CartaMatrice {
  const head = partsOf(g, first)[0];
  const anno = /\b(20\d\d)\b/.exec(head.text);
  const carta: CartaMatrice = {
    sistema: 'matrice',
    sheet: g.name,
    index,
    range: `${toA1(first, 0)}:${toA1(last, Math.max(0, ...Array.from({ length: last - first + 1 }, (_, i) => (g.rows[first + i]?.length ?? 1) - 1)))}`,
    firstRow: first,
    lastRow: last,
    anno: anno ? Number(anno[1]) : null,
    heading: { value: head.text, cell: head.cell },
    numero: null,
    comune: null,
    cdr: null,
    responsabile: null,
    altriCdr: null,
    indirizzo: null,
    missione: null,
    programma: null,
    obiettivoGestionale: null,
    titolo: null,
    indicatori: [],
    pesoCell: null,
    esito: null,
    criteri: [],
    risorseProgramma: null,
    risorseObiettivo: null,
    indice: null,
    aree: [],
    problemi: [],
  };
  let sezione: Sezione = 'testata';
  let colInd: Record<string, number> = {};
  let anni: [number, number][] = [];
  let labelCol = 1;
  let esitoCol: number | null = null;
  let rilCol: Partial<Record<Rilevanza, number>> | null = null;
  let colAree: Record<string, number> = {};
  let area: AreaMatrice | null = null;
  const semplici: [keyof CartaMatrice, string][] = [
    ['comune', E.comune],
    ['indirizzo', E.indirizzo],
    ['missione', E.missione],
    ['programma', E.programma],
    ['obiettivoGestionale', E.obiettivoGestionale],
    ['titolo', E.titolo],
  ];
  for (let r = first + 1; r <= last; r++) {
    const parts = partsOf(g, r);
    if (!parts.length) continue;
    const key = parts[0].text;
    if (starts(key, E.performance)) {
      carta.numero = field(after(parts, E.numero));
      continue;
    }
    if (starts(key, E.cdr) && parts.some((p) => starts(p.text, E.responsabile))) {
      const cdr = parts[1] && !starts(parts[1].text, E.responsabile) ? parts[1] : undefined;
      carta.cdr = field(cdr);
      carta.responsabile = field(after(parts, E.responsabile));
      carta.altriCdr = field(after(parts, E.altriCdr));
      continue;
    }
    const semplice = semplici.find(([, l]) => starts(key, l));
    if (semplice && sezione === 'testata') {
      (carta as unknown as Record<string, Field | null>)[semplice[0]] = field(after(parts, semplice[1]));
      continue;
    }
    if (starts(key, E.risultato)) {
      sezione = 'indicatori';
      colInd = {};
      anni = [];
      for (const p of parts.slice(1)) {
        const t = norm(p.text);
        if (/^(19|20)\d\d$/.test(t)) anni.push([Number(t), p.c]);
        else for (const k of ['indicatore', 'descrizione', 'formula', 'target'] as const) if (t === norm(E[k]) && colInd[k] === undefined) colInd[k] = p.c;
      }
      continue;
    }
    if (starts(key, E.pesoObiettivo)) {
      sezione = 'pesatura';
      carta.pesoCell = parts[0].cell;
      const variabili = parts.find((p) => starts(p.text, E.variabili));
      if (variabili) labelCol = variabili.c;
      const esito = parts.find((p) => starts(p.text, E.esito));
      if (esito) {
        esitoCol = esito.c;
        const glued = esito.text.slice(E.esito.length).trim();
        if (glued) carta.esito = { value: findNumberIt(glued), text: glued, cell: esito.cell };
      }
      continue;
    }
    if (starts(key, E.risorseProgramma)) {
      sezione = 'risorse';
      readRisorse(parts, carta);
      continue;
    }
    if (starts(key, E.compilazione)) continue;
    if (starts(key, E.pianificazione)) {
      sezione = 'aree';
      continue;
    }
    if (starts(key, E.area)) {
      sezione = 'aree';
      colAree = {};
      for (const p of parts) {
        for (const k of ['area', 'contribuzione', 'pesoAssoluto', 'valoreAtteso', 'indicatoriMisurazione', 'esitoAtteso'] as const)
          if (colAree[k] === undefined && starts(p.text, E[k])) colAree[k] = p.c;
      }
      continue;
    }
    if (sezione === 'indicatori') leggiIndicatore(parts, r, carta, colInd, anni);
    else if (sezione === 'pesatura') {
      const ril = parts.filter((p) => RILEVANZE.some(([, l]) => norm(p.text) === norm(l)));
      const isHeader = ril.length >= 2;
      if (isHeader) rilCol = Object.fromEntries(ril.map((p) => [RILEVANZE.find(([, l]) => norm(p.text) === norm(l))![0], p.c]));
      if (esitoCol !== null && !carta.esito) {
        const e = parts.find((p) => p.c === esitoCol && findNumberIt(p.text) !== null);
        if (e) carta.esito = { value: typeof e.raw?.v === 'number' ? e.raw.v : findNumberIt(e.text), text: e.text, cell: e.cell };
      }
      const lp = parts.find((p) => criterioOf(p.text) !== null);
      if (lp) carta.criteri.push(leggiCriterio(parts, lp, r, labelCol, rilCol, isHeader, carta));
    } else if (sezione === 'aree') area = leggiArea(parts, r, carta, colAree, area);
  }
  return carta;
}

function leggiIndicatore(parts: Part[], r: number, carta: CartaMatrice, col: Record<string, number>, anni: [number, number][]): void {
  const at = (c: number | undefined) => (c === undefined ? undefined : parts.find((p) => p.c === c));
  const ind: IndicatoreMatrice = {
    n: carta.indicatori.length + 1,
    row: r,
    nome: field(at(col.indicatore)),
    descrizione: field(at(col.descrizione)),
    formula: field(at(col.formula)),
    target: raw(at(col.target)),
    storico: anni.flatMap(([anno, c]) => {
      const v = raw(at(c));
      return v ? [{ anno, valore: v }] : [];
    }),
  };
  carta.indicatori.push(ind);
}

function leggiCriterio(
  parts: Part[],
  lp: Part,
  r: number,
  labelCol: number,
  rilCol: Partial<Record<Rilevanza, number>> | null,
  isHeader: boolean,
  carta: CartaMatrice,
): CriterioLetto {
  const criterio = criterioOf(lp.text)!;
  const nome = CRITERI_MATRICE[criterio];
  const spostamento = Math.max(0, labelCol - lp.c);
  const out: CriterioLetto = { criterio, label: { value: lp.text, cell: lp.cell }, row: r, marche: [], leggibile: true, spostamento };
  if (isHeader) {
    out.leggibile = false;
    carta.problemi.push(M.marcaIllegibile(nome, lp.cell));
    return out;
  }
  if (!rilCol) {
    out.leggibile = false;
    carta.problemi.push(M.senzaIntestazione(carta.pesoCell ?? lp.cell));
    return out;
  }
  for (const p of parts) {
    if (!/^x$/i.test(p.text)) continue;
    const c = p.c + spostamento;
    const ril = (Object.entries(rilCol) as [Rilevanza, number][]).find(([, col]) => col === c)?.[0];
    if (!ril) continue;
    out.marche.push({ rilevanza: ril, cell: p.cell });
    if (spostamento) carta.problemi.push(M.rigaSpostata(nome, lp.cell, p.cell, RILEVANZE.find(([k]) => k === ril)![1]));
  }
  return out;
}

function leggiArea(parts: Part[], r: number, carta: CartaMatrice, col: Record<string, number>, prev: AreaMatrice | null): AreaMatrice | null {
  const at = (c: number | undefined) => (c === undefined ? undefined : parts.find((p) => p.c === c));
  const nomeCol = col.area ?? 0;
  const nome = at(nomeCol);
  // the blank card's TOTALE row below the areas is a total, not an area
  if (nome && norm(nome.text) === 'TOTALE') return prev;
  let area = prev;
  if (nome) {
    const contrib = at(col.contribuzione);
    area = {
      nome: { value: nome.text, cell: nome.cell },
      row: r,
      contribuzione: contrib ? parsePeso(contrib.raw, contrib.cell) : null,
      pesoAssoluto: raw(at(col.pesoAssoluto)),
      valoreAtteso: field(at(col.valoreAtteso)),
      indicatori: [],
      esiti: [],
    };
    carta.aree.push(area);
  }
  if (!area) return null;
  const ind = at(col.indicatoriMisurazione);
  if (ind) area.indicatori.push({ value: ind.text, cell: ind.cell });
  const es = at(col.esitoAtteso);
  if (es) area.esiti.push(raw(es)!);
  return area;
}

/** the template's cards of a grid, in order */
export function readCarteMatrice(g: Grid): CartaMatrice[] {
  if (!g || !Array.isArray(g.rows)) return [];
  const starts = riconosciMatrice(g);
  return starts.map((s, i) => {
    let last = (starts[i + 1] ?? g.rows.length) - 1;
    while (last > s && !partsOf(g, last).length) last--;
    return leggiCarta(g, s, last, i + 1);
  });
}
