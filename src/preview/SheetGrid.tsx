/** An HTML rendering of one sheet: column letters, row numbers, merged cells, displayed text, highlight. */
import { memo, useEffect, useMemo, useRef, type ReactElement } from 'react';
import { colCount, colToLetters, formatDateIt, formatNumberIt, toA1, type Cell, type Grid } from '../domain/grid';
import { UI } from '../domain/testi/ui';

const MAX_ROWS = 1500;
const MAX_COLS = 60;

/** the text a cell shows: the back end's displayed text, else a formatting of the raw value */
export function cellDisplay(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.t) return cell.t;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDateIt(v);
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  if (typeof v === 'number') return cell.f?.includes('%') ? `${formatNumberIt(v * 100, 2)}%` : formatNumberIt(v, 10);
  return v;
}

export interface SheetGridProps {
  grid: Grid;
  /** "r,c" keys of highlighted cells */
  highlight: Set<string>;
  /** click on a cell (shift = extend the selection) */
  onCellClick(r: number, c: number, extend: boolean): void;
}

export const SheetGrid = memo(function SheetGrid({ grid, highlight, onCellClick }: SheetGridProps) {
  const ref = useRef<HTMLDivElement>(null);
  const maxHighlightRow = useMemo(() => {
    let m = -1;
    for (const k of highlight) m = Math.max(m, Number(k.split(',')[0]));
    return m;
  }, [highlight]);
  const nRows = Math.min(Math.max(grid.rows.length, maxHighlightRow + 1) + 2, MAX_ROWS);
  const nCols = Math.min(Math.max(colCount(grid), 1) + 1, MAX_COLS);

  const { spans, covered } = useMemo(() => {
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const m of grid.merges) {
      spans.set(`${m.r1},${m.c1}`, { rowSpan: m.r2 - m.r1 + 1, colSpan: m.c2 - m.c1 + 1 });
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
    }
    return { spans, covered };
  }, [grid]);

  useEffect(() => {
    // scroll the grid only (scrollIntoView would also scroll the page's fixed layout)
    const wrap = ref.current;
    const el = wrap?.querySelector('td.sel');
    if (!wrap || !el) return;
    const w = wrap.getBoundingClientRect();
    const c = el.getBoundingClientRect();
    if (c.top < w.top + 20 || c.bottom > w.bottom) wrap.scrollTop += c.top - w.top - w.height / 3;
    if (c.left < w.left + 40 || c.right > w.right) wrap.scrollLeft += c.left - w.left - 60;
  }, [highlight, grid]);

  const rows: ReactElement[] = [];
  for (let r = 0; r < nRows; r++) {
    const tds: ReactElement[] = [
      <th key="h" scope="row" className="rh">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < nCols; c++) {
      const k = `${r},${c}`;
      if (covered.has(k)) continue;
      const cell = grid.rows[r]?.[c];
      const span = spans.get(k);
      const text = cellDisplay(cell);
      const isNum = typeof cell?.v === 'number' || cell?.v instanceof Date;
      let sel = highlight.has(k);
      if (!sel && span) {
        for (let i = 0; i < span.rowSpan && !sel; i++)
          for (let j = 0; j < span.colSpan && !sel; j++) sel = highlight.has(`${r + i},${c + j}`);
      }
      tds.push(
        <td
          key={c}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          data-addr={toA1(r, c)}
          className={`${sel ? 'sel' : ''}${isNum ? ' num' : ''}${cell?.formula ? ' fx' : ''}`}
          title={cell?.formula ? `=${cell.formula}` : text.length > 60 ? text : undefined}
          onClick={(e) => onCellClick(r, c, e.shiftKey)}
        >
          {text && <div className="c">{text}</div>}
        </td>,
      );
    }
    rows.push(<tr key={r}>{tds}</tr>);
  }

  const widths: ReactElement[] = [<col key="h" style={{ width: 40 }} />];
  for (let c = 0; c < nCols; c++) {
    const w = grid.colWidths?.[c];
    widths.push(<col key={c} style={{ width: Math.round((w ?? 10) * 7 + 6) }} />);
  }

  return (
    <div className="grid-wrap" ref={ref} role="region" aria-label={UI.anteprima.griglia(grid.name)} tabIndex={0}>
      {grid.rows.length === 0 && <p className="empty">{UI.anteprima.vuoto}</p>}
      <table className="sheet" data-sheet={grid.name}>
        <colgroup>{widths}</colgroup>
        <thead>
          <tr>
            <td className="corner" aria-hidden="true" />
            {Array.from({ length: nCols }, (_, c) => (
              <th key={c} scope="col" className="ch">
                {colToLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
});
