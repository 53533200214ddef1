/** Bulk creation: one standard card per row of a list (Titolo | Dirigente | Unità | Missione | Programma | Tipo). */
import { colCount, textAt, type Grid } from '../grid';
import type { SheetPlan, WritePlan } from '../plan';
import { matchAny, normalizeLabel } from '../scheda/labels';
import { readSchede } from '../scheda/reader';
import { TESTI_MODELLI as T } from '../testi/modelli';
import { uniqueSheetName } from './nomi';
import { buildSchedaStandard, listeSeMancanti, type OpzioniScheda, type TipoScheda } from './standard';

export interface RigaElenco {
  titolo: string;
  dirigente?: string;
  unita?: string;
  missione?: string;
  programma?: string;
  tipo?: TipoScheda;
}

type Chiave = keyof RigaElenco;

/** accepted header words (normalised), first match wins */
const HEADER: [Chiave, RegExp][] = [
  ['titolo', /^(titolo|obiettivo|descrizione|oggetto)\b/],
  ['dirigente', /^(dirigente|responsabile)\b/],
  ['unita', /^(unita|ufficio|settore|servizio|area)\b/],
  ['missione', /^missione\b/],
  ['programma', /^programma\b/],
  ['tipo', /^(tipo|tipologia)\b/],
];

/** the same headers with small typos allowed ("Dirgente", "Unita'", "Programa") */
const HEADER_FUZZY: [Chiave, string[]][] = [
  ['titolo', ['titolo', 'obiettivo', 'descrizione']],
  ['dirigente', ['dirigente', 'responsabile']],
  ['unita', ['unita', 'ufficio', 'settore', 'servizio']],
  ['missione', ['missione']],
  ['programma', ['programma']],
  ['tipo', ['tipologia']],
];

function keyOf(text: string): Chiave | null {
  const n = normalizeLabel(text);
  if (!n || n.length > 40) return null;
  for (const [k, re] of HEADER) if (re.test(n)) return k;
  for (const [k, words] of HEADER_FUZZY) if (matchAny(text, words)) return k;
  return null;
}

/** Excel's limit on the characters of one cell */
export const EXCEL_MAX_TESTO = 32767;

/** righe[i] came from the list's 1-based row numeri[i] (for messages) */
export type EsitoElenco = { ok: true; righe: RigaElenco[]; numeri: number[] } | { ok: false; message: string };

export function tipoOf(text: string): TipoScheda | undefined {
  const n = normalizeLabel(text);
  if (/^ind/.test(n)) return 'individuale';
  if (/^(com|coll)/.test(n)) return 'comune';
  return undefined;
}

/**
 * The rows of a list. The header row (within the first 20 rows) is the first that names Titolo and at least one
 * more column (Dirigente, Unità, Missione, Programma, Tipo), in any order and spelling with small typos (`Unità`,
 * `UNITA'`, `Dirgente`, `Obiettivo` for Titolo …); failing that a row naming Titolo alone; without a header the
 * first column holds the titles. A sheet that holds a card is not a list: refused. Rows with no title, or whose
 * "title" has no letter (a stray "1", "N."), are skipped.
 */
