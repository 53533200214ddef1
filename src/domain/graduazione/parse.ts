/**
 * parseGraduazione: the free-text GRADUAZIONE of an action -> a computable Rule. Never throws.
 *
 * Grammar (over the tokens of ./tokens):
 *   text    := clause* trailing
 *   clause  := condition LEVEL          LEVEL := ('=' | ':') ['-'] (NUM ['%'] | 'graduazione proporzionale')
 *   condition is scanned for constraints:
 *     da A a B, tra A e B, A - B          -> [A, B]            (both ends included)
 *     fino a B, entro B, non superiore a B, <= B, al massimo B  -> upper bound B included
 *     meno di B, inferiore a B, < B       -> upper bound B excluded
 *     oltre A, superiore a A, più di A, > A -> lower bound A excluded
 *     A o più, almeno A, non inferiore a A, >= A -> lower bound A included
 *     a lower and an upper bound in one clause (oltre 30 e fino a 50, >15<60) make a two-sided band;
 *     a number with a unit or % and no operator is a bare value;
 *     nessun ritardo / rispetto del termine / entro DATE  -> no delay (delay <= 0);
 *     oltre (alone), altrimenti           -> everything past the stated bands;
 *     non / no / mancata                  -> the "no" of a yes/no rule.
 *
 * Semantics (band building, in ./bands):
 *   - one-sided bands and bare values are a staircase whatever the written order: an upper bound
 *     B covers from the nearest stated bound below B (excluded when another band covers it) up to B;
 *     a lower bound A covers from A up to the nearest stated bound above A; a bare value behaves
 *     as a lower bound when a larger measure is better ("due ore" -> [2, 3)) and as an upper
 *     bound when a smaller one is ("ritardo di 20 gg" -> (0, 20]);
 *   - scadenza: delay <= 0 is 100% unless stated otherwise; past the last band 0% unless stated
 *     (both added as `implied` bands);
 *   - overlapping bands: the band written first keeps the overlap (warning FASCE_SOVRAPPOSTE);
 *   - gaps between bands are warned (FASCE_LACUNA; for delays only when a whole day falls in
 *     the gap); the evaluator gives a value in a gap the lower of the two neighbouring levels;
 *   - levels: "= 80" is 80%, "zero" 0%, "=-70%" is 70% with a warning, over 100% is 100% with a warning.
 *   - reference date (scadenza, binario): the date in the graduation, else ATTESO, else TEMPI;
 *     an impossible date is kept as written with date null (never shifted).
 */
import { formatDateIt, serialToDate } from '../grid';
import { TESTI_GRADUAZIONE as T } from '../testi/graduazione';
import { looksLikeDateSerial, makeDate } from '../valori';
import { type Bound, directionOf, type Proto, resolveBands } from './bands';
import { lastDayOfMonth } from './dates';
import { tokenize, type Token } from './tokens';
import type { Band, Reference, ReferenceSource, Rule, RuleContext, RuleKind } from './types';

type DateTok = Extract<Token, { t: 'date' }>;

interface Cond {
  lo: Bound | null;
  hi: Bound | null;
  bare: number | null;
  weakBare: number | null;
  ontime: boolean;
  rest: boolean;
  yes: boolean;
  no: boolean;
  full: boolean;
  delay: boolean;
  percent: boolean;
  working: boolean;
  unit: string;
  /** the number the unit was written after ("2 corsi … 24 ore": 24) */
  unitAt: number | null;
  relative: string | null;
  dates: DateTok[];
}

interface Level {
  value: number | 'prop';
  raw: string;
  negative: boolean;
  noPct: boolean;
  /** a range of levels ("dal 60% all'80%"): the level at the band's upper end */
  to?: number;
  /** the words around the range say the level grows with each point */
  linear?: boolean;
}

interface Clause {
  cond: Cond;
  level: Level;
  source: string;
}

const ARTICLES = new Set(['il', 'lo', 'la', 'l', 'i', 'gli', 'le', 'del', 'dello', 'della', 'dell', 'dei', 'degli', 'delle', 'al', 'allo', 'alla', 'all', 'ai', 'agli', 'alle', 'a', 'ad', 'di', 'd']);
const DAY_UNITS = new Set(['gg', 'g', 'giorni', 'giorno', 'gio']);
const HOUR_UNITS = new Set(['ore', 'ora', 'h']);
const POINT_UNITS = new Set(['punti', 'punto']);
const MONTH_UNITS = new Set(['mese', 'mesi', 'settimana', 'settimane', 'anno', 'anni']);
const WORKING = new Set(['lavorativi', 'lavorativo', 'lav']);
const NEGATION = new Set(['non', 'no', 'mancata', 'mancato', 'mancante', 'mancanza', 'omessa', 'omesso']);
const FULL = new Set(['tutti', 'tutte', 'completo', 'completa', 'totale', 'integrale']);
const YES = new Set(['sì', 'atteso', 'raggiunto', 'raggiunta', 'conseguito', 'conseguita', 'conseguimento', 'raggiungimento', 'presentata', 'presentato', 'effettuata', 'effettuato', 'realizzata', 'realizzato', 'approvata', 'approvato']);
const REST = new Set(['altrimenti', 'altri', 'restanti', 'contrario', 'oltre']);

const isWord = (t: Token | undefined, ...w: string[]): boolean => t?.t === 'word' && w.includes(t.v);

/* ------------------------------------------------------------------ clauses */

function readLevel(toks: Token[], i: number): { level: Omit<Level, 'raw'>; next: number } | null {
  let j = i;
  let negative = false;
  if (toks[j]?.t === 'op' && (toks[j] as { v: string }).v === '-') {
    negative = true;
    j++;
  }
  const t = toks[j];
  if (t?.t === 'word' && (t.v === 'graduazione' || t.v === 'proporzionale' || t.v === 'proporzionata')) {
    let k = j + 1;
    if (isWord(toks[k], 'proporzionale', 'proporzionata')) k++;
    return { level: { value: 'prop', negative: false, noPct: false }, next: k };
  }
  if (t?.t !== 'num') return null;
  const after = toks[j + 1];
  if (after?.t === 'pct') return { level: { value: t.v, negative, noPct: false }, next: j + 2 };
  if (after?.t === 'word' && (DAY_UNITS.has(after.v) || HOUR_UNITS.has(after.v) || MONTH_UNITS.has(after.v))) return null;
  return { level: { value: t.v, negative, noPct: true }, next: j + 1 };
}

