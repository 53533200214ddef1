// Nuova scheda: "Standardizza" rebuilds a card (Sito web, whose layout differs from the standard one) as a
// standard card on a new sheet, carrying its content over, and says what changed. The original is untouched.
import { assert, cellText, openPreview, openTab, sheetTabs, showSheet, until, screens } from './_pannello.mjs';

export const name = 'pannello: Standardizza ricostruisce una scheda nel formato standard su un foglio nuovo';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  const before = await sheetTabs(page);
  await showSheet(page, 'Sito web');
  const originale = await page.locator('table.sheet[data-sheet="Sito web"]').innerText();
  const cardsBefore = await pane.getByTestId('scheda-card').count();

  await openTab(page, 'nuova');
  await pane.getByTestId('scelta-scheda-nuova').click();
  await page.getByRole('option', { name: /\(Sito web\)$/ }).click();
  await pane.getByTestId('standardizza').click();
  const esito = await until(async () => {
    const t = await pane.getByTestId('esito-nuova').innerText().catch(() => '');
    return t.includes('Scheda standardizzata') ? t : null;
  }, 'manca il messaggio di Standardizza');
  const added = (await sheetTabs(page)).filter((s) => !before.includes(s));
  assert(added.length === 1 && added[0] === 'Sito web std', `fogli nuovi: ${JSON.stringify(added)}`);
  assert(esito.includes('«Sito web std»') && esito.includes('origine: «Sito web»'), `esito: ${esito}`);
  assert(/4 azioni|azioni: 4|4 azion/i.test(esito), `l'esito non conta le 4 azioni del 2024: ${esito}`);

  // the new sheet: the standard layout with the card's content (actions, weights, rules) carried over
  const grid = page.locator('table.sheet[data-sheet="Sito web std"]');
  await grid.waitFor();
  const text = await grid.innerText();
  assert(text.includes('OBIETTIVO GESTIONALE 2024 – 2026'), 'titolo standard mancante');
  assert(text.includes('Realizzazione nuovo sito istituzionale del Comune.'), 'la descrizione dell\'obiettivo non è stata riportata');
  for (const frase of ['Publicazione URL privato', 'Richiesta verifica Dipartimento']) {
    assert(text.includes(frase), `manca "${frase}" nella scheda standardizzata`);
  }
  await screens(page, shot, 'standardizza');

  // the original card is unchanged, and the pane reads the new one as a card with the same weights
  await showSheet(page, 'Sito web');
  assert((await page.locator('table.sheet[data-sheet="Sito web"]').innerText()) === originale, 'la scheda d\'origine è cambiata');
  await openTab(page, 'panoramica');
  await until(async () => (await pane.getByTestId('scheda-card').count()) === cardsBefore + 1, 'la scheda standardizzata non è in Panoramica');
  await showSheet(page, 'Sito web std');
  const pesi = [];
  for (let r = 1; r <= 60 && pesi.length < 4; r++) {
    const v = await cellText(page, `B${r}`);
    if (/^\d+$/.test(v)) pesi.push(Number(v));
  }
  assert(JSON.stringify(pesi) === JSON.stringify([40, 10, 30, 20]), `PESO nella scheda standardizzata: ${JSON.stringify(pesi)}`);
}
