/** Italian strings of the templates area (modelli): card labels, dropdown messages, Standardizza report, CLI. */

/** the labels of the standard card (Sarzana layout, spelled right) */
export const ETICHETTE_SCHEDA = {
  titolo: (from: number, to: number, tipo: 'comune' | 'individuale') =>
    `OBIETTIVO GESTIONALE ${from} – ${to} ${tipo === 'comune' ? 'X COMUNE □ INDIVIDUALE' : '□ COMUNE X INDIVIDUALE'}`,
  collegamento: 'Collegamento al bilancio',
  lineaMandato: 'Linea programmatica di mandato',
  dupStrategica: 'Dup - Sezione strategica',
  dupOperativa: 'Dup - Sezione operativa',
  dirigente: 'Dirigente responsabile',
  posizioneOrganizzativa: 'Posizione organizzativa di rif.',
  descrizione: 'Obiettivo gestionale di performance - Descrizione',
  referente: 'Referente organizzativo di rif.',
  baseline: 'Situazione di partenza (baseline)',
  target: 'Traguardo atteso (target)',
  stakeholder: 'A chi è rivolto (Stakeholder)',
  d222:
    "Rispetto delle disposizioni contenute nel D. lgs. 13.12.2023 n. 222 e in materia di riqualificazione dei servizi pubblici per l'inclusione e l'accessibilità.",
  d222Testo: 'Il presente obiettivo garantisce il rispetto delle disposizioni contenute nel D. lgs. 13.12.2023 n. 222',
  unitaResponsabile: 'UNITÀ ORGANIZZATIVA RESPONSABILE',
  altraUnita: 'Altra unità organizzativa coinvolta',
  pianoOperativo: (n: number) => `PIANO OPERATIVO ${n}° ANNUALITÀ`,
  anno: (anno: number) => `Anno ${anno}`,
  totalePeso: 'Totale PESO (deve fare 100)',
  livello: 'LIVELLO CONSEGUIMENTO OBIETTIVO',
  colonne: ['N.', 'PESO', 'AZIONE', 'TEMPI (M/F)', 'INDICATORI', 'ATTESO', 'GRADUAZIONE', 'RAGGIUNTO', '%'] as const,
  risorseUmane: 'RISORSE UMANE',
  personale: 'PERSONALE COINVOLTO E PERCENTUALE DI PARTECIPAZIONE',
  responsabile: 'RESPONSABILE',
  azione: 'AZIONE',
  n: 'N.',
  finanziaria: 'ASSEGNAZIONE FINANZIARIA',
  stanziamento: (anno: number) => `STANZIAMENTO ${anno}`,
  note: 'NOTE',
  capitolo: 'Capitolo di PEG',
  pesatura: 'PESATURA',
  criterio: 'CRITERIO',
  peso: 'PESO',
  pesoTotale: "PESO TOTALE DELL'OBIETTIVO",
  criteri: [
    'RILEVANZA PER I CITTADINI',
    'INNOVATIVITÀ DEL PROCESSO',
    'COMPLESSITÀ IN TERMINI ORGANIZZATIVI',
    "BENEFICIO ECONOMICO PER L'ENTE",
  ] as const,
};

