import { beforeAll, describe, expect, it } from 'vitest';
import { preparaRilevazioniDettagli, readDateCell, readLevelCell, readRilevazioni } from '../../src/domain/calcolo';
import { type Cell, type Grid, utcDate } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import type { Scheda } from '../../src/domain/scheda/types';
import { CORPUS, load, reload, value } from './helpers';

const c = (v: Cell['v'], f?: string, t = ''): Cell => ({ v, t, ...(f ? { f } : {}) });

function grid(name: string, rows: (Cell['v'] | Cell)[][]): Grid {
  return {
    name,
    merges: [],
    rows: rows.map((r) => r.map((x) => (x === null ? undefined : typeof x === 'object' && !(x instanceof Date) ? x : c(x as Cell['v'])))),
  };
}

describe('values as people type them', () => {
  it('reads completion dates: real dates, serials with a date format, dd/mm/yyyy, dd.mm.yy', () => {
    expect(readDateCell(c(utcDate(2025, 1, 20)))).toEqual({ ok: true, date: utcDate(2025, 1, 20) });
    expect(readDateCell(c(45677, 'dd/mm/yyyy'))).toEqual({ ok: true, date: utcDate(2025, 1, 20) });
    expect(readDateCell(c('20/01/2025'))).toEqual({ ok: true, date: utcDate(2025, 1, 20) });
    expect(readDateCell(c('20.01.25'))).toEqual({ ok: true, date: utcDate(2025, 1, 20) });
    expect(readDateCell(c('31/06/2024'))).toEqual({ ok: false, impossible: true });
    expect(readDateCell(c('fine gennaio'))).toEqual({ ok: false, impossible: false });
    expect(readDateCell(c(12))).toEqual({ ok: false, impossible: false });
  });

  it('reads manual levels: 0,8 formatted as %, "80%", 80, 0,8; rejects 250% and words', () => {
    expect(readLevelCell(c(0.8, '0%'))).toBeCloseTo(0.8);
    expect(readLevelCell(c('80%'))).toBeCloseTo(0.8);
    expect(readLevelCell(c('80,5 %'))).toBeCloseTo(0.805);
    expect(readLevelCell(c(80))).toBeCloseTo(0.8);
    expect(readLevelCell(c('0,8'))).toBeCloseTo(0.8);
    expect(readLevelCell(c(1, '0%'))).toBe(1);
    expect(readLevelCell(c(0))).toBe(0);
    expect(readLevelCell(c(2.5, '0%'))).toBeNull();
    expect(readLevelCell(c('250%'))).toBeNull();
    expect(readLevelCell(c(-10))).toBeNull();
    expect(readLevelCell(c('molto'))).toBeNull();
  });
});

describe('readRilevazioni', () => {
  it('finds the header by its labels in any row, tolerating case, accents and extra columns', () => {
    const g = grid('Rilevazioni', [
      ['Rilevazioni 2024 — compilare le colonne gialle'],
      [],
      ['Mio appunto', 'FOGLIO', 'scheda', 'anno', 'N', 'Azione', 'Tipo', 'Scadenza', 'Data di completamento', 'Valore rilevato', 'Livello manuale', 'Motivazione', 'Note'],
      ['x', 'Trasparenza', null, 2024, 1, 'Ripristino', 'Scadenza', utcDate(2024, 12, 31), utcDate(2025, 1, 20)],
      [],
      [null, 'Trasparenza', 2, '2024', '3', null, null, null, null, '2,5'],
      [null, 'Trasparenza', 1, 'duemila', 2],
    ]);
    const t = readRilevazioni(g);
    expect(t.headerRow).toBe(2);
    expect(t.columns).toMatchObject({ foglio: 1, scheda: 2, anno: 3, n: 4, dataCompletamento: 8, valore: 9, livelloManuale: 10 });
    expect(t.rows.map((r) => [r.row, r.foglio, r.scheda, r.anno, r.n])).toEqual([
      [3, 'Trasparenza', 1, 2024, 1],
      [5, 'Trasparenza', 2, 2024, 3],
      [6, 'Trasparenza', 1, null, 2],
    ]);
    expect(t.rows[2].key).toBeNull();
    expect(t.problems).toEqual([{ cell: 'D7', message: expect.stringContaining('"duemila"') }]);
    expect(t.lastRow).toBe(6);
  });

  it('reports a sheet without a header', () => {
    const t = readRilevazioni(grid('Rilevazioni', [['appunti'], ['altro']]));
    expect(t.headerRow).toBe(-1);
    expect(t.rows).toEqual([]);
  });
});

