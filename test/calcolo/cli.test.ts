/** `schede prepara` → type measurements → `schede calcola` → `schede annulla`, on real files */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { saveXlsxFile } from '../../src/workbook/xlsx/node';
import { MISURE, SAMPLE, load, snapshot, typeRilevazioni, value } from './helpers';
import { capture } from '../helpers/cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'schede-calcolo-'));
  copyFileSync(SAMPLE, join(dir, 'piano.xlsx'));
});

describe('schede prepara / calcola / annulla', () => {
  it('prepara writes NAME-calcolato.xlsx next to the input, never over it', async () => {
    const io = capture(dir);
    expect(await main(['prepara', 'piano.xlsx'], io)).toBe(0);
    expect(io.stdout).toMatch(/Foglio Rilevazioni: \d+ righe aggiunte/);
    expect(existsSync(join(dir, 'piano-calcolato.xlsx'))).toBe(true);
    const same = capture(dir);
    expect(await main(['prepara', 'piano.xlsx', '--out', 'piano.xlsx'], same)).toBe(2);
    expect(same.stderr).toContain('non può essere il file di partenza');
  });

  it('calcola --json follows the contract; annulla gives the cells back', async () => {
    // staff fill in the Rilevazioni of the prepared file (the sample's sheets have no number prefix)
    const wb = await load(join(dir, 'piano-calcolato.xlsx'));
    const sheets = new Set((await wb.readSheets()).map((g) => g.name));
    const typed = MISURE.map((m) => ({ ...m, foglio: m.foglio.replace(/^\d+ /, '') })).filter((m) => sheets.has(m.foglio));
    expect(typed.length).toBeGreaterThanOrEqual(15);
    await typeRilevazioni(wb, typed);
    await saveXlsxFile(wb, join(dir, 'misure.xlsx'));

    const io = capture(dir);
    expect(await main(['calcola', 'misure.xlsx', '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout);
    expect(Object.keys(json)).toEqual(['schede', 'segnalazioni']);
    const tr = json.schede.find((s: { foglio: string; anno: number }) => s.foglio === 'Trasparenza' && s.anno === 2024);
    expect(tr.grado).toBeCloseTo(0.7875, 9);
    expect([tr.rilevate, tr.parziale, tr.pesoTotaleErrato]).toEqual([3, false, null]);
    // a grade on weights that add up to 125, and an annualità not measured yet, say so
    const pl = json.schede.find((s: { foglio: string; anno: number }) => s.foglio === 'Polizia Locale' && s.anno === 2024);
    expect([pl.rilevate, pl.parziale, pl.pesoTotaleErrato]).toEqual([5, false, 125]);
    const vita = json.schede.find((s: { foglio: string; anno: number }) => s.foglio === 'Vita indipendente' && s.anno === 2026);
    expect([vita.grado, vita.rilevate, vita.parziale]).toEqual([null, 0, true]);
    expect(tr.azioni[0]).toEqual({ n: 1, peso: 50, livello: 0.7, raggiunto: '20/01/2025 · ritardo 20 gg' });
    for (const s of json.schede) {
      expect(s.grado === null || (s.grado >= 0 && s.grado <= 1)).toBe(true);
      for (const a of s.azioni) expect(a.livello === null || (a.livello >= 0 && a.livello <= 1)).toBe(true);
    }
    expect(json.schede.find((s: { foglio: string; anno: number }) => s.foglio === 'Vita indipendente' && s.anno === 2026).grado).toBeNull();
    expect(json.segnalazioni[0]).toEqual({
      codice: expect.any(String),
      gravita: expect.stringMatching(/^(errore|avviso|info)$/),
      foglio: expect.any(String),
      celle: expect.any(Array),
      messaggio: expect.any(String),
    });
    const out = await load(join(dir, 'misure-calcolato.xlsx'));
    const grids = await out.readSheets();
    expect(value(grids, 'Trasparenza', 'I15')).toBeCloseTo(0.7, 9);
    expect(grids.map((g) => g.name)).toContain('Riepilogo');

    const text = capture(dir);
    expect(await main(['calcola', 'misure.xlsx', '--anno', '2024', '--out', 'testo.xlsx'], text)).toBe(0);
    expect(text.stdout).toContain('Trasparenza · 2024: 78,8% (3/3 azioni rilevate)');
    expect(text.stdout).toContain('Polizia Locale · 2024: 86% (pesi che sommano a 125 invece di 100)');
    expect(text.stdout).toContain('Salvato:');

    const undo = capture(dir);
    expect(await main(['annulla', 'misure-calcolato.xlsx', '--out', 'annullato.xlsx'], undo)).toBe(0);
    expect(undo.stdout).toMatch(/Ultimo calcolo annullato: ripristinate \d+ celle/);
    const restored = await (await load(join(dir, 'annullato.xlsx'))).readSheets();
    const original = await (await load(join(dir, 'misure.xlsx'))).readSheets();
    expect(restored.map((g) => g.name)).toEqual(original.map((g) => g.name));
    expect(snapshot(restored)).toEqual(snapshot(original));

    const nothing = capture(dir);
    expect(await main(['annulla', 'annullato.xlsx', '--out', 'ancora.xlsx'], nothing)).toBe(0);
    expect(nothing.stdout).toContain("Non c'è un calcolo da annullare");
  });

  it('bad input: Italian message, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['calcola'], /Indicare il file/],
      [['calcola', 'manca.xlsx'], /non esiste/],
      [['calcola', 'piano.xlsx', '--anno', 'ventiventi'], /Anno non valido/],
      [['calcola', 'piano.xlsx', '--bogus'], /Opzione non valida/],
      [['annulla', 'piano.xlsx', 'altro.xlsx'], /un solo file/],
    ];
    for (const [args, re] of cases) {
      const io = capture(dir);
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.stderr, args.join(' ')).toMatch(re);
    }
  });
});
