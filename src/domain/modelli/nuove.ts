/** New cards from the built-in standard or from a template saved in the workbook: one per row of a list. */
import type { Grid } from '../grid';
import type { SheetPlan, WritePlan } from '../plan';
import { buildSchedeDaElenco, controllaRighe, type OpzioniElenco, type RigaElenco } from './elenco';
import { uniqueSheetName } from './nomi';
import { buildFromTemplate, isStandardTemplate } from './salvati';

export type EsitoNuove = { ok: true; plan: WritePlan; fogli: string[] } | { ok: false; message: string };

/**
 * The WritePlan that adds one card per row to a workbook whose sheets are `grids`
 * (`modello`: a saved template's name; absent or "standard" = the built-in one).
 */
export function pianoNuoveSchede(rows: RigaElenco[], opts: OpzioniElenco, grids: Grid[], modello?: string, numeri?: number[]): EsitoNuove {
  // an unknown template is named first; then every row needs a title and texts that fit a cell
  if (!isStandardTemplate(modello)) {
    const probe = buildFromTemplate(grids, modello ?? '', { titolo: '-', tipo: opts.tipo, periodo: opts.periodo, nomeFoglio: '-' });
    if (!probe.ok) return probe;
  }
  const refused = controllaRighe(rows, numeri);
  if (refused) return { ok: false, message: refused };
  const existing = grids.map((g) => g.name);
  if (isStandardTemplate(modello)) {
    const plan = buildSchedeDaElenco(rows, opts, existing);
    const fogli = (plan.sheets ?? []).filter((s) => !s.name.startsWith('_')).map((s) => s.name);
    return { ok: true, plan, fogli };
  }
  const taken = new Set(existing);
  const sheets: SheetPlan[] = [];
  for (const row of rows) {
    const nomeFoglio = uniqueSheetName(row.titolo, taken);
    taken.add(nomeFoglio);
    const r = buildFromTemplate(grids, modello ?? '', { ...row, tipo: row.tipo ?? opts.tipo, periodo: opts.periodo, nomeFoglio });
    if (!r.ok) return r;
    sheets.push(r.plan);
  }
  const fogli = sheets.map((s) => s.name);
  return {
    ok: true,
    plan: sheets.length ? { sheets, select: { sheet: fogli[0], range: 'A1' } } : {},
    fogli,
  };
}
