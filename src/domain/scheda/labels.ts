/**
 * Tolerant label matching: labels are typed (or OCR-ed) by people, so compare them
 * accent-, case-, space- and punctuation-insensitively, with small typos allowed per word.
 *
 * Two normal forms live here:
 *  - normalizeLabel keeps word boundaries ("livello manuale"): for matching people's labels word by word;
 *  - compactLabel drops them and keeps '%' ("livellomanuale%"): an identity key for the add-in's own
 *    headers and sheet names, where "DataCompletamento" and "Data completamento" are the same name.
 */

/** "Perché ÀÈ" -> "Perche AE": accents and ordinal marks (º ª °) gone, case kept */
function foldAccents(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return s.replace(/[ºª°]/g, ' ').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

const normCache = new Map<string, string>();

/** "Dup - Sezione  STRATEGICA" -> "dup sezione strategica"; "1° ANNUALITÀ" -> "1 annualita" */
export function normalizeLabel(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  const hit = normCache.get(s);
  if (hit !== undefined) return hit;
  const t = foldAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  if (s.length <= 200) {
    if (normCache.size >= 4000) normCache.clear();
    normCache.set(s, t);
  }
  return t;
}

/** a label is short: only the head of a long cell (a description) is normalised to look for one */
const LABEL_HEAD = 160;

/** normalizeLabel of the first LABEL_HEAD characters: what every label test reads of a cell */
export function normalizeHead(text: string): string {
  return normalizeLabel(text.length > LABEL_HEAD ? text.slice(0, LABEL_HEAD) : text);
}

/** "Livello manuale (%)" -> "livellomanuale%", "Riepilogo" -> "riepilogo": see the file's header */
export function compactLabel(s: string): string {
  return foldAccents(s).toLowerCase().replace(/[^a-z0-9%]+/g, '');
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds max */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** typos tolerated in a word of the canonical label */
function allowedTypos(word: string): number {
  if (/\d/.test(word) || word.length <= 2) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

function wordMatches(w: string, k: string): boolean {
  if (w === k) return true;
  const max = allowedTypos(k);
  if (max === 0 || Math.abs(w.length - k.length) > max) return false;
  return editDistance(w, k, max) <= max;
}

/**
 * Does `text` start with the label `canonical` (word by word, small typos allowed)?
 * Extra words after the label are allowed ("TEMPI (M/F)" matches "tempi";
 * "Dirigente responsabile Mario Rossi" matches "dirigente responsabile").
 */
export function matchLabel(text: string, canonical: string): boolean {
  return matchNormalized(normalizeHead(text), normCanonical(canonical));
}

const canonicalCache = new Map<string, string>();
function normCanonical(k: string): string {
  let n = canonicalCache.get(k);
  if (n === undefined) {
    n = normalizeLabel(k);
    if (canonicalCache.size < 500) canonicalCache.set(k, n);
  }
  return n;
}

const wordsCache = new Map<string, string[]>();
function wordsOf(k: string): string[] {
  let w = wordsCache.get(k);
  if (!w) {
    w = k.split(' ');
    if (wordsCache.size < 500) wordsCache.set(k, w);
  }
  return w;
}

/**
 * Where the label `k` ends in the normalised text `t` (word by word, small typos allowed): the index just after
 * its last word, or -1 when `t` does not start with it.
 */
function labelEnd(t: string, k: string): number {
  if (!t || !k) return -1;
  if (t.startsWith(k) && (t.length === k.length || t.charCodeAt(k.length) === 32)) return k.length;
  const kw = wordsOf(k);
  let pos = 0;
  let end = 0;
  for (let i = 0; i < kw.length; i++) {
    if (pos >= t.length) return -1;
    end = t.indexOf(' ', pos);
    if (end < 0) end = t.length;
    if (!wordMatches(t.slice(pos, end), kw[i])) return -1;
    pos = end + 1;
  }
  return end;
}

/** matchLabel on texts already passed through normalizeLabel (the reader's fast path) */
export function matchNormalized(t: string, k: string): boolean {
  return labelEnd(t, k) >= 0;
}

/** like matchLabel but the whole text must be the label (no extra words) */
export function matchLabelExact(text: string, canonical: string): boolean {
  return matchNormalizedExact(normalizeHead(text), normCanonical(canonical));
}

/** matchLabelExact on normalised texts: the label's words are all the words there are */
export function matchNormalizedExact(t: string, k: string): boolean {
  return t.length > 0 && labelEnd(t, k) === t.length;
}

/** matchLabel against several accepted spellings */
export function matchAny(text: string, canonicals: readonly string[]): boolean {
  const t = normalizeHead(text);
  for (const k of canonicals) if (matchNormalized(t, normCanonical(k))) return true;
  return false;
}
