/**
 * End to end, as users work: prepare Rilevazioni on 19 real Sarzana cards, type measurements
 * (every rule kind), compute, save, and read the file back with a second ExcelJS load.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { annulla, calcola, preparaRilevazioni } from '../../src/domain/calcolo';
import type { Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { CORPUS, MISURE, NOW, cell, load, reload, snapshot, typeRilevazioni, value } from './helpers';


/** [sheet, RAGGIUNTO cell, % cell, level, RAGGIUNTO text] */
const ATTESI: [string, string, string, number, string][] = [
  ['01 Trasparenza', 'H15', 'I15', 0.7, '20/01/2025 · ritardo 20 gg'],
  ['01 Trasparenza', 'H16', 'I16', 1, 'nei termini'],
  ['01 Trasparenza', 'H17', 'I17', 0.75, '2,5 ore'],
  ['02 Formazione', 'H15', 'I15', 1, '10/06/2024 · nei termini'],
  ['02 Formazione', 'H16', 'I16', 0.5, '15/08/2024 · ritardo 26 gg'],
  ['02 Formazione', 'H17', 'I17', 0.8, 'ritardo 12 gg'],
  ['02 Formazione', 'H18', 'I18', 0.5, '31/01/2025 · ritardo 31 gg'],
  ['07 Sito web', 'H14', 'I14', 1, '30/05/2024 · nei termini'],
  ['07 Sito web', 'H15', 'I15', 0.7, '10/08/2024 · ritardo 11 gg'],
  ['07 Sito web', 'H16', 'I16', 0.5, '15/10/2024 · ritardo 45 gg'],
  ['07 Sito web', 'H17', 'I17', 0, '20/03/2025 · ritardo 79 gg'],
  ['08 Residenza', 'I16', 'J16', 0.7, '85%'],
  ['14 Protocollo', 'H15', 'I15', 0.8, '85%'],
  ['14 Protocollo', 'H16', 'I16', 0.9, '1,8'],
  ['20 Lavoro agile', 'H15', 'I15', 1, 'Sì'],
  ['35 Polizia Locale', 'H15', 'I15', 0.9, '90 su 100'],
  ['35 Polizia Locale', 'H16', 'I16', 1, '52 su 52'],
  ['35 Polizia Locale', 'H17', 'I17', 0.8, '80%'],
  ['35 Polizia Locale', 'H18', 'I18', 1, '438 su 365'],
  ['35 Polizia Locale', 'H19', 'I19', 0.6, '60%'],
  ['36 Vita indipendente', 'H16', 'I16', 1, '30/06/2024 · nei termini'],
  ['36 Vita indipendente', 'H17', 'I17', 0.8, '15/07/2024 · ritardo 15 gg'],
  ['36 Vita indipendente', 'H18', 'I18', 0.5, '15/02/2025 · ritardo 46 gg'],
  ['36 Vita indipendente', 'H23', 'I23', 0.8, 'Valutazione manuale: 80%'],
  ['36 Vita indipendente', 'H24', 'I24', 0.5, 'Valutazione manuale: 50%'],
  ['36 Vita indipendente', 'H25', 'I25', 1, 'Valutazione manuale: 100%'],
];

/** card levels Σ(PESO×level)/Σ(PESO), worked out by hand from the PESI of the seed */
const GRADI: [string, number, number, number, number][] = [
  // sheet, year, level, actions, measured
  ['01 Trasparenza', 2024, 0.5 * 0.7 + 0.25 * 1 + 0.25 * 0.75, 3, 3],
  ['02 Formazione', 2024, 0.25 * 1 + 0.2 * 0.5 + 0.4 * 0.8 + 0.15 * 0.5, 4, 4],
  ['07 Sito web', 2024, 0.4 * 1 + 0.1 * 0.7 + 0.3 * 0.5 + 0.2 * 0, 4, 4],
  ['08 Residenza', 2024, 0.7, 2, 1],
  ['14 Protocollo', 2024, 0.4 * 0.8 + 0.6 * 0.9, 2, 2],
  ['20 Lavoro agile', 2024, 1, 1, 1],
  // five actions of PESO 25 (the card's PESI add up to 125: the level still divides by Σ PESO)
  ['35 Polizia Locale', 2024, (0.9 + 1 + 0.8 + 1 + 0.6) / 5, 5, 5],
  ['36 Vita indipendente', 2024, 0.6 * 1 + 0.2 * 0.8 + 0.2 * 0.5, 3, 3],
  ['36 Vita indipendente', 2025, 0.6 * 0.8 + 0.2 * 0.5 + 0.2 * 1, 3, 3],
];