describe('preparaRilevazioni', () => {
  let schede: Scheda[];
  let grids: Grid[];
  beforeAll(async () => {
    grids = await (await load(CORPUS)).readSheets();
    schede = readWorkbook(grids);
  });

  it('creates the sheet: one pre-filled row per action, an Excel table, dates as dd/mm/yyyy', () => {
    const r = preparaRilevazioniDettagli(schede, grids);
    const actions = schede.reduce((n, s) => n + s.annualita.reduce((m, a) => m + a.azioni.length, 0), 0);
    expect(r.aggiunte).toBe(actions);
    const sp = r.plan.sheets![0];
    expect(sp.name).toBe('Rilevazioni');
    expect(sp.tables?.[0]).toMatchObject({ name: 'TabRilevazioni', range: `A1:M${actions + 1}` });
    const at = (a: string) => sp.cells.find((x) => x.address === a);
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1', 'J1', 'K1', 'L1', 'M1'].map((a) => at(a)?.value)).toEqual([
      'Foglio', 'Scheda', 'Anno', 'N.', 'Azione', 'Tipo', 'Scadenza', 'Data completamento', 'Valore rilevato',
      'Livello manuale (%)', 'Motivazione', 'Note', 'Stato',
    ]);
    expect([at('A2')?.value, at('B2')?.value, at('C2')?.value, at('D2')?.value, at('F2')?.value]).toEqual(['01 Trasparenza', 1, 2024, 1, 'Scadenza']);
    expect(at('G2')?.value).toEqual(utcDate(2024, 12, 31));
    expect(at('G2')?.style?.numFmt).toBe('dd/mm/yyyy');
    expect(at('H2')?.style).toMatchObject({ numFmt: 'dd/mm/yyyy', locked: false });
    expect(at('F4')?.value).toBe('Soglia');
  });

  it('on an existing sheet appends only what is missing, keeps typed cells, marks vanished actions', async () => {
    const wb = await load(CORPUS);
    const g0 = await wb.readSheets();
    await wb.applyWritePlan(preparaRilevazioniDettagli(readWorkbook(g0), g0).plan);
    // a person types a value, adds a row for a card that no longer exists, and an own column
    await wb.applyWritePlan({
      cells: [
        { sheet: 'Rilevazioni', address: 'H2', value: utcDate(2025, 1, 20) },
        { sheet: 'Rilevazioni', address: 'N1', value: 'Verificato da' },
        { sheet: 'Rilevazioni', address: 'N2', value: 'Rossi' },
        { sheet: 'Rilevazioni', address: 'A85', value: 'Foglio cancellato' },
        { sheet: 'Rilevazioni', address: 'C85', value: 2024 },
        { sheet: 'Rilevazioni', address: 'D85', value: 1 },
        { sheet: 'Rilevazioni', address: 'I85', value: 'sì' },
      ],
    });
    let wb2 = await reload(wb);
    let grids2 = await wb2.readSheets();
    // the row of 02 Formazione n. 4 is cleared, as if deleted by hand
    const ril = grids2.find((g) => g.name === 'Rilevazioni')!;
    const idx = ril.rows.findIndex((r) => r?.[0]?.v === '02 Formazione' && r?.[3]?.v === 4);
    await wb2.applyWritePlan({ cells: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((col) => ({ sheet: 'Rilevazioni', address: `${col}${idx + 1}`, value: null })) });
    grids2 = await wb2.readSheets();
    const before = grids2.find((g) => g.name === 'Rilevazioni')!;

    const r = preparaRilevazioniDettagli(readWorkbook(grids2), grids2);
    expect(r.aggiunte).toBe(1);
    expect(r.orfane).toBe(1);
    // no write touches a cell that holds something
    for (const w of r.plan.cells!) {
      const p = w.address.match(/^([A-Z]+)(\d+)$/)!;
      const existing = before.rows[Number(p[2]) - 1]?.[p[1].charCodeAt(0) - 65];
      if (w.address !== 'M85') expect(existing?.v ?? null, w.address).toBeNull();
    }
    await wb2.applyWritePlan(r.plan);
    wb2 = await reload(wb2);
    const after = await wb2.readSheets();
    expect(value(after, 'Rilevazioni', 'M85')).toBe('Azione non più presente');
    expect(value(after, 'Rilevazioni', 'H2')).toEqual(utcDate(2025, 1, 20));
    expect(value(after, 'Rilevazioni', 'N2')).toBe('Rossi');
    expect(value(after, 'Rilevazioni', 'A86')).toBe('02 Formazione');
    expect(value(after, 'Rilevazioni', 'D86')).toBe(4);
    expect(value(after, 'Rilevazioni', 'G86')).toEqual(utcDate(2024, 12, 31));
    // running it again changes nothing
    const again = preparaRilevazioniDettagli(readWorkbook(after), after);
    expect(again).toMatchObject({ aggiunte: 0, orfane: 0, plan: {} });
  });
});
