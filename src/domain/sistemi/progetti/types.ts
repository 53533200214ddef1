/**
 * The `progetti` card system (Chiari): the projects table (PESO from TIPOLOGIA, COEFF from N. DIP., TOTALE COEFF,
 * IMPORTO from the fund) and one card per project (indicators with PERCENTUALE PER VERIFICA, SOGLIA MINIMA).
 * Every field keeps its cell.
 */
import type { Field, RawField } from '../../scheda/types';

/** a number as written: value (null when unreadable), the text shown, the cell */
export interface Numero {
  value: number | null;
  text: string;
  cell: string;
}

export type ColonnaProgetti =
  | 'n'
  | 'ambito'
  | 'titolo'
  | 'periodo'
  | 'soglia'
  | 'personale'
  | 'categoria'
  | 'nDip'
  | 'peso'
  | 'coeff'
  | 'totale'
  | 'importo';

export interface RigaProgetto {
  /** PROGRESSIVO */
  n: number;
  /** 0-based grid row */
  row: number;
  /** GENERALE / INTERSETTORIALE … / SETTORE n */
  ambito: Field | null;
  titolo: Field | null;
  periodo: Field | null;
  soglia: Numero | null;
  personale: Field | null;
  /** strategico / innovativo / miglioramento / mantenimento / una tantum */
  categoria: Field | null;
  nDip: Numero | null;
  peso: Numero | null;
  coeff: Numero | null;
  totale: Numero | null;
  importo: Numero | null;
}

/** a header whose words do not say what the column holds (read by content) */
export interface ColonnaFuorviante {
  colonna: ColonnaProgetti;
  cell: string;
  intestazione: string;
}

/** the fund as the text around the table or a Fondo block states it */
export interface FondoDichiarato {
  /** the whole fund (importo massimo) */
  totale: Numero | null;
  /** the amount given to the projects */
  assegnato: Numero | null;
  /** the reserve kept back */
  riserva: Numero | null;
  /** € per point stated by the user (a Fondo block), one pool for every project with points */
  euroPunto: Numero | null;
  /** where the statement is: 'testo' (the sentence under the table) or 'blocco' (a Fondo block) */
  fonte: 'testo' | 'blocco';
}

export interface TabellaProgetti {
  sistema: 'progetti';
  tipo: 'tabella';
  sheet: string;
  index: number;
  range: string;
  firstRow: number;
  lastRow: number;
  headerRow: number;
  columns: Partial<Record<ColonnaProgetti, number>>;
  righe: RigaProgetto[];
  fuorvianti: ColonnaFuorviante[];
  fondo: FondoDichiarato | null;
  problemi: string[];
}

export interface IndicatoreProgetto {
  /** 1-based position on the card */
  n: number;
  row: number;
  indicatore: Field;
  quantita: Field | null;
  attivita: Field | null;
  percentuale: Numero | null;
  /** RAGGIUNTO / % cells when the card has them (the blank card does) */
  raggiunto: RawField | null;
  livello: RawField | null;
}

export interface SchedaProgetto {
  sistema: 'progetti';
  tipo: 'scheda';
  sheet: string;
  index: number;
  range: string;
  firstRow: number;
  lastRow: number;
  /** PROGETTO N. n */
  numero: number | null;
  intestazione: Field;
  anno: number | null;
  tipologia: Field | null;
  titolo: Field | null;
  tempi: Field | null;
  indicatori: IndicatoreProgetto[];
  soglia: Numero | null;
  personale: Field | null;
  problemi: string[];
}

export type CartaProgetti = TabellaProgetti | SchedaProgetto;
