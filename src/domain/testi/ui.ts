/** Strings of the task pane and the preview page (Italian). */

export const UI = {
  titolo: 'Schede Obiettivi',
  caricamento: 'Lettura della cartella di lavoro…',
  aggiorna: 'Aggiorna',
  aggiornaAria: 'Rileggi la cartella di lavoro',
  chiudi: 'Chiudi',
  annullaAzione: 'Annulla',
  conferma: 'Conferma',
  nessunaScheda:
    'Nessuna scheda OBIETTIVO GESTIONALE trovata. Apri una cartella con le schede oppure creane una in «Nuova scheda».',
  schede: (n: number) => (n === 1 ? '1 scheda' : `${n} schede`),
  fogli: (n: number) => (n === 1 ? '1 foglio' : `${n} fogli`),

  tabs: {
    panoramica: 'Panoramica',
    controlli: 'Controlli',
    rilevazioni: 'Rilevazioni',
    calcola: 'Calcola',
    nuova: 'Nuova scheda',
  },

  panoramica: {
    intro: 'Le schede della cartella. Seleziona una scheda per andare al suo foglio.',
    dirigente: 'Dirigente',
    nessunDirigente: 'dirigente non indicato',
    tipo: { comune: 'Comune', individuale: 'Individuale', nd: 'tipo non indicato' },
    periodo: (p: string) => `Periodo ${p}`,
    raggiungimento: 'Raggiunto:',
    livello: (anno: number, pct: string) => `${anno}: ${pct}`,
    trattino: '—',
    parziale: 'parziale',
    pesiErrati: '· pesi ≠ 100',
    livelloDettaglio: (anno: number | null, pct: string, rilevate: number, totale: number) =>
      `${anno ?? ''} ${pct}, dalle % di ${rilevate} ${rilevate === 1 ? 'azione' : 'azioni'} su ${totale}`.trim(),
    nonCalcolato: (anno: number) => `${anno}: non ancora calcolato`,
    errori: (n: number) => (n === 1 ? '1 errore' : `${n} errori`),
    avvisi: (n: number) => (n === 1 ? '1 avviso' : `${n} avvisi`),
    nessunProblema: 'Nessun problema',
    vaiAllaScheda: (t: string) => `Vai alla scheda: ${t}`,
    altriFogli: 'Altri fogli',
  },

  controlli: {
    intro: 'Segnalazioni per scheda e gravità. Selezionane una per andare alle celle.',
    nessuna: 'Nessuna segnalazione: pesi, graduazioni e date sono coerenti.',
    gravita: { errore: 'Errori', avviso: 'Avvisi', info: 'Informazioni' } as Record<'errore' | 'avviso' | 'info', string>,
    generali: 'Cartella di lavoro',
    correggiGraduazione: 'Correggi: usa la forma proposta',
    correggiPeso: (valore: string) => `Correggi: scrivi ${valore} come numero`,
    confermaTitolo: 'Applicare la correzione?',
    confermaGraduazione: (cella: string, testo: string) =>
      `La cella ${cella} riceverà il testo canonico della graduazione:\n«${testo}»`,
    confermaPeso: (cella: string, valore: string) => `La cella ${cella} riceverà il PESO come numero: ${valore}`,
    corretto: (cella: string) => `Correzione scritta in ${cella}.`,
    cambiata: (cella: string) =>
      `La cella ${cella} è cambiata dopo l'ultima lettura: nulla è stato scritto. I controlli ora mostrano il suo contenuto attuale.`,
    totale: (e: number, a: number, i: number) =>
      `${e} ${e === 1 ? 'errore' : 'errori'} · ${a} ${a === 1 ? 'avviso' : 'avvisi'} · ${i} ${i === 1 ? 'informazione' : 'informazioni'}`,
  },

  rilevazioni: {
    intro:
      'Prepara il foglio Rilevazioni (una riga per azione e annualità), poi inserisci qui i valori della scheda selezionata.',
    prepara: 'Prepara Rilevazioni',
    preparato: (nuove: number) =>
      nuove === 0 ? 'Il foglio Rilevazioni è già aggiornato.' : `Foglio Rilevazioni aggiornato: ${nuove} righe aggiunte.`,
    mancante: 'Il foglio Rilevazioni non c\'è ancora: premi «Prepara Rilevazioni».',
    scheda: 'Scheda',
    annualita: 'Annualità',
    usaSelezione: 'Usa la scheda selezionata in Excel',
    nessunaAzione: 'Questa annualità non ha azioni.',
    rigaMancante:
      'Questa azione non ha una riga nel foglio Rilevazioni: premi «Prepara Rilevazioni» per aggiungerla.',
    dataCompletamento: 'Data di completamento',
    dataPlaceholder: 'gg/mm/aaaa',
    dataAiuto: 'Scrivila come gg/mm/aaaa o sceglila dal calendario.',
    apriCalendario: 'Scegli la data dal calendario',
    calendario: 'Calendario',
    dataNonValida: 'Scrivi la data di completamento come gg/mm/aaaa (es. 20/01/2025).',
    manualeSwitch: 'Livello manuale',
    valore: 'Valore rilevato',
    valorePct: 'Valore rilevato (%)',
    siNo: 'Realizzata?',
    si: 'Sì',
    no: 'No',
    nonIndicato: 'Non indicato',
    livelloManuale: 'Livello manuale (%)',
    motivazione: 'Motivazione',
    motivazioneObbligatoria: 'Indica la motivazione del livello manuale.',
    livelloNonValido: 'Il livello manuale deve essere un numero da 0 a 100.',
    salva: 'Scrivi nel foglio Rilevazioni',
    salvato: (n: number) => (n === 1 ? '1 rilevazione scritta.' : `${n} rilevazioni scritte.`),
    nienteDaSalvare: 'Nessuna modifica da scrivere.',
    cambiate: (celle: string[]) =>
      `Nel foglio Rilevazioni ${celle.length === 1 ? 'la riga di' : 'le righe di'} ${celle.join(', ')} ${celle.length === 1 ? 'è cambiata' : 'sono cambiate'} dopo l'ultima lettura: quelle righe non sono state scritte e il modulo mostra ora i valori del foglio.`,
    errori: 'Correggi i campi segnalati prima di scrivere.',
    regola: (tipo: string, testo: string) => (testo ? `Graduazione (${tipo}): «${testo}»` : `Graduazione: ${tipo}`),
    scadenza: (d: string) => `termine ${d}`,
    peso: (p: string) => `Peso ${p}`,
  },

  calcola: {
    intro:
      'Calcola RAGGIUNTO e % di ogni azione dalle Rilevazioni e aggiorna il foglio Riepilogo. Le celle scritte a mano non vengono sovrascritte.',
    annualita: 'Annualità',
    tutte: 'Tutte le annualità',
    avvia: 'Calcola raggiungimento',
    inCorso: (i: number, n: number) => `Calcolo: scheda ${i} di ${n}`,
    scrittura: 'Scrittura nella cartella…',
    fatto: (n: number) => (n === 1 ? 'Calcolo completato: 1 scheda.' : `Calcolo completato: ${n} schede.`),
    nienteDaAnnullare: 'Non c\'è un calcolo da annullare.',
    grado: (pct: string) => `Grado di raggiungimento: ${pct}`,
    nonCalcolabile: 'non calcolabile',
    nonRilevata: 'non rilevata',
    rilevate: (r: number, n: number) => `${r} di ${n} ${n === 1 ? 'azione rilevata' : 'azioni rilevate'}`,
    nessunaRilevata: 'Grado non ancora calcolabile · vedi le azioni',
    conflitti: 'Celle modificate a mano',
    conflittiIntro:
      'Queste celle sono state cambiate a mano dopo l\'ultimo calcolo: scegli se mantenerle o sovrascriverle.',
    mantieni: 'Mantieni',
    sovrascrivi: 'Sovrascrivi',
    mantenuto: 'Valore mantenuto.',
    sovrascritto: 'Valore sovrascritto.',
    segnalazioni: 'Segnalazioni del calcolo',
    azione: (n: number | null) => (n === null ? 'Azione' : `Azione ${n}`),
  },

  nuova: {
    intro: 'Crea schede standard (layout Sarzana) con formule e menu a tendina, una alla volta o da un elenco.',
    modello: 'Modello',
    standard: 'Obiettivo gestionale (standard)',
    origine: 'Cosa creare',
    daScheda: 'Dalla scheda esistente',
    una: 'Una scheda',
    elenco: 'Un elenco (intervallo selezionato)',
    elencoTesto: 'Un elenco incollato (testo)',
    elencoTestoAiuto:
      'Incolla l\'elenco degli obiettivi: le righe con il trattino sotto i titoli «AREA …» e «(Settore …)» di un piano, oppure un obiettivo per riga, oppure le colonne copiate da Excel con l\'intestazione.',
    elencoTestoCampo: 'Elenco degli obiettivi',
    /** what a list will make, before anything is written */
    anteprima: (n: number) => (n === 1 ? 'Sarà creato 1 foglio:' : `Saranno creati ${n} fogli:`),
    anteprimaAltri: (n: number) => `… e altri ${n}.`,
    /** the card systems offered beside the templates */
    sistemi: {
      fasi: 'Obiettivi per fasi (come Tortona)',
      matrice: 'Obiettivo con matrice di pesatura (modello generico)',
      progetti: 'Progetti e fondo per la produttività (come Chiari)',
    } as Record<string, string>,
    elencoAiuto:
      'Seleziona in Excel un intervallo con le colonne titolo, dirigente, unità, missione, programma (una riga per obiettivo; la prima riga può essere l\'intestazione).',
    elencoLetto: (n: number) => (n === 1 ? '1 obiettivo nell\'intervallo selezionato.' : `${n} obiettivi nell'intervallo selezionato.`),
    elencoVuoto: 'Nessun obiettivo nell\'intervallo selezionato: seleziona le righe dell\'elenco e riprova.',
    leggiSelezione: 'Leggi la selezione',
    titoloScheda: 'Titolo (descrizione dell\'obiettivo)',
    dirigente: 'Dirigente responsabile',
    unita: 'Unità organizzativa responsabile',
    periodo: 'Periodo',
    periodoNonValido: 'Scrivi il periodo come 2025-2027.',
    tipo: 'Tipo',
    comune: 'Comune',
    individuale: 'Individuale',
    azioni: 'Azioni per annualità',
    numAnnualita: 'Annualità',
    crea: 'Crea scheda',
    creaElenco: 'Crea le schede',
    create: (fogli: string[]) =>
      fogli.length === 1 ? `Creato il foglio «${fogli[0]}».` : `Creati ${fogli.length} fogli: ${fogli.join(', ')}.`,
    salvaModello: 'Salva come modello',
    salvaModelloAiuto: 'Salva la scheda selezionata come modello della cartella (i campi da compilare vengono svuotati).',
    nomeModello: 'Nome del modello',
    modelloSalvato: (n: string) => `Modello «${n}» salvato nella cartella.`,
    standardizza: 'Standardizza',
    standardizzaAiuto: 'Ricostruisce la scheda selezionata nel layout standard, su un nuovo foglio, mantenendone il contenuto.',
    standardizzata: (f: string) => `Scheda standardizzata nel foglio «${f}».`,
    nessunaSchedaSelezionata: 'Seleziona in Excel una cella della scheda (oppure sceglila qui).',
  },

  errori: {
    titolo: 'Operazione non riuscita',
    generico: 'Si è verificato un errore imprevisto.',
    riprova: 'Riprova; se il problema resta, salva la cartella, chiudi e riapri Excel.',
    codici: {
      PROTETTO: 'Togli la protezione del foglio (Revisione › Rimuovi protezione foglio) e riprova.',
      MODIFICA_IN_CORSO: 'Una cella è in modifica: premi Invio o Esc in Excel e riprova.',
      TROPPO_GRANDE: 'Troppi dati in una volta: calcola una annualità alla volta.',
      NON_SUPPORTATO:
        'Questa versione di Excel non supporta l\'operazione: aggiorna Office oppure usa il comando «schede» sul file .xlsx.',
      FOGLIO_ESISTENTE: 'Esiste già un foglio con quel nome: rinominalo o scegli un altro titolo.',
      FOGLIO_MANCANTE: 'Il foglio non esiste più: premi «Aggiorna» e riprova.',
      FILE_NON_VALIDO: 'Il file non è una cartella di lavoro .xlsx leggibile: aprine un\'altra.',
      ALTRO: 'Riprova; se il problema resta, salva la cartella, chiudi e riapri Excel.',
    } as Record<string, string>,
    nessunaModifica: 'Niente è stato scritto: la cartella è com\'era.',
  },

  fuoriExcel: {
    titolo: 'Il riquadro funziona dentro Excel',
    testo:
      'Questa pagina è il riquadro attività del componente aggiuntivo: aprila da Excel (Home › Schede Obiettivi). Per provarlo senza Excel usa l\'anteprima.',
    link: 'Apri l\'anteprima',
  },

  /** a long read of the workbook */
  lettura: (pct: number) => `Lettura della cartella: ${pct}%`,

  anteprima: {
    titolo: 'Schede Obiettivi — anteprima',
    apri: 'Apri un file .xlsx',
    scarica: 'Scarica cartella di lavoro',
    caricamento: 'Caricamento della cartella di esempio…',
    /** the sample workbooks the preview offers, one per card system */
    esempio: 'Esempio',
    esempi: {
      sarzana: 'Sarzana — obiettivi gestionali',
      tortona: 'Tortona — obiettivi per fasi',
      modello: 'Modello generico — matrice di pesatura',
      chiari: 'Chiari — progetti e fondo per la produttività',
    },
    esempioMancante:
      'La cartella di esempio non è disponibile: apri un file .xlsx con il pulsante qui sopra.',
    fileNonValido: (nome: string) => `«${nome}» non è una cartella di lavoro .xlsx leggibile.`,
    fogliAria: 'Fogli della cartella di lavoro',
    griglia: (foglio: string) => `Foglio ${foglio}`,
    vuoto: 'Il foglio è vuoto.',
    nomeFile: 'cartella',
    /** how to use the grid, beside the file name */
    aiutoGriglia: 'Clic: seleziona · scrivere o F2: modifica · Invio: conferma · Esc: annulla · Ctrl+C / Ctrl+V: copia e incolla',
    modificaCella: (cella: string) => `Modifica della cella ${cella}`,
    scritturaFallita: (cella: string, motivo: string) => `${cella} non è stata scritta: ${motivo}`,
  },
} as const;
