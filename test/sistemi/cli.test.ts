/** the `schede` command over a workbook mixing systems: every card carries `sistema`, fasi beside gestionale */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leggiCartella } from '../../src/domain/sistemi';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { repoPath } from '../corpus/fixtures';
import { tortonaXlsx } from './tortona';
import { runIn } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'schede-sistemi-'));

const run = (...args: string[]) => runIn(dir, ...args);

beforeAll(async () => {
  // Tortona's sheets beside Sarzana's sample cards: one workbook, two systems
  const wb = await XlsxWorkbook.fromBuffer(await tortonaXlsx());
  const sarzana = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(repoPath('assets/esempi/sarzana-esempio.xlsx'))));
  const sheets = (await sarzana.readSheets()).filter((g) => !g.name.startsWith('_') && g.visibility !== 'veryHidden').slice(0, 2);
  writeFileSync(join(dir, 'tortona.xlsx'), await wb.toBuffer());
  writeFileSync(join(dir, 'sarzana.xlsx'), readFileSync(repoPath('assets/esempi/sarzana-esempio.xlsx')));
  expect(sheets.length).toBeGreaterThan(0);
});

describe('schede and the card systems', () => {
  it('controlla --json lists the fasi objectives with "sistema", and the I037 / O012 / O013 findings', async () => {
    const r = await run('controlla', 'tortona.xlsx', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.schede).toHaveLength(59);
    expect(j.schede.every((s: { sistema: string }) => s.sistema === 'fasi')).toBe(true);
    const kennedy = j.schede.find((s: { dup: string }) => s.dup === '10.5.2');
    expect(kennedy).toMatchObject({ foglio: 'CdR 07 Lavori pubblici', periodo: '2024-2025', centro: '07 LAVORI PUBBLICI E CUC', servizio: null, peso: 15 });
    expect(kennedy.annualita[0].azioni.map((a: { n: number; peso: number }) => [a.n, a.peso])).toEqual([
      [1, 20],
      [2, 40],
      [3, 40],
    ]);
    const codici = j.segnalazioni.map((f: { codice: string }) => f.codice).sort();
    expect(codici).toEqual([...Array(10).fill('DATA_NON_VALIDA'), 'PESO_OBIETTIVI_SOMMA']);
    const sarzana = JSON.parse((await run('controlla', 'sarzana.xlsx', '--json')).out);
    expect(sarzana.schede.length).toBeGreaterThan(0);
    expect(sarzana.schede.every((s: { sistema: string }) => s.sistema === 'gestionale')).toBe(true);
  });

  it('controlla in text lists every fasi objective with its centro and findings', async () => {
    const r = await run('controlla', 'tortona.xlsx');
    expect(r.out).toContain('59 schede trovate in 6 fogli');
    expect(r.out).toContain('Foglio "CdR 07 Lavori pubblici" — obiettivo per fasi 7');
    expect(r.out).toContain('[ERRORE] PESO_OBIETTIVI_SOMMA');
    expect(r.out).toContain('[ERRORE] DATA_NON_VALIDA (C20)'); // seed line 974 is row 20 of the CdR 07 sheet
    expect(r.out).not.toContain('Fogli senza schede');
  });

  it('prepara + calcola --json give every card its sistema and the centri levels', async () => {
    expect((await run('prepara', 'tortona.xlsx', '--out', 'preparato.xlsx')).code).toBe(0);
    const r = await run('calcola', 'preparato.xlsx', '--json', '--out', 'calcolato.xlsx');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schede).toHaveLength(59);
    expect(new Set(j.schede.map((s: { sistema: string }) => s.sistema))).toEqual(new Set(['fasi']));
    expect(j.gruppi.find((g: { nome: string }) => g.nome === '07 LAVORI PUBBLICI E CUC')).toMatchObject({ tipo: 'centro', livello: null, parziale: true, peso: 90 });
  });

  it('nuova --sistema fasi writes a blank FASI card that reads back clean; an unknown system is refused', async () => {
    const r = await run('nuova', '--sistema', 'fasi', '--titolo', 'Piano strade (RIF. DUP 10.3.1)', '--out', 'fasi.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'fasi.xlsx'))));
    const c = leggiCartella(await wb.readSheets());
    expect(c.fasi).toHaveLength(1);
    expect(c.fasi[0].titolo?.value).toBe('Piano strade (RIF. DUP 10.3.1)');
    expect((await run('controlla', 'fasi.xlsx')).code).toBe(0);
    const bad = await run('nuova', '--sistema', 'matrici', '--out', 'x.xlsx');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sistema gestionale, --sistema fasi, --sistema matrice oppure --sistema progetti');
  });
});
