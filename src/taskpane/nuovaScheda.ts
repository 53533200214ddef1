/** Glue between the Nuova scheda tab and the templates core (lazy-loaded with that tab). */
import type { Grid } from '../domain/grid';
import type { SheetPlan, WritePlan } from '../domain/plan';
import type { Scheda } from '../domain/scheda/types';
import { buildSchedaStandard, listeSeMancanti, type TipoScheda } from '../domain/modelli/standard';
import { buildSchedeDaElenco, controllaRighe, readElenco, type RigaElenco } from '../domain/modelli/elenco';
import { uniqueSheetName } from '../domain/modelli/nomi';
import { buildFromTemplate, listTemplates, saveAsTemplate } from '../domain/modelli/salvati';
import { standardizza } from '../domain/modelli/standardizza';
import { UI } from '../domain/testi/ui';

/** the value of the built-in template in the pane's template choice */
export const STANDARD = '__standard__';

export interface OpzioniNuova {
  periodo: { from: number; to: number };
  tipo: TipoScheda;
  azioniPerAnnualita: number;
  annualita: number;
  titolo?: string;
  dirigente?: string;
  unita?: string;
}

export type Esito = { ok: true; plan: WritePlan } | { ok: false; message: string };

/** names of the templates saved in the workbook */
export function elencoModelli(grids: Grid[]): string[] {
  return listTemplates(grids)
    .filter((t) => !t.predefinito)
    .map((t) => t.nome);
}

export function readElencoRows(grid: Grid): RigaElenco[] {
  return readElenco(grid);
}

/** one card (no rows) or one per row of a list, from the standard or a saved template */
export function creaDaModello(modello: string, grids: Grid[], o: OpzioniNuova, existing: string[], rows?: RigaElenco[]): Esito {
  const taken = new Set(existing);
  const base = { periodo: o.periodo, tipo: o.tipo, azioniPerAnnualita: o.azioniPerAnnualita, annualita: o.annualita };
  const list: RigaElenco[] = rows ?? [{ titolo: o.titolo ?? '', dirigente: o.dirigente, unita: o.unita }];
  const refused = controllaRighe(list);
  if (refused) return { ok: false, message: refused };
  if (modello === STANDARD && rows) return { ok: true, plan: buildSchedeDaElenco(rows, base, existing) };
  const sheets: SheetPlan[] = [];
  for (const r of list) {
    const nomeFoglio = uniqueSheetName(r.titolo.trim() || UI.tabs.nuova, taken);
    taken.add(nomeFoglio);
    const opts = { ...base, nomeFoglio, tipo: r.tipo ?? o.tipo, titolo: r.titolo || undefined, dirigente: r.dirigente || undefined, unita: r.unita || undefined, missione: r.missione, programma: r.programma };
    if (modello === STANDARD) sheets.push(buildSchedaStandard(opts));
    else {
      const res = buildFromTemplate(grids, modello, opts);
      if (!res.ok) return res;
      sheets.push(res.plan);
    }
  }
  if (modello === STANDARD) sheets.push(...listeSeMancanti(existing));
  return { ok: true, plan: { sheets, select: { sheet: sheets[0].name, range: 'A1' } } };
}

export function modelloPlan(s: Scheda, grids: Grid[], nome: string): WritePlan | null {
  const g = grids.find((x) => x.name === s.sheet);
  return g ? saveAsTemplate(g, s, nome) : null;
}

export function standardizzaPlan(s: Scheda, grids: Grid[]): { plan: WritePlan; changes: string[] } {
  const grid = grids.find((x) => x.name === s.sheet);
  const { plan, changes } = standardizza(s, { existingSheetNames: grids.map((g) => g.name), grid });
  return { plan: { sheets: [plan, ...listeSeMancanti(grids.map((g) => g.name))], select: { sheet: plan.name, range: 'A1' } }, changes };
}
