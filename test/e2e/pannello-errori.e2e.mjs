// Errors from Excel reach people as Italian MessageBars that say what to do: on the fake Excel (the real pane
// and Office adapter), Excel.run fails once as it does while a cell is being edited. "Prepara Rilevazioni"
// shows the message, says nothing was written (no Rilevazioni sheet appears), and works once retried.
import { assert, until } from './_pannello.mjs';

export const name = 'pannello in Excel (finto): un errore di Excel diventa un messaggio in italiano, niente scritto';

export async function run({ page, baseUrl, shot }) {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(`${baseUrl}/pannello-finto.html`);
  await page.getByTestId('scheda-card').first().waitFor();
  await until(async () => !(await page.getByTestId('aggiorna').locator('.fui-Spinner').count()), 'il pannello resta in caricamento');
  await page.getByTestId('tab-rilevazioni').click();
  await page.getByTestId('prepara').waitFor();

  // the next Excel.run fails as Office.js does when a cell is in edit mode
  await page.evaluate(() => {
    const original = window.Excel.run;
    window.Excel.run = function (...args) {
      window.Excel.run = original;
      const err = new Error('The operation cannot be performed because Excel is in cell-editing mode.');
      err.code = 'InvalidOperationInCellEditMode';
      return Promise.reject(err);
    };
  });
  await page.getByTestId('prepara').click();
  const bar = page.getByRole('alert').filter({ hasText: 'Operazione non riuscita' });
  await bar.waitFor();
  const text = await bar.innerText();
  assert(text.includes('Operazione non riuscita'), `titolo del messaggio: ${text}`);
  assert(/premi Invio o Esc/.test(text), `manca che cosa fare: ${text}`);
  assert(/Non è stato scritto nulla|Niente è stato scritto/.test(text), `manca «non è stato scritto nulla»: ${text}`);
  // said once, not twice (the adapter's message already says what to do)
  assert(text.split('Invio o Esc').length === 2, `istruzioni ripetute: ${text}`);
  assert(!/cell-editing|Error/.test(text), `testo inglese nel messaggio: ${text}`);
  const fogli = await page.evaluate(() => window.__finto.fogli());
  assert(!fogli.includes('Rilevazioni'), 'il foglio Rilevazioni è stato scritto nonostante l\'errore');
  await shot('pannello-errore-excel');

  // retried: it works and the message goes away
  await page.getByTestId('prepara').click();
  await until(async () => (await page.getByTestId('esito-rilevazioni').innerText().catch(() => '')).match(/\d+ righe aggiunte/), 'Rilevazioni non preparato al secondo tentativo');
  assert((await bar.count()) === 0, 'il messaggio d\'errore resta dopo il successo');
}
