/** Bulk creation: one standard card per row of a list (Titolo | Dirigente | Unità | Missione | Programma | Tipo). */
import { colCount, textAt, type Grid } from '../grid';
import type { SheetPlan, WritePlan } from '../plan';
import { normalizeLabel } from '../scheda/labels';
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

function keyOf(text: string): Chiave | null {
  const n = normalizeLabel(text);
  for (const [k, re] of HEADER) if (re.test(n)) return k;
  return null;
}

export function tipoOf(text: string): TipoScheda | undefined {
  const n = normalizeLabel(text);
  if (/^ind/.test(n)) return 'individuale';
  if (/^(com|coll)/.test(n)) return 'comune';
  return undefined;
}

/**
 * The rows of a list. The header row (within the first 10 rows) is found by its words, in any order and
 * spelling (`Unità`, `UNITA'`, `Obiettivo` for Titolo …); without a header the first column holds the titles.
 * Rows with no title are skipped.
 */
export function readElenco(grid: Grid): RigaElenco[] {
  const width = colCount(grid);
  const height = grid.rows.length;
  let headerRow = -1;
  let cols: Partial<Record<Chiave, number>> = {};
  for (let r = 0; r < Math.min(10, height) && headerRow < 0; r++) {
    const found: Partial<Record<Chiave, number>> = {};
    for (let c = 0; c < width; c++) {
      const k = keyOf(textAt(grid, r, c));
      if (k && found[k] === undefined) found[k] = c;
    }
    if (found.titolo !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) cols = { titolo: 0 };
  const out: RigaElenco[] = [];
  for (let r = headerRow + 1; r < height; r++) {
    const get = (k: Chiave) => (cols[k] === undefined ? '' : textAt(grid, r, cols[k]!).replace(/\s+/g, ' ').trim());
    const titolo = get('titolo');
    if (!titolo) continue;
    const riga: RigaElenco = { titolo };
    for (const k of ['dirigente', 'unita', 'missione', 'programma'] as const) {
      const v = get(k);
      if (v) riga[k] = v;
    }
    const tipo = tipoOf(get('tipo'));
    if (tipo) riga.tipo = tipo;
    out.push(riga);
  }
  return out;
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
