/** Glue between the Nuova scheda tab and the templates core (lazy-loaded with that tab). */
import type { Grid } from '../domain/grid';
import type { SheetPlan, WritePlan } from '../domain/plan';
import type { Scheda } from '../domain/scheda/types';
import { buildSchedaStandard, listeSeMancanti, type TipoScheda } from '../domain/modelli/standard';
import { buildSchedeDaElenco, controllaRighe, readElenco, type RigaElenco } from '../domain/modelli/elenco';
import { nomiPerTitoli, uniqueSheetName } from '../domain/modelli/nomi';
import { leggiElencoTesto, obiettiviDaCelle, righeDaTesto } from '../domain/modelli/elencoTesto';
import { NOMI_SISTEMA } from '../domain/sistemi';
import { schedeDaRighe } from '../domain/sistemi/nuove';
import { buildFromTemplate, listTemplates, saveAsTemplate } from '../domain/modelli/salvati';
import { standardizza } from '../domain/modelli/standardizza';
import { UI } from '../domain/testi/ui';
import { gridFromValues } from './model';

/** the value of the built-in template in the pane's template choice */
export const STANDARD = '__standard__';
/** the value of another card system's blank card in the same choice: "sistema:fasi" */
const SISTEMA = 'sistema:';

/** the card systems other than Sarzana's grid, as choices beside the templates */
export function sceltaSistemi(): { value: string; label: string }[] {
  return NOMI_SISTEMA.filter((n) => n !== 'gestionale' && UI.nuova.sistemi[n]).map((n) => ({ value: `${SISTEMA}${n}`, label: UI.nuova.sistemi[n]! }));
}

/** the card system a choice names, or null for a template */
export function sistemaScelto(modello: string): string | null {
  return modello.startsWith(SISTEMA) ? modello.slice(SISTEMA.length) : null;
}

/**
 * A pasted list: columns copied from Excel (tab-separated, a header naming Titolo …) are read as a range of cells;
 * any other text as a plan in prose (bullets under AREA / Settore headings) or one objective per line.
 */
export function righeDaIncollato(text: string): RigaElenco[] {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim());
  if (lines.length && lines.filter((l) => l.includes('\t')).length >= Math.ceil(lines.length / 2)) {
    return readElenco(gridFromValues(lines.map((l) => l.split('\t').map((v) => v.trim())), 'Elenco'));
  }
  return righeDaTesto(leggiElencoTesto(text));
}

/** the sheets a list will make, shown before anything is written */
export function anteprimaNuove(rows: readonly RigaElenco[], existing: string[]): { foglio: string; titolo: string; unita: string | null }[] {
  const nomi = nomiPerTitoli(rows.map((r) => r.titolo), existing, UI.tabs.nuova);
  return rows.map((r, i) => ({ foglio: nomi[i]!, titolo: r.titolo, unita: r.unita ?? null }));
}

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

/** the selected cells as a list: a plan in prose pasted into a column (AREA / Settore headings, bullets), else a table */
export function readElencoRows(grid: Grid): RigaElenco[] {
  const prosa = obiettiviDaCelle(grid);
  return prosa ? righeDaTesto(prosa) : readElenco(grid);
}

/** one card (no rows) or one per row of a list, from the standard or a saved template */
export function creaDaModello(modello: string, grids: Grid[], o: OpzioniNuova, existing: string[], rows?: RigaElenco[]): Esito {
  const taken = new Set(existing);
  const base = { periodo: o.periodo, tipo: o.tipo, azioniPerAnnualita: o.azioniPerAnnualita, annualita: o.annualita };
  const list: RigaElenco[] = rows ?? [{ titolo: o.titolo ?? '', dirigente: o.dirigente, unita: o.unita }];
  const refused = controllaRighe(list);
  if (refused) return { ok: false, message: refused };
  const sistema = sistemaScelto(modello);
  if (sistema) {
    const plan = schedeDaRighe(sistema, list, existing, o.periodo);
    return plan ? { ok: true, plan } : { ok: false, message: UI.nuova.elencoVuoto };
  }
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
