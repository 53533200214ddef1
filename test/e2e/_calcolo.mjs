// Shared helpers of the compute flow tests (not a test: the runner only loads *.e2e.mjs).
// The preview has no cell editor, so what staff "type in Excel" is typed here with ExcelJS in Node, into a
// copy of the workbook downloaded from the preview, and the copy is opened again through the file picker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { assert, openTab, openWorkbookBytes, sheetTabs, until } from './_pannello.mjs';

const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** measurements of the sample workbook, one per kind of rule, as staff type them in the Rilevazioni sheet */
export const MISURE = [
  // scadenza 31/12/2024: done 20 days late → 70%; on time → 100%
  { foglio: 'Trasparenza', anno: 2024, n: 1, data: utc(2025, 1, 20) },
  { foglio: 'Trasparenza', anno: 2024, n: 2, data: utc(2024, 12, 31) },
  // soglia: two hours and a half → 75%
  { foglio: 'Trasparenza', anno: 2024, n: 3, valore: '2,5' },
  // scadenza 15/06/2024 met; 20/12/2024 met 16 days late
  { foglio: 'Formazione', anno: 2024, n: 1, data: utc(2024, 6, 10) },
  { foglio: 'Formazione', anno: 2024, n: 3, data: utc(2025, 1, 5) },
  // percentuale typed as 85% in a %-formatted cell; soglia with a decimal comma
  { foglio: 'Protocollo', anno: 2024, n: 1, valore: 0.85, valoreFmt: '0%' },
  { foglio: 'Protocollo', anno: 2024, n: 2, valore: '1,8' },
  // proporzionale against ATTESO "almeno un servizio al giorno" (no number: the target is typed with the value)
  { foglio: 'Polizia Locale', anno: 2024, n: 1, valore: '90 su 100' },
  { foglio: 'Polizia Locale', anno: 2024, n: 3, valore: '80%' },
  { foglio: 'Polizia Locale', anno: 2025, n: 2, valore: '52 su 52' },
  // scadenza from TEMPI 30/05/24, then 79 days late
  { foglio: 'Sito web', anno: 2024, n: 1, data: utc(2024, 5, 30) },
  { foglio: 'Sito web', anno: 2024, n: 4, data: utc(2025, 3, 20) },
  // a rule the engine cannot compute: a manual level with its reason
  { foglio: 'Vita indipendente', anno: 2025, n: 1, livello: 0.8, livelloFmt: '0%', motivazione: 'Progetti avviati in 4 ambiti su 5' },
];

export function tmpDir(prefix = 'schede-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** "Prepara rilevazioni" in the pane, then "Scarica cartella di lavoro": the path of the downloaded file */
export async function preparaEScarica(page, pane, dir) {
  await openTab(page, 'rilevazioni');
  await pane.getByTestId('prepara').click();
  await until(async () => (await sheetTabs(page)).includes('Rilevazioni'), 'il foglio Rilevazioni non compare');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scarica').click()]);
  const file = path.join(dir, 'preparata.xlsx');
  await download.saveAs(file);
  return file;
}

/**
 * A copy of `src` where the Rilevazioni rows hold `misure` and `celle` ({sheet, address, value, numFmt}) are
 * typed by hand on the cards. Returns `dest`.
 */
export async function digita(src, dest, { misure = [], celle = [] } = {}) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet('Rilevazioni');
  assert(ws, 'il file scaricato non ha il foglio Rilevazioni');
  // the header row: the one whose first cells are Foglio | Scheda | Anno | N.
  let header = 0;
  const col = {};
  ws.eachRow((row, r) => {
    if (header || String(row.getCell(1).value ?? '').trim() !== 'Foglio') return;
    header = r;
    row.eachCell((c, ci) => (col[String(c.value ?? '').trim()] = ci));
  });
  assert(header && col['Data completamento'] && col['Valore rilevato'], 'intestazione del foglio Rilevazioni non trovata');
  for (const m of misure) {
    let found = 0;
    ws.eachRow((row, r) => {
      if (r <= header || found) return;
      const v = (k) => row.getCell(col[k]).value;
      if (String(v('Foglio')).trim() === m.foglio && Number(v('Anno')) === m.anno && Number(v('N.')) === m.n) found = r;
    });
    assert(found, `riga di Rilevazioni mancante: ${m.foglio} ${m.anno} n. ${m.n}`);
    const row = ws.getRow(found);
    const put = (k, value, fmt) => {
      const c = row.getCell(col[k]);
      c.value = value;
      if (fmt) c.numFmt = fmt;
    };
    if (m.data !== undefined) put('Data completamento', m.data, 'dd/mm/yyyy');
    if (m.valore !== undefined) put('Valore rilevato', m.valore, m.valoreFmt);
    if (m.livello !== undefined) put('Livello manuale (%)', m.livello, m.livelloFmt);
    if (m.motivazione !== undefined) put('Motivazione', m.motivazione);
  }
  for (const c of celle) {
    const cell = wb.getWorksheet(c.sheet).getCell(c.address);
    cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  await wb.xlsx.writeFile(dest);
  return dest;
}

/** open a file through the preview's file picker and wait for its cards */
export async function apriFile(page, file) {
  await openWorkbookBytes(page, path.basename(file), fs.readFileSync(file));
  await page.getByTestId('pane').getByTestId('scheda-card').first().waitFor();
  return page.getByTestId('pane');
}

/** "Calcola raggiungimento" for every annualità; resolves when the pane reports the compute done */
export async function calcolaTutto(page, pane) {
  await openTab(page, 'calcola');
  await pane.getByTestId('calcola').click();
  await until(async () => {
    const t = await pane.getByTestId('esito-calcolo').innerText().catch(() => '');
    return /Calcolo completato/.test(t);
  }, 'il calcolo non termina');
}

/** the exact numbers the pane shows: {"Foglio|anno": {grado, livelli: {n: livello}}} */
export async function numeriDelPannello(pane) {
  return pane.getByTestId('esito-scheda').evaluateAll((cards) => {
    const num = (s) => (s === '' || s === null ? null : Number(s));
    const out = {};
    for (const c of cards) {
      const livelli = {};
      for (const a of c.querySelectorAll('[data-testid="esito-azione"]')) livelli[a.getAttribute('data-n')] = num(a.getAttribute('data-livello'));
      out[`${c.getAttribute('data-foglio')}|${c.getAttribute('data-anno')}`] = { grado: num(c.getAttribute('data-grado')), livelli };
    }
    return out;
  });
}