/** words that say a range of levels grows point by point ("ogni punto in più", "in proporzione", "linearmente") */
const LINEAR_TEXT = /\b(ogni\s+punto|per\s+ogni|ciascun\s+punto|in\s+proporzione|proporzionalmente|linearmente|lineare|interpolazione)\b/i;
const LINEAR_WORDS = new Set(['proporzione', 'lineare', 'proporzionalmente', 'linearmente']);
/** words that start the next band's condition: a phrase after a range of levels stops there */
const COND_START = new Set(['da', 'dal', 'tra', 'fino', 'oltre', 'superiore', 'inferiore', 'meno', 'maggiore', 'minore', 'entro', 'almeno']);

/**
 * A range of levels: "dal 60% all'80%", "in proporzione lineare dal 60% all'80%", followed perhaps by the phrase
 * saying how it grows ("(ogni punto in più vale l'1%)"), which belongs to the level, not to the next condition.
 */
function readRangeLevel(toks: Token[], i: number): { level: Omit<Level, 'raw'>; next: number } | null {
  let j = i;
  let linear = false;
  while (isWord(toks[j], 'in', ...LINEAR_WORDS)) {
    if (!isWord(toks[j], 'in')) linear = true;
    j++;
  }
  if (!isWord(toks[j], 'dal', 'da', 'tra')) return null;
  const a = toks[j + 1];
  const b = toks[j + 4];
  if (a?.t !== 'num' || toks[j + 2]?.t !== 'pct' || !isWord(toks[j + 3], 'al', 'all', 'a', 'e') || b?.t !== 'num' || toks[j + 5]?.t !== 'pct') return null;
  let next = j + 6;
  // the phrase may follow a comma: "dal 60% all'80%, ogni punto in più conta in proporzione"
  const from = toks[next]?.t === 'sep' && (toks[next] as { v: string }).v === ',' ? next + 1 : next;
  const phrase = toks[from];
  if (phrase?.t === 'word' && !COND_START.has(phrase.v)) {
    let k = from;
    while (k < toks.length && toks[k]!.t !== 'sep' && !isLevelOp(toks[k]) && !(k > from && isWord(toks[k], ...COND_START))) k++;
    if (LINEAR_TEXT.test(toks.slice(from, k).map((t) => (t.t === 'word' ? t.v : '')).join(' '))) {
      linear = true;
      next = k;
    }
  }
  return { level: { value: a.v, to: b.v, linear, negative: false, noPct: false }, next };
}

const REACHED = new Set(['raggiunto', 'raggiunta', 'raggiunti', 'conseguito', 'conseguita', 'realizzato', 'realizzata']);
const isLevelOp = (t: Token | undefined): boolean => t?.t === 'op' && (t.v === '=' || t.v === ':');

/**
 * A level written in words (other Comuni's scales): "pieno raggiungimento dell'obiettivo" = 100%,
 * "raggiungimento dell'obiettivo al 60%", "obiettivo raggiunto al 70% (2 punti)" = 70% (points are not the level),
 * "obiettivo non raggiunto" = 0%. Null when the words at i are not a level.
 */
function readWordLevel(toks: Token[], i: number): { level: Omit<Level, 'raw'>; next: number } | null {
  let j = i;
  const lv = (value: number, next: number) => {
    // "(2 punti)" after a level is the scale's score, not a condition of the next band
    if (toks[next]?.t === 'num' && isWord(toks[next + 1], 'punti', 'punto', 'pt', 'p')) next += 2;
    return { level: { value, negative: false, noPct: false }, next };
  };
  const skipObiettivo = (k: number) => {
    let m = k;
    while (isWord(toks[m], ...ARTICLES)) m++;
    return isWord(toks[m], 'obiettivo') ? m + 1 : k;
  };
  const pctAt = (k: number): { v: number; next: number } | null => {
    let m = k;
    if (isWord(toks[m], 'nella') && isWord(toks[m + 1], 'misura')) m += 2;
    if (isWord(toks[m], 'pari')) m++;
    if (!isWord(toks[m], 'al', 'del', 'per')) return null;
    m++;
    while (isWord(toks[m], 'il')) m++;
    const n = toks[m];
    return n?.t === 'num' && toks[m + 1]?.t === 'pct' ? { v: n.v, next: m + 2 } : null;
  };
  if (isWord(toks[j], 'pieno', 'piena', 'totale', 'completo') && isWord(toks[j + 1], 'raggiungimento', 'conseguimento')) return lv(100, skipObiettivo(j + 2));
  if (isWord(toks[j], 'raggiungimento', 'conseguimento')) {
    const k = skipObiettivo(j + 1);
    const p = pctAt(k);
    if (p) return lv(p.v, p.next);
    if (isWord(toks[k], 'pieno', 'piena', 'totale', 'completo')) return lv(100, k + 1);
    return null;
  }
  const hadObiettivo = isWord(toks[j], 'obiettivo');
  if (hadObiettivo) j++;
  if (isWord(toks[j], 'non') && toks[j + 1]?.t === 'word' && REACHED.has((toks[j + 1] as { v: string }).v)) return lv(0, j + 2);
  if (toks[j]?.t === 'word' && REACHED.has((toks[j] as { v: string }).v)) {
    const p = pctAt(j + 1);
    if (p) return lv(p.v, p.next);
    if (hadObiettivo && isWord(toks[j + 1], 'pienamente', 'integralmente', 'completamente')) return lv(100, j + 2);
    if (isWord(toks[j - 1], 'pienamente') || isWord(toks[j + 1], 'pienamente')) return lv(100, isWord(toks[j + 1], 'pienamente') ? j + 2 : j + 1);
    if (hadObiettivo) return lv(100, j + 1);
  }
  return null;
}

