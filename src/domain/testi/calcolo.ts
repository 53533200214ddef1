/** strings of the measurements / compute / undo area (Rilevazioni, Riepilogo, Calcola, Annulla) */

export const FOGLIO_RILEVAZIONI = 'Rilevazioni';
export const FOGLIO_RIEPILOGO = 'Riepilogo';
/** the add-in's bookkeeping sheet (very hidden) */
export const FOGLIO_REGISTRO = '_SchedeObiettivi';
export const TABELLA_RILEVAZIONI = 'TabRilevazioni';

/** Rilevazioni header labels, in order */
export const INTESTAZIONI_RILEVAZIONI = {
  foglio: 'Foglio',
  scheda: 'Scheda',
  anno: 'Anno',
  n: 'N.',
  azione: 'Azione',
  tipo: 'Tipo',
  scadenza: 'Scadenza',
  dataCompletamento: 'Data completamento',
  valore: 'Valore rilevato',
  livelloManuale: 'Livello manuale (%)',
  motivazione: 'Motivazione',
  note: 'Note',
  stato: 'Stato',
} as const;

export const STATO_AZIONE_ASSENTE = 'Azione non più presente';

/** Riepilogo header labels, in order */
export const INTESTAZIONI_RIEPILOGO = [
  'Foglio',
  'Obiettivo',
  'Dirigente',
  'Unità',
  'Tipo',
  'Anno',
  'Azioni',
  'Azioni rilevate',
  'Grado di raggiungimento',
  'Stato del grado',
  "Peso dell'obiettivo",
  'Segnalazioni',
  'Calcolato il',
] as const;

export const TITOLO_GRAFICO_RIEPILOGO = 'Grado di raggiungimento per obiettivo';

export function tipoSchedaTesto(tipo: 'comune' | 'individuale' | null): string {
  return tipo === 'comune' ? 'COMUNE' : tipo === 'individuale' ? 'INDIVIDUALE' : '';
}

function plurale(n: number, uno: string, molti: string): string {
  return `${n} ${n === 1 ? uno : molti}`;
}

/** "1 errore · 2 avvisi" ('' when none) */
export function segnalazioniTesto(errori: number, avvisi: number, info: number): string {
  const parts: string[] = [];
  if (errori) parts.push(plurale(errori, 'errore', 'errori'));
  if (avvisi) parts.push(plurale(avvisi, 'avviso', 'avvisi'));
  if (info) parts.push(plurale(info, 'informazione', 'informazioni'));
  return parts.join(' · ');
}

/** what qualifies a grade, as shown beside it everywhere (pane, Panoramica, Riepilogo, CLI) */
export interface StatoGradoDati {
  parziale: boolean;
  rilevate: number;
  azioni: number;
  /** Σ PESO when it is not 100 */
  pesoTotaleErrato: number | null;
}

/** "parziale: 2 di 3 azioni rilevate · pesi che sommano a 125 invece di 100" ('' for a grade that is final) */
export function statoGradoTesto(s: StatoGradoDati): string {
  const parts: string[] = [];
  if (s.parziale) parts.push(`parziale: ${s.rilevate} di ${s.azioni} azioni rilevate`);
  if (s.pesoTotaleErrato !== null) {
    parts.push(`pesi che sommano a ${String(s.pesoTotaleErrato).replace('.', ',')} invece di 100`);
  }
  return parts.join(' · ');
}

/** "71,7%", or "71,7% (parziale: 2 di 3 azioni rilevate)" */
export function gradoConStato(grado: string, s: StatoGradoDati): string {
  const stato = statoGradoTesto(s);
  return stato ? `${grado} (${stato})` : grado;
}

/** the Riepilogo's "Stato del grado" of a final grade */
export const GRADO_COMPLETO = 'tutte le azioni rilevate';

export const RAGGIUNTO_MANUALE = (livello: string) => `Valutazione manuale: ${livello}`;
/** the explanation of a level typed by hand: the reason given with it */
export const SPIEGAZIONE_MANUALE = (motivazione: string) => `Valutazione manuale: ${motivazione}`;

/** an action in messages: "n. 2 del foglio «Trasparenza»", "(scheda 2)" added when its sheet holds several cards */
export function azioneTesto(n: number, foglio: string, scheda: number): string {
  return `n. ${n} del foglio «${foglio}»${scheda > 1 ? ` (scheda ${scheda})` : ''}`;
}

/** an annualità in messages: its year, else its position ("2ª annualità") when the card has no period */
export function annualitaTesto(anno: number | null, n: number): string {
  return anno !== null ? String(anno) : `${n}ª annualità`;
}

/** what the "Valore rilevato" column must hold for a rule kind, when only the completion date was typed */
const COSA_SERVE_VALORE: Record<string, string> = {
  soglia: 'un numero',
  proporzionale: 'un numero',
  percentuale: 'una percentuale',
  binario: 'sì o no',
};

export function cosaServeTesto(kind: string): string {
  return COSA_SERVE_VALORE[kind] ?? 'un valore';
}

// ---- messages of findings ----------------------------------------------------------------

