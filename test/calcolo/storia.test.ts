/**
 * Undo as a history (issue 11): steps of computes kept in the workbook, no step for a compute that changes
 * nothing, cells found again by card and action after rows move, a damaged record refused whole, text stored
 * without splitting characters; the Riepilogo is the add-in's by identity; a kept hand-typed % is the grade's level.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { annulla, annullaDettagli, calcola, leggiRegistro, preparaRilevazioni, prossimoAnnulla } from '../../src/domain/calcolo';
import { registroPlan, registroVuoto, spezzaTesto, type Registro } from '../../src/domain/calcolo/registro';
import type { Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { MSG_ANNULLA } from '../../src/domain/testi/calcolo';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { CORPUS, MISURE, NOW, cell, load, reload, snapshot, typeRilevazioni, value } from './helpers';

let filled: Uint8Array;

beforeAll(async () => {
  const wb = await load(CORPUS);
  const grids = await wb.readSheets();
  await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
  await typeRilevazioni(wb, MISURE);
  filled = await wb.toBuffer();
});

const fresh = () => XlsxWorkbook.fromBuffer(filled);

async function compute(wb: XlsxWorkbook, now = NOW, opts: { forza?: boolean } = {}) {
  const grids = await wb.readSheets();
  const r = calcola(readWorkbook(grids), grids, { now, ...opts });
  await wb.applyWritePlan(r.plan);
  return r;
}

async function undo(wb: XlsxWorkbook) {
  const r = annullaDettagli(await wb.readSheets());
  if (r && !r.rifiuto) await wb.applyWritePlan(r.plan);
  return r;
}

/** insert `n` empty rows above row `at` (1-based) of a sheet, as Excel's "Inserisci righe" does: merges move too */
async function insertRows(bytes: Uint8Array, sheet: string, at: number, n: number): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const merges = Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges).map((m) => ({ ...m.model }));
  for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  ws.spliceRows(at, 0, ...Array.from({ length: n }, () => []));
  for (const m of merges) {
    const d = m.top >= at ? n : 0;
    ws.mergeCells(m.top + d, m.left, m.bottom + d, m.right);
  }
  return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** replace the bookkeeping's JSON with `json` (as someone editing the very hidden sheet would) */
async function editRegistro(wb: XlsxWorkbook, edit: (r: Record<string, unknown>) => unknown): Promise<void> {
  const grids = await wb.readSheets();
  const g = grids.find((x) => x.name === '_SchedeObiettivi')!;
  const json = g.rows.map((r) => (r?.[0]?.v as string) ?? '').join('');
  const edited = edit(JSON.parse(json) as Record<string, unknown>);
  await wb.applyWritePlan({
    sheets: [{ name: '_SchedeObiettivi', mode: 'replace', visibility: 'veryHidden', cells: [{ address: 'A1', value: JSON.stringify(edited) }] }],
  });
}

