/**
 * Read Chiari's `progetti`: the projects table, found by its header whatever the typos (SOGGIA, IMPORTE,
 * MULTIPLOC.), its columns then read by content where the header lies (the seed's "TIPOLOGIA PROGETTO" holds the
 * time span); the fund stated in the sentence under the table (or a Fondo block); and the project cards
 * `PERFORMANCE 2024 - PROGETTO N. n`, one after another, "LABEL: value" in a cell (or the value in the next cell),
 * labels sometimes split over two rows, values sometimes on the rows below. Never throws.
 */
import { type Cell, type Grid, cellText, isEmptyCell, toA1 } from '../../grid';
import { editDistance, normalizeLabel } from '../../scheda/labels';
import type { Field, RawField } from '../../scheda/types';
import { CATEGORIE_PROGETTO, ETICHETTE_PROGETTI as E, MSG_PROGETTI_LETTORE } from '../../testi/progetti';
import { parseNumberIt } from '../../valori';
import type {
  ColonnaFuorviante,
  ColonnaProgetti,
  FondoDichiarato,
  IndicatoreProgetto,
  Numero,
  RigaProgetto,
  SchedaProgetto,
  TabellaProgetti,
} from './types';

const INTESTAZIONE_RE = /^\s*PERFORMANCE\s+(\d{4})?\s*[-–—]?\s*PROGETTO\s+N\.?\s*(\d+)/i;

/** a number from a cell: a real number, or Italian text ("4.193,23", "2,5", "100 %", "€ 15.000,00") */
export function numeroDi(cell: Cell | undefined, address: string): Numero | null {
  if (!cell || isEmptyCell(cell)) return null;
  const text = cellText(cell);
  if (typeof cell.v === 'number' && Number.isFinite(cell.v)) {
    const pct = (cell.f ?? '').includes('%');
    return { value: pct ? Math.round(cell.v * 1e8) / 1e6 : cell.v, text, cell: address };
  }
  return { value: numeroTesto(text), text, cell: address };
}

export function numeroTesto(text: string): number | null {
  const t = text.replace(/€|euro|%/gi, '').trim();
  return parseNumberIt(t);
}

function field(g: Grid, r: number, c: number | undefined): Field | null {
  if (c === undefined) return null;
  const t = cellText(g.rows[r]?.[c]);
  return t ? { value: t, cell: toA1(r, c) } : null;
}

function numero(g: Grid, r: number, c: number | undefined): Numero | null {
  return c === undefined ? null : numeroDi(g.rows[r]?.[c], toA1(r, c));
}

/* ------------------------------------------------------------------------------------------- the table */

const firstWord = (n: string) => n.split(' ')[0] ?? '';
const near = (w: string, k: string) => w.length >= 4 && editDistance(w, k, 2) <= (k.length > 6 ? 2 : 1);

/** what a header cell claims its column holds */
function colonnaDaIntestazione(text: string): ColonnaProgetti | null {
  const n = normalizeLabel(text);
  if (!n) return null;
  const w = firstWord(n);
  if (CATEGORIE_PROGETTO.filter((c) => n.includes(c.nome)).length >= 3) return 'categoria';
  if (w === 'progressivo' || n === 'n' || n === 'n progetto') return 'n';
  if (n.startsWith('n dip') || n.startsWith('numero dip')) return 'nDip';
  if (near(w, 'soglia')) return 'soglia';
  if (w === 'peso') return 'peso';
  if (near(w, 'coeff') || w.startsWith('coeff')) return 'coeff';
  if (w === 'totale') return 'totale';
  if (near(w, 'importo')) return 'importo';
  if (w === 'personale') return 'personale';
  if (w === 'titolo') return 'titolo';
  if (n.startsWith('tempi') || n.startsWith('periodo')) return 'periodo';
  if (n.startsWith('tipologia progetto num') || n.startsWith('settore') || n.startsWith('ambito')) return 'ambito';
  if (w === 'tipologia') return 'categoria';
  return null;
}

const AMBITO_RE = /^(GENERALE|INTERSETTORIALE|SETTORE)\b/i;
const ANNO_RE = /\b20\d\d\b/;

/** what a column's data cells hold, when the content says so clearly (≥ 60% of the filled cells) */
function colonnaDaContenuto(testi: string[]): ColonnaProgetti | null {
  const pieni = testi.filter((t) => t);
  if (pieni.length < 2) return null;
  const quota = (pred: (t: string) => boolean) => pieni.filter(pred).length / pieni.length;
  if (quota((t) => CATEGORIE_PROGETTO.some((c) => normalizeLabel(t) === c.nome)) >= 0.6) return 'categoria';
  if (quota((t) => AMBITO_RE.test(t)) >= 0.6) return 'ambito';
  const corti = quota((t) => t.length <= 70);
  if (corti >= 0.8 && quota((t) => ANNO_RE.test(t) && numeroTesto(t) === null) >= 0.6) return 'periodo';
  return null;
}

