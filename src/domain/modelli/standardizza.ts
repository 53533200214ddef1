/**
 * Standardizza: rebuild any card the reader understood (typos in labels, spacer columns, PESO as text …)
 * as a standard card on a new sheet, carrying its whole content over, and say in Italian what changed.
 */
import { colToLetters, mergeAt, parseA1, textAt, type CellValue, type Grid } from '../grid';
import type { SheetPlan } from '../plan';
import { matchLabel, normalizeLabel } from '../scheda/labels';
import type { Annualita, ColKey, Field, HeaderFields, RawField, Scheda } from '../scheda/types';
import { ETICHETTE_SCHEDA as E, TESTI_STANDARDIZZA as S } from '../testi/modelli';
import { testoMissione, testoProgramma } from './missioniProgrammi';
import { uniqueSheetName } from './nomi';
import {
  anniPeriodo,
  layoutSchedaStandard,
  titoloScheda,
  type ContenutoAzione,
  type ContenutoFinanziaria,
  type ContenutoRisorsa,
  type ContenutoScheda,
} from './standard';

export interface OpzioniStandardizza {
  /** name of the new sheet; default "<sheet> std", made unique against `existingSheetNames` */
  nomeFoglio?: string;
  existingSheetNames?: Iterable<string>;
  /** the card's grid: lets the report name the misspelt labels and the spacer columns */
  grid?: Grid;
  /** used when the card's title has no readable period */
  periodo?: { from: number; to: number };
  /** action rows per annualità (3..10, default 5; more when the card has more actions) */
  azioniPerAnnualita?: number;
}

const COLONNE: ColKey[] = ['n', 'peso', 'azione', 'tempi', 'indicatori', 'atteso', 'graduazione', 'raggiunto', 'percentuale'];

const CAMPI: [keyof Omit<HeaderFields, 'altreUnita'>, string][] = [
  ['lineaMandato', E.lineaMandato],
  ['dupStrategica', E.dupStrategica],
  ['dupOperativa', E.dupOperativa],
  ['dirigente', E.dirigente],
  ['posizioneOrganizzativa', E.posizioneOrganizzativa],
  ['descrizione', E.descrizione],
  ['referente', E.referente],
  ['baseline', E.baseline],
  ['target', E.target],
  ['stakeholder', E.stakeholder],
  ['d222', E.d222],
  ['unitaResponsabile', E.unitaResponsabile],
];

const val = (f: Field | null | undefined) => (f?.value ?? '').trim() || undefined;
const raw = (f: RawField | null | undefined): CellValue | undefined =>
  f && f.value !== null && f.value !== '' ? f.value : f?.text ? f.text : undefined;

/** the label text left of a value cell on its row (first non-empty cell going left) */
function labelLeftOf(grid: Grid, cell: string): { text: string; cell: string } | null {
  const a = parseA1(cell);
  if (!a) return null;
  for (let c = a.c - 1; c >= 0; c--) {
    const t = textAt(grid, a.r, c);
    if (t) return { text: t, cell: `${colToLetters(c)}${a.r + 1}` };
  }
  return null;
}

/** different words once accents, case and punctuation are set aside */
function misspelt(text: string, canonical: string): boolean {
  return normalizeLabel(text) !== normalizeLabel(canonical);
}

