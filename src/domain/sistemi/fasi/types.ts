/**
 * The `fasi` card system (Tortona): objectives grouped by CENTRO DI RESPONSABILITÀ and SERVIZIO, each with
 * a phases table FASI PRINCIPALI | DATA ULTIMAZIONE FASE | PESO FASE | VALORE OBIETTIVO. Every field keeps its cell.
 */
import type { CellValue } from '../../grid';
import type { Field, Peso, RawField } from '../../scheda/types';

/** a percentage field (PESO FASE, VALORE OBIETTIVO, PESO DELL'OBIETTIVO): points out of 100 as `Peso` reads them */
export type Percentuale = Peso;

export interface DataFase {
  value: CellValue;
  text: string;
  cell: string;
  /** the date when the cell holds a real one, or text that is a real date (31.12.2024) */
  date: Date | null;
  /** false for an impossible date written as text (31.06.2024) */
  valida: boolean;
}

export interface Fase {
  /** 1-based position in the table (the Rilevazioni N.) */
  n: number;
  /** 0-based grid row */
  row: number;
  /** the sector tag the text starts with (`S.E.`, `LL.PP. – FIN`, `TUTTI`), null when none */
  settore: string | null;
  /** the phase text as written (tag included) */
  testo: Field;
  data: DataFase | null;
  peso: Percentuale | null;
  valore: Percentuale | null;
  /** false: a phase of another sector, without weight (not applicable here, not an error) */
  applicabile: boolean;
  /** RAGGIUNTO / % cells when the table has those columns (the blank card does) */
  raggiunto: RawField | null;
  percentuale: RawField | null;
}

export interface Servizio {
  nome: string;
  cell: string;
  incaricato: Field | null;
}

export interface Centro {
  /** "00", "07" */
  codice: string | null;
  nome: string | null;
  cell: string;
  /** "DIRIGENTE RESPONSABILE: …" or "SEGRETARIO GENERALE: …" */
  dirigente: Field | null;
  incaricato: Field | null;
  /** the services the centro lists in its heading */
  servizi: Servizio[];
}

export type ColonnaFasi = 'fasi' | 'data' | 'peso' | 'valore' | 'raggiunto' | 'percentuale';

export interface ObiettivoFasi {
  sistema: 'fasi';
  sheet: string;
  /** 1-based position of the objective on its sheet */
  index: number;
  range: string;
  firstRow: number;
  lastRow: number;
  /** the title as written, without the extraction's `**` marks */
  titolo: Field | null;
  /** "1.1.2" from "(RIF. DUP 1.1.2)" */
  dup: string | null;
  /** "OBIETTIVO CONDIVISO …" in the title */
  condiviso: boolean;
  /** OBIETTIVI STRATEGICI DI SISTEMA / DI SETTORE heading above it */
  ambito: 'sistema' | 'settore' | null;
  /** the year(s): from the title's "(OBIETTIVO TRIENNALE 2024-2026)", else the sheet's "ANNO 2024", else the phases' dates */
  periodo: { from: number; to: number } | null;
  descrizione: Field | null;
  headerRow: number;
  columns: Partial<Record<ColonnaFasi, number>>;
  fasi: Fase[];
  risorseUmane: Field | null;
  risorseFinanziarie: Field | null;
  risultatoAtteso: Field | null;
  indicatori: Field | null;
  /** a GRADUAZIONE row, when the objective states how late phases count */
  graduazione: Field | null;
  peso: Percentuale | null;
  /** the cell where PESO DELL'OBIETTIVO goes (its label's row), for findings when it is missing */
  pesoLabelCell: string | null;
  centro: Centro | null;
  /** the service whose objectives it is part of (null: the centro's objectives are not split by service) */
  servizio: Servizio | null;
  problemi: string[];
}
