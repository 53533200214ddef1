/**
 * The card reader: a Grid -> the OBIETTIVO GESTIONALE cards on it (Scheda[]).
 * One pass classifies every row (title, header label, section, data); cards are cut at titles
 * (or at a header label after a card's tables: a headerless card); each card is then read
 * section by section. Columns are found by header text, never by position. Never throws.
 */
import { cellText, toA1, rangeToA1, type Cell, type CellRange, type Grid } from '../grid';
import { FOGLIO_RIEPILOGO, FOGLIO_RILEVAZIONI } from '../testi/calcolo';
import { MSG_LETTORE } from '../testi/controlli';
import { parseDecimalIt } from '../valori';
import { matchNormalized, matchNormalizedExact, normalizeHead, normalizeLabel } from './labels';
import { parseIndex, parseItNumber, parsePartecipante, parsePeso } from './values';
import type {
  Annualita,
  Azione,
  ColKey,
  CriterioPesatura,
  Field,
  HeaderFields,
  Partecipante,
  Pesatura,
  RawField,
  RigaFinanziaria,
  RisorsaRiga,
  Scheda,
} from './types';

/** matchNormalized against several accepted spellings */
const matchAny = (n: string, ks: readonly string[]) => ks.some((k) => matchNormalized(n, k));

/** one non-empty cell of a row (the top-left cell of a merged area stands for the whole area) */
interface RowCell {
  c: number;
  /** last column covered (merged areas) */
  c2: number;
  text: string;
  norm: string;
  cell: Cell;
}

/** "STANZIAMENTO 2024" (also "STAZIONAMENTO 2024") */
function isStanziamento(x: RowCell): boolean {
  return x.text.length < 40 && /^sta\w*mento \d{4}$/.test(x.norm);
}

class LazyCell implements RowCell {
  private n: string | undefined;
  constructor(
    readonly c: number,
    readonly c2: number,
    readonly text: string,
    readonly cell: Cell,
  ) {}
  get norm(): string {
    if (this.n === undefined) this.n = normalizeHead(this.text);
    return this.n;
  }
}

type HeaderKey = Exclude<keyof HeaderFields, 'altreUnita' | 'unitaResponsabile'> | 'collegamento';

type RowKind =
  | { k: 'blank' }
  | { k: 'title' }
  | { k: 'piano' }
  | { k: 'livello' }
  | { k: 'risorse' }
  | { k: 'finanziaria' }
  | { k: 'pesatura' }
  | { k: 'unita' }
  | { k: 'header'; key: HeaderKey }
  | { k: 'data' };

/** sheets the add-in writes itself: never cards (its hidden ones start with '_', see isOwnSheet) */
const OWN_SHEETS = new Set([FOGLIO_RILEVAZIONI, FOGLIO_RIEPILOGO].map((n) => n.toLowerCase()));

const TITLE_RE = /^\S+ gestionale (\d{4}) (\d{2,4})(?: |$)/;

/** header labels: predicates on the normalised first cell of a row, in priority order */
const HEADER_LABELS: { key: HeaderKey; test: (n: string) => boolean }[] = [
  { key: 'lineaMandato', test: (n) => /^linea programmatica\b/.test(n) || matchNormalized(n, 'linea programmatica') },
  { key: 'collegamento', test: (n) => /^coll\w* al bilancio\b/.test(n) || matchNormalized(n, 'collegamento al bilancio') },
  { key: 'dupStrategica', test: (n) => /^(dup|dip|doc|dop|d u p)\b.{0,20}strateg/.test(n) },
  { key: 'dupOperativa', test: (n) => /^(dup|dip|doc|dop|d u p)\b.{0,20}operativ/.test(n) },
  { key: 'descrizione', test: (n) => /^ob+iett?ivo\b.{0,30}\bperformance\b/.test(n) || /^descrizione\b/.test(n) },
  { key: 'baseline', test: (n) => /\bbaseline\b|^situazione di partenza|\bbasante\b/.test(n) },
  { key: 'target', test: (n) => /\btarget\b/.test(n) || matchNormalized(n, 'traguardo atteso') },
  { key: 'stakeholder', test: (n) => /\bstakeholders?\b|^a chi e rivolto/.test(n) },
  { key: 'd222', test: (n) => /^r\w{0,2}spetto delle disposizioni|^normativa di riferimento/.test(n) || (/\b222\b/.test(n) && /^r/.test(n)) },
];

