/**
 * "Correggi": the mechanical fixes the checks offer (a PESO written as text, a graduation in its canonical form),
 * written in the cell's own format and recorded as an undo step in the workbook's history.
 */
import type { Correzione } from '../controlli/types';
import { type CellValue, type Grid, parseA1 } from '../grid';
import type { CellWrite, WritePlan } from '../plan';
import { readWorkbook } from '../scheda';
import type { Scheda } from '../scheda/types';
import { azioniDi, refKey } from './azioni';
import { type CellaSalvata, conPasso, leggiRegistro, registroPlan } from './registro';
import { encodeValue, isPercentFormat } from './valori';

export interface CorrezioneResult {
  plan: WritePlan;
  /** the value written (a PESO of 40 in a %-formatted cell is 0,4) */
  valore: CellValue;
  /** false when the fix could not be recorded in the history (its cell belongs to no action, or the record is damaged) */
  annullabile: boolean;
}

/** the logical key of a PESO or GRADUAZIONE cell: the action it belongs to */
function chiaveDi(schede: Scheda[], c: Correzione): string | null {
  for (const r of azioniDi(schede.filter((s) => s.sheet === c.foglio))) {
    if (c.tipo === 'peso-numero' && r.azione.peso?.cell === c.cella) return `${refKey(r)}|peso`;
    if (c.tipo === 'graduazione-canonica' && r.azione.graduazione?.cell === c.cella) return `${refKey(r)}|g`;
  }
  return null;
}

/**
 * The plan of one fix. A PESO goes in as the cell shows numbers: 0,4 in a cell formatted as a percentage (40%),
 * 40 elsewhere; a cell formatted as text ('@') becomes General so that the number is a number.
 */
export function correzioneDettagli(grids: Grid[], c: Correzione, now: Date, schede?: Scheda[]): CorrezioneResult {
  const pos = parseA1(c.cella);
  const cell = pos ? grids.find((g) => g.name === c.foglio)?.rows[pos.r]?.[pos.c] : undefined;
  let value: CellValue;
  let numFmt: string | undefined;
  if (c.tipo === 'graduazione-canonica') value = c.testo;
  else {
    value = isPercentFormat(cell?.f) ? Math.round(c.valore * 1e4) / 1e6 : c.valore;
    if (cell?.f === '@') numFmt = 'General';
  }
  const write: CellWrite = { sheet: c.foglio, address: c.cella, value, ...(numFmt ? { numFmt } : {}) };
  const base: WritePlan = { cells: [write], select: { sheet: c.foglio, range: c.cella } };
  const k = grids.length ? chiaveDi(schede ?? readWorkbook(grids), c) : null;
  const { registro, illeggibile } = leggiRegistro(grids);
  if (!k || illeggibile) return { plan: base, valore: value, annullabile: false };
  const salvata: CellaSalvata = {
    k,
    s: c.foglio,
    a: c.cella,
    prima: {
      v: encodeValue(cell?.v ?? null),
      ...(cell?.f ? { f: cell.f } : {}),
      ...(cell?.formula ? { fx: cell.formula } : {}),
    },
    dopo: encodeValue(value),
    ...(numFmt ? { df: numFmt } : {}),
    sp: null,
  };
  const storia = conPasso(registro.storia, { tipo: 'correzione', quando: now.toISOString(), descrizione: `${c.foglio}!${c.cella}`, celle: [salvata] });
  return { plan: { ...base, sheets: [registroPlan({ ...registro, storia })] }, valore: value, annullabile: true };
}
