/** strings of the card reader (problemi) and of the consistency checks (findings) */
import { formatNumberIt } from '../grid';

const ord = (n: number) => `${n}ª`;
const num = (n: number) => (Number.isInteger(n) ? String(n) : formatNumberIt(n, 2));
const quote = (s: string) => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;

/** a card without a description, by its sheet: "Trasparenza", "Trasparenza (scheda 2)" for a stacked card */
export function schedaSenzaDescrizione(foglio: string, index: number): string {
  return index > 1 ? `${foglio} (scheda ${index})` : foglio;
}

/** an action (or RISORSE UMANE row) in the checks' messages: "N. 3", else "della riga 15" */
export function azioneRif(n: number | null, riga: number): string {
  return n !== null ? `N. ${num(n)}` : `della riga ${riga}`;
}

/** a RISORSE UMANE row in "La riga … di RISORSE UMANE": "N. 3", else its row number */
export function rigaRisorseRif(n: number | null, riga: number): string {
  return n !== null ? `N. ${num(n)}` : `${riga}`;
}

/** the reader's notes (Scheda.problemi), Italian, with the cell */
export const MSG_LETTORE = {
  entrambeCaselle: (cell: string) =>
    `Nel titolo (${cell}) sono segnate sia COMUNE sia INDIVIDUALE: lasciarne segnata una sola.`,
  periodoNonLetto: (cell: string) => `Nel titolo (${cell}) non trovo il periodo (es. 2024 – 2026): gli anni delle annualità restano sconosciuti.`,
  senzaTitolo: (cell: string, periodo: { from: number; to: number } | null) =>
    `Scheda senza il titolo OBIETTIVO GESTIONALE (inizia in ${cell})` +
    (periodo ? `: periodo ${periodo.from} – ${periodo.to} preso dalla scheda precedente.` : ': periodo sconosciuto.'),
  pianoSenzaIntestazione: (n: number, cell: string) =>
    `${ord(n)} annualità (${cell}): non trovo la riga di intestazione «N. | PESO | AZIONE …»; le azioni non sono state lette.`,
  colonnaMancante: (n: number, colonna: string, cell: string) =>
    `${ord(n)} annualità: nell'intestazione (${cell}) manca la colonna ${colonna}.`,
  cellaNascosta: (colonna: string, cell: string) =>
    `La cella ${colonna} ${cell} è coperta da un'unione di celle: non verrà scritta. Separare le celle per avere il ${colonna} calcolato.`,
  schedeAffiancate: (celle: string[]) =>
    `Ci sono più titoli OBIETTIVO GESTIONALE affiancati nella stessa riga (${celle.join(', ')}): si legge solo la scheda a sinistra. Mettere ogni scheda sotto l'altra o su un foglio a sé.`,
  formulaSenzaRisultato: (cell: string) =>
    `La cella ${cell} contiene una formula senza risultato salvato: aprire il file in Excel e salvarlo, così il valore si può leggere.`,
  graduazioneSpostata: (cell: string) =>
    `Il testo in ${cell} (colonna RAGGIUNTO) è una graduazione: è stato letto come GRADUAZIONE; spostarlo nella colonna GRADUAZIONE.`,
  responsabileConPercentuale: (text: string, cell: string) =>
    `RISORSE UMANE: ${quote(text)} (${cell}) è nella colonna RESPONSABILE ma ha una percentuale: letto come partecipante.`,
  risorseSenzaIntestazione: (cell: string) =>
    `RISORSE UMANE (${cell}): non trovo la riga di intestazione «N. | AZIONE | RESPONSABILE …»; le righe non sono state lette.`,
  erroreInterno: (cell: string, detail: string) => `Parte della scheda da ${cell} non è stata letta (${detail}).`,
} as const;

