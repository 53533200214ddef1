/** A small helper to assemble a SheetPlan cell by cell (styles on every cell of a merged area, so borders draw right). */
import { toA1, type CellValue } from '../grid';
import type { CellStyle, PlannedCell, SheetPlan } from '../plan';

export const FILL = {
  titolo: '#1F4E78',
  sezione: '#BDD7EE',
  intestazione: '#DDEBF7',
  etichetta: '#F2F2F2',
  calcolo: '#FFF2CC',
  rosso: '#FFC7CE',
  rossoTesto: '#9C0006',
  verde: '#C6EFCE',
  verdeTesto: '#006100',
};

export const STILE: Record<'titolo' | 'sezione' | 'intestazione' | 'etichetta' | 'input' | 'calcolo' | 'vuoto', CellStyle> = {
  titolo: { bold: true, fontSize: 14, fill: FILL.titolo, fontColor: '#FFFFFF', hAlign: 'center', vAlign: 'middle', wrap: true, border: true, locked: false },
  sezione: { bold: true, fontSize: 11, fill: FILL.sezione, hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  intestazione: { bold: true, fill: FILL.intestazione, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  etichetta: { bold: true, fill: FILL.etichetta, hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  input: { wrap: true, vAlign: 'top', hAlign: 'left', border: true, locked: false },
  calcolo: { bold: true, fill: FILL.calcolo, hAlign: 'center', vAlign: 'middle', border: true, numFmt: '0' },
  vuoto: { fill: FILL.sezione, border: true },
};

export class SheetBuilder {
  private cells = new Map<string, PlannedCell>();
  readonly merges: string[] = [];
  /** by 1-based row: the height the texts written on it need (points) */
  readonly needed: Record<number, number> = {};

  /** widths: column widths in characters, to estimate how tall wrapped texts make a row */
  constructor(private readonly widths: number[] = []) {}

  /** write a value (or formula) in the rectangle r,c1..c2 (0-based), merged when wider than one cell */
  put(
    r: number,
    c1: number,
    c2: number,
    content: { value?: CellValue; formula?: string } | CellValue | undefined,
    style: CellStyle,
    r2 = r,
  ): string {
    const c = content !== null && typeof content === 'object' && !(content instanceof Date) ? content : { value: content };
    for (let rr = r; rr <= r2; rr++) {
      for (let cc = c1; cc <= c2; cc++) {
        const address = toA1(rr, cc);
        const cell: PlannedCell = { address, style };
        if (rr === r && cc === c1) {
          if (c.formula !== undefined) {
            cell.formula = c.formula;
            // a value given with a formula is its cached result (what Excel shows before recalculating)
            if (c.value !== undefined && c.value !== null) cell.value = c.value;
          } else if (c.value !== undefined && c.value !== null && c.value !== '') cell.value = c.value;
        }
        this.cells.set(address, cell);
      }
    }
    if (c2 > c1 || r2 > r) this.merges.push(`${toA1(r, c1)}:${toA1(r2, c2)}`);
    if (r2 === r && typeof c.value === 'string' && style.wrap) {
      let w = 0;
      for (let cc = c1; cc <= c2; cc++) w += this.widths[cc] ?? 9;
      const size = style.fontSize ?? 11;
      const perLine = Math.max(4, (w * 1.15 * 11) / size);
      const lines = c.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      const h = Math.min(409, Math.ceil(lines * size * 1.3 + 4));
      this.needed[r + 1] = Math.max(this.needed[r + 1] ?? 0, h);
    }
    return toA1(r, c1);
  }

  plannedCells(): PlannedCell[] {
    return [...this.cells.values()];
  }

  toPlan(base: Omit<SheetPlan, 'cells' | 'merges'>): SheetPlan {
    return { ...base, cells: this.plannedCells(), merges: [...this.merges] };
  }
}