function splitClauses(text: string, toks: Token[]): { clauses: { cond: Token[]; level: Level; start: number; end: number }[]; trailing: Token[] } {
  const clauses: { cond: Token[]; level: Level; start: number; end: number }[] = [];
  let condStart = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let r: ReturnType<typeof readLevel> = null;
    if (t.t === 'op' && (t.v === '=' || t.v === ':')) r = readRangeLevel(toks, i + 1) ?? readLevel(toks, i + 1) ?? readWordLevel(toks, i + 1);
    else if (t.t === 'word' && i > condStart) {
      // a level in words closing its condition without "=" or ":" ("…tra 10 e 15, obiettivo raggiunto al 70%",
      // "da 90 a 110 punti dal 60% all'80%"); words followed by "=" / ":" are the condition of a level written after them
      const w = readRangeLevel(toks, i) ?? readWordLevel(toks, i);
      if (w && !isLevelOp(toks[w.next]) && toks.slice(condStart, i).some((x) => x.t === 'num' || x.t === 'op' || x.t === 'date')) r = w;
    }
    if (!r) continue;
    // the condition is everything since the last clause; the level ends where readLevel stopped
    const cond = toks.slice(condStart, i);
    const levelEnd = toks[r.next - 1]!.end;
    const start = cond.find((c) => c.t !== 'sep')?.start ?? t.start;
    clauses.push({ cond, level: { ...r.level, raw: text.slice(t.start, levelEnd) }, start, end: levelEnd });
    condStart = r.next;
    i = r.next - 1;
  }
  return { clauses, trailing: toks.slice(condStart) };
}

/* --------------------------------------------------------------- conditions */

function emptyCond(): Cond {
  return { lo: null, hi: null, bare: null, weakBare: null, ontime: false, rest: false, yes: false, no: false, full: false, delay: false, percent: false, working: false, unit: '', unitAt: null, relative: null, dates: [] };
}

/** a number at j (articles skipped), with its unit / % */
function numAt(toks: Token[], j: number, c: Cond): { v: number; next: number; unit: boolean } | null {
  let k = j;
  while (isWord(toks[k], ...ARTICLES) || isWord(toks[k], 'n', 'nr', 'num')) k++;
  const t = toks[k];
  if (t?.t !== 'num') return null;
  let next = k + 1;
  let unit = false;
  if (toks[next]?.t === 'pct') {
    c.percent = true;
    unit = true;
    next++;
  }
  const u = toks[next];
  if (u?.t === 'word') {
    if (DAY_UNITS.has(u.v)) {
      if (!c.unit) [c.unit, c.unitAt] = ['gg', t.v];
      unit = true;
      next++;
    } else if (HOUR_UNITS.has(u.v)) {
      if (!c.unit) [c.unit, c.unitAt] = ['ore', t.v];
      unit = true;
      next++;
    } else if (POINT_UNITS.has(u.v)) {
      if (!c.unit) [c.unit, c.unitAt] = ['punti', t.v];
      unit = true;
      next++;
    }
    if (isWord(toks[next], ...WORKING)) {
      c.working = true;
      next++;
    }
  }
  return { v: t.v, next, unit };
}

