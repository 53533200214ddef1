/** Every string of the `progetti` card system (Chiari): labels read and written, findings, compute rows, blank card */
import { formatNumberIt } from '../grid';

const q = (s: string) => `«${s}»`;
/** € 4.193,23: thousands grouped, two decimals */
const euro = (n: number) => {
  const cents = Math.round(Math.abs(n) * 100);
  const int = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${n < 0 && cents ? '-' : ''}${int},${String(cents % 100).padStart(2, '0')}`;
};
const pct = (n: number) => `${formatNumberIt(n, 2)}%`;

/** the labels of the project card and of the table, as the seed and the blank card write them */
export const ETICHETTE_PROGETTI = {
  intestazione: 'PERFORMANCE',
  progettoN: 'PROGETTO N.',
  tipologia: 'TIPOLOGIA PROGETTO',
  titolo: 'TITOLO OBIETTIVO',
  descrizione: 'DESCRIZIONE OBIETTIVO',
  tempi: 'TEMPI DI ATTUAZIONE',
  fasi: 'FASI DI ATTUAZIONE',
  attivitaObiettivo: "ATTIVITA' OPERATIVE DA SVOLGERE AL FINE DEL RAGGIUNGIMENTO DELL'OBIETTIVO",
  indicatore: "INDICATORI OPERATIVI PER IL RAGGIUNGIMENTO DELL'OBIETTIVO",
  quantita: "QUANTITA'",
  attivitaIndicatore: "ATTIVITA' OPERATIVA RIFERIBILE AGLI INDICATORI",
  percentuale: "PERCENTUALE PER VERIFICA DEL RAGGIUNGIMENTO DELL'OBIETTIVO",
  soglia: 'SOGLIA MINIMA RISULTATO ATTESO',
  personale: "PERSONALE DA COINVOLGERE AL FINE DEL RAGGIUNGIMENTO DELL'OBIETTIVO",
  raggiunto: 'RAGGIUNTO',
  livello: '% RAGGIUNTA',
  totalePercentuali: 'TOTALE PERCENTUALI',
  // the table's header
  colN: 'PROGRESSIVO',
  colAmbito: 'TIPOLOGIA PROGETTO NUM.',
  colTitolo: 'TITOLO DEL PROGETTO',
  colPeriodo: 'TEMPI DI ATTUAZIONE',
  colSoglia: 'SOGLIA MINIMA RISULTATO ATTESO',
  colPersonale: 'PERSONALE DA COINVOLGERE',
  colCategoria: '1.Strategico (40) 2.Innovativo (25) 3.miglioramento (20) 4.mantenimento (10) 5.una tantum (5)',
  colNDip: 'N. DIP.',
  colPeso: 'PESO %',
  colCoeff: 'COEFF. MOLTIPLIC. DIP.',
  colTotale: 'TOTALE COEFF.',
  colImporto: 'IMPORTO STANZIATO',
  // the Fondo block
  fondo: 'FONDO',
  fondoTotale: 'FONDO COMPLESSIVO',
  fondoAssegnato: 'ASSEGNATO AI PROGETTI',
  fondoRiserva: 'RISERVA',
  fondoEuroPunto: 'EURO PER PUNTO',
};

/** the five TIPOLOGIA words and their PESO (DESIGN.md) */
export const CATEGORIE_PROGETTO: readonly { nome: string; peso: number }[] = [
  { nome: 'strategico', peso: 40 },
  { nome: 'innovativo', peso: 25 },
  { nome: 'miglioramento', peso: 20 },
  { nome: 'mantenimento', peso: 10 },
  { nome: 'una tantum', peso: 5 },
];

export const MSG_PROGETTI = {
  colonnaFuorviante: (cell: string, intestazione: string, contenuto: string) =>
    `Tabella dei progetti: la colonna intitolata ${q(intestazione)} (${cell}) contiene ${contenuto}; è letta per contenuto.`,
  contenutoColonna: {
    n: 'il numero del progetto',
    ambito: 'il settore (GENERALE / INTERSETTORIALE / SETTORE)',
    titolo: 'il titolo',
    periodo: 'i tempi di attuazione',
    soglia: 'la soglia minima',
    personale: 'il personale',
    categoria: 'la tipologia (strategico, innovativo…)',
    nDip: 'il numero dei dipendenti',
    peso: 'il peso',
    coeff: 'il coefficiente',
    totale: 'il totale dei coefficienti',
    importo: "l'importo",
  } as Record<string, string>,
  pesoTipologia: (n: number, cell: string, scritto: string, categoria: string, atteso: number) =>
    `Progetto ${n}: PESO % ${q(scritto)} (${cell}) non è il peso della tipologia ${q(categoria)}, che vale ${atteso}. Correggere il peso o la tipologia.`,
  categoriaIgnota: (n: number, cell: string, testo: string) =>
    `Progetto ${n}: la tipologia ${q(testo)} (${cell}) non è una delle cinque (strategico 40, innovativo 25, miglioramento 20, mantenimento 10, una tantum 5).`,
  coeff: (n: number, cell: string, scritto: string, nDip: number, atteso: number) =>
    `Progetto ${n}: COEFF. ${q(scritto)} (${cell}) non segue da N. DIP. ${nDip}: vale ${formatNumberIt(atteso)} (1 → 0,5; 2–3 → 1; 4–5 → 1,5; 6–7 → 2; 8–9 → 2,5; 10 o più → 3).`,
  totale: (n: number, cell: string, scritto: string, peso: number, coeff: number) =>
    `Progetto ${n}: TOTALE COEFF. ${q(scritto)} (${cell}) non è PESO × COEFF. = ${formatNumberIt(peso)} × ${formatNumberIt(coeff)} = ${formatNumberIt(peso * coeff)}.`,
  importoScarto: (n: number, cell: string, scritto: number, atteso: number, totale: number, euroPunto: number, quota: string) =>
    `Progetto ${n}: IMPORTO ${euro(scritto)} (${cell}) differisce da TOTALE × €/punto della ${quota} = ${formatNumberIt(totale)} × ${formatNumberIt(euroPunto, 6)} = ${euro(atteso)} (scarto ${euro(Math.round((scritto - atteso) * 100) / 100)}).`,
  importoFisso: (n: number, cell: string, importo: number) =>
    `Progetto ${n}: senza PESO e COEFF., l'IMPORTO ${euro(importo)} (${cell}) è un importo fisso (assegnato dalla Giunta), fuori dalle quote a punti.`,
  fondoSomma: (assegnato: number, somma: number) =>
    `Fondo: gli importi dei progetti sommano ${euro(somma)}, il testo assegna ai progetti ${euro(assegnato)}.`,
  verificaSomma: (n: string, celle: string, somma: number) =>
    `Progetto ${n}: le PERCENTUALI PER VERIFICA degli indicatori (${celle}) sommano ${pct(somma)}, non 100%.`,
  sogliaDiversa: (n: number, cellTabella: string, tabella: number, cellScheda: string, scheda: number) =>
    `Progetto ${n}: la SOGLIA MINIMA della tabella è ${pct(tabella)} (${cellTabella}), quella della scheda ${pct(scheda)} (${cellScheda}). Allineare le due.`,
  periodoDiverso: (n: number, cellTabella: string, tabella: string, cellScheda: string, scheda: string) =>
    `Progetto ${n}: i tempi della tabella ${q(tabella)} (${cellTabella}) differiscono da quelli della scheda ${q(scheda)} (${cellScheda}).`,
  titoloDiverso: (n: number, cellTabella: string, tabella: string, cellScheda: string, scheda: string) =>
    `Progetto ${n}: il titolo della tabella ${q(tabella)} (${cellTabella}) differisce da quello della scheda ${q(scheda)} (${cellScheda}).`,
  personale: (n: number, cell: string, nDip: number, contati: number, testo: string) =>
    `Progetto ${n}: N. DIP. ${nDip} (${cell}), ma il personale elencato ${q(testo)} conta ${contati} persone.`,
  senzaScheda: (n: number, cell: string) => `Progetto ${n} (${cell}): nessuna scheda PROGETTO N. ${n}.`,
  senzaRiga: (n: number, cell: string) => `La scheda PROGETTO N. ${n} (${cell}) non ha una riga nella tabella dei progetti.`,
  sogliaIndicatoreUnico: (n: number, cell: string, soglia: number) =>
    `Progetto ${n}: un solo indicatore al 100% e soglia ${pct(soglia)} (${cell}): la soglia ha senso solo misurando il livello raggiunto in percentuale (Livello manuale), non raggiunto sì/no.`,
  sogliaIrraggiungibile: (n: number, cell: string, soglia: number, effettiva: number) =>
    `Progetto ${n}: con indicatori raggiunti o no, la soglia ${pct(soglia)} (${cell}) si supera solo a ${pct(effettiva)}.`,
};

