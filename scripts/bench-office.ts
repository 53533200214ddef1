/**
 * The Office half of `npm run bench` (run with tsx; issue 10 item 3): a whole-workbook read by the Office adapter
 * over the fake Excel (test/office/fakeExcel.ts, which refuses a response above Excel on the web's 5 MB) at 40, 200
 * and 1,000 of the sample's cards, one per sheet ("fogli") and stacked on one sheet ("impilate"): syncs, largest
 * and total response bytes. Prints figures, then as the last line a JSON object
 * {office_syncs_40_fogli, office_syncs_40_impilate, …, office_mb_max, office_mb_1000_impilate, …}.
 */
import { OfficeWorkbook } from '../src/workbook/office';
import { EXCEL_WEB_PAYLOAD_LIMIT, makeFakeExcelFromGrids } from '../test/office/fakeExcel';
import { separateCards, stackCards } from '../test/office/cards';
import { sampleCardGrids } from '../test/office/sampleCards';

const SIZES = [40, 200, 1000];
const MB = 1024 * 1024;
const mb = (b: number) => Math.round((b / MB) * 100) / 100;

async function main() {
  const sources = await sampleCardGrids();
  const out: Record<string, number> = {};
  let maxBytes = 0;
  for (const n of SIZES) {
    for (const layout of ['fogli', 'impilate'] as const) {
      const grids = layout === 'fogli' ? separateCards(sources, n) : [stackCards('Schede', sources, n)];
      const fake = makeFakeExcelFromGrids(grids);
      const wb = new OfficeWorkbook(fake.host);
      const t0 = performance.now();
      await wb.readSheets();
      const ms = Math.round(performance.now() - t0);
      const max = Math.max(...fake.responseBytes);
      const total = fake.responseBytes.reduce((a, b) => a + b, 0);
      maxBytes = Math.max(maxBytes, max);
      out[`office_syncs_${n}_${layout}`] = fake.syncs;
      out[`office_mb_${n}_${layout}`] = mb(total);
      console.log(
        `lettura Office (falso Excel sul Web, limite ${mb(EXCEL_WEB_PAYLOAD_LIMIT)} MB), ${n} schede ` +
          `${layout === 'fogli' ? 'una per foglio' : 'impilate in un foglio'}: ${fake.syncs} sync, ` +
          `risposta massima ${mb(max)} MB, totale ${mb(total)} MB (${ms} ms sul falso Excel)`,
      );
    }
  }
  out.office_mb_max = mb(maxBytes);
  console.log(JSON.stringify(out));
}

main().catch((e: unknown) => {
  console.error(`bench-office: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