function analyse(all: Token[], text: string): Cond {
  const c = emptyCond();
  const toks = all.filter((t) => t.t !== 'sep');
  const bareCandidates: { v: number; strong: boolean }[] = [];
  let j = 0;
  const setLo = (v: number, incl: boolean) => {
    if (!c.lo) c.lo = { v, incl };
  };
  const setHi = (v: number, incl: boolean) => {
    if (!c.hi) c.hi = { v, incl };
  };
  while (j < toks.length) {
    const t = toks[j]!;
    if (t.t === 'date') {
      c.dates.push(t);
      j++;
      continue;
    }
    if (t.t === 'op') {
      const n = numAt(toks, j + 1, c);
      if (n && t.v !== '=' && t.v !== ':' && t.v !== '-') {
        if (t.v === '>') setLo(n.v, false);
        else if (t.v === '>=') setLo(n.v, true);
        else if (t.v === '<') setHi(n.v, false);
        else setHi(n.v, true);
        j = n.next;
        continue;
      }
      j++;
      continue;
    }
    if (t.t === 'num') {
      const n = numAt(toks, j, c)!;
      // A - B
      if (toks[n.next]?.t === 'op' && (toks[n.next] as { v: string }).v === '-') {
        const m = numAt(toks, n.next + 1, c);
        if (m) {
          setLo(Math.min(n.v, m.v), true);
          setHi(Math.max(n.v, m.v), true);
          j = m.next;
          continue;
        }
      }
      // A o più / A e oltre / A o superiore
      if (isWord(toks[n.next], 'o', 'e', 'ed') && isWord(toks[n.next + 1], 'più', 'piu', 'oltre', 'superiore', 'superiori')) {
        setLo(n.v, true);
        j = n.next + 2;
        continue;
      }
      // a unit of months / weeks: a relative deadline ("entro un mese")
      const u = toks[n.next];
      if (u?.t === 'word' && MONTH_UNITS.has(u.v)) {
        c.ontime = true;
        c.relative = c.relative ?? text.slice(toks[Math.max(0, j - 1)]!.start, u.end).trim();
        j = n.next + 1;
        continue;
      }
      bareCandidates.push({ v: n.v, strong: n.unit || (!t.word && toks.length <= 2) });
      j = n.next;
      continue;
    }
    if (t.t !== 'word') {
      j++;
      continue;
    }
    const w = t.v;
    const negated = isWord(toks[j - 1], 'non');
    // "maggiore o uguale a 95,00%", "uguale o superiore al 90%", "minore o uguale a 0": both ends included
    const orEqual = isWord(toks[j + 1], 'o', 'od') && isWord(toks[j + 2], 'uguale', 'uguali', 'pari');
    const equalOr = w === 'uguale' && isWord(toks[j + 1], 'o', 'od') && isWord(toks[j + 2], 'superiore', 'maggiore', 'inferiore', 'minore');
    if (orEqual || equalOr) {
      const up = equalOr ? isWord(toks[j + 2], 'superiore', 'maggiore') : ['maggiore', 'superiore', 'superiori'].includes(w);
      const down = equalOr ? !up : ['minore', 'inferiore', 'inferiori'].includes(w);
      const n = (up || down) ? numAt(toks, j + 3, c) : null;
      if (n) {
        if (up) setLo(n.v, true);
        else setHi(n.v, true);
        j = n.next;
        continue;
      }
    }
    if (w === 'da' || w === 'dal' || w === 'dall' || w === 'dalla' || w === 'dai') {
      const a = numAt(toks, j + 1, c);
      if (a) {
        if (isWord(toks[a.next], 'a', 'al', 'all', 'alla', 'ai', 'ad', 'fino')) {
          let k = a.next + 1;
          if (isWord(toks[k], 'a', 'al', 'all')) k++;
          const b = numAt(toks, k, c);
          if (b) {
            setLo(Math.min(a.v, b.v), true);
            setHi(Math.max(a.v, b.v), true);
            j = b.next;
            continue;
          }
        }
        setLo(a.v, true);
        j = a.next;
        continue;
      }
    } else if (w === 'tra' || w === 'fra') {
      const a = numAt(toks, j + 1, c);
      if (a && isWord(toks[a.next], 'e', 'ed')) {
        const b = numAt(toks, a.next + 1, c);
        if (b) {
          setLo(Math.min(a.v, b.v), true);
          setHi(Math.max(a.v, b.v), true);
          j = b.next;
          continue;
        }
      }
    } else if (w === 'fino' || w === 'entro' || w === 'massimo' || w === 'sino') {
      let k = j + 1;
      while (isWord(toks[k], ...ARTICLES)) k++;
      if (toks[k]?.t === 'date') {
        c.ontime = true;
        j = k;
        continue;
      }
      const n = numAt(toks, k, c);
      if (n) {
        const u = toks[n.next];
        if (u?.t === 'word' && MONTH_UNITS.has(u.v)) {
          c.ontime = true;
          c.relative = c.relative ?? text.slice(t.start, u.end).trim();
          j = n.next + 1;
          continue;
        }
        setHi(n.v, true);
        j = n.next;
        continue;
      }
    } else if (w === 'oltre' || w === 'superiore' || w === 'superiori' || w === 'maggiore' || w === 'più' || w === 'piu' || w === 'sopra') {
      const n = numAt(toks, j + 1, c);
      if (n) {
        if (negated) setHi(n.v, true);
        else setLo(n.v, false);
        j = n.next;
        continue;
      }
      if (w === 'oltre' && !negated) c.rest = true;
    } else if (w === 'meno' || w === 'inferiore' || w === 'inferiori' || w === 'minore' || w === 'sotto') {
      const n = numAt(toks, j + 1, c);
      if (n) {
        if (negated) setLo(n.v, true);
        else setHi(n.v, false);
        j = n.next;
        continue;
      }
    } else if (w === 'almeno' || w === 'minimo' || w === 'almento') {
      const n = numAt(toks, j + 1, c);
      if (n) {
        setLo(n.v, true);
        j = n.next;
        continue;
      }
    } else if (w === 'nessun' || w === 'nessuno' || w === 'nessuna') {
      if (isWord(toks[j + 1], 'ritardo', 'ritardi')) {
        c.ontime = true;
        c.delay = true;
        j += 2;
        continue;
      }
      bareCandidates.push({ v: 0, strong: true });
    } else if (w === 'ritardo' || w === 'ritardi') {
      c.delay = true;
    } else if (w === 'rispetto' || w === 'rispettato' || w === 'rispettata' || w === 'rispettati') {
      let k = j + 1;
      while (isWord(toks[k], ...ARTICLES)) k++;
      if (w !== 'rispetto' || isWord(toks[k], 'termine', 'termini', 'data', 'scadenza', 'scadenze', 'tempi', 'tempo', 'tempistica', 'tempistiche', 'cronoprogramma')) c.ontime = true;
    } else if (w === 'termini' && isWord(toks[j - 1], 'nei')) {
      c.ontime = true;
    } else if (w === 'tempo' && isWord(toks[j - 1], 'in')) {
      c.ontime = true;
    } else if (w === 'tempestivo' || w === 'tempestiva' || w === 'puntuale') {
      c.ontime = true;
    } else if (w === 'percentuale' || w === 'percentuali') {
      c.percent = true;
    } else if (FULL.has(w)) {
      c.full = true;
    } else if (WORKING.has(w)) {
      c.working = true;
    } else if (DAY_UNITS.has(w)) {
      c.unit = c.unit || 'gg';
    } else if (HOUR_UNITS.has(w)) {
      c.unit = c.unit || 'ore';
    } else if (NEGATION.has(w)) {
      c.no = true;
    } else if (YES.has(w) || (w === 'si' && toks.length <= 2)) {
      c.yes = true;
    }
    if (REST.has(w) && w !== 'oltre') c.rest = true;
    j++;
  }
  const strong = bareCandidates.find((b) => b.strong);
  if (strong) c.bare = strong.v;
  else if (bareCandidates.length === 1) c.weakBare = bareCandidates[0]!.v;
  return c;
}

const hasNum = (c: Cond) => c.lo !== null || c.hi !== null || c.bare !== null;

/** a clause's condition -> the band it writes (null when it names no band) */
function protoOf(c: Cond, level: number, source: string, scadenza: boolean): Proto | null {
  const base = { level, source, implied: false, lo: c.lo, hi: c.hi, v: 0 };
  if (c.lo && c.hi) return { ...base, kind: 'range' };
  if (c.hi) return { ...base, kind: 'upper', v: c.hi.v };
  if (c.lo) return { ...base, kind: 'lower', v: c.lo.v };
  if (c.bare !== null) return { ...base, kind: 'bare', v: c.bare };
  if (scadenza && c.ontime) return { ...base, kind: 'ontime' };
  if (c.rest) return { ...base, kind: 'rest' };
  if (c.weakBare !== null) return { ...base, kind: 'bare', v: c.weakBare };
  return null;
}

/* ---------------------------------------------------------------- reference */