interface Intestazione {
  row: number;
  columns: Partial<Record<ColonnaProgetti, number>>;
  testi: Map<number, string>;
}

function trovaIntestazione(g: Grid): Intestazione | null {
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    const columns: Partial<Record<ColonnaProgetti, number>> = {};
    const testi = new Map<number, string>();
    row.forEach((cell, c) => {
      const t = cellText(cell);
      if (!t) return;
      testi.set(c, t);
      const k = colonnaDaIntestazione(t);
      if (k && columns[k] === undefined) columns[k] = c;
    });
    const chiave = (['peso', 'coeff', 'totale', 'importo', 'nDip', 'soglia'] as const).filter((k) => columns[k] !== undefined).length;
    if (chiave >= 4) return { row: r, columns, testi };
  }
  return null;
}

export function riconosciTabella(g: Grid): number[] {
  const h = g && Array.isArray(g.rows) ? trovaIntestazione(g) : null;
  return h ? [h.row] : [];
}

export function readTabellaProgetti(g: Grid): TabellaProgetti | null {
  if (!g || !Array.isArray(g.rows)) return null;
  const h = trovaIntestazione(g);
  if (!h) return null;
  const problemi: string[] = [];
  // the data rows: a whole number in the N. column (or the first column); blank rows are skipped, text ends the table
  const nCol = h.columns.n ?? 0;
  const dataRows: number[] = [];
  let r = h.row + 1;
  for (; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (row.every((c) => isEmptyCell(c))) continue;
    const n = numeroDi(row[nCol], toA1(r, nCol))?.value;
    if (n == null || !Number.isInteger(n) || n <= 0) break;
    dataRows.push(r);
  }
  // read by content where the header lies
  const columns = { ...h.columns };
  const fuorvianti: ColonnaFuorviante[] = [];
  const maxC = Math.max(0, ...[...h.testi.keys()], ...dataRows.map((dr) => (g.rows[dr] ?? []).length - 1));
  for (let c = 0; c <= maxC; c++) {
    const contenuto = colonnaDaContenuto(dataRows.map((dr) => cellText(g.rows[dr]?.[c])));
    if (!contenuto) continue;
    const dichiarata = colonnaDaIntestazione(h.testi.get(c) ?? '');
    if (dichiarata === contenuto) {
      columns[contenuto] = c;
      continue;
    }
    // the content wins: the column that claimed this content is not it
    if (columns[contenuto] !== undefined && columns[contenuto] !== c) {
      const altra = columns[contenuto]!;
      if (colonnaDaContenuto(dataRows.map((dr) => cellText(g.rows[dr]?.[altra]))) === contenuto) continue;
    }
    for (const k of Object.keys(columns) as ColonnaProgetti[]) if (columns[k] === c) delete columns[k];
    columns[contenuto] = c;
    const intestazione = h.testi.get(c);
    if (intestazione) fuorvianti.push({ colonna: contenuto, cell: toA1(h.row, c), intestazione });
  }
  const righe: RigaProgetto[] = dataRows.map((dr) => ({
    n: numero(g, dr, nCol)!.value as number,
    row: dr,
    ambito: field(g, dr, columns.ambito),
    titolo: field(g, dr, columns.titolo),
    periodo: field(g, dr, columns.periodo),
    soglia: numero(g, dr, columns.soglia),
    personale: field(g, dr, columns.personale),
    categoria: field(g, dr, columns.categoria),
    nDip: numero(g, dr, columns.nDip),
    peso: numero(g, dr, columns.peso),
    coeff: numero(g, dr, columns.coeff),
    totale: numero(g, dr, columns.totale),
    importo: numero(g, dr, columns.importo),
  }));
  for (const riga of righe)
    for (const k of ['soglia', 'nDip', 'peso', 'coeff', 'totale', 'importo'] as const) {
      const v = riga[k];
      if (v && v.value === null) problemi.push(MSG_PROGETTI_LETTORE.numeroIlleggibile(v.cell, v.text));
    }
  const lastRow = dataRows.length ? dataRows[dataRows.length - 1] : h.row;
  const fondo = fondoBlocco(g) ?? fondoTesto(g, lastRow + 1);
  return {
    sistema: 'progetti',
    tipo: 'tabella',
    sheet: g.name,
    index: 1,
    range: `${toA1(h.row, 0)}:${toA1(lastRow, maxC)}`,
    firstRow: h.row,
    lastRow,
    headerRow: h.row,
    columns,
    righe,
    fuorvianti,
    fondo,
    problemi,
  };
}

/* -------------------------------------------------------------------------------------------- the fund */

