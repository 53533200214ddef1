/**
 * The built-in template "Obiettivo gestionale (standard)": Sarzana's OBIETTIVO GESTIONALE card with clean labels,
 * on 14 columns (A..N), as a SheetPlan both back ends apply.
 *
 * COMUNE/INDIVIDUALE: the title cell itself is the dropdown (two complete titles, "X COMUNE □ INDIVIDUALE" and
 * "□ COMUNE X INDIVIDUALE"). The reader and every existing Sarzana card carry the type in the title text, so the
 * card stays readable by the reader, by people and by older tools, while the choice is a click.
 */
import { colToLetters, toA1, type CellValue } from '../grid';
import { type CellStyle, type ConditionalFormatSpec, type DataValidationSpec, type SheetPlan, landscapeA4Print } from '../plan';
import { ETICHETTE_SCHEDA as E, TESTI_MODELLI as T } from '../testi/modelli';
import { FILL, SheetBuilder, STILE } from './sheetBuilder';
import { MISSIONI, missioniLabels, programmiLabels, testoMissione, testoProgramma } from './missioniProgrammi';

export type TipoScheda = 'comune' | 'individuale';

export interface ContenutoAzione {
  peso?: number | null;
  azione?: string;
  tempi?: CellValue;
  indicatori?: string;
  atteso?: CellValue;
  graduazione?: string;
  raggiunto?: CellValue;
  percentuale?: CellValue;
}

export interface ContenutoRisorsa {
  azione?: string;
  responsabile?: string;
  /** up to 10 texts like "Mario Rossi 30%" */
  partecipanti?: string[];
}

export interface ContenutoFinanziaria {
  capitolo?: string;
  /** one per year of the period, in order */
  stanziamenti?: CellValue[];
  note?: string;
}

/** everything a card can hold besides the options: used by Standardizza to carry a card's content over */
export interface ContenutoScheda {
  lineaMandato?: string;
  dupStrategica?: string;
  dupOperativa?: string;
  posizioneOrganizzativa?: string;
  referente?: string;
  baseline?: string;
  target?: string;
  stakeholder?: string;
  d222?: string;
  /** up to 4 */
  altreUnita?: string[];
  /** by annualità (index 0 = 1st), the action rows in order */
  annualita?: ContenutoAzione[][];
  risorse?: ContenutoRisorsa[];
  finanziaria?: ContenutoFinanziaria[];
  /** the four PESATURA criteria, in the standard order */
  pesatura?: (number | null)[];
}

export interface OpzioniScheda {
  nomeFoglio: string;
  periodo: { from: number; to: number };
  tipo: TipoScheda;
  /** the objective: goes in "Obiettivo gestionale di performance - Descrizione" */
  titolo?: string;
  dirigente?: string;
  unita?: string;
  missione?: string;
  programma?: string;
  /** 3..10, default 5 */
  azioniPerAnnualita?: number;
  /** 1..3, default 3 */
  annualita?: number;
  contenuto?: ContenutoScheda;
}

/** where things are on a standard card (0-based rows, A1 cells) */
export interface LayoutScheda {
  titolo: string;
  campi: Record<
    | 'missione'
    | 'programma'
    | 'lineaMandato'
    | 'dupStrategica'
    | 'dupOperativa'
    | 'dirigente'
    | 'posizioneOrganizzativa'
    | 'descrizione'
    | 'referente'
    | 'baseline'
    | 'target'
    | 'stakeholder'
    | 'd222'
    | 'unita',
    string
  >;
  altreUnita: string[];
  annualita: { n: number; anno: number; titleRow: number; headerRow: number; firstRow: number; lastRow: number; totale: string }[];
  risorse: { headerRow: number; firstRow: number; lastRow: number };
  finanziaria: { headerRow: number; firstRow: number; lastRow: number; anni: number[] };
  pesatura: { headerRow: number; row: number; pesi: string[]; totale: string };
  lastRow: number;
}

