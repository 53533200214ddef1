// SCENARIO.md, steps 1–5, walked in the preview as a new user would: Controlli's findings fixed by typing in the
// grid, new cards from a pasted list, a graduation with an impossible date and overlapping bands mended, the
// Rilevazioni prepared and filled, a partial then a final compute, a hand "100%" reported and kept, the Riepilogo
// with its data bars, undo then compute again with the same result, and the workbook downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { assert, openPreview, openTab, showSheet, cellText, highlighted, sheetTabs, until, screens } from './_pannello.mjs';

export const name = "scenario: l'anno di SCENARIO.md (passi 1–5) percorso nell'anteprima, la griglia modificata come un foglio";

/** select a cell of the sheet shown by clicking it (the grid takes the keyboard focus) */
async function clickCell(page, addr) {
  await page.locator(`table.sheet td[data-addr="${addr}"]`).click();
  await until(async () => (await highlighted(page)).includes(addr), `il clic non seleziona ${addr}`);
}

/** type into a cell as a user does (typing starts the edit) and confirm with Enter; wait until the grid shows it */
async function typeInCell(page, addr, text, shown = text) {
  await clickCell(page, addr);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await until(async () => (await cellText(page, addr)) === shown, `${addr} non mostra «${shown}» dopo aver scritto «${text}»`);
}

/** what the clipboard would paste: a paste event with tab-separated text on the focused grid */
async function pasteTsv(page, tsv) {
  await page.getByTestId('griglia').evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
}

const num = (t) => Number(String(t).replace(/[%\s]/g, '').replace(/\./g, '').replace(',', '.'));
const finding = (pane, text, codice) => {
  const f = pane.getByTestId('segnalazione').filter({ hasText: text });
  return codice ? f.and(pane.locator(`[data-codice="${codice}"]`)) : f;
};
const grades = async (pane) =>
  pane.getByTestId('esito-scheda').evaluateAll((els) => els.map((e) => `${e.dataset.foglio}/${e.dataset.anno}=${e.dataset.grado}`).sort());

