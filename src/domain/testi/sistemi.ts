/** strings of the card systems (src/domain/sistemi): names, the fasi reader's notes, the fasi checks, the blank FASI card */
import { formatNumberIt } from '../grid';

const num = (n: number) => formatNumberIt(Math.round(n * 100) / 100, 2);
const quote = (s: string) => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;

/** the systems as the user sees them */
export const NOMI_SISTEMI: Record<string, string> = {
  gestionale: 'Obiettivo gestionale',
  fasi: 'Obiettivi per fasi',
  progetti: 'Progetti',
  matrice: 'Matrice di pesatura',
};

/** the canonical labels of a FASI card (what the reader looks for and the blank card writes) */
export const ETICHETTE_FASI = {
  centro: "CENTRO DI RESPONSABILITA'",
  servizio: 'SERVIZIO',
  dirigente: 'DIRIGENTE RESPONSABILE',
  segretario: 'SEGRETARIO GENERALE',
  incaricato: 'INCARICATO DI ELEVATA QUALIFICAZIONE RESPONSABILE',
  strategiciSistema: 'OBIETTIVI STRATEGICI DI SISTEMA',
  strategiciSettore: 'OBIETTIVI STRATEGICI DI SETTORE',
  fasi: 'FASI PRINCIPALI',
  data: 'DATA ULTIMAZIONE FASE',
  pesoFase: 'PESO FASE',
  valore: 'VALORE OBIETTIVO',
  raggiunto: 'RAGGIUNTO',
  percentuale: '%',
  risorseUmane: 'RISORSE UMANE IMPIEGATE',
  risorseFinanziarie: 'RISORSE FINANZIARIE IMPIEGATE',
  risultato: 'RISULTATO ATTESO',
  indicatori: 'INDICATORI DI RISULTATO',
  graduazione: 'GRADUAZIONE',
  pesoObiettivo: "PESO DELL'OBIETTIVO",
  totale: 'TOTALE',
  totaleObiettivi: 'TOTALE PESO OBIETTIVI DEL SERVIZIO',
} as const;

/** a FASI objective without a title: its sheet and position */
export function obiettivoSenzaTitolo(foglio: string, index: number): string {
  return `${foglio} (obiettivo ${index})`;
}

/** a service or centro in messages */
export function gruppoTesto(g: { servizio: string | null; centro: string | null }): string {
  if (g.servizio) return g.servizio;
  if (g.centro) return `Centro di responsabilità ${g.centro}`;
  return 'obiettivi senza centro di responsabilità';
}

/** the reader's notes on a FASI objective */
export const MSG_FASI_LETTORE = {
  senzaTitolo: (cell: string) => `La tabella FASI PRINCIPALI in ${cell} non ha sopra il titolo dell'obiettivo: scriverlo nella riga sopra la descrizione.`,
  colonnaMancante: (colonna: string, cell: string) => `Nell'intestazione delle fasi (${cell}) manca la colonna ${colonna}.`,
  senzaPeso: (cell: string) => `Manca la riga PESO DELL'OBIETTIVO dopo la tabella delle fasi (${cell}).`,
};

/** the checks of the fasi system (findings), Italian, with the numbers and what to do */
export const MSG_FASI = {
  pesoSomma: (titolo: string, celle: string, somma: number) =>
    `Obiettivo ${quote(titolo)}: i PESO FASE delle fasi pesate (${celle}) sommano a ${num(somma)}% invece di 100%. Correggere i pesi finché la somma è 100%.`,
  valoreCumulato: (titolo: string, cell: string, scritto: string, atteso: number) =>
    `Obiettivo ${quote(titolo)}: VALORE OBIETTIVO in ${cell} è ${scritto || 'vuoto'} ma la somma dei PESO FASE fino a quella fase è ${num(atteso)}%. Scrivere ${num(atteso)}% (VALORE OBIETTIVO è la somma progressiva dei pesi).`,
  pesoObiettivi: (gruppo: string, somma: number, n: number) =>
    `${gruppo}: i PESO DELL'OBIETTIVO dei suoi ${n} obiettivi sommano a ${num(somma)}% invece di 100%` +
    (somma < 100 ? ` (mancano ${num(100 - somma)} punti)` : ` (${num(somma - 100)} punti in più)`) +
    ". Correggere i pesi degli obiettivi finché la somma è 100%.",
  pesoObiettivoMancante: (titolo: string, cell: string) =>
    `Obiettivo ${quote(titolo)}: manca PESO DELL'OBIETTIVO (${cell}). Scrivere il peso in percentuale (es. 15%).`,
  pesoNonValido: (titolo: string, cell: string, testo: string) =>
    `Obiettivo ${quote(titolo)}: il peso ${quote(testo)} in ${cell} non è una percentuale valida (tra 0% e 100%).`,
  faseSenzaPeso: (titolo: string, n: number, cell: string) =>
    `Obiettivo ${quote(titolo)}: la fase ${n} non ha PESO FASE (${cell}) e non indica un altro settore (es. «S.E.», «FIN.»). Scrivere il peso, oppure la sigla del settore a cui la fase spetta.`,
  dataNonValida: (titolo: string, n: number, cell: string, testo: string) =>
    `Obiettivo ${quote(titolo)}: la data ${quote(testo)} della fase ${n} (${cell}) non esiste. Scrivere una data vera (es. 30.06.2024 o 01.07.2024).`,
  dataMancante: (titolo: string, n: number, cell: string, testo: string) =>
    `Obiettivo ${quote(titolo)}: DATA ULTIMAZIONE FASE della fase ${n} (${cell}) ${testo ? `${quote(testo)} non è una data` : 'è vuota'}: la fase non si può misurare. Scrivere la data (gg.mm.aaaa).`,
};

