/**
 * An HTML rendering of one sheet: column letters, row numbers, merged cells, displayed text, highlight, data bars;
 * edited like a sheet: click selects, typing or F2 edits, Enter/Tab confirm and move, Esc cancels, arrows move,
 * Delete clears, Ctrl+C / Ctrl+V copy and paste a block as tab-separated text (what Excel puts on the clipboard).
 */
import { memo, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactElement } from 'react';
import { colCount, colToLetters, formatDateIt, formatNumberIt, toA1, type Cell, type CellRange, type Grid } from '../domain/grid';
import type { CellWrite } from '../domain/plan';
import { UI } from '../domain/testi/ui';
import { editText, parseTsv, toTsv, writeFromInput } from './input';

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
  /** the selected range on this sheet and its active cell (where typing goes), when the selection is here */
  selection: { range: CellRange; active: { r: number; c: number } } | null;
  /** click on a cell (shift = extend the selection) */
  onCellClick(r: number, c: number, extend: boolean): void;
  /** select a range with this active cell (keyboard moves) */
  onSelect(range: CellRange, active: { r: number; c: number }): void;
  /** write cells through the workbook port, then select `then` (no selection change without it) */
  onWrite(writes: CellWrite[], then?: CellRange): void;
}

interface Editing {
  r: number;
  c: number;
  text: string;
  /** 'enter': started by typing, arrows confirm and move (as in Excel); 'edit': F2, arrows move the caret */
  mode: 'enter' | 'edit';
}

const one = (r: number, c: number): CellRange => ({ r1: r, c1: c, r2: r, c2: c });