export function standardizza(scheda: Scheda, opts: OpzioniStandardizza = {}): { plan: SheetPlan; changes: string[] } {
  const changes: string[] = [];
  const grid = opts.grid;
  const nomeFoglio = opts.nomeFoglio ?? uniqueSheetName(`${scheda.sheet} std`, opts.existingSheetNames ?? [scheda.sheet]);
  changes.push(S.nuovoFoglio(nomeFoglio, scheda.sheet));

  // period and type
  const periodo = scheda.periodo ?? opts.periodo ?? { from: new Date().getUTCFullYear(), to: new Date().getUTCFullYear() + 2 };
  if (!scheda.periodo) changes.push(S.periodoMancante(periodo.from, periodo.to));
  const tipo = scheda.tipo ?? 'comune';
  if (!scheda.tipo) changes.push(S.tipoMancante);
  const titolo = titoloScheda(periodo.from, periodo.to, tipo);
  if (!scheda.titolo) changes.push(S.titoloMancante(titolo));
  else if (scheda.titolo.value.replace(/\s+/g, ' ').trim() !== titolo) changes.push(S.titolo(scheda.titolo.value.trim(), titolo, scheda.titolo.cell));

  // header fields, and their misspelt labels
  const h = scheda.header;
  const labelCells = new Set<string>();
  if (grid) {
    for (const [key, canonical] of CAMPI) {
      const f = h[key];
      if (!f) continue;
      const label = labelLeftOf(grid, f.cell);
      if (label) labelCells.add(label.cell);
      if (label && misspelt(label.text, canonical)) {
        changes.push(S.etichettaCorretta(label.text, canonical, label.cell));
      }
    }
  }

  // annualità
  const anni = anniPeriodo(periodo);
  const byN = new Map<number, Annualita>();
  for (const a of scheda.annualita) if (!byN.has(a.n)) byN.set(a.n, a);
  const nAnn = Math.max(Math.min(3, anni.length), ...scheda.annualita.map((a) => Math.min(3, a.n)), 1);
  if (scheda.annualita.length && scheda.annualita.length < nAnn) changes.push(S.annualitaAggiunte(nAnn));
  const annualita: ContenutoAzione[][] = [];
  const headerTypos = new Map<string, string[]>();
  for (let n = 1; n <= nAnn; n++) {
    const a = byN.get(n);
    const rows: ContenutoAzione[] = [];
    if (a) {
      if (grid) describeColumns(grid, a, changes, headerTypos);
      for (const az of a.azioni) {
        const p = az.peso;
        if (p && p.forma !== 'intero') {
          if (p.points === null) changes.push(S.pesoIllegibile(p.cell, p.text));
          else changes.push(S.pesoConvertito(p.cell, p.text || String(p.raw ?? ''), p.points));
        }
        rows.push({
          peso: p?.points ?? null,
          azione: val(az.azione),
          tempi: raw(az.tempi),
          indicatori: val(az.indicatori),
          atteso: raw(az.atteso),
          graduazione: val(az.graduazione),
          raggiunto: raw(az.raggiunto),
          percentuale: raw(az.percentuale),
        });
      }
      changes.push(S.azioni(n, rows.length));
    }
    annualita.push(rows);
  }

  for (let i = 0; i < changes.length; i++) {
    const cells = headerTypos.get(changes[i]);
    if (cells) {
      const [prima, dopo] = changes[i].split('\u0000');
      changes[i] = S.intestazione(prima, dopo, cells.join(', '));
    }
  }

  // risorse umane
  const risorse: ContenutoRisorsa[] = scheda.risorse.map((r, i) => {
    const texts = r.partecipanti.map((p) => p.text);
    if (texts.length > 10) {
      changes.push(S.partecipantiTroncati(i + 1, texts.length - 9));
      texts.splice(9, texts.length - 9, texts.slice(9).join('; '));
    }
    return { azione: val(r.azione), responsabile: val(r.responsabile), partecipanti: texts };
  });

  // assegnazione finanziaria: amounts by year, the others into NOTE
  const finanziaria: ContenutoFinanziaria[] = scheda.finanziaria.map((f) => {
    const stanziamenti: CellValue[] = anni.map(() => null);
    const extra: string[] = [];
    f.stanziamenti.forEach((s, i) => {
      if (s.value === null && !s.text) return;
      const k = s.anno === null ? i : anni.indexOf(s.anno);
      if (k >= 0 && k < anni.length && stanziamenti[k] === null) stanziamenti[k] = s.value ?? s.text;
      else {
        extra.push(`${s.anno ?? ''} ${s.text}`.trim());
        changes.push(S.stanziamentoFuoriPeriodo(s.anno ?? 0, s.cell));
      }
    });
    const note = [val(f.note), ...extra].filter(Boolean).join('; ') || undefined;
    return { capitolo: capitoloOf(f.capitolo.value), stanziamenti, note };
  });

  // pesatura: the four standard criteria by name, then the unmatched ones by position
  const pesatura: (number | null)[] = E.criteri.map(() => null);
  if (!scheda.pesatura) changes.push(S.sezioneAggiunta(E.pesatura));
  else {
    const crit = scheda.pesatura.criteri;
    const slot = crit.map((c) => E.criteri.findIndex((name) => matchLabel(c.nome, name) || matchLabel(name, c.nome)));
    const used = new Set(slot.filter((k) => k >= 0));
    crit.forEach((c, i) => {
      if (slot[i] < 0 && i < E.criteri.length && !used.has(i)) {
        slot[i] = i;
        used.add(i);
      }
    });
    crit.forEach((c, i) => {
      const k = slot[i];
      if (k >= 0 && pesatura[k] === null) {
        pesatura[k] = c.peso;
        if (misspelt(c.nome, E.criteri[k])) changes.push(S.etichettaCorretta(c.nome, E.criteri[k], c.labelCell));
      } else {
        changes.push(S.criterioExtra(c.nome, c.pesoText));
        const note = `${c.nome}: ${c.pesoText || '—'}`;
        if (finanziaria.length) finanziaria[0].note = [finanziaria[0].note, note].filter(Boolean).join('; ');
        else finanziaria.push({ note });
      }
    });
  }

  const contenuto: ContenutoScheda = {
    lineaMandato: val(h.lineaMandato),
    dupStrategica: val(h.dupStrategica),
    dupOperativa: val(h.dupOperativa),
    posizioneOrganizzativa: val(h.posizioneOrganizzativa),
    referente: val(h.referente),
    baseline: val(h.baseline),
    target: val(h.target),
    stakeholder: val(h.stakeholder),
    d222: val(h.d222) ?? '',
    altreUnita: h.altreUnita.map((f) => f.value),
    annualita,
    risorse,
    finanziaria,
    pesatura,
  };
  const { plan } = layoutSchedaStandard({
    nomeFoglio,
    periodo,
    tipo,
    titolo: val(h.descrizione),
    dirigente: val(h.dirigente),
    unita: val(h.unitaResponsabile),
    missione: classificazione(h.missione, testoMissione, changes),
    programma: classificazione(h.programma, testoProgramma, changes),
    annualita: nAnn,
    azioniPerAnnualita: opts.azioniPerAnnualita,
    contenuto,
  });
  if (grid) {
    const carried = [
      ...Object.values(contenuto).flatMap((v) => JSON.stringify(v ?? '')),
      ...[h.descrizione, h.dirigente, h.unitaResponsabile, h.missione, h.programma].map((f) => f?.value ?? ''),
    ]
      .map(normalizeLabel)
      .join(' | ');
    for (const { text, cell } of leftovers(grid, scheda)) {
      if (!labelCells.has(cell) && !carried.includes(normalizeLabel(text))) changes.push(S.nonRiportato(text, cell));
    }
  }
  changes.push(S.formule);
  for (const p of scheda.problemi) changes.push(S.problemiLettura(p));
  return { plan, changes };
}