const EURO_RE = /€\s*([\d.]+,\d{2}|[\d.]+)/g;

/**
 * the sentence under the table: three amounts where the first is the sum of the other two are the whole fund, the
 * amount given to the projects and the reserve ("importo massimo di € 91.223,09 … finanziate per € 63.223,09 …
 * risorse per € 28.000,00")
 */
function fondoTesto(g: Grid, from: number): FondoDichiarato | null {
  for (let r = from; r < Math.min(g.rows.length, from + 8); r++) {
    for (let c = 0; c < (g.rows[r] ?? []).length; c++) {
      const t = cellText(g.rows[r]?.[c]);
      const importi = [...t.matchAll(EURO_RE)].map((m) => ({ value: parseNumberIt(m[1]), text: m[0], cell: toA1(r, c) }));
      for (let i = 0; i + 2 < importi.length; i++) {
        const [a, b, d] = importi.slice(i, i + 3);
        if (a.value !== null && b.value !== null && d.value !== null && Math.abs(a.value - b.value - d.value) < 0.005) {
          return { totale: a, assegnato: b, riserva: d, euroPunto: null, fonte: 'testo' };
        }
      }
    }
  }
  return null;
}

/** a Fondo block: label cells FONDO COMPLESSIVO / ASSEGNATO AI PROGETTI / RISERVA / EURO PER PUNTO, value on the right */
function fondoBlocco(g: Grid): FondoDichiarato | null {
  const out: FondoDichiarato = { totale: null, assegnato: null, riserva: null, euroPunto: null, fonte: 'blocco' };
  let found = false;
  const labels: [keyof Omit<FondoDichiarato, 'fonte'>, string][] = [
    ['totale', E.fondoTotale],
    ['assegnato', E.fondoAssegnato],
    ['riserva', E.fondoRiserva],
    ['euroPunto', E.fondoEuroPunto],
  ];
  g.rows.forEach((row, r) => {
    (row ?? []).forEach((cell, c) => {
      const n = normalizeLabel(cellText(cell));
      const hit = labels.find(([, l]) => n === normalizeLabel(l));
      if (!hit) return;
      for (let cc = c + 1; cc < Math.max(c + 4, (row ?? []).length); cc++) {
        const v = numeroDi(row?.[cc], toA1(r, cc));
        if (v) {
          out[hit[0]] = v;
          found = true;
          return;
        }
      }
    });
  });
  return found ? out : null;
}

/* ------------------------------------------------------------------------------------------- the cards */

type EtichettaScheda = 'tipologia' | 'titolo' | 'descrizione' | 'tempi' | 'fasi' | 'attivitaObiettivo' | 'indicatore' | 'quantita' | 'attivitaIndicatore' | 'percentuale' | 'soglia' | 'personale' | 'raggiunto' | 'livello';

const ETICHETTE_SCHEDA: [EtichettaScheda, string][] = (
  ['tipologia', 'titolo', 'descrizione', 'tempi', 'fasi', 'attivitaObiettivo', 'indicatore', 'quantita', 'attivitaIndicatore', 'percentuale', 'soglia', 'personale', 'raggiunto', 'livello'] as EtichettaScheda[]
).map((k) => [k, normalizeLabel(E[k])]);

interface Riga {
  row: number;
  cells: { c: number; text: string; cell: Cell | undefined }[];
}

function righeDi(g: Grid): Riga[] {
  return g.rows.map((row, r) => ({
    row: r,
    cells: (row ?? []).map((cell, c) => ({ c, text: cellText(cell), cell })).filter((x) => x.text),
  }));
}

/** "LABEL: value" → [label key, value, value column]; a label alone in its cell takes the next cell's value */
function etichettaDi(testo: string): { key: EtichettaScheda; resto: string } | null {
  const i = testo.indexOf(':');
  const testa = normalizeLabel(i >= 0 ? testo.slice(0, i) : testo);
  if (!testa) return null;
  for (const [key, l] of ETICHETTE_SCHEDA) if (testa === l) return { key, resto: i >= 0 ? testo.slice(i + 1).trim() : '' };
  return null;
}

/** a label split over two rows: the first row is the start of a label, with no colon */
function inizioEtichetta(testo: string): boolean {
  if (testo.includes(':')) return false;
  const n = normalizeLabel(testo);
  return n.length >= 12 && ETICHETTE_SCHEDA.some(([, l]) => l.startsWith(n) && l !== n);
}

export function riconosciSchede(g: Grid): number[] {
  if (!g || !Array.isArray(g.rows)) return [];
  const out: number[] = [];
  g.rows.forEach((row, r) => {
    const first = (row ?? []).find((c) => !isEmptyCell(c));
    if (first && INTESTAZIONE_RE.test(cellText(first))) out.push(r);
  });
  return out;
}

