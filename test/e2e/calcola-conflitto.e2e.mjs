// SCENARIO step 4: someone typed "100%" by hand in a computed % cell. The compute reports it and leaves it;
// "Mantieni" keeps it; "Sovrascrivi" writes the computed value in one go; undo gives "100%" back.
import path from 'node:path';
import { assert, cellText, openPreview, showSheet, until, screens } from './_pannello.mjs';
import { MISURE, apriFile, calcolaTutto, digita, preparaEScarica, tmpDir } from './_calcolo.mjs';

export const name = 'pannello: un 100% scritto a mano viene segnalato, mantenuto, sovrascritto e ripristinato';

const CELLA = 'Trasparenza!I15';

export async function run({ page, baseUrl, shot }) {
  const dir = tmpDir();
  let pane = await openPreview(page, baseUrl);
  const preparata = await preparaEScarica(page, pane, dir);
  // the measurements, and 100% typed by hand where the compute will put 70% (20 days late)
  const file = await digita(preparata, path.join(dir, 'sarzana-a-mano.xlsx'), {
    misure: MISURE,
    celle: [{ sheet: 'Trasparenza', address: 'I15', value: 1, numFmt: '0%' }],
  });
  pane = await apriFile(page, file);
  await showSheet(page, 'Trasparenza');
  assert((await cellText(page, 'I15')) === '100%', `I15 prima del calcolo: "${await cellText(page, 'I15')}"`);

  // 1. compute: the hand value is listed as a conflict and left as it is; the rest of the card is written
  await calcolaTutto(page, pane);
  const conflitto = pane.locator(`[data-testid="conflitto"][data-cella="${CELLA}"]`);
  await conflitto.waitFor();
  assert((await pane.getByTestId('conflitto').count()) === 1, 'più di un conflitto elencato');
  const testo = await conflitto.innerText();
  assert(testo.includes('I15') && testo.includes('100%') && testo.includes('70%'), `testo del conflitto: ${testo}`);
  await showSheet(page, 'Trasparenza');
  assert((await cellText(page, 'I15')) === '100%', 'il calcolo ha sovrascritto la cella scritta a mano');
  assert((await cellText(page, 'I16')) === '100%' && (await cellText(page, 'I17')) === '75%', 'le altre % di Trasparenza non sono scritte');
  await screens(page, shot, 'calcola-conflitto');

  // 2. Mantieni: the conflict leaves the list, the cell keeps its hand value
  await conflitto.getByTestId('mantieni').click();
  await until(async () => (await pane.getByTestId('conflitto').count()) === 0, 'il conflitto resta dopo Mantieni');
  assert((await pane.getByTestId('esito-calcolo').innerText()).includes('mantenuto'), 'manca il messaggio di Mantieni');
  assert((await cellText(page, 'I15')) === '100%', 'Mantieni ha cambiato la cella');

  // 3. a new compute lists it again; Sovrascrivi writes the computed 70%
  await calcolaTutto(page, pane);
  await conflitto.waitFor();
  await conflitto.getByTestId('sovrascrivi').click();
  await until(async () => (await pane.getByTestId('esito-calcolo').innerText()).includes('sovrascritto'), 'manca il messaggio di Sovrascrivi');
  await until(async () => (await pane.getByTestId('conflitto').count()) === 0, 'il conflitto resta dopo Sovrascrivi');
  await showSheet(page, 'Trasparenza');
  await until(async () => (await cellText(page, 'I15')) === '70%', 'I15 non diventa 70%');
  assert(/ritardo 20 gg/.test(await cellText(page, 'H15')), 'RAGGIUNTO di I15 non scritto');
  await screens(page, shot, 'calcola-sovrascritto');

  // 4. undo: the hand-typed 100% comes back (not an empty cell), the rest of the first compute stays
  await pane.getByTestId('annulla-calcolo').click();
  await until(async () => (await pane.getByTestId('esito-calcolo').innerText()).includes('annullato'), 'manca il messaggio di annullamento');
  await showSheet(page, 'Trasparenza');
  await until(async () => (await cellText(page, 'I15')) === '100%', `I15 dopo l'annullamento: "${await cellText(page, 'I15')}"`);
  assert((await cellText(page, 'I17')) === '75%', 'l\'annullamento ha toccato celle che Sovrascrivi non aveva scritto');
  await screens(page, shot, 'calcola-conflitto-annullato');
}
