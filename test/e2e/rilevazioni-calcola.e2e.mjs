// Rilevazioni → Calcola → Annulla, as in SCENARIO.md steps 3–4: prepare the sheet, record two measurements
// through the form (a completion date and a number of hours), compute 2024, see the levels and the
// Riepilogo; undo, and the card's RAGGIUNTO/% are empty again.
import { assert, cellText, openPreview, openTab, paneShot, sheetTabs, showSheet, until, screens } from './_pannello.mjs';

export const name = 'pannello: prepara Rilevazioni, due rilevazioni dal modulo, calcola 2024, annulla';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  const before = await sheetTabs(page);
  assert(!before.includes('Rilevazioni') && !before.includes('Riepilogo'), `la cartella ha già ${before.join(', ')}`);

  // 1. prepare the Rilevazioni sheet
  await openTab(page, 'rilevazioni');
  await pane.getByTestId('prepara').click();
  await until(async () => (await sheetTabs(page)).includes('Rilevazioni'), 'il foglio Rilevazioni non compare');
  const esito = await pane.getByTestId('esito-rilevazioni').innerText();
  assert(/\d+ righe aggiunte/.test(esito), `esito della preparazione: ${esito}`);

  // 2. the Trasparenza card, 2024: action 1 (deadline 31/12/2024) done on 20/01/2025, action 3 (hours) = 2
  await pane.getByTestId('scelta-scheda').click();
  await page.getByRole('option', { name: /\(Trasparenza\)$/ }).click();
  const a1 = pane.locator('[data-testid="azione-form"][data-n="1"]');
  const a3 = pane.locator('[data-testid="azione-form"][data-n="3"]');
  await a1.waitFor();
  // a wrong date first: the core's message, nothing written
  const dateInput = a1.locator('input').first();
  await dateInput.fill('31/06/2025');
  await dateInput.press('Tab');
  await pane.getByTestId('salva-rilevazioni').click();
  await until(async () => (await a1.innerText()).match(/31\/06\/2025|impossibil|non .*valid/i), 'nessun messaggio per la data impossibile');
  await screens(page, shot, 'rilevazioni-errore');
  // the impossible date stays in the field, beside the message
  assert((await dateInput.inputValue()) === '31/06/2025', `campo data: ${await dateInput.inputValue()}`);

  // the calendar: pick the 15th of the month shown; the field gets it as dd/mm/yyyy and the message goes away
  await a1.getByTestId('apri-calendario').click();
  const day15 = page.locator('.fui-CalendarDayGrid__dayButton').filter({ hasText: /^15$/ }).first();
  await day15.waitFor();
  await page.waitForTimeout(400); // the popover's fade-in
  await paneShot(page, 'pannello-rilevazioni-calendario');
  await shot('anteprima-rilevazioni-calendario');
  await day15.click();
  await until(async () => /^15\/\d{2}\/\d{4}$/.test(await dateInput.inputValue()), 'il calendario non scrive la data');
  await until(async () => !/non esiste/.test(await a1.innerText()), 'il messaggio della data impossibile resta');

  await dateInput.fill('20/01/2025');
  await dateInput.press('Tab');
  await a3.getByTestId('campo-valore').fill('2');
  await pane.getByTestId('salva-rilevazioni').click();
  await until(async () => {
    const t = await pane.getByTestId('esito-rilevazioni').innerText().catch(() => '');
    return t.includes('2 rilevazioni scritte');
  }, 'le due rilevazioni non risultano scritte');
  // the grid shows the Rilevazioni sheet with the typed date
  await showSheet(page, 'Rilevazioni');
  const rilText = await page.locator('table.sheet[data-sheet="Rilevazioni"]').innerText();
  assert(rilText.includes('20/01/2025'), 'la data di completamento non è nel foglio Rilevazioni');
  await screens(page, shot, 'rilevazioni');

  // 3. compute 2024
  await openTab(page, 'calcola');
  await pane.getByTestId('scelta-anno').click();
  await page.getByRole('option', { name: '2024' }).click();
  await pane.getByTestId('calcola').click();
  await until(async () => (await sheetTabs(page)).includes('Riepilogo'), 'il foglio Riepilogo non compare');
  await pane.getByTestId('esito-calcolo').waitFor();
  const card = pane.locator('[data-testid="esito-scheda"][data-foglio="Trasparenza"]').first();
  const levels = await card.getByTestId('livello-azione').allInnerTexts();
  assert(JSON.stringify(levels) === JSON.stringify(['70%', '75%']), `livelli di Trasparenza: ${JSON.stringify(levels)}`);
  const cardText = await card.innerText();
  assert(/ritardo 20 gg/i.test(cardText), `manca la spiegazione della fascia: ${cardText}`);
  // Σ(PESO×livello)/Σ(PESO) over the measured actions: (50×70% + 25×75%) / 75 = 71,7%
  const grado = await card.getByTestId('grado').innerText();
  assert(grado.includes('71,7%'), `grado: ${grado}`);
  // 2 of 3 actions measured: the grade never looks final
  assert(grado.includes('parziale: 2 di 3 azioni rilevate'), `il grado non dice che è parziale: ${grado}`);
  assert((await card.getAttribute('data-parziale')) === 'sì', 'data-parziale di Trasparenza');
  await screens(page, shot, 'calcola');

  await showSheet(page, 'Trasparenza');
  const r15 = await cellText(page, 'H15');
  const p15 = await cellText(page, 'I15');
  assert(/ritardo 20 gg/.test(r15), `RAGGIUNTO di Trasparenza H15: "${r15}"`);
  assert(p15 === '70%', `% di Trasparenza I15: "${p15}"`);
  await shot('anteprima-scheda-calcolata');

  // Panoramica: the level of each annualità read back from the card's % cells (2024 computed, the others not)
  await openTab(page, 'panoramica');
  const tcard = pane.getByTestId('scheda-card').filter({ hasText: 'Trasparenza' });
  const badge = tcard.locator('[data-testid="livello"][data-anno="2024"]');
  // 2 of 3 actions measured: the badge says "parziale" too
  await until(async () => (await badge.count()) && (await badge.innerText()).trim() === '2024: 71,7% parziale', 'Panoramica non mostra 2024: 71,7% parziale');
  assert((await badge.getAttribute('data-parziale')) === 'sì', 'data-parziale del livello in Panoramica');
  assert((await tcard.innerText()).includes('2025: —'), `Panoramica, Trasparenza: ${await tcard.innerText()}`);
  await paneShot(page, 'pannello-panoramica-calcolata');
  await openTab(page, 'calcola');

  // 4. undo: the card's cells are empty again and the Riepilogo (new with this compute) is gone
  await pane.getByTestId('annulla-calcolo').click();
  await until(async () => !(await sheetTabs(page)).includes('Riepilogo'), 'il Riepilogo resta dopo l\'annullamento');
  await showSheet(page, 'Trasparenza');
  await until(async () => (await cellText(page, 'I15')) === '' && (await cellText(page, 'H15')) === '', 'H15/I15 non tornano vuote');
  assert((await pane.getByTestId('esito-calcolo').innerText()).includes('annullato'), 'manca il messaggio di annullamento');
  await screens(page, shot, 'annulla');
}
