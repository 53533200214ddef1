/**
 * National budget classification of spending by Missioni and Programmi (D.Lgs. 118/2011, allegato 14),
 * used by the cards' Missione/Programma dropdowns.
 *
 * Source: shared/esempi/missioni-programmi.json (the project's shared folder), copied verbatim. Its note:
 * Classificazione della spesa per missioni e programmi, D.Lgs. 118/2011 (allegato 14).
 * Missioni: verified against public budget documents.
 * Programmi: names as in the national classification; those marked verificato were confirmed in the
 * source documents or in published budgets, the others must be checked against the official allegato 14 before being relied on.
 * Programmi 'Politica regionale unitaria …' exist only for Regioni and are left out.
 *
 * `verificato: false` names must be checked against the official allegato 14 before being relied on;
 * the dropdowns accept other values with a warning, since local numbering varies.
 */
export interface Programma {
  codice: string;
  nome: string;
  verificato: boolean;
}

export interface Missione {
  codice: string;
  nome: string;
  programmi: Programma[];
}

export const FONTE_MISSIONI_PROGRAMMI =
  "Classificazione della spesa per missioni e programmi, D.Lgs. 118/2011 (allegato 14). Missioni: verified against public budget documents. Programmi: names as in the national classification; those marked verificato were confirmed in the source documents or in published budgets, the others must be checked against the official allegato 14 before being relied on. Programmi 'Politica regionale unitaria …' exist only for Regioni and are left out.";