/** the right-hand header labels and how to cut them off a cell that also holds the value */
const RIGHT_LABELS: { key: 'dirigente' | 'posizioneOrganizzativa' | 'referente' | null; re: RegExp }[] = [
  { key: 'dirigente', re: /^\s*dirigen(?:te|za)\s+responsabil[ei]\b[\s.:\-–]*/i },
  { key: 'posizioneOrganizzativa', re: /^\s*posizione\s+organizzativ[ao]\b(?:\s+di)?(?:\s+rif(?:erimento)?\b\.?)?[\s.:\-–]*/i },
  { key: 'referente', re: /^\s*referente\s+organizzativ[ao]\b(?:\s+di)?(?:\s+rif(?:erimento)?\b\.?)?[\s.:\-–]*/i },
  // OCR-garbled labels ("Pubblico organizzativo d. n. l.", "Relazione organizzativa di sf."): role by row
  { key: null, re: /^\s*[a-zà-ù]+\s+organizzativ[ao]\b(?:\s+di)?(?:\s+(?:rif|sf)\b\.?)?(?:\s*d\.\s*n\.\s*l\.)?[\s.:\-–]*/i },
];

/** which right-hand label is expected on which left-hand row */
const RIGHT_BY_ROW: Partial<Record<HeaderKey, 'dirigente' | 'posizioneOrganizzativa' | 'referente'>> = {
  dupStrategica: 'dirigente',
  dupOperativa: 'posizioneOrganizzativa',
  descrizione: 'referente',
};

/** action-table header cells -> column keys */
function classifyActionHeader(text: string, norm: string): ColKey | null {
  const raw = text.trim();
  if (raw === '%' || norm === 'perc' || norm === 'percentuale') return 'percentuale';
  if (/^(n|nr|num|numero)$/.test(norm)) return 'n';
  if (matchNormalizedExact(norm, 'peso') || /^peso\b/.test(norm)) return 'peso';
  if (/^(azion[ei]|indicazione)$/.test(norm) || matchNormalizedExact(norm, 'azione')) return 'azione';
  if (matchNormalized(norm, 'tempi')) return 'tempi';
  if (matchNormalized(norm, 'indicatori') || norm === 'indicatore') return 'indicatori';
  if (matchAny(norm, ['atteso', 'attivo', 'risultato atteso', 'valore atteso'])) return 'atteso';
  if (matchNormalized(norm, 'graduazione')) return 'graduazione';
  if (matchNormalized(norm, 'raggiunto')) return 'raggiunto';
  return null;
}

const COL_NAMES: Record<ColKey, string> = {
  n: 'N.',
  peso: 'PESO',
  azione: 'AZIONE',
  tempi: 'TEMPI',
  indicatori: 'INDICATORI',
  atteso: 'ATTESO',
  graduazione: 'GRADUAZIONE',
  raggiunto: 'RAGGIUNTO',
  percentuale: '%',
};

/** looks like a graduation rule (used to spot one shifted into the RAGGIUNTO column) */
function looksLikeGraduation(s: string): boolean {
  return s.length >= 12 && /%|ritardo|\bgg\b|=/i.test(s) && /[a-z]{3}/i.test(s);
}

/** a short value such as "100,00%", "si", "3": what ATTESO holds, never a graduation */
function looksLikeShortValue(s: string): boolean {
  return s === '' || /^[\d\s.,%]+$/.test(s) || s.length <= 4;
}

/**
 * What a row's first cell says on its own (the same labels recur on every card of a workbook, so the answers are
 * kept): `section` is tested before the STANZIAMENTO columns, `other` after them.
 */
const labelKindCache = new Map<string, { section: RowKind | null; other: RowKind | null }>();

function labelKinds(first: string): { section: RowKind | null; other: RowKind | null } {
  const hit = labelKindCache.get(first);
  if (hit) return hit;
  let section: RowKind | null = null;
  if (matchNormalized(first, 'piano operativo')) section = { k: 'piano' };
  else if (matchNormalized(first, 'livello conseguimento') || matchNormalized(first, 'livello conseguito')) section = { k: 'livello' };
  else if (matchNormalized(first, 'risorse umane') || matchNormalized(first, 'personale coinvolto')) section = { k: 'risorse' };
  else if (matchNormalized(first, 'assegnazione finanziaria')) section = { k: 'finanziaria' };
  let other: RowKind | null = null;
  if (matchNormalizedExact(first, 'pesatura')) other = { k: 'pesatura' };
  else if (/\borganizzativa responsabile$/.test(first) || matchNormalized(first, 'unita organizzativa responsabile')) other = { k: 'unita' };
  else if (!/^\d/.test(first)) {
    const h = HEADER_LABELS.find((x) => x.test(first));
    if (h) other = { k: 'header', key: h.key };
  }
  const kinds = { section, other };
  if (first.length <= 200) {
    if (labelKindCache.size >= 4000) labelKindCache.clear();
    labelKindCache.set(first, kinds);
  }
  return kinds;
}

