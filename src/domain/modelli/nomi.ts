/** Valid, unique, readable Excel sheet names. */
import { TESTI_MODELLI as T } from '../testi/modelli';

export const MAX_SHEET_NAME = 31;
/** names the reader skips or Excel reserves: never give them to a card */
const RESERVED = ['history', 'rilevazioni', 'riepilogo'];

/** a title made into a legal sheet name (no []:*?/\, no straight apostrophe, no leading '_', ≤ 31 chars) */
export function cleanSheetName(title: string, max = MAX_SHEET_NAME): string {
  let s = String(title ?? '')
    .replace(/[\u0000-\u001f]/g, ' ')
    .replace(/[[\]:*?/\\]/g, ' ')
    // an apostrophe inside a name must be doubled in every formula that cites the sheet (and ExcelJS gets it
    // wrong in print titles): the typographic one reads the same
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
  s = stripEnds(s);
  if (s.length > max) {
    // cut at a word boundary when little is lost, else mid-word with an ellipsis
    const cut = s.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    s = space >= max - 9 ? stripEnds(cut.slice(0, space)) : `${stripEnds(cut)}…`;
  }
  return s || T.schedaSenzaTitolo;
}

function stripEnds(s: string): string {
  return s.replace(/^['’_\s]+/, '').replace(/['’\s]+$/, '');
}

/** a legal sheet name for `title`, different (case-insensitively) from every name in `taken`: "Titolo (2)" on clashes */
export function uniqueSheetName(title: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (const r of RESERVED) used.add(r);
  const base = cleanSheetName(title);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${cleanSheetName(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** the sheet names one card per title gets, in order, beside `taken` (what a preview shows before writing) */
export function nomiPerTitoli(titoli: readonly string[], taken: Iterable<string>, vuoto: string): string[] {
  const used = new Set(taken);
  return titoli.map((t) => {
    const nome = uniqueSheetName(t.trim() || vuoto, used);
    used.add(nome);
    return nome;
  });
}
