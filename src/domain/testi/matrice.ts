/** strings of the `matrice` card system (the generic template's weighting matrix): labels, reader notes, checks, compute, blank card */
import { formatNumberIt } from '../grid';

const num = (n: number) => formatNumberIt(Math.round(n * 100) / 100, 2);
const quote = (s: string) => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;

/** the template's labels (what the reader looks for and the blank card writes) */
export const ETICHETTE_MATRICE = {
  intestazione: "OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO",
  performance: 'PERFORMANCE ORGANIZZATIVA',
  numero: 'N.',
  comune: 'COMUNE DI',
  cdr: 'CDR',
  responsabile: 'RESPONSABILE PRIMARIO:',
  altriCdr: 'ALTRI CDR COINVOLTI',
  indirizzo: 'INDIRIZZO STRATEGICO',
  missione: 'MISSIONE',
  programma: 'PROGRAMMA',
  obiettivoGestionale: 'OBIETTIVO GESTIONALE',
  titolo: 'TITOLO OBIETTIVO',
  risultato: 'RISULTATO ATTESO',
  indicatore: 'indicatore',
  descrizione: 'descrizione',
  formula: 'formula',
  target: 'target',
  pesoObiettivo: 'PESO OBIETTIVO',
  variabili: 'Variabili',
  rilevanza: 'RILEVANZA',
  esito: 'Esito Pesatura',
  alto: 'Alto',
  medio: 'Medio',
  basso: 'Basso',
  risorseProgramma: 'RISORSE ASSEGNATE AL PROGRAMMA',
  risorseObiettivo: 'RISORSE OBIETTIVO',
  indice: 'INDICE DI ASSORBIMENTO',
  compilazione: 'COMPILAZIONE SCHEDA A CURA DEL DIRIGENTE O RESPONSABILE PRIMARIO',
  pianificazione: 'PIANIFICAZIONE ESECUTIVA',
  contributo: 'CONTRIBUTO',
  misurazione: 'MISURAZIONE',
  area: 'Area/Settore',
  contribuzione: '% di contribuzione',
  pesoAssoluto: "peso assoluto in capo all'Area",
  valoreAtteso: 'valore atteso',
  indicatoriMisurazione: 'indicatori di misurazione',
  esitoAtteso: 'esito atteso',
} as const;

/** the four criteria as the template writes them */
export const CRITERI_MATRICE = {
  importanza: 'Importanza',
  impattoEsterno: 'Impatto Esterno',
  complessita: 'Complessità',
  realizzabilita: 'Realizzabilità',
} as const;

const RIL: Record<string, string> = { alto: 'Alto', medio: 'Medio', basso: 'Basso' };

/** a card of the template without a title */
export function schedaMatriceSenzaTitolo(foglio: string, numero: string | null, index: number): string {
  return `${foglio} (obiettivo ${numero ?? index})`;
}

/** the reader's notes */
export const MSG_MATRICE_LETTORE = {
  rigaSpostata: (criterio: string, cell: string, da: string, a: string) =>
    `Riga ${criterio} spostata di una colonna a sinistra (etichetta in ${cell}): la x in ${da} è letta sotto la colonna di ${a}, come l'etichetta.`,
  marcaIllegibile: (criterio: string, cell: string) =>
    `Riga ${criterio} (${cell}) fusa con l'intestazione Alto/Medio/Basso: la sua x non si può leggere.`,
  senzaIntestazione: (cell: string) => `PESO OBIETTIVO in ${cell}: manca l'intestazione Alto/Medio/Basso, le x non si possono attribuire.`,
};

