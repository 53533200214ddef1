/**
 * The add-in's bookkeeping, kept in the workbook (a very hidden sheet, JSON chunked over cells of
 * column A): what the add-in last wrote in each RAGGIUNTO/% cell, the Riepilogo it owns, and the
 * snapshot of the last compute for undo.
 */
import { type Grid, isEmptyCell } from '../grid';
import type { SheetPlan } from '../plan';
import { FOGLIO_REGISTRO } from '../testi/calcolo';
import type { EncodedValue } from './valori';

/** what the add-in wrote in a cell, by logical key (foglio|scheda|anno|n|campo) */
export interface Scritto {
  s: string;
  a: string;
  v: EncodedValue;
}

/** one row of the Riepilogo (kept to rebuild it on undo) */
export interface RigaRiepilogo {
  foglio: string;
  obiettivo: string;
  dirigente: string;
  unita: string;
  tipo: string;
  anno: number | null;
  azioni: number;
  rilevate: number;
  /** 0..1 or null */
  grado: number | null;
  /** what qualifies the grade ("parziale: 2 di 3 azioni rilevate", weights not 100); '' when final (absent in older records) */
  stato?: string;
  peso: number | null;
  segnalazioni: string;
  /** ISO timestamp */
  calcolatoIl: string;
}

export interface RiepilogoSalvato {
  foglio: string;
  righe: RigaRiepilogo[];
}

/** a cell as it was before a compute, and what the compute wrote */
export interface CellaSalvata {
  /** logical key */
  k: string;
  s: string;
  a: string;
  prima: { v: EncodedValue; f?: string; fx?: string };
  dopo: EncodedValue;
  /** the Scritto entry before the compute (null: none) */
  sp: Scritto | null;
}

export interface UltimoCalcolo {
  quando: string;
  celle: CellaSalvata[];
  /** the Riepilogo before the compute (null: it did not exist) */
  riepilogoPrima: RiepilogoSalvato | null;
}

export interface Registro {
  versione: 1;
  scritti: Record<string, Scritto>;
  riepilogo: RiepilogoSalvato | null;
  ultimo: UltimoCalcolo | null;
}

export function registroVuoto(): Registro {
  return { versione: 1, scritti: {}, riepilogo: null, ultimo: null };
}

const CHUNK = 30000;

export function findRegistro(grids: Grid[]): Grid | undefined {
  return grids.find((g) => g.name === FOGLIO_REGISTRO);
}

/** read the bookkeeping; `illeggibile` when the sheet exists but its content cannot be read */
export function leggiRegistro(grids: Grid[]): { registro: Registro; illeggibile: boolean } {
  const g = findRegistro(grids);
  if (!g) return { registro: registroVuoto(), illeggibile: false };
  let json = '';
  for (const row of g.rows) {
    const c = row?.[0];
    if (!c || isEmptyCell(c)) break;
    json += typeof c.v === 'string' ? c.v : c.t;
  }
  if (!json) return { registro: registroVuoto(), illeggibile: false };
  try {
    const r = JSON.parse(json) as Registro;
    if (r?.versione !== 1 || typeof r.scritti !== 'object') throw new Error('versione');
    return { registro: { versione: 1, scritti: r.scritti ?? {}, riepilogo: r.riepilogo ?? null, ultimo: r.ultimo ?? null }, illeggibile: false };
  } catch {
    return { registro: registroVuoto(), illeggibile: true };
  }
}

/** deterministic JSON (sorted keys of `scritti`) so that computing twice writes the same cells */
export function registroJson(r: Registro): string {
  const scritti: Record<string, Scritto> = {};
  for (const k of Object.keys(r.scritti).sort()) scritti[k] = r.scritti[k];
  return JSON.stringify({ versione: 1, scritti, riepilogo: r.riepilogo, ultimo: r.ultimo });
}

export function registroPlan(r: Registro): SheetPlan {
  const json = registroJson(r);
  const cells = [];
  for (let i = 0, row = 1; i < json.length; i += CHUNK, row++) cells.push({ address: `A${row}`, value: json.slice(i, i + CHUNK) });
  return { name: FOGLIO_REGISTRO, mode: 'replace', visibility: 'veryHidden', cells };
}