class SheetReader {
  private readonly rowCache = new Map<number, RowCell[]>();
  private readonly kindCache = new Map<number, RowKind>();
  /** merged areas by row */
  private readonly mergesByRow = new Map<number, CellRange[]>();
  readonly nRows: number;

  constructor(readonly g: Grid) {
    this.nRows = Array.isArray(g.rows) ? g.rows.length : 0;
    for (const m of Array.isArray(g.merges) ? g.merges : []) {
      if (!m || !(m.r2 >= m.r1) || !(m.c2 >= m.c1)) continue;
      const last = Math.min(m.r2, this.nRows - 1);
      for (let r = Math.max(0, m.r1); r <= last; r++) {
        let list = this.mergesByRow.get(r);
        if (!list) this.mergesByRow.set(r, (list = []));
        list.push(m);
      }
    }
  }

  cellAt(r: number, c: number): Cell | undefined {
    const row = this.g.rows[r];
    return Array.isArray(row) ? (row[c] ?? undefined) : undefined;
  }

  private mergeAt(r: number, c: number): CellRange | undefined {
    const list = this.mergesByRow.get(r);
    if (!list) return undefined;
    for (const m of list) if (c >= m.c1 && c <= m.c2) return m;
    return undefined;
  }

  /** the non-empty cells of a row, left to right, merged areas once */
  cells(r: number): RowCell[] {
    const hit = this.rowCache.get(r);
    if (hit) return hit;
    const out: RowCell[] = [];
    const row = this.g.rows[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const text = cellText(cell);
        if (!text) continue;
        const m = this.mergeAt(r, c);
        if (m && (m.r1 !== r || m.c1 !== c)) continue;
        out.push(new LazyCell(c, m ? m.c2 : c, text, cell));
      }
    }
    this.rowCache.set(r, out);
    return out;
  }

  /** (r, c) lies inside a merged area and is not its top-left cell */
  isHidden(r: number, c: number): boolean {
    const m = this.mergeAt(r, c);
    return !!m && (m.r1 !== r || m.c1 !== c);
  }

  /** the cell at (r, c) unless it is hidden inside a merged area */
  visible(r: number, c: number): Cell | undefined {
    const m = this.mergeAt(r, c);
    if (m && (m.r1 !== r || m.c1 !== c)) return undefined;
    return this.cellAt(r, c);
  }

  text(r: number, c: number | undefined): string {
    if (c === undefined) return '';
    const cell = this.visible(r, c);
    return cell ? cellText(cell) : '';
  }

  kind(r: number): RowKind {
    const hit = this.kindCache.get(r);
    if (hit) return hit;
    const k = this.classify(r);
    this.kindCache.set(r, k);
    return k;
  }

  private classify(r: number): RowKind {
    const cells = this.cells(r);
    if (cells.length === 0) return { k: 'blank' };
    const first = cells[0].norm;
    if (/^\d/.test(first)) {
      // data rows start with a number; a financial header may too ("3 | STANZIAMENTO 2023 …")
      return cells.some(isStanziamento) ? { k: 'finanziaria' } : { k: 'data' };
    }
    if (TITLE_RE.test(first) || (/^\S+ gestionale$/.test(first) && /^\d{4} \d{2,4}\b/.test(cells[1]?.norm ?? ''))) {
      return { k: 'title' };
    }
    const labels = labelKinds(first);
    if (labels.section) return labels.section;
    if (cells.some(isStanziamento) && !/^\d+$/.test(cells[1]?.norm ?? '')) {
      return { k: 'finanziaria' };
    }
    return labels.other ?? { k: 'data' };
  }

  lastColumn(r1: number, r2: number): number {
    let max = 0;
    for (let r = r1; r <= r2; r++) {
      const cs = this.cells(r);
      if (cs.length) max = Math.max(max, cs[cs.length - 1].c2);
    }
    return max;
  }
}

const SECTION_KINDS = new Set(['title', 'piano', 'livello', 'risorse', 'finanziaria', 'pesatura', 'unita', 'header']);