/** the compute of the fasi system: graduation of a phase, labels of the Riepilogo rows */
export const TESTI_FASI_CALCOLO = {
  /** the rule every phase is judged by, when the objective states none: completed by its date = its weight */
  graduazioneFase: (data: string) => `Fase completata entro il ${data} = 100%. Fase non completata o completata in ritardo = 0%`,
  graduazioneDataNonValida: (data: string) =>
    `La data di ultimazione «${data}» non esiste: il livello della fase va indicato a mano (Livello manuale), con la motivazione`,
  rigaServizio: (gruppo: string) => `Livello del servizio: ${gruppo}`,
  rigaCentro: (centro: string) => `Livello del centro di responsabilità ${centro}`,
  tipoObiettivo: 'obiettivo per fasi',
  tipoServizio: 'servizio',
  tipoCentro: 'centro',
};

/** the default sheet of a blank OBIETTIVO GESTIONALE card made through the seam */
export const NOME_FOGLIO_GESTIONALE = 'Nuova scheda';

/** the blank FASI card (`nuova --sistema fasi`) */
export const TESTI_FASI_NUOVA = {
  nomeFoglio: 'Obiettivi per fasi',
  centroEsempio: 'CENTRO DI RESPONSABILITA\': __',
  dirigente: 'DIRIGENTE RESPONSABILE: ',
  servizio: 'SERVIZIO ',
  titolo: 'TITOLO DELL\'OBIETTIVO (RIF. DUP x.y.z)',
  descrizione: 'Descrizione dell\'obiettivo',
  totaleFasi: 'TOTALE PESO FASI',
  promptPeso: 'Peso della fase in percentuale (es. 20%). Le fasi di altri settori restano senza peso.',
  promptData: 'Data entro cui la fase va completata (gg/mm/aaaa).',
  erroreData: 'Scrivere una data valida (gg/mm/aaaa).',
  errorePeso: 'Scrivere una percentuale tra 0% e 100%.',
  promptPesoObiettivo: 'Peso dell\'obiettivo nel servizio: i pesi degli obiettivi del servizio sommano a 100%.',
};

/** the seam: sheets no system recognises */
export const MSG_SISTEMI = {
  nonRiconosciuto: (foglio: string) =>
    `Il foglio ${quote(foglio)} non contiene schede di un formato conosciuto (obiettivo gestionale, obiettivi per fasi, matrice di pesatura): non è stato letto.`,
  sistemaSconosciuto: (nome: string, validi: string[]) => `Sistema di schede ${quote(nome)} sconosciuto: usare ${validi.join(' o ')}.`,
};

/** the `schede` command's lines for the card systems */
export const TESTI_CLI_SISTEMI = {
  obiettivoFasi: (foglio: string, indice: number, range: string) => `Foglio "${foglio}" — obiettivo per fasi ${indice} (${range})`,
  gruppo: (servizio: string | null, centro: string | null) => `  Centro: ${centro ?? 'non indicato'}${servizio ? ` · ${servizio}` : ''}`,
  fasi: (n: number, applicabili: number, peso: string | null) =>
    `  ${n} fasi (${applicabili} pesate), PESO DELL'OBIETTIVO ${peso ?? 'non indicato'}`,
  nessunaScheda:
    'Nessuna scheda trovata: né schede OBIETTIVO GESTIONALE (una cella come "OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE") né obiettivi per fasi (una tabella "FASI PRINCIPALI | DATA ULTIMAZIONE FASE | PESO FASE | VALORE OBIETTIVO").',
  livelloGruppo: (tipo: 'servizio' | 'centro', nome: string, livello: string, parziale: boolean, completi: number, obiettivi: number) =>
    `${tipo === 'servizio' ? 'Servizio' : 'Centro'} ${nome}: ${livello}${parziale ? ` (parziale, ${completi} di ${obiettivi} obiettivi rilevati)` : ''}`,
  sistemaNonValido: (s: string) => `Sistema di schede non valido: "${s}". Usare --sistema gestionale, --sistema fasi, --sistema matrice oppure --sistema progetti.`,
  usoSistema: '[--sistema gestionale|fasi|matrice|progetti]',
};