export const TESTI_MODELLI = {
  nomeStandard: 'Obiettivo gestionale (standard)',
  descrizioneStandard:
    'La scheda OBIETTIVO GESTIONALE del Comune di Sarzana con le etichette corrette: piano operativo per annualità, risorse umane, assegnazione finanziaria, pesatura.',
  foglioPredefinito: 'Scheda',
  // data validation
  tipoTitolo: 'COMUNE o INDIVIDUALE',
  tipoPrompt: "Scegliere dall'elenco se l'obiettivo è COMUNE o INDIVIDUALE (la X indica la scelta).",
  tipoErrore: "Il titolo non è uno dei due previsti: controllare periodo e COMUNE/INDIVIDUALE.",
  pesoTitolo: 'PESO',
  pesoPrompt: "Peso dell'azione: numero intero da 0 a 100. I pesi di un'annualità devono sommare a 100.",
  pesoErrore: 'Il PESO deve essere un numero intero da 0 a 100.',
  missioneTitolo: 'Missione',
  missionePrompt: 'Missione del bilancio (D.Lgs. 118/2011). Si può scrivere anche un valore diverso.',
  missioneErrore: "La Missione non è nell'elenco nazionale (D.Lgs. 118/2011). Confermare solo se la numerazione locale è diversa.",
  programmaTitolo: 'Programma',
  programmaPrompt: 'Programma del bilancio (D.Lgs. 118/2011). Si può scrivere anche un valore diverso.',
  programmaErrore: "Il Programma non è nell'elenco nazionale (D.Lgs. 118/2011). Confermare solo se la numerazione locale è diversa.",
  importoTitolo: 'Stanziamento',
  importoErrore: 'Lo stanziamento deve essere un importo in euro non negativo.',
  criterioTitolo: 'Peso del criterio',
  criterioErrore: 'Il peso del criterio deve essere un numero non negativo.',
  listeIntestazioni: ['Missione', 'Programma', 'Fonte'] as const,
  listeFonte: 'Classificazione D.Lgs. 118/2011, allegato 14 (nomi con verificato=false da controllare).',
  // templates stored in the workbook
  modelloIntestazione: 'Modello di scheda salvato da Schede Obiettivi: non modificare questo foglio.',
  modelloNonTrovato: (nome: string, disponibili: string[]) =>
    `Modello «${nome}» non trovato. Modelli disponibili: ${disponibili.length ? disponibili.join(', ') : 'nessuno'}.`,
  modelloNomeVuoto: 'Dare un nome al modello.',
  modelloDanneggiato: (foglio: string) => `Il foglio ${foglio} non contiene un modello leggibile.`,
  // bulk
  elencoVuoto: "L'elenco non contiene nessun titolo.",
  elencoEScheda: (foglio: string) =>
    `Il foglio «${foglio}» contiene una scheda obiettivo, non un elenco: indicare un foglio con le colonne Titolo | Dirigente | Unità | Missione | Programma.`,
  elencoSoloSchede:
    "Il file dell'elenco contiene solo schede obiettivo: serve un foglio con una riga di intestazione Titolo | Dirigente | Unità | Missione | Programma e una riga per scheda.",
  titoloObbligatorio: 'Indicare il titolo (la descrizione dell\'obiettivo): una scheda senza titolo non si può creare.',
  titoloElencoMancante: (riga: number) => `Riga ${riga} dell'elenco: manca il titolo.`,
  testoTroppoLungo: (campo: string, dove: string, lunghezza: number, massimo: number) =>
    `${campo} ${dove}è lungo ${lunghezza} caratteri: una cella di Excel ne contiene al massimo ${massimo}. Accorciarlo (nessuna scheda creata).`,
  campoElenco: { titolo: 'Il titolo', dirigente: 'Il dirigente', unita: "L'unità", missione: 'La missione', programma: 'Il programma' } as Record<string, string>,
  rigaElenco: (riga: number) => `della riga ${riga} dell'elenco `,
  schedaSenzaTitolo: 'Scheda',
};

