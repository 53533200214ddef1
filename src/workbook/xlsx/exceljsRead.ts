/** The ExcelJS reading of a worksheet into a Grid (the reference the package reader is checked against). */
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid } from '../../domain/grid';
import { displayText } from './displayText';

type Worksheet = ExcelJS.Worksheet;

/**
 * ExcelJS cell value -> our raw value + formula. `translated` is the cell's own formula as ExcelJS gives it
 * (`cell.formula`): for a shared formula the value only names the master cell ("B15"), never the formula.
 */
export function rawOf(value: ExcelJS.CellValue, translated?: string): { v: CellValue; formula?: string } {
  if (value === null || value === undefined) return { v: null };
  if (value instanceof Date) return { v: Number.isNaN(value.getTime()) ? null : value };
  if (typeof value === 'number') return { v: Number.isFinite(value) ? value : null };
  if (typeof value === 'string' || typeof value === 'boolean') return { v: value };
  const o = value as unknown as Record<string, unknown>;
  if ('richText' in o && Array.isArray(o.richText)) {
    return { v: (o.richText as { text?: string }[]).map((p) => p?.text ?? '').join('') };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const r = rawOf((o.result ?? null) as ExcelJS.CellValue);
    const formula = translated || (typeof o.formula === 'string' ? o.formula : '');
    return { v: r.v, ...(formula ? { formula } : {}) };
  }
  // a hyperlink: its shown text may itself be rich text
  if ('hyperlink' in o || 'text' in o) {
    const t = rawOf((o.text ?? null) as ExcelJS.CellValue).v;
    return { v: t === null ? '' : t instanceof Date ? t : String(t) };
  }
  if ('error' in o) return { v: String(o.error) };
  return { v: null };
}


/** the cell's formula, shared formulas translated to the cell ('' when none or unreadable) */
function formulaOf(cell: ExcelJS.Cell): string {
  try {
    return cell.formula ?? '';
  } catch {
    return '';
  }
}

export function readGrid(ws: Worksheet): Grid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { v, formula } = rawOf(cell.value, formulaOf(cell));
      const f = cell.numFmt || undefined;
      const t = displayText(v, f);
      // keep empty cells that carry a number format (a template's empty % cell): undo restores formats too
      if (v === null && !formula && !f) return;
      const r = rowNumber - 1;
      (rows[r] ??= [])[colNumber - 1] = { v, t, ...(f ? { f } : {}), ...(formula ? { formula } : {}) };
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {}).map(
    (m) => ({ r1: m.top - 1, c1: m.left - 1, r2: m.bottom - 1, c2: m.right - 1 }),
  );
  const colWidths: (number | undefined)[] = [];
  const colCountAll = ws.columnCount;
  for (let c = 1; c <= colCountAll; c++) colWidths.push(ws.getColumn(c).width);
  return { name: ws.name, rows, merges, visibility: ws.state as Grid['visibility'], colWidths };
}
