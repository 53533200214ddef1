/**
 * Undo the last compute: every RAGGIUNTO/% cell it changed goes back to its previous value and
 * number format (unless someone edited it by hand since: that cell is kept and reported),
 * the Riepilogo goes back to what it was (deleted when it did not exist), the bookkeeping follows.
 */
import { type Grid, cellText, parseA1 } from '../grid';
import type { CellWrite, SheetPlan, WritePlan } from '../plan';
import { FOGLIO_REGISTRO, MSG_CALCOLO } from '../testi/calcolo';
import { type Registro, leggiRegistro, registroPlan } from './registro';
import { riepilogoPlan } from './riepilogo';
import { decodeValue, sameContent } from './valori';

export interface AnnullaResult {
  plan: WritePlan;
  /** cells restored */
  ripristinate: number;
  /** Italian notes about cells edited by hand after the compute, left as they are */
  avvisi: string[];
}

export function annullaDettagli(grids: Grid[]): AnnullaResult | null {
  const { registro } = leggiRegistro(grids);
  const u = registro.ultimo;
  if (!u) return null;
  const gridOf = new Map(grids.map((g) => [g.name, g]));
  const scritti = { ...registro.scritti };
  const cells: CellWrite[] = [];
  const avvisi: string[] = [];
  for (const c of u.celle) {
    const pos = parseA1(c.a);
    const cell = pos ? gridOf.get(c.s)?.rows[pos.r]?.[pos.c] : undefined;
    if (!gridOf.has(c.s)) continue;
    if (!sameContent(cell, decodeValue(c.dopo))) {
      avvisi.push(MSG_CALCOLO.annullaConflitto(`${c.s}!${c.a}`, cellText(cell)));
      continue;
    }
    cells.push({
      sheet: c.s,
      address: c.a,
      ...(c.prima.fx ? { formula: c.prima.fx } : { value: decodeValue(c.prima.v) }),
      numFmt: c.prima.f ?? 'General',
    });
    if (c.sp) scritti[c.k] = c.sp;
    else delete scritti[c.k];
  }
  const sheets: SheetPlan[] = [];
  const deleteSheets: string[] = [];
  const current = registro.riepilogo;
  if (u.riepilogoPrima) sheets.push(riepilogoPlan(u.riepilogoPrima.foglio, u.riepilogoPrima.righe));
  if (current && gridOf.has(current.foglio) && current.foglio !== u.riepilogoPrima?.foglio) deleteSheets.push(current.foglio);
  const nuovo: Registro = { versione: 1, scritti, riepilogo: u.riepilogoPrima, ultimo: null };
  // nothing left to remember: the workbook goes back to having no bookkeeping at all
  if (Object.keys(scritti).length === 0 && !nuovo.riepilogo) deleteSheets.push(FOGLIO_REGISTRO);
  else sheets.push(registroPlan(nuovo));
  return {
    plan: { sheets, ...(deleteSheets.length ? { deleteSheets } : {}), ...(cells.length ? { cells } : {}) },
    ripristinate: cells.length,
    avvisi,
  };
}

/** the WritePlan that undoes the last compute, null when there is nothing to undo */
export function annulla(grids: Grid[]): WritePlan | null {
  return annullaDettagli(grids)?.plan ?? null;
}
