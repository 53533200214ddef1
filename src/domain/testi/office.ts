/** messages of the Office.js back end (Excel desktop / Excel on the web) */
export const TESTI_OFFICE = {
  nonDisponibile:
    'Excel non è disponibile: apri il componente aggiuntivo dall’interno di Excel (Home → Schede Obiettivi) oppure usa l’anteprima.',
  versioneNonSupportata: (set: string) =>
    `Questa versione di Excel non supporta le funzioni richieste (${set}). Aggiorna Excel (Microsoft 365, Excel sul Web o Office 2021 e successivi) oppure usa il comando "schede" sui file .xlsx.`,
  apiNonTrovata:
    'Questa versione di Excel non offre una funzione richiesta dal componente aggiuntivo. Aggiorna Excel (Microsoft 365, Excel sul Web o Office 2021 e successivi) oppure usa il comando "schede" sui file .xlsx.',
  foglioProtetto: (n: string) =>
    `Il foglio "${n}" è protetto: togli la protezione (Revisione → Rimuovi protezione foglio) e riprova. Non è stato scritto nulla.`,
  protetto:
    'Un foglio o la cartella di lavoro è protetto: togli la protezione (Revisione → Rimuovi protezione foglio / cartella di lavoro) e riprova.',
  modificaInCorso:
    'Una cella è in modifica in Excel: premi Invio o Esc per terminare la modifica della cella, poi riprova. Non è stato scritto nulla.',
  troppoGrande:
    'I dati da scrivere sono troppi per un’unica operazione in Excel sul Web: riprova su meno schede alla volta (per esempio una annualità o un dirigente per volta).',
  troppoGrandeLettura:
    'Un foglio contiene troppi dati per essere letto da Excel sul Web: elimina le righe e le colonne inutilizzate in fondo al foglio oppure apri la cartella di lavoro in Excel desktop.',
  foglioEsistente: (n: string) => `Esiste già un foglio chiamato "${n}": scegli un altro nome. Non è stato scritto nulla.`,
  foglioMancante: (n: string) =>
    `Il foglio "${n}" non esiste più nella cartella di lavoro: aggiorna l’elenco delle schede e riprova. Non è stato scritto nulla.`,
  elementoMancante:
    'Un foglio o un intervallo richiesto non esiste più nella cartella di lavoro: aggiorna l’elenco delle schede e riprova.',
  elementoEsistente: 'Esiste già un foglio o una tabella con lo stesso nome: scegli un altro nome.',
  nomeFoglioNonValido: (n: string) =>
    `Il nome di foglio "${n}" non è valido in Excel: al massimo 31 caratteri, senza \\ / ? * [ ] : e senza apostrofo all’inizio o alla fine. Non è stato scritto nulla.`,
  conflittoCelleUnite:
    'Excel non può creare una tabella sopra celle unite o sopra un’altra tabella: separa le celle (Home → Unisci e allinea al centro) e riprova.',
  cartellaNonAttiva:
    'La cartella di lavoro non è più quella attiva in Excel: torna alla cartella di lavoro delle schede e riprova.',
  cellaNascostaInUnione: (foglio: string, cella: string, area: string) =>
    `Foglio "${foglio}": la cella ${cella} fa parte delle celle unite ${area}, di cui Excel mostra solo la prima cella; un valore scritto lì resterebbe invisibile. Separa le celle o correggi la scheda e riprova. Non è stato scritto nulla.`,
  riferimentoNonValido: (r: string) => `L’intervallo "${r}" non è un indirizzo di cella valido.`,
  occupato: 'Excel è occupato o la connessione si è interrotta: attendi qualche secondo e riprova.',
  generico: (dettaglio: string) =>
    `Excel ha segnalato un errore${dettaglio ? ` (${dettaglio})` : ''}. Riprova; se il problema continua, salva la cartella di lavoro e riaprila.`,
};