export function readSchedeProgetto(g: Grid): SchedaProgetto[] {
  const starts = riconosciSchede(g);
  if (!starts.length) return [];
  const righe = righeDi(g);
  return starts.map((start, i) => leggiScheda(g, righe, start, (starts[i + 1] ?? g.rows.length) - 1, i + 1));
}

function leggiScheda(g: Grid, righe: Riga[], start: number, end: number, index: number): SchedaProgetto {
  const head = righe[start].cells[0];
  const m = INTESTAZIONE_RE.exec(head.text);
  const s: SchedaProgetto = {
    sistema: 'progetti',
    tipo: 'scheda',
    sheet: g.name,
    index,
    range: '',
    firstRow: start,
    lastRow: start,
    numero: m ? Number(m[2]) : null,
    intestazione: { value: head.text, cell: toA1(start, head.c) },
    anno: m?.[1] ? Number(m[1]) : null,
    tipologia: null,
    titolo: null,
    tempi: null,
    indicatori: [],
    soglia: null,
    personale: null,
    problemi: [],
  };
  // the field being filled: continuation rows (no label) are appended to it
  let corrente: Field | null = null;
  let maxC = head.c;
  const ind = () => s.indicatori[s.indicatori.length - 1];
  for (let r = start + 1; r <= end; r++) {
    const riga = righe[r];
    if (!riga?.cells.length) continue;
    s.lastRow = r;
    maxC = Math.max(maxC, riga.cells[riga.cells.length - 1].c);
    let first = riga.cells[0];
    let testo = first.text;
    let rowUsed = r;
    // a label split over two rows (ATTIVITA' OPERATIVE … RAGGIUNGIMENTO / DELL'OBIETTIVO: …)
    if (inizioEtichetta(testo)) {
      let k = r + 1;
      while (k <= end && !righe[k]?.cells.length) k++;
      const next = righe[k]?.cells[0];
      if (next && etichettaDi(`${testo} ${next.text}`)) {
        testo = `${testo} ${next.text}`;
        first = next;
        rowUsed = k;
        r = k;
        s.lastRow = k;
      }
    }
    const et = etichettaDi(testo);
    if (!et) {
      if (/^[.\s]*$/.test(testo)) continue;
      if (corrente) corrente.value = `${corrente.value}\n${riga.cells.map((x) => x.text).join(' ')}`.trim();
      continue;
    }
    const riga2 = righe[rowUsed];
    const dopo = riga2.cells.find((x) => x.c > first.c);
    const valueCell = et.resto ? toA1(rowUsed, first.c) : dopo ? toA1(rowUsed, dopo.c) : toA1(rowUsed, first.c + 1);
    const value = et.resto || dopo?.text || '';
    const f: Field = { value, cell: valueCell };
    corrente = null;
    switch (et.key) {
      case 'tipologia':
        s.tipologia = f;
        corrente = f;
        break;
      case 'titolo':
        s.titolo = f;
        corrente = f;
        break;
      case 'tempi':
        s.tempi = f;
        break;
      case 'personale':
        s.personale = f;
        corrente = f;
        break;
      case 'indicatore':
        s.indicatori.push({ n: s.indicatori.length + 1, row: rowUsed, indicatore: f, quantita: null, attivita: null, percentuale: null, raggiunto: null, livello: null });
        corrente = f;
        break;
      case 'quantita':
        if (ind()) ind().quantita = f;
        corrente = f;
        break;
      case 'attivitaIndicatore':
        if (ind()) ind().attivita = f;
        corrente = f;
        break;
      case 'percentuale':
        if (ind()) ind().percentuale = numeroCampo(riga2, first, et.resto, rowUsed);
        break;
      case 'soglia':
        s.soglia = numeroCampo(riga2, first, et.resto, rowUsed);
        break;
      case 'raggiunto':
      case 'livello': {
        const i = ind();
        if (!i) break;
        const c = dopo?.c ?? first.c + 1;
        const cell = g.rows[rowUsed]?.[c];
        const raw: RawField = { value: cell?.v ?? null, text: cellText(cell), cell: toA1(rowUsed, c) };
        if (et.key === 'raggiunto') i.raggiunto = raw;
        else i.livello = raw;
        break;
      }
      default:
        break;
    }
  }
  s.range = `${toA1(start, 0)}:${toA1(s.lastRow, maxC)}`;
  return s;
}

function numeroCampo(riga: Riga, first: { c: number }, resto: string, r: number): Numero | null {
  if (resto) return { value: numeroTesto(resto), text: resto, cell: toA1(r, first.c) };
  const dopo = riga.cells.find((x) => x.c > first.c);
  return dopo ? numeroDi(dopo.cell, toA1(r, dopo.c)) : null;
}

export type { IndicatoreProgetto };