interface FoundDate {
  date: Date | null;
  raw: string;
  impossible: boolean;
  noYear: boolean;
}

function resolveDate(t: DateTok, anno: number | null | undefined): FoundDate {
  const y = t.y ?? anno ?? null;
  if (y === null) return { date: null, raw: t.raw, impossible: false, noYear: true };
  const date = makeDate(y, t.m, t.monthEnd ? lastDayOfMonth(y, t.m) : t.d);
  return { date, raw: t.raw, impossible: date === null, noYear: false };
}

function contextDates(v: RuleContext['tempi'], anno: number | null | undefined): { dates: FoundDate[]; relative: string | null } {
  if (v === null || v === undefined || v === '') return { dates: [], relative: null };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { dates: [], relative: null } : { dates: [{ date: v, raw: formatDateIt(v), impossible: false, noYear: false }], relative: null };
  if (typeof v === 'number') {
    if (looksLikeDateSerial(v)) {
      const d = serialToDate(Math.round(v));
      return { dates: [{ date: d, raw: formatDateIt(d), impossible: false, noYear: false }], relative: null };
    }
    return { dates: [], relative: null };
  }
  const text = String(v);
  const toks = tokenize(text);
  const dates = toks.filter((t): t is DateTok => t.t === 'date').map((t) => resolveDate(t, anno));
  let relative: string | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i], 'entro')) continue;
    const n = toks[i + 1];
    const u = toks[i + 2];
    if (n?.t === 'num' && u?.t === 'word' && (DAY_UNITS.has(u.v) || MONTH_UNITS.has(u.v))) {
      const k = toks.findIndex((x, idx) => idx > i + 2 && idx < i + 8 && isWord(x, 'da', 'dal', 'dalla', 'dall', 'dopo', 'dai', 'dagli', 'dalle'));
      if (k > 0) {
        const words = toks.slice(k + 1, k + 4).filter((x) => x.t === 'word');
        relative = text.slice(toks[i]!.start, (words.at(-1) ?? toks[k]!).end).trim();
      }
    }
  }
  return { dates, relative };
}

function setReference(rule: Rule, gradDates: DateTok[], relative: string | null, ctx: ParseContext, required: boolean): void {
  const anno = ctx.anno ?? null;
  const atteso = contextDates(ctx.atteso, anno);
  const tempi = contextDates(ctx.tempi, anno);
  const others = [...atteso.dates, ...tempi.dates].filter((d) => d.date);
  const pick = (d: FoundDate, source: ReferenceSource): Reference => ({ date: d.date, text: d.raw, source });
  if (gradDates.length) {
    const d = resolveDate(gradDates[0]!, anno);
    rule.reference = pick(d, 'graduazione');
    if (d.impossible) {
      rule.warnings.push({ code: 'DATA_IMPOSSIBILE', message: T.dataImpossibile(d.raw, others[0] ? formatDateIt(others[0].date!) : null) });
    } else if (d.noYear) {
      rule.warnings.push({ code: 'RIFERIMENTO_MANCANTE', message: T.riferimentoSenzaAnno(d.raw) });
    } else if (others.length && !others.some((o) => o.date!.getTime() === d.date!.getTime())) {
      const altre = [...new Set(others.map((o) => formatDateIt(o.date!)))];
      rule.warnings.push({ code: 'DATA_DIVERSA', message: T.dataDiversa(formatDateIt(d.date!), altre) });
    }
    return;
  }
  if (!relative) relative = atteso.relative;
  if (!relative) {
    const a = atteso.dates.at(-1);
    const t = tempi.dates.at(-1);
    const found = a ? pick(a, 'atteso') : t ? pick(t, 'tempi') : null;
    if (found) {
      rule.reference = found;
      const d = (a ?? t)!;
      if (d.impossible) rule.warnings.push({ code: 'DATA_IMPOSSIBILE', message: T.dataImpossibile(d.raw, null) });
      return;
    }
    relative = tempi.relative;
  }
  if (required) {
    rule.warnings.push({ code: 'RIFERIMENTO_MANCANTE', message: relative ? T.riferimentoRelativo(relative) : T.riferimentoMancante });
  }
}

function targetOf(v: RuleContext['atteso']): { target: number | null; percent: boolean } {
  if (typeof v === 'number') return { target: v, percent: false };
  if (typeof v !== 'string') return { target: null, percent: false };
  // only a number written in digits is a target: "almeno un servizio al giorno" states a frequency, not 1
  const toks = tokenize(v);
  const i = toks.findIndex((t) => t.t === 'num' && !t.word);
  if (i < 0) return { target: null, percent: false };
  return { target: (toks[i] as { v: number }).v, percent: toks[i + 1]?.t === 'pct' };
}

function attesoText(v: RuleContext['atteso']): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatDateIt(v);
  const s = String(v).trim();
  return s || null;
}

/* ------------------------------------------------------- targets with no levels */

const ACTIVATION = /^(attivazione|approvazione|adozione|realizzazione|predisposizione|pubblicazione|avvio|implementazione|redazione|installazione|istituzione|introduzione|aggiornamento|digitalizzazione|conclusione|completamento)$/;
/**
 * in an indicator's target column more nouns of a thing done name a yes/no target ("Presentazione al Consiglio del
 * regolamento"); a GRADUAZIONE that says only that keeps being read by hand (Sarzana's readings do not change)
 */
const ACTIVATION_TARGET = /^(presentazione|definizione|elaborazione|stipula|sottoscrizione|trasmissione|costituzione|erogazione|affidamento|acquisizione|informatizzazione|dematerializzazione|messa)$/;
const COMPARISON_WORDS = new Set(['almeno', 'almento', 'minimo', 'superiore', 'inferiore', 'maggiore', 'minore', 'oltre', 'meno']);