export const MSG_PROGETTI_LETTORE = {
  numeroIlleggibile: (cell: string, testo: string) => `${cell}: ${q(testo)} non è un numero.`,
};

export const TESTI_PROGETTI_CALCOLO = {
  /** the rule of an indicator whose QUANTITA' the engine cannot read: achieved or not */
  graduazioneSiNo: 'Raggiunto = 100%. Non raggiunto = 0%',
  tipoProgetto: 'progetto',
  tipoSettore: 'settore (fondo)',
  tipoFondo: 'fondo',
  quota: (i: number) => `quota ${String.fromCharCode(65 + i)}`,
  rigaSettore: (settore: string) => `Fondo del settore: ${settore}`,
  rigaFondo: 'Fondo produttività: totale',
  esito: { pagato: 'pagato', nonPagato: 'non pagato', inAttesa: 'in attesa di rilevazioni' } as const,
  manca: (n: number, soglia: number, raggiunto: number, mancante: number) =>
    `Progetto ${n}: raggiunto ${pct(raggiunto)} su soglia ${pct(soglia)}: mancano ${pct(mancante)}.`,
  progettoSenzaTitolo: (n: number | null, foglio: string) => `Progetto ${n ?? '?'} (foglio ${q(foglio)})`,
};

export const TESTI_PROGETTI_NUOVA = {
  nomeFoglio: 'Progetti',
  titolo: 'Titolo del progetto',
  totaleProgetti: 'TOTALE',
  promptCategoria: 'Scegliere la tipologia: strategico, innovativo, miglioramento, mantenimento, una tantum',
  erroreCategoria: 'Tipologia non prevista',
  promptPercentuale: 'Percentuale per verifica (0–100)',
  errorePercentuale: 'Un numero da 0 a 100',
};

