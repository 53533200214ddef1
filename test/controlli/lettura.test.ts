/**
 * issue 11 item 4 on real .xlsx files: a manual level needs its reason on the Rilevazioni sheet too,
 * N. typed as a number word is read, and the measurement form asks for a proportional target ATTESO lacks.
 */
import { describe, expect, it } from 'vitest';
import { calcola, preparaRilevazioni, readRilevazioni, findRilevazioni } from '../../src/domain/calcolo';
import { parseGraduazione } from '../../src/domain/graduazione';
import { readSchede, readWorkbook } from '../../src/domain/scheda';
import { attesoShown, checkEntry, emptyEntry, entryFromRow, findRow, needsTarget } from '../../src/taskpane/rilevazioniForm';
import { tsvToGrid } from '../helpers/tsvGrid';
import { seedText } from '../scheda/sarzana';
import { CORPUS, NOW, load, reload, typeRilevazioni, value } from '../calcolo/helpers';

describe('a manual level without Motivazione is refused on the Rilevazioni sheet', () => {
  it('RILEVAZIONE_NON_VALIDA on the row\'s Motivazione cell, and the % is not written', async () => {
    const wb = await load(CORPUS);
    let grids = await wb.readSheets();
    await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
    await typeRilevazioni(wb, [
      { foglio: '36 Vita indipendente', anno: 2025, n: 1, livello: 0.8 },
      { foglio: '36 Vita indipendente', anno: 2025, n: 2, livello: '50%', motivazione: 'Mediazione avviata a metà anno' },
    ]);
    grids = await (await reload(wb)).readSheets();
    const r = calcola(readWorkbook(grids), grids, { now: NOW });
    const t = readRilevazioni(findRilevazioni(grids)!);
    const row = findRow(t, '36 Vita indipendente', 1, 2025, 1)!;
    expect(row).toBeDefined();
    const nv = r.segnalazioni.filter((f) => f.codice === 'RILEVAZIONE_NON_VALIDA');
    expect(nv).toHaveLength(1);
    expect(nv[0]!.foglio).toBe('Rilevazioni');
    expect(nv[0]!.messaggio).toMatch(/non ha una motivazione/);
    expect(nv[0]!.messaggio).toContain(nv[0]!.celle[0]!);
    expect(nv[0]!.celle[0]).toMatch(new RegExp(`^[A-Z]+${row.row + 1}$`));
    await wb.applyWritePlan(r.plan);
    const after = await (await reload(wb)).readSheets();
    // action 1 of 2025 (row 23) stays uncomputed, action 2 (row 24) has its 50%
    expect(value(after, '36 Vita indipendente', 'I23')).toBeNull();
    expect(value(after, '36 Vita indipendente', 'I24')).toBeCloseTo(0.5, 9);
  });
});

describe('N. typed as a number word', () => {
  it('"uno", "Due", "tre." are read as 1, 2, 3', () => {
    const lines = seedText(3, 45);
    const words = ['uno', 'Due', 'tre.'];
    let k = 0;
    for (let i = 0; i < lines.length && k < words.length; i++) {
      const f = lines[i]!.split('\t');
      if (/^\d$/.test(f[0]!) && Number(f[0]) === k + 1 && f[1]) {
        f[0] = words[k++]!;
        lines[i] = f.join('\t');
      }
    }
    expect(k).toBe(3);
    const [s] = readSchede(tsvToGrid(lines, 'Scheda'));
    expect(s!.annualita[0]!.azioni.map((a) => a.n)).toEqual([1, 2, 3]);
  });
});

describe('the form asks for the target when ATTESO gives no number', () => {
  const grad = 'Conseguimento del livello atteso= 100% Svolgimento di un numero inferiore di servizi=graduazione proporzionale.';
  const rule = parseGraduazione(grad, { atteso: 'Svolgimento di almeno un servizio al giorno.' });
  it('shows ATTESO and requires the target for a number', () => {
    expect(needsTarget(rule)).toBe(true);
    expect(attesoShown(rule)).toBe('ATTESO: Svolgimento di almeno un servizio al giorno.');
    const none = checkEntry({ ...emptyEntry('proporzionale'), valore: '200' }, rule, emptyEntry('proporzionale'));
    expect(none.errors.target).toMatch(/valore atteso/);
    expect(none.values.valore).toBeUndefined();
    const bad = checkEntry({ ...emptyEntry('proporzionale'), valore: '200', target: 'molti' }, rule, emptyEntry('proporzionale'));
    expect(bad.errors.target).toBeDefined();
  });
  it('writes "valore su atteso" and reads it back into the two fields', () => {
    const c = checkEntry({ ...emptyEntry('proporzionale'), valore: '200', target: '365' }, rule, emptyEntry('proporzionale'));
    expect(c.errors).toEqual({});
    expect(c.values.valore).toEqual({ value: '200 su 365' });
    const back = entryFromRow({ valore: { v: '200 su 365', t: '200 su 365' } }, 'proporzionale');
    expect([back.valore, back.target]).toEqual(['200', '365']);
    // a percentage of the expected level needs no target
    const pct = checkEntry({ ...emptyEntry('proporzionale'), valore: '80%' }, rule, emptyEntry('proporzionale'));
    expect(pct.errors).toEqual({});
  });
  it('with a number in ATTESO nothing more is asked', () => {
    const r = parseGraduazione(grad, { atteso: '365 servizi' });
    expect(needsTarget(r)).toBe(false);
    expect(checkEntry({ ...emptyEntry('proporzionale'), valore: '200' }, r, emptyEntry('proporzionale')).values.valore).toEqual({ value: 200 });
  });
});