/** the marks of the COMUNE / INDIVIDUALE boxes in the title */
function readTipo(title: string): { tipo: 'comune' | 'individuale' | null; both: boolean } {
  const up = title.replace(/\s+/g, ' ');
  const iCom = up.search(/comune/i);
  const iInd = up.search(/individuale/i);
  if (iCom < 0 || iInd < 0 || iInd < iCom) return { tipo: null, both: false };
  const years = /\d{4}\s*[–—-]?\s*\d{2,4}/.exec(up);
  const start = years && (years.index ?? 0) < iCom ? (years.index ?? 0) + years[0].length : 0;
  const before = up.slice(start, iCom);
  const between = up.slice(iCom + 'comune'.length, iInd);
  const ticked = (s: string) => /(^|[^a-z])x($|[^a-z])|[☒☑✓✔■✗✘]|<input[^>]*\bchecked\b/i.test(s);
  const com = ticked(before);
  const ind = ticked(between);
  if (com && ind) return { tipo: null, both: true };
  return { tipo: com ? 'comune' : ind ? 'individuale' : null, both: false };
}

interface CardCut {
  start: number;
  end: number;
  titled: boolean;
}

/** cut the sheet into cards */
function cutCards(sr: SheetReader): CardCut[] {
  const cuts: CardCut[] = [];
  let seenTables = false;
  let lastNonBlank = -1;
  for (let r = 0; r < sr.nRows; r++) {
    const k = sr.kind(r);
    if (k.k === 'blank') continue;
    const startsHeaderless =
      k.k === 'header' &&
      (k.key === 'collegamento' || k.key === 'lineaMandato' || k.key === 'dupStrategica') &&
      (cuts.length === 0 || seenTables);
    if (k.k === 'title' || startsHeaderless || (k.k === 'piano' && cuts.length === 0)) {
      if (cuts.length) cuts[cuts.length - 1].end = lastNonBlank;
      cuts.push({ start: r, end: r, titled: k.k === 'title' });
      seenTables = false;
    }
    if (k.k === 'piano' || k.k === 'risorse' || k.k === 'pesatura' || k.k === 'finanziaria') seenTables = true;
    lastNonBlank = r;
  }
  if (cuts.length) cuts[cuts.length - 1].end = lastNonBlank;
  return cuts;
}

class CardReader {
  readonly s: Scheda;

  constructor(
    private readonly sr: SheetReader,
    private readonly cut: CardCut,
    index: number,
    private readonly previous: Scheda | null,
  ) {
    this.s = {
      sheet: sr.g.name ?? '',
      index,
      range: '',
      firstRow: cut.start,
      lastRow: cut.end,
      titolo: null,
      periodo: null,
      tipo: null,
      header: { altreUnita: [] },
      annualita: [],
      risorse: [],
      finanziaria: [],
      pesatura: null,
      problemi: [],
    };
  }

  read(): Scheda {
    const { sr, cut, s } = this;
    if (!cut.titled) {
      s.periodo = this.previous?.periodo ?? null;
      s.problemi.push(MSG_LETTORE.senzaTitolo(toA1(cut.start, 0), s.periodo));
    }
    let r = cut.start;
    while (r <= cut.end) {
      let next = r + 1;
      try {
        next = this.readRow(r) + 1;
      } catch (e) {
        s.problemi.push(MSG_LETTORE.erroreInterno(toA1(r, 0), e instanceof Error ? e.message : String(e)));
      }
      r = Math.max(next, r + 1);
    }
    const lastCol = sr.lastColumn(cut.start, cut.end);
    s.range = rangeToA1({ r1: cut.start, c1: 0, r2: cut.end, c2: lastCol });
    for (const a of s.annualita) a.anno = s.periodo ? s.periodo.from + a.n - 1 : null;
    return s;
  }

  /** reads the row (and the rows its section owns); returns the last row consumed */
  private readRow(r: number): number {
    const k = this.sr.kind(r);
    switch (k.k) {
      case 'title':
        this.readTitle(r);
        return r;
      case 'header':
        this.readHeader(r, k.key);
        return r;
      case 'unita':
        return this.readUnita(r);
      case 'piano':
        return this.readPiano(r);
      case 'risorse':
        return this.readRisorse(r);
      case 'finanziaria':
        return this.readFinanziaria(r);
      case 'pesatura':
        return this.readPesatura(r);
      default:
        return r;
    }
  }

  private field(r: number, c: number, text?: string): Field {
    return { value: text ?? this.sr.text(r, c), cell: toA1(r, c) };
  }

  private raw(r: number, c: number | undefined): RawField | null {
    if (c === undefined) return null;
    const cell = this.sr.visible(r, c);
    return { value: cell?.v ?? null, text: cell ? cellText(cell) : '', cell: toA1(r, c) };
  }

