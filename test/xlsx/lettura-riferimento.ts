/**
 * The reference the new reader is held to: the ExcelJS load + `readGrid` of src/workbook/xlsx/index.ts as it was
 * when the reader was written (the xlsx adapter is being rewritten around the new reader, so the old code is kept
 * here, frozen, as the oracle of the comparison tests; do not "fix" it).
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid } from '../../src/domain/grid';
import { displayText } from '../../src/workbook/xlsx/displayText';

function rawOf(value: ExcelJS.CellValue, translated?: string): { v: CellValue; formula?: string } {
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
  if ('hyperlink' in o || 'text' in o) {
    const t = rawOf((o.text ?? null) as ExcelJS.CellValue).v;
    return { v: t === null ? '' : t instanceof Date ? t : String(t) };
  }
  if ('error' in o) return { v: String(o.error) };
  return { v: null };
}

function formulaOf(cell: ExcelJS.Cell): string {
  try {
    return cell.formula ?? '';
  } catch {
    return '';
  }
}

function readGridRef(ws: ExcelJS.Worksheet): Grid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { v, formula } = rawOf(cell.value, formulaOf(cell));
      const f = cell.numFmt || undefined;
      const t = displayText(v, f);
      if (v === null && !formula && !f) return;
      (rows[rowNumber - 1] ??= [])[colNumber - 1] = { v, t, ...(f ? { f } : {}), ...(formula ? { formula } : {}) };
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {}).map(
    (m) => ({ r1: m.top - 1, c1: m.left - 1, r2: m.bottom - 1, c2: m.right - 1 }),
  );
  const colWidths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) colWidths.push(ws.getColumn(c).width);
  return { name: ws.name, rows, merges, visibility: ws.state as Grid['visibility'], colWidths };
}

/** the Grids the ExcelJS back end read from these bytes (throws where ExcelJS refuses the file) */
export async function referenceGrids(bytes: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map(readGridRef);
}
