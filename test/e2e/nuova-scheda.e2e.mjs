// Nuova scheda: a standard card for 2025–2027 lands on its own sheet, with the title the pane was given.
import ExcelJS from 'exceljs';
import { assert, openPreview, openTab, sheetTabs, until, screens } from './_pannello.mjs';

export const name = 'pannello: Nuova scheda crea un foglio con la scheda standard';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  const before = await sheetTabs(page);
  const cardsBefore = await pane.getByTestId('scheda-card').count();

  await openTab(page, 'nuova');
  await pane.getByTestId('nuova-titolo').fill('Sportello unico digitale');
  await pane.getByTestId('nuova-periodo').fill('2025-2027');
  await screens(page, shot, 'nuova-scheda');
  await pane.getByTestId('crea-scheda').click();

  const added = await until(async () => {
    const now = await sheetTabs(page);
    const extra = now.filter((s) => !before.includes(s));
    return extra.length ? extra : null;
  }, 'nessun nuovo foglio');
  assert(added.length === 1 && /^Sportello unico digitale/.test(added[0]), `fogli nuovi: ${JSON.stringify(added)}`);
  // the preview follows the selection to the new sheet, which holds a standard card for 2025–2027
  const grid = page.locator(`table.sheet[data-sheet="${added[0]}"]`);
  await grid.waitFor();
  const text = await grid.innerText();
  assert(text.includes('OBIETTIVO GESTIONALE 2025 – 2027'), 'il nuovo foglio non ha il titolo della scheda');
  assert(text.includes('Sportello unico digitale'), 'il titolo dell\'obiettivo non è nella scheda');
  assert((await pane.getByTestId('esito-nuova').innerText()).includes(added[0]), 'manca il messaggio di creazione');
  await screens(page, shot, 'nuova-scheda-creata');

  // the new card is read back like any other
  await openTab(page, 'panoramica');
  await until(async () => (await pane.getByTestId('scheda-card').count()) === cardsBefore + 1, 'la nuova scheda non è in Panoramica');

  // "Scarica cartella di lavoro" hands over the modified workbook, new sheet included
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scarica').click()]);
  assert(download.suggestedFilename().endsWith('.xlsx'), `nome del file scaricato: ${download.suggestedFilename()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet(added[0]);
  assert(ws, `il file scaricato non ha il foglio ${added[0]}`);
  assert(String(ws.getCell('A1').value ?? '').includes('OBIETTIVO GESTIONALE 2025'), 'A1 del foglio scaricato non è il titolo');
}
