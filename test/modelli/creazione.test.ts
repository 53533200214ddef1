/** issue 11 item 5: creation with checks — a title is required, a list is a list, texts fit an Excel cell */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCEL_MAX_TESTO, leggiElenco } from '../../src/domain/modelli';
import { readWorkbook } from '../../src/domain/scheda';
import { creaDaModello, STANDARD } from '../../src/taskpane/nuovaScheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { repoPath } from '../corpus/fixtures';
import { runIn } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'schede-creazione-'));

const run = (...args: string[]) => runIn(dir, ...args);

async function writeList(name: string, cells: [string, string][]): Promise<void> {
  const wb = XlsxWorkbook.create();
  await wb.applyWritePlan({ sheets: [{ name: 'Elenco', cells: cells.map(([address, value]) => ({ address, value })) }] });
  writeFileSync(join(dir, name), await wb.toBuffer());
}

const opts = { periodo: { from: 2026, to: 2028 }, tipo: 'comune' as const, azioniPerAnnualita: 5, annualita: 3 };

describe('a title is required', () => {
  it('`nuova` without --titolo (or with a blank one) exits 2 and writes nothing', async () => {
    for (const args of [['--out', 'senza.xlsx'], ['--titolo', '   ', '--out', 'senza.xlsx']]) {
      const r = await run('nuova', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Indicare il titolo/);
      expect(existsSync(join(dir, 'senza.xlsx'))).toBe(false);
    }
  });
  it('the pane\'s Nuova scheda refuses an empty title', () => {
    const r = creaDaModello(STANDARD, [], { ...opts, titolo: '' }, []);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/Indicare il titolo/) });
    expect(creaDaModello(STANDARD, [], { ...opts, titolo: 'Riordino archivio' }, []).ok).toBe(true);
  });
});

describe('texts within Excel\'s 32,767 characters: refused, never cut', () => {
  it('`nuova --titolo` of 40,000 characters exits 2 naming the length and the limit', async () => {
    const r = await run('nuova', '--titolo', 'a'.repeat(40000), '--out', 'lungo.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('40000');
    expect(r.err).toContain(String(EXCEL_MAX_TESTO));
    expect(existsSync(join(dir, 'lungo.xlsx'))).toBe(false);
  });
  it('exactly 32,767 characters are written whole', async () => {
    const titolo = `Obiettivo ${'x'.repeat(EXCEL_MAX_TESTO - 10)}`;
    expect(titolo).toHaveLength(EXCEL_MAX_TESTO);
    const r = await run('nuova', '--titolo', titolo, '--out', 'limite.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'limite.xlsx'))));
    const [s] = readWorkbook(await wb.readSheets());
    expect(s!.header.descrizione?.value).toBe(titolo);
  });
  it('a list row over the limit is refused with its row number, the pane the same', () => {
    const r = creaDaModello(STANDARD, [], opts, [], [{ titolo: 'Breve' }, { titolo: 'b'.repeat(33000) }]);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/riga 2 dell'elenco.*33000/) });
  });
});

describe('a list is a list', () => {
  it('`nuova --elenco` on a workbook of cards is refused: no junk cards "N.", "1", "2"…', async () => {
    const r = await run('nuova', '--elenco', repoPath('test/fixtures/corpus-sarzana.xlsx'), '--out', 'junk.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/solo schede obiettivo|contiene una scheda obiettivo/);
    expect(existsSync(join(dir, 'junk.xlsx'))).toBe(false);
  });
  it('finds the header row below a heading, with typos, and reads only the rows under it', async () => {
    await writeList('elenco-refusi.xlsx', [
      ['A1', 'Piano della performance 2026 – elenco obiettivi'],
      ['A2', 'Approvato con delibera n. 12'],
      ['A4', 'Titolo'],
      ['B4', 'Dirgente'],
      ['C4', "Unita'"],
      ['D4', 'Misione'],
      ['E4', 'Programa'],
      ['A5', 'Riordino archivio'],
      ['B5', 'Mario Rossi'],
      ['C5', 'Segreteria'],
      ['D5', '01'],
      ['E5', '02'],
      ['A6', '2'],
      ['A7', 'Sportello digitale'],
      ['B7', 'Anna Bianchi'],
    ]);
    const r = await run('nuova', '--elenco', 'elenco-refusi.xlsx', '--periodo', '2026-2028', '--out', 'da-refusi.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'da-refusi.xlsx'))));
    const schede = readWorkbook(await wb.readSheets());
    expect(schede.map((s) => s.header.descrizione?.value)).toEqual(['Riordino archivio', 'Sportello digitale']);
    expect(schede[0]!.header.dirigente?.value).toBe('Mario Rossi');
  });
  it('leggiElenco refuses a card sheet and gives the rows of a list with their row numbers', async () => {
    const cards = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(repoPath('test/fixtures/corpus-sarzana.xlsx'))));
    const g = (await cards.readSheets())[0]!;
    expect(leggiElenco(g)).toEqual({ ok: false, message: expect.stringContaining(g.name) });
    const list = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'elenco-refusi.xlsx'))));
    const r = leggiElenco((await list.readSheets())[0]!);
    expect(r).toMatchObject({ ok: true, numeri: [5, 7] });
  });
});