  /** a cell the add-in writes (RAGGIUNTO, %): none when it is hidden under a merge, with a note */
  private writable(r: number, c: number | undefined, colonna: string): RawField | null {
    if (c === undefined) return null;
    if (!this.sr.visible(r, c) && this.sr.isHidden(r, c)) {
      this.s.problemi.push(MSG_LETTORE.cellaNascosta(colonna, toA1(r, c)));
      return null;
    }
    return this.raw(r, c);
  }

  // ---- title and header ------------------------------------------------------------------

  private readTitle(r: number): void {
    const { s } = this;
    let cells = this.sr.cells(r);
    // two cards side by side: read the left one and say so (cards are meant to be stacked)
    const titles = cells.filter((x) => /GESTIONALE\s*\d{4}/i.test(x.text));
    if (titles.length > 1) {
      s.problemi.push(MSG_LETTORE.schedeAffiancate(titles.map((x) => toA1(r, x.c))));
      cells = cells.filter((x) => x.c < titles[1].c);
    }
    const joined = cells.map((x) => x.text).join(' ');
    s.titolo = { value: joined, cell: toA1(r, cells[0].c) };
    const m = /(\d{4})\s*[–—\-/]?\s*(\d{4}|\d{2})(?!\d)/.exec(joined);
    if (m) {
      const from = Number(m[1]);
      let to = Number(m[2]);
      if (m[2].length === 2) to = Math.floor(from / 100) * 100 + to;
      s.periodo = { from, to };
    } else s.problemi.push(MSG_LETTORE.periodoNonLetto(s.titolo.cell));
    const { tipo, both } = readTipo(joined);
    s.tipo = tipo;
    if (both) s.problemi.push(MSG_LETTORE.entrambeCaselle(s.titolo.cell));
    if (both || !tipo) s.tipoAmbiguo = both ? 'entrambe' : 'nessuna';
  }

  private readHeader(r: number, key: HeaderKey): void {
    const h = this.s.header;
    const cells = this.sr.cells(r);
    const values: RowCell[] = [];
    for (let i = 1; i < cells.length; i++) {
      const x = cells[i];
      const right = RIGHT_LABELS.find((l) => l.re.test(x.text));
      if (right) {
        const role = right.key ?? RIGHT_BY_ROW[key] ?? null;
        const rest = x.text.replace(right.re, '').trim();
        let value: Field | null = null;
        if (rest) value = { value: rest, cell: toA1(r, x.c) };
        else {
          const nx = cells[i + 1];
          if (nx && !RIGHT_LABELS.some((l) => l.re.test(nx.text))) {
            value = this.field(r, nx.c, nx.text);
            i++;
          }
        }
        if (role && value && !h[role]) h[role] = value;
        continue;
      }
      values.push(x);
    }
    if (key === 'collegamento') {
      const mis = values.find((x) => /^missione\b/.test(x.norm));
      const pro = values.find((x) => /^programma\b/.test(x.norm));
      const rest = values.filter((x) => x !== mis && x !== pro);
      const missione = mis ?? rest.shift();
      const programma = pro ?? rest.shift();
      if (missione && !h.missione) h.missione = this.field(r, missione.c, missione.text);
      if (programma && !h.programma) h.programma = this.field(r, programma.c, programma.text);
      return;
    }
    const v = values[0];
    if (v && !h[key]) h[key] = this.field(r, v.c, v.text);
  }

  /** UNITÀ ORGANIZZATIVA RESPONSABILE | Altra unità … ×4, values on the next non-blank row */
  private readUnita(r: number): number {
    const labels = this.sr.cells(r);
    const altreFrom = labels.length > 1 ? labels[1].c : labels[0].c2 + 1;
    let vr = r + 1;
    while (vr <= this.cut.end && vr <= r + 2 && this.sr.kind(vr).k === 'blank') vr++;
    if (vr > this.cut.end || this.sr.kind(vr).k !== 'data') return r;
    const h = this.s.header;
    for (const x of this.sr.cells(vr)) {
      const f = this.field(vr, x.c, x.text);
      if (x.c < altreFrom && !h.unitaResponsabile) h.unitaResponsabile = f;
      else h.altreUnita.push(f);
    }
    return vr;
  }

  // ---- PIANO OPERATIVO --------------------------------------------------------------------

