/**
 * The add-in's bookkeeping, kept in the workbook (a very hidden sheet, JSON chunked over cells of
 * column A): what the add-in last wrote in each RAGGIUNTO/% cell, the Riepilogo it owns, and the undo
 * history (computes and Correggi, oldest first).
 *
 * The record can be edited by hand or damaged: it is validated in full before anything trusts it, and a
 * record that does not have the expected shape is "illeggibile" (compute treats the cells as hand-typed,
 * undo refuses and writes nothing).
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
  /** the card's full title (never cut) */
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

/** a cell as it was before a step, and what the step wrote */
export interface CellaSalvata {
  /**
   * logical key: `foglio|scheda|anno|n|campo` (campo r = RAGGIUNTO, p = %, peso = PESO, g = GRADUAZIONE): undo finds
   * the cell again by it and writes nowhere else (`a` is where it was, for messages)
   */
  k: string;
  s: string;
  a: string;
  /** value, number format, formula, fill ('#RRGGBB') before the step */
  prima: { v: EncodedValue; f?: string; fx?: string; fill?: string };
  dopo: EncodedValue;
  /** the number format the step wrote, when it wrote one */
  df?: string;
  /** the Scritto entry before the step (null: none) */
  sp: Scritto | null;
}

export type TipoPasso = 'calcolo' | 'correzione';

/** one undoable step */
export interface Passo {
  tipo: TipoPasso;
  /** ISO timestamp */
  quando: string;
  /** for a correction: the cell, "Foglio!A1" */
  descrizione?: string;
  celle: CellaSalvata[];
  /** a compute's: whether it replaced the Riepilogo, and the Riepilogo before it (null: there was none) */
  riepilogo?: { prima: RiepilogoSalvato | null };
}

export interface Registro {
  versione: 2;
  scritti: Record<string, Scritto>;
  riepilogo: RiepilogoSalvato | null;
  /** oldest first; undo takes the last */
  storia: Passo[];
}

/** how many steps the history keeps (older ones are forgotten) */
export const PASSI_MASSIMI = 10;

export function registroVuoto(): Registro {
  return { versione: 2, scritti: {}, riepilogo: null, storia: [] };
}

/** a new history with `p` on top, the oldest forgotten beyond PASSI_MASSIMI */
export function conPasso(storia: Passo[], p: Passo): Passo[] {
  return [...storia, p].slice(-PASSI_MASSIMI);
}

/** text per cell, well under Excel's 32,767 characters */
export const CHUNK = 30000;

export function findRegistro(grids: Grid[]): Grid | undefined {
  return grids.find((g) => g.name === FOGLIO_REGISTRO);
}

// ---- validation of a record read back from the workbook ------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const optStr = (x: unknown) => x === undefined || isStr(x);
const isNumOrNull = (x: unknown) => x === null || isNum(x);
const isA1 = (x: unknown) => isStr(x) && /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(x);
const isIso = (x: unknown) => isStr(x) && !Number.isNaN(Date.parse(x));

function isEncoded(x: unknown): x is EncodedValue {
  if (x === null || isStr(x) || isNum(x) || typeof x === 'boolean') return true;
  return isObj(x) && Object.keys(x).length === 1 && isIso(x.d);
}

function isScritto(x: unknown): x is Scritto {
  return isObj(x) && isStr(x.s) && isA1(x.a) && isEncoded(x.v);
}

function isRiga(x: unknown): x is RigaRiepilogo {
  return (
    isObj(x) &&
    isStr(x.foglio) &&
    isStr(x.obiettivo) &&
    isStr(x.dirigente) &&
    isStr(x.unita) &&
    isStr(x.tipo) &&
    isNumOrNull(x.anno) &&
    isNum(x.azioni) &&
    isNum(x.rilevate) &&
    (x.grado === null || (isNum(x.grado) && x.grado >= 0 && x.grado <= 1)) &&
    optStr(x.stato) &&
    isNumOrNull(x.peso) &&
    isStr(x.segnalazioni) &&
    isIso(x.calcolatoIl)
  );
}

function isRiepilogo(x: unknown): x is RiepilogoSalvato {
  return isObj(x) && isStr(x.foglio) && x.foglio.length > 0 && x.foglio.length <= 31 && Array.isArray(x.righe) && x.righe.every(isRiga);
}