let filled: Uint8Array;

async function fresh(): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(filled);
}

async function compute(wb: XlsxWorkbook, opts: { forza?: boolean; anno?: number } = {}) {
  const grids = await wb.readSheets();
  const r = calcola(readWorkbook(grids), grids, { now: NOW, ...opts });
  await wb.applyWritePlan(r.plan);
  return r;
}

function riepilogoRow(grids: Grid[], foglio: string, anno: number): (string | number | boolean | Date | null)[] | undefined {
  const g = grids.find((x) => x.name === 'Riepilogo')!;
  const row = g.rows.find((r) => r?.[0]?.v === foglio && r?.[5]?.v === anno);
  return row ? Array.from({ length: 13 }, (_, c) => row[c]?.v ?? null) : undefined;
}

beforeAll(async () => {
  const wb = await load(CORPUS);
  const grids = await wb.readSheets();
  await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
  const again = await reload(wb);
  await typeRilevazioni(again, MISURE);
  filled = await again.toBuffer();
});

describe('calcola on real Sarzana cards', () => {
  it('writes RAGGIUNTO and % of every measured action, read back from the saved file', async () => {
    const wb = await fresh();
    const r = await compute(wb);
    expect(r.schede.filter((e) => e.rilevate > 0).map((e) => e.foglio)).toEqual(
      expect.arrayContaining(['01 Trasparenza', '02 Formazione', '07 Sito web', '08 Residenza', '14 Protocollo', '20 Lavoro agile', '35 Polizia Locale', '36 Vita indipendente']),
    );
    const kinds = new Set(r.schede.flatMap((e) => e.azioni.filter((a) => a.livello !== null).map((a) => a.tipo)));
    expect([...kinds].sort()).toEqual(['binario', 'manuale', 'percentuale', 'proporzionale', 'scadenza', 'soglia']);
    const grids = await (await reload(wb)).readSheets();
    for (const [sheet, rc, pc, level, text] of ATTESI) {
      expect(value(grids, sheet, rc), `${sheet}!${rc}`).toBe(text);
      expect(value(grids, sheet, pc), `${sheet}!${pc}`).toBeCloseTo(level, 9);
      expect(cell(grids, sheet, pc)?.f, `${sheet}!${pc}`).toMatch(/%/);
    }
    // an unmeasured action stays empty and is reported
    expect(value(grids, '08 Residenza', 'I17')).toBeNull();
    expect(r.segnalazioni.some((f) => f.codice === 'RILEVAZIONE_MANCANTE' && f.foglio === '08 Residenza' && f.celle[0] === 'I17')).toBe(true);
    expect(r.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA')).toEqual([]);
    expect(r.conflitti).toBe(0);
  });

  it('computes each card level and lists it in the Riepilogo with data bars', async () => {
    const wb = await fresh();
    const r = await compute(wb);
    const grids = await (await reload(wb)).readSheets();
    const riep = grids.find((g) => g.name === 'Riepilogo')!;
    expect(riep.rows[0]?.map((c) => c?.v)).toEqual([
      'Foglio', 'Obiettivo', 'Dirigente', 'Unità', 'Tipo', 'Anno', 'Azioni', 'Azioni rilevate',
      'Grado di raggiungimento', 'Stato del grado', "Peso dell'obiettivo", 'Segnalazioni', 'Calcolato il',
    ]);
    for (const [sheet, anno, grado, azioni, rilevate] of GRADI) {
      const e = r.schede.find((x) => x.foglio === sheet && x.anno === anno)!;
      expect(e.grado, sheet).toBeCloseTo(grado, 9);
      const row = riepilogoRow(grids, sheet, anno)!;
      expect(row[6], sheet).toBe(azioni);
      expect(row[7], sheet).toBe(rilevate);
      expect(row[8] as number, sheet).toBeCloseTo(grado, 6);
      expect((row[12] as Date).toISOString()).toBe(NOW.toISOString());
    }
    // one row per card and annualità: 19 cards, 36 annualità with actions
    expect(riep.rows.filter((x) => x?.[0]?.v).length - 1).toBe(r.schede.length);
    const vita = riepilogoRow(grids, '36 Vita indipendente', 2024)!;
    expect(vita.slice(2, 5)).toEqual(['Davide Capellari', 'Distretto Sociosanitario', 'INDIVIDUALE']);
    expect(vita[10]).toBe(100);
    // a grade is never shown as final when it is not: partial, or on weights that do not add up to 100
    expect(riepilogoRow(grids, '08 Residenza', 2024)![9]).toBe('parziale: 1 di 2 azioni rilevate');
    expect(riepilogoRow(grids, '35 Polizia Locale', 2024)![9]).toBe('pesi che sommano a 125 invece di 100');
    expect(riepilogoRow(grids, '01 Trasparenza', 2024)![9]).toBe('tutte le azioni rilevate');
    // the card with no measurement has no level (not 0%), and its state says why
    expect(riepilogoRow(grids, '03 Rogito', 2024)![9]).toMatch(/^parziale: 0 di \d azioni rilevate$/);
    expect(riepilogoRow(grids, '03 Rogito', 2024)![8]).toBeNull();
    const plan = r.plan.sheets!.find((s) => s.name === 'Riepilogo')!;
    expect(plan.conditionalFormats?.[0]).toMatchObject({ type: 'dataBar', range: `I2:I${r.schede.length + 1}` });
    expect(plan.charts?.[0]).toMatchObject({ type: 'bar', values: `I2:I${r.schede.length + 1}` });
    // the bookkeeping travels with the file, very hidden
    expect(grids.find((g) => g.name === '_SchedeObiettivi')?.visibility).toBe('veryHidden');
  });

  it('computes one annualità only when asked', async () => {
    const wb = await fresh();
    const r = await compute(wb, { anno: 2025 });
    expect(new Set(r.schede.map((e) => e.anno))).toEqual(new Set([2025]));
    const grids = await (await reload(wb)).readSheets();
    expect(value(grids, '36 Vita indipendente', 'I23')).toBeCloseTo(0.8, 9);
    expect(value(grids, '36 Vita indipendente', 'I16')).toBeNull();
  });
});

describe('nothing a person typed is lost', () => {
  it('keeps a hand-typed RAGGIUNTO and reports it; --forza overwrites it; undo brings it back', async () => {
    const wb = await fresh();
    await wb.applyWritePlan({ cells: [{ sheet: '01 Trasparenza', address: 'H15', value: '100%' }] });
    const r = await compute(wb);
    const conflicts = r.segnalazioni.filter((f) => f.codice === 'CONFLITTO_MANUALE');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ foglio: '01 Trasparenza', celle: ['H15'], gravita: 'avviso' });
    expect(conflicts[0].messaggio).toContain('«100%»');
    let grids = await (await reload(wb)).readSheets();
    expect(value(grids, '01 Trasparenza', 'H15')).toBe('100%');
    expect(value(grids, '01 Trasparenza', 'I15')).toBeCloseTo(0.7, 9); // the empty % cell is written

    // someone changes a computed % by hand: the next compute keeps it
    const wb2 = await reload(wb);
    await wb2.applyWritePlan({ cells: [{ sheet: '01 Trasparenza', address: 'I16', value: 0.95 }] });
    const r2 = await compute(wb2);
    expect(r2.segnalazioni.filter((f) => f.codice === 'CONFLITTO_MANUALE').map((f) => f.celle[0]).sort()).toEqual(['H15', 'I16']);
    grids = await (await reload(wb2)).readSheets();
    expect(value(grids, '01 Trasparenza', 'I16')).toBe(0.95);

    // forced: both written; undo gives the hand-typed values back
    const wb3 = await reload(wb2);
    const r3 = await compute(wb3, { forza: true });
    expect(r3.conflitti).toBe(0);
    grids = await (await reload(wb3)).readSheets();
    expect(value(grids, '01 Trasparenza', 'H15')).toBe('20/01/2025 · ritardo 20 gg');
    expect(value(grids, '01 Trasparenza', 'I16')).toBe(1);
    const wb4 = await reload(wb3);
    await wb4.applyWritePlan(annulla(await wb4.readSheets())!);
    grids = await (await reload(wb4)).readSheets();
    expect(value(grids, '01 Trasparenza', 'H15')).toBe('100%');
    expect(value(grids, '01 Trasparenza', 'I16')).toBe(0.95);
  });

  it('undo restores every cell exactly as before the compute and removes the Riepilogo', async () => {
    const wb = await fresh();
    // a % cell typed by hand with a format of its own, overwritten by a forced compute
    await wb.applyWritePlan({ cells: [{ sheet: '14 Protocollo', address: 'I15', value: 0.5, numFmt: '0.00' }] });
    const before = await (await reload(wb)).readSheets();
    await compute(wb, { forza: true });
    const computed = await reload(wb);
    expect(value(await computed.readSheets(), '14 Protocollo', 'I15')).toBeCloseTo(0.8, 9);
    const plan = annulla(await computed.readSheets());
    expect(plan).not.toBeNull();
    await computed.applyWritePlan(plan!);
    const after = await (await reload(computed)).readSheets();
    expect(after.map((g) => g.name)).toEqual(before.map((g) => g.name));
    expect(snapshot(after)).toEqual(snapshot(before));
    expect(cell(after, '14 Protocollo', 'I15')?.f).toBe('0.00');
    // nothing more to undo
    expect(annulla(after)).toBeNull();
  });

  it('computing twice gives the same cells, and undo still goes back to before the first compute', async () => {
    const wb = await fresh();
    const before = snapshot(await wb.readSheets());
    await compute(wb);
    const once = await reload(wb);
    const first = snapshot(await once.readSheets());
    const r2 = await compute(once);
    expect(r2.scritte).toBe(0);
    const twice = await reload(once);
    expect(snapshot(await twice.readSheets())).toEqual(first);
    await twice.applyWritePlan(annulla(await twice.readSheets())!);
    expect(snapshot(await (await reload(twice)).readSheets())).toEqual(before);
  });

  it('a changed measurement recomputes; undo goes back to the previous compute', async () => {
    const wb = await fresh();
    await compute(wb);
    const first = snapshot(await (await reload(wb)).readSheets());
    await typeRilevazioni(wb, [{ foglio: '14 Protocollo', anno: 2024, n: 2, valore: '2,5' }]);
    const afterTyping = snapshot(await (await reload(wb)).readSheets(), ['Riepilogo', '_SchedeObiettivi']);
    const r = await compute(wb);
    expect(r.scritte).toBe(2);
    let grids = await (await reload(wb)).readSheets();
    expect(value(grids, '14 Protocollo', 'I16')).toBeCloseTo(0.7, 9);
    expect(value(grids, '14 Protocollo', 'H16')).toBe('2,5');
    await wb.applyWritePlan(annulla(grids)!);
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, '14 Protocollo', 'I16')).toBeCloseTo(0.9, 9);
    expect(snapshot(grids, ['Riepilogo', '_SchedeObiettivi'])).toEqual(afterTyping);
    // the Riepilogo is the first compute's again
    expect(snapshot(grids, [])).toMatchObject(
      Object.fromEntries(Object.entries(first).filter(([k]) => k.startsWith('Riepilogo!'))),
    );
  });
});

