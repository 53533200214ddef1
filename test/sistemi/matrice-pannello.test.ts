/** the task pane over the template's cards: Panoramica names their system, Calcola adds each area's contribution */
import { describe, expect, it } from 'vitest';
import { calcola } from '../../src/domain/calcolo';
import { conGruppi, opzioniCartella, sistemaDellaScheda } from '../../src/domain/sistemi';
import { summarize } from '../../src/taskpane/model';
import { analyse } from '../../src/taskpane/useWorkbook';
import { matriceGrids } from './matrice-seed';

describe('task pane over the template (seed 003)', () => {
  it('lists the three cards as matrice, with the lost mark as avviso, and computes the areas like the CLI', async () => {
    const grids = await matriceGrids();
    const { schede, findings } = analyse(grids);
    expect(schede.map(sistemaDellaScheda)).toEqual(['matrice', 'matrice', 'matrice']);
    const cards = summarize(schede, findings);
    expect(cards.map((c) => c.errori)).toEqual([0, 0, 0]);
    expect(cards[0].titolo).toMatch(/^Prevenzione della Corruzione/);
    const now = new Date(Date.UTC(2025, 0, 20));
    const r = conGruppi(calcola(schede, grids, opzioniCartella(schede, { controlli: findings, now })), schede);
    expect(r.riepilogo.righe.filter((x) => x.tipo === 'obiettivo (matrice)')).toHaveLength(3);
    expect(r.riepilogo.righe.filter((x) => x.tipo === 'contributo area').map((x) => x.peso)).toEqual([4.5, 4.5, 4.5, 4.5, 3.5, 3.5, 3.5, 3.5, 5, 5, 5, 5]);
  });
});