describe('undo history', () => {
  it('a compute that changes nothing adds no step: undo after computing twice goes back before the first, and says so', async () => {
    const wb = await fresh();
    const before = snapshot(await wb.readSheets());
    await compute(wb);
    const once = snapshot(await (await reload(wb)).readSheets(), ['_SchedeObiettivi']);
    const r2 = await compute(wb, new Date(NOW.getTime() + 3600_000));
    expect(r2.scritte).toBe(0);
    const grids = await (await reload(wb)).readSheets();
    expect(leggiRegistro(grids).registro.storia).toHaveLength(1);
    expect(prossimoAnnulla(grids)?.tipo).toBe('calcolo');
    // the Riepilogo differs only by "Calcolato il"
    const twice = snapshot(grids, ['_SchedeObiettivi']);
    for (const k of Object.keys(once)) if (!/^Riepilogo!\d+,12$/.test(k)) expect(twice[k]).toEqual(once[k]);
    const u = await undo(wb);
    expect(u?.ripristinate).toBeGreaterThan(40);
    expect(u?.restanti).toBe(0);
    expect(snapshot(await (await reload(wb)).readSheets())).toEqual(before);
    expect(annulla(await (await reload(wb)).readSheets())).toBeNull();
  });

  it('several steps: two computes with a measurement changed in between are undone one at a time', async () => {
    const wb = await fresh();
    const before = snapshot(await wb.readSheets());
    await compute(wb);
    const first = snapshot(await (await reload(wb)).readSheets(), ['_SchedeObiettivi', 'Rilevazioni']);
    await typeRilevazioni(wb, [{ foglio: '14 Protocollo', anno: 2024, n: 2, valore: '2,5' }]);
    const r2 = await compute(wb, new Date(NOW.getTime() + 60_000));
    expect(r2.scritte).toBe(2);
    expect(leggiRegistro(await wb.readSheets()).registro.storia).toHaveLength(2);
    expect(value(await wb.readSheets(), '14 Protocollo', 'I16')).toBeCloseTo(0.7, 9);

    const u1 = await undo(wb);
    expect([u1?.ripristinate, u1?.restanti]).toEqual([2, 1]);
    const mid = await (await reload(wb)).readSheets();
    expect(value(mid, '14 Protocollo', 'I16')).toBeCloseTo(0.9, 9);
    expect(snapshot(mid, ['_SchedeObiettivi', 'Rilevazioni'])).toEqual(first);

    const u2 = await undo(wb);
    expect(u2?.restanti).toBe(0);
    const after = snapshot(await (await reload(wb)).readSheets(), ['Rilevazioni']);
    const beforeCards = Object.fromEntries(Object.entries(before).filter(([k]) => !k.startsWith('Rilevazioni!')));
    expect(after).toEqual(beforeCards);
    expect(annulla(await wb.readSheets())).toBeNull();
  });

  it('after rows are inserted above a card, undo restores the card\'s own cells at their new rows and nothing else', async () => {
    const wb = await fresh();
    await compute(wb);
    const computed = await wb.toBuffer();
    // three rows inserted at the top of "14 Protocollo": its action rows 15-16 are now 18-19
    const moved = await insertRows(computed, '14 Protocollo', 1, 3);
    let grids = await moved.readSheets();
    expect(value(grids, '14 Protocollo', 'I18')).toBeCloseTo(0.8, 9);
    expect(value(grids, '14 Protocollo', 'I15')).toBeNull();
    // something typed where the old rows were: undo must not touch it
    await moved.applyWritePlan({ cells: [{ sheet: '14 Protocollo', address: 'K15', value: 'appunto' }] });
    const beforeUndo = snapshot(await moved.readSheets(), ['Riepilogo', '_SchedeObiettivi']);
    const u = await undo(moved);
    expect(u?.avvisi).toEqual([]);
    grids = await (await reload(moved)).readSheets();
    for (const a of ['H18', 'I18', 'H19', 'I19']) expect(value(grids, '14 Protocollo', a)).toBeNull();
    expect(value(grids, '14 Protocollo', 'K15')).toBe('appunto');
    // on this sheet only the four cells of the card changed: nothing was written at the old addresses
    const changed = Object.entries(beforeUndo).filter(([k]) => k.startsWith('14 Protocollo!'));
    const after = snapshot(grids, ['Riepilogo', '_SchedeObiettivi']);
    expect(changed.filter(([k, v]) => after[k] !== v).map(([k]) => k).sort()).toEqual(['14 Protocollo!17,7', '14 Protocollo!17,8', '14 Protocollo!18,7', '14 Protocollo!18,8']);
    // the action texts are intact
    const s = readWorkbook(grids).find((x) => x.sheet === '14 Protocollo')!;
    expect(s.annualita[0].azioni.map((a) => a.azione?.value.length ?? 0).every((n) => n > 10)).toBe(true);
  });

  it('a cell whose action is gone is not restored, and undo says why', async () => {
    const wb = await fresh();
    await compute(wb);
    // the sheet renamed: its cards cannot be found again by card and action
    await editRegistro(wb, (r) => {
      const storia = r.storia as { celle: { k: string; s: string }[] }[];
      for (const c of storia[0].celle) if (c.s === '20 Lavoro agile') c.k = c.k.replace('|1|2024|1|', '|1|2024|9|');
      return r;
    });
    const u = await undo(wb);
    expect(u?.avvisi.length).toBe(2);
    expect(u?.avvisi[0]).toMatch(/non si trova più/);
    const grids = await (await reload(wb)).readSheets();
    expect(value(grids, '20 Lavoro agile', 'I15')).toBe(1);
    expect(value(grids, '01 Trasparenza', 'I15')).toBeNull();
  });
});