export const MISSIONI: readonly Missione[] = [
  {
    codice: "01",
    nome: "Servizi istituzionali, generali e di gestione",
    programmi: [
      { codice: "01", nome: "Organi istituzionali", verificato: true },
      { codice: "02", nome: "Segreteria generale", verificato: true },
      { codice: "03", nome: "Gestione economica, finanziaria, programmazione e provveditorato", verificato: true },
      { codice: "04", nome: "Gestione delle entrate tributarie e servizi fiscali", verificato: true },
      { codice: "05", nome: "Gestione dei beni demaniali e patrimoniali", verificato: false },
      { codice: "06", nome: "Ufficio tecnico", verificato: true },
      { codice: "07", nome: "Elezioni e consultazioni popolari - Anagrafe e stato civile", verificato: false },
      { codice: "08", nome: "Statistica e sistemi informativi", verificato: true },
      { codice: "09", nome: "Assistenza tecnico-amministrativa agli enti locali", verificato: false },
      { codice: "10", nome: "Risorse umane", verificato: false },
      { codice: "11", nome: "Altri servizi generali", verificato: false },
    ],
  },
  {
    codice: "02",
    nome: "Giustizia",
    programmi: [
      { codice: "01", nome: "Uffici giudiziari", verificato: false },
      { codice: "02", nome: "Casa circondariale e altri servizi", verificato: false },
    ],
  },
  {
    codice: "03",
    nome: "Ordine pubblico e sicurezza",
    programmi: [
      { codice: "01", nome: "Polizia locale e amministrativa", verificato: false },
      { codice: "02", nome: "Sistema integrato di sicurezza urbana", verificato: false },
    ],
  },
  {
    codice: "04",
    nome: "Istruzione e diritto allo studio",
    programmi: [
      { codice: "01", nome: "Istruzione prescolastica", verificato: false },
      { codice: "02", nome: "Altri ordini di istruzione non universitaria", verificato: false },
      { codice: "04", nome: "Istruzione universitaria", verificato: false },
      { codice: "05", nome: "Istruzione tecnica superiore", verificato: false },
      { codice: "06", nome: "Servizi ausiliari all'istruzione", verificato: false },
      { codice: "07", nome: "Diritto allo studio", verificato: false },
    ],
  },
  {
    codice: "05",
    nome: "Tutela e valorizzazione dei beni e delle attività culturali",
    programmi: [
      { codice: "01", nome: "Valorizzazione dei beni di interesse storico", verificato: false },
      { codice: "02", nome: "Attività culturali e interventi diversi nel settore culturale", verificato: false },
    ],
  },
  {
    codice: "06",
    nome: "Politiche giovanili, sport e tempo libero",
    programmi: [
      { codice: "01", nome: "Sport e tempo libero", verificato: false },
      { codice: "02", nome: "Giovani", verificato: false },
    ],
  },
  {
    codice: "07",
    nome: "Turismo",
    programmi: [
      { codice: "01", nome: "Sviluppo e valorizzazione del turismo", verificato: false },
    ],
  },
  {
    codice: "08",
    nome: "Assetto del territorio ed edilizia abitativa",
    programmi: [
      { codice: "01", nome: "Urbanistica e assetto del territorio", verificato: true },
      { codice: "02", nome: "Edilizia residenziale pubblica e locale e piani di edilizia economico-popolare", verificato: false },
    ],
  },
  {
    codice: "09",
    nome: "Sviluppo sostenibile e tutela del territorio e dell'ambiente",
    programmi: [
      { codice: "01", nome: "Difesa del suolo", verificato: true },
      { codice: "02", nome: "Tutela, valorizzazione e recupero ambientale", verificato: false },
      { codice: "03", nome: "Rifiuti", verificato: true },
      { codice: "04", nome: "Servizio idrico integrato", verificato: true },
      { codice: "05", nome: "Aree protette, parchi naturali, protezione naturalistica e forestazione", verificato: false },
      { codice: "06", nome: "Tutela e valorizzazione delle risorse idriche", verificato: false },
      { codice: "07", nome: "Sviluppo sostenibile territorio montano piccoli Comuni", verificato: false },
      { codice: "08", nome: "Qualità dell'aria e riduzione dell'inquinamento", verificato: false },
    ],
  },
  {
    codice: "10",
    nome: "Trasporti e diritto alla mobilità",
    programmi: [
      { codice: "01", nome: "Trasporto ferroviario", verificato: false },
      { codice: "02", nome: "Trasporto pubblico locale", verificato: true },
      { codice: "03", nome: "Trasporto per vie d'acqua", verificato: false },
      { codice: "04", nome: "Altre modalità di trasporto", verificato: false },
      { codice: "05", nome: "Viabilità e infrastrutture stradali", verificato: true },
    ],
  },
  {
    codice: "11",
    nome: "Soccorso civile",
    programmi: [
      { codice: "01", nome: "Sistema di protezione civile", verificato: false },
      { codice: "02", nome: "Interventi a seguito di calamità naturali", verificato: false },
    ],
  },
  {
    codice: "12",
    nome: "Diritti sociali, politiche sociali e famiglia",
    programmi: [
      { codice: "01", nome: "Interventi per l'infanzia e i minori e per asili nido", verificato: true },
      { codice: "02", nome: "Interventi per la disabilità", verificato: false },
      { codice: "03", nome: "Interventi per gli anziani", verificato: true },
      { codice: "04", nome: "Interventi per soggetti a rischio di esclusione sociale", verificato: false },
      { codice: "05", nome: "Interventi per le famiglie", verificato: false },
      { codice: "06", nome: "Interventi per il diritto alla casa", verificato: false },
      { codice: "07", nome: "Programmazione e governo della rete dei servizi sociosanitari e sociali", verificato: false },
      { codice: "08", nome: "Cooperazione e associazionismo", verificato: true },
      { codice: "09", nome: "Servizio necroscopico e cimiteriale", verificato: true },
    ],
  },
  {
    codice: "13",
    nome: "Tutela della salute",
    programmi: [
      { codice: "07", nome: "Ulteriori spese in materia sanitaria", verificato: false },
    ],
  },
  {
    codice: "14",
    nome: "Sviluppo economico e competitività",
    programmi: [
      { codice: "01", nome: "Industria, PMI e Artigianato", verificato: false },
      { codice: "02", nome: "Commercio - reti distributive - tutela dei consumatori", verificato: false },
      { codice: "03", nome: "Ricerca e innovazione", verificato: false },
      { codice: "04", nome: "Reti e altri servizi di pubblica utilità", verificato: false },
    ],
  },
  {
    codice: "15",
    nome: "Politiche per il lavoro e la formazione professionale",
    programmi: [
      { codice: "01", nome: "Servizi per lo sviluppo del mercato del lavoro", verificato: false },
      { codice: "02", nome: "Formazione professionale", verificato: false },
      { codice: "03", nome: "Sostegno all'occupazione", verificato: false },
    ],
  },
  {
    codice: "16",
    nome: "Agricoltura, politiche agroalimentari e pesca",
    programmi: [
      { codice: "01", nome: "Sviluppo del settore agricolo e del sistema agroalimentare", verificato: false },
      { codice: "02", nome: "Caccia e pesca", verificato: false },
    ],
  },
  {
    codice: "17",
    nome: "Energia e diversificazione delle fonti energetiche",
    programmi: [
      { codice: "01", nome: "Fonti energetiche", verificato: false },
    ],
  },
  {
    codice: "18",
    nome: "Relazioni con le altre autonomie territoriali e locali",
    programmi: [
      { codice: "01", nome: "Relazioni finanziarie con le altre autonomie territoriali", verificato: false },
    ],
  },
  {
    codice: "19",
    nome: "Relazioni internazionali",
    programmi: [
      { codice: "01", nome: "Relazioni internazionali e Cooperazione allo sviluppo", verificato: false },
    ],
  },
  {
    codice: "20",
    nome: "Fondi e accantonamenti",
    programmi: [
      { codice: "01", nome: "Fondo di riserva", verificato: false },
      { codice: "02", nome: "Fondo crediti di dubbia esigibilità", verificato: false },
      { codice: "03", nome: "Altri fondi", verificato: false },
    ],
  },
  {
    codice: "50",
    nome: "Debito pubblico",
    programmi: [
      { codice: "01", nome: "Quota interessi ammortamento mutui e prestiti obbligazionari", verificato: false },
      { codice: "02", nome: "Quota capitale ammortamento mutui e prestiti obbligazionari", verificato: false },
    ],
  },
  {
    codice: "60",
    nome: "Anticipazioni finanziarie",
    programmi: [
      { codice: "01", nome: "Restituzione anticipazione di tesoreria", verificato: false },
    ],
  },
  {
    codice: "99",
    nome: "Servizi per conto terzi",
    programmi: [
      { codice: "01", nome: "Servizi per conto terzi e Partite di giro", verificato: false },
      { codice: "02", nome: "Anticipazioni per il finanziamento del sistema sanitario nazionale", verificato: false },
    ],
  },
];