export const LISTE_FOGLIO = '_Liste';
export const NUM_COLONNE = 14;
const LAST = NUM_COLONNE - 1;

/** column spans (0-based, inclusive) */
const COL = {
  n: [0, 0],
  peso: [1, 1],
  azione: [2, 2],
  tempi: [3, 3],
  indicatori: [4, 5],
  atteso: [6, 7],
  graduazione: [8, 10],
  raggiunto: [11, 12],
  percentuale: [13, 13],
} as const;

const WIDTHS = [6, 9, 34, 15, 11, 11, 11, 11, 11, 11, 11, 11, 11, 14];

export const DATE_FMT = 'dd/mm/yyyy';
export const PERCENT_FMT = '0%';
export const EURO_FMT = '#,##0.00';

/**
 * TEMPI and ATTESO hold dates (shown dd/mm/yyyy) as often as text or numbers ("Entro l'anno 2024", 3):
 * the date format goes on dates only, since on a number it would show 3 as 02/01/1900. A date typed by hand
 * gets Excel's own (Italian) date format.
 */
function dateStyle(v: CellValue | undefined): CellStyle {
  return v instanceof Date ? { ...STILE.input, numFmt: DATE_FMT } : STILE.input;
}

export function clampInt(v: number | undefined, min: number, max: number, dflt: number): number {
  if (v === undefined || !Number.isFinite(v)) return dflt;
  return Math.min(max, Math.max(min, Math.round(v)));
}

export function titoloScheda(from: number, to: number, tipo: TipoScheda): string {
  return E.titolo(from, to, tipo);
}