export { euro as euroTesto };

/** the fund's outcome in the Riepilogo's STATO column */
export const TESTI_PROGETTI_FONDO = {
  statoProgetto: (stato: string, assegnato: number, soglia: number | null, mancante: number | null) =>
    `${stato}: ${euro(assegnato)}${soglia !== null ? `, soglia ${pct(soglia)}` : ''}${mancante ? `, mancano ${pct(mancante)}` : ''}`,
  statoGruppo: (assegnato: number, pagato: number, nonPagato: number, inAttesa: number, riserva?: number | null) =>
    `assegnati ${euro(assegnato)}, pagati ${euro(pagato)}, non pagati ${euro(nonPagato)}, in attesa ${euro(inAttesa)}${riserva != null ? `, riserva ${euro(riserva)}` : ''}`,
};

/** the `schede` command's lines for `progetti` */
export const TESTI_CLI_PROGETTI = {
  tabella: (foglio: string, range: string, n: number) => `Foglio "${foglio}" — tabella dei progetti (${range}), ${n} progetti`,
  scheda: (foglio: string, indice: number, range: string, numero: number | null) => `Foglio "${foglio}" — scheda progetto ${numero ?? '?'} (posizione ${indice}, ${range})`,
  indicatori: (n: number, somma: number | null, soglia: number | null) =>
    `  ${n === 1 ? '1 indicatore' : `${n} indicatori`}${somma !== null ? `, percentuali ${pct(somma)}` : ''}, soglia ${soglia !== null ? pct(soglia) : 'non indicata'}`,
  quota: (quota: string, progetti: number[], punti: number, importo: number, euroPunto: number) =>
    `  Fondo, ${quota}: progetti ${progetti.join(', ')} — ${formatNumberIt(punti)} punti, ${euro(importo)}, ${formatNumberIt(euroPunto, 6)} €/punto`,
  fondo: (assegnato: number, fissi: number, totale: number | null, riserva: number | null) =>
    `  Fondo: assegnati ${euro(assegnato)} (di cui importi fissi ${euro(fissi)})${totale !== null ? `, fondo complessivo ${euro(totale)}` : ''}${riserva !== null ? `, riserva ${euro(riserva)}` : ''}`,
  esitoSettore: (settore: string, assegnato: number, pagato: number, nonPagato: number, inAttesa: number) =>
    `Fondo, ${settore}: assegnati ${euro(assegnato)}, pagati ${euro(pagato)}, non pagati ${euro(nonPagato)}, in attesa ${euro(inAttesa)}`,
  esitoTotale: (pagato: number, nonPagato: number, inAttesa: number, riserva: number | null) =>
    `Fondo, totale: pagati ${euro(pagato)}, non pagati ${euro(nonPagato)}, in attesa ${euro(inAttesa)}${riserva !== null ? `, riserva ${euro(riserva)}` : ''}`,
  manca: (n: number, stato: string, raggiunto: number | null, soglia: number, mancante: number) =>
    `  Progetto ${n}: ${stato}, raggiunto ${pct(raggiunto ?? 0)} su soglia ${pct(soglia)}${mancante > 0 ? `: mancano ${pct(mancante)}` : ''}`,
};

/** the blank sheet's fixed texts */
export const TESTI_PROGETTI_MODELLO = {
  titolo: 'PROGETTI DI PERFORMANCE ORGANIZZATIVA E FONDO PER LA PRODUTTIVITÀ',
  tabella: 'TABELLA DEI PROGETTI',
  intestazioneScheda: (anno: number, n: number) => `PERFORMANCE ${anno} - PROGETTO N. ${n}`,
  promptFondo: 'Importo in euro',
  promptNDip: 'Numero dei dipendenti coinvolti',
  erroreNumero: 'Un numero positivo',
};
