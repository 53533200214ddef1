import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/domain/grid';
import { buildSchedeDaElenco, readElenco, uniqueSheetName } from '../../src/domain/modelli';
import { readWorkbook } from '../../src/domain/scheda';
import { tsvToGrid } from '../helpers/tsvGrid';
import { isValidSheetName, roundTrip } from './helpers';

describe('uniqueSheetName', () => {
  it('cleans forbidden characters and apostrophes at the ends', () => {
    expect(uniqueSheetName('Piano [2025]: controlli/verifiche*?', [])).toBe('Piano 2025 controlli verifiche');
    expect(uniqueSheetName("'Citato'", [])).toBe('Citato');
    expect(uniqueSheetName('   ', [])).toBe('Scheda');
    expect(uniqueSheetName('_Interno', [])).toBe('Interno');
  });

  it('cuts long titles at a word boundary within 31 characters', () => {
    const n = uniqueSheetName('Implementazione del modello operativo del controllo di gestione', []);
    expect(n).toBe('Implementazione del modello');
    expect(n.length).toBeLessThanOrEqual(31);
  });

  it('numbers duplicates case-insensitively and keeps the suffix within 31 characters', () => {
    expect(uniqueSheetName('Trasparenza', ['trasparenza'])).toBe('Trasparenza (2)');
    expect(uniqueSheetName('Trasparenza', ['Trasparenza', 'Trasparenza (2)'])).toBe('Trasparenza (3)');
    const long = 'Abcdefghij Klmnopqrst Uvwxyzabcd Efgh';
    const first = uniqueSheetName(long, []);
    const second = uniqueSheetName(long, [first]);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(uniqueSheetName('Riepilogo', [])).toBe('Riepilogo (2)');
  });

  it('always gives a valid name not yet taken (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }), (title, taken) => {
        const n = uniqueSheetName(title, taken);
        return isValidSheetName(n) && !taken.some((t) => t.toLowerCase() === n.toLowerCase());
      }),
    );
  });
});

describe('readElenco', () => {
  it('finds the header in any order and spelling, skips rows with no title', () => {
    const g = tsvToGrid(
      [
        'Elenco obiettivi 2025',
        '',
        "TIPO\tTitolo\tUNITA'\tDirigente responsabile\tMissione\tProgramma",
        'individuale\tRiordino archivio\tArchivio\tDott. Rossi\t01\t01.02',
        '\t\t\t\t\t',
        'Comune\tSportello unico\tSUAP\t\t14\t',
      ],
      'Elenco',
    );
    expect(readElenco(g)).toEqual([
      { titolo: 'Riordino archivio', dirigente: 'Dott. Rossi', unita: 'Archivio', missione: '01', programma: '01.02', tipo: 'individuale' },
      { titolo: 'Sportello unico', unita: 'SUAP', missione: '14', tipo: 'comune' },
    ]);
  });

  it('reads a bare column of titles', () => {
    const g: Grid = tsvToGrid(['Primo obiettivo', 'Secondo obiettivo'], 'x');
    expect(readElenco(g).map((r) => r.titolo)).toEqual(['Primo obiettivo', 'Secondo obiettivo']);
  });
});

describe('buildSchedeDaElenco', () => {
  it('makes one valid, uniquely named card per row that reads back with its title', async () => {
    const titles = [
      'Trasparenza',
      'Trasparenza',
      'Digitalizzazione [fase 2]: archivio/protocollo',
      'Implementazione del modello operativo del controllo di gestione e del sistema di reporting',
      'Implementazione del modello operativo del controllo di gestione e del sistema di valutazione',
      "'Obiettivo' tra apici",
    ];
    const plan = buildSchedeDaElenco(
      titles.map((titolo, i) => ({ titolo, dirigente: `Dirigente ${i + 1}`, tipo: i % 2 ? 'individuale' : 'comune' })),
      { periodo: { from: 2026, to: 2028 }, tipo: 'comune', azioniPerAnnualita: 4 },
      ['Trasparenza (2)'],
    );
    const cards = plan.sheets!.filter((s) => !s.name.startsWith('_'));
    const names = cards.map((s) => s.name);
    expect(names).toHaveLength(titles.length);
    expect(names.every(isValidSheetName)).toBe(true);
    expect(new Set([...names, 'Trasparenza (2)'].map((n) => n.toLowerCase())).size).toBe(titles.length + 1);
    expect(names.slice(0, 2)).toEqual(['Trasparenza', 'Trasparenza (3)']);
    expect(names[5]).toBe('Obiettivo’ tra apici');
    expect(plan.sheets!.filter((s) => s.name === '_Liste')).toHaveLength(1);

    const { grids } = await roundTrip([plan]);
    const schede = readWorkbook(grids);
    expect(schede.map((s) => s.sheet)).toEqual(names);
    expect(schede.map((s) => s.header.descrizione?.value)).toEqual(titles);
    expect(schede.map((s) => s.tipo)).toEqual(['comune', 'individuale', 'comune', 'individuale', 'comune', 'individuale']);
    expect(schede.every((s) => s.periodo?.from === 2026 && s.annualita[0].anno === 2026)).toBe(true);
  });

  it('does not add the lists sheet twice', () => {
    const plan = buildSchedeDaElenco([{ titolo: 'A' }], { periodo: { from: 2025, to: 2027 }, tipo: 'comune' }, ['_Liste']);
    expect(plan.sheets!.map((s) => s.name)).toEqual(['A']);
    expect(buildSchedeDaElenco([], { periodo: { from: 2025, to: 2027 }, tipo: 'comune' }, [])).toEqual({});
  });
});