export const SheetGrid = memo(function SheetGrid({ grid, highlight, selection, onCellClick, onSelect, onWrite }: SheetGridProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [editing, setEditingState] = useState<Editing | null>(null);
  /** the edit in progress: a blur writes it only while it is still this one (not after Enter, Tab or Esc ended it) */
  const live = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    live.current = e;
    setEditingState(e);
  };
  const maxHighlightRow = useMemo(() => {
    let m = -1;
    for (const k of highlight) m = Math.max(m, Number(k.split(',')[0]));
    return m;
  }, [highlight]);
  const nRows = Math.min(Math.max(grid.rows.length, maxHighlightRow + 1) + 2, MAX_ROWS);
  const nCols = Math.min(Math.max(colCount(grid), 1) + 1, MAX_COLS);

  const { spans, covered, mergeOf } = useMemo(() => {
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    const mergeOf = new Map<string, CellRange>();
    for (const m of grid.merges) {
      spans.set(`${m.r1},${m.c1}`, { rowSpan: m.r2 - m.r1 + 1, colSpan: m.c2 - m.c1 + 1 });
      for (let r = m.r1; r <= m.r2; r++)
        for (let c = m.c1; c <= m.c2; c++) {
          mergeOf.set(`${r},${c}`, m);
          if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
        }
    }
    return { spans, covered, mergeOf };
  }, [grid]);

  // data bars: the fraction of the cell's width each numeric cell of a bar range fills (0 to the range's maximum, at least 1)
  const bars = useMemo(() => {
    const out = new Map<string, { color: string; width: number }>();
    for (const b of grid.dataBars ?? []) {
      let max = 1;
      for (let r = b.range.r1; r <= b.range.r2; r++)
        for (let c = b.range.c1; c <= b.range.c2; c++) {
          const v = grid.rows[r]?.[c]?.v;
          if (typeof v === 'number' && v > max) max = v;
        }
      for (let r = b.range.r1; r <= b.range.r2; r++)
        for (let c = b.range.c1; c <= b.range.c2; c++) {
          const v = grid.rows[r]?.[c]?.v;
          if (typeof v === 'number') out.set(`${r},${c}`, { color: b.color, width: Math.max(0, Math.min(1, v / max)) });
        }
    }
    return out;
  }, [grid]);

  // a re-read sheet or another selection ends an edit that no longer has its cell
  useEffect(() => {
    if (editing && (!selection || selection.active.r !== editing.r || selection.active.c !== editing.c)) setEditing(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, editing]);

  /** the cell a move lands on: out of a merged area by its edge, onto a merged area's first cell */
  const step = (r: number, c: number, dr: number, dc: number): { r: number; c: number } => {
    const m = mergeOf.get(`${r},${c}`);
    let nr = dr > 0 ? (m ? m.r2 : r) + dr : dr < 0 ? (m ? m.r1 : r) + dr : r;
    let nc = dc > 0 ? (m ? m.c2 : c) + dc : dc < 0 ? (m ? m.c1 : c) + dc : c;
    nr = Math.max(0, Math.min(nRows - 1, nr));
    nc = Math.max(0, Math.min(nCols - 1, nc));
    const to = mergeOf.get(`${nr},${nc}`);
    return to ? { r: to.r1, c: to.c1 } : { r: nr, c: nc };
  };
  const focusGrid = () => ref.current?.focus({ preventScroll: true });

  /** write the edit; then move by dr/dc, or (blur: a click elsewhere chose the next cell) leave the selection alone */
  const commit = (e: Editing, dr: number, dc: number, move = true) => {
    setEditing(null);
    const next = step(e.r, e.c, dr, dc);
    const cell = grid.rows[e.r]?.[e.c];
    const unchanged = e.mode === 'edit' && e.text === editText(cell);
    if (!unchanged) onWrite([writeFromInput(grid.name, toA1(e.r, e.c), e.text, cell)], move ? one(next.r, next.c) : undefined);
    else if (move) onSelect(one(next.r, next.c), next);
    if (move) focusGrid();
  };

  const onGridKey = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !selection || ev.target !== ref.current) return;
    const { range, active } = selection;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[ev.key];
    if (move) {
      ev.preventDefault();
      if (ev.shiftKey) {
        // extend from the active cell: the far corner moves
        const far = { r: range.r1 === active.r ? range.r2 : range.r1, c: range.c1 === active.c ? range.c2 : range.c1 };
        const to = step(far.r, far.c, move[0], move[1]);
        onSelect({ r1: Math.min(active.r, to.r), c1: Math.min(active.c, to.c), r2: Math.max(active.r, to.r), c2: Math.max(active.c, to.c) }, active);
      } else {
        const to = step(active.r, active.c, move[0], move[1]);
        onSelect(one(to.r, to.c), to);
      }
      return;
    }
    if (ev.key === 'Enter' || (ev.key === 'Tab' && !(ev.shiftKey ? active.c === 0 : step(active.r, active.c, 0, 1).c === active.c))) {
      // Tab at the sheet's last column (or Shift+Tab at the first) leaves the grid, as focus should
      ev.preventDefault();
      const to = ev.key === 'Enter' ? step(active.r, active.c, ev.shiftKey ? -1 : 1, 0) : step(active.r, active.c, 0, ev.shiftKey ? -1 : 1);
      onSelect(one(to.r, to.c), to);
      return;
    }
    if (ev.key === 'F2') {
      ev.preventDefault();
      setEditing({ r: active.r, c: active.c, text: editText(grid.rows[active.r]?.[active.c]), mode: 'edit' });
      return;
    }
    if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      const writes: CellWrite[] = [];
      for (let r = range.r1; r <= range.r2; r++)
        for (let c = range.c1; c <= range.c2; c++) {
          const cell = grid.rows[r]?.[c];
          if (cell && (cell.v !== null || cell.formula) && !covered.has(`${r},${c}`)) writes.push({ sheet: grid.name, address: toA1(r, c), value: null });
        }
      if (writes.length) onWrite(writes, range);
      return;
    }
    if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      setEditing({ r: active.r, c: active.c, text: ev.key, mode: 'enter' });
    }
  };

  const onEditorKey = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const e = { ...editing, text: ev.currentTarget.value };
    if (ev.key === 'Escape') {
      ev.preventDefault();
      setEditing(null);
      focusGrid();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      commit(e, ev.shiftKey ? -1 : 1, 0);
    } else if (ev.key === 'Tab') {
      ev.preventDefault();
      commit(e, 0, ev.shiftKey ? -1 : 1);
    } else if (e.mode === 'enter' && ev.key.startsWith('Arrow')) {
      ev.preventDefault();
      const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[ev.key] ?? [0, 0];
      commit(e, d[0], d[1]);
    }
  };

  const onCopy = (ev: ClipboardEvent<HTMLDivElement>) => {
    if (editing || !selection) return;
    const { range } = selection;
    const rows: string[][] = [];
    for (let r = range.r1; r <= range.r2; r++) {
      const row: string[] = [];
      for (let c = range.c1; c <= range.c2; c++) row.push(covered.has(`${r},${c}`) ? '' : cellDisplay(grid.rows[r]?.[c]));
      rows.push(row);
    }
    ev.clipboardData.setData('text/plain', toTsv(rows));
    ev.preventDefault();
  };

  const onPaste = (ev: ClipboardEvent<HTMLDivElement>) => {
    if (editing || !selection) return;
    const text = ev.clipboardData.getData('text/plain');
    if (!text) return;
    ev.preventDefault();
    const block = parseTsv(text);
    const { r: r0, c: c0 } = { r: selection.range.r1, c: selection.range.c1 };
    const writes: CellWrite[] = [];
    let width = 0;
    block.forEach((row, i) => {
      width = Math.max(width, row.length);
      row.forEach((t, j) => {
        const r = r0 + i;
        const c = c0 + j;
        if (!covered.has(`${r},${c}`)) writes.push(writeFromInput(grid.name, toA1(r, c), t, grid.rows[r]?.[c]));
      });
    });
    if (writes.length) onWrite(writes, { r1: r0, c1: c0, r2: r0 + block.length - 1, c2: c0 + Math.max(width, 1) - 1 });
  };

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
      const isActive = selection?.active.r === r && selection.active.c === c;
      const isEditing = editing?.r === r && editing.c === c;
      const bar = bars.get(k);
      tds.push(
        <td
          key={c}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          data-addr={toA1(r, c)}
          className={`${sel ? 'sel' : ''}${isActive ? ' act' : ''}${isNum ? ' num' : ''}${cell?.formula ? ' fx' : ''}${isEditing ? ' ed' : ''}`}
          title={cell?.formula ? `=${cell.formula}` : text.length > 60 ? text : undefined}
          onClick={(e) => onCellClick(r, c, e.shiftKey)}
          onDoubleClick={() => setEditing({ r, c, text: editText(cell), mode: 'edit' })}
        >
          {bar && <div className="bar" data-testid="barra-dati" style={{ width: `${Math.round(bar.width * 100)}%`, background: `linear-gradient(90deg, ${bar.color}, ${bar.color}55)` }} />}
          {isEditing ? (
            <input
              className="editor"
              autoFocus
              aria-label={UI.anteprima.modificaCella(toA1(r, c))}
              data-testid="editor-cella"
              defaultValue={editing.text}
              onKeyDown={onEditorKey}
              onBlur={(ev) => {
                // a click elsewhere confirms what was typed, as in Excel
                if (live.current === editing) commit({ ...editing, text: ev.currentTarget.value }, 0, 0, false);
              }}
            />
          ) : (
            text && <div className="c">{text}</div>
          )}
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
    <div
      className="grid-wrap"
      ref={ref}
      role="region"
      aria-label={UI.anteprima.griglia(grid.name)}
      tabIndex={0}
      onKeyDown={onGridKey}
      onCopy={onCopy}
      onPaste={onPaste}
      data-testid="griglia"
    >
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
