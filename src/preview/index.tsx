/**
 * The preview page: the full task pane beside the workbook rendered as HTML, over the ExcelJS back end
 * in the browser. Every screen of the add-in can be tried (and tested) without Excel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseRange, rangeToA1, toA1, type CellRange, type Grid } from '../domain/grid';
import type { CellWrite } from '../domain/plan';
import { UI } from '../domain/testi/ui';
import { XlsxWorkbook } from '../workbook/xlsx';
import { App } from '../taskpane/App';
import { cellsOf, visibleGrids } from '../taskpane/model';
import { SheetGrid } from './SheetGrid';
import { PREVIEW_CSS } from './style';
import { ESEMPI, esempioDa, type IdEsempio } from './esempi';

interface Loaded {
  wb: XlsxWorkbook;
  fileName: string;
  /** bumps when another file is opened: the pane remounts */
  id: number;
}

function Preview({ dark }: { dark: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [grids, setGrids] = useState<Grid[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ sheet: string; range: string } | null>(null);
  const anchor = useRef<{ r: number; c: number } | null>(null);
  const ids = useRef(0);

  // the sample workbook (?esempio=tortona for another card system), fetched relative to the page
  const [esempio, setEsempio] = useState<IdEsempio>(() => esempioDa(location.search).id);
  useEffect(() => {
    let cancelled = false;
    const file = ESEMPI.find((e) => e.id === esempio)!.file;
    (async () => {
      try {
        const res = await fetch(new URL(`esempi/${file}`, document.baseURI).href);
        if (!res.ok) throw new Error(String(res.status));
        const wb = await XlsxWorkbook.fromBuffer(await res.arrayBuffer());
        if (!cancelled) {
          setActive(null);
          setLoaded({ wb, fileName: file, id: ++ids.current });
        }
      } catch {
        if (!cancelled) {
          setMessage(UI.anteprima.esempioMancante);
          setLoaded({ wb: XlsxWorkbook.create(), fileName: `${UI.anteprima.nomeFile}.xlsx`, id: ++ids.current });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [esempio]);

  // re-read the grids when the pane writes; only move the highlight when it selects
  useEffect(() => {
    if (!loaded) return;
    const { wb } = loaded;
    let current: Grid[] = [];
    const showSelection = () => {
      const sel = wb.currentSelection;
      setSelection(sel ? { sheet: sel.sheet, range: sel.range } : null);
      const shown = visibleGrids(current);
      setActive((cur) => {
        if (sel && shown.some((g) => g.name === sel.sheet)) return sel.sheet;
        return cur && shown.some((g) => g.name === cur) ? cur : (shown[0]?.name ?? null);
      });
    };
    const sync = async () => {
      current = await wb.readSheets();
      setGrids(current);
      showSelection();
    };
    void sync();
    const offChange = wb.onChange(() => void sync());
    const offSelect = wb.onSelect(showSelection);
    return () => {
      offChange();
      offSelect();
    };
  }, [loaded]);

  const shown = visibleGrids(grids);
  const grid = shown.find((g) => g.name === active) ?? shown[0];
  const highlight = useMemo(
    () => (selection && grid && selection.sheet === grid.name ? cellsOf([selection.range]) : new Set<string>()),
    [selection, grid],
  );

  const onCellClick = useCallback(
    (r: number, c: number, extend: boolean) => {
      if (!loaded || !grid) return;
      const a = extend && anchor.current ? anchor.current : { r, c };
      if (!extend) anchor.current = { r, c };
      const range = a.r === r && a.c === c ? toA1(r, c) : `${toA1(Math.min(a.r, r), Math.min(a.c, c))}:${toA1(Math.max(a.r, r), Math.max(a.c, c))}`;
      void loaded.wb.select(grid.name, parseRange(range) ? range : toA1(r, c));
    },
    [loaded, grid],
  );

  // the selection on the sheet shown, with its active cell: where the last click or move started, else the top left
  const gridSelection = useMemo(() => {
    const range = selection && grid && selection.sheet === grid.name ? parseRange(selection.range) : null;
    if (!range) return null;
    const a = anchor.current;
    const inside = a && a.r >= range.r1 && a.r <= range.r2 && a.c >= range.c1 && a.c <= range.c2;
    return { range, active: inside ? a : { r: range.r1, c: range.c1 } };
  }, [selection, grid]);

  const onSelect = useCallback(
    (range: CellRange, active: { r: number; c: number }) => {
      if (!loaded || !grid) return;
      anchor.current = active;
      void loaded.wb.select(grid.name, rangeToA1(range));
    },
    [loaded, grid],
  );

  // typing in the grid writes through the same port as the pane: the pane re-reads and sees the change
  const onWrite = useCallback(
    (writes: CellWrite[], then?: CellRange) => {
      if (!loaded || !grid || writes.length === 0) return;
      if (then) anchor.current = { r: then.r1, c: then.c1 };
      const sheet = grid.name;
      loaded.wb
        .applyWritePlan({ cells: writes, ...(then ? { select: { sheet, range: rangeToA1(then) } } : {}) })
        .then(() => setMessage(null))
        .catch((e: unknown) => setMessage(UI.anteprima.scritturaFallita(`${sheet}!${writes[0].address}`, e instanceof Error ? e.message : String(e))));
    },
    [loaded, grid],
  );

  const openFile = async (file: File) => {
    try {
      const wb = await XlsxWorkbook.fromBuffer(await file.arrayBuffer());
      // what the downloaded copy will not keep (charts, pivots, macros): said when the file opens
      setMessage(wb.avvisi.length ? wb.avvisi.join(' ') : null);
      setActive(null);
      setLoaded({ wb, fileName: file.name, id: ++ids.current });
    } catch {
      setMessage(UI.anteprima.fileNonValido(file.name));
    }
  };

  const download = async () => {
    if (!loaded) return;
    const data = await loaded.wb.toBuffer();
    const blob = new Blob([data.slice().buffer], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = loaded.fileName.endsWith('.xlsx') ? loaded.fileName : `${loaded.fileName}.xlsx`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  };

  return (
    <div className="preview">
      <style>{PREVIEW_CSS}</style>
      <div className="pane" data-testid="pane">
        {loaded ? <App key={loaded.id} port={loaded.wb} dark={dark} /> : <p className="loading">{UI.anteprima.caricamento}</p>}
      </div>
      <section className="book" aria-label={loaded?.fileName ?? UI.anteprima.titolo}>
        <div className="toolbar">
          <strong>{loaded?.fileName ?? UI.anteprima.caricamento}</strong>
          <label className="esempio">
            {UI.anteprima.esempio}{' '}
            <select
              value={esempio}
              data-testid="esempio"
              onChange={(e) => {
                const id = e.target.value as IdEsempio;
                setMessage(null);
                setEsempio(id);
                const url = new URL(location.href);
                url.searchParams.set('esempio', id);
                history.replaceState(null, '', url);
              }}
            >
              {ESEMPI.map((e) => (
                <option key={e.id} value={e.id}>
                  {UI.anteprima.esempi[e.id]}
                </option>
              ))}
            </select>
          </label>
          <label className="btn">
            {UI.anteprima.apri}
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="apri-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void openFile(f);
                e.target.value = '';
              }}
            />
          </label>
          <button type="button" className="btn" onClick={() => void download()} disabled={!loaded} data-testid="scarica">
            {UI.anteprima.scarica}
          </button>
          <span className="hint">{UI.anteprima.aiutoGriglia}</span>
          {selection && (
            <span className="selref" data-testid="selezione">
              {selection.sheet}!{selection.range}
            </span>
          )}
        </div>
        {message && (
          <p className="msg" role="status">
            {message}
          </p>
        )}
        {grid ? (
          <SheetGrid grid={grid} highlight={highlight} selection={gridSelection} onCellClick={onCellClick} onSelect={onSelect} onWrite={onWrite} />
        ) : (
          <div className="grid-wrap" />
        )}
        <nav className="tabs" role="tablist" aria-label={UI.anteprima.fogliAria}>
          {shown.map((g) => (
            <button
              key={g.name}
              type="button"
              role="tab"
              aria-selected={g.name === grid?.name}
              className={g.name === grid?.name ? 'tab on' : 'tab'}
              data-testid="sheet-tab"
              onClick={() => setActive(g.name)}
            >
              {g.name}
            </button>
          ))}
        </nav>
      </section>
    </div>
  );
}

const params = new URLSearchParams(location.search);
const dark = params.get('tema') === 'scuro';
let el = document.getElementById('root');
if (!el) {
  el = document.createElement('div');
  el.id = 'root';
  document.body.appendChild(el);
}
document.title = UI.anteprima.titolo;
document.documentElement.lang = 'it';
createRoot(el).render(<Preview dark={dark} />);