  private readPiano(r: number): number {
    const { sr, s, cut } = this;
    const titleCell = sr.cells(r)[0];
    const m = /operativ\w*\s+(\d)\b/.exec(titleCell.norm) ?? /\b(\d)\s*(?:a\s+)?annualita/.exec(titleCell.norm);
    const n = m ? Number(m[1]) : s.annualita.length + 1;
    const ann: Annualita = {
      n,
      anno: null,
      titleCell: toA1(r, titleCell.c),
      headerRow: r,
      columns: {},
      azioni: [],
      range: '',
    };
    s.annualita.push(ann);
    // the header row: within the next rows, before any other section
    let hr = -1;
    for (let j = r + 1; j <= Math.min(cut.end, r + 4); j++) {
      const k = sr.kind(j).k;
      if (k === 'blank' || k === 'livello') continue;
      const keys = sr.cells(j).map((x) => classifyActionHeader(x.text, x.norm));
      if (keys.includes('peso') && (keys.includes('azione') || keys.includes('n'))) {
        hr = j;
        break;
      }
      if (SECTION_KINDS.has(k)) break;
    }
    if (hr < 0) {
      s.problemi.push(MSG_LETTORE.pianoSenzaIntestazione(n, ann.titleCell));
      return r;
    }
    ann.headerRow = hr;
    for (const x of sr.cells(hr)) {
      const key = classifyActionHeader(x.text, x.norm);
      if (key && ann.columns[key] === undefined) ann.columns[key] = x.c;
    }
    for (const key of ['azione', 'peso'] as const) {
      if (ann.columns[key] === undefined) s.problemi.push(MSG_LETTORE.colonnaMancante(n, COL_NAMES[key], toA1(hr, 0)));
    }
    const cols = ann.columns;
    let last = hr;
    let firstSlot = -1;
    let lastSlot = -1;
    for (let j = hr + 1; j <= cut.end; j++) {
      const k = sr.kind(j).k;
      if (k === 'blank') continue;
      if (k !== 'data') break;
      const nCell = cols.n !== undefined ? sr.visible(j, cols.n) : undefined;
      const idx = parseIndex(nCell);
      const pesoCell = cols.peso !== undefined ? sr.visible(j, cols.peso) : undefined;
      const pesoText = cols.peso !== undefined ? sr.text(j, cols.peso) : '';
      const azText = sr.text(j, cols.azione);
      if (idx === null && !azText && !pesoText) break;
      if (firstSlot < 0) firstSlot = j;
      lastSlot = last = j;
      const peso = pesoText && cols.peso !== undefined ? parsePeso(pesoCell, toA1(j, cols.peso)) : null;
      if (!pesoText && pesoCell?.formula && cols.peso !== undefined) {
        this.s.problemi.push(MSG_LETTORE.formulaSenzaRisultato(toA1(j, cols.peso)));
      }
      if (!azText && !peso) continue;
      const a: Azione = {
        n: idx,
        row: j,
        nCell: toA1(j, cols.n ?? 0),
        peso,
        azione: cols.azione !== undefined && azText ? this.field(j, cols.azione, azText) : null,
        tempi: this.raw(j, cols.tempi),
        indicatori: cols.indicatori !== undefined ? this.field(j, cols.indicatori) : null,
        atteso: this.raw(j, cols.atteso),
        graduazione: cols.graduazione !== undefined ? this.field(j, cols.graduazione) : null,
        raggiunto: this.writable(j, cols.raggiunto, 'RAGGIUNTO'),
        percentuale: this.writable(j, cols.percentuale, '%'),
      };
      this.fixShiftedGraduation(a, j);
      ann.azioni.push(a);
    }
    const used = Object.values(cols) as number[];
    const c1 = Math.min(...used);
    const c2 = Math.max(...used);
    ann.range = rangeToA1(
      firstSlot >= 0 ? { r1: firstSlot, c1, r2: lastSlot, c2 } : { r1: hr, c1, r2: hr, c2 },
    );
    return last;
  }

  /** a graduation typed one column to the right (into RAGGIUNTO): read it as the graduation */
  private fixShiftedGraduation(a: Azione, row: number): void {
    const r = a.raggiunto;
    if (!r || typeof r.value !== 'string' || !looksLikeGraduation(r.text)) return;
    const g = a.graduazione;
    if (g && !looksLikeShortValue(g.value)) return;
    if (g && g.value && a.atteso && !a.atteso.text) {
      const cell = this.sr.visible(row, this.s.annualita[this.s.annualita.length - 1].columns.graduazione ?? -1);
      a.atteso = { value: cell?.v ?? g.value, text: g.value, cell: g.cell };
    }
    a.graduazione = { value: r.text, cell: r.cell };
    this.s.problemi.push(MSG_LETTORE.graduazioneSpostata(r.cell));
  }

  // ---- RISORSE UMANE ----------------------------------------------------------------------

