/** the pieces the clean-up unified or added: one cellText, compactLabel, calcola reusing precomputed findings */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveForCli } from '../../src/cli/files';
import { calcola, preparaRilevazioni } from '../../src/domain/calcolo';
import { checkWorkbook, type Finding } from '../../src/domain/controlli';
import { cellText, textAt, utcDate, type Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { compactLabel, normalizeLabel } from '../../src/domain/scheda/labels';
import type { Scheda } from '../../src/domain/scheda/types';
import { TESTI_XLSX } from '../../src/domain/testi/xlsx';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { CORPUS, MISURE, NOW, load, typeRilevazioni } from '../calcolo/helpers';

describe('cellText: the one displayed text of a cell', () => {
  it('prefers the text Excel shows, trimmed', () => {
    expect(cellText({ v: 0.7, t: ' 70% ', f: '0%' })).toBe('70%');
  });
  it('falls back to the value when the shown text is unknown or blank, dates as dd/mm/yyyy', () => {
    expect(cellText({ v: utcDate(2025, 1, 20), t: '' })).toBe('20/01/2025');
    expect(cellText({ v: 12.5, t: '' })).toBe('12.5');
    expect(cellText({ v: '  Rossi ', t: '   ' })).toBe('Rossi');
  });
  it('is empty for no cell, an empty value or an invalid date', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText({ v: null, t: '' })).toBe('');
    expect(cellText({ v: new Date(Number.NaN), t: '' })).toBe('');
  });
  it('is what textAt reads at an address', () => {
    const g: Grid = { name: 'S', rows: [[undefined, { v: utcDate(2024, 12, 31), t: '' }]], merges: [] };
    expect(textAt(g, 0, 1)).toBe('31/12/2024');
    expect(textAt(g, 0, 0)).toBe('');
    expect(textAt(g, 5, 5)).toBe('');
  });
});

describe('compactLabel vs normalizeLabel', () => {
  it('compactLabel drops word boundaries and keeps %', () => {
    expect(compactLabel('Livello manuale (%)')).toBe('livellomanuale%');
    expect(compactLabel('Data  Completamento')).toBe(compactLabel('DataCompletamento'));
    expect(compactLabel('Unità')).toBe('unita');
  });
  it('normalizeLabel keeps the words and drops %', () => {
    expect(normalizeLabel('Livello manuale (%)')).toBe('livello manuale');
    expect(normalizeLabel('1° ANNUALITÀ')).toBe('1 annualita');
  });
});

describe('calcola with the findings the caller already has', () => {
  let schede: Scheda[];
  let grids: Grid[];
  beforeAll(async () => {
    const wb = await load(CORPUS);
    const g0 = await wb.readSheets();
    await wb.applyWritePlan(preparaRilevazioni(readWorkbook(g0), g0));
    await typeRilevazioni(wb, MISURE);
    grids = await wb.readSheets();
    schede = readWorkbook(grids);
  });

  it('gives the same result as checking the cards itself', () => {
    const own = calcola(schede, grids, { now: NOW });
    const given = calcola(schede, grids, { now: NOW, controlli: checkWorkbook(schede) });
    expect(given.segnalazioni).toEqual(own.segnalazioni);
    expect(given.schede).toEqual(own.schede);
    expect(given.plan).toEqual(own.plan);
  });

  it('starts from the given findings, counts them for their card, and leaves the caller array untouched', () => {
    const s = schede[0]!;
    const marker: Finding = { codice: 'PESO_SOMMA', gravita: 'errore', foglio: s.sheet, celle: ['A1'], messaggio: 'prova', scheda: s.index };
    const given = [marker];
    const r = calcola(schede, grids, { now: NOW, controlli: given });
    expect(given).toEqual([marker]);
    expect(r.segnalazioni[0]).toBe(marker);
    expect(r.segnalazioni.filter((f) => f.codice === 'PESO_SOMMA')).toEqual([marker]);
    const esito = r.schede.find((e) => e.foglio === s.sheet && e.scheda === s.index)!;
    expect(esito.segnalazioni.errori).toBeGreaterThanOrEqual(1);
  });
});

describe('saving from the CLI fails in Italian', () => {
  const capture = () => {
    const io = { stdout: '', stderr: '', cwd: process.cwd(), out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
    return io;
  };

  it('a folder that does not exist', async () => {
    const io = capture();
    const path = join(mkdtempSync(join(tmpdir(), 'pulizia-')), 'manca', 'out.xlsx');
    expect(await saveForCli(XlsxWorkbook.create(), { path, mode: 'nuovo' }, io)).toBeNull();
    expect(io.stderr).toBe(TESTI_XLSX.scritturaFallita(path));
  });

  it('a workbook that cannot be serialised: the library\'s English error never reaches the user', async () => {
    const io = capture();
    const wb = XlsxWorkbook.create();
    wb.toBuffer = () => Promise.reject(new Error('Cannot read properties of undefined'));
    const path = join(mkdtempSync(join(tmpdir(), 'pulizia-')), 'out.xlsx');
    expect(await saveForCli(wb, { path, mode: 'nuovo' }, io)).toBeNull();
    expect(io.stderr).toBe(TESTI_XLSX.scritturaFallita(path));
  });
});
