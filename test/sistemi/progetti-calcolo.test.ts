/**
 * The fund's outcome on a measured copy of Chiari: Rilevazioni prepared with one row per indicator (N. = its
 * position on the project card, PESO = PERCENTUALE PER VERIFICA), some indicators marked achieved or not as a person
 * does, then one shared compute: each project's achievement = Σ PERCENTUALE of its achieved indicators, paid when it
 * reaches its soglia; per sector and in total, with the reserve; partial while indicators are unmeasured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findRilevazioni, preparaRilevazioni, readRilevazioni } from '../../src/domain/calcolo';
import { type Grid, colToLetters } from '../../src/domain/grid';
import type { CellWrite } from '../../src/domain/plan';
import { calcola } from '../../src/domain/calcolo';
import { calcolaCartella, conGruppi, controllaCartella, opzioniCartella, leggiCartella, schedePerCalcolo, type CalcoloCartella } from '../../src/domain/sistemi';
import type { SchedaProgetto } from '../../src/domain/sistemi/progetti/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { chiariXlsx } from './chiari';

const NOW = new Date(Date.UTC(2025, 0, 20, 10, 0));
const SCHEDE = 'Schede progetto';

let wb: XlsxWorkbook;
let grids: Grid[];
let r: CalcoloCartella;
let schede: SchedaProgetto[];

/**
 * what the measured copy says, project by project: indicator n → achieved (true/false) or a level typed by hand
 * (%); projects 14–19 and 21–24 stay unmeasured
 */
const MISURE: Record<number, Record<number, boolean | number>> = {
  1: { 1: true },
  2: { 1: true, 2: true, 3: true, 4: true },
  3: { 1: true },
  4: { 1: true, 2: true, 3: true, 4: false, 5: true }, // 95 ≥ 75
  5: { 1: true, 2: false, 3: true }, // 90 ≥ 80
  6: { 1: true, 2: true, 3: true, 4: true, 5: true },
  7: { 1: true, 2: false }, // 60 < 80: not paid
  8: { 1: true, 2: true, 3: true, 4: true, 5: true },
  9: { 1: true, 2: true, 3: true, 4: true },
  10: { 1: true, 2: true, 3: true, 4: true, 5: false }, // 75 < 90 (the card's soglia)
  11: { 1: true, 2: true, 3: true },
  12: { 1: true, 2: true, 3: true, 4: true },
  13: { 1: true, 2: false }, // 50, at most 70 < 80: not paid though indicator 3 is unmeasured
  20: { 1: 85 }, // a single indicator at 85% ≥ 80
};

beforeAll(async () => {
  wb = await XlsxWorkbook.fromBuffer(await chiariXlsx());
  const c = leggiCartella(await wb.readSheets());
  await wb.applyWritePlan(preparaRilevazioni(schedePerCalcolo(c), await wb.readSheets()));
  wb = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
  const g = findRilevazioni(await wb.readSheets())!;
  const t = readRilevazioni(g);
  const cells: CellWrite[] = [];
  const col = (k: keyof typeof t.columns) => colToLetters(t.columns[k]!);
  schede = c.progetti.filter((x): x is SchedaProgetto => x.tipo === 'scheda');
  for (const [numero, misure] of Object.entries(MISURE)) {
    const s = schede.find((x) => x.numero === Number(numero))!;
    for (const [n, v] of Object.entries(misure)) {
      const row = t.rows.find((x) => x.foglio === SCHEDE && x.scheda === s.index && x.n === Number(n));
      if (!row) throw new Error(`riga mancante: progetto ${numero}, indicatore ${n}`);
      if (typeof v === 'number') {
        cells.push({ sheet: g.name, address: `${col('livelloManuale')}${row.row + 1}`, value: v / 100 });
        cells.push({ sheet: g.name, address: `${col('motivazione')}${row.row + 1}`, value: 'verifica a campione' });
      } else {
        cells.push({ sheet: g.name, address: `${col('livelloManuale')}${row.row + 1}`, value: v ? 1 : 0 });
        cells.push({ sheet: g.name, address: `${col('motivazione')}${row.row + 1}`, value: v ? 'raggiunto' : 'non raggiunto' });
      }
    }
  }
  await wb.applyWritePlan({ cells });
  grids = await wb.readSheets();
  r = calcolaCartella(leggiCartella(grids), grids, { now: NOW });
});

