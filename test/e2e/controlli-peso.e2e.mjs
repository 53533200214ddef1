// Controlli by keyboard: a PESO written as text ("10" in Sito web!B15) is an avviso with a mechanical fix.
// Tab reaches the finding, Enter selects its cell, Tab reaches "Correggi: scrivi 10 come numero", Enter opens the
// confirmation, Enter confirms: the cell holds the number 10 and the finding is gone.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../../scripts/lib/harness.mjs';
import { assert, highlighted, openTab, openWorkbookBytes, showSheet, until, screens } from './_pannello.mjs';

export const name = 'pannello: Controlli da tastiera, un PESO scritto come testo viene riscritto come numero';

async function withPesoText() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, 'assets/esempi/sarzana-esempio.xlsx'));
  wb.getWorksheet('Sito web').getCell('B15').value = '10';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function run({ page, baseUrl, shot }) {
  await page.goto(`${baseUrl}/`);
  await page.addStyleTag({ content: '.pane { width: 320px !important; flex-basis: 320px !important; }' });
  await page.getByTestId('scheda-card').first().waitFor();
  await openWorkbookBytes(page, 'peso-testo.xlsx', await withPesoText());
  const pane = page.getByTestId('pane');
  await pane.getByTestId('scheda-card').first().waitFor();
  await openTab(page, 'controlli');

  const finding = pane.getByTestId('segnalazione').filter({ hasText: 'Sito web!B15' });
  await finding.waitFor();
  assert((await finding.getAttribute('data-codice')) === 'PESO_FORMATO', 'la segnalazione di B15 non è PESO_FORMATO');
  // grouped by card, then by severity: it sits under "Avvisi" of the Sito web card
  // (`has` takes a locator relative to the group)
  const group = pane.getByTestId('gruppo-segnalazioni').filter({ has: page.getByTestId('segnalazione').filter({ hasText: 'Sito web!B15' }) });
  assert(/Avvisi \(\d+\)/.test(await group.innerText()), `gruppo: ${await group.innerText()}`);

  // keyboard only: focus the finding, Enter selects B15 in the grid
  await finding.focus();
  const focused = await finding.evaluate((el) => el === document.activeElement);
  assert(focused, 'la segnalazione non riceve il fuoco');
  await page.keyboard.press('Enter');
  await page.locator('table.sheet[data-sheet="Sito web"]').waitFor();
  await until(async () => JSON.stringify(await highlighted(page)) === '["B15"]', 'Invio non seleziona B15');

  // Tab → the fix button, named with what it writes
  await page.keyboard.press('Tab');
  const fix = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert(fix.includes('Correggi: scrivi 10 come numero'), `dopo Tab il fuoco è su «${fix}»`);
  await screens(page, shot, 'controlli-peso');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert((await dialog.innerText()).includes('Sito web!B15'), `conferma: ${await dialog.innerText()}`);
  // the first button (Conferma) has the focus in the dialog
  const inDialog = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert(inDialog === 'Conferma', `nel dialogo il fuoco è su «${inDialog}»`);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });

  await until(async () => (await pane.getByTestId('segnalazione').filter({ hasText: 'Sito web!B15' }).count()) === 0, 'la segnalazione di B15 resta');
  await showSheet(page, 'Sito web');
  const td = page.locator('table.sheet td[data-addr="B15"]');
  await until(async () => (await td.getAttribute('class'))?.includes('num'), 'B15 non è un numero');
  assert((await td.innerText()).trim() === '10', `B15: ${await td.innerText()}`);
}
