/** the `schede` command on the template's cards: controlla (text and --json), nuova --sistema matrice, calcola with the areas */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leggiCartella } from '../../src/domain/sistemi';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { runIn } from '../helpers/cli';
import { matriceXlsx } from './matrice-seed';

const dir = mkdtempSync(join(tmpdir(), 'schede-matrice-'));
const run = (...args: string[]) => runIn(dir, ...args);

beforeAll(async () => {
  writeFileSync(join(dir, 'modello.xlsx'), await matriceXlsx());
});

describe('schede and the matrice system', () => {
  it('controlla lists the three cards with their system, Esito and marks; no error (exit 0), the lost mark as avviso', async () => {
    const r = await run('controlla', 'modello.xlsx', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schede.map((s: { sistema: string; numero: string; esito: number; esitoDaMarche: number | null }) => [s.sistema, s.numero, s.esito, s.esitoDaMarche])).toEqual([
      ['matrice', 'a', 18, null],
      ['matrice', 'b', 14, 14],
      ['matrice', 'd', 20, 20],
    ]);
    expect(j.segnalazioni.map((f: { codice: string }) => f.codice)).toEqual(['PESATURA_MARCA_MANCANTE', 'INDICE_NON_CALCOLABILE', 'INDICE_NON_CALCOLABILE']);
    const t = await run('controlla', 'modello.xlsx');
    expect(t.out).toContain('obiettivo (matrice di pesatura) d');
    expect(t.out).toContain('7 indicatori, Esito Pesatura 20, 4 aree/settori');
    expect(t.out).toContain('Riga Realizzabilità spostata di una colonna');
  });

  it('nuova --sistema matrice writes a blank card that reads back clean; calcola gives each area its peso assoluto', async () => {
    const r = await run('nuova', '--sistema', 'matrice', '--titolo', 'Transizione digitale', '--out', 'nuova.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const c = leggiCartella(await (await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'nuova.xlsx'))))).readSheets());
    expect(c.matrice.map((m) => [m.titolo?.value, m.indice?.text])).toEqual([['Transizione digitale', 'n.d.']]);
    expect(await run('controlla', 'nuova.xlsx')).toMatchObject({ code: 0 });
    const k = await run('calcola', 'modello.xlsx', '--out', 'calcolato.xlsx', '--json');
    expect(k.code).toBe(0);
    const j = JSON.parse(k.out);
    expect(new Set(j.schede.map((s: { sistema: string }) => s.sistema))).toEqual(new Set(['matrice']));
    expect(j.aree.filter((a: { scheda: number }) => a.scheda === 3).map((a: { pesoAssoluto: number }) => a.pesoAssoluto)).toEqual([5, 5, 5, 5]);
  });
});