export async function run({ page, baseUrl, shot }) {
  const pane = await openPreview(page, baseUrl);

  // ---- 1. January: PESO 125 on Polizia Locale, RISORSE UMANE at 95%; click, the cells are selected, fix by typing
  await openTab(page, 'controlli');
  const peso = finding(pane, 'Polizia Locale!B15:B19', 'PESO_SOMMA');
  await peso.waitFor();
  assert((await peso.innerText()).includes('125'), `PESO: ${await peso.innerText()}`);
  // errors first: the one error heads the list, before every warning
  const codes = await pane.getByTestId('segnalazione').evaluateAll((els) => els.map((e) => e.dataset.codice));
  assert(codes[0] === 'PESO_SOMMA', `prima segnalazione: ${codes[0]} (${codes.join(', ')})`);
  const risorse = pane.getByTestId('segnalazione').and(pane.locator('[data-codice="RISORSE_SOMMA"]')).first();
  await risorse.waitFor();
  assert((await risorse.innerText()).includes('95%'), `RISORSE: ${await risorse.innerText()}`);
  const notCli = await pane.innerText();
  assert(!/--forza|riga di comando/.test(notCli), 'il pannello parla di riga di comando');
  await screens(page, shot, 'scenario-1-controlli');

  await peso.click();
  await page.locator('table.sheet[data-sheet="Polizia Locale"]').waitFor();
  await until(async () => (await highlighted(page)).sort().join() === 'B15,B16,B17,B18,B19', 'il clic non seleziona i PESO');
  // five weights of 20: typed one under the other, Enter moves down as in Excel
  await clickCell(page, 'B15');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
  }
  await until(async () => {
    for (const a of ['B15', 'B16', 'B17', 'B18', 'B19']) if ((await cellText(page, a)) !== '20') return false;
    return true;
  }, 'i PESO non sono tutti 20');
  await until(async () => (await finding(pane, 'Polizia Locale!B15:B19', 'PESO_SOMMA').count()) === 0, 'la segnalazione del PESO 125 resta');

  // RISORSE UMANE: the first share of the row gets the missing 5 points
  const where = (await risorse.innerText()).match(/([^\n]+)!([A-Z]+\d+):([A-Z]+\d+)/);
  assert(where, `celle di RISORSE: ${await risorse.innerText()}`);
  const [, risorseSheet, risorseCell] = where;
  await risorse.click();
  await page.locator(`table.sheet[data-sheet="${risorseSheet}"]`).waitFor();
  const before = await cellText(page, risorseCell);
  // the shares are written in words ("Tognoni Antonella 50%"): the first share gets 5 more
  const fixed = before.replace(/\n/g, ' ').replace(/(\d+(?:,\d+)?)\s*%/, (_, n) => `${num(n) + 5}%`);
  assert(fixed !== before.replace(/\n/g, ' '), `nessuna percentuale in ${risorseCell}: «${before}»`);
  await typeInCell(page, risorseCell, fixed);
  await until(async () => (await pane.getByTestId('segnalazione').and(pane.locator('[data-codice="RISORSE_SOMMA"]')).count()) === 0, 'la segnalazione RISORSE resta');
  await screens(page, shot, 'scenario-1-corretto');

  // ---- 1b. Nuova scheda from a pasted list: pasted into the grid, selected, read by the pane, then cleared again
  await showSheet(page, 'Trasparenza');
  await clickCell(page, 'A44');
  await pasteTsv(
    page,
    'Titolo\tDirigente\tUnità\tMissione\tProgramma\r\n' +
      'Digitalizzazione archivio storico\tDott.ssa Bianchi\tSegreteria generale\t01\t02\r\n' +
      'Nuovo regolamento del verde pubblico\tIng. Verdi\tUfficio tecnico\t09\t02\r\n',
  );
  await until(async () => (await page.getByTestId('selezione').innerText()).includes('Trasparenza!A44:E46'), 'la selezione non è il blocco incollato');
  assert((await cellText(page, 'B45')) === 'Dott.ssa Bianchi', `B45: ${await cellText(page, 'B45')}`);
  await openTab(page, 'nuova');
  await pane.getByTestId('origine-elenco').click();
  await pane.getByRole('button', { name: 'Leggi la selezione' }).click();
  await until(async () => (await pane.getByTestId('elenco-letto').innerText().catch(() => '')).includes('2 obiettivi'), "l'elenco incollato non è letto");
  await pane.getByTestId('nuova-periodo').fill('2025-2027');
  await pane.getByTestId('crea-scheda').click();
  await until(async () => (await sheetTabs(page)).some((t) => t.startsWith('Nuovo regolamento del verde')), 'le schede dell\'elenco non sono create');
  await screens(page, shot, 'scenario-1-nuove-schede');
  // the list is cleared from the card's sheet: select it and press Delete
  await showSheet(page, 'Trasparenza');
  await clickCell(page, 'A44');
  await page.locator('table.sheet td[data-addr="E46"]').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  await until(async () => (await cellText(page, 'B45')) === '' && (await cellText(page, 'A46')) === '', "Canc non svuota l'elenco");

  // ---- 2. February: a rule with an impossible date, bands that overlap; the canonical rewrite accepted
  await showSheet(page, 'Protocollo');
  const oldG16 = await cellText(page, 'G16');
  await clickCell(page, 'G16');
  await page.keyboard.press('F2');
  await page.getByTestId('editor-cella').fill('Entro il 31/06/2025 = 100%; oltre = 0%');
  await page.getByTestId('editor-cella').press('Enter');
  await openTab(page, 'controlli');
  const impossibile = finding(pane, 'Protocollo!G16');
  await until(async () => /31\/06\/2025/.test(await pane.innerText()), 'la data impossibile non è segnalata');
  // Esc cancels an edit: the cell keeps the impossible date
  await showSheet(page, 'Protocollo');
  await clickCell(page, 'G16');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Escape');
  assert((await cellText(page, 'G16')).includes('31/06/2025'), 'Esc non annulla la modifica');
  await screens(page, shot, 'scenario-2-data-impossibile');
  await typeInCell(page, 'G16', oldG16.replace(/\n/g, ' '));
  const correggi = pane.getByTestId('correggi').first();
  await correggi.waitFor();
  await correggi.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await until(async () => /Correzione scritta in G15/.test(await pane.innerText()), 'nessun esito della correzione');
  assert((await impossibile.filter({ hasText: '31/06/2025' }).count()) === 0, 'la data impossibile resta segnalata');
  await screens(page, shot, 'scenario-2-corretto');

  // ---- 3. July: Rilevazioni prepared, two measures typed, a partial compute for 2024 --------------------------
  await openTab(page, 'rilevazioni');
  await pane.getByTestId('prepara').click();
  await until(async () => (await sheetTabs(page)).includes('Rilevazioni'), 'il foglio Rilevazioni non compare');
  await pane.getByTestId('scelta-scheda').click();
  await page.getByRole('option', { name: /\(Trasparenza\)$/ }).click();
  const a1 = pane.locator('[data-testid="azione-form"][data-n="1"]');
  const a2 = pane.locator('[data-testid="azione-form"][data-n="2"]');
  await a1.waitFor();
  // the calendar of an empty date opens on the deadline's month (31/12/2024), not on today's
  await a2.getByTestId('apri-calendario').click();
  const calendar = page.getByRole('dialog').filter({ hasText: /dicembre 2024/i });
  await until(async () => (await calendar.count()) > 0, 'il calendario non si apre su dicembre 2024');
  await page.keyboard.press('Escape');
  await a1.locator('input').first().fill('20/01/2025');
  await a1.locator('input').first().press('Tab');
  await pane.getByTestId('salva-rilevazioni').click();
  await until(async () => /1 rilevazion/.test(await pane.getByTestId('esito-rilevazioni').innerText().catch(() => '')), 'la rilevazione non è scritta');

  await openTab(page, 'calcola');
  await pane.getByTestId('scelta-anno').click();
  await page.getByRole('option', { name: '2024' }).click();
  await pane.getByTestId('calcola').click();
  await pane.getByTestId('esito-calcolo').waitFor();
  const tras = pane.locator('[data-testid="esito-scheda"][data-foglio="Trasparenza"]').first();
  await tras.waitFor();
  const trasText = await tras.innerText();
  assert(/1 di 3 azioni rilevate/.test(trasText), `Trasparenza non dice quante azioni sono rilevate: ${trasText}`);
  assert(/non rilevata/.test(trasText), `Trasparenza non indica le azioni non rilevate: ${trasText}`);
  // July: nothing is final, and the grade says so
  assert(/parziale: 1 di 3 azioni rilevate/.test(await pane.innerText()), 'il grado parziale non dice di essere parziale');
  await screens(page, shot, 'scenario-3-calcolo-parziale');

  // the results stay across a tab switch; a change to the workbook clears them
  await openTab(page, 'panoramica');
  await openTab(page, 'calcola');
  assert((await pane.getByTestId('esito-scheda').count()) > 0, 'i risultati di Calcola spariscono cambiando scheda del pannello');

  // ---- 4. January next year: complete, compute, a hand "100%" reported and not overwritten ------------------
  await openTab(page, 'rilevazioni');
  await pane.getByTestId('scelta-scheda').click();
  await page.getByRole('option', { name: /\(Trasparenza\)$/ }).click();
  await a2.locator('input').first().fill('31/03/2025');
  await a2.locator('input').first().press('Tab');
  await pane.locator('[data-testid="azione-form"][data-n="3"]').getByTestId('campo-valore').fill('2');
  await pane.getByTestId('salva-rilevazioni').click();
  await until(async () => /2 rilevazioni scritte/.test(await pane.getByTestId('esito-rilevazioni').innerText().catch(() => '')), 'le rilevazioni non sono scritte');
  await openTab(page, 'calcola');
  assert((await pane.getByTestId('esito-scheda').count()) === 0, 'i risultati restano dopo che la cartella è cambiata');
  await pane.getByTestId('calcola').click();
  await until(async () => /Trasparenza/.test(await pane.getByTestId('esito-calcolo').innerText().catch(() => '')) || (await pane.getByTestId('esito-scheda').count()) > 0, 'il calcolo non dà risultati');

  // someone types 100% by hand over a computed %: the next compute reports it and keeps it
  await showSheet(page, 'Trasparenza');
  const computed = await cellText(page, 'I15');
  assert(/%$/.test(computed), `I15 dopo il calcolo: «${computed}»`);
  await typeInCell(page, 'I15', '100%');
  await pane.getByTestId('calcola').click();
  const conflitto = pane.locator('[data-testid="conflitto"][data-cella="Trasparenza!I15"]');
  await conflitto.waitFor();
  await showSheet(page, 'Trasparenza');
  assert((await cellText(page, 'I15')) === '100%', 'il 100% scritto a mano è stato sovrascritto');
  await conflitto.getByTestId('mantieni').click();
  const first = await grades(pane);
  assert(first.length > 0, 'nessun grado calcolato');
  await screens(page, shot, 'scenario-4-calcolo');

  await showSheet(page, 'Riepilogo');
  const bars = page.getByTestId('barra-dati');
  await until(async () => (await bars.count()) > 0, 'il Riepilogo non disegna le barre dei dati');
  const widths = await bars.evaluateAll((els) => els.map((e) => e.style.width));
  assert(widths.some((w) => w !== '0%'), `barre tutte vuote: ${widths.join(' ')}`);
  await screens(page, shot, 'scenario-4-riepilogo');

  // undo once, compute again: the same result
  await pane.getByTestId('annulla-calcolo').click();
  await until(async () => /annullat/i.test(await pane.getByTestId('esito-calcolo').innerText().catch(() => '')), "l'annullamento non risponde");
  await pane.getByTestId('calcola').click();
  await until(async () => (await pane.getByTestId('esito-scheda').count()) > 0, 'il secondo calcolo non dà risultati');
  const again = await grades(pane);
  assert(JSON.stringify(again) === JSON.stringify(first), `dopo annulla e ricalcolo: ${again.join(' ')} invece di ${first.join(' ')}`);

  // ---- 5. February: the workbook downloaded, with everything in it ------------------------------------------
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scarica').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-')), download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names = wb.worksheets.map((w) => w.name);
  for (const s of ['Trasparenza', 'Polizia Locale', 'Rilevazioni', 'Riepilogo']) assert(names.includes(s), `il file scaricato non ha ${s}: ${names.join(', ')}`);
  assert(names.some((n) => n.startsWith('Digitalizzazione archivio')), `il file scaricato non ha le schede nuove: ${names.join(', ')}`);
  assert(wb.getWorksheet('Polizia Locale').getCell('B15').value === 20, `Polizia Locale!B15 = ${wb.getWorksheet('Polizia Locale').getCell('B15').value}`);
  assert(wb.getWorksheet('Trasparenza').getCell('I15').value === 1, `Trasparenza!I15 = ${wb.getWorksheet('Trasparenza').getCell('I15').value}`);
  await screens(page, shot, 'scenario-5-fine');
}
