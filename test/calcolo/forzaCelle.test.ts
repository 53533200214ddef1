/** per-cell overwrite (the pane's "Sovrascrivi") and the step-by-step compute behind the progress bar */
import { beforeAll, describe, expect, it } from 'vitest';
import { annulla, calcola, calcolaPassi, preparaRilevazioni, type Progresso } from '../../src/domain/calcolo';
import { readWorkbook } from '../../src/domain/scheda';
import { schedaLabel } from '../../src/domain/scheda/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { CORPUS, MISURE, NOW, cell, load, reload, snapshot, typeRilevazioni, value } from './helpers';

const S = '01 Trasparenza';
let filled: Uint8Array;

beforeAll(async () => {
  const wb = await load(CORPUS);
  const grids = await wb.readSheets();
  await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
  await typeRilevazioni(wb, MISURE);
  // two computed cells typed by hand: "100%" in RAGGIUNTO (text) and 100% in % (a number formatted 0%)
  await wb.applyWritePlan({
    cells: [
      { sheet: S, address: 'H15', value: '100%' },
      { sheet: S, address: 'I17', value: 1, numFmt: '0%' },
    ],
  });
  filled = await wb.toBuffer();
});

async function computeOn(wb: XlsxWorkbook, forzaCelle?: string[]) {
  const grids = await wb.readSheets();
  const r = calcola(readWorkbook(grids), grids, { now: NOW, ...(forzaCelle ? { forzaCelle } : {}) });
  await wb.applyWritePlan(r.plan);
  return r;
}

const conflictCells = (r: ReturnType<typeof calcola>) =>
  r.segnalazioni.filter((f) => f.codice === 'CONFLITTO_MANUALE').map((f) => `${f.foglio}!${f.celle[0]}`).sort();

describe('forzaCelle: overwrite just the chosen hand-typed cells', () => {
  it('keeps hand values by default and reports each one', async () => {
    const wb = await XlsxWorkbook.fromBuffer(filled);
    const r = await computeOn(wb);
    expect(conflictCells(r)).toEqual([`${S}!H15`, `${S}!I17`]);
    expect(r.segnalazioni.find((f) => f.celle[0] === 'I17')?.messaggio).toContain('(«75%»)');
    expect(r.conflitti).toBe(2);
    const grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, 'H15')).toBe('100%');
    expect(value(grids, S, 'I17')).toBe(1);
    expect(value(grids, S, 'I15')).toBeCloseTo(0.7, 9); // an empty computed cell is written
  });

  it('overwrites only the forced cell, in the same plan as the rest, and undo gives the hand value back exactly', async () => {
    const wb = await XlsxWorkbook.fromBuffer(filled);
    const before = await (await reload(wb)).readSheets();
    // "$" and lower case are tolerated in the key
    const r = await computeOn(wb, [`${S}!$i$17`]);
    expect(conflictCells(r)).toEqual([`${S}!H15`]);
    const a3 = r.schede.find((e) => e.foglio === S && e.anno === 2024)!.azioni.find((a) => a.n === 3)!;
    expect(a3.livello).toBe(0.75); // soglia: two hours and a half → 75%
    expect(a3.scrittura).toBe('scritta');
    expect(r.plan.cells?.some((c) => c.sheet === S && c.address === 'I17' && c.value === a3.livello)).toBe(true);

    const computed = await reload(wb);
    let grids = await computed.readSheets();
    expect(value(grids, S, 'I17')).toBe(a3.livello);
    expect(value(grids, S, 'H15')).toBe('100%');

    await computed.applyWritePlan(annulla(grids)!);
    const after = await (await reload(computed)).readSheets();
    expect(value(after, S, 'I17')).toBe(1);
    expect(cell(after, S, 'I17')?.f).toBe('0%');
    expect(value(after, S, 'H15')).toBe('100%');
    // everything else is back as well: the whole workbook equals the one before the compute
    expect(snapshot(after)).toEqual(snapshot(before));
  });

  it('a second compute after Sovrascrivi keeps the overwritten cell as the add-in\'s own', async () => {
    const wb = await XlsxWorkbook.fromBuffer(filled);
    await computeOn(wb); // the first compute: both hand values kept
    const r2 = await computeOn(wb, [`${S}!H15`]); // the pane's Sovrascrivi on H15: one plan
    expect(conflictCells(r2)).toEqual([`${S}!I17`]);
    expect(r2.scritte).toBe(1);
    let grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, 'H15')).toBe('20/01/2025 · ritardo 20 gg');
    const r3 = await computeOn(wb);
    expect(conflictCells(r3)).toEqual([`${S}!I17`]);
    expect(r3.scritte).toBe(0);
    // undo of the Sovrascrivi compute (r3 changed nothing, so it kept that snapshot): the hand text is back
    grids = await (await reload(wb)).readSheets();
    await wb.applyWritePlan(annulla(grids)!);
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, 'H15')).toBe('100%');
    expect(value(grids, S, 'I15')).toBeCloseTo(0.7, 9);
  });
});

describe('calcolaPassi: one compute, one step per card', () => {
  it('yields once per card in order and returns exactly what calcola returns', async () => {
    const wb = await XlsxWorkbook.fromBuffer(filled);
    const grids = await wb.readSheets();
    const schede = readWorkbook(grids);
    const steps: Progresso[] = [];
    const it = calcolaPassi(schede, grids, { now: NOW });
    let s = it.next();
    while (!s.done) {
      steps.push(s.value);
      s = it.next();
    }
    expect(steps.map((p) => p.done)).toEqual(schede.map((_, i) => i + 1));
    expect(new Set(steps.map((p) => p.total))).toEqual(new Set([schede.length]));
    expect(steps.map((p) => p.label)).toEqual(schede.map(schedaLabel));
    expect(s.value).toEqual(calcola(schede, grids, { now: NOW }));
  });

  it('with one year only, still one step per card', async () => {
    const wb = await XlsxWorkbook.fromBuffer(filled);
    const grids = await wb.readSheets();
    const schede = readWorkbook(grids);
    const it = calcolaPassi(schede, grids, { now: NOW, anno: 2025 });
    let n = 0;
    let s = it.next();
    while (!s.done) {
      n++;
      s = it.next();
    }
    expect(n).toBe(schede.length);
    expect(s.value.schede.every((e) => e.anno === 2025)).toBe(true);
  });
});
