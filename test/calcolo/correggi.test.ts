/** "Correggi" writes in the cell's own format and is a step of the undo history (issue 11), on real files */
import { describe, expect, it } from 'vitest';
import { annullaDettagli, calcola, prossimoAnnulla } from '../../src/domain/calcolo';
import { checkWorkbook } from '../../src/domain/controlli';
import { readWorkbook } from '../../src/domain/scheda';
import { MSG_ANNULLA } from '../../src/domain/testi/calcolo';
import { correzionePlan } from '../../src/taskpane/model';
import { CORPUS, NOW, cell, load, reload, snapshot, value } from './helpers';

const S = '14 Protocollo';

/** Protocollo's PESI written as percentages (40%, 60%), the first typed as the text "40" in its %-formatted cell */
async function pesoTesto() {
  const wb = await load(CORPUS);
  const s = readWorkbook(await wb.readSheets()).find((x) => x.sheet === S)!;
  const [a1, a2] = s.annualita[0].azioni;
  await wb.applyWritePlan({
    cells: [
      { sheet: S, address: a1.peso!.cell, value: '40', numFmt: '0%' },
      { sheet: S, address: a2.peso!.cell, value: 0.6, numFmt: '0%' },
    ],
  });
  return { wb: await reload(wb), cella: a1.peso!.cell };
}

describe('Correggi', () => {
  it('"Scrivi 40 come numero" on a PESO formatted as % writes 0,4 (shown 40%), and undo gives the text back', async () => {
    const { wb, cella } = await pesoTesto();
    let grids = await wb.readSheets();
    const before = snapshot(grids);
    const f = checkWorkbook(readWorkbook(grids)).find((x) => x.foglio === S && x.celle[0] === cella && x.correzione);
    expect(f?.correzione).toEqual({ tipo: 'peso-numero', foglio: S, cella, valore: 40 });
    await wb.applyWritePlan(correzionePlan(f!.correzione!, grids, NOW));
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, cella)).toBeCloseTo(0.4, 9);
    expect(cell(grids, S, cella)?.f).toBe('0%');
    const s = readWorkbook(grids).find((x) => x.sheet === S)!;
    expect(s.annualita[0].azioni[0].peso?.points).toBe(40);
    // no PESO finding left on the card
    expect(checkWorkbook([s]).filter((x) => x.codice.startsWith('PESO'))).toEqual([]);

    const next = prossimoAnnulla(grids);
    expect(next).toMatchObject({ tipo: 'correzione', descrizione: `${S}!${cella}` });
    expect(MSG_ANNULLA.pulsante(next)).toBe(`Annulla la correzione di ${S}!${cella} (03/02/2025 09:30)`);
    const u = annullaDettagli(grids)!;
    expect([u.ripristinate, u.avvisi, u.restanti]).toEqual([1, [], 0]);
    await wb.applyWritePlan(u.plan);
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, cella)).toBe('40');
    expect(cell(grids, S, cella)?.f).toBe('0%');
    expect(snapshot(grids)).toEqual(before);
  });

  it('a PESO in a General cell is written as 40; in a text-formatted cell the format becomes General', async () => {
    const wb = await load(CORPUS);
    const s = readWorkbook(await wb.readSheets()).find((x) => x.sheet === S)!;
    const c1 = s.annualita[0].azioni[0].peso!.cell;
    await wb.applyWritePlan({ cells: [{ sheet: S, address: c1, value: '40', numFmt: '@' }] });
    let grids = await (await reload(wb)).readSheets();
    const f = checkWorkbook(readWorkbook(grids)).find((x) => x.correzione?.cella === c1)!;
    await wb.applyWritePlan(correzionePlan(f.correzione!, grids, NOW));
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, S, c1)).toBe(40);
    expect(cell(grids, S, c1)?.f ?? 'General').toBe('General');
    await wb.applyWritePlan(annullaDettagli(grids)!.plan);
    grids = await (await reload(wb)).readSheets();
    expect([value(grids, S, c1), cell(grids, S, c1)?.f]).toEqual(['40', '@']);
  });

  it('compute, Correggi, compute: three steps, undone in reverse order', async () => {
    const { wb, cella } = await pesoTesto();
    const compute = async (now: Date) => {
      const g = await wb.readSheets();
      const r = calcola(readWorkbook(g), g, { now });
      await wb.applyWritePlan(r.plan);
      return r;
    };
    const r1 = await compute(NOW);
    let grids = await wb.readSheets();
    const f = checkWorkbook(readWorkbook(grids)).find((x) => x.correzione?.cella === cella)!;
    await wb.applyWritePlan(correzionePlan(f.correzione!, grids, new Date(NOW.getTime() + 60_000)));
    // the same PESO in another form: no card cell changes, but the Riepilogo's Segnalazioni do (fewer warnings)
    const r2 = await compute(new Date(NOW.getTime() + 120_000));
    expect(r2.scritte).toBe(0);
    const avvisi = (r: typeof r1) => r.schede.find((e) => e.foglio === S)!.segnalazioni.avvisi;
    expect(avvisi(r2)).toBeLessThan(avvisi(r1));
    const tipi: string[] = [];
    for (;;) {
      grids = await (await reload(wb)).readSheets();
      const u = annullaDettagli(grids);
      if (!u) break;
      tipi.push(u.passo!.tipo);
      await wb.applyWritePlan(u.plan);
    }
    expect(tipi).toEqual(['calcolo', 'correzione', 'calcolo']);
    expect(value(grids, S, cella)).toBe('40');
    expect(grids.some((g) => g.name === 'Riepilogo' || g.name === '_SchedeObiettivi')).toBe(false);
  });
});
