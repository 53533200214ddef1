/**
 * Reading typed values: PESO in its many forms, Italian numbers, dates written in text,
 * participants "Nome Cognome 30%".
 */
import { isValidYmd, utcDate, type Cell, type CellValue } from '../grid';
import type { Peso, PesoForma } from './types';

/** "1.234,5" / "1,5" / "12.5" / "Euro 100.000,00" -> number; null when no number is there */
export function parseItNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  const m = /-?\d[\d.]*(?:,\d+)?/.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  let s = m[0];
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const NUM_RE = /^[+-]?\d+(?:[.,]\d+)?$/;
const PCT_RE = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/;

function toNum(s: string): number {
  return Number(s.replace(',', '.'));
}

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
    const s = (typeof v === 'string' ? v : shown).trim();
    if (!s) return null;
    const p = PCT_RE.exec(s);
    if (p) return mk(toNum(p[1]), 'testo-percentuale', s);
    if (NUM_RE.test(s)) return mk(toNum(s), 'testo-numero', s);
    return mk(null, 'non-valido', s);
  }
  if (v === null || v === undefined) return null;
  const text = shown || (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return { points: null, raw: v, text, forma: 'non-valido', cell: address };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export interface DateInText {
  /** as written */
  text: string;
  day: number;
  month: number;
  year: number;
  valid: boolean;
  /** UTC-midnight date when valid */
  date: Date | null;
}

const MONTHS: Record<string, number> = {
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6,
  luglio: 7, agosto: 8, settembre: 9, ottobre: 10, novembre: 11, dicembre: 12,
};

const NUMERIC_DATE_RE = /(?<![\d/.])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/])/g;
const WORD_DATE_RE = /(?<!\d)(\d{1,2})\s+(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+(\d{4})(?!\d)/gi;

/** every date written in a text (dd/mm/yyyy, dd.mm.yyyy, dd/mm/yy, "30 giugno 2024"), in order */
export function datesInText(text: string): DateInText[] {
  if (typeof text !== 'string' || !/\d/.test(text)) return [];
  const out: (DateInText & { at: number })[] = [];
  const push = (at: number, t: string, d: number, m: number, y: number) => {
    const valid = isValidYmd(y, m, d);
    out.push({ at, text: t, day: d, month: m, year: y, valid, date: valid ? utcDate(y, m, d) : null });
  };
  for (const m of text.matchAll(NUMERIC_DATE_RE)) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || y < 1900 || y > 2200) continue;
    push(m.index ?? 0, m[0], Number(m[1]), mo, y);
  }
  for (const m of text.matchAll(WORD_DATE_RE)) {
    push(m.index ?? 0, m[0], Number(m[1]), MONTHS[m[2].toLowerCase()], Number(m[3]));
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...d }) => d);
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
  return { nome, percentuale: toNum(m[1]) };
}

/** the N. column: 1, "1", "1." -> 1 */
export function parseIndex(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (typeof cell.v === 'number' && Number.isFinite(cell.v)) return cell.v;
  const s = (typeof cell.v === 'string' ? cell.v : cell.t ?? '').trim();
  const m = /^(\d{1,3})\s*[.)°]?$/.exec(s);
  return m ? Number(m[1]) : null;
}
