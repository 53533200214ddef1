/**
 * Compute on a measured copy of the template (seed 003): Rilevazioni prepared with one row per indicator with a
 * target (N. = its position in RISULTATO ATTESO), values typed as a person does, then one shared compute: each
 * indicator against its target, the objective's level, each area's weighted contribution in the Riepilogo,
 * partial while indicators are unmeasured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findRilevazioni, preparaRilevazioni, readRilevazioni } from '../../src/domain/calcolo';
import { colToLetters, type Grid } from '../../src/domain/grid';
import type { CellWrite } from '../../src/domain/plan';
import { calcolaCartella, leggiCartella, schedePerCalcolo, sintesiCartella, controllaCartella, type Cartella } from '../../src/domain/sistemi';
import { contributiAree, testoTarget } from '../../src/domain/sistemi/matrice';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { FOGLIO_MATRICE, matriceXlsx, seedMatrice } from './matrice-seed';

const NOW = new Date(Date.UTC(2025, 0, 20, 10, 0));
let wb: XlsxWorkbook;
let grids: Grid[];
let cartella: Cartella;

async function misura(righe: { scheda: number; n: number; valore: string }[]): Promise<void> {
  const g = findRilevazioni(await wb.readSheets())!;
  const t = readRilevazioni(g);
  const cells: CellWrite[] = righe.map((x) => {
    const row = t.rows.find((r) => r.foglio === FOGLIO_MATRICE && r.scheda === x.scheda && r.n === x.n);
    if (!row) throw new Error(`riga mancante ${x.scheda} ${x.n}`);
    return { sheet: g.name, address: `${colToLetters(t.columns.valore!)}${row.row + 1}`, value: x.valore };
  });
  await wb.applyWritePlan({ cells });
}

beforeAll(async () => {
  wb = await XlsxWorkbook.fromBuffer(await matriceXlsx());
  const c = leggiCartella(await wb.readSheets());
  await wb.applyWritePlan(preparaRilevazioni(schedePerCalcolo(c), await wb.readSheets()));
  wb = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
  // card d (3rd): SPID services 12% (target 10%: met), cloud 100% (met), digital signature 85% (target 90%: not met);
  // the yes/no "si" and the last three are not measured yet
  await misura([
    { scheda: 3, n: 1, valore: '12%' },
    { scheda: 3, n: 2, valore: '100%' },
    { scheda: 3, n: 4, valore: '85%' },
  ]);
  grids = await wb.readSheets();
  cartella = leggiCartella(grids);
});

describe('matrice: compute on a measured copy of the template', () => {
  it('prepares one Rilevazioni row per indicator with a target, the target read as "at least" it', () => {
    const t = readRilevazioni(findRilevazioni(grids)!);
    const attese = cartella.matrice.reduce((n, c) => n + c.indicatori.filter((i) => i.target?.text).length, 0);
    expect(t.rows).toHaveLength(attese);
    expect(t.rows.filter((r) => r.scheda === 3).map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const d = cartella.matrice[2];
    expect(d.indicatori.map(testoTarget)).toEqual(['almeno 10%', 'almeno 100%', 'si', 'almeno 90%', 'almeno 100%', 'almeno 100%', 'almeno 100%']);
    // the seed writes card d's targets on line 85-91, column 5
    expect(seedMatrice()[84].split('\t')[4]).toBe('10%');
  });

  it("gives card d's level from its measured indicators, partial, and each area's contribution = level × % di contribuzione", () => {
    const r = calcolaCartella(cartella, grids, { now: NOW, controlli: controllaCartella(cartella) });
    const e = r.schede.find((x) => x.foglio === FOGLIO_MATRICE && x.scheda === 3)!;
    expect(e.rilevate).toBe(3);
    expect(e.azioni).toHaveLength(7);
    expect(e.grado).toBeCloseTo(2 / 3, 6);
    expect(e.parziale).toBe(true);
    const aree = r.aree!.filter((a) => a.scheda === 3);
    expect(aree.map((a) => a.area)).toEqual(['AMMINISTRATIVO', 'FINANZIARIO', 'TECNICO', 'VIGILANZA']);
    for (const a of aree) {
      expect(a.contributo).toBeCloseTo((2 / 3) * 0.25, 6);
      expect(a.pesoAssoluto).toBe(5); // Esito 20 × 25%, as the seed writes
      expect(a.parziale).toBe(true);
    }
    // the Riepilogo: the card's row says its system, then one row per area with its contribution and peso assoluto
    const righe = r.riepilogo.righe;
    const i = righe.findIndex((x) => x.obiettivo.startsWith('Informatizzazione'));
    expect(righe[i].tipo).toBe('obiettivo (matrice)');
    expect(righe.slice(i + 1, i + 5).map((x) => [x.unita, x.tipo, x.peso, Math.round(x.grado! * 1e4) / 1e4])).toEqual([
      ['AMMINISTRATIVO', 'contributo area', 5, 0.1667],
      ['FINANZIARIO', 'contributo area', 5, 0.1667],
      ['TECNICO', 'contributo area', 5, 0.1667],
      ['VIGILANZA', 'contributo area', 5, 0.1667],
    ]);
    expect(righe[i + 1].stato).toBe(righe[i].stato);
    expect(righe[i].stato).toBeTruthy();
    const riep = r.plan.sheets!.find((s) => s.name === r.riepilogo.foglio)!;
    expect(riep.cells.some((c) => typeof c.value === 'string' && c.value.startsWith("Contributo dell'area VIGILANZA"))).toBe(true);
    // unmeasured cards: no level, no contribution yet
    const a = r.aree!.filter((x) => x.scheda === 1);
    expect(a.every((x) => x.livello === null && x.contributo === null && x.pesoAssoluto === 4.5)).toBe(true);
    const s = sintesiCartella(cartella, r.segnalazioni, r);
    expect(s[2].livelli[0]).toMatchObject({ rilevate: 3, totale: 7, parziale: true });
  });

  it('contributiAree is pure: without a compute the areas have their peso assoluto and no contribution', () => {
    const b = cartella.matrice[1];
    expect(contributiAree(b).map((a) => [a.area, a.contribuzione, a.pesoAssoluto, a.contributo, a.parziale])).toEqual([
      ['AMMINISTRATIVO', 0.25, 3.5, null, true],
      ['FINANZIARIO', 0.25, 3.5, null, true],
      ['TECNICO', 0.25, 3.5, null, true],
      ['VIGILANZA', 0.25, 3.5, null, true],
    ]);
  });
});