/** the checks of the matrix (findings): what is wrong, the numbers, what to do */
export const MSG_MATRICE = {
  marcaIllegibile: (titolo: string, criterio: string, cell: string, suggerita: string | null) =>
    `Obiettivo ${quote(titolo)}: la riga ${criterio} (${cell}) è fusa con l'intestazione Alto/Medio/Basso e la sua x non si legge.` +
    (suggerita ? ` Con l'Esito Pesatura scritto, la x dovrebbe essere sotto ${suggerita}.` : '') +
    ` Separare la riga dall'intestazione e mettere una x sotto Alto, Medio o Basso.`,
  marcaMancante: (titolo: string, criterio: string, cell: string) =>
    `Obiettivo ${quote(titolo)}: il criterio ${criterio} (${cell}) non ha una x sotto Alto, Medio o Basso. Segnare una sola rilevanza.`,
  marchePiu: (titolo: string, criterio: string, celle: string, n: number) =>
    `Obiettivo ${quote(titolo)}: il criterio ${criterio} ha ${n} x (${celle}). Lasciarne una sola, sotto Alto, Medio o Basso.`,
  criterioAssente: (titolo: string, criterio: string, cell: string) =>
    `Obiettivo ${quote(titolo)}: nella matrice PESO OBIETTIVO (${cell}) manca la riga ${criterio}. Aggiungerla con una x sotto Alto, Medio o Basso.`,
  esito: (titolo: string, cell: string, scritto: string, somma: number, dettaglio: string) =>
    `Obiettivo ${quote(titolo)}: Esito Pesatura in ${cell} è ${scritto || 'vuoto'} ma la somma dei punteggi segnati è ${num(somma)} (${dettaglio}). Scrivere ${num(somma)}, o correggere le x.`,
  contribuzione: (titolo: string, celle: string, somma: number, n: number) =>
    `Obiettivo ${quote(titolo)}: le % di contribuzione delle ${n} aree (${celle}) sommano a ${num(somma)}% invece di 100%` +
    (somma < 100 ? ` (mancano ${num(100 - somma)} punti)` : ` (${num(somma - 100)} punti in più)`) +
    '. Correggere le percentuali finché la somma è 100%.',
  indiceErrore: (titolo: string, cell: string, mostrato: string) =>
    `Obiettivo ${quote(titolo)}: INDICE DI ASSORBIMENTO in ${cell} mostra ${mostrato}: le RISORSE ASSEGNATE AL PROGRAMMA sono zero o mancano. Indicare le risorse del programma; finché mancano l'indice è n.d.`,
  indiceZero: (titolo: string, cell: string) =>
    `Obiettivo ${quote(titolo)}: RISORSE ASSEGNATE AL PROGRAMMA (${cell}) è zero o vuoto: l'INDICE DI ASSORBIMENTO non si può calcolare (n.d.).`,
  rilevanza: (r: string) => RIL[r] ?? r,
  punteggio: (criterio: string, r: string, p: number) => `${criterio} ${RIL[r] ?? r} ${p}`,
};

/** the compute of the matrix: the indicator's target as a rule, the areas' rows of the Riepilogo */
export const TESTI_MATRICE_CALCOLO = {
  /** a bare target (95%, 100%, 10) is met when reached or passed */
  targetAlmeno: (t: string) => `almeno ${t}`,
  rigaArea: (area: string, titolo: string) => `Contributo dell'area ${area}: ${titolo}`,
  tipoObiettivo: 'obiettivo (matrice)',
  tipoArea: 'contributo area',
  nd: 'n.d.',
};

/** the blank matrix card (`nuova --sistema matrice`) */
export const TESTI_MATRICE_NUOVA = {
  nomeFoglio: 'Obiettivo (matrice)',
  titolo: "Titolo dell'obiettivo",
  totale: 'TOTALE',
  scelta: 'Rilevanza (scegliere)',
  aree: ['AMMINISTRATIVO', 'FINANZIARIO', 'TECNICO', 'VIGILANZA'],
  promptMarca: 'Scrivere x sotto una sola colonna: Alto, Medio o Basso.',
  erroreMarca: 'Solo «x», e una sola per riga.',
  promptContribuzione: "Quota dell'area sull'obiettivo (le aree sommano a 100%).",
  erroreContribuzione: 'Scrivere una percentuale tra 0% e 100%.',
  promptRisorse: 'Importo in euro.',
  erroreRisorse: 'Scrivere un importo non negativo.',
};

/** the `schede` command's lines for the matrix cards */
export const TESTI_CLI_MATRICE = {
  carta: (foglio: string, indice: number, numero: string | null, range: string) =>
    `Foglio "${foglio}" — obiettivo (matrice di pesatura) ${numero ?? indice} (${range})`,
  riassunto: (indicatori: number, esito: string | null, aree: number) =>
    `  ${indicatori === 1 ? '1 indicatore' : `${indicatori} indicatori`}, Esito Pesatura ${esito ?? 'non indicato'}, ${aree} aree/settori`,
  contributoArea: (foglio: string, scheda: number, area: string, contributo: string, pesoAssoluto: number | null, parziale: boolean) =>
    `Foglio "${foglio}" scheda ${scheda}, area ${area}: contributo ${contributo}${parziale ? ' (parziale)' : ''}, peso assoluto ${pesoAssoluto === null ? 'n.d.' : formatNumberIt(pesoAssoluto)}`,
};
