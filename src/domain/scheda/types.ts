/**
 * The Scheda model: one OBIETTIVO GESTIONALE card as read from a grid.
 * Every field keeps the A1 address of the cell it came from (findings point at cells).
 */
import type { CellValue } from '../grid';
import { schedaSenzaDescrizione } from '../testi/controlli';

/** a text field and the cell it was read from */
export interface Field {
  value: string;
  /** A1 address of the value cell */
  cell: string;
}

/** a raw value field (dates/numbers kept as typed) */
export interface RawField {
  value: CellValue;
  text: string;
  cell: string;
}

/** how a PESO was written */
export type PesoForma =
  | 'intero' // 50
  | 'decimale' // 50,00 or 12.5 typed as a number
  | 'percentuale' // 0,5 formatted as %
  | 'testo-percentuale' // "100,00%" as text
  | 'testo-numero' // "50" or "50,00" as text
  | 'non-valido'; // "abc", negative, > 100

export interface Peso {
  /** normalised points out of 100, null when unreadable */
  points: number | null;
  raw: CellValue;
  text: string;
  forma: PesoForma;
  cell: string;
}

export interface Azione {
  /** the N. column, as number when readable */
  n: number | null;
  /** 0-based grid row */
  row: number;
  nCell: string;
  peso: Peso | null;
  azione: Field | null;
  tempi: RawField | null;
  indicatori: Field | null;
  atteso: RawField | null;
  graduazione: Field | null;
  /** RAGGIUNTO cell (address even when empty); null when the card has no such column */
  raggiunto: RawField | null;
  /** % cell; null when the card has no such column */
  percentuale: RawField | null;
}

export type ColKey =
  | 'n'
  | 'peso'
  | 'azione'
  | 'tempi'
  | 'indicatori'
  | 'atteso'
  | 'graduazione'
  | 'raggiunto'
  | 'percentuale';

export interface Annualita {
  /** 1..3 */
  n: number;
  /** first year of the period + n - 1, null when the period is unknown */
  anno: number | null;
  /** the PIANO OPERATIVO title cell */
  titleCell: string;
  /** 0-based row of the N. | PESO | AZIONE … header */
  headerRow: number;
  /** 0-based column of each header found */
  columns: Partial<Record<ColKey, number>>;
  /** only rows that count: an AZIONE text or a PESO */
  azioni: Azione[];
  /** A1 range of the slot rows (all numbered rows, even empty) */
  range: string;
}

export interface Partecipante {
  /** the cell text as typed */
  text: string;
  nome: string;
  /** 0..100, null for phrases like "Tutto il personale" */
  percentuale: number | null;
  cell: string;
}

export interface RisorsaRiga {
  n: number | null;
  row: number;
  nCell: string;
  azione: Field | null;
  responsabile: Field | null;
  partecipanti: Partecipante[];
}

export interface RigaFinanziaria {
  capitolo: Field;
  stanziamenti: { anno: number | null; value: number | null; text: string; cell: string }[];
  note: Field | null;
}

export interface CriterioPesatura {
  nome: string;
  labelCell: string;
  peso: number | null;
  pesoText: string;
  cell: string | null;
}

export interface Pesatura {
  criteri: CriterioPesatura[];
  totale: { value: number | null; text: string; cell: string } | null;
}

export interface HeaderFields {
  missione?: Field;
  programma?: Field;
  lineaMandato?: Field;
  dupStrategica?: Field;
  dupOperativa?: Field;
  dirigente?: Field;
  posizioneOrganizzativa?: Field;
  descrizione?: Field;
  referente?: Field;
  baseline?: Field;
  target?: Field;
  stakeholder?: Field;
  d222?: Field;
  unitaResponsabile?: Field;
  altreUnita: Field[];
}

export interface Scheda {
  sheet: string;
  /** 1-based position of the card on its sheet (stacked cards) */
  index: number;
  /** A1 range covered by the card */
  range: string;
  /** 0-based first and last rows */
  firstRow: number;
  lastRow: number;
  /** the title cell (OBIETTIVO GESTIONALE 2024 – 2026 …), null for a headerless card */
  titolo: Field | null;
  periodo: { from: number; to: number } | null;
  tipo: 'comune' | 'individuale' | null;
  /** the title ticks both COMUNE and INDIVIDUALE, or neither (absent when exactly one is ticked or there is no title) */
  tipoAmbiguo?: 'entrambe' | 'nessuna';
  header: HeaderFields;
  annualita: Annualita[];
  risorse: RisorsaRiga[];
  finanziaria: RigaFinanziaria[];
  pesatura: Pesatura | null;
  /** what the reader could not understand, in Italian, with cell addresses */
  problemi: string[];
}

/** a short human name for a card: the description's first words, else the sheet and position */
export function schedaLabel(s: Scheda): string {
  const d = s.header.descrizione?.value?.trim();
  if (d) return d.length > 80 ? `${d.slice(0, 77)}…` : d;
  return schedaSenzaDescrizione(s.sheet, s.index);
}
