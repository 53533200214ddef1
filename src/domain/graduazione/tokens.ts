/**
 * Tokenizer of graduation texts (and of the TEMPI / ATTESO cells a rule is read with).
 *
 * Produces numbers (decimal comma or point, number words zero..dieci, un/uno/una), dates
 * (31/12/2024, 31.05.2024, 30/06/24, 30 giugno 2024, "mese di settembre 2024", "entro l'anno 2024"),
 * '%', comparison operators (= : < > <= >= and the spellings =< => ≥ ≤ \geq \leq), the dash,
 * separators and lower-case words. Every token keeps its [start, end) offsets in the text.
 * Never throws.
 */
import { fullYear, MESI, parseDecimalIt } from '../valori';
import { lastDayOfMonth } from './dates';

export type Op = '=' | ':' | '<' | '>' | '<=' | '>=' | '-';

interface At {
  start: number;
  end: number;
}

export type Token =
  | ({ t: 'num'; v: number; word: boolean } & At)
  /** monthEnd: "mese di settembre" with no year: the month's last day, once the year is known */
  | ({ t: 'date'; y: number | null; m: number; d: number; raw: string; monthEnd?: boolean } & At)
  | ({ t: 'pct' } & At)
  | ({ t: 'op'; v: Op } & At)
  | ({ t: 'sep'; v: string } & At)
  | ({ t: 'word'; v: string } & At);

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  un: 1,
  uno: 1,
  una: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
};

const MESE_RE = MESI.join('|');
const RE_NUM_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])/;
const RE_NAME_DATE = new RegExp(`^(\\d{1,2})\\s*°?\\s+(${MESE_RE})\\b(?:\\s+(\\d{4}))?`);
const RE_MONTH_YEAR = new RegExp(`^(?:mese\\s+di\\s+)?(${MESE_RE})\\s+(\\d{4})\\b`);
const RE_YEAR_END = /^anno\s+(\d{4})\b/;
const RE_MONTH_ONLY = new RegExp(`^mese\\s+di\\s+(${MESE_RE})\\b`);
const RE_NUMBER = /^\d+(?:[.,]\d+)?/;
/** Italian thousands grouping: 1.000, 12.500,50 (a dot followed by exactly three digits, repeated) */
const RE_GROUPED_NUMBER = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])/;
const RE_WORD = /^[a-zà-öø-ÿ]+/;
const OPS: [string, Op][] = [
  ['\\geq', '>='],
  ['\\leq', '<='],
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  [':', ':'],
  ['-', '-'],
  ['–', '-'],
  ['—', '-'],
];

export function tokenize(input: string): Token[] {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const lower = text.toLowerCase();
  const s = lower.length === text.length ? lower : text;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = s.slice(i, i + 40);
    let m: RegExpMatchArray | null;
    if (/\d/.test(ch)) {
      if ((m = RE_NUM_DATE.exec(rest))) {
        out.push({ t: 'date', d: +m[1]!, m: +m[3]!, y: fullYear(+m[4]!), raw: text.slice(i, i + m[0].length), start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
      if ((m = RE_NAME_DATE.exec(rest))) {
        const y = m[3] ? +m[3] : null;
        out.push({ t: 'date', d: +m[1]!, m: MESI.indexOf(m[2]!) + 1, y, raw: text.slice(i, i + m[0].length), start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
      if ((m = RE_GROUPED_NUMBER.exec(rest))) {
        out.push({ t: 'num', v: parseDecimalIt(m[0].replace(/\./g, '')) ?? NaN, word: false, start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
      m = RE_NUMBER.exec(rest)!;
      out.push({ t: 'num', v: parseDecimalIt(m[0]) ?? NaN, word: false, start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ((m = RE_MONTH_YEAR.exec(rest))) {
      const month = MESI.indexOf(m[1]!) + 1;
      const y = +m[2]!;
      out.push({ t: 'date', d: lastDayOfMonth(y, month), m: month, y, raw: text.slice(i, i + m[0].length), start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ((m = RE_MONTH_ONLY.exec(rest))) {
      out.push({ t: 'date', d: 31, m: MESI.indexOf(m[1]!) + 1, y: null, raw: text.slice(i, i + m[0].length), start: i, end: i + m[0].length, monthEnd: true });
      i += m[0].length;
      continue;
    }
    if ((m = RE_YEAR_END.exec(rest)) && out.at(-1)?.t === 'word' && ['l', 'entro'].includes((out.at(-1) as { v: string }).v)) {
      out.push({ t: 'date', d: 31, m: 12, y: +m[1]!, raw: text.slice(i, i + m[0].length), start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ((m = RE_WORD.exec(rest))) {
      const w = m[0];
      const end = i + w.length;
      if (Object.hasOwn(NUMBER_WORDS, w)) out.push({ t: 'num', v: NUMBER_WORDS[w]!, word: true, start: i, end });
      else out.push({ t: 'word', v: w, start: i, end });
      i = end;
      continue;
    }
    if (ch === '%') {
      out.push({ t: 'pct', start: i, end: i + 1 });
      i++;
      continue;
    }
    const op = OPS.find(([k]) => s.startsWith(k, i));
    if (op) {
      out.push({ t: 'op', v: op[1], start: i, end: i + op[0].length });
      i += op[0].length;
      continue;
    }
    if (ch === ';' || ch === '.' || ch === ',' || ch === '\n') {
      out.push({ t: 'sep', v: ch, start: i, end: i + 1 });
    }
    i++;
  }
  return out;
}