/** a target met inside [lo, hi] (either open): 100% there, 0% outside, with the info that the text has no levels */
function targetBands(rule: Rule, c: Cond, condizione: string): Rule {
  rule.kind = c.percent ? 'percentuale' : 'soglia';
  // the unit of the compared number only: "almeno n. 2 corsi … per 24 ore" counts courses, not hours
  const compared = c.lo?.v ?? c.hi?.v ?? null;
  rule.unit = c.percent || c.unitAt !== compared ? '' : c.unit;
  rule.direction = c.hi && !c.lo ? 'lower' : 'higher';
  const src = rule.text.trim();
  const met: Band = { from: c.lo?.v ?? null, fromIncl: !!c.lo?.incl, to: c.hi?.v ?? null, toIncl: !!c.hi?.incl, level: 1, source: src };
  const bands: Band[] = [];
  if (c.lo) bands.push({ from: null, fromIncl: false, to: c.lo.v, toIncl: !c.lo.incl, level: 0, source: '', implied: true });
  bands.push(met);
  if (c.hi) bands.push({ from: c.hi.v, fromIncl: !c.hi.incl, to: null, toIncl: false, level: 0, source: '', implied: true });
  rule.bands = bands;
  rule.warnings.push({ code: 'SENZA_LIVELLI', message: T.senzaLivelliSiNo(condizione) });
  return rule;
}

/** a target column's bare value: "95%", "10", "2,5" (reached at that value or more) or "Sì"/"No" (done or not) */
const BARE_TARGET = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/;
/** "N. regolamenti redatti =1": a count stated with "=" (the indicator's value to reach, not a level) */
const COUNT_EQUALS = /^\s*(?:n|nr|num)\b\.?[^=<>≥≤\d]*=\s*(\d+)\s*$/i;
/** "Garantire il 100% delle pubblicazioni": the one number a verb of reaching names is the target */
const VERB_TARGET = /^\s*(?:garantire|assicurare|raggiungere|mantenere|conseguire)\s+(?:il\s+|l['’]\s*|almeno\s+(?:il\s+|l['’]\s*)?)?(\d+(?:[.,]\d+)?)\s*(%?)[^\d]*$/i;
const YES_TARGET = /^\s*(s[iì]|sì|x)\s*\.?\s*$/i;

/**
 * A quantity: "n.2 azioni", "N.15 attività", "3 azioni", "n.1.000", "n.2000 verbali tramite report mensili" — one
 * count (Italian thousands with dots), then words only: reached at that count or more. "circa" makes it approximate.
 */
const QUANTITY_TARGET = /^\s*(?:(?:n|nr|num)\s*\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?![.,]?\d)\s*([^\d<>=≥≤%]*)$/i;
const QUANTITY_STOP = /\b(almeno|minimo|massimo|oltre|meno|superiore|inferiore|maggiore|minore|entro|fino|tra|da|circa|euro)\b|€/i;

function bareTarget(rule: Rule): Rule | null {
  const condizione = rule.text.trim();
  if (/^\s*circa\b/i.test(rule.text)) return manual(rule, T.targetApprossimativo(condizione));
  const q = QUANTITY_TARGET.exec(rule.text);
  const words = q?.[2]!.trim() ?? '';
  // "105" alone is a bare value (below); "n.105" or "105 azioni" a count
  if (q && (words || /^\s*(?:n|nr|num)\b/i.test(rule.text))) {
    if (/\bcirca\b/i.test(words)) return manual(rule, T.targetApprossimativo(condizione));
    if (!QUANTITY_STOP.test(words)) {
      const c = emptyCond();
      c.lo = { v: Number(q[1]!.replace(/\./g, '')), incl: true };
      return targetBands(rule, c, T.almenoTarget(condizione));
    }
  }
  const m = BARE_TARGET.exec(rule.text) ?? VERB_TARGET.exec(rule.text) ?? COUNT_EQUALS.exec(rule.text);
  if (m) {
    const c = emptyCond();
    c.lo = { v: Number(m[1]!.replace(',', '.')), incl: true };
    c.percent = m[2] === '%';
    return targetBands(rule, c, BARE_TARGET.test(rule.text) ? T.almenoTarget(condizione) : condizione.slice(0, 80));
  }
  if (!YES_TARGET.test(rule.text)) return null;
  rule.kind = 'binario';
  rule.binario = { si: 1, no: 0 };
  rule.warnings.push({ code: 'SENZA_LIVELLI', message: T.senzaLivelliSiNo(condizione) });
  return rule;
}

/** words that make years or dates a period of work ("TEMPI DI ATTUAZIONE: biennio 2024-2025") */
const PERIOD_WORDS = /\b(tempi|attuazione|periodo|biennio|triennio|biennale|triennale|annuale|pluriennale|anno|avvio|avviato|conclusione|ricompreso|durata)\b/i;
const isYear = (t: Token): boolean => t.t === 'num' && !t.word && Number.isInteger(t.v) && t.v >= 1990 && t.v <= 2100;

/**
 * A period of work ("biennio 2024-2025", "2023/2024", "avviato da ottobre 2023 e conclusione dicembre 2024",
 * "TRIENNALE 01/01/2023 – 31/12/2025", "Nel periodo ricompreso tra il 15/06/2024 ed il 31/12/2024") as a target:
 * done by the period's end (31/12 of its last year, or its last date) or not. Never a number range: 2024-2025
 * are years, not a measure between 2024 and 2025. Null when the text is not a period.
 */
function periodTarget(rule: Rule, toks: Token[], ctx: ParseContext): Rule | null {
  if (/€|\beuro\b/i.test(rule.text)) return null;
  const nums = toks.filter((t) => t.t === 'num');
  const years = nums.filter(isYear);
  // another number is a quantity; a comparison makes it a target on a measure
  if (years.length !== nums.length) return null;
  if (toks.some((t) => (t.t === 'op' && ['<', '>', '<=', '>='].includes(t.v)) || (t.t === 'word' && COMPARISON_WORDS.has(t.v)))) return null;
  const anno = ctx.anno ?? null;
  const ends: DateTok[] = [
    ...years.map((t): DateTok => ({ t: 'date', y: (t as { v: number }).v, m: 12, d: 31, raw: `31/12/${(t as { v: number }).v}`, start: t.start, end: t.end })),
    ...toks.filter((t): t is DateTok => t.t === 'date').map((t) => (t.y === null && anno !== null ? { ...t, y: anno, d: lastDayOfMonth(anno, t.m) } : t)),
  ].filter((t) => t.y !== null);
  if (!ends.length || !(PERIOD_WORDS.test(rule.text) || ends.length >= 2)) return null;
  const key = (t: DateTok) => t.y! * 10000 + t.m * 100 + t.d;
  const last = ends.reduce((a, b) => (key(b) > key(a) ? b : a));
  rule.kind = 'binario';
  rule.binario = { si: 1, no: 0 };
  setReference(rule, [last], null, ctx, true);
  const fine = rule.reference?.date ? formatDateIt(rule.reference.date) : last.raw;
  rule.warnings.push({ code: 'SENZA_LIVELLI', message: T.periodoFine(rule.text.replace(/\s+/g, ' ').trim().slice(0, 80), fine) });
  return rule;
}

