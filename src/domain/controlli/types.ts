/** Findings: the public contract of checks (the CLI prints these codes). */
export type Codice =
  | 'PESO_SOMMA'
  | 'PESO_MANCANTE'
  | 'PESO_NON_VALIDO'
  | 'PESO_FORMATO'
  | 'RISORSE_SOMMA'
  | 'RISORSE_AZIONI'
  | 'PESATURA_SOMMA'
  | 'GRADUAZIONE_NON_LETTA'
  | 'GRADUAZIONE_FASCE'
  | 'GRADUAZIONE_DATA'
  | 'DATA_NON_VALIDA'
  | 'ANNUALITA_ANNO'
  | 'RILEVAZIONE_MANCANTE'
  | 'RILEVAZIONE_NON_VALIDA'
  | 'TIPO_AMBIGUO'
  | 'CONFLITTO_MANUALE'
  // card system `fasi` (src/domain/sistemi/fasi)
  | 'FASI_PESO_SOMMA'
  | 'FASI_VALORE_CUMULATO'
  | 'PESO_OBIETTIVI_SOMMA'
  // card system `matrice` (src/domain/sistemi/matrice)
  | 'PESATURA_ESITO'
  | 'PESATURA_MARCA_MANCANTE'
  | 'CONTRIBUZIONE_SOMMA'
  | 'INDICE_NON_CALCOLABILE'
  // card system `progetti` (src/domain/sistemi/progetti)
  | 'PROGETTO_PESO_TIPOLOGIA'
  | 'PROGETTO_COEFF'
  | 'PROGETTO_TOTALE'
  | 'PROGETTO_IMPORTO'
  | 'PROGETTO_FONDO'
  | 'PROGETTO_INTESTAZIONE'
  | 'PROGETTO_SCHEDA'
  | 'PROGETTO_PERSONALE'
  | 'VERIFICA_SOMMA'
  | 'SOGLIA_DIVERSA'
  | 'SOGLIA_GRANULARE';

export type Gravita = 'errore' | 'avviso' | 'info';

/** a mechanical fix the task pane can offer */
export type Correzione =
  | { tipo: 'graduazione-canonica'; foglio: string; cella: string; testo: string }
  | { tipo: 'peso-numero'; foglio: string; cella: string; valore: number };

export interface Finding {
  codice: Codice;
  gravita: Gravita;
  foglio: string;
  /** A1 ranges, e.g. ["B15:B19"] */
  celle: string[];
  /** Italian: what is wrong, the numbers, what to do */
  messaggio: string;
  /** 1-based card position on its sheet, when the finding belongs to a card */
  scheda?: number;
  correzione?: Correzione;
}

export const GRAVITA_DI: Record<Codice, Gravita> = {
  PESO_SOMMA: 'errore',
  PESO_MANCANTE: 'errore',
  PESO_NON_VALIDO: 'errore',
  PESO_FORMATO: 'avviso',
  RISORSE_SOMMA: 'avviso',
  RISORSE_AZIONI: 'avviso',
  PESATURA_SOMMA: 'errore',
  GRADUAZIONE_NON_LETTA: 'avviso',
  GRADUAZIONE_FASCE: 'avviso',
  GRADUAZIONE_DATA: 'avviso',
  DATA_NON_VALIDA: 'errore',
  ANNUALITA_ANNO: 'avviso',
  RILEVAZIONE_MANCANTE: 'info',
  RILEVAZIONE_NON_VALIDA: 'errore',
  TIPO_AMBIGUO: 'avviso',
  CONFLITTO_MANUALE: 'avviso',
  FASI_PESO_SOMMA: 'errore',
  FASI_VALORE_CUMULATO: 'errore',
  PESO_OBIETTIVI_SOMMA: 'errore',
  PESATURA_ESITO: 'errore',
  PESATURA_MARCA_MANCANTE: 'avviso',
  CONTRIBUZIONE_SOMMA: 'errore',
  INDICE_NON_CALCOLABILE: 'info',
  PROGETTO_PESO_TIPOLOGIA: 'errore',
  PROGETTO_COEFF: 'errore',
  PROGETTO_TOTALE: 'errore',
  /** errore; avviso when the difference is at most one cent */
  PROGETTO_IMPORTO: 'errore',
  PROGETTO_FONDO: 'info',
  PROGETTO_INTESTAZIONE: 'info',
  PROGETTO_SCHEDA: 'info',
  PROGETTO_PERSONALE: 'info',
  VERIFICA_SOMMA: 'errore',
  SOGLIA_DIVERSA: 'avviso',
  SOGLIA_GRANULARE: 'info',
};