export const MSG_CALCOLO = {
  rilevazioneMancante: (azione: string, anno: string) =>
    `Nessuna rilevazione per l'azione ${azione} (${anno}): compilare la riga corrispondente nel foglio Rilevazioni (usare "Prepara rilevazioni" se manca) e ricalcolare.`,
  rilevazioneMancanteLivello: (azione: string, anno: string) =>
    `L'azione ${azione} (${anno}) ha una graduazione da valutare a mano: indicare il "Livello manuale (%)" e la motivazione nel foglio Rilevazioni.`,
  rilevazioneMancanteValore: (azione: string, anno: string, cosa: string) =>
    `L'azione ${azione} (${anno}) ha solo la data di completamento: per questa graduazione serve ${cosa} nella colonna "Valore rilevato".`,
  dataNonValida: (cella: string, testo: string) =>
    `La cella ${cella} ("${testo}") non è una data: scrivere la data di completamento come gg/mm/aaaa (es. 20/01/2025).`,
  dataImpossibile: (cella: string, testo: string) =>
    `La cella ${cella} contiene una data impossibile ("${testo}"): correggerla (es. 30/06/2025).`,
  valoreNonValido: (cella: string, testo: string, motivo: string) =>
    `Il valore rilevato in ${cella} ("${testo}") non si può usare per questa azione: ${motivo}`,
  ritardoNegativo: (cella: string, testo: string) =>
    `Il ritardo in ${cella} ("${testo}") è negativo: indicare i giorni di ritardo (0 se nei termini) oppure la data di completamento.`,
  percentualeFuoriScala: (cella: string, testo: string) =>
    `La percentuale in ${cella} ("${testo}") è fuori scala: deve essere tra 0% e 100%.`,
  livelloNonValido: (cella: string, testo: string) =>
    `Il livello manuale in ${cella} ("${testo}") non è valido: scrivere una percentuale tra 0% e 100% (es. 80%).`,
  rigaDuplicata: (cella: string, prima: number) =>
    `La riga ${cella} ripete un'azione già rilevata alla riga ${prima}: viene usata solo la prima; eliminare o correggere il duplicato.`,
  annoNonValido: (cella: string, testo: string) =>
    `L'anno in ${cella} ("${testo}") non è un anno: scrivere l'anno dell'annualità (es. 2024).`,
  nonCalcolabile: (azione: string, anno: string, motivo: string) =>
    `L'azione ${azione} (${anno}) non si può calcolare: ${motivo}`,
  conflitto: (cella: string, attuale: string, nuovo: string) =>
    `La cella ${cella} contiene «${attuale}», scritto a mano e non dal calcolo: il valore calcolato («${nuovo}») non è stato scritto. Per sostituirlo scegliere «Sovrascrivi» nel riquadro Calcola, oppure --forza da riga di comando; per tenerlo non serve fare nulla.`,
  annullaConflitto: (cella: string, attuale: string) =>
    `La cella ${cella} è stata modificata a mano dopo il calcolo («${attuale}»): non viene ripristinata.`,
} as const;

export const MSG_RILEVAZIONI = {
  intestazioneMancante:
    'Nel foglio Rilevazioni manca la riga di intestazione (Foglio | Scheda | Anno | N. | …): usare "Prepara rilevazioni" per ricrearla.',
  nessunaRilevazione: 'Il foglio Rilevazioni non esiste ancora: usare "Prepara rilevazioni" per crearlo.',
  registroIlleggibile:
    'Le informazioni dell\'ultimo calcolo (foglio nascosto _SchedeObiettivi) non sono leggibili: i valori presenti nelle celle RAGGIUNTO e % sono trattati come scritti a mano.',
} as const;

export const MSG_ANNULLA = {
  nienteDaAnnullare: 'Non c\'è un calcolo da annullare in questa cartella di lavoro.',
  annullato: (celle: number) => `Ultimo calcolo annullato: ripristinate ${celle} celle.`,
} as const;

export const MSG_CLI_CALCOLO = {
  usoPrepara: 'Uso: schede prepara FILE.xlsx [--out OUT.xlsx] [--sovrascrivi]',
  usoCalcola: 'Uso: schede calcola FILE.xlsx [--anno AAAA] [--out OUT.xlsx] [--sovrascrivi] [--forza] [--json]',
  usoAnnulla: 'Uso: schede annulla FILE.xlsx [--out OUT.xlsx] [--sovrascrivi]',
  opzioneNonValida: (dettaglio: string) => `Opzione non valida: ${dettaglio}`,
  fileMancante: 'Indicare il file .xlsx da elaborare.',
  troppiFile: 'Indicare un solo file .xlsx.',
  annoNonValido: (s: string) => `Anno non valido: "${s}" (es. --anno 2024).`,
  nessunaScheda: 'Nessuna scheda OBIETTIVO GESTIONALE trovata nel file.',
  salvato: (percorso: string) => `Salvato: ${percorso}`,
  preparate: (nuove: number, orfane: number) =>
    `Foglio Rilevazioni: ${nuove} righe aggiunte${orfane ? `, ${orfane} righe segnate come "${STATO_AZIONE_ASSENTE}"` : ''}.`,
  riepilogoCalcolo: (schede: number, scritte: number, conflitti: number) =>
    `Calcolo eseguito su ${schede} schede: ${scritte} celle scritte${conflitti ? `, ${conflitti} celle scritte a mano lasciate invariate (usare --forza per sovrascriverle)` : ''}.`,
  rigaScheda: (foglio: string, anno: string, grado: string, stato: StatoGradoDati) =>
    `${foglio} · ${anno}: ${grado}${stato.parziale || stato.pesoTotaleErrato !== null ? ` (${statoGradoTesto(stato)})` : ` (${stato.rilevate}/${stato.azioni} azioni rilevate)`}`,
  nonCalcolabile: 'non calcolabile',
} as const;
