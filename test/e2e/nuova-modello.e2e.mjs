// Nuova scheda: "Salva come modello" keeps a card (Formazione) as a named template; a new card made from that
// template has the same layout (labels, four action rows per annualità), the new title and period, and none of
// the old card's inputs (weights, actions, graduations are to be filled in).
import { assert, cellText, openPreview, openTab, sheetTabs, until, screens } from './_pannello.mjs';

export const name = 'pannello: salva una scheda come modello e crea una scheda nuova da quel modello';

const MODELLO = 'Formazione annuale';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  const before = await sheetTabs(page);
  const cardsBefore = await pane.getByTestId('scheda-card').count();
  await openTab(page, 'nuova');

  // 1. save the Formazione card as a template
  await pane.getByTestId('scelta-scheda-nuova').click();
  await page.getByRole('option', { name: /\(Formazione\)$/ }).click();
  await pane.getByTestId('nome-modello').fill(MODELLO);
  await pane.getByTestId('salva-modello').click();
  await until(async () => (await pane.getByTestId('esito-nuova').innerText().catch(() => '')).includes(`Modello «${MODELLO}» salvato`), 'il modello non risulta salvato');
  // the template's sheet is hidden: no new tab in the workbook
  assert(JSON.stringify(await sheetTabs(page)) === JSON.stringify(before), `fogli visibili dopo il salvataggio: ${await sheetTabs(page)}`);

  // 2. a new card from it
  await pane.getByTestId('scelta-modello').click();
  await page.getByRole('option', { name: MODELLO }).click();
  await pane.getByTestId('nuova-titolo').fill('Formazione digitale del personale');
  await pane.getByTestId('nuova-periodo').fill('2026-2028');
  await screens(page, shot, 'nuova-da-modello');
  await pane.getByTestId('crea-scheda').click();
  const added = await until(async () => {
    const extra = (await sheetTabs(page)).filter((s) => !before.includes(s));
    return extra.length ? extra : null;
  }, 'nessun nuovo foglio');
  assert(added.length === 1 && added[0].startsWith('Formazione digitale'), `fogli nuovi: ${JSON.stringify(added)}`);
  const grid = page.locator(`table.sheet[data-sheet="${added[0]}"]`);
  await grid.waitFor();
  const text = await grid.innerText();
  assert(text.includes('2026 – 2028'), 'il periodo nuovo non è nel titolo');
  assert(text.includes('Formazione digitale del personale'), 'il titolo dell\'obiettivo non è nella scheda');
  // the template's labels are there, with its own odd ones (kept as the card had them); the old inputs are not
  assert(/GRADUAZIONE/.test(text) && /PESO/.test(text), 'la scheda nuova non ha le intestazioni del modello');
  assert(text.includes('Dirigenza responsabile'), 'le etichette della scheda d\'origine non sono state copiate');
  assert(!text.includes('Formazione ed aggiornamento professionale'), 'la descrizione della scheda d\'origine è rimasta');
  assert(!text.includes('Ritardo fino a 20gg'), 'le graduazioni della scheda d\'origine sono rimaste');
  // four numbered action rows, as in Formazione, then the 2nd annualità; PESO and GRADUAZIONE empty
  const righe = [];
  for (const r of [15, 16, 17, 18]) righe.push(await cellText(page, `A${r}`));
  assert(JSON.stringify(righe) === '["1","2","3","4"]', `N. delle azioni: ${JSON.stringify(righe)}`);
  assert((await cellText(page, 'A19')).startsWith('PIANO OPERATIVO 2'), `A19: ${await cellText(page, 'A19')}`);
  assert((await cellText(page, 'B15')) === '' && (await cellText(page, 'G15')) === '', 'PESO/GRADUAZIONE non svuotati');
  await screens(page, shot, 'nuova-da-modello-creata');

  // 3. the reader sees one more card
  await openTab(page, 'panoramica');
  await until(async () => (await pane.getByTestId('scheda-card').count()) === cardsBefore + 1, 'la nuova scheda non è in Panoramica');
}
