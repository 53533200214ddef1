// Controlli: the Polizia Locale card's actions weigh 125; clicking the finding highlights its PESO cells in the grid.
import { assert, highlighted, openPreview, openTab, until, screens } from './_pannello.mjs';

export const name = 'pannello: Controlli elenca il peso 125 della Polizia Locale e lo evidenzia nella griglia';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  await screens(page, shot, 'panoramica');

  await openTab(page, 'controlli');
  const finding = pane.getByTestId('segnalazione').filter({ hasText: 'Polizia Locale' }).filter({ hasText: '125' });
  await finding.first().waitFor();
  assert((await finding.first().getAttribute('data-codice')) === 'PESO_SOMMA', 'la segnalazione del 125 non è PESO_SOMMA');
  // grouped by card: the finding sits in the Polizia Locale group, under "Errori"
  const group = pane.getByTestId('gruppo-segnalazioni').filter({ hasText: 'Polizia Locale' }).filter({ hasText: '125' });
  assert((await group.innerText()).includes('Errori'), 'la segnalazione non è tra gli errori della sua scheda');

  await finding.first().click();
  await page.locator('table.sheet[data-sheet="Polizia Locale"]').waitFor();
  const cells = await until(async () => {
    const h = await highlighted(page);
    return h.length ? h : null;
  }, 'nessuna cella evidenziata');
  const expected = ['B15', 'B16', 'B17', 'B18', 'B19'];
  assert(
    JSON.stringify([...cells].sort()) === JSON.stringify(expected),
    `celle evidenziate ${JSON.stringify(cells)} invece dei PESO ${JSON.stringify(expected)}`,
  );
  assert((await page.getByTestId('selezione').innerText()).includes('Polizia Locale!B15'), 'riferimento della selezione errato');
  await screens(page, shot, 'controlli');

  // keyboard: the findings are reachable and activated with the keyboard too
  await finding.first().focus();
  await page.keyboard.press('Enter');
  assert((await highlighted(page)).includes('B15'), 'Invio sulla segnalazione non seleziona le celle');

  // a mechanical fix asks for confirmation first; cancelling writes nothing
  const fix = pane.getByRole('button', { name: 'Correggi' }).first();
  if (await fix.count()) {
    await fix.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert((await dialog.innerText()).includes('Applicare la correzione?'), 'manca la conferma della correzione');
    await shot('anteprima-controlli-correzione');
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
