/**
 * The xlsx reader's half of `npm run bench` (run with tsx): workbooks of 40, 200 and 1,000 cards, one card per
 * sheet and all stacked on one sheet, written by the project's xlsx adapter; for each
 *  - lettura: unzip + readGrids (src/workbook/xlsx/lettura) + readWorkbook + checkWorkbook, median ms;
 *  - base: a bare unzip + saxes parse of every XML part with no handler work, median ms;
 *  - the ratio lettura / base (target ≤ 3) and the 1,000 stacked cards (target < 10 s); also unzip + readGrids
 *    alone against the same base (the reader's own share; readWorkbook and the checks are the core's).
 * Prints figures, then as the last line a JSON object {xlsx_40_fogli_ms, …, xlsx_1000_impilate_ms, xlsx_ratio_max}.
 */
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { readWorkbook } from '../src/domain/scheda';
import { checkWorkbook } from '../src/domain/controlli';
import { readGrids, unzipPackage } from '../src/workbook/xlsx/lettura';
import { cardsOnSheets, cardsStacked, xlsxOf } from '../test/xlsx/lettura-cartelle';

const SIZES = [40, 200, 1000];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

function lettura(bytes: Uint8Array): { schede: number; celle: number } {
  const grids = readGrids(unzipPackage(bytes));
  const schede = readWorkbook(grids);
  checkWorkbook(schede);
  let celle = 0;
  for (const g of grids) for (const row of g.rows) for (const c of row) if (c) celle++;
  return { schede: schede.length, celle };
}

/** the floor: unzip and parse every XML part, nothing done with what is parsed */
function base(bytes: Uint8Array): void {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const p = new SaxesParser({ position: false, xmlns: false });
    p.write(decoder.decode(data));
    p.close();
  }
}

function time(fn: () => void, runs: number): number {
  const t: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

async function main() {
  const out: Record<string, number> = {};
  let ratioMax = 0;
  let readerRatioMax = 0;
  for (const n of SIZES) {
    for (const [layout, build] of [['fogli', cardsOnSheets], ['impilate', cardsStacked]] as const) {
      const bytes = await xlsxOf(build(n));
      const runs = n >= 1000 ? 3 : 5;
      const { schede, celle } = lettura(bytes);
      const ms = time(() => lettura(bytes), runs);
      const floor = time(() => base(bytes), runs);
      const reader = time(() => readGrids(unzipPackage(bytes)), runs);
      const ratio = ms / floor;
      ratioMax = Math.max(ratioMax, ratio);
      readerRatioMax = Math.max(readerRatioMax, reader / floor);
      out[`xlsx_${n}_${layout}_ms`] = round(ms);
      console.log(
        `xlsx ${n} schede ${layout === 'fogli' ? 'una per foglio' : 'impilate su un foglio'}: ${(bytes.length / 1024).toFixed(0)} KB, ` +
          `${celle} celle, ${schede} schede lette; lettura+controlli ${round(ms)} ms, unzip+XML nudo ${round(floor)} ms, rapporto ${ratio.toFixed(2)} ` +
          `(solo unzip+readGrids ${round(reader)} ms, rapporto ${(reader / floor).toFixed(2)})`,
      );
      if (schede !== n) console.log(`  attenzione: ${schede} schede lette su ${n}`);
    }
  }
  out.xlsx_ratio_max = Math.round(ratioMax * 100) / 100;
  out.xlsx_lettore_ratio_max = Math.round(readerRatioMax * 100) / 100;
  console.log(JSON.stringify(out));
}

main().catch((e: unknown) => {
  console.error(`bench-xlsx: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