describe('progetti: the fund on a measured copy of Chiari', () => {
  it('prepares one Rilevazioni row per indicator (79), PESO = PERCENTUALE PER VERIFICA', () => {
    const t = readRilevazioni(findRilevazioni(grids)!);
    expect(t.rows.filter((x) => x.foglio === SCHEDE)).toHaveLength(79);
  });

  it("gives each project's achievement as Σ PERCENTUALE of its achieved indicators", () => {
    const grado = (numero: number) => r.schede.find((e) => e.scheda === schede.find((s) => s.numero === numero)!.index)!;
    expect(grado(4).grado).toBeCloseTo(0.95, 6);
    expect(grado(5).grado).toBeCloseTo(0.9, 6);
    expect(grado(7).grado).toBeCloseTo(0.6, 6);
    expect(grado(13).parziale).toBe(true);
    expect(grado(20).grado).toBeCloseTo(0.85, 6);
  });

  it('pays a project when it reaches its soglia (the card’s), not when it can no longer, and waits otherwise', () => {
    const f = r.fondo!;
    const p = (n: number) => f.progetti.find((x) => x.n === n)!;
    expect(p(5)).toMatchObject({ stato: 'pagato', raggiunto: 90, soglia: 80, pagato: 5333.33 });
    expect(p(7)).toMatchObject({ stato: 'non pagato', raggiunto: 60, soglia: 80, nonPagato: 2666.67, mancante: 20 });
    expect(p(10)).toMatchObject({ stato: 'non pagato', raggiunto: 75, soglia: 90 });
    expect(p(13)).toMatchObject({ stato: 'non pagato', raggiunto: 50, massimo: 70, parziale: true });
    expect(p(3)).toMatchObject({ stato: 'pagato', pagato: 15000 });
    expect(p(20)).toMatchObject({ stato: 'pagato', raggiunto: 85 });
    expect(p(14)).toMatchObject({ stato: 'in attesa', raggiunto: null, pagato: 0, nonPagato: 0, mancante: 80 });
    // totals add up: paid + not paid + pending = allocated shares; the reserve is the text's
    const somma = (k: 'pagato' | 'nonPagato') => f.progetti.reduce((x, y) => x + y[k], 0);
    expect(f.totale.pagato).toBeCloseTo(somma('pagato'), 2);
    expect(f.totale.pagato + f.totale.nonPagato + f.totale.inAttesa).toBeCloseTo(f.progetti.reduce((x, y) => x + y.assegnato, 0), 2);
    expect(f.totale.riserva).toBe(28000);
    expect(f.totale.fondo).toBe(91223.09);
    const s2 = f.settori.find((s) => s.settore === 'SETTORE 2')!;
    expect(s2.progetti).toBe(5);
    expect(s2.nonPagato).toBeCloseTo(p(10).assegnato + p(13).assegnato, 2);
    expect(s2.inAttesa).toBeCloseTo(p(14).assegnato, 2);
    expect(f.euroPunto.map((q) => q.importo)).toEqual([35223.09, 13000]);
  });

  it('gives the task pane the same fund outcome when it runs the shared compute itself', () => {
    const c = leggiCartella(grids);
    const schedePane = schedePerCalcolo(c);
    const opts = { now: NOW, controlli: controllaCartella(c) };
    const pane = conGruppi(calcola(schedePane, grids, opzioniCartella(schedePane, opts, c.progetti)), schedePane, c.progetti);
    expect(pane.fondo).toEqual(r.fondo);
    expect(pane.riepilogo.righe).toEqual(r.riepilogo.righe);
  });

  it('writes the projects, sectors and fund rows into the Riepilogo', async () => {
    await wb.applyWritePlan(r.plan);
    const after = await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets();
    const riep = after.find((g) => g.name === r.riepilogo.foglio)!;
    const rows = riep.rows.slice(1).map((row) => row?.map((x) => x?.v ?? null) ?? []);
    expect(rows).toHaveLength(24 + r.fondo!.settori.length + 1);
    const p7 = rows.find((x) => String(x[1]).startsWith('7. '))!;
    expect(p7[4]).toBe('progetto');
    expect(String(p7[9])).toContain('non pagato: € 2.666,67');
    const fondo = rows.find((x) => x[1] === 'Fondo produttività: totale')!;
    expect(String(fondo[9])).toContain('riserva € 28.000,00');
    expect(rows.some((x) => x[1] === 'Fondo del settore: SETTORE 2')).toBe(true);
  });
});