/** the checks' messages (Finding.messaggio): what is wrong, the numbers, what to do */
export const MSG_CONTROLLI = {
  tipoEntrambe: (cell: string) =>
    `Il titolo (${cell}) segna sia COMUNE sia INDIVIDUALE: l'obiettivo deve essere dell'uno o dell'altro tipo. Lasciare la X su una sola casella.`,
  tipoNessuna: (cell: string) =>
    `Il titolo (${cell}) non segna né COMUNE né INDIVIDUALE: mettere una X sulla casella del tipo di obiettivo.`,
  pesoSomma: (n: number, sum: number, range: string) =>
    `I pesi della ${ord(n)} annualità sommano a ${num(sum)} invece di 100 (${range}): correggere i pesi o le azioni.`,
  pesoMancante: (n: number, az: string, cell: string) =>
    `L'azione ${az} della ${ord(n)} annualità non ha un PESO (${cell}): inserire il peso.`,
  pesoSenzaAzione: (n: number, az: string, peso: string, cell: string, azCell: string) =>
    `Nella ${ord(n)} annualità la riga ${az} ha PESO ${peso} (${cell}) ma nessuna azione (${azCell}): scrivere l'azione o cancellare il peso.`,
  pesoNonValido: (text: string, cell: string) =>
    `Il PESO ${quote(text)} in ${cell} non è valido: scrivere un numero da 0 a 100.`,
  pesoFormatoMisto: (diversi: string, usuali: string) =>
    `I pesi della scheda sono scritti in forme diverse: ${diversi} accanto a ${usuali}: scrivere tutti i pesi come numeri su 100 (es. 25).`,
  pesoTesto: (text: string, cell: string, value: number) =>
    `Il PESO in ${cell} è scritto come testo (${quote(text)}): scriverlo come numero (${num(value)}) perché Excel possa sommarlo.`,
  risorseSomma: (az: string, sum: number, range: string) =>
    `Le percentuali di partecipazione dell'azione ${az} in RISORSE UMANE sommano a ${num(sum)}% invece di 100% (${range}): correggere le percentuali.`,
  risorseAzioneMancante: (az: string, cell: string) =>
    `L'azione ${az} della 1ª annualità (${cell}) non ha una riga in RISORSE UMANE: aggiungerla con responsabile e personale coinvolto.`,
  risorseRigaOrfana: (n: string, cell: string) =>
    `La riga ${n} di RISORSE UMANE (${cell}) non corrisponde ad alcuna azione della 1ª annualità: correggerla o cancellarla.`,
  risorseTestoDiverso: (n: string, ruCell: string, azCell: string) =>
    `L'azione ${n} in RISORSE UMANE (${ruCell}) non è quella del piano operativo (${azCell}): allineare i testi.`,
  pesaturaSomma: (sum: number, tot: number, cell: string) =>
    `I pesi dei criteri della PESATURA sommano a ${num(sum)} ma il PESO TOTALE DELL'OBIETTIVO è ${num(tot)} (${cell}): correggere i pesi o il totale.`,
  pesaturaTotaleMancante: (sum: number, cell: string) =>
    `I pesi dei criteri della PESATURA sommano a ${num(sum)} ma manca il PESO TOTALE DELL'OBIETTIVO (${cell}): inserirlo.`,
  pesaturaCriteriMancanti: (tot: number, cell: string) =>
    `Il PESO TOTALE DELL'OBIETTIVO è ${num(tot)} (${cell}) ma i criteri della PESATURA non hanno pesi: inserirli.`,
  graduazioneNonLetta: (cell: string, reason: string | undefined) =>
    `La graduazione in ${cell} non si può calcolare automaticamente.` +
    (reason ? ` ${/[.!?]$/.test(reason.trim()) ? reason.trim() : `${reason.trim()}.`}` : '') +
    ` Indicare il livello a mano nelle Rilevazioni (Livello manuale e Motivazione), oppure riscrivere la graduazione per fasce, es. «Nessun ritardo = 100%; ritardo fino a 30 gg = 70%».`,
  graduazioneFasce: (cell: string, dettagli: string[], canonica: string | null) =>
    `Graduazione in ${cell}: ${dettagli.join(' ')}` + (canonica ? ` Forma corretta proposta: «${canonica}».` : ''),
  graduazioneData: (cell: string, dettaglio: string) => `Graduazione in ${cell}: ${dettaglio}`,
  dataNonValida: (text: string, cell: string) => `La data ${text} in ${cell} non esiste: correggerla.`,
  annualitaAnno: (az: string, n: number, anno: number, data: string, cell: string) =>
    `La scadenza ${data} dell'azione ${az} (${cell}) non cade nell'anno della ${ord(n)} annualità (${anno}): correggere la data o spostare l'azione nell'annualità giusta.`,
  /** how a PESO form is named in messages */
  formaPeso: {
    intero: 'numero intero',
    decimale: 'numero con decimali',
    percentuale: 'percentuale',
    'testo-percentuale': 'percentuale scritta come testo',
    'testo-numero': 'numero scritto come testo',
    'non-valido': 'valore non valido',
  } as Record<string, string>,
} as const;
