/**
 * Undo, step by step, from the history kept in the workbook (computes and Correggi).
 *
 * Every cell of the step is found again by its logical key (card, annualità, action, field) on the current
 * sheets, so a row inserted above a card does not send the old values onto the wrong rows. A cell is given
 * back (value, number format, fill) only where it still holds what the step wrote; a cell edited by hand
 * since, or whose card/action cannot be found any more, is left alone and reported. A damaged or
 * hand-edited record is refused as a whole: nothing is written.
 */
import { type Grid, cellText, parseA1 } from '../grid';
import type { CellWrite, SheetPlan, WritePlan } from '../plan';
import { readWorkbook } from '../scheda';
import type { Scheda } from '../scheda/types';
import { FOGLIO_REGISTRO, MSG_ANNULLA, MSG_CALCOLO } from '../testi/calcolo';
import { azioniDi, refKey } from './azioni';
import { type CellaSalvata, type Passo, type Registro, leggiRegistro, registroPlan } from './registro';
import { eRiepilogoNostro, riepilogoPlan } from './riepilogo';
import { decodeValue, sameContent } from './valori';

export interface AnnullaResult {
  plan: WritePlan;
  /** cells restored */
  ripristinate: number;
  /** Italian notes about cells left as they are (edited by hand since, or no longer found) */
  avvisi: string[];
  /** the step undone (absent when refused) */
  passo?: Passo;
  /** steps left in the history after this one */
  restanti: number;
  /** set when the undo is refused as a whole (damaged record): the plan is empty, nothing is written */
  rifiuto?: string;
}

/** the current address of every card cell the add-in may write, by logical key (see CellaSalvata.k) */
export function indirizziLogici(schede: Scheda[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of azioniDi(schede)) {
    const k = refKey(r);
    const { raggiunto, percentuale, peso, graduazione } = r.azione;
    if (raggiunto) out.set(`${k}|r`, raggiunto.cell);
    if (percentuale) out.set(`${k}|p`, percentuale.cell);
    if (peso) out.set(`${k}|peso`, peso.cell);
    if (graduazione) out.set(`${k}|g`, graduazione.cell);
  }
  return out;
}

/** the step the next undo would take back, null when there is none (or the record cannot be read) */
export function prossimoAnnulla(grids: Grid[]): Passo | null {
  const { registro } = leggiRegistro(grids);
  return registro.storia[registro.storia.length - 1] ?? null;
}

export function annullaDettagli(grids: Grid[], schede?: Scheda[]): AnnullaResult | null {
  const { registro, illeggibile } = leggiRegistro(grids);
  if (illeggibile) return { plan: {}, ripristinate: 0, avvisi: [], restanti: 0, rifiuto: MSG_ANNULLA.registroIllegibile };
  const passo = registro.storia[registro.storia.length - 1];
  if (!passo) return null;
  const gridOf = new Map(grids.map((g) => [g.name, g]));
  const dove = indirizziLogici(schede ?? readWorkbook(grids));
  const scritti = { ...registro.scritti };
  const cells: CellWrite[] = [];
  const avvisi: string[] = [];
  const taken = new Set<string>();
  for (const c of passo.celle) {
    const address = dove.get(c.k);
    const grid = gridOf.get(c.s);
    if (!grid || !address) {
      avvisi.push(MSG_ANNULLA.nonTrovata(`${c.s}!${c.a}`));
      continue;
    }
    const pos = parseA1(address)!;
    const cell = grid.rows[pos.r]?.[pos.c];
    if (!sameContent(cell, decodeValue(c.dopo)) || taken.has(`${c.s}!${address}`)) {
      avvisi.push(
        address === c.a
          ? MSG_CALCOLO.annullaConflitto(`${c.s}!${address}`, cellText(cell))
          : MSG_ANNULLA.spostataCambiata(`${c.s}!${c.a}`, address, cellText(cell)),
      );
      continue;
    }
    taken.add(`${c.s}!${address}`);
    cells.push(ripristino(c, address));
    if (passo.tipo !== 'calcolo') continue;
    if (c.sp) scritti[c.k] = { ...c.sp, a: address };
    else delete scritti[c.k];
  }

  const sheets: SheetPlan[] = [];
  const deleteSheets: string[] = [];
  let riepilogo = registro.riepilogo;
  if (passo.riepilogo) {
    const prima = passo.riepilogo.prima;
    const current = registro.riepilogo;
    // the Riepilogo is touched only when it is the add-in's (by its header), never a sheet of the user's
    const nostro = (nome: string) => !gridOf.has(nome) || eRiepilogoNostro(gridOf.get(nome)!);
    if (prima && nostro(prima.foglio)) sheets.push(riepilogoPlan(prima.foglio, prima.righe));
    if (current && gridOf.has(current.foglio) && current.foglio !== prima?.foglio && nostro(current.foglio)) deleteSheets.push(current.foglio);
    riepilogo = prima;
  }
  const nuovo: Registro = { versione: 2, scritti, riepilogo, storia: registro.storia.slice(0, -1) };
  // nothing left to remember: the workbook goes back to having no bookkeeping at all
  if (Object.keys(scritti).length === 0 && !nuovo.riepilogo && nuovo.storia.length === 0) deleteSheets.push(FOGLIO_REGISTRO);
  else sheets.push(registroPlan(nuovo));
  return {
    plan: { sheets, ...(deleteSheets.length ? { deleteSheets } : {}), ...(cells.length ? { cells } : {}) },
    ripristinate: cells.length,
    avvisi,
    passo,
    restanti: nuovo.storia.length,
  };
}

/** the write that gives a cell back: value or formula, number format, and the fill when the step changed it */
function ripristino(c: CellaSalvata, address: string): CellWrite {
  return {
    sheet: c.s,
    address,
    ...(c.prima.fx ? { formula: c.prima.fx } : { value: decodeValue(c.prima.v) }),
    numFmt: c.prima.f ?? 'General',
    ...(c.prima.fill !== undefined ? { fill: c.prima.fill || null } : {}),
  };
}

/** the WritePlan that undoes the last step, null when there is nothing to undo (or it is refused) */
export function annulla(grids: Grid[]): WritePlan | null {
  const r = annullaDettagli(grids);
  return r && !r.rifiuto ? r.plan : null;
}
