import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/domain/controlli';
import { readWorkbook } from '../../src/domain/scheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { repoPath } from '../corpus/fixtures';
import { runIn } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'schede-modelli-'));

const run = (...args: string[]) => runIn(dir, ...args);

async function open(name: string) {
  const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, name))));
  return wb.readSheets();
}

describe('schede nuova', () => {
  it('writes one standard card with the given options', async () => {
    const r = await run('nuova', '--titolo', 'Riordino archivio [2026]', '--periodo', '2026-2028', '--tipo', 'individuale', '--azioni', '4', '--out', 'una.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Creata 1 scheda');
    const schede = readWorkbook(await open('una.xlsx'));
    expect(schede).toHaveLength(1);
    expect(schede[0]).toMatchObject({ sheet: 'Riordino archivio 2026', tipo: 'individuale', periodo: { from: 2026, to: 2028 } });
    expect(schede[0].annualita.map((a) => a.range)).toEqual(['A15:N18', 'A21:N24', 'A27:N30']);
    expect(checkWorkbook(schede).filter((f) => f.gravita === 'errore')).toEqual([]);
  });

  it('adds one card per row of a list to a copy of an existing workbook', async () => {
    const list = XlsxWorkbook.create();
    await list.applyWritePlan({
      sheets: [
        {
          name: 'Elenco',
          cells: [
            ['A1', 'Titolo'],
            ['B1', 'Dirigente'],
            ['C1', 'Tipo'],
            ['A2', 'Trasparenza'],
            ['B2', 'Segretario generale'],
            ['A3', 'Trasparenza'],
            ['C3', 'individuale'],
            ['A4', 'Un titolo molto lungo che non può stare nel nome di un foglio: /verifiche/'],
          ].map(([address, value]) => ({ address, value })),
        },
      ],
    });
    writeFileSync(join(dir, 'elenco.xlsx'), await list.toBuffer());
    const base = XlsxWorkbook.create();
    await base.applyWritePlan({ sheets: [{ name: 'Trasparenza', cells: [{ address: 'A1', value: 'già qui' }] }] });
    writeFileSync(join(dir, 'base.xlsx'), await base.toBuffer());

    const r = await run('nuova', '--elenco', 'elenco.xlsx', '--in', 'base.xlsx', '--periodo', '2025-2027', '--out', 'tutte.xlsx');
    expect(r.code).toBe(0);
    const grids = await open('tutte.xlsx');
    expect(grids.map((g) => g.name)).toEqual([
      'Trasparenza',
      'Trasparenza (2)',
      'Trasparenza (3)',
      'Un titolo molto lungo che non',
      '_Liste',
    ]);
    const schede = readWorkbook(grids);
    expect(schede.map((s) => [s.header.descrizione?.value, s.header.dirigente?.value ?? null, s.tipo])).toEqual([
      ['Trasparenza', 'Segretario generale', 'comune'],
      ['Trasparenza', null, 'individuale'],
      ['Un titolo molto lungo che non può stare nel nome di un foglio: /verifiche/', null, 'comune'],
    ]);
    expect((await open('base.xlsx')).map((g) => g.name)).toEqual(['Trasparenza']);
  });

  it.each([
    [['nuova', '--titolo', 'x'], 'Indicare il file da scrivere con --out OUT.xlsx.'],
    [['nuova', '--periodo', '2025-2030', '--out', 'x.xlsx'], 'Periodo «2025-2030» non valido'],
    [['nuova', '--tipo', 'misto', '--out', 'x.xlsx'], 'Tipo «misto» non valido'],
    [['nuova', '--azioni', '12', '--out', 'x.xlsx'], 'Numero di azioni «12» non valido'],
    [['nuova', '--colore', 'blu', '--out', 'x.xlsx'], 'Opzione non valida'],
    [['nuova', 'file.xlsx', '--out', 'x.xlsx'], 'Opzione non valida'],
    [['nuova', '--modello', 'Inesistente', '--out', 'x.xlsx'], 'Modello «Inesistente» non trovato'],
    [['nuova', '--in', 'manca.xlsx', '--out', 'x.xlsx'], 'manca.xlsx'],
  ])('exits 2 with an Italian message: %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('schede standardizza', () => {
  it('rebuilds a sheet of the Sarzana corpus and lists the changes', async () => {
    const r = await run('standardizza', repoPath('test/fixtures/corpus-sarzana.xlsx'), '--foglio', '13 urp', '--out', join(dir, 'std.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Scheda standardizzata nel foglio «13 URP std»');
    expect(r.out).toContain('Intestazione «PESS»');
    const grids = await open('std.xlsx');
    const std = readWorkbook(grids).filter((s) => s.sheet === '13 URP std');
    expect(std).toHaveLength(1);
    expect(std[0].annualita.map((a) => a.azioni.map((x) => x.peso?.points))).toEqual([[100], [100], [100]]);
    expect(checkWorkbook(std).filter((f) => f.gravita === 'errore')).toEqual([]);
  });

  it.each([
    [['standardizza', 'x.xlsx'], 'Indicare il foglio'],
    [['standardizza', repoPath('test/fixtures/corpus-sarzana.xlsx'), '--foglio', 'Nessuno', '--out', 'y.xlsx'], 'Foglio «Nessuno» non trovato'],
    [['standardizza', '--foglio', 'A'], ''],
  ])('exits 2 with an Italian message: %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.length).toBeGreaterThan(10);
  });
});
