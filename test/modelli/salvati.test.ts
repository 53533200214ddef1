import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textAt } from '../../src/domain/grid';
import { buildFromTemplate, listTemplates, pianoNuoveSchede, saveAsTemplate, shiftFormula } from '../../src/domain/modelli';
import { readSchede, readWorkbook } from '../../src/domain/scheda';
import { seedLines, tsvToGrid } from '../helpers/tsvGrid';
import { gridOf, roundTrip } from './helpers';
import { SEED_SARZANA } from '../helpers/shared';
import { exceljsOf } from '../helpers/exceljs';

const SEED = readFileSync(SEED_SARZANA, 'utf8');

describe('Salva come modello', () => {
  it('keeps the layout of a non-standard card with inputs cleared, and makes new cards from it', async () => {
    // the Sarzana typo card, as it is, in a workbook
    const grid = tsvToGrid(seedLines(SEED, 525, 561), 'URP', { cleanHtml: true });
    const [scheda] = readSchede(grid);
    const save = saveAsTemplate(grid, scheda, 'Modello URP');
    expect(save.sheets?.[0]).toMatchObject({ name: '_Modello_Modello URP', visibility: 'veryHidden', mode: 'replace' });

    const { grids } = await roundTrip([save]);
    expect(gridOf(grids, '_Modello_Modello URP').visibility).toBe('veryHidden');
    expect(readWorkbook(grids)).toEqual([]);
    expect(listTemplates(grids).map((t) => [t.nome, t.predefinito])).toEqual([
      ['Obiettivo gestionale (standard)', true],
      ['Modello URP', false],
    ]);

    const built = buildFromTemplate(grids, 'modello urp', {
      nomeFoglio: 'Nuovo URP',
      periodo: { from: 2025, to: 2027 },
      tipo: 'comune',
      titolo: 'Sportello universitario decentrato',
      dirigente: 'Dirigente Area 1',
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const out = await roundTrip([{ sheets: [built.plan] }]);
    const g = gridOf(out.grids, 'Nuovo URP');
    const [s] = readSchede(g);
    expect(s.periodo).toEqual({ from: 2025, to: 2027 });
    expect(s.tipo).toBe('comune');
    expect(s.header.descrizione?.value).toBe('Sportello universitario decentrato');
    expect(s.header.dirigente?.value).toBe('Dirigente Area 1');
    // layout kept: the same labels (typos included) in the same cells, the inputs empty
    expect(textAt(g, 2, 0)).toBe('Linea programmatica di bilancio');
    expect(textAt(g, 13, 1)).toBe('PESS');
    expect(s.annualita).toHaveLength(3);
    expect(s.annualita.map((a) => a.anno)).toEqual([2025, 2026, 2027]);
    expect(s.annualita.every((a) => a.azioni.length === 0)).toBe(true);
    expect(s.header.baseline).toBeUndefined();
    expect(s.finanziaria.flatMap((f) => f.stanziamenti.map((x) => x.anno))).toContain(2027);
    expect((await exceljsOf(out.wb)).getWorksheet('Nuovo URP')!.getCell('B15').dataValidation).toMatchObject({ type: 'whole' });
  });

  it('is used by name for new cards, and an unknown name is an Italian message', async () => {
    const grid = tsvToGrid(seedLines(SEED, 525, 561), 'URP', { cleanHtml: true });
    const [scheda] = readSchede(grid);
    const { grids } = await roundTrip([saveAsTemplate(grid, scheda, 'Sportello')]);
    const r = pianoNuoveSchede([{ titolo: 'Uno' }, { titolo: 'Uno' }], { periodo: { from: 2026, to: 2028 }, tipo: 'individuale' }, grids, 'Sportello');
    expect(r.ok && r.fogli).toEqual(['Uno', 'Uno (2)']);
    const missing = buildFromTemplate(grids, 'Inesistente', { nomeFoglio: 'X' });
    expect(missing).toEqual({ ok: false, message: 'Modello «Inesistente» non trovato. Modelli disponibili: Obiettivo gestionale (standard), Sportello.' });
  });

  it('moves the row numbers of formula references, leaving strings and functions alone', () => {
    expect(shiftFormula('IF(COUNT(B15:B19)=0,"",SUM($B$15:$B$19))', 2)).toBe('IF(COUNT(B17:B21)=0,"",SUM($B$17:$B$21))');
    expect(shiftFormula('LOG10(A1)&"B2"', 3)).toBe('LOG10(A4)&"B2"');
  });
});
