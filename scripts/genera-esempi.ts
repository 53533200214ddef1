/**
 * `npm run genera-esempi`: writes the sample workbook (assets/esempi/sarzana-esempio.xlsx) and the
 * test corpus (test/fixtures/*.xlsx) from the verbatim Sarzana card data in scripts/corpus/data/.
 * The outputs are committed; run again after changing the data or the builder.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XlsxWorkbook } from '../src/workbook/xlsx';
import { saveXlsxFile } from '../src/workbook/xlsx/node';
import { workbookSpecs } from './corpus/cards';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  for (const spec of workbookSpecs()) {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({ sheets: spec.sheets });
    const out = join(root, spec.path);
    mkdirSync(dirname(out), { recursive: true });
    await saveXlsxFile(wb, out);
    console.log(`scritto ${spec.path} (${spec.sheets.length} fogli)`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
