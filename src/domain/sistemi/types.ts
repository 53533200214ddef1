/**
 * The card-system seam (DESIGN.md "Card systems"): every Comune's layout is one module with five faces —
 * recognise, read, check, compute, make a blank card — and one summary the front ends list side by side.
 */
import type { EsitoScheda } from '../calcolo';
import type { Finding } from '../controlli/types';
import type { Grid } from '../grid';
import type { SheetPlan } from '../plan';
import type { Scheda } from '../scheda/types';

export type NomeSistema = 'gestionale' | 'fasi' | 'matrice' | 'progetti';

/** a card of any system: it says which system it belongs to, where it is, and its position on the sheet */
export interface CartaBase {
  sheet: string;
  index: number;
  range: string;
}

/** one annualità's level as the front ends show it */
export interface LivelloAnno {
  anno: number | null;
  /** 0..1, null while nothing is computed */
  valore: number | null;
  parziale: boolean;
  rilevate: number;
  totale: number;
}

/** the one summary every front end uses, whatever the system */
export interface SintesiScheda {
  sistema: NomeSistema;
  foglio: string;
  /** position on the sheet (findings and Rilevazioni rows use it) */
  scheda: number;
  /** the first cell of the card, to select it */
  cella: string;
  titolo: string;
  /** dirigente / responsabile of the card */
  responsabile: string | null;
  /** service (fasi) or unità organizzativa (gestionale) */
  servizio: string | null;
  /** "2024–2026", "2024" */
  periodo: string | null;
  /** PESO DELL'OBIETTIVO / PESO TOTALE, points out of 100 */
  peso: number | null;
  livelli: LivelloAnno[];
  segnalazioni: { errori: number; avvisi: number; info: number };
}

/** options of the blank card */
export interface OpzioniNuova {
  nomeFoglio?: string;
  titolo?: string;
  dirigente?: string;
  unita?: string;
  periodo?: { from: number; to: number };
  /** number of phases / actions */
  righe?: number;
}

export interface SistemaSchede<C extends CartaBase = CartaBase> {
  nome: NomeSistema;
  /** cheap: the rows where this grid holds cards of this system (empty: none) */
  riconosci(grid: Grid): number[];
  /** the cards of one grid, every field with its cell */
  leggi(grid: Grid): C[];
  /** findings over all the system's cards of the workbook (groups may span cards) */
  controlla(carte: C[]): Finding[];
  /**
   * the cards as the shared compute sees them (actions with PESO and a graduation, RAGGIUNTO/% cells where the
   * card has them): the shared compute, Rilevazioni, Riepilogo, registry and undo then work for every system
   */
  perCalcolo(carte: C[]): Scheda[];
  /** the system's summary of its cards; `esiti` from a compute, when there was one */
  sintesi(carte: C[], segnalazioni: readonly Finding[], esiti?: readonly EsitoScheda[]): SintesiScheda[];
}

/** a system's blank card (src/domain/sistemi/nuove.ts: kept apart from reading, so the pane loads it with its tab) */
export type NuovaScheda = (opts: OpzioniNuova) => SheetPlan;