  private readRisorse(r: number): number {
    const { sr, s, cut } = this;
    let hr = -1;
    for (let j = r; j <= Math.min(cut.end, r + 4); j++) {
      const k = sr.kind(j).k;
      if (j > r && k !== 'blank' && k !== 'risorse' && k !== 'data') break;
      if (sr.cells(j).some((x) => /^(n|nr|num|numero)$/.test(x.norm))) {
        hr = j;
        break;
      }
    }
    if (hr < 0) {
      s.problemi.push(MSG_LETTORE.risorseSenzaIntestazione(toA1(r, 0)));
      return r;
    }
    let nCol = -1;
    let azCol = -1;
    let respCol = -1;
    for (const x of sr.cells(hr)) {
      if (nCol < 0 && /^(n|nr|num|numero)$/.test(x.norm)) nCol = x.c;
      else if (azCol < 0 && /^(azion[ei]|indicazione)$/.test(x.norm)) azCol = x.c;
      else if (respCol < 0 && matchNormalized(x.norm, 'responsabile')) respCol = x.c;
    }
    const firstPart = Math.max(nCol, azCol, respCol) + 1;
    let last = hr;
    for (let j = hr + 1; j <= cut.end; j++) {
      const k = sr.kind(j).k;
      if (k === 'blank') continue;
      if (k !== 'data') break;
      const idx = parseIndex(sr.visible(j, nCol));
      const az = azCol >= 0 ? sr.text(j, azCol) : '';
      const resp = respCol >= 0 ? sr.text(j, respCol) : '';
      last = j;
      if (idx === null && !az && !resp) continue; // e.g. the 1..10 row under a merged header
      const riga: RisorsaRiga = {
        n: idx,
        row: j,
        nCell: toA1(j, nCol),
        azione: az ? this.field(j, azCol, az) : null,
        responsabile: resp ? this.field(j, respCol, resp) : null,
        partecipanti: [],
      };
      if (riga.responsabile && /\d\s*%\s*$/.test(resp)) {
        riga.partecipanti.push(this.partecipante(resp, toA1(j, respCol)));
        s.problemi.push(MSG_LETTORE.responsabileConPercentuale(resp, riga.responsabile.cell));
        riga.responsabile = null;
      }
      for (const x of sr.cells(j)) {
        if (x.c >= firstPart) riga.partecipanti.push(this.partecipante(x.text, toA1(j, x.c)));
      }
      if (!riga.azione && !riga.responsabile && riga.partecipanti.length === 0) continue;
      s.risorse.push(riga);
    }
    return last;
  }

  private partecipante(text: string, cell: string): Partecipante {
    const { nome, percentuale } = parsePartecipante(text);
    return { text, nome, percentuale, cell };
  }

  // ---- ASSEGNAZIONE FINANZIARIA ---------------------------------------------------------

  private readFinanziaria(r: number): number {
    const { sr, s, cut } = this;
    let hr = r;
    const isYearRow = (j: number) => sr.cells(j).some((x) => /^sta\w*mento\b/.test(x.norm));
    if (!isYearRow(r) && r + 1 <= cut.end && isYearRow(r + 1)) hr = r + 1;
    const years: { c: number; anno: number | null }[] = [];
    let noteCol = -1;
    for (const x of sr.cells(hr)) {
      const m = /^sta\w*mento\b(?: (\d{4}))?/.exec(x.norm);
      if (m) years.push({ c: x.c, anno: m[1] ? Number(m[1]) : null });
      else if (x.norm === 'note') noteCol = x.c;
    }
    const firstYear = years.length ? years[0].c : Number.POSITIVE_INFINITY;
    let last = hr;
    for (let j = hr + 1; j <= cut.end; j++) {
      const k = sr.kind(j).k;
      if (k === 'blank') continue;
      if (k !== 'data') break;
      last = j;
      const cells = sr.cells(j);
      const pre = cells.filter((x) => x.c < firstYear && x.c !== noteCol);
      const cap = pre.length >= 2 ? pre.slice(1) : pre;
      const capitolo: Field = cap.length
        ? { value: cap.map((x) => x.text).join(' '), cell: toA1(j, cap[0].c) }
        : { value: '', cell: toA1(j, 0) };
      const riga: RigaFinanziaria = {
        capitolo,
        stanziamenti: years.map((y) => {
          const cell = sr.visible(j, y.c);
          const text = cell ? cellText(cell) : '';
          const value = typeof cell?.v === 'number' ? cell.v : text ? parseItNumber(text) : null;
          return { anno: y.anno, value, text, cell: toA1(j, y.c) };
        }),
        note: noteCol >= 0 && sr.text(j, noteCol) ? this.field(j, noteCol) : null,
      };
      s.finanziaria.push(riga);
    }
    return last;
  }

  // ---- PESATURA ---------------------------------------------------------------------------