/**
 * A target with no levels (an indicator "N. monitoraggi >= 2", "almeno n.10", "Realizzazione di almeno l'80% degli
 * eventi"; a deadline "entro il 31/07/2024", "entro il mese di settembre"; an activation "Attivazione sistema
 * istanze on-line") is a yes/no rule: met = 100%, not met = 0%, with an info. Two indicators, or money, stay manual.
 * Null when the text is none of these.
 */
function targetInto(rule: Rule, toks: Token[], ctx: ParseContext, target = false): Rule | null {
  if (/€|\beuro\b/i.test(rule.text)) return manual(rule, T.scalaMonetaria);
  const words = toks.filter((t) => t.t !== 'sep');
  let comparisons = 0;
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    const next = words[i + 1];
    const isCmp = t.t === 'op' && ['<', '>', '<=', '>='].includes(t.v);
    const isCmpWord = t.t === 'word' && COMPARISON_WORDS.has(t.v) && !isWord(words[i - 1], 'o');
    if ((isCmp || isCmpWord) && (next?.t === 'num' || next?.t === 'word')) comparisons++;
  }
  const c = analyse(toks, rule.text);
  const ranged = !!c.lo && !!c.hi && c.lo.v < c.hi.v;
  if (comparisons > (ranged ? 2 : 1) || (comparisons > 1 && !ranged)) return manual(rule, T.dueIndicatori);
  const condizione = rule.text.replace(/\s+/g, ' ').trim().slice(0, 80);
  if ((c.lo || c.hi) && !c.dates.length) return targetBands(rule, c, condizione);
  const deadline = c.dates.length > 0 && (c.ontime || words.some((t) => isWord(t, 'scadenza', 'termine')));
  const first = words.find((t) => t.t === 'word');
  const activation = first?.t === 'word' && (ACTIVATION.test(first.v) || (target && ACTIVATION_TARGET.test(first.v))) && !hasNum(c) && !c.dates.length;
  if (!deadline && !activation) return null;
  rule.kind = 'binario';
  rule.binario = { si: 1, no: 0 };
  rule.warnings.push({ code: 'SENZA_LIVELLI', message: T.senzaLivelliSiNo(condizione) });
  if (deadline) setReference(rule, c.dates, null, ctx, true);
  return rule;
}

/**
 * The rule an indicator's target gives where a card has no GRADUAZIONE (Tortona's INDICATORI DI RISULTATO,
 * Chiari's QUANTITA', the template's target column): a yes/no rule on the target, or `manuale` with the reason.
 */
export function ruleFromTarget(text: string, anno?: number | null): Rule {
  const src = typeof text === 'string' ? text : String(text ?? '');
  const rule = baseRule(src);
  if (!src.trim()) return manual(rule, T.vuota);
  try {
    const bare = bareTarget(rule);
    if (bare) return bare;
    const toks = tokenize(src);
    const ctx = { anno: anno ?? null };
    return periodTarget(rule, toks, ctx) ?? targetInto(rule, toks, ctx, true) ?? manual(rule, T.senzaLivelli);
  } catch {
    return manual(baseRule(src), T.condizioniIlleggibili);
  }
}

/* --------------------------------------------------------------------- main */

function baseRule(text: string): Rule {
  return { kind: 'manuale', bands: [], reference: null, workingDays: false, direction: 'higher', unit: '', target: null, warnings: [], text };
}

function manual(rule: Rule, reason: string): Rule {
  rule.kind = 'manuale';
  rule.bands = [];
  rule.reason = reason;
  return rule;
}

/**
 * The same text in the same context gives the same rule, and the checks, the compute, the CLI and the task pane
 * all read every graduation: recent answers are kept (the least recently used goes first).
 * The Rule returned is shared between callers: read it, never change it.
 */
const MEMO_MAX = 2000;
/** text -> context -> rule; the outer map in least-recently-used order */
const memo = new Map<string, Map<string, Rule>>();
let memoSize = 0;

/** what of the context the parser reads (TEMPI, ATTESO, the year; not INDICATORI), and its memo key */
type ParseContext = Pick<RuleContext, 'tempi' | 'atteso' | 'anno'>;

function contextKey(ctx: ParseContext): string {
  const part = (v: RuleContext['tempi']) => (v instanceof Date ? ['d', v.getTime()] : (v ?? null));
  return JSON.stringify([part(ctx.tempi), part(ctx.atteso), ctx.anno ?? null]);
}

/** forget the remembered rules (for measuring the parser cold) */
export function clearRuleMemo(): void {
  memo.clear();
  memoSize = 0;
}

export function parseGraduazione(text: string, ctx: RuleContext = {}): Rule {
  const src = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  const c: ParseContext = { tempi: ctx?.tempi, atteso: ctx?.atteso, anno: ctx?.anno };
  const key = contextKey(c);
  let byContext = memo.get(src);
  if (byContext) {
    memo.delete(src);
    memo.set(src, byContext);
    const known = byContext.get(key);
    if (known) return known;
  }
  let rule: Rule;
  try {
    rule = parseInto(baseRule(src), src, c);
  } catch {
    rule = manual(baseRule(src), T.condizioniIlleggibili);
  }
  while (memoSize >= MEMO_MAX && memo.size) {
    const [oldest, rules] = memo.entries().next().value as [string, Map<string, Rule>];
    memo.delete(oldest);
    memoSize -= rules.size;
    if (rules === byContext) byContext = undefined;
  }
  if (!byContext) memo.set(src, (byContext = new Map()));
  byContext.set(key, rule);
  memoSize++;
  return rule;
}

