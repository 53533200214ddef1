/** messages of the .xlsx back end and file handling */
export const TESTI_XLSX = {
  fileNonValido: 'Il file non è una cartella di lavoro Excel (.xlsx) leggibile. Aprilo in Excel e salvalo come "Cartella di lavoro di Excel (.xlsx)".',
  fileMancante: (p: string) => `Il file "${p}" non esiste. Controlla il percorso e il nome del file.`,
  fileProtetto: (p: string) =>
    `Il file "${p}" è protetto da password o è nel vecchio formato .xls: aprilo in Excel, togli la password (File → Informazioni → Proteggi cartella di lavoro) e salvalo come .xlsx.`,
  nonXlsx: (p: string) => `Il file "${p}" non è un file .xlsx. Salvalo da Excel come "Cartella di lavoro di Excel (.xlsx)".`,
  foglioEsistente: (n: string) => `Esiste già un foglio chiamato "${n}": scegli un altro nome.`,
  foglioMancante: (n: string) => `Il foglio "${n}" non esiste più nella cartella di lavoro: aggiorna e riprova.`,
  uscitaMancante: 'Indicare il file da scrivere con --out OUT.xlsx.',
  uscitaUgualeIngresso:
    'Il file di uscita non può essere il file di partenza (nemmeno attraverso un collegamento): scegliere un altro nome con --out. Il file di partenza non viene mai sovrascritto.',
  uscitaEsistente: (p: string) =>
    `Il file "${p}" esiste già e non viene sovrascritto: scegliere un altro nome con --out, oppure aggiungere --sovrascrivi per sostituirlo.`,
  uscitaCartella: (p: string) => `"${p}" è una cartella: indicare con --out il nome del file da scrivere (es. ${p.replace(/[\\/]+$/, '')}/risultato.xlsx).`,
  nonCartellaExcel: (p: string) =>
    `Il file "${p}" è un archivio zip ma non una cartella di lavoro di Excel. Salvalo da Excel come "Cartella di lavoro di Excel (.xlsx)".`,
  fileOds: (p: string) =>
    `Il file "${p}" è un foglio di calcolo OpenDocument (.ods). Aprilo in LibreOffice o in Excel e salvalo come "Cartella di lavoro di Excel (.xlsx)".`,
  lettura: (p: string, pct: number) => `Lettura di "${p}": ${pct}%`,
  scritturaFallita: (p: string) => `Impossibile scrivere il file "${p}": controlla che la cartella esista e che il file non sia aperto in Excel.`,
};