describe('a damaged or hand-edited record is refused whole', () => {
  const cases: [string, (r: Record<string, unknown>) => unknown][] = [
    ['celle not a list', (r) => ({ ...r, storia: [{ ...(r.storia as object[])[0], celle: 5 }] })],
    ['a cell without its key', (r) => ({ ...r, storia: [{ ...(r.storia as object[])[0], celle: [{ s: '01 Trasparenza', a: 'E15', dopo: null, prima: { v: 'x' }, sp: null }] }] })],
    ['a compute step pointing at an AZIONE text cell', (r) => {
      const p = (r.storia as { celle: { k: string; a: string; dopo: unknown }[] }[])[0];
      p.celle[0] = { ...p.celle[0], k: '', a: 'C15' };
      return r;
    }],
    ['an unknown version', (r) => ({ ...r, versione: 7 })],
    ['not an object', () => [1, 2, 3]],
    ['a date that is no date', (r) => ({ ...r, storia: [{ ...(r.storia as object[])[0], quando: 'ieri' }] })],
  ];
  for (const [name, edit] of cases) {
    it(name, async () => {
      const wb = await fresh();
      await compute(wb);
      await editRegistro(wb, edit);
      const before = snapshot(await wb.readSheets());
      const r = annullaDettagli(await wb.readSheets());
      expect(r?.rifiuto).toBe(MSG_ANNULLA.registroIllegibile);
      expect(r?.plan).toEqual({});
      expect(annulla(await wb.readSheets())).toBeNull();
      expect(snapshot(await wb.readSheets())).toEqual(before);
    });
  }

  it('JSON cut in the middle', async () => {
    const wb = await fresh();
    await compute(wb);
    await wb.applyWritePlan({ cells: [{ sheet: '_SchedeObiettivi', address: 'A1', value: '{"versione":2,"scritti":{' }] });
    expect(annullaDettagli(await wb.readSheets())?.rifiuto).toBe(MSG_ANNULLA.registroIllegibile);
  });
});

describe('text stored in chunks', () => {
  it('never splits a surrogate pair, never exceeds the size, and joins back to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (s, size) => {
        const parts = spezzaTesto(s, size);
        expect(parts.join('')).toBe(s);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(size);
          expect(p.length).toBeGreaterThan(0);
          const last = p.charCodeAt(p.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      }),
    );
  });

  it('a record of 200,000 characters full of emoji goes through a real file and reads back identical', async () => {
    const r: Registro = registroVuoto();
    const titolo = `Obiettivo 🎯 «qualità» ${'😀🇮🇹 '.repeat(3000)}`;
    r.riepilogo = {
      foglio: 'Riepilogo',
      righe: Array.from({ length: 5 }, (_, i) => ({
        foglio: `Foglio ${i}`, obiettivo: titolo, dirigente: 'Dott.ssa Rossi', unita: 'Servizi', tipo: 'COMUNE', anno: 2024,
        azioni: 3, rilevate: 2, grado: 0.5, stato: '', peso: 100, segnalazioni: '', calcolatoIl: NOW.toISOString(),
      })),
    };
    const plan = registroPlan(r);
    expect(plan.cells.length).toBeGreaterThan(3);
    for (const c of plan.cells) expect((c.value as string).length).toBeLessThanOrEqual(32767);
    const wb = await load(CORPUS);
    await wb.applyWritePlan({ sheets: [plan] });
    const back = leggiRegistro(await (await reload(wb)).readSheets());
    expect(back.illeggibile).toBe(false);
    const got = back.registro.riepilogo?.righe[4].obiettivo ?? "";
    expect(got.length).toBe(titolo.length);
    expect(got).toBe(titolo);
  });
});

describe('formats come back with the values', () => {
  it('a % cell with a format of its own gets it back after undo', async () => {
    const wb = await fresh();
    await wb.applyWritePlan({ cells: [{ sheet: '01 Trasparenza', address: 'I15', value: null, numFmt: '0.00%' }, { sheet: '01 Trasparenza', address: 'H16', value: null, numFmt: '@' }] });
    await compute(wb);
    let grids = await (await reload(wb)).readSheets();
    expect(cell(grids, '01 Trasparenza', 'I15')?.f).toBe('0%');
    await undo(wb);
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, '01 Trasparenza', 'I15')).toBeNull();
    expect(cell(grids, '01 Trasparenza', 'I15')?.f).toBe('0.00%');
  });
});

