// Screens not covered by the flows: the dark theme and the pane opened outside Excel.
import { assert, openPreview, openTab, paneShot, screens } from './_pannello.mjs';

export const name = 'pannello: tema scuro e pagina fuori da Excel';

export async function run({ page, baseUrl, shot }) {
  await openPreview(page, baseUrl, '?tema=scuro');
  const bg = await page
    .getByTestId('pane')
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
  assert(r + g + b < 200, `lo sfondo del pannello scuro è ${bg}`);
  await screens(page, shot, 'scuro');
  // every other tab in the dark theme too, each without horizontal overflow inside the 320 px pane
  for (const tab of ['controlli', 'rilevazioni', 'calcola', 'nuova']) {
    await openTab(page, tab);
    await page.getByTestId('pane').locator('[role="tabpanel"] section').first().waitFor();
    const over = await page.getByTestId('pane').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > box.right + 1).length;
    });
    assert(over === 0, `scheda ${tab}: ${over} elementi escono dal pannello di 320 px`);
    await paneShot(page, `pannello-scuro-${tab}`);
  }

  // keyboard: Tab from the tab list reaches the first card, with a visible focus ring; Enter selects it in the grid
  await openTab(page, 'panoramica');
  let onCard = false;
  for (let i = 0; i < 6 && !onCard; i++) {
    await page.keyboard.press('Tab');
    onCard = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'scheda-card');
  }
  assert(onCard, 'con Tab non si arriva alla prima scheda');
  const ring = await page.evaluate(() => document.activeElement.hasAttribute('data-fui-focus-visible'));
  assert(ring, 'la scheda con il fuoco non mostra l\'indicatore di fuoco');
  await paneShot(page, 'pannello-scuro-fuoco');
  await page.keyboard.press('Enter');
  await page.getByTestId('selezione').waitFor();
  const sel = await page.getByTestId('selezione').innerText();
  assert(sel.startsWith('Trasparenza!'), `Invio sulla scheda seleziona ${sel}`);

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.getByTestId('fuori-excel').waitFor();
  const text = await page.getByTestId('fuori-excel').innerText();
  assert(text.includes('Excel') && text.includes('anteprima'), `testo fuori da Excel: ${text}`);
  await shot('pannello-fuori-excel');
}
