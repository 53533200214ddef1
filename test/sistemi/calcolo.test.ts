/**
 * Compute on a measured copy of Tortona: Rilevazioni prepared with one row per weighted phase (N. = phase
 * number), completion dates typed as a person does, then one shared compute: each objective's level, the
 * services' and centri's levels weighted by PESO DELL'OBIETTIVO, the Riepilogo rows, partial while phases are unmeasured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findRilevazioni, readRilevazioni } from '../../src/domain/calcolo';
import { type Grid, textAt, utcDate } from '../../src/domain/grid';
import type { CellWrite } from '../../src/domain/plan';
import { calcolaCartella, leggiCartella, schedePerCalcolo, sintesiCartella, controllaCartella } from '../../src/domain/sistemi';
import { preparaRilevazioni } from '../../src/domain/calcolo';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { tortonaXlsx } from './tortona';

const NOW = new Date(Date.UTC(2025, 0, 20, 10, 0));
const CDR07 = 'CdR 07 Lavori pubblici';
const CDR06 = 'CdR 06 Finanziario';

let wb: XlsxWorkbook;
let grids: Grid[];

/** type a completion date on the Rilevazioni row of (sheet, objective, phase) */
async function misura(righe: { foglio: string; scheda: number; n: number; data: Date | string }[]): Promise<void> {
  const g = findRilevazioni(await wb.readSheets())!;
  const t = readRilevazioni(g);
  const cells: CellWrite[] = righe.map((x) => {
    const row = t.rows.find((r) => r.foglio === x.foglio && r.scheda === x.scheda && r.n === x.n);
    if (!row) throw new Error(`riga mancante ${x.foglio} ${x.scheda} ${x.n}`);
    return { sheet: g.name, address: `${String.fromCharCode(65 + t.columns.dataCompletamento!)}${row.row + 1}`, value: x.data };
  });
  await wb.applyWritePlan({ cells });
}

beforeAll(async () => {
  wb = await XlsxWorkbook.fromBuffer(await tortonaXlsx());
  const c = leggiCartella(await wb.readSheets());
  await wb.applyWritePlan(preparaRilevazioni(schedePerCalcolo(c), await wb.readSheets()));
  wb = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
  // CdR 07: every phase measured; Kennedy's last phase late, the PNRR cloud phase late, one phase of Efficientamento late
  const obs07 = c.fasi.filter((o) => o.sheet === CDR07);
  const typed: { foglio: string; scheda: number; n: number; data: Date | string }[] = [];
  for (const ob of obs07) {
    for (const f of ob.fasi) {
      if (!f.peso || !f.applicabile) continue;
      const due = f.data?.date ?? utcDate(2024, 6, 30);
      const late = (ob.dup === '10.5.2' && f.n === 3) || (ob.dup === '3.3.1' && f.n === 5) || (ob.dup === '10.4.1' && f.n === 2);
      typed.push({ foglio: CDR07, scheda: ob.index, n: f.n, data: late ? new Date(due.getTime() + 15 * 86400000) : due });
    }
  }
  // CdR 06: only the Rendiconto (phases typed as text dates, the last one "3.04.2024" on time)
  const rendiconto = c.fasi.find((o) => o.sheet === CDR06 && o.titolo?.value.startsWith('RENDICONTO'))!;
  typed.push({ foglio: CDR06, scheda: rendiconto.index, n: 1, data: '10/02/2024' });
  typed.push({ foglio: CDR06, scheda: rendiconto.index, n: 2, data: '25/03/2024' });
  typed.push({ foglio: CDR06, scheda: rendiconto.index, n: 3, data: '03/04/2024' });
  await misura(typed);
  grids = await wb.readSheets();
});

