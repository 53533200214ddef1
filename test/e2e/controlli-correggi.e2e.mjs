// SCENARIO step 2: the pane offers the canonical rewrite of a graduation whose bands overlap; accepted, the
// rule is rewritten in its cell and the finding disappears (the other findings stay).
import { assert, cellText, openPreview, openTab, showSheet, until, screens } from './_pannello.mjs';

export const name = 'pannello: Controlli, "Correggi" riscrive la graduazione in forma canonica e la segnalazione sparisce';

const CANONICA = 'Da 60% a meno di 70% = 50%; da 70% a 100% = 80%';

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);
  await openTab(page, 'controlli');
  // (a locator relative to any container: it is also used inside `has`)
  const segnalazioneG15 = () =>
    page.getByTestId('segnalazione').filter({ hasText: 'GRADUAZIONE_FASCE' }).filter({ hasText: 'Protocollo!G15' });
  const g15 = () => pane.locator('li').locator(segnalazioneG15());
  await g15().first().waitFor();
  assert((await g15().count()) === 1, 'la segnalazione di Protocollo!G15 non è una sola');
  assert((await g15().innerText()).includes('si sovrappongono'), `testo: ${await g15().innerText()}`);
  const totale = await pane.getByTestId('segnalazione').count();
  const altre = await pane.getByTestId('segnalazione').filter({ hasText: 'Protocollo!G16' }).count();
  assert(altre === 1, 'manca la segnalazione di Protocollo!G16');

  // Correggi → the confirmation shows the canonical text → Conferma
  await pane.locator('li').filter({ has: segnalazioneG15() }).getByRole('button', { name: 'Correggi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const proposta = await dialog.innerText();
  assert(proposta.includes('Protocollo!G15') && proposta.includes(CANONICA), `conferma: ${proposta}`);
  await shot('anteprima-controlli-correggi-conferma');
  await dialog.getByRole('button', { name: 'Conferma' }).click();
  await dialog.waitFor({ state: 'detached' });

  // written in the cell; the finding gone, one fewer in all, the G16 one still there
  await until(async () => (await g15().count()) === 0, 'la segnalazione di G15 resta dopo la correzione');
  await until(async () => (await pane.getByTestId('segnalazione').count()) === totale - 1, 'il numero di segnalazioni non cala di uno');
  assert((await pane.getByTestId('segnalazione').filter({ hasText: 'Protocollo!G16' }).count()) === 1, 'la segnalazione di G16 è sparita');
  assert((await pane.getByText('Correzione scritta in G15.').count()) === 1, 'manca il messaggio della correzione');
  await showSheet(page, 'Protocollo');
  await until(async () => (await cellText(page, 'G15')) === CANONICA, `G15: "${await cellText(page, 'G15')}"`);
  await screens(page, shot, 'controlli-corretto');
}