/** `foglio|scheda|anno|n|campo`: the fields a compute writes (RAGGIUNTO, %) and those Correggi writes (PESO, GRADUAZIONE) */
// (a sheet name may itself hold '|')
const CHIAVE = /^.+\|\d{1,6}\|\d{1,6}\|\d{1,6}\|(r|p|peso|g)$/;
const CAMPI: Record<TipoPasso, string[]> = { calcolo: ['r', 'p'], correzione: ['peso', 'g'] };

function isCella(x: unknown): x is CellaSalvata {
  if (!isObj(x) || !isStr(x.k) || !CHIAVE.test(x.k) || !isStr(x.s) || !isA1(x.a) || !isEncoded(x.dopo) || !optStr(x.df)) return false;
  if (!(x.sp === null || isScritto(x.sp))) return false;
  const p = x.prima;
  return isObj(p) && isEncoded(p.v) && optStr(p.f) && optStr(p.fx) && optStr(p.fill);
}

function isPasso(x: unknown): x is Passo {
  if (!isObj(x) || (x.tipo !== 'calcolo' && x.tipo !== 'correzione') || !isIso(x.quando) || !optStr(x.descrizione)) return false;
  const campi = CAMPI[x.tipo];
  if (!Array.isArray(x.celle) || !x.celle.every((c) => isCella(c) && campi.includes(c.k.slice(c.k.lastIndexOf('|') + 1)))) return false;
  if (x.riepilogo === undefined) return true;
  return isObj(x.riepilogo) && (x.riepilogo.prima === null || isRiepilogo(x.riepilogo.prima));
}

function isScritti(x: unknown): x is Record<string, Scritto> {
  return isObj(x) && Object.values(x).every(isScritto);
}

/** a record of the first version (one undo snapshot, `ultimo`) as a history of at most one step */
function daVersione1(r: Obj): Registro | null {
  if (!isScritti(r.scritti) || !(r.riepilogo === null || r.riepilogo === undefined || isRiepilogo(r.riepilogo))) return null;
  const u = r.ultimo;
  let storia: Passo[] = [];
  if (u !== null && u !== undefined) {
    if (!isObj(u) || !isIso(u.quando) || !Array.isArray(u.celle) || !u.celle.every((c) => isCella(c) && /\|[rp]$/.test(c.k))) return null;
    if (!(u.riepilogoPrima === null || isRiepilogo(u.riepilogoPrima))) return null;
    storia = [{ tipo: 'calcolo', quando: u.quando as string, celle: u.celle, riepilogo: { prima: (u.riepilogoPrima as RiepilogoSalvato | null) ?? null } }];
  }
  return { versione: 2, scritti: r.scritti, riepilogo: (r.riepilogo as RiepilogoSalvato | null | undefined) ?? null, storia };
}

/** the record's shape checked in full: null when anything is off */
export function validaRegistro(x: unknown): Registro | null {
  if (!isObj(x)) return null;
  if (x.versione === 1) return daVersione1(x);
  if (x.versione !== 2) return null;
  if (!isScritti(x.scritti)) return null;
  if (!(x.riepilogo === null || isRiepilogo(x.riepilogo))) return null;
  if (!Array.isArray(x.storia) || !x.storia.every(isPasso)) return null;
  return { versione: 2, scritti: x.scritti, riepilogo: x.riepilogo, storia: x.storia };
}

/** read the bookkeeping; `illeggibile` when the sheet exists but its content cannot be trusted */
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { registro: registroVuoto(), illeggibile: true };
  }
  const r = validaRegistro(parsed);
  return r ? { registro: r, illeggibile: false } : { registro: registroVuoto(), illeggibile: true };
}

/**
 * Deterministic JSON (sorted keys of `scritti`) so that computing twice writes the same cells, and ASCII only
 * (every other character as a \uXXXX escape): a reader that decodes a file in pieces can split a multi-byte
 * character (ExcelJS's XML reader does, on long texts with emoji); an escape survives any such reader.
 */
export function registroJson(r: Registro): string {
  const scritti: Record<string, Scritto> = {};
  for (const k of Object.keys(r.scritti).sort()) scritti[k] = r.scritti[k];
  return JSON.stringify({ versione: 2, scritti, riepilogo: r.riepilogo, storia: r.storia }).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `text` in pieces of at most `size` UTF-16 units, never cutting a surrogate pair (an emoji) in two */
export function spezzaTesto(text: string, size = CHUNK): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function registroPlan(r: Registro): SheetPlan {
  const cells = spezzaTesto(registroJson(r)).map((value, i) => ({ address: `A${i + 1}`, value }));
  return { name: FOGLIO_REGISTRO, mode: 'replace', visibility: 'veryHidden', cells };
}
