/**
 * Graduation rules: the free-text GRADUAZIONE of an action turned into something computable.
 * Levels are fractions 0..1. Band bounds are in the rule's measure:
 *  - scadenza: days of delay (<= 0 = on time)
 *  - soglia: the number in the indicator's unit
 *  - percentuale: percentage points 0..100
 */
export type RuleKind = 'scadenza' | 'soglia' | 'percentuale' | 'binario' | 'proporzionale' | 'manuale';

export interface Band {
  /** null = unbounded below */
  from: number | null;
  fromIncl: boolean;
  /** null = unbounded above */
  to: number | null;
  toIncl: boolean;
  /** 0..1 */
  level: number;
  /** the fragment of text the band came from ('' for implied bands) */
  source: string;
  /** true for bands the rule implies but the text does not state (100% for no delay, 0% past the last) */
  implied?: boolean;
  /**
   * a range of levels the text says grows with each point ("da 90 a 110 punti dal 60% all'80%, ogni punto in più
   * conta"): the level goes linearly from `levelFrom` at `from` to `levelTo` at `to` (the band as written, even where
   * an earlier band overlaps it); `level` is then `levelFrom`
   */
  lineare?: Lineare;
}

export interface Lineare {
  from: number;
  to: number;
  levelFrom: number;
  levelTo: number;
}

export type ReferenceSource = 'graduazione' | 'atteso' | 'tempi';

export interface Reference {
  /** null when the written date is impossible (31/06/2024) */
  date: Date | null;
  /** as written, e.g. "31/12/2024" */
  text: string;
  source: ReferenceSource;
}

export type RuleWarningCode =
  | 'FASCE_SOVRAPPOSTE'
  | 'FASCE_LACUNA'
  | 'FASCE_NON_MONOTONE'
  | 'LIVELLO_NEGATIVO'
  | 'LIVELLO_FUORI_SCALA'
  | 'DATA_IMPOSSIBILE'
  | 'DATA_DIVERSA'
  | 'RIFERIMENTO_MANCANTE'
  | 'TESTO_IGNORATO'
  /** info: a target with no levels, read as a yes/no rule (met 100%, not met 0%) */
  | 'SENZA_LIVELLI';

export interface RuleWarning {
  code: RuleWarningCode;
  /** Italian, says what and what to do */
  message: string;
}

export interface Rule {
  kind: RuleKind;
  /** sorted as they apply (see the parser for order semantics) */
  bands: Band[];
  /** scadenza (and binario with a date): the deadline and where it came from */
  reference: Reference | null;
  /** scadenza: delays counted in working days */
  workingDays: boolean;
  /** 'higher' = a larger measure is better (soglia/percentuale); 'lower' = smaller is better (scadenza, "entro N giorni") */
  direction: 'higher' | 'lower';
  /** unit word of a soglia rule ("ore", "gg", "") */
  unit: string;
  /** proporzionale: target value read from ATTESO */
  target: number | null;
  /** proporzionale: the ATTESO text the target was (or could not be) read from, to show where the target is asked for */
  atteso?: string | null;
  /** binario: level for yes and for no */
  binario?: { si: number; no: number };
  /** manuale: why it cannot be computed */
  reason?: string;
  warnings: RuleWarning[];
  /** the original text */
  text: string;
}

/** the row context a graduation is read in */
export interface RuleContext {
  tempi?: string | number | Date | null;
  atteso?: string | number | Date | null;
  indicatori?: string | null;
  /** the annualità's year */
  anno?: number | null;
}

export type Measurement =
  | { kind: 'data'; date: Date }
  | { kind: 'ritardo'; days: number }
  /** target: the expected value typed with the measurement ("200 su 250"), for a proportional rule whose ATTESO has none */
  | { kind: 'numero'; value: number; target?: number }
  /** percentage points 0..100 */
  | { kind: 'percentuale'; value: number }
  | { kind: 'booleano'; value: boolean; date?: Date };

export interface Evaluation {
  /** 0..1, null when not computable */
  level: number | null;
  /** the RAGGIUNTO text: "20/01/2025 · ritardo 20 gg", "nei termini", "2 ore", "85%", "Sì" */
  raggiunto: string;
  /** the band that decided */
  band: Band | null;
  /** Italian explanation: "ritardo 20 gg → fascia fino a 30 gg = 70%" */
  spiegazione: string;
  /** why level is null */
  reason?: string;
  warnings: RuleWarning[];
}