describe('the Riepilogo is the add-in\'s by identity', () => {
  const own = (name: string) => ({ name, mode: 'create' as const, cells: [{ address: 'A1', value: 'Note mie' }, { address: 'B2', value: 42 }] });

  it('a user\'s sheet called Riepilogo is neither replaced by calcola nor deleted by annulla', async () => {
    const wb = await fresh();
    await wb.applyWritePlan({ sheets: [own('Riepilogo')] });
    const r = await compute(wb);
    expect(r.riepilogo.foglio).toBe('Riepilogo calcolo');
    let grids = await (await reload(wb)).readSheets();
    expect(value(grids, 'Riepilogo', 'A1')).toBe('Note mie');
    expect(value(grids, 'Riepilogo calcolo', 'A1')).toBe('Foglio');
    await undo(wb);
    grids = await (await reload(wb)).readSheets();
    expect(grids.some((g) => g.name === 'Riepilogo calcolo')).toBe(false);
    expect(value(grids, 'Riepilogo', 'B2')).toBe(42);
  });

  it('the add-in\'s Riepilogo deleted and a user\'s sheet made with its name: the user\'s sheet is left alone', async () => {
    const wb = await fresh();
    await compute(wb);
    await wb.applyWritePlan({ deleteSheets: ['Riepilogo'] });
    await wb.applyWritePlan({ sheets: [own('Riepilogo')] });
    await typeRilevazioni(wb, [{ foglio: '14 Protocollo', anno: 2024, n: 2, valore: '2,5' }]);
    const r = await compute(wb, new Date(NOW.getTime() + 60_000));
    expect(r.riepilogo.foglio).toBe('Riepilogo calcolo');
    let grids = await (await reload(wb)).readSheets();
    expect(value(grids, 'Riepilogo', 'A1')).toBe('Note mie');
    await undo(wb);
    await undo(wb);
    grids = await (await reload(wb)).readSheets();
    expect(value(grids, 'Riepilogo', 'B2')).toBe(42);
    expect(grids.some((g) => g.name === 'Riepilogo calcolo')).toBe(false);
  });

  it('stores and shows full titles, never cut with "…"', async () => {
    const wb = await fresh();
    const lungo = `Garantire la trasparenza amministrativa ${'con pubblicazioni tempestive e complete '.repeat(4)}🎯`;
    const s = readWorkbook(await wb.readSheets()).find((x) => x.sheet === '01 Trasparenza')!;
    await wb.applyWritePlan({ cells: [{ sheet: '01 Trasparenza', address: s.header.descrizione!.cell, value: lungo }] });
    await compute(wb);
    const grids = await (await reload(wb)).readSheets();
    const g = grids.find((x) => x.name === 'Riepilogo')!;
    const row = g.rows.find((r) => r?.[0]?.v === '01 Trasparenza')!;
    expect(row[1]?.v).toBe(lungo);
    expect(leggiRegistro(grids).registro.riepilogo?.righe.find((r) => r.foglio === '01 Trasparenza')?.obiettivo).toBe(lungo);
  });
});

describe('a kept hand-typed % is the level the grade uses', () => {
  it('Protocollo!I15 typed 100% and kept: the grade, the Riepilogo and the card agree, marked as typed by hand', async () => {
    const wb = await fresh();
    await wb.applyWritePlan({ cells: [{ sheet: '14 Protocollo', address: 'I15', value: 1, numFmt: '0%' }] });
    const r = await compute(wb);
    const e = r.schede.find((x) => x.foglio === '14 Protocollo' && x.anno === 2024)!;
    const a1 = e.azioni.find((a) => a.n === 1)!;
    expect([a1.livello, a1.livelloCalcolato, a1.aMano, a1.scrittura]).toEqual([1, 0.8, true, 'conflitto']);
    expect(e.grado).toBeCloseTo(0.4 * 1 + 0.6 * 0.9, 9);
    expect(e.aMano).toBe(1);
    const grids = await (await reload(wb)).readSheets();
    expect(value(grids, '14 Protocollo', 'I15')).toBe(1);
    const row = grids.find((x) => x.name === 'Riepilogo')!.rows.find((x) => x?.[0]?.v === '14 Protocollo')!;
    expect(row[8]?.v).toBeCloseTo(0.94, 9);
    expect(row[9]?.v).toMatch(/1 livello scritto a mano/);
  });

  it('a hand 100% on an action never measured is reported and counted as typed by hand', async () => {
    const wb = await fresh();
    // Residenza: action 2 has no measurement
    const s = readWorkbook(await wb.readSheets()).find((x) => x.sheet === '08 Residenza')!;
    const pc = s.annualita[0].azioni[1].percentuale!.cell;
    await wb.applyWritePlan({ cells: [{ sheet: '08 Residenza', address: pc, value: '100%' }] });
    const r = await compute(wb);
    const e = r.schede.find((x) => x.foglio === '08 Residenza' && x.anno === 2024)!;
    expect(e.parziale).toBe(false);
    expect(e.azioni[1]).toMatchObject({ livello: 1, aMano: true, livelloCalcolato: null });
    const f = r.segnalazioni.filter((x) => x.foglio === '08 Residenza' && x.celle[0] === pc);
    expect(f).toHaveLength(1);
    expect(f[0].codice).toBe('RILEVAZIONE_MANCANTE');
    expect(f[0].messaggio).toMatch(/scritto a mano.*non ha una rilevazione/);
    expect(value(await (await reload(wb)).readSheets(), '08 Residenza', pc)).toBe('100%');
  });
});