describe('fasi: compute on a measured copy of Tortona', () => {
  it('prepares one Rilevazioni row per weighted phase, N. = phase number, deadline = DATA ULTIMAZIONE FASE', () => {
    const t = readRilevazioni(findRilevazioni(grids)!);
    const c = leggiCartella(grids);
    const weighted = c.fasi.reduce((n, o) => n + o.fasi.filter((f) => f.peso && f.applicabile).length, 0);
    expect(t.rows).toHaveLength(weighted);
    const kennedy = c.fasi.find((o) => o.dup === '10.5.2')!;
    const r3 = t.rows.find((r) => r.foglio === CDR07 && r.scheda === kennedy.index && r.n === 3)!;
    expect(textAt(findRilevazioni(grids)!, r3.row, t.columns.azione!)).toBe('Avanzamento lavori pari al 45% del contributo PNRR');
    expect(r3.cells.scadenza?.v).toEqual(utcDate(2024, 12, 31));
    // the PNRR objective of CdR 07 weighs its 3rd, 4th and 5th phases: N. 3, 4, 5 (the S.E. ones are not applicable)
    const pnrr = c.fasi.find((o) => o.sheet === CDR07 && o.dup === '3.3.1')!;
    expect(t.rows.filter((r) => r.foglio === CDR07 && r.scheda === pnrr.index).map((r) => r.n)).toEqual([3, 4, 5]);
  });

  it("gives each objective's level (weight done by its date), the service's and centro's weighted by PESO DELL'OBIETTIVO", async () => {
    const c = leggiCartella(grids);
    const r = calcolaCartella(c, grids, { now: NOW });
    const grado = (sheet: string, dup: string | null, titolo?: string) => {
      const ob = c.fasi.find((o) => o.sheet === sheet && (titolo ? o.titolo?.value.startsWith(titolo) : o.dup === dup))!;
      return r.schede.find((e) => e.foglio === sheet && e.scheda === ob.index)!;
    };
    expect(grado(CDR07, '10.5.2').grado).toBe(0.6); // 20 + 40, the 40 late
    expect(grado(CDR07, '3.3.1').grado).toBe(0.8); // 40 + 40, the cloud phase (20) late
    expect(grado(CDR07, '10.4.1').grado).toBe(0.5); // 20 + 30, the 50 late
    expect(grado(CDR07, '10.3.1').grado).toBe(1);
    expect(grado(CDR07, '3.2.2').grado).toBe(1);
    // the anticorruzione phase dated 31.06.2024 cannot be judged: the objective stays partial at phase 2's weight
    const anti = grado(CDR07, '1.1.2');
    expect(anti.rilevate).toBe(1);
    expect(anti.grado).toBe(1);
    expect(grado(CDR06, null, 'RENDICONTO').grado).toBe(1);
    // CdR 07: (5·1 + 5·0,8 + 5·1 + 30·1 + 15·0,5 + 15·1 + 15·0,6) / 90, partial (anticorruzione)
    const g07 = r.gruppi.find((g) => g.tipo === 'centro' && g.foglio === CDR07)!;
    expect(g07.livello).toBeCloseTo((5 + 4 + 5 + 30 + 7.5 + 15 + 9) / 90, 6);
    expect(g07.parziale).toBe(true);
    expect(g07.peso).toBe(90);
    const g06 = r.gruppi.find((g) => g.tipo === 'centro' && g.foglio === CDR06)!;
    expect(g06.livello).toBe(1);
    expect(g06.completi).toBe(1);
    expect(g06.parziale).toBe(true);
    // services of CdR 00: nothing measured
    const segreteria = r.gruppi.find((g) => g.tipo === 'servizio' && g.nome.startsWith('SERVIZIO SEGRETERIA'))!;
    expect(segreteria).toMatchObject({ livello: null, parziale: true, obiettivi: 7, peso: 100 });
    // the summary the front ends show
    const s = sintesiCartella(c, controllaCartella(c), r).find((x) => x.foglio === CDR07 && x.titolo.startsWith('RIPRISTINO'))!;
    expect(s.livelli).toEqual([{ anno: 2024, valore: 0.6, parziale: false, rilevate: 3, totale: 3 }]);

    // the Riepilogo: a row per objective, then the services' and centri's rows
    await wb.applyWritePlan(r.plan);
    const after = await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets();
    const riep = after.find((g) => g.name === r.riepilogo.foglio)!;
    const rows = riep.rows.slice(1).map((row) => row?.map((x) => x?.v ?? null) ?? []);
    expect(rows).toHaveLength(59 + r.gruppi.length);
    const rigaCentro07 = rows.find((x) => x[1] === 'Livello del centro di responsabilità 07 LAVORI PUBBLICI E CUC')!;
    expect(rigaCentro07[8]).toBeCloseTo(g07.livello!, 6);
    // column J is the grade's state ('Stato del grado'), K the weight
    expect(rigaCentro07[10]).toBe(90);
    const rigaKennedy = rows.find((x) => String(x[1]).startsWith('RIPRISTINO DEL POLO SCOLASTICO'))!;
    expect(rigaKennedy.slice(2, 11)).toEqual(['ING. LAURA LUCOTTI', '07 LAVORI PUBBLICI E CUC', 'obiettivo per fasi', 2024, 3, 3, 0.6, 'tutte le azioni rilevate', 15]);
  });
});

describe('fasi: the services\' and centri\'s rows are part of the compute, so undo gives them back', () => {
  it('compute, measure one more phase, compute again, undo: the Riepilogo is the first one, group rows included', async () => {
    const { annullaDettagli } = await import('../../src/domain/calcolo');
    const book = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const riepilogoRows = async () => {
      const gs = await (await XlsxWorkbook.fromBuffer(await book.toBuffer())).readSheets();
      const g = gs.find((x) => x.name === 'Riepilogo')!;
      return g.rows.slice(1).map((row) => (row ?? []).slice(0, 11).map((x) => x?.v ?? null));
    };
    const first = calcolaCartella(leggiCartella(await book.readSheets()), await book.readSheets(), { anno: 2024, now: NOW });
    await book.applyWritePlan(first.plan);
    const before = await riepilogoRows();
    expect(before.some((x) => String(x[1]).startsWith('Livello del centro di responsabilità 07'))).toBe(true);
    // one more phase measured on CdR 06 changes the centro's level
    const gs = await book.readSheets();
    const t = readRilevazioni(findRilevazioni(gs)!);
    const due = (r: (typeof t.rows)[number]) => {
      const v = r.cells.scadenza?.v;
      return typeof v === 'number' || v instanceof Date;
    };
    const row = t.rows.find((r) => r.foglio === CDR06 && r.anno === 2024 && due(r) && (r.cells.dataCompletamento?.v ?? null) === null)!;
    expect(row).toBeDefined();
    await book.applyWritePlan({ cells: [{ sheet: t.sheet, address: `${String.fromCharCode(65 + t.columns.dataCompletamento!)}${row.row + 1}`, value: '01/03/2024' }] });
    const second = calcolaCartella(leggiCartella(await book.readSheets()), await book.readSheets(), { anno: 2024, now: NOW });
    await book.applyWritePlan(second.plan);
    const changed = await riepilogoRows();
    expect(changed).not.toEqual(before);
    const undo = annullaDettagli(await book.readSheets())!;
    expect(undo.rifiuto).toBeUndefined();
    await book.applyWritePlan(undo.plan);
    expect(await riepilogoRows()).toEqual(before);
  });
});
