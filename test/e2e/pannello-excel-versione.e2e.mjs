// The real task pane on the fake Excel with older ExcelApi versions: 1.12 (no merged-areas API) still reads the
// 6 cards in ≤ 2 syncs; 1.6 (below the manifest's 1.7) shows the Italian "update Excel" message, nothing read.
import { assert } from './_pannello.mjs';

export const name = 'pannello in Excel (finto): ExcelApi 1.12 legge le schede, 1.6 non è supportata';

export async function run({ page, baseUrl, shot }) {
  await page.setViewportSize({ width: 320, height: 640 });

  await page.goto(`${baseUrl}/pannello-finto.html?api=1.12`);
  await page.getByTestId('scheda-card').first().waitFor();
  const cards = await page.getByTestId('scheda-card').count();
  assert(cards === 6, `ExcelApi 1.12: ${cards} schede invece di 6`);
  const reads = (await page.evaluate(() => window.__finto.runs())).filter((r) => r.kind === 'lettura');
  assert(reads.length >= 1 && reads[0].syncs <= 2 && !reads[0].failed, `ExcelApi 1.12, lettura: ${JSON.stringify(reads)}`);

  await page.goto(`${baseUrl}/pannello-finto.html?api=1.6`);
  const box = page.getByTestId('fuori-excel');
  await box.waitFor();
  const text = await box.innerText();
  assert(/non supporta/.test(text) && text.includes('ExcelApi 1.7'), `ExcelApi 1.6: ${text}`);
  assert((await page.evaluate(() => window.__finto.syncs())) === 0, 'con ExcelApi 1.6 il pannello ha comunque letto la cartella');
  await shot('pannello-excel-versione');

  // the test page stays out of the add-in: neither the manifest nor taskpane.html mention it
  for (const file of ['manifest.xml', 'taskpane.html']) {
    const body = await (await page.request.get(`${baseUrl}/${file}`)).text();
    assert(body.length > 0 && !body.includes('pannello-finto'), `${file} fa riferimento alla pagina di prova`);
  }
}
