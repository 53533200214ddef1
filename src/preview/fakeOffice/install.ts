/**
 * TEST-ONLY: a fake `Office`/`Excel` global pair over the fake Excel of test/office/fakeExcel.ts, so that the REAL
 * task pane entry (src/taskpane/index.tsx → createOfficeWorkbook → App) runs in a browser exactly as inside Excel.
 *
 * - `Office.onReady()` resolves `{ host: 'Excel' }` once the sample workbook (esempi/sarzana-esempio.xlsx, read with
 *   XlsxWorkbook in the browser) is loaded into the fake; `Office.context.requirements.isSetSupported` answers from
 *   the fake's ExcelApi version; `Excel.run(batch)` / `Excel.run(ctx, batch)` run over the fake.
 * - Every Excel.run is recorded with its context.sync() count and its kind, on `window.__finto` (see FintoApi).
 * Query string: `?api=1.13` lowers the ExcelApi version (default 1.18); `?tema=scuro` gives Office a dark theme.
 * Imported by the `pannello-finto` page only (never by taskpane.html).
 */
import type { Grid } from '../../domain/grid';
import { parseRange } from '../../domain/grid';
import { XlsxWorkbook } from '../../workbook/xlsx';
import { cellAtA1, FakeContext, FakeExcel, makeFakeExcelFromGrids } from '../../../test/office/fakeExcel';

export const SAMPLE_URL = 'esempi/sarzana-esempio.xlsx';

/**
 * What one Excel.run did: 'lettura' loads the sheet list (readSheets), 'scrittura' changed the document,
 * 'selezione' read or moved the selection, 'altro' anything else (event handlers).
 */
export type RunKind = 'lettura' | 'scrittura' | 'selezione' | 'altro';

export interface RunRecord {
  n: number;
  kind: RunKind;
  syncs: number;
  /** estimated bytes of each sync's request */
  requestBytes: number[];
  failed?: string;
}

export interface FintoApi {
  /** resolves when the fake workbook is loaded (Office.onReady resolves then) */
  pronto: Promise<void>;
  /** performance.now() when the fake was installed (the page's script has been parsed) and when it was ready */
  inizioMs: number;
  prontoMs?: number;
  /** error text when the sample could not be loaded (the fake workbook is then empty) */
  errore?: string;
  /** context.sync() calls since the page opened (or the last reset) */
  syncs(): number;
  /** every finished Excel.run since the page opened (or the last reset), in order of completion */
  runs(): RunRecord[];
  reset(): void;
  /** sheet names of the fake workbook, in order */
  fogli(): string[];
  /** value and displayed text of a cell of the fake workbook */
  cella(sheet: string, a1: string): { value: unknown; formula?: string; text?: string } | null;
}

declare global {
  interface Window {
    __finto?: FintoApi;
  }
}

type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

async function loadSample(): Promise<Grid[]> {
  const res = await fetch(new URL(SAMPLE_URL, document.baseURI).href);
  if (!res.ok) throw new Error(`${SAMPLE_URL}: HTTP ${res.status}`);
  const wb = await XlsxWorkbook.fromBuffer(await res.arrayBuffer());
  return wb.readSheets();
}

/** installs the globals (synchronously: the task pane checks `Office` as soon as it loads) */
export function installFakeOffice(): FintoApi {
  const inizioMs = performance.now();
  const params = new URLSearchParams(location.search);
  const apiVersion = params.get('api') ?? '1.18';
  const dark = params.get('tema') === 'scuro';

  let fake: FakeExcel = new FakeExcel({ apiVersion });
  let records: RunRecord[] = [];
  let runs = 0;

  const pronto = loadSample()
    .then((grids) => {
      fake = makeFakeExcelFromGrids(grids, { apiVersion });
    })
    .catch((e: unknown) => {
      api.errore = String((e as Error)?.message ?? e);
    })
    .finally(() => {
      api.prontoMs = performance.now();
    });

  /** a fresh context whose syncs and ops are recorded in `rec` */
  const recordedContext = (rec: RunRecord & { tags: Set<string>; wrote: boolean }): FakeContext => {
    const ctx = new FakeContext(fake);
    const enqueue = ctx.enqueue.bind(ctx);
    // ops run synchronously inside their sync: fake.changed right after an op tells whether it wrote
    ctx.enqueue = (payload, run) =>
      enqueue(payload, () => {
        const before = fake.changed;
        fake.changed = false;
        try {
          run();
        } finally {
          if (fake.changed) rec.wrote = true;
          fake.changed = before || fake.changed;
        }
      });
    const sync = ctx.sync.bind(ctx);
    ctx.sync = () => {
      rec.syncs++;
      rec.requestBytes.push(ctx.queue.reduce((n, o) => n + o.bytes, 0));
      return sync();
    };
    const sheets = ctx.workbook.worksheets;
    const loadSheets = sheets.load.bind(sheets);
    sheets.load = (props: string) => {
      rec.tags.add('fogli');
      return loadSheets(props);
    };
    const wbProxy = ctx.workbook;
    const selected = wbProxy.getSelectedRange.bind(wbProxy);
    wbProxy.getSelectedRange = () => {
      rec.tags.add('selezione');
      return selected();
    };
    return ctx;
  };

  const run = async <T>(batch: Batch<T>, reuse?: Excel.RequestContext): Promise<T> => {
    await pronto;
    if (reuse) return fake.run(batch, reuse); // removing event handlers on an earlier context
    const rec = { n: ++runs, kind: 'altro' as RunKind, syncs: 0, requestBytes: [] as number[], tags: new Set<string>(), wrote: false };
    const ctx = recordedContext(rec);
    const done = (failed?: unknown) => {
      rec.kind = rec.wrote ? 'scrittura' : rec.tags.has('selezione') ? 'selezione' : rec.tags.has('fogli') ? 'lettura' : 'altro';
      const { tags: _t, wrote: _w, ...plain } = rec;
      records.push(failed === undefined ? plain : { ...plain, failed: String((failed as Error)?.message ?? failed) });
    };
    try {
      const result = await fake.run(batch, ctx as unknown as Excel.RequestContext);
      done();
      return result;
    } catch (e) {
      done(e);
      throw e;
    }
  };

  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => fake.host.isSetSupported(name, version) },
      displayLanguage: 'it-IT',
      officeTheme: dark ? { bodyBackgroundColor: '#1f1f1f' } : { bodyBackgroundColor: '#ffffff' },
      diagnostics: null,
    },
    onReady(cb?: (i: typeof info) => void) {
      return pronto.then(() => {
        cb?.(info);
        return info;
      });
    },
    initialize() {},
  };
  const excel = {
    run<T>(a: Batch<T> | Excel.RequestContext, b?: Batch<T>): Promise<T> {
      return typeof a === 'function' ? run(a) : run(b!, a);
    },
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = office;
  g.Excel = excel;

  const api: FintoApi = {
    pronto,
    inizioMs,
    syncs: () => fake.syncs,
    runs: () => records.map((r) => ({ ...r, requestBytes: [...r.requestBytes] })),
    reset: () => {
      fake.resetCounters();
      records = [];
    },
    fogli: () => fake.sheets.map((s) => s.name),
    cella: (sheet, a1) => {
      const s = fake.sheets.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
      if (!s || !parseRange(a1)) return null;
      const c = cellAtA1(s, a1);
      return c ? { value: c.value, formula: c.formula, text: c.text } : { value: '' };
    },
  };
  window.__finto = api;
  return api;
}