/** the years of the period, at most 3 (STANZIAMENTO columns) */
export function anniPeriodo(p: { from: number; to: number }): number[] {
  const from = Math.round(p.from);
  const to = Math.max(from, Math.min(from + 2, Math.round(p.to)));
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** PESO cells: whole points 0–100, with the prompt and error message */
export function validazionePeso(range: string): DataValidationSpec {
  return { range, type: 'whole', min: 0, max: 100, promptTitle: T.pesoTitolo, prompt: T.pesoPrompt, errorTitle: T.pesoTitolo, error: T.pesoErrore };
}

/** the title cell: a dropdown of the two titles (COMUNE ticked, INDIVIDUALE ticked) for the period; other text allowed */
export function validazioneTitolo(range: string, periodo: { from: number; to: number }): DataValidationSpec {
  return {
    range,
    type: 'list',
    list: [titoloScheda(periodo.from, periodo.to, 'comune'), titoloScheda(periodo.from, periodo.to, 'individuale')],
    allowOther: true,
    promptTitle: T.tipoTitolo,
    prompt: T.tipoPrompt,
    errorTitle: T.tipoTitolo,
    error: T.tipoErrore,
  };
}

export function buildSchedaStandard(opts: OpzioniScheda): SheetPlan {
  return layoutSchedaStandard(opts).plan;
}

export function layoutSchedaStandard(opts: OpzioniScheda): { plan: SheetPlan; layout: LayoutScheda } {
  const content = opts.contenuto ?? {};
  const nAnn = clampInt(opts.annualita, 1, 3, 3);
  const needed = Math.max(0, ...(content.annualita ?? []).map((a) => a.length), (content.risorse ?? []).length);
  const nAz = Math.max(clampInt(opts.azioniPerAnnualita, 3, 10, 5), needed);
  const { from } = opts.periodo;
  const anni = anniPeriodo(opts.periodo);
  const b = new SheetBuilder(WIDTHS);
  const validations: DataValidationSpec[] = [];
  const cfs: ConditionalFormatSpec[] = [];
  const heights: Record<number, number> = {};
  const input = STILE.input;
  const s = (v: string | undefined) => (v && v.trim() ? v : undefined);

  // 1. title: the COMUNE/INDIVIDUALE dropdown
  let r = 0;
  const titolo = b.put(r, 0, LAST, titoloScheda(from, opts.periodo.to, opts.tipo), STILE.titolo);
  validations.push(validazioneTitolo(titolo, { from, to: opts.periodo.to }));
  heights[r + 1] = 30;

  // 2. header fields
  r = 1;
  b.put(r, 0, 2, E.collegamento, STILE.etichetta);
  const missione = b.put(r, 3, 7, testoMissione(opts.missione), input);
  const programma = b.put(r, 8, LAST, testoProgramma(opts.programma), input);
  const nProg = MISSIONI.reduce((n, m) => n + m.programmi.length, 0);
  validations.push(
    {
      range: missione,
      type: 'list',
      listSource: `'${LISTE_FOGLIO}'!$A$2:$A$${1 + MISSIONI.length}`,
      allowOther: true,
      promptTitle: T.missioneTitolo,
      prompt: T.missionePrompt,
      errorTitle: T.missioneTitolo,
      error: T.missioneErrore,
    },
    {
      range: programma,
      type: 'list',
      listSource: `'${LISTE_FOGLIO}'!$B$2:$B$${1 + nProg}`,
      allowOther: true,
      promptTitle: T.programmaTitolo,
      prompt: T.programmaPrompt,
      errorTitle: T.programmaTitolo,
      error: T.programmaErrore,
    },
  );
  heights[r + 1] = 30;

  const full = (row: number, label: string, value: string | undefined, h: number): string => {
    b.put(row, 0, 2, label, STILE.etichetta);
    heights[row + 1] = h;
    return b.put(row, 3, LAST, value, input);
  };
  const split = (row: number, label: string, value: string | undefined, label2: string, value2: string | undefined, h: number) => {
    b.put(row, 0, 2, label, STILE.etichetta);
    const left = b.put(row, 3, 8, value, input);
    b.put(row, 9, 10, label2, STILE.etichetta);
    const right = b.put(row, 11, LAST, value2, input);
    heights[row + 1] = h;
    return [left, right] as const;
  };
  const lineaMandato = full(2, E.lineaMandato, s(content.lineaMandato), 30);
  const [dupStrategica, dirigente] = split(3, E.dupStrategica, s(content.dupStrategica), E.dirigente, s(opts.dirigente), 45);
  const [dupOperativa, posizioneOrganizzativa] = split(
    4,
    E.dupOperativa,
    s(content.dupOperativa),
    E.posizioneOrganizzativa,
    s(content.posizioneOrganizzativa),
    45,
  );
  const [descrizione, referente] = split(5, E.descrizione, s(opts.titolo), E.referente, s(content.referente), 60);
  const baseline = full(6, E.baseline, s(content.baseline), 45);
  const target = full(7, E.target, s(content.target), 45);
  const stakeholder = full(8, E.stakeholder, s(content.stakeholder), 30);
  const d222 = full(9, E.d222, content.d222 ?? E.d222Testo, 48);

  // unità organizzativa: responsible + 4 others
  r = 10;
  const unitSpans: [number, number][] = [
    [3, 4],
    [5, 7],
    [8, 10],
    [11, 13],
  ];
  b.put(r, 0, 2, E.unitaResponsabile, STILE.intestazione);
  for (const [c1, c2] of unitSpans) b.put(r, c1, c2, E.altraUnita, STILE.intestazione);
  heights[r + 1] = 30;
  const unita = b.put(r + 1, 0, 2, s(opts.unita), input);
  const altreUnita = unitSpans.map(([c1, c2], i) => b.put(r + 1, c1, c2, s(content.altreUnita?.[i]), input));
  heights[r + 2] = 36;

  // 3. PIANO OPERATIVO per annualità
  r = 12;
  const annualita: LayoutScheda['annualita'] = [];
  for (let a = 0; a < nAnn; a++) {
    const anno = from + a;
    const titleRow = r;
    const headerRow = r + 1;
    const firstRow = r + 2;
    const lastRow = firstRow + nAz - 1;
    b.put(titleRow, 0, 5, E.pianoOperativo(a + 1), STILE.sezione);
    b.put(titleRow, 6, 7, E.anno(anno), { ...STILE.sezione, hAlign: 'center' });
    b.put(titleRow, 8, 9, E.totalePeso, { ...STILE.sezione, hAlign: 'right', fontSize: 9 });
    const pesi = `B${firstRow + 1}:B${lastRow + 1}`;
    const abs = `$B$${firstRow + 1}:$B$${lastRow + 1}`;
    const totale = b.put(titleRow, 10, 10, { formula: `IF(COUNT(${pesi})=0,"",SUM(${pesi}))` }, STILE.calcolo);
    b.put(titleRow, 11, LAST, E.livello, { ...STILE.sezione, hAlign: 'center' });
    heights[titleRow + 1] = 24;
    E.colonne.forEach((label, i) => {
      const [c1, c2] = Object.values(COL)[i];
      b.put(headerRow, c1, c2, label, STILE.intestazione);
    });
    heights[headerRow + 1] = 20;
    const rows = content.annualita?.[a] ?? [];
    for (let k = 0; k < nAz; k++) {
      const row = firstRow + k;
      const az = rows[k] ?? {};
      b.put(row, ...COL.n, k + 1, { ...STILE.etichetta, hAlign: 'center', vAlign: 'top' });
      b.put(row, ...COL.peso, az.peso ?? undefined, { ...input, hAlign: 'center', numFmt: '0' });
      b.put(row, ...COL.azione, s(az.azione), input);
      b.put(row, ...COL.tempi, az.tempi ?? undefined, dateStyle(az.tempi));
      b.put(row, ...COL.indicatori, s(az.indicatori), input);
      b.put(row, ...COL.atteso, az.atteso ?? undefined, dateStyle(az.atteso));
      b.put(row, ...COL.graduazione, s(az.graduazione), input);
      b.put(row, ...COL.raggiunto, az.raggiunto ?? undefined, input);
      b.put(row, ...COL.percentuale, az.percentuale ?? undefined, { ...input, hAlign: 'center', numFmt: PERCENT_FMT });
      heights[row + 1] = 48;
    }
    validations.push(validazionePeso(pesi));
    const wrong = `AND(COUNT(${abs})>0,SUM(${abs})<>100)`;
    const right = `AND(COUNT(${abs})>0,SUM(${abs})=100)`;
    cfs.push(
      { range: totale, type: 'expression', formula: wrong, fill: FILL.rosso, fontColor: FILL.rossoTesto },
      { range: totale, type: 'expression', formula: right, fill: FILL.verde, fontColor: FILL.verdeTesto },
      { range: pesi, type: 'expression', formula: `AND(B${firstRow + 1}<>"",SUM(${abs})<>100)`, fill: FILL.rosso, fontColor: FILL.rossoTesto },
    );
    annualita.push({ n: a + 1, anno, titleRow, headerRow, firstRow, lastRow, totale });
    r = lastRow + 1;
  }

  // 4. RISORSE UMANE
  b.put(r, 0, LAST, E.risorseUmane, STILE.sezione);
  b.put(r + 1, 0, 3, undefined, STILE.vuoto);
  b.put(r + 1, 4, LAST, E.personale, { ...STILE.sezione, hAlign: 'center' });
  const rhead = r + 2;
  b.put(rhead, 0, 0, E.n, STILE.intestazione);
  b.put(rhead, 1, 2, E.azione, STILE.intestazione);
  b.put(rhead, 3, 3, E.responsabile, { ...STILE.intestazione, fontSize: 9 });
  for (let p = 0; p < 10; p++) b.put(rhead, 4 + p, 4 + p, p + 1, STILE.intestazione);
  const risorse = content.risorse ?? [];
  for (let k = 0; k < nAz; k++) {
    const row = rhead + 1 + k;
    const ru = risorse[k] ?? {};
    b.put(row, 0, 0, k + 1, { ...STILE.etichetta, hAlign: 'center', vAlign: 'top' });
    b.put(row, 1, 2, s(ru.azione), input);
    b.put(row, 3, 3, s(ru.responsabile), input);
    for (let p = 0; p < 10; p++) b.put(row, 4 + p, 4 + p, s(ru.partecipanti?.[p]), input);
    heights[row + 1] = 45;
  }
  const risorseL = { headerRow: rhead, firstRow: rhead + 1, lastRow: rhead + nAz };
  r = rhead + nAz + 1;

  // 5. ASSEGNAZIONE FINANZIARIA
  const fhead = r;
  b.put(fhead, 0, 3, E.finanziaria, STILE.sezione);
  anni.forEach((anno, i) => b.put(fhead, 4 + 2 * i, 5 + 2 * i, E.stanziamento(anno), STILE.intestazione));
  const noteC1 = 4 + 2 * anni.length;
  b.put(fhead, noteC1, LAST, E.note, STILE.intestazione);
  heights[fhead + 1] = 24;
  const fin = content.finanziaria?.length ? content.finanziaria : [{}, {}];
  fin.forEach((f, k) => {
    const row = fhead + 1 + k;
    b.put(row, 0, 1, E.capitolo, STILE.etichetta);
    b.put(row, 2, 3, s(f.capitolo), input);
    anni.forEach((_, i) => b.put(row, 4 + 2 * i, 5 + 2 * i, f.stanziamenti?.[i] ?? undefined, { ...input, hAlign: 'right', numFmt: EURO_FMT }));
    b.put(row, noteC1, LAST, s(f.note), input);
    heights[row + 1] = 28;
  });
  const finL = { headerRow: fhead, firstRow: fhead + 1, lastRow: fhead + fin.length, anni };
  validations.push({
    range: `E${finL.firstRow + 1}:${colToLetters(noteC1 - 1)}${finL.lastRow + 1}`,
    type: 'decimal',
    min: 0,
    max: 1e12,
    errorTitle: T.importoTitolo,
    error: T.importoErrore,
  });
  r = finL.lastRow + 1;

  // 6. PESATURA
  b.put(r, 0, LAST, E.pesatura, STILE.sezione);
  const phead = r + 1;
  const prow = r + 2;
  const crit: [number, number, number][] = [
    [0, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
    [10, 11, 12],
  ];
  const pesi: string[] = [];
  crit.forEach(([c1, c2, pc], i) => {
    b.put(phead, c1, c2, E.criterio, STILE.intestazione);
    b.put(phead, pc, pc, E.peso, STILE.intestazione);
    b.put(prow, c1, c2, E.criteri[i], STILE.etichetta);
    pesi.push(b.put(prow, pc, pc, content.pesatura?.[i] ?? undefined, { ...input, hAlign: 'center', vAlign: 'middle' }));
  });
  b.put(phead, LAST, LAST, E.pesoTotale, { ...STILE.intestazione, fontSize: 8 });
  const totalePesatura = b.put(prow, LAST, LAST, { formula: `SUM(${pesi.join(',')})` }, STILE.calcolo);
  for (const range of pesi) {
    validations.push({ range, type: 'decimal', min: 0, max: 100, errorTitle: T.criterioTitolo, error: T.criterioErrore });
  }
  heights[phead + 1] = 30;
  heights[prow + 1] = 45;
  const lastRow = prow;

  for (const [row, h] of Object.entries(b.needed)) heights[Number(row)] = Math.max(heights[Number(row)] ?? 15, h);
  const columnWidths: Record<string, number> = {};
  WIDTHS.forEach((w, i) => (columnWidths[colToLetters(i)] = w));

  // page breaks: the card's blocks, 0-based [first, last] rows, in print order
  const blocchi: [number, number][] = [
    [0, 11],
    ...annualita.map((a): [number, number] => [a.titleRow, a.lastRow]),
    [risorseL.headerRow - 2, risorseL.lastRow],
    [finL.headerRow, finL.lastRow],
    [phead - 1, prow],
  ];
  const plan = b.toPlan({
    name: opts.nomeFoglio,
    mode: 'create',
    columnWidths,
    rowHeights: heights,
    validations,
    conditionalFormats: cfs,
    print: { ...landscapeA4Print(`A1:${toA1(lastRow, LAST)}`), rowBreaks: interruzioniPagina(blocchi, heights, WIDTHS) },
    protect: false,
  });
  const layout: LayoutScheda = {
    titolo,
    campi: {
      missione,
      programma,
      lineaMandato,
      dupStrategica,
      dupOperativa,
      dirigente,
      posizioneOrganizzativa,
      descrizione,
      referente,
      baseline,
      target,
      stakeholder,
      d222,
      unita,
    },
    altreUnita,
    annualita,
    risorse: risorseL,
    finanziaria: finL,
    pesatura: { headerRow: phead, row: prow, pesi, totale: totalePesatura },
    lastRow,
  };
  return { plan, layout };
}

/** A4 landscape with Excel's "Normal" margins (0.7" left/right, 0.75" top/bottom), in points */
const A4_LARGHEZZA_UTILE = 841.9 - 2 * 0.7 * 72;
const A4_ALTEZZA_UTILE = 595.3 - 2 * 0.75 * 72;

/**
 * Manual page breaks that keep every block of a card whole on one page (a PIANO OPERATIVO title never ends up on
 * a page without its rows). The card prints A4 landscape fit to one page wide, so a page holds
 * A4_ALTEZZA_UTILE / scale points of rows, where scale = page width / sheet width (a column of w characters is
 * taken as 7·w pixels, the narrowest Excel makes it: the estimate errs towards a smaller page), less the title row
 * repeated on every page and 5% for renderers that measure differently. Blocks are packed in order (header,
 * each PIANO OPERATIVO, RISORSE UMANE, ASSEGNAZIONE FINANZIARIA, PESATURA): a block that does not fit under the
 * previous ones starts a new page. A block taller than a page gets a page of its own and Excel's breaks inside it.
 * Row heights are set explicitly on the card (Excel does not grow them), so the estimate holds as the card is filled.
 * Returns 1-based row numbers after which a page ends (PrintSetup.rowBreaks).
 */
export function interruzioniPagina(blocchi: [number, number][], heights: Record<number, number>, widths: number[]): number[] {
  const larghezzaFoglio = widths.reduce((t, w) => t + w * 7 * 0.75, 0);
  const scala = Math.min(1, A4_LARGHEZZA_UTILE / larghezzaFoglio);
  const h = (row0: number) => heights[row0 + 1] ?? 15;
  const pagina = (A4_ALTEZZA_UTILE / scala) * 0.95 - h(0);
  const out: number[] = [];
  let usato = 0;
  for (const [first, last] of blocchi) {
    let alto = 0;
    for (let r = first; r <= last; r++) alto += h(r);
    if (usato > 0 && usato + alto > pagina) {
      out.push(first); // 1-based number of the block's previous row
      usato = 0;
    }
    usato += alto;
  }
  return out;
}

/**
 * The hidden sheet with the Missione/Programma lists (literal lists are limited to 255 characters).
 * Created once and never replaced: deleting it would turn the existing cards' dropdowns into #REF!.
 */
export function listeSeMancanti(existingSheetNames: Iterable<string>): SheetPlan[] {
  for (const n of existingSheetNames) if (n.toLowerCase() === LISTE_FOGLIO.toLowerCase()) return [];
  return [buildListe()];
}

export function buildListe(): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  T.listeIntestazioni.forEach((h, i) => cells.push({ address: toA1(0, i), value: h, style: { bold: true } }));
  missioniLabels().forEach((m, i) => cells.push({ address: toA1(i + 1, 0), value: m }));
  programmiLabels().forEach((p, i) => cells.push({ address: toA1(i + 1, 1), value: p }));
  cells.push({ address: 'C2', value: T.listeFonte });
  return {
    name: LISTE_FOGLIO,
    mode: 'create',
    visibility: 'hidden',
    cells,
    columnWidths: { A: 60, B: 70, C: 60 },
  };
}