function parseInto(rule: Rule, src: string, ctx: ParseContext): Rule {
  if (!src.trim()) return manual(rule, T.vuota);
  const toks = tokenize(src);
  const split = splitClauses(src, toks);
  if (!split.clauses.length) return targetInto(rule, toks, ctx) ?? manual(rule, T.senzaLivelli);

  // levels: "= 80" is 80%, unless every level is a bare fraction (= 1; = 0,5)
  const numeric = split.clauses.map((c) => c.level).filter((l) => l.value !== 'prop');
  const fractions = numeric.length > 0 && numeric.every((l) => l.noPct && (l.value as number) <= 1) && numeric.some((l) => (l.value as number) < 1 && (l.value as number) > 0);
  const clauses: Clause[] = split.clauses.map((c) => ({ cond: analyse(c.cond, src), level: c.level, source: src.slice(c.start, c.end).trim() }));
  const trailing = analyse(split.trailing, src);
  const trailingText = split.trailing.filter((t) => t.t !== 'sep');
  if (trailingText.length && split.trailing.some((t) => t.t === 'word' || t.t === 'num')) {
    rule.warnings.push({ code: 'TESTO_IGNORATO', message: T.testoIgnorato(src.slice(trailingText[0]!.start, trailingText.at(-1)!.end)) });
  }
  const levelOf = (l: Level): number => {
    let v = l.value as number;
    if (fractions) v *= 100;
    if (l.negative) rule.warnings.push({ code: 'LIVELLO_NEGATIVO', message: T.livelloNegativo(l.raw) });
    if (v > 100) {
      rule.warnings.push({ code: 'LIVELLO_FUORI_SCALA', message: T.livelloFuoriScala(l.raw) });
      v = 100;
    }
    return v / 100;
  };
  const all = [...clauses.map((c) => c.cond), trailing];
  rule.workingDays = all.some((c) => c.working);
  const gradDates = all.flatMap((c) => c.dates);
  const relative = all.find((c) => c.relative)?.relative ?? null;

  // proporzionale
  if (clauses.some((c) => c.level.value === 'prop')) {
    rule.kind = 'proporzionale';
    const t = targetOf(ctx.atteso);
    rule.target = t.target;
    rule.unit = t.percent ? '%' : '';
    rule.atteso = attesoText(ctx.atteso);
    if (t.target === null) rule.warnings.push({ code: 'RIFERIMENTO_MANCANTE', message: T.targetMancante(rule.atteso) });
    return rule;
  }

  // a range of levels is computed only where the text says each point adds; it needs a band with both ends
  const ranged = clauses.filter((c) => c.level.to !== undefined);
  if (ranged.length && !ranged.some((c) => c.level.linear) && !LINEAR_TEXT.test(src)) return manual(rule, T.intervalloLivelli(ranged[0]!.level.raw));
  const open = ranged.find((c) => !(c.cond.lo && c.cond.hi));
  if (open) return manual(rule, T.intervalloSenzaEstremi(open.source));

  const numbered = clauses.filter((c) => hasNum(c.cond) || (c.cond.weakBare !== null && !c.cond.ontime && !c.cond.no));
  // binario: no clause measures a number
  if (!numbered.length) {
    const noClause = clauses.find((c) => c.cond.no);
    const yesClause = clauses.find((c) => c !== noClause && (c.cond.ontime || c.cond.yes || c.cond.dates.length || c.cond.full));
    if (!yesClause && !noClause) return manual(rule, T.condizioniIlleggibili);
    rule.kind = 'binario';
    rule.binario = { si: yesClause ? levelOf(yesClause.level) : 1, no: noClause ? levelOf(noClause.level) : 0 };
    for (const c of clauses) if (c !== yesClause && c !== noClause) rule.warnings.push({ code: 'TESTO_IGNORATO', message: T.testoIgnorato(c.source) });
    setReference(rule, gradDates, relative, ctx, rule.binario.si !== rule.binario.no && gradDates.length > 0);
    return rule;
  }

  const delay = all.some((c) => c.delay || c.ontime) || gradDates.length > 0;
  const kind: RuleKind = delay ? 'scadenza' : clauses.some((c) => c.cond.percent) ? 'percentuale' : 'soglia';
  rule.kind = kind;
  if (kind === 'soglia') rule.unit = clauses.find((c) => c.cond.unit)?.cond.unit ?? '';
  if (kind === 'scadenza') rule.unit = 'gg';

  const protos: Proto[] = [];
  for (const c of clauses) {
    if (kind === 'percentuale' && c.cond.full && !hasNum(c.cond)) c.cond.bare = 100;
    const p = protoOf(c.cond, 0, c.source, kind === 'scadenza');
    if (!p) {
      rule.warnings.push({ code: 'TESTO_IGNORATO', message: T.testoIgnorato(c.source) });
      continue;
    }
    p.level = levelOf(c.level);
    if (c.level.to !== undefined && c.cond.lo && c.cond.hi) {
      p.lineare = { from: c.cond.lo.v, to: c.cond.hi.v, levelFrom: p.level, levelTo: levelOf({ ...c.level, value: c.level.to }) };
    }
    protos.push(p);
  }
  if (kind === 'scadenza') {
    rule.direction = 'lower';
    const ontime = protos.filter((p) => p.kind === 'ontime');
    const rest = protos.filter((p) => p.kind !== 'ontime');
    const first = ontime[0] ?? { kind: 'ontime', lo: null, hi: null, v: 0, level: 1, source: '', implied: true };
    protos.splice(0, protos.length, first, ...rest);
  } else {
    rule.direction = directionOf(protos);
  }
  resolveBands(protos, rule);
  if (kind === 'scadenza') setReference(rule, gradDates, relative, ctx, true);
  else if (gradDates.length) setReference(rule, gradDates, null, ctx, false);
  return rule;
}
