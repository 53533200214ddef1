// La pagina del pannello (taskpane.html) con office.js finto e fuori da Excel: si disegna a 320 px,
// carica office.js solo dall'indirizzo della CDN (qui lo stub) e non lancia errori.
export const name = 'pannello: taskpane.html si apre senza Excel a 320 px';

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function run({ page, baseUrl, shot }) {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  assert(await page.evaluate(() => window.__officeStub === true), 'office.js (stub) non è stato caricato');
  const heading = (await page.locator('#root h1').first().innerText()).trim();
  assert(heading.length > 0, 'il pannello non mostra un titolo');
  // nessuno scorrimento orizzontale a 320 px
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `il pannello sborda di ${overflow} px a 320 px di larghezza`);
  await shot('pannello-320');
}