  private readPesatura(r: number): number {
    const { sr, s, cut } = this;
    const pes: Pesatura = { criteri: [], totale: null };
    s.pesatura = pes;
    const isTotaleLabel = (x: RowCell) => /^pes\w* totale\b/.test(x.norm);
    let headerRow = -1;
    let totaleCol = -1;
    let criteriaRow = -1;
    let last = r;
    for (let j = r + 1; j <= Math.min(cut.end, r + 8); j++) {
      const k = sr.kind(j).k;
      if (k === 'blank') continue;
      if (k !== 'data' && k !== 'pesatura') break;
      const cells = sr.cells(j);
      last = j;
      if (cells.some((x) => matchNormalizedExact(x.norm, 'criterio'))) {
        headerRow = j;
        const t = cells.find(isTotaleLabel);
        if (t) totaleCol = t.c;
        continue;
      }
      if (isTotaleLabel(cells[0])) {
        // PESO TOTALE DELL'OBIETTIVO on its own row: the value is to its right
        const t = cells[0];
        const v = cells[1];
        pes.totale = v
          ? { value: numberOf(v), text: v.text, cell: toA1(j, v.c) }
          : { value: null, text: '', cell: toA1(j, t.c2 + 1) };
        continue;
      }
      if (criteriaRow >= 0) continue;
      criteriaRow = j;
      let current: { crit: CriterioPesatura; c2: number } | null = null;
      const named: { crit: CriterioPesatura; c2: number }[] = [];
      for (const x of cells) {
        const v = numberOf(x);
        if (v === null) {
          current = { crit: { nome: x.text, labelCell: toA1(j, x.c), peso: null, pesoText: '', cell: null }, c2: x.c2 };
          named.push(current);
          pes.criteri.push(current.crit);
        } else if (x.c === totaleCol) {
          pes.totale = { value: v, text: x.text, cell: toA1(j, x.c) };
        } else if (current && current.crit.peso === null) {
          current.crit.peso = v;
          current.crit.pesoText = x.text;
          current.crit.cell = toA1(j, x.c);
        } else if (!pes.totale) {
          pes.totale = { value: v, text: x.text, cell: toA1(j, x.c) };
        }
      }
      if (!pes.totale && totaleCol >= 0) pes.totale = { value: null, text: '', cell: toA1(j, totaleCol) };
      // an empty PESO cell right of a criterion, under a PESO header: where its weight goes
      for (const { crit, c2 } of named) {
        if (crit.cell || headerRow < 0) continue;
        const below = c2 + 1;
        if (/^pes/.test(normalizeLabel(sr.text(headerRow, below))) && !sr.text(j, below)) crit.cell = toA1(j, below);
      }
    }
    return last;
  }
}

function numberOf(x: RowCell): number | null {
  if (typeof x.cell.v === 'number' && Number.isFinite(x.cell.v)) return x.cell.v;
  return parseDecimalIt(x.text.trim().replace(/\s*%$/, ''));
}

/** every OBIETTIVO GESTIONALE card on one sheet, in order; never throws */
export function readSchede(grid: Grid): Scheda[] {
  const out: Scheda[] = [];
  try {
    if (!grid || !Array.isArray(grid.rows)) return out;
    const sr = new SheetReader(grid);
    const cuts = cutCards(sr);
    for (const cut of cuts) {
      const card = new CardReader(sr, cut, out.length + 1, out[out.length - 1] ?? null).read();
      if (isCard(card)) out.push(card);
      else if (out.length === 0 && cut.titled) out.push(card);
    }
  } catch {
    // the reader never throws: what was read so far is returned
  }
  return out;
}

/** a cut is a card when it has a title or something a card has */
function isCard(s: Scheda): boolean {
  if (s.titolo) return true;
  const h = s.header;
  const headerCount = Object.entries(h).filter(([k, v]) => k !== 'altreUnita' && v).length;
  return s.annualita.length > 0 || headerCount >= 2;
}

/** the add-in's own sheets (Rilevazioni, Riepilogo, and the hidden _… ones) hold no cards */
export function isOwnSheet(name: string): boolean {
  return name.startsWith('_') || OWN_SHEETS.has(name.trim().toLowerCase());
}

/** every card of a workbook, skipping the add-in's own sheets */
export function readWorkbook(grids: Grid[]): Scheda[] {
  const out: Scheda[] = [];
  if (!Array.isArray(grids)) return out;
  for (const g of grids) {
    const name = typeof g?.name === 'string' ? g.name : '';
    if (isOwnSheet(name)) continue;
    out.push(...readSchede(g));
  }
  return out;
}
