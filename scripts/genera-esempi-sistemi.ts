/**
 * `npm run genera-esempi`: the sample workbooks of the other card systems for the preview's "Esempio" choice
 * (assets/esempi/*-esempio.xlsx), built from the seeds' own text by the same builders the tests use, with column
 * widths and wrapped text so they read like the Comuni's files. The outputs are committed: the preview and CI never
 * need the seeds. Run again after changing a builder.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { tortonaXlsx } from '../test/sistemi/tortona';
import { matriceXlsx } from '../test/sistemi/matrice-seed';
import { chiariXlsx } from '../test/sistemi/chiari';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** the layout a person would give the pasted text: a wide wrapped first column, the others narrow */
async function leggibile(bytes: Uint8Array, widths: number[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  for (const ws of wb.worksheets) {
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.eachRow((row) => row.eachCell((cell) => (cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' })));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ESEMPI: { file: string; build: () => Promise<Uint8Array>; widths: number[] }[] = [
  { file: 'tortona-esempio.xlsx', build: tortonaXlsx, widths: [70, 18, 12, 16] },
  { file: 'modello-esempio.xlsx', build: matriceXlsx, widths: [24, 30, 40, 30, 14, 12, 10, 10] },
  { file: 'chiari-esempio.xlsx', build: () => chiariXlsx(), widths: [40, 40, 14, 14, 12, 12, 12, 14, 14, 12, 12, 14] },
];

// only the samples not yet in assets/esempi (or all with --tutti): a regenerated file differs in its timestamps
const tutti = process.argv.includes('--tutti');
for (const e of ESEMPI.filter((x) => tutti || !existsSync(join(root, 'assets', 'esempi', x.file)))) {
  const out = join(root, 'assets', 'esempi', e.file);
  writeFileSync(out, await leggibile(await e.build(), e.widths));
  console.log(`scritto assets/esempi/${e.file}`);
}
