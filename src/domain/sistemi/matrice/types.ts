/**
 * The `matrice` card system (the generic template "Programmazione Obiettivi di Performance", seed 003): one card
 * per objective of the political-administrative body, with its indicators and targets, the PESO OBIETTIVO matrix
 * (x under Alto/Medio/Basso for four criteria, Esito Pesatura), RISORSE and INDICE DI ASSORBIMENTO, and the
 * PIANIFICAZIONE ESECUTIVA per Area/Settore. Every field keeps its cell.
 */
import type { Field, Peso, RawField } from '../../scheda/types';
import type { CartaBase } from '../types';

export type Criterio = 'importanza' | 'impattoEsterno' | 'complessita' | 'realizzabilita';
export type Rilevanza = 'alto' | 'medio' | 'basso';

export interface Marca {
  rilevanza: Rilevanza;
  /** the cell of the x as written */
  cell: string;
}

export interface CriterioLetto {
  criterio: Criterio;
  label: Field;
  row: number;
  marche: Marca[];
  /** false: the row is merged with the Alto/Medio/Basso header, its mark cannot be told from the header */
  leggibile: boolean;
  /** columns the row is shifted left (its label one column before the others): marks read with the same shift */
  spostamento: number;
}

export interface IndicatoreMatrice {
  /** 1-based position in RISULTATO ATTESO (the Rilevazioni N.) */
  n: number;
  row: number;
  nome: Field | null;
  descrizione: Field | null;
  formula: Field | null;
  target: RawField | null;
  /** the past years' columns (2020, 2019) with their values */
  storico: { anno: number; valore: RawField }[];
}

export interface Importo {
  /** euro; 0 for Excel's accounting dash "-"; null when unreadable */
  value: number | null;
  text: string;
  cell: string;
}

export interface AreaMatrice {
  nome: Field;
  row: number;
  contribuzione: Peso | null;
  pesoAssoluto: RawField | null;
  valoreAtteso: Field | null;
  indicatori: Field[];
  esiti: RawField[];
}

export interface CartaMatrice extends CartaBase {
  sistema: 'matrice';
  firstRow: number;
  lastRow: number;
  /** the year in the card's heading (OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023) */
  anno: number | null;
  heading: Field;
  /** N. of PERFORMANCE ORGANIZZATIVA (a, b, d) */
  numero: Field | null;
  comune: Field | null;
  cdr: Field | null;
  responsabile: Field | null;
  altriCdr: Field | null;
  indirizzo: Field | null;
  missione: Field | null;
  programma: Field | null;
  obiettivoGestionale: Field | null;
  titolo: Field | null;
  indicatori: IndicatoreMatrice[];
  /** the PESO OBIETTIVO label cell */
  pesoCell: string | null;
  esito: { value: number | null; text: string; cell: string } | null;
  criteri: CriterioLetto[];
  risorseProgramma: Importo | null;
  risorseObiettivo: Importo | null;
  indice: RawField | null;
  aree: AreaMatrice[];
  /** the reader's notes (Italian, with the cell) */
  problemi: string[];
}

/** Alto/Medio/Basso scores: Realizzabilità is reversed (easy objectives weigh less) */
export const PUNTEGGI: Record<Criterio, Record<Rilevanza, number>> = {
  importanza: { alto: 5, medio: 3, basso: 1 },
  impattoEsterno: { alto: 5, medio: 3, basso: 1 },
  complessita: { alto: 5, medio: 3, basso: 1 },
  realizzabilita: { alto: 1, medio: 3, basso: 5 },
};

export const CRITERI: Criterio[] = ['importanza', 'impattoEsterno', 'complessita', 'realizzabilita'];
