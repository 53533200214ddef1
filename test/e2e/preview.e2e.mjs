// L'anteprima si apre con la cartella di esempio: il pannello elenca i fogli e le schede trovate,
// la griglia mostra il foglio attivo e le sue linguette.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../../scripts/lib/harness.mjs';

export const name = "anteprima: il pannello elenca i fogli della cartella di esempio";

async function sampleSheets() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, 'assets/esempi/sarzana-esempio.xlsx'));
  return wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function run({ page, baseUrl, shot }) {
  const sheets = await sampleSheets();
  assert(sheets.length >= 4, `la cartella di esempio ha solo ${sheets.length} fogli visibili`);

  await page.goto(`${baseUrl}/`);
  const pane = page.getByTestId('pane');
  await pane.getByTestId('scheda-card').first().waitFor();

  // il pannello nomina ogni foglio della cartella (nelle schede o tra gli altri fogli)
  const paneText = await pane.innerText();
  const missing = sheets.filter((s) => !paneText.includes(s));
  assert(missing.length === 0, `fogli assenti dal pannello: ${missing.join(', ')}`);
  const cards = await pane.getByTestId('scheda-card').count();
  assert(cards >= 4, `il pannello mostra ${cards} schede, ne servono almeno 4`);

  // la griglia dell'anteprima: una linguetta per foglio, nello stesso ordine, e il titolo della scheda
  const tabs = await page.getByTestId('sheet-tab').allInnerTexts();
  assert(
    JSON.stringify(tabs.map((t) => t.trim())) === JSON.stringify(sheets),
    `linguette ${JSON.stringify(tabs)} invece di ${JSON.stringify(sheets)}`,
  );
  await page.getByRole('region').getByText(/OBIETTIVO GESTIONALE/i).first().waitFor();

  await shot('anteprima');
}