describe('bad measurements', () => {
  it('each gives a clear Italian finding on its cell and changes nothing else', async () => {
    const good = await fresh();
    await compute(good);
    const goodGrids = await (await reload(good)).readSheets();

    const bad = await fresh();
    await typeRilevazioni(bad, [
      { foglio: '03 Rogito', anno: 2024, n: 1, data: 'fine gennaio' },
      { foglio: '03 Rogito', anno: 2024, n: 2, valore: 'abc' },
      { foglio: '03 Rogito', anno: 2024, n: 3, valore: '-5 gg' },
      { foglio: '08 Residenza', anno: 2024, n: 1, valore: '250%' },
    ]);
    const r = await compute(bad);
    const badGrids = await (await reload(bad)).readSheets();
    const nv = r.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA');
    expect(nv).toHaveLength(4);
    for (const f of nv) {
      expect(f.foglio).toBe('Rilevazioni');
      expect(f.gravita).toBe('errore');
      expect(f.celle).toHaveLength(1);
      expect(f.messaggio).toContain(f.celle[0]);
    }
    const msgs = nv.map((f) => f.messaggio).join('\n');
    expect(msgs).toMatch(/"fine gennaio"\) non è una data/);
    expect(msgs).toMatch(/"abc"/);
    expect(msgs).toMatch(/"-5 gg"/);
    expect(msgs).toMatch(/"250%"/);
    // the bad rows stay uncomputed; Residenza's % is not written
    expect(value(badGrids, '08 Residenza', 'J16')).toBeNull();
    expect(value(badGrids, '03 Rogito', 'I15')).toBeNull();
    // every other card cell is what the good run wrote
    const cards = (g: Grid[]) => snapshot(g, ['Rilevazioni', 'Riepilogo', '_SchedeObiettivi']);
    const expected = cards(goodGrids);
    delete expected['08 Residenza!15,8'];
    delete expected['08 Residenza!15,9'];
    expect(cards(badGrids)).toEqual(expected);
  });
});
