// The preview's "Esempio" choice: Tortona's plan (objectives with phases, built from the seed's own text) opens
// beside the pane; the pane lists its objectives as "Obiettivi per fasi"; Rilevazioni prepares one row per
// weighted phase; a completion date typed in the grid and Calcola 2024 give the Riepilogo its objective,
// service and centro rows.
import { assert, cellText, openPreview, openTab, sheetTabs, showSheet, until, screens } from './_pannello.mjs';

export const name = "anteprima: gli esempi di Tortona (obiettivi per fasi: rilevazioni e calcolo 2024), del modello generico (matrice) e di Chiari (progetti e fondo: calcolo 2024) dal menu Esempio";

export async function run({ page, baseUrl, shot }) {
  await openPreview(page, baseUrl);
  await page.getByTestId('esempio').selectOption('tortona');
  await until(async () => (await page.locator('.toolbar strong').innerText()).trim() === 'tortona-esempio.xlsx', "l'esempio di Tortona non si apre");
  const pane = page.getByTestId('pane');
  await until(async () => (await pane.getByTestId('scheda-card').count()) > 50, 'il pannello non elenca gli obiettivi di Tortona');
  const tabs = await sheetTabs(page);
  assert(tabs[0] === 'CdR 00 Staff' && tabs.length === 6, `linguette: ${JSON.stringify(tabs)}`);
  const first = await pane.getByTestId('scheda-card').first().innerText();
  assert(/Obiettivi per fasi/.test(first), `la prima scheda non dice il suo sistema: ${first}`);
  assert(new URL(page.url()).searchParams.get('esempio') === 'tortona', `indirizzo: ${page.url()}`);
  await screens(page, shot, 'esempio-tortona');

  // Rilevazioni: one row per weighted phase
  await openTab(page, 'rilevazioni');
  await pane.getByTestId('prepara').click();
  await until(async () => (await sheetTabs(page)).includes('Rilevazioni'), 'il foglio Rilevazioni non compare');
  const esito = await pane.getByTestId('esito-rilevazioni').innerText();
  const righe = Number(/(\d+) righe aggiunte/.exec(esito)?.[1] ?? 0);
  assert(righe > 100, `esito della preparazione: ${esito}`);

  // a completion date typed in the grid, in the first data row's "Data completamento" cell
  await showSheet(page, 'Rilevazioni');
  let col = null;
  for (const letter of 'ABCDEFGHIJKLMN') if ((await cellText(page, `${letter}1`)) === 'Data completamento') col = letter;
  assert(col, 'la colonna Data completamento non è nella riga 1');
  await page.locator(`table.sheet td[data-addr="${col}2"]`).click();
  await page.keyboard.type('15/06/2024');
  await page.keyboard.press('Enter');
  await until(async () => (await cellText(page, `${col}2`)).includes('15/06/2024'), 'la data non è scritta nella griglia');

  // Calcola 2024: the Riepilogo has the objectives' rows, then the services' and centri's
  await openTab(page, 'calcola');
  await pane.getByTestId('scelta-anno').click();
  await page.getByRole('option', { name: '2024' }).click();
  await pane.getByTestId('calcola').click();
  await until(async () => (await sheetTabs(page)).includes('Riepilogo'), 'il foglio Riepilogo non compare');
  await showSheet(page, 'Riepilogo');
  const riep = await page.locator('table.sheet[data-sheet="Riepilogo"]').innerText();
  assert(riep.includes('obiettivo per fasi'), 'il Riepilogo non ha le righe degli obiettivi per fasi');
  assert(/Livello del centro di responsabilità/.test(riep), 'il Riepilogo non ha le righe dei centri');
  await screens(page, shot, 'esempio-tortona-riepilogo');

  // the generic template's three cards (weighting matrix), from the same menu
  await page.getByTestId('esempio').selectOption('modello');
  await until(async () => (await page.locator('.toolbar strong').innerText()).trim() === 'modello-esempio.xlsx', "l'esempio del modello generico non si apre");
  await openTab(page, 'panoramica');
  await until(async () => (await pane.getByTestId('scheda-card').count()) === 3, 'il pannello non elenca le tre schede del modello');
  const testo = await pane.innerText();
  assert(/Matrice di pesatura/i.test(testo), `il sistema delle schede non è indicato: ${testo.slice(0, 300)}`);
  await screens(page, shot, 'esempio-modello');

  // Chiari's projects and productivity fund: Calcola 2024 (nothing measured yet) writes the fund's rows, pending
  await page.getByTestId('esempio').selectOption('chiari');
  await until(async () => (await page.locator('.toolbar strong').innerText()).trim() === 'chiari-esempio.xlsx', "l'esempio di Chiari non si apre");
  await until(async () => (await pane.getByTestId('scheda-card').count()) >= 24, 'il pannello non elenca i progetti di Chiari');
  assert(/Progetti/.test(await pane.innerText()), 'il sistema dei progetti non è indicato');
  await openTab(page, 'calcola');
  await pane.getByTestId('scelta-anno').click();
  await page.getByRole('option', { name: '2024' }).click();
  await pane.getByTestId('calcola').click();
  await until(async () => (await sheetTabs(page)).includes('Riepilogo'), 'il foglio Riepilogo di Chiari non compare');
  await showSheet(page, 'Riepilogo');
  const fondo = await page.locator('table.sheet[data-sheet="Riepilogo"]').innerText();
  assert(fondo.includes('Fondo produttività: totale') && /Fondo del settore/.test(fondo), 'il Riepilogo non ha le righe del fondo');
  await screens(page, shot, 'esempio-chiari-riepilogo');
}
