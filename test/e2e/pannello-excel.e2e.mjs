// The REAL task pane (taskpane/index.tsx → createOfficeWorkbook → App) on a fake Excel in Chromium, at 320 px:
// pannello-finto.html installs Office/Excel globals over test/office/fakeExcel.ts loaded with the sample workbook.
// Every read and write goes through the Office adapter; window.__finto counts the context.sync() calls.
// Panoramica lists the 6 cards after ONE read of ≤ 2 syncs; prepare Rilevazioni, record two measurements,
// then "Calcola raggiungimento" for 2024 writes in ONE sync (the read before is fresh) and re-reads: ≤ 3 in all.
import { assert, until } from './_pannello.mjs';

export const name = 'pannello in Excel (finto): 6 schede, prepara Rilevazioni, calcola 2024 con ≤ 3 sync';

const runs = (page) => page.evaluate(() => window.__finto.runs());
const syncsOf = (list, kind) => list.filter((r) => r.kind === kind).map((r) => r.syncs);
const cell = (page, sheet, a1) => page.evaluate(([s, a]) => window.__finto.cella(s, a), [sheet, a1]);
/** wait until no Excel.run is pending and the pane is not loading (the refresh button shows no spinner) */
async function idle(page) {
  await until(
    async () => !(await page.getByTestId('aggiorna').locator('.fui-Spinner').count()),
    'il pannello resta in caricamento',
  );
}

export async function run({ page, baseUrl, shot }) {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(`${baseUrl}/pannello-finto.html`);
  await page.getByTestId('scheda-card').first().waitFor();
  await idle(page);
  const errore = await page.evaluate(() => window.__finto.errore ?? null);
  assert(errore === null, `la cartella di esempio non è stata caricata nel finto Excel: ${errore}`);
  assert(!(await page.getByTestId('fuori-excel').count()), 'il pannello dice di essere fuori da Excel');

  // 1. Panoramica: the 6 cards of the sample, read in one readSheets() of ≤ 2 syncs
  const cards = await page.getByTestId('scheda-card').count();
  assert(cards === 6, `Panoramica: ${cards} schede invece di 6`);
  const atStart = await runs(page);
  const reads = syncsOf(atStart, 'lettura');
  assert(reads.length >= 1, `nessuna lettura registrata: ${JSON.stringify(atStart)}`);
  assert(reads[0] <= 2, `lettura iniziale: ${reads[0]} sync (massimo 2)`);
  assert(!atStart.some((r) => r.failed), `Excel.run fallito: ${JSON.stringify(atStart.filter((r) => r.failed))}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `il pannello sborda di ${overflow} px a 320 px`);
  console.log(`    avvio: ${atStart.map((r) => `${r.kind} ${r.syncs}`).join(', ')} (sync totali ${await page.evaluate(() => window.__finto.syncs())})`);
  await shot('pannello-excel-panoramica');

  // 2. Rilevazioni: prepare the sheet (written in the fake workbook through the adapter)
  await page.getByTestId('tab-rilevazioni').click();
  await page.getByTestId('prepara').click();
  await until(async () => (await page.getByTestId('esito-rilevazioni').innerText().catch(() => '')).match(/\d+ righe aggiunte/), 'Rilevazioni non preparato');
  const fogli = await page.evaluate(() => window.__finto.fogli());
  assert(fogli.includes('Rilevazioni'), `il foglio Rilevazioni non è nel finto Excel: ${fogli.join(', ')}`);

  // two measurements of the Trasparenza card: action 1 done on 20/01/2025 (deadline 31/12/2024), action 3 = 2 hours
  await page.getByTestId('scelta-scheda').click();
  await page.getByRole('option', { name: /\(Trasparenza\)$/ }).click();
  const a1 = page.locator('[data-testid="azione-form"][data-n="1"]');
  const a3 = page.locator('[data-testid="azione-form"][data-n="3"]');
  await a1.waitFor();
  const dateInput = a1.locator('input').first();
  await dateInput.fill('20/01/2025');
  await dateInput.press('Tab');
  await a3.getByTestId('campo-valore').fill('2');
  await page.getByTestId('salva-rilevazioni').click();
  await until(async () => (await page.getByTestId('esito-rilevazioni').innerText().catch(() => '')).includes('2 rilevazioni scritte'), 'le due rilevazioni non risultano scritte');
  await idle(page);

  // 3. Calcola 2024: counted from a fresh read (the one that followed the last write)
  await page.getByTestId('tab-calcola').click();
  await page.getByTestId('scelta-anno').click();
  await page.getByRole('option', { name: '2024' }).click();
  await page.evaluate(() => window.__finto.reset());
  await page.getByTestId('calcola').click();
  await page.getByTestId('esito-calcolo').waitFor();
  await idle(page);
  const calc = await runs(page);
  const syncs = await page.evaluate(() => window.__finto.syncs());
  const writes = syncsOf(calc, 'scrittura');
  const rereads = syncsOf(calc, 'lettura');
  console.log(`    calcola: ${calc.map((r) => `${r.kind} ${r.syncs}`).join(', ')} (sync totali ${syncs})`);
  assert(!calc.some((r) => r.failed), `Excel.run fallito: ${JSON.stringify(calc.filter((r) => r.failed))}`);
  assert(writes.length === 1 && writes[0] <= 1, `scrittura del calcolo: ${JSON.stringify(writes)} sync (una scrittura, massimo 1 sync)`);
  assert(rereads.every((n) => n <= 2), `rilettura: ${JSON.stringify(rereads)} sync (massimo 2)`);
  assert(syncs <= 3, `"Calcola raggiungimento": ${syncs} sync in tutto (massimo 3)`);

  // the pane shows the levels, and the fake workbook holds what the adapter wrote
  const card = page.locator('[data-testid="esito-scheda"][data-foglio="Trasparenza"]').first();
  const levels = await card.getByTestId('livello-azione').allInnerTexts();
  assert(JSON.stringify(levels) === JSON.stringify(['70%', '75%']), `livelli di Trasparenza: ${JSON.stringify(levels)}`);
  const i15 = await cell(page, 'Trasparenza', 'I15');
  const h15 = await cell(page, 'Trasparenza', 'H15');
  assert(i15 && Math.abs(Number(i15.value) - 0.7) < 1e-9, `Trasparenza!I15 nel finto Excel: ${JSON.stringify(i15)}`);
  assert(/ritardo 20 gg/.test(String(h15?.value ?? '')), `Trasparenza!H15 nel finto Excel: ${JSON.stringify(h15)}`);
  const after = await page.evaluate(() => window.__finto.fogli());
  assert(after.includes('Riepilogo'), `il Riepilogo non è nel finto Excel: ${after.join(', ')}`);
  await shot('pannello-excel-calcola');
}
