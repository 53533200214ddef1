// SCENARIO step 5: a colleague runs `schede calcola` on the same file and gets the same numbers as the pane:
// the same level for every action and card, and the same RAGGIUNTO/% written on the cards.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { ROOT } from '../../scripts/lib/harness.mjs';
import { assert, openPreview, screens } from './_pannello.mjs';
import { MISURE, apriFile, calcolaTutto, digita, numeriDelPannello, preparaEScarica, tmpDir } from './_calcolo.mjs';

export const name = 'pannello e riga di comando: schede calcola dà gli stessi numeri del pannello sullo stesso file';

const run$ = promisify(execFile);

/** every RAGGIUNTO/% cell the compute may write (columns H and I of the card sheets), as comparable values */
async function celleCalcolate(file, fogli) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {};
  for (const f of fogli) {
    wb.getWorksheet(f).eachRow((row, r) => {
      for (const c of ['H', 'I']) {
        const v = row.getCell(c).value;
        if (v !== null && v !== undefined && v !== '') out[`${f}!${c}${r}`] = typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : String(v?.result ?? v);
      }
    });
  }
  return out;
}

export async function run({ page, baseUrl, shot }) {
  const dir = tmpDir();
  let pane = await openPreview(page, baseUrl);
  const preparata = await preparaEScarica(page, pane, dir);
  const file = await digita(preparata, path.join(dir, 'sarzana-rilevata.xlsx'), { misure: MISURE });

  // the pane
  pane = await apriFile(page, file);
  await calcolaTutto(page, pane);
  const pannello = await numeriDelPannello(pane);
  await screens(page, shot, 'calcola-stessi-numeri');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scarica').click()]);
  const dalPannello = path.join(dir, 'dal-pannello.xlsx');
  await download.saveAs(dalPannello);

  // the command line, on the same file
  const dallaCli = path.join(dir, 'dalla-cli.xlsx');
  const { stdout } = await run$('npx', ['tsx', 'src/cli/main.ts', 'calcola', file, '--json', '--out', dallaCli], {
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  const json = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const cli = {};
  for (const s of json.schede) {
    cli[`${s.foglio}|${s.anno ?? ''}`] = { grado: s.grado, livelli: Object.fromEntries(s.azioni.map((a) => [String(a.n), a.livello])) };
  }

  // the same cards and years, the same level for each action and card, to the last digit
  assert(
    JSON.stringify(Object.keys(pannello).sort()) === JSON.stringify(Object.keys(cli).sort()),
    `schede/anni diversi: pannello ${Object.keys(pannello)} · riga di comando ${Object.keys(cli)}`,
  );
  for (const k of Object.keys(cli)) {
    assert(JSON.stringify(pannello[k]) === JSON.stringify(cli[k]), `${k}: pannello ${JSON.stringify(pannello[k])} · riga di comando ${JSON.stringify(cli[k])}`);
  }
  const calcolate = Object.values(cli).flatMap((x) => Object.values(x.livelli)).filter((l) => l !== null);
  assert(calcolate.length === MISURE.length, `azioni calcolate: ${calcolate.length} invece di ${MISURE.length}`);
  // a figure worked out by hand: Trasparenza 2024 = (50×70% + 25×100% + 25×75%) / 100
  const pesi = { 1: 50, 2: 25, 3: 25 };
  const trasparenza = pannello['Trasparenza|2024'];
  assert(trasparenza.livelli['1'] === 0.7 && trasparenza.livelli['2'] === 1 && trasparenza.livelli['3'] === 0.75, `Trasparenza: ${JSON.stringify(trasparenza)}`);
  const atteso = (pesi[1] * 0.7 + pesi[2] * 1 + pesi[3] * 0.75) / 100;
  assert(Math.abs(trasparenza.grado - atteso) < 1e-6, `grado di Trasparenza ${trasparenza.grado} invece di ${atteso}`);

  // and the same RAGGIUNTO/% on every card of the two saved files
  const fogli = [...new Set(json.schede.map((s) => s.foglio))];
  const a = await celleCalcolate(dalPannello, fogli);
  const b = await celleCalcolate(dallaCli, fogli);
  const diverse = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
  assert(diverse.length === 0, `celle diverse: ${diverse.map((k) => `${k} pannello=${a[k]} cli=${b[k]}`).join('; ')}`);
  assert(a['Trasparenza!I15'] === 0.7 && a['Protocollo!I15'] === 0.8, `celle scritte: ${JSON.stringify(a).slice(0, 300)}`);
}