describe('the record\'s shape', () => {
  const cella = (k: string) => ({ k, s: 'A|B', a: 'I15', prima: { v: null }, dopo: 0.8, sp: null });
  it('accepts a sheet name holding "|" and reads a first-version record as one step', async () => {
    const { validaRegistro } = await import('../../src/domain/calcolo/registro');
    const v2 = validaRegistro({ versione: 2, scritti: {}, riepilogo: null, storia: [{ tipo: 'calcolo', quando: NOW.toISOString(), celle: [cella('a|b|1|2024|1|p')] }] });
    expect(v2?.storia[0].celle[0].s).toBe('A|B');
    const v1 = validaRegistro({ versione: 1, scritti: {}, riepilogo: null, ultimo: { quando: NOW.toISOString(), celle: [cella('a|b|1|2024|1|r')], riepilogoPrima: null } });
    expect(v1?.storia).toEqual([{ tipo: 'calcolo', quando: NOW.toISOString(), celle: [cella('a|b|1|2024|1|r')], riepilogo: { prima: null } }]);
    // a correction step may only hold PESO/GRADUAZIONE cells, a compute only RAGGIUNTO/%
    expect(validaRegistro({ versione: 2, scritti: {}, riepilogo: null, storia: [{ tipo: 'correzione', quando: NOW.toISOString(), celle: [cella('a|b|1|2024|1|p')] }] })).toBeNull();
    expect(validaRegistro({ versione: 2, scritti: {}, riepilogo: null, storia: [{ tipo: 'calcolo', quando: NOW.toISOString(), celle: [cella('a|b|1|2024|1|peso')] }] })).toBeNull();
  });
});

describe('schede annulla with the history', () => {
  it('undoes step by step, says what is left, and refuses a hand-edited record with exit 2 writing nothing', async () => {
    const { mkdtempSync, existsSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../../src/cli/main');
    const dir = mkdtempSync(join(tmpdir(), 'schede-storia-'));
    const io = () => {
      const o = { stdout: '', stderr: '', cwd: dir, out: (s: string) => void (o.stdout += `${s}\n`), err: (s: string) => void (o.stderr += `${s}\n`) };
      return o;
    };
    const wb = await fresh();
    await compute(wb);
    writeFileSync(join(dir, 'uno.xlsx'), await wb.toBuffer());
    const a = io();
    expect(await main(['annulla', 'uno.xlsx', '--out', 'due.xlsx'], a)).toBe(0);
    expect(a.stdout).toMatch(/Ultimo calcolo annullato: ripristinate \d+ celle \(il calcolo del 03\/02\/2025 09:30\)\./);
    expect(a.stdout).toContain('Non restano altri passi da annullare.');

    await editRegistro(wb, (r) => ({ ...r, storia: [{ ...(r.storia as object[])[0], celle: 'nessuna' }] }));
    writeFileSync(join(dir, 'rotto.xlsx'), await wb.toBuffer());
    const b = io();
    expect(await main(['annulla', 'rotto.xlsx', '--out', 'rotto-annullato.xlsx'], b)).toBe(2);
    expect(b.stderr).toContain('Annullamento rifiutato');
    expect(b.stderr).not.toMatch(/inatteso|iterable/);
    expect(existsSync(join(dir, 'rotto-annullato.xlsx'))).toBe(false);
  });
});
