// Screens not covered by the flows: the dark theme and the pane opened outside Excel.
import { assert, openPreview, screens } from './_pannello.mjs';

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

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.getByTestId('fuori-excel').waitFor();
  const text = await page.getByTestId('fuori-excel').innerText();
  assert(text.includes('Excel') && text.includes('anteprima'), `testo fuori da Excel: ${text}`);
  await shot('pannello-fuori-excel');
}