export function leggiElenco(grid: Grid): EsitoElenco {
  let schede: ReturnType<typeof readSchede> = [];
  try {
    schede = readSchede(grid);
  } catch {
    schede = [];
  }
  if (schede.some((s) => s.titolo || s.annualita.length)) return { ok: false, message: T.elencoEScheda(grid.name ?? '') };
  const width = colCount(grid);
  const height = grid.rows.length;
  let headerRow = -1;
  let cols: Partial<Record<Chiave, number>> = {};
  let titleOnly = -1;
  let titleOnlyCols: Partial<Record<Chiave, number>> = {};
  for (let r = 0; r < Math.min(20, height) && headerRow < 0; r++) {
    const found: Partial<Record<Chiave, number>> = {};
    for (let c = 0; c < width; c++) {
      const k = keyOf(textAt(grid, r, c));
      if (k && found[k] === undefined) found[k] = c;
    }
    if (found.titolo === undefined) continue;
    if (Object.keys(found).length >= 2) {
      headerRow = r;
      cols = found;
    } else if (titleOnly < 0) {
      titleOnly = r;
      titleOnlyCols = found;
    }
  }
  if (headerRow < 0 && titleOnly >= 0) {
    headerRow = titleOnly;
    cols = titleOnlyCols;
  }
  if (headerRow < 0) cols = { titolo: 0 };
  const out: RigaElenco[] = [];
  const numeri: number[] = [];
  for (let r = headerRow + 1; r < height; r++) {
    const get = (k: Chiave) => (cols[k] === undefined ? '' : textAt(grid, r, cols[k]!).replace(/\s+/g, ' ').trim());
    const titolo = get('titolo');
    if (!titolo || !/\p{L}/u.test(titolo)) continue;
    const riga: RigaElenco = { titolo };
    numeri.push(r + 1);
    for (const k of ['dirigente', 'unita', 'missione', 'programma'] as const) {
      const v = get(k);
      if (v) riga[k] = v;
    }
    const tipo = tipoOf(get('tipo'));
    if (tipo) riga.tipo = tipo;
    out.push(riga);
  }
  return { ok: true, righe: out, numeri };
}

/** the rows of a list ([] for a sheet that is not one) */
export function readElenco(grid: Grid): RigaElenco[] {
  const r = leggiElenco(grid);
  return r.ok ? r.righe : [];
}

/**
 * The checks before creating cards from rows: every card needs a title, and every text must fit an Excel cell.
 * A text over the limit is refused, not cut: it is the objective's own wording, and a cut would lose the user's
 * words without a trace. Returns the Italian reason, or null when the rows can be created.
 */
export function controllaRighe(rows: RigaElenco[], numeri?: number[]): string | null {
  if (!rows.length) return T.elencoVuoto;
  for (const [i, row] of rows.entries()) {
    const riga = rows.length > 1 || numeri ? (numeri?.[i] ?? i + 1) : null;
    if (!row.titolo || !row.titolo.trim()) return riga !== null ? T.titoloElencoMancante(riga) : T.titoloObbligatorio;
    for (const k of ['titolo', 'dirigente', 'unita', 'missione', 'programma'] as const) {
      const v = row[k];
      if (v && v.length > EXCEL_MAX_TESTO) {
        return T.testoTroppoLungo(T.campoElenco[k]!, riga !== null ? T.rigaElenco(riga) : '', v.length, EXCEL_MAX_TESTO);
      }
    }
  }
  return null;
}

export type OpzioniElenco = Omit<OpzioniScheda, 'nomeFoglio' | 'titolo' | 'dirigente' | 'unita' | 'missione' | 'programma' | 'contenuto'>;

/** one new sheet per row, named after its title (valid and unique), plus the hidden lists sheet */
export function buildSchedeDaElenco(rows: RigaElenco[], opts: OpzioniElenco, existingSheetNames: Iterable<string>): WritePlan {
  const taken = new Set(existingSheetNames);
  const existing = [...taken];
  const sheets: SheetPlan[] = [];
  for (const row of rows) {
    const nomeFoglio = uniqueSheetName(row.titolo, taken);
    taken.add(nomeFoglio);
    sheets.push(
      buildSchedaStandard({
        ...opts,
        nomeFoglio,
        tipo: row.tipo ?? opts.tipo,
        titolo: row.titolo,
        dirigente: row.dirigente,
        unita: row.unita,
        missione: row.missione,
        programma: row.programma,
      }),
    );
  }
  if (!sheets.length) return {};
  return { sheets: [...sheets, ...listeSeMancanti(existing)], select: { sheet: sheets[0].name, range: 'A1' } };
}
