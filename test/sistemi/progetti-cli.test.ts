/** the `schede` command over Chiari's projects: controlla lists the table with its fund and the cards; calcola adds the fund's outcome; nuova --sistema progetti */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leggiCartella } from '../../src/domain/sistemi';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { runIn } from '../helpers/cli';
import { chiariXlsx } from './chiari';

const dir = mkdtempSync(join(tmpdir(), 'schede-progetti-'));
const run = (...args: string[]) => runIn(dir, ...args);

beforeAll(async () => {
  writeFileSync(join(dir, 'chiari.xlsx'), await chiariXlsx());
});

describe('schede and the progetti system', () => {
  it('controlla --json gives the table with the fund (€/point per pool, every IMPORTO recomputed) and the 24 cards', async () => {
    const r = await run('controlla', 'chiari.xlsx', '--json');
    expect(r.code).toBe(0); // avvisi and info only
    const j = JSON.parse(r.out);
    const tabella = j.schede.find((s: { tipo: string }) => s.tipo === 'tabella');
    expect(tabella.progetti).toHaveLength(24);
    expect(tabella.fondo.quote.map((q: { importo: number; euroPunto: number }) => [q.importo, q.euroPunto])).toEqual([
      [35223.09, 55.909667],
      [13000, 44.444444],
    ]);
    expect(tabella.fondo.importi.find((x: { n: number }) => x.n === 7)).toMatchObject({ scritto: 2666.66, ricalcolato: 2666.67 });
    expect(j.schede.filter((s: { tipo: string }) => s.tipo === 'scheda')).toHaveLength(24);
    const codici = j.segnalazioni.map((f: { codice: string }) => f.codice);
    expect(codici.filter((c: string) => c === 'SOGLIA_DIVERSA')).toHaveLength(4);
    expect(codici.filter((c: string) => c === 'PROGETTO_IMPORTO')).toHaveLength(1);
  });

  it('controlla in text shows the pools and each card with its findings', async () => {
    const r = await run('controlla', 'chiari.xlsx');
    expect(r.out).toContain('Fondo, quota B: progetti 4, 5, 6, 7 — 292,5 punti, € 13.000,00');
    expect(r.out).toContain('riserva € 28.000,00');
    expect(r.out).toContain('[AVVISO] SOGLIA_DIVERSA');
    expect(r.out).not.toContain('Fogli senza schede');
  });

  it('prepara + calcola --json give the project cards their sistema and the fund outcome, all pending', async () => {
    expect((await run('prepara', 'chiari.xlsx', '--out', 'preparato.xlsx')).code).toBe(0);
    const r = await run('calcola', 'preparato.xlsx', '--json', '--out', 'calcolato.xlsx');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(new Set(j.schede.map((s: { sistema: string }) => s.sistema))).toEqual(new Set(['progetti']));
    expect(j.fondo.totale).toMatchObject({ pagato: 0, nonPagato: 0, riserva: 28000, fondo: 91223.09 });
    const text = await run('calcola', 'preparato.xlsx', '--out', 'calcolato2.xlsx');
    expect(text.out).toContain('Fondo, SETTORE 2: assegnati');
    expect(text.out).toContain('Progetto 7: in attesa di rilevazioni, raggiunto 0% su soglia 80%: mancano 80%');
  });

  it('nuova --sistema progetti writes a blank table and card that read back clean', async () => {
    const r = await run('nuova', '--sistema', 'progetti', '--out', 'progetti.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'progetti.xlsx'))));
    const c = leggiCartella(await wb.readSheets());
    expect(c.progetti.map((x) => x.tipo)).toEqual(['tabella', 'scheda']);
    expect((await run('controlla', 'progetti.xlsx')).code).toBe(0);
  });
});
