/** The Riepilogo sheet: one row per card and annualità, data bars on the level, a bar chart. */
import { type Grid, colToLetters } from '../grid';
import { type PlannedCell, type SheetPlan, landscapeA4Print } from '../plan';
import { compactLabel } from '../scheda/labels';
import { FOGLIO_RIEPILOGO, GRADO_COMPLETO, INTESTAZIONI_RIEPILOGO, TITOLO_GRAFICO_RIEPILOGO } from '../testi/calcolo';
import type { RigaRiepilogo } from './registro';

const WIDTHS = [22, 60, 26, 26, 13, 8, 9, 10, 14, 30, 11, 26, 17];

export function percentFormat(level: number): string {
  return Math.abs(level * 100 - Math.round(level * 100)) < 1e-6 ? '0%' : '0.0%';
}

export function riepilogoPlan(foglio: string, righe: RigaRiepilogo[]): SheetPlan {
  const header = { bold: true, fill: '#DDEBF7', border: true, wrap: true, vAlign: 'middle' as const };
  const cells: PlannedCell[] = INTESTAZIONI_RIEPILOGO.map((h, c) => ({ address: `${colToLetters(c)}1`, value: h, style: header }));
  righe.forEach((r, i) => {
    const row = i + 2;
    const values: (string | number | Date | null)[] = [
      r.foglio,
      r.obiettivo,
      r.dirigente,
      r.unita,
      r.tipo,
      r.anno,
      r.azioni,
      r.rilevate,
      r.grado,
      // no grade yet: the row's state says why (nothing measured, a project's fund still pending)
      r.grado === null ? (r.stato ?? '') : r.stato || GRADO_COMPLETO,
      r.peso,
      r.segnalazioni,
      new Date(r.calcolatoIl),
    ];
    values.forEach((v, c) => {
      const numFmt = c === 8 ? (r.grado !== null ? percentFormat(r.grado) : undefined) : c === 12 ? 'dd/mm/yyyy hh:mm' : undefined;
      cells.push({
        address: `${colToLetters(c)}${row}`,
        ...(v !== null && v !== '' ? { value: v } : {}),
        style: {
          border: true,
          vAlign: 'top',
          wrap: c === 1 || c === 9 || c === 11,
          // a grade that is not final is shown in italics beside its qualification
          ...(c === 9 && r.stato ? { italic: true, fontColor: '#9C5700' } : {}),
          ...(numFmt ? { numFmt } : {}),
        },
      });
    });
  });
  const last = righe.length + 1;
  const plan: SheetPlan = {
    name: foglio,
    mode: 'replace',
    cells,
    columnWidths: Object.fromEntries(WIDTHS.map((w, c) => [colToLetters(c), w])),
    freezeRows: 1,
    tabColor: '#548235',
    print: landscapeA4Print(),
  };
  if (righe.length) {
    plan.conditionalFormats = [{ range: `I2:I${last}`, type: 'dataBar', color: '#63BE7B' }];
    plan.charts = [{ type: 'bar', title: TITOLO_GRAFICO_RIEPILOGO, categories: `A2:A${last}`, values: `I2:I${last}`, anchor: 'N2' }];
  }
  return plan;
}

/**
 * Is this sheet a Riepilogo the add-in wrote? Known by its content (the header row the add-in writes), not by its
 * name: a sheet of the user's called "Riepilogo" is never replaced nor deleted. Older Riepiloghi had fewer columns:
 * the first nine headers decide.
 */
export function eRiepilogoNostro(g: Grid): boolean {
  const row = g.rows[0] ?? [];
  return INTESTAZIONI_RIEPILOGO.slice(0, 9).every((h, c) => {
    const v = row[c]?.v;
    return typeof v === 'string' && v.trim() === h;
  });
}

/**
 * The name of the add-in's Riepilogo: its own (from the bookkeeping) while that sheet is missing or still the
 * add-in's, else `Riepilogo` when free, else a free variant (`Riepilogo calcolo`, `Riepilogo calcolo 2` …).
 */
export function nomeRiepilogo(grids: Grid[], proprio: string | null): string {
  const existing = proprio ? grids.find((g) => compactLabel(g.name) === compactLabel(proprio)) : undefined;
  if (proprio && (!existing || eRiepilogoNostro(existing))) return existing?.name ?? proprio;
  const taken = new Set(grids.map((g) => compactLabel(g.name)));
  if (!taken.has(compactLabel(FOGLIO_RIEPILOGO))) return FOGLIO_RIEPILOGO;
  for (let i = 2; ; i++) {
    const name = `${FOGLIO_RIEPILOGO} calcolo${i > 2 ? ` ${i - 1}` : ''}`;
    if (!taken.has(compactLabel(name))) return name;
  }
}
