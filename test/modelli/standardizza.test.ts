import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScheda } from '../../src/domain/controlli';
import { parseA1, type Grid } from '../../src/domain/grid';
import { buildListe, standardizza } from '../../src/domain/modelli';
import { readSchede, readWorkbook } from '../../src/domain/scheda';
import type { Scheda } from '../../src/domain/scheda/types';
import { seedLines, tsvToGrid } from '../helpers/tsvGrid';
import { gridOf, roundTrip } from './helpers';
import { SEED_SARZANA } from '../helpers/shared';

const SEED = readFileSync(SEED_SARZANA, 'utf8');

function seedCard(from: number, to: number, name: string, percentAsNumber = false): { grid: Grid; scheda: Scheda } {
  const grid = tsvToGrid(seedLines(SEED, from, to), name, { cleanHtml: true, percentAsNumber });
  const [scheda] = readSchede(grid);
  return { grid, scheda };
}

/** what matters of the actions: annualità, N., PESO points, AZIONE and GRADUAZIONE text */
function actions(s: Scheda) {
  return s.annualita.map((a) => a.azioni.map((az) => [a.n, az.peso?.points ?? null, az.azione?.value ?? '', az.graduazione?.value ?? '']));
}

describe('standardizza', () => {
  it('rebuilds the Sarzana typo card (URP, seed 525-561) into a clean card with the same actions and weights', async () => {
    const { grid, scheda } = seedCard(525, 561, '13 URP');
    expect(scheda.annualita.flatMap((a) => a.azioni)).toHaveLength(3);
    const { plan, changes } = standardizza(scheda, { grid, existingSheetNames: ['13 URP'] });
    expect(plan.name).toBe('13 URP std');

    const { grids } = await roundTrip([{ sheets: [plan, buildListe()] }]);
    const [std] = readSchede(gridOf(grids, '13 URP std'));
    expect(actions(std)).toEqual(actions(scheda));
    expect(std.annualita.map((a) => a.azioni.map((az) => az.peso?.forma))).toEqual([['intero'], ['intero'], ['intero']]);
    expect(std.annualita.map((a) => a.azioni[0].tempi?.text)).toEqual(['31/12/2024', '31/12/2025', '31/12/2026']);
    expect(std.periodo).toEqual({ from: 2024, to: 2026 });
    expect(std.tipo).toBe('individuale');
    expect(std.titolo?.value).toBe('OBIETTIVO GESTIONALE 2024 – 2026 □ COMUNE X INDIVIDUALE');
    expect(std.header.descrizione?.value).toBe(scheda.header.descrizione?.value);
    expect(std.header.baseline?.value).toBe(scheda.header.baseline?.value);
    expect(std.header.target?.value).toBe(scheda.header.target?.value);
    expect(std.header.unitaResponsabile?.value).toBe('Ufficio per le Relazioni con il pubblico');
    expect(std.header.missione?.value).toBe('Missione 01 – Servizi istituzionali, generali e di gestione');
    expect(std.header.programma?.value).toBe('Programma 11');
    expect(changes).toContain(
      '«Missione 01» (C2) scritto come nella classificazione nazionale: «Missione 01 – Servizi istituzionali, generali e di gestione».',
    );
    expect(std.risorse.map((r) => r.azione?.value)).toEqual(scheda.risorse.map((r) => r.azione?.value));
    expect(std.pesatura?.criteri.map((c) => c.nome)).toEqual([
      'RILEVANZA PER I CITTADINI',
      'INNOVATIVITÀ DEL PROCESSO',
      'COMPLESSITÀ IN TERMINI ORGANIZZATIVI',
      "BENEFICIO ECONOMICO PER L'ENTE",
    ]);
    expect(checkScheda(std).filter((f) => f.gravita === 'errore')).toEqual([]);

    expect(changes).toContain('Intestazione «PESS» (B14, B19, B24) corretta in «PESO».');
    expect(changes).toContain('Etichetta «Struttura di processo basante» (A7) corretta in «Situazione di partenza (baseline)».');
    expect(changes.some((c) => c.startsWith('Titolo «OBBIETTIVO GESTIONALE'))).toBe(true);
    expect(changes).toContain('Piano operativo 1° annualità: 1 azione riportata.');
  });

  it('removes a spacer column and turns PESO written as text into numbers (Sarzana card 8, seed 316-349)', async () => {
    const lines = seedLines(SEED, 316, 349);
    // PESO "50" typed as text "50,00%" on the first action, as some cards do
    lines[331 - 316] = lines[331 - 316].replace(/^1\t50\t/, '1\t50,00%\t');
    const grid = tsvToGrid(lines, '08 Residenza', { cleanHtml: true });
    const [scheda] = readSchede(grid);
    const { plan, changes } = standardizza(scheda, { grid, periodo: { from: 2024, to: 2026 } });
    expect(changes.some((c) => /colonna vuota di separazione \(F\)/.test(c))).toBe(true);
    expect(changes.some((c) => c.startsWith('PESO «50,00%» (B16) scritto come numero 50'))).toBe(true);

    const { grids } = await roundTrip([{ sheets: [plan] }]);
    const [std] = readWorkbook(grids);
    expect(actions(std)).toEqual(actions(scheda));
    const first = std.annualita[0].azioni;
    expect(first.map((a) => a.peso?.raw)).toEqual([50, 50]);
    expect(first.map((a) => a.atteso?.text)).toEqual(scheda.annualita[0].azioni.map((a) => a.atteso?.text));
    expect(checkScheda(std).filter((f) => f.codice.startsWith('PESO'))).toEqual([]);
  });

  it('carries the PESATURA weights and the financial rows over', async () => {
    const lines = seedLines(SEED, 525, 561);
    lines[557 - 525] = 'Capitolo di PEG\t212192\t15000\t\t\tFondi regionali\t\t\t\t\t\t';
    lines[561 - 525] = "RELEVANZA PER I CITTADINI\t30\tINNOVATIVITA' DEL PROCESSO\t20\tCOMPLESSITA' IN TERMINI ORGANIZZATIVI\t25\tENERGIA IMPIEGATA PER L'ENTE\t25\t100";
    lines[560 - 525] = "CRITERIO\tPESS\tCRITERIO\tPESS\tCRITERIO\tPESS\tCRITERIO\tPESS\tPESS TOTALE DELL'OBIETTIVO";
    const grid = tsvToGrid(lines, 'URP', { cleanHtml: true });
    const [scheda] = readSchede(grid);
    const { plan } = standardizza(scheda, { grid });
    const { grids } = await roundTrip([{ sheets: [plan] }]);
    const [std] = readWorkbook(grids);
    expect(std.pesatura?.criteri.map((c) => c.peso)).toEqual([30, 20, 25, 25]);
    const fin = std.finanziaria[0];
    expect(fin.capitolo.value).toBe('212192');
    expect(fin.stanziamenti.map((x) => [x.anno, x.value])).toEqual([
      [2024, 15000],
      [2025, null],
      [2026, null],
    ]);
    expect(fin.note?.value).toBe('Fondi regionali');
    const tot = std.pesatura!.totale!.cell;
    const g = gridOf(grids, plan.name);
    const pos = parseA1(tot)!;
    const at = g.rows[pos.r]?.[pos.c];
    expect(at?.formula).toBe(`SUM(${std.pesatura!.criteri.map((c) => c.cell).join(',')})`);
  });
});