/** what Standardizza changed, one Italian sentence each */
export const TESTI_STANDARDIZZA = {
  nuovoFoglio: (foglio: string, origine: string) => `Scheda ricostruita nel formato standard sul nuovo foglio «${foglio}» (origine: «${origine}»).`,
  titolo: (prima: string, dopo: string, cella: string) => `Titolo «${prima}» (${cella}) riscritto come «${dopo}».`,
  titoloMancante: (dopo: string) => `La scheda non aveva il titolo: aggiunto «${dopo}».`,
  periodoMancante: (from: number, to: number) => `Periodo non leggibile: usato ${from} – ${to}.`,
  tipoMancante: 'COMUNE/INDIVIDUALE non indicato: impostato COMUNE, da verificare.',
  intestazione: (prima: string, dopo: string, cella: string) => `Intestazione «${prima}» (${cella}) corretta in «${dopo}».`,
  colonnaVuota: (annualita: number, colonne: string) =>
    `Piano operativo ${annualita}° annualità: tolta la colonna vuota di separazione (${colonne}).`,
  colonnaMancante: (annualita: number, colonna: string) =>
    `Piano operativo ${annualita}° annualità: aggiunta la colonna ${colonna} che mancava.`,
  pesoConvertito: (cella: string, prima: string, dopo: number) => `PESO «${prima}» (${cella}) scritto come numero ${dopo}.`,
  pesoIllegibile: (cella: string, prima: string) => `PESO «${prima}» (${cella}) non leggibile: lasciato vuoto, da inserire a mano.`,
  azioni: (annualita: number, n: number) => `Piano operativo ${annualita}° annualità: ${n} ${n === 1 ? 'azione riportata' : 'azioni riportate'}.`,
  righeAggiunte: (n: number) => `Righe delle azioni portate a ${n} per annualità.`,
  annualitaAggiunte: (n: number) => `Aggiunte le annualità mancanti: ora ${n}.`,
  sezioneAggiunta: (sezione: string) => `Aggiunta la sezione ${sezione}, che mancava.`,
  etichettaCorretta: (prima: string, dopo: string, cella: string) => `Etichetta «${prima}» (${cella}) corretta in «${dopo}».`,
  partecipantiTroncati: (riga: number, n: number) =>
    `Risorse umane, riga ${riga}: ${n} partecipanti oltre il decimo uniti nell'ultima colonna.`,
  stanziamentoFuoriPeriodo: (anno: number, cella: string) =>
    `Stanziamento ${anno} (${cella}) fuori dal periodo della scheda: riportato nelle NOTE.`,
  criterioExtra: (nome: string, peso: string) => `Criterio di pesatura «${nome}» (peso ${peso || 'vuoto'}) non previsto dal modello standard: riportato nelle NOTE dell'assegnazione finanziaria.`,
  criterioMancante: (nome: string) => `Criterio di pesatura «${nome}» aggiunto (vuoto).`,
  classificazione: (prima: string, dopo: string, cella: string) => `«${prima}» (${cella}) scritto come nella classificazione nazionale: «${dopo}».`,
  nonRiportato: (testo: string, cella: string) =>
    `Testo non riportato nella scheda standard (${cella}): «${testo.length > 120 ? `${testo.slice(0, 117)}…` : testo}». Copiarlo a mano se serve.`,
  formule: 'Aggiunti i controlli automatici: totale PESO per annualità e PESO TOTALE DELL\'OBIETTIVO come somma dei criteri.',
  problemiLettura: (p: string) => `Nota della lettura: ${p}`,
};

/** the CLI commands nuova and standardizza */
export const TESTI_CLI_MODELLI = {
  usoNuova:
    'Uso: schede nuova [--modello NOME] [--titolo T] [--periodo 2025-2027] [--tipo comune|individuale] [--azioni N] [--elenco ELENCO.xlsx|.csv|.txt] [--in FILE.xlsx] [--sistema gestionale|fasi|matrice|progetti] [--anteprima] --out OUT.xlsx [--sovrascrivi]',
  /** --anteprima: what would be made */
  anteprima: (n: number, sistema: string) => `${n === 1 ? 'Verrebbe creata 1 scheda' : `Verrebbero create ${n} schede`} (${sistema}); nulla è stato scritto:`,
  anteprimaRiga: (foglio: string, titolo: string, unita: string | null) =>
    `  - ${foglio}${titolo.trim() && titolo.trim() !== foglio ? ` — ${titolo.trim()}` : ''}${unita ? ` [${unita}]` : ''}`,
  nomeNuova: 'Nuova scheda',
  elencoIlleggibile: (file: string) => `Il file dell'elenco «${file}» non si può leggere.`,
  usoStandardizza: 'Uso: schede standardizza FILE.xlsx --foglio NOME [--out OUT.xlsx] [--sovrascrivi]',
  opzioneNonValida: (msg: string) => `Opzione non valida: ${msg}`,
  outMancante: 'Indicare il file da scrivere con --out OUT.xlsx.',
  periodoNonValido: (v: string) => `Periodo «${v}» non valido: scrivere ad esempio 2025-2027 (da 1 a 3 anni).`,
  tipoNonValido: (v: string) => `Tipo «${v}» non valido: scrivere comune oppure individuale.`,
  azioniNonValide: (v: string) => `Numero di azioni «${v}» non valido: un intero da 3 a 10.`,
  fileMancante: 'Indicare il file .xlsx da leggere.',
  foglioMancante: 'Indicare il foglio della scheda con --foglio NOME.',
  foglioNonTrovato: (f: string, fogli: string[]) => `Foglio «${f}» non trovato. Fogli presenti: ${fogli.join(', ')}.`,
  nessunaScheda: (f: string) => `Nel foglio «${f}» non c'è una scheda OBIETTIVO GESTIONALE riconoscibile.`,
  creati: (n: number, out: string) => `${n === 1 ? 'Creata 1 scheda' : `Create ${n} schede`} in ${out}.`,
  foglio: (nome: string) => `  - ${nome}`,
  standardizzata: (foglio: string, out: string) => `Scheda standardizzata nel foglio «${foglio}» di ${out}. Modifiche:`,
  modifica: (m: string) => `  - ${m}`,
};
