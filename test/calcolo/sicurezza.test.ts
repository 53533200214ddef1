/** edge cases of safe writing: a user's own "Riepilogo", no Rilevazioni, duplicated rows */
import { describe, expect, it } from 'vitest';
import { annulla, calcola, preparaRilevazioni } from '../../src/domain/calcolo';
import { readWorkbook } from '../../src/domain/scheda';
import { CORPUS, MISURE, NOW, load, reload, snapshot, typeRilevazioni, value } from './helpers';

describe('safe writing', () => {
  it("never replaces a user's own sheet named Riepilogo", async () => {
    const wb = await load(CORPUS);
    let grids = await wb.readSheets();
    await wb.applyWritePlan({
      sheets: [{ name: 'Riepilogo', cells: [{ address: 'A1', value: 'Il mio riepilogo' }, { address: 'B2', value: 42 }] }],
    });
    grids = await wb.readSheets();
    await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
    await typeRilevazioni(wb, MISURE.slice(0, 3));
    const before = snapshot(await wb.readSheets());
    grids = await wb.readSheets();
    const r = calcola(readWorkbook(grids), grids, { now: NOW });
    expect(r.riepilogo.foglio).toBe('Riepilogo calcolo');
    await wb.applyWritePlan(r.plan);
    let after = await (await reload(wb)).readSheets();
    expect(value(after, 'Riepilogo', 'A1')).toBe('Il mio riepilogo');
    expect(value(after, 'Riepilogo', 'B2')).toBe(42);
    expect(value(after, 'Riepilogo calcolo', 'A2')).toBe('01 Trasparenza');
    // the next compute reuses the add-in's own sheet; undo removes it and nothing else
    const r2 = calcola(readWorkbook(after), after, { now: NOW });
    expect(r2.riepilogo.foglio).toBe('Riepilogo calcolo');
    const wb2 = await reload(wb);
    await wb2.applyWritePlan(annulla(await wb2.readSheets())!);
    after = await (await reload(wb2)).readSheets();
    expect(after.map((g) => g.name)).not.toContain('Riepilogo calcolo');
    expect(snapshot(after)).toEqual(before);
  });

  it('without a Rilevazioni sheet: every action reported as unmeasured, no card cell written', async () => {
    const wb = await load(CORPUS);
    const grids = await wb.readSheets();
    const r = calcola(readWorkbook(grids), grids, { now: NOW });
    expect(r.messaggi.join(' ')).toContain('Prepara rilevazioni');
    expect(r.scritte).toBe(0);
    expect(r.plan.cells).toBeUndefined();
    expect(r.schede.every((e) => e.grado === null && e.rilevate === 0)).toBe(true);
    const missing = r.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_MANCANTE');
    expect(missing.length).toBe(r.schede.reduce((n, e) => n + e.azioni.length, 0));
  });

  it('a duplicated Rilevazioni row is reported and the first one is used', async () => {
    const wb = await load(CORPUS);
    let grids = await wb.readSheets();
    await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
    await typeRilevazioni(wb, [{ foglio: '14 Protocollo', anno: 2024, n: 2, valore: '1,8' }]);
    await wb.applyWritePlan({
      cells: [
        { sheet: 'Rilevazioni', address: 'A90', value: '14 Protocollo' },
        { sheet: 'Rilevazioni', address: 'C90', value: 2024 },
        { sheet: 'Rilevazioni', address: 'D90', value: 2 },
        { sheet: 'Rilevazioni', address: 'I90', value: '2,5' },
      ],
    });
    grids = await wb.readSheets();
    const r = calcola(readWorkbook(grids), grids, { now: NOW });
    const dup = r.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA');
    expect(dup).toHaveLength(1);
    expect(dup[0].celle).toEqual(['D90']);
    expect(dup[0].messaggio).toMatch(/riga \d+/);
    const a = r.schede.find((e) => e.foglio === '14 Protocollo')!.azioni.find((x) => x.n === 2)!;
    expect(a.livello).toBe(0.9);
  });
});