const LABELS: string[] = Object.values(E).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? [...v] : []));

/** long texts of the card that are not one of the standard labels: candidates for content the reader did not place */
function leftovers(grid: Grid, s: Scheda): { text: string; cell: string }[] {
  const out: { text: string; cell: string }[] = [];
  for (let r = s.firstRow; r <= s.lastRow; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = textAt(grid, r, c);
      if (text.length < 40) continue;
      if (LABELS.some((l) => matchLabel(text, l) || matchLabel(l, text))) continue;
      if (s.titolo && s.titolo.cell === `${colToLetters(c)}${r + 1}`) continue;
      out.push({ text, cell: `${colToLetters(c)}${r + 1}` });
    }
  }
  return out;
}

/** Missione/Programma as the dropdown writes them ("Missione 01" → "Missione 01 – Servizi istituzionali …") */
function classificazione(f: Field | undefined, norm: (v: string | undefined) => string | undefined, changes: string[]): string | undefined {
  const v = val(f);
  const out = norm(v);
  if (f && v && out && out !== v) changes.push(S.classificazione(v, out, f.cell));
  return out;
}

/** "Capitolo di PEG 212192" → "212192"; the bare label → '' */
function capitoloOf(text: string): string | undefined {
  const t = text.replace(/^\s*capitolo\s*(di|0)?\s*(peg|peso)?\s*[:.]?\s*/i, '').trim();
  return t || undefined;
}

/** misspelt column headers, spacer columns and missing columns of one PIANO OPERATIVO table */
function describeColumns(grid: Grid, a: Annualita, changes: string[], seen: Map<string, string[]>): void {
  const found = COLONNE.filter((k) => a.columns[k] !== undefined).map((k) => ({ k, c: a.columns[k]! }));
  for (const { k, c } of found) {
    const text = textAt(grid, a.headerRow, c);
    const canonical = E.colonne[COLONNE.indexOf(k)];
    if (!text || !misspelt(text, canonical)) continue;
    const key = `${text}\u0000${canonical}`;
    const cells = seen.get(key);
    const cell = `${colToLetters(c)}${a.headerRow + 1}`;
    if (cells) cells.push(cell);
    else {
      const list = [cell];
      seen.set(key, list);
      // the sentence is completed with every cell once all the tables are seen
      changes.push(key);
    }
  }
  for (const k of COLONNE) if (a.columns[k] === undefined) changes.push(S.colonnaMancante(a.n, E.colonne[COLONNE.indexOf(k)]));
  const used = new Set(found.map((f) => f.c));
  const first = Math.min(...used);
  const last = Math.max(...used);
  const spacers: string[] = [];
  for (let c = first + 1; c < last; c++) {
    if (used.has(c) || textAt(grid, a.headerRow, c)) continue;
    const m = mergeAt(grid, a.headerRow, c);
    if (m && used.has(m.c1)) continue; // part of a merged header
    spacers.push(colToLetters(c));
  }
  if (spacers.length) changes.push(S.colonnaVuota(a.n, spacers.join(', ')));
}
