/**
 * The core's half of `npm run bench` (run with tsx): a 40-card workbook built from the sample's cards,
 * with the Rilevazioni sheet prepared and filled, then
 *  - core_ms: median time of read (readWorkbook) + checks (checkWorkbook) + compute (calcola);
 *  - syncs_lettura / syncs_scrittura: context.sync() calls of the Office adapter over the fake Excel
 *    (test/office/fakeExcel.ts) for a whole-workbook read and for applying the compute's write plan.
 * Prints figures, then as the last line a JSON object {schede, syncs_lettura, syncs_scrittura, core_ms}.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Cell, Grid } from '../src/domain/grid';
import { formatDateIt } from '../src/domain/grid';
import { readWorkbook } from '../src/domain/scheda';
import { checkWorkbook } from '../src/domain/controlli';
import { calcola, preparaRilevazioni, findRilevazioni, readRilevazioni } from '../src/domain/calcolo';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { openXlsxFile } from '../src/workbook/xlsx/node';
import { OfficeWorkbook, type OfficeHost } from '../src/workbook/office';

const CARDS = 40;
const RUNS = 21;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = new Date(Date.UTC(2025, 11, 31, 12, 0, 0));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;

/** 40 card sheets: the sample's card sheets copied round-robin under new names */
async function fortyCards(): Promise<Grid[]> {
  const wb = await openXlsxFile(join(ROOT, 'assets/esempi/sarzana-esempio.xlsx'));
  const grids = await wb.readSheets();
  const withCards = new Set(readWorkbook(grids).map((s) => s.sheet));
  const sources = grids.filter((g) => withCards.has(g.name));
  if (sources.length === 0) throw new Error('nessuna scheda nella cartella di esempio');
  return Array.from({ length: CARDS }, (_, i) => {
    const src = sources[i % sources.length];
    return { ...structuredClone(src), name: `${String(i + 1).padStart(2, '0')} ${src.name}`.slice(0, 31) };
  });
}

/** the Rilevazioni sheet as the core prepares it, written by the xlsx adapter, then filled in */
async function rilevazioni(cards: Grid[]): Promise<Grid> {
  const plan = preparaRilevazioni(readWorkbook(cards), cards);
  const wb = XlsxWorkbook.create();
  await wb.applyWritePlan(plan);
  const sheets = await wb.readSheets();
  const grid = findRilevazioni(sheets);
  if (!grid) throw new Error('foglio Rilevazioni non preparato');
  const t = readRilevazioni(grid);
  const set = (row: number, col: number | undefined, cell: Cell) => {
    if (col === undefined) return;
    (grid.rows[row] ??= [])[col] = cell;
  };
  for (const r of t.rows) {
    const due = r.cells.scadenza?.v;
    if (due instanceof Date) {
      const done = new Date(due.getTime() + 10 * 86_400_000);
      set(r.row, t.columns.dataCompletamento, { v: done, t: formatDateIt(done), f: 'dd/mm/yyyy' });
    } else {
      set(r.row, t.columns.valore, { v: '85%', t: '85%' });
    }
  }
  return grid;
}

function core(grids: Grid[]) {
  const schede = readWorkbook(grids);
  const findings = checkWorkbook(schede);
  const result = calcola(schede, grids, { now: NOW });
  return { schede, findings, result };
}

interface FakeLike {
  host?: OfficeHost;
}

/** the Office adapter over the fake Excel: syncs for a whole read and for the compute's write */
async function officeSyncs(grids: Grid[]): Promise<{ read: number | null; write: number | null; reread?: number | null; note?: string }> {
  let make: ((grids: Grid[]) => unknown) | undefined;
  try {
    const mod = (await import('../test/office/fakeExcel')) as { makeFakeExcelFromGrids?: (g: Grid[]) => unknown };
    make = mod.makeFakeExcelFromGrids;
  } catch (e) {
    return { read: null, write: null, note: `test/office/fakeExcel.ts non disponibile (${(e as Error).message})` };
  }
  if (!make) return { read: null, write: null, note: 'makeFakeExcelFromGrids non esportata' };
  const fake = make(grids) as FakeLike & Partial<OfficeHost>;
  const host: OfficeHost | undefined = fake.host ?? (typeof fake.run === 'function' ? (fake as OfficeHost) : undefined);
  if (!host) return { read: null, write: null, note: 'il falso Excel non espone un OfficeHost' };
  const ow = new OfficeWorkbook(host);
  const read = await ow.readSheets();
  const { result } = core(read);
  const first = ow.lastSyncs.read;
  await ow.applyWritePlan(result.plan);
  const write = ow.lastSyncs.write;
  // the pane reads again after its write: the compute's cost in Excel is that write plus this read
  await ow.readSheets();
  return { read: first, write, reread: ow.lastSyncs.read };
}

async function main() {
  const cards = await fortyCards();
  const grids = [...cards, await rilevazioni(cards)];

  const first = core(grids);
  const azioni = first.result.schede.flatMap((s) => s.azioni);
  const stati = new Map<string, number>();
  for (const a of azioni) stati.set(a.stato, (stati.get(a.stato) ?? 0) + 1);
  const perStato = [...stati].map(([k, v]) => `${v} ${k}`).join(', ');
  console.log(`schede lette: ${first.schede.length} su ${cards.length} fogli; segnalazioni: ${first.findings.length}`);
  console.log(`calcolo: ${azioni.length} azioni (${perStato}), ${first.result.scritte} celle da scrivere, ${first.result.conflitti} conflitti`);

  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    core(grids);
    const dt = performance.now() - t0;
    if (i >= 3) times.push(dt); // 3 giri di riscaldamento
  }
  const coreMs = round(median(times));
  console.log(`core (lettura + controlli + calcolo, ${CARDS} schede): mediana ${coreMs} ms su ${RUNS} giri (min ${round(Math.min(...times))}, max ${round(Math.max(...times))})`);

  const syncs = await officeSyncs(grids);
  if (syncs.note) console.log(`sync Office: non misurati: ${syncs.note}`);
  else
    console.log(
      `sync Office (falso Excel): prima lettura ${syncs.read}, scrittura del calcolo ${syncs.write}, rilettura dopo il calcolo ${syncs.reread} (calcolo: ${(syncs.write ?? 0) + (syncs.reread ?? 0)})`,
    );

  console.log(
    JSON.stringify({ schede: first.schede.length, syncs_lettura: syncs.read, syncs_scrittura: syncs.write, syncs_rilettura: syncs.reread ?? null, core_ms: coreMs }),
  );
}

main().catch((e: unknown) => {
  console.error(`bench-core: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