/**
 * Dropdown texts carry their label, as on the Sarzana cards ("Missione: 01 – …", "Programma 12 …"):
 * the cell says what it holds and the reader finds it on the "Collegamento al bilancio" row.
 */
export function missioneLabel(m: Missione): string {
  return `Missione ${m.codice} – ${m.nome}`;
}

/** "Programma 01.02 – Segreteria generale" */
export function programmaLabel(m: Missione, p: Programma): string {
  return `Programma ${m.codice}.${p.codice} – ${p.nome}`;
}

export function missioniLabels(): string[] {
  return MISSIONI.map(missioneLabel);
}

export function programmiLabels(): string[] {
  return MISSIONI.flatMap((m) => m.programmi.map((p) => programmaLabel(m, p)));
}

const pad = (s: string) => s.padStart(2, '0');

/**
 * The cell text for what someone typed or listed: a bare code ("1", "01") becomes the national entry,
 * any other text gets the "Missione" prefix when it lacks it; '' / undefined stay empty.
 */
export function testoMissione(input: string | undefined): string | undefined {
  const t = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const code = /^(?:missione\s*[:.]?\s*)?(\d{1,2})$/i.exec(t);
  const m = code ? MISSIONI.find((x) => x.codice === pad(code[1])) : undefined;
  if (m) return missioneLabel(m);
  return /^missione\b/i.test(t) ? t : `Missione ${t}`;
}

/** "01.02", "0102", "1.2" → "Programma 01.02 – Segreteria generale"; other text gets the "Programma" prefix */
export function testoProgramma(input: string | undefined): string | undefined {
  const t = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const code = /^(?:programma\s*[:.]?\s*)?(?:(\d{1,2})[.\s/-](\d{1,2})|(\d{2})(\d{2}))$/i.exec(t);
  if (code) {
    const mc = pad(code[1] ?? code[3]);
    const pc = pad(code[2] ?? code[4]);
    const m = MISSIONI.find((x) => x.codice === mc);
    const p = m?.programmi.find((x) => x.codice === pc);
    if (m && p) return programmaLabel(m, p);
  }
  return /^programma\b/i.test(t) ? t : `Programma ${t}`;
}
