// Shared helpers of the task pane flow tests (not a test: the runner only loads *.e2e.mjs).
import path from 'node:path';
import { ROOT } from '../../scripts/lib/harness.mjs';

/** a screenshot of the pane alone (320 px wide, its whole height): screenshots/NAME.png */
export async function paneShot(page, name) {
  await page.getByTestId('pane').screenshot({ path: path.join(ROOT, 'screenshots', `${name}.png`) });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** open the preview with the pane at 320 px (the narrowest Excel task pane) and wait for the cards */
export async function openPreview(page, baseUrl, query = '') {
  await page.goto(`${baseUrl}/${query}`);
  // the pane at 320 px; the page grows with its content so full-page screenshots show the whole pane
  await page.addStyleTag({
    content:
      '.pane { width: 320px !important; flex-basis: 320px !important; overflow: visible !important; }' +
      '.preview { height: auto !important; min-height: 100vh; overflow: visible !important; align-items: flex-start; }' +
      '.book { height: auto; } .grid-wrap { overflow: visible !important; }',
  });
  await page.getByTestId('pane').getByTestId('scheda-card').first().waitFor();
  return page.getByTestId('pane');
}

/** open workbook bytes through the preview's file picker; resolves when the preview shows that file */
export async function openWorkbookBytes(page, name, buffer) {
  await page.getByTestId('apri-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await until(async () => (await page.locator('.toolbar strong').innerText()).trim() === name, `il file ${name} non si apre`);
}

export async function openTab(page, id) {
  await page.getByTestId(`tab-${id}`).click();
}

/** names on the preview's sheet tabs */
export async function sheetTabs(page) {
  return (await page.getByTestId('sheet-tab').allInnerTexts()).map((t) => t.trim());
}

export async function showSheet(page, name) {
  await page.getByTestId('sheet-tab').filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  await page.locator(`table.sheet[data-sheet="${name}"]`).waitFor();
}

/** the text of a cell of the sheet shown in the grid */
export async function cellText(page, addr) {
  const td = page.locator(`table.sheet td[data-addr="${addr}"]`);
  return (await td.count()) ? (await td.innerText()).trim() : '';
}

/** A1 addresses of the highlighted cells */
export async function highlighted(page) {
  return page.locator('table.sheet td.sel').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-addr')));
}

/** wait until fn() is truthy (polling), with a message on timeout */
export async function until(fn, message, ms = 10_000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < ms) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${message} (ultimo valore: ${JSON.stringify(last)})`);
}

/** the two screenshots of a screen: the whole preview (anteprima-NAME) and the 320 px pane alone (pannello-NAME) */
export async function screens(page, shot, name) {
  await shot(`anteprima-${name}`);
  await paneShot(page, `pannello-${name}`);
}
