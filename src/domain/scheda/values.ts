/**
 * Reading typed values: PESO in its many forms, Italian numbers, dates written in text,
 * participants "Nome Cognome 30%".
 */
import type { Cell, CellValue } from '../grid';
import { datesInText, findNumberIt, parseDecimalIt, type DateInText } from '../valori';
import type { Peso, PesoForma } from './types';

export { datesInText, type DateInText };

/** "1.234,5" / "1,5" / "12.5" / "Euro 100.000,00" -> number; null when no number is there */
export const parseItNumber = findNumberIt;

const PCT_RE = /^(.*?)\s*%$/;

/** a cell shows a percentage (number format or displayed text) */
export function isPercentCell(cell: Cell | undefined): boolean {
  if (!cell) return false;
  return (cell.f ?? '').includes('%') || (cell.t ?? '').trim().endsWith('%');
}

/** PESO cell -> points out of 100 and the form it was written in; null for an empty cell */
export function parsePeso(cell: Cell | undefined, address: string): Peso | null {
  if (!cell) return null;
  const v = cell.v;
  const shown = (cell.t ?? '').trim();
  // out-of-range numbers keep their points (they are readable) but are 'non-valido'
  const mk = (points: number | null, forma: PesoForma, text: string): Peso => {
    const ok = points !== null && Number.isFinite(points);
    const bad = !ok || points < 0 || points > 100;
    return { points: ok ? points : null, raw: v ?? null, text, forma: bad ? 'non-valido' : forma, cell: address };
  };
  if (typeof v === 'number') {
    const text = shown || String(v);
    if (!Number.isFinite(v)) return mk(null, 'non-valido', text);
    if (isPercentCell(cell)) return mk(round(v * 100), 'percentuale', text);
    const decimalShown = /[.,]\d/.test(shown);
    return mk(v, Number.isInteger(v) && !decimalShown ? 'intero' : 'decimale', text);
  }
  if (typeof v === 'string' || ((v === null || v === undefined) && shown)) {
    // a leading apostrophe typed by another program ("'25") is Excel's "text" mark, not part of the number
    const s = (typeof v === 'string' ? v : shown).trim().replace(/^'/, '');
    if (!s) return null;
    const pct = PCT_RE.exec(s);
    const n = parseDecimalIt(pct ? pct[1] : s);
    if (n === null) return mk(null, 'non-valido', s);
    return mk(n, pct ? 'testo-percentuale' : 'testo-numero', s);
  }
  if (v === null || v === undefined) return null;
  const text = shown || (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return { points: null, raw: v, text, forma: 'non-valido', cell: address };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** the dates a value holds: a real date, or the dates written in its text */
export function datesInValue(value: CellValue, text: string): DateInText[] {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const d = value;
    return [{ text, day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), valid: true, date: d }];
  }
  return datesInText(text);
}

/** "Mario Rossi 30%" -> {nome: "Mario Rossi", percentuale: 30}; no % -> percentuale null */
export function parsePartecipante(text: string): { nome: string; percentuale: number | null } {
  const s = (text ?? '').trim();
  const matches = [...s.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)];
  if (matches.length === 0) return { nome: s, percentuale: null };
  const m = matches[matches.length - 1];
  const at = m.index ?? 0;
  const nome = `${s.slice(0, at)} ${s.slice(at + m[0].length)}`
    .replace(/[\s:;,\-–()]+$/g, '')
    .replace(/^[\s:;,\-–()]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { nome, percentuale: parseDecimalIt(m[1]) };
}

/** number words an N. cell may hold, by value (index 0 unused) */
const INDEX_WORDS = ['', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici'];

/** the N. column: 1, "1", "1.", "uno" -> 1 */
export function parseIndex(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (typeof cell.v === 'number' && Number.isFinite(cell.v)) return cell.v;
  const s = (typeof cell.v === 'string' ? cell.v : cell.t ?? '').trim();
  const m = /^(\d{1,3})\s*[.)°]?$/.exec(s);
  if (m) return Number(m[1]);
  // N. typed as a word: "uno", "Due", "tre."
  const w = /^([a-zà]+)\s*[.)]?$/i.exec(s);
  const n = w ? INDEX_WORDS.indexOf(w[1]!.toLowerCase()) : -1;
  return n > 0 ? n : null;
}
