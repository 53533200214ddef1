// Nuova scheda from a pasted list (issue 14): Offanengo's AREA SERVIZI SOCIALI section (seed 004, lines 292–311,
// one bullet over two lines) pasted in the pane; before anything is written the pane lists the sheets it will make,
// each with its settore; "Crea le schede" makes them; then the same list as objectives with phases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/harness.mjs';
import { assert, openPreview, openTab, sheetTabs, until, screens } from './_pannello.mjs';

export const name = 'pannello: Nuova scheda da un elenco incollato (Offanengo), anteprima dei fogli, poi le schede e gli obiettivi per fasi';

function seedLines() {
  const shared = path.join(ROOT, '..', 'shared', 'seeds', '004_cb40de6ae7e9fb41.txt');
  const copy = path.join(ROOT, 'test', 'fixtures', 'shared', 'seeds', '004_cb40de6ae7e9fb41.txt');
  let file = shared;
  try {
    readFileSync(shared);
  } catch {
    file = copy;
  }
  return readFileSync(file, 'utf8').split('\n');
}

export async function run({ page, baseUrl, shot }) {
  const lista = seedLines().slice(291, 311).join('\n');
  assert(lista.startsWith('AREA SERVIZI SOCIALI'), `righe del seme: ${lista.slice(0, 40)}`);
  const pane = await openPreview(page, baseUrl);
  const before = await sheetTabs(page);
  await openTab(page, 'nuova');
  await pane.getByTestId('origine-testo').click();
  await pane.getByTestId('elenco-testo').fill(lista);
  await pane.getByTestId('nuova-periodo').fill('2024-2026');
  const preview = pane.getByTestId('anteprima-nuove');
  await until(async () => (await preview.innerText().catch(() => '')).includes('Saranno creati 12 fogli'), "l'anteprima non dice 12 fogli");
  const first = await pane.getByTestId('anteprima-foglio').first().innerText();
  assert(first.includes('Settore Sociale — AREA SERVIZI SOCIALI'), `prima riga dell'anteprima: ${first}`);
  // nothing written yet
  assert(JSON.stringify(await sheetTabs(page)) === JSON.stringify(before), 'l\'anteprima ha scritto dei fogli');
  await screens(page, shot, 'nuova-elenco-testo');

  await pane.getByTestId('crea-scheda').click();
  const tabs = await until(async () => {
    const t = await sheetTabs(page);
    return t.length >= before.length + 12 ? t : null;
  }, 'le 12 schede non sono create');
  assert(tabs.some((t) => t.startsWith('Interventi finalizzati')), `fogli: ${tabs.join(', ')}`);
  const esito = await pane.getByTestId('esito-nuova').innerText();
  assert(/Creati 12 fogli/.test(esito), `esito: ${esito}`);

  // the same list as objectives with phases (Tortona's system)
  await pane.getByTestId('scelta-modello').click();
  await page.getByRole('option', { name: /Obiettivi per fasi/ }).click();
  await pane.getByTestId('crea-scheda').click();
  await until(async () => (await sheetTabs(page)).length >= before.length + 24, 'gli obiettivi per fasi non sono creati');
  await openTab(page, 'panoramica');
  await until(async () => /Obiettivi per fasi/.test(await pane.innerText()), 'la Panoramica non mostra gli obiettivi per fasi');
  await screens(page, shot, 'nuova-elenco-testo-fasi');
}
