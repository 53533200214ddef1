/** help and errors of the `schede` command's entry point */
export const TESTI_CLI_MAIN = {
  aiuto: `schede — Schede Obiettivi da riga di comando (file .xlsx)

Uso: schede <comando> [opzioni]

Comandi:
  controlla FILE.xlsx [--json]                      trova le schede ed esegue tutti i controlli
  prepara FILE.xlsx [--out OUT.xlsx] [--sovrascrivi]
                                                    crea o completa il foglio Rilevazioni
  calcola FILE.xlsx [--anno AAAA] [--out OUT.xlsx] [--sovrascrivi] [--forza] [--json]
                                                    calcola RAGGIUNTO e % e il Riepilogo
  annulla FILE.xlsx [--out OUT.xlsx] [--sovrascrivi]
                                                    annulla l'ultimo calcolo
  nuova [--modello NOME] [--titolo T] [--periodo 2025-2027] [--tipo comune|individuale]
        [--azioni N] [--elenco ELENCO.xlsx] [--in FILE.xlsx] [--sistema gestionale|fasi] --out OUT.xlsx [--sovrascrivi]
                                                    crea nuove schede da modello
  standardizza FILE.xlsx --foglio NOME [--out OUT.xlsx] [--sovrascrivi]
                                                    ricostruisce una scheda nel formato standard
  valuta --graduazione TESTO --valore V [--tempi T] [--atteso A] [--anno AAAA] [--json]
                                                    prova una regola di graduazione

Opzioni dei comandi che scrivono un file:
  --out OUT.xlsx    dove scrivere il risultato. Senza --out va accanto al file di partenza come
                    NOME-calcolato.xlsx (.xlsm per un file con macro); se esiste già, NOME-calcolato-2.xlsx
                    e così via. Il file di partenza non viene mai sovrascritto.
  --sovrascrivi     sostituisce il file --out se esiste già (senza, il comando si ferma con codice 2).

Esempi (dalla cartella del progetto):
  schede controlla assets/esempi/sarzana-esempio.xlsx
  schede prepara assets/esempi/sarzana-esempio.xlsx --out prova-rilevazioni.xlsx
  schede calcola prova-rilevazioni.xlsx --anno 2024

Codici di uscita: 0 tutto bene, 1 il controllo ha trovato errori, 2 comando o file non valido.
Aiuto: schede --help`,
  comandoSconosciuto: (c: string) => `Comando sconosciuto: "${c}". Scrivi "schede --help" per l'elenco dei comandi.`,
  comandoMancante: 'Manca il comando. Scrivi "schede --help" per l\'elenco dei comandi.',
  opzioneNonValida: (dettaglio: string) => `Opzione non valida: ${dettaglio}. Scrivi "schede --help" per l'uso corretto.`,
  erroreInatteso: (m: string) => `Errore inatteso: ${m}. Segnala il problema allegando il file, se possibile.`,
};

/** what was wrong with the command-line options, as the detail of an "Opzione non valida" message */
export const TESTI_CLI_ARGOMENTI = {
  sconosciuta: (opzione: string) => `${opzione} (opzione sconosciuta)`,
  valoreMancante: (opzione: string) => `${opzione} (manca il valore)`,
  senzaValore: (opzione: string) => `${opzione} (non accetta un valore)`,
  argomentoInPiu: (arg: string) => `«${arg}» (argomento non previsto)`,
};
