// Nuova scheda from a list (SCENARIO.md step 1): open another .xlsx with the file picker, select the list's range
// in the grid (click + shift-click), and get one clean card per objective, each on its own sheet.
import ExcelJS from 'exceljs';
import { assert, openTab, openWorkbookBytes, sheetTabs, showSheet, until, screens } from './_pannello.mjs';

export const name = 'pannello: Nuova scheda da un elenco selezionato in un file aperto dall\'anteprima';

async function listWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Elenco obiettivi');
  ws.addRows([
    ['Titolo', 'Dirigente', 'Unità', 'Missione', 'Programma'],
    ['Digitalizzazione archivio storico', 'Dott.ssa Bianchi', 'Segreteria generale', '01', '02'],
    ['Nuovo regolamento del verde pubblico', 'Ing. Verdi', 'Ufficio tecnico', '09', '02'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function run({ page, baseUrl, shot }) {
  await page.goto(`${baseUrl}/`);
  await page.addStyleTag({ content: '.pane { width: 320px !important; flex-basis: 320px !important; }' });
  await page.getByTestId('scheda-card').first().waitFor();
  await openWorkbookBytes(page, 'elenco.xlsx', await listWorkbook());
  await until(async () => JSON.stringify(await sheetTabs(page)) === JSON.stringify(['Elenco obiettivi']), 'il file aperto non è mostrato');
  await showSheet(page, 'Elenco obiettivi');

  // select A1:E3 in the grid as one would in Excel
  await page.locator('td[data-addr="A1"]').click();
  await page.locator('td[data-addr="E3"]').click({ modifiers: ['Shift'] });
  await until(async () => (await page.getByTestId('selezione').innerText()).includes('A1:E3'), 'la selezione non è A1:E3');

  const pane = page.getByTestId('pane');
  await openTab(page, 'nuova');
  await pane.getByTestId('origine-elenco').click();
  await pane.getByRole('button', { name: 'Leggi la selezione' }).click();
  await until(async () => (await pane.getByTestId('elenco-letto').innerText().catch(() => '')).includes('2 obiettivi'), 'l\'elenco non è letto');
  await pane.getByTestId('nuova-periodo').fill('2025-2027');
  await screens(page, shot, 'nuova-elenco');
  await pane.getByTestId('crea-scheda').click();

  const tabs = await until(async () => {
    const t = await sheetTabs(page);
    return t.length >= 3 ? t : null;
  }, 'le schede dell\'elenco non sono create');
  assert(tabs.some((t) => t.startsWith('Digitalizzazione archivio')), `fogli: ${tabs.join(', ')}`);
  assert(tabs.some((t) => t.startsWith('Nuovo regolamento del verde')), `fogli: ${tabs.join(', ')}`);
  await openTab(page, 'panoramica');
  await until(async () => (await pane.getByTestId('scheda-card').count()) === 2, 'le due nuove schede non sono in Panoramica');
  const text = await pane.innerText();
  assert(text.includes('Dott.ssa Bianchi') && text.includes('Ing. Verdi'), 'i dirigenti dell\'elenco non sono nelle schede');
  await screens(page, shot, 'nuova-elenco-creata');
}
