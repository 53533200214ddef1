import { describe, expect, it } from 'vitest';
import { parseGraduazione, parseMeasurement } from '../../src/domain/graduazione';
import { readRilevazioni } from '../../src/domain/calcolo/rilevazioni';
import { refKey } from '../../src/domain/calcolo/azioni';
import { utcDate, type Cell, type Grid } from '../../src/domain/grid';
import {
  checkEntry,
  emptyEntry,
  entryFromRow,
  findRow,
  measureField,
  parseDateIt,
  parseLivello,
  scritturePerRighe,
  writesFor,
  type Entry,
} from '../../src/taskpane/rilevazioniForm';

const scadenza = parseGraduazione(
  'Nessun ritardo rispetto alla data del 31/12/2024 = 100%. Ritardo fino a 30gg. = 70%. Ritardo fino a 60 gg. = 40%.',
  { anno: 2024 },
);
const ore = parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.', { anno: 2024 });
const perc = parseGraduazione('Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%', { anno: 2024 });
const manuale = parseGraduazione('Coinvolgere il servizio ASL Assistenza Disabili', { anno: 2024 });

const with_ = (kind: Parameters<typeof emptyEntry>[0], patch: Partial<Entry>): Entry => ({ ...emptyEntry(kind), ...patch });

describe('the rules used here are what the test expects', () => {
  it('parses the sample rules to their kinds', () => {
    expect([scadenza.kind, ore.kind, perc.kind, manuale.kind]).toEqual(['scadenza', 'soglia', 'percentuale', 'manuale']);
    expect(measureField('scadenza')).toBe('data');
    expect(measureField('binario')).toBe('siNo');
    expect(measureField('manuale')).toBeNull();
    expect(measureField('proporzionale')).toBe('valore');
  });
});

describe('checkEntry', () => {
  it('writes a completion date as a real date', () => {
    const c = checkEntry(with_('scadenza', { data: '20/01/2025' }), scadenza, emptyEntry('scadenza'));
    expect(c.errors).toEqual({});
    expect(c.values.dataCompletamento).toEqual({ value: utcDate(2025, 1, 20), numFmt: 'dd/mm/yyyy' });
  });

  it('gives the core message for an impossible date, and writes nothing', () => {
    const c = checkEntry(with_('scadenza', { data: '31/06/2025' }), scadenza, emptyEntry('scadenza'));
    const core = parseMeasurement('31/06/2025', scadenza);
    expect(core.ok).toBe(false);
    expect(c.errors.data).toBe(core.ok ? '' : core.message);
    expect(c.values).toEqual({});
  });

  it('writes numbers as numbers and percentages as fractions with a % format', () => {
    const n = checkEntry(with_('soglia', { valore: '2,5' }), ore, emptyEntry('soglia'));
    expect(n.values.valore).toEqual({ value: 2.5 });
    const p = checkEntry(with_('percentuale', { valore: '85%' }), perc, emptyEntry('percentuale'));
    expect(p.errors).toEqual({});
    expect(p.values.valore?.value).toBeCloseTo(0.85, 10);
    expect(p.values.valore?.numFmt).toBe('0%');
  });

  it('rejects text that is not a number with the core message', () => {
    const c = checkEntry(with_('soglia', { valore: 'abc' }), ore, emptyEntry('soglia'));
    const core = parseMeasurement('abc', ore);
    expect(c.errors.valore).toBe(core.ok ? '' : core.message);
    expect(c.errors.valore).toBeTruthy();
  });

  it('requires a reason for a manual level and a level within 0..100', () => {
    const noReason = checkEntry(with_('manuale', { livello: '80' }), manuale, emptyEntry('manuale'));
    expect(noReason.errors.motivazione).toBeTruthy();
    const tooHigh = checkEntry(with_('manuale', { livello: '120', motivazione: 'ok' }), manuale, emptyEntry('manuale'));
    expect(tooHigh.errors.livello).toBeTruthy();
    const ok = checkEntry(with_('manuale', { livello: '72,5%', motivazione: 'Incontri svolti: 3 su 4' }), manuale, emptyEntry('manuale'));
    expect(ok.errors).toEqual({});
    expect(ok.values.livelloManuale?.value).toBeCloseTo(0.725, 10);
    expect(ok.values.livelloManuale?.numFmt).toBe('0.0%');
    expect(ok.values.motivazione).toEqual({ value: 'Incontri svolti: 3 su 4' });
  });

  it('writes only what changed, and clears what was emptied', () => {
    const initial = with_('soglia', { valore: '3' });
    expect(checkEntry(initial, ore, initial).values).toEqual({});
    expect(checkEntry({ ...initial, valore: '' }, ore, initial).values).toEqual({ valore: { value: null } });
    // switching the manual level off clears it
    const man = with_('soglia', { manuale: true, livello: '50', motivazione: 'x' });
    expect(checkEntry({ ...man, manuale: false }, ore, man).values).toEqual({ livelloManuale: { value: null } });
  });
});

describe('reading and writing the Rilevazioni sheet', () => {
  const c = (v: Cell['v'], f?: string): Cell => ({ v, t: '', ...(f ? { f } : {}) });
  const header = ['Foglio', 'Scheda', 'Anno', 'N.', 'Azione', 'Tipo', 'Scadenza', 'Data completamento', 'Valore rilevato', 'Livello manuale (%)', 'Motivazione', 'Note'];
  const grid: Grid = {
    name: 'Rilevazioni',
    merges: [],
    rows: [
      header.map((h) => c(h)),
      [c('Trasparenza'), c(1), c(2024), c(1), c('Ripristino'), c('Scadenza'), c(utcDate(2024, 12, 31)), c(utcDate(2025, 1, 20))],
      [c('Trasparenza'), c(1), c(2024), c(3), c('Formazione'), c('Soglia'), undefined, undefined, c(2), c(0.5, '0%'), c('Ore ridotte')],
    ],
  };
  const t = readRilevazioni(grid);

  it('prefills the form from the row', () => {
    const r1 = findRow(t, 'Trasparenza', 1, 2024, 1);
    expect(entryFromRow(r1?.cells, 'scadenza')).toMatchObject({ data: '20/01/2025', manuale: false });
    const r3 = findRow(t, 'trasparenza', 1, 2024, 3);
    expect(entryFromRow(r3?.cells, 'soglia')).toMatchObject({ valore: '2', manuale: true, livello: '50', motivazione: 'Ore ridotte' });
    expect(findRow(t, 'Trasparenza', 1, 2025, 1)).toBeUndefined();
  });

  it('turns a checked entry into writes on the row’s cells', () => {
    const row = findRow(t, 'Trasparenza', 1, 2024, 3)!;
    const initial = entryFromRow(row.cells, 'soglia');
    const w = writesFor(t, row.row, checkEntry({ ...initial, valore: '3' }, ore, initial));
    expect(w).toEqual([{ sheet: 'Rilevazioni', address: 'I3', value: 3 }]);
  });
});

describe('writing on the sheet as it is now', () => {
  const c = (v: Cell['v'], f?: string): Cell => ({ v, t: '', ...(f ? { f } : {}) });
  const header = ['Foglio', 'Scheda', 'Anno', 'N.', 'Azione', 'Tipo', 'Scadenza', 'Data completamento', 'Valore rilevato', 'Livello manuale (%)', 'Motivazione', 'Note'];
  const row1 = [c('Trasparenza'), c(1), c(2024), c(1), c('Ripristino'), c('Scadenza'), c(utcDate(2024, 12, 31))];
  const row3 = [c('Trasparenza'), c(1), c(2024), c(3), c('Formazione'), c('Soglia'), undefined, undefined, c(2)];
  const table = (...rows: (Cell | undefined)[][]) => readRilevazioni({ name: 'Rilevazioni', merges: [], rows: [header.map((h) => c(h)), ...rows] });
  const scheda = { sheet: 'Trasparenza', index: 1 } as never;
  const refs = [
    { scheda, anno: 2024, n: 1, rule: scadenza },
    { scheda, anno: 2024, n: 3, rule: ore },
  ] as never[];
  const opened = table(row1, row3);
  const initial = Object.fromEntries(
    refs.map((r: { scheda: { sheet: string; index: number }; anno: number; n: number; rule: typeof ore }) => {
      const row = findRow(opened, r.scheda.sheet, r.scheda.index, r.anno, r.n)!;
      return [refKey(r as never), { entry: entryFromRow(row.cells, r.rule.kind), row: row.row }];
    }),
  );
  const key3 = Object.keys(initial)[1]!;
  const entries = { [key3]: { ...initial[key3]!.entry, valore: '3' } };

  it('finds the rows again: after a sort the value goes to the row that now holds the action', () => {
    expect(Object.keys(initial)).toHaveLength(2);
    const sorted = table(row3, row1);
    const r = scritturePerRighe(sorted, refs, initial, entries);
    expect(r.cambiate).toEqual([]);
    expect(r.writes).toEqual([{ sheet: 'Rilevazioni', address: 'I2', value: 3 }]);
    expect(r.count).toBe(1);
  });
  it('a row someone changed since the form was opened is reported with its address, never overwritten', () => {
    const edited = table(row1, [...row3.slice(0, 8), c(7)]);
    const r = scritturePerRighe(edited, refs, initial, entries);
    expect(r.writes).toEqual([]);
    expect(r.cambiate).toEqual(['Rilevazioni!3']);
  });
  it('a row that is gone is reported by its action; an unchanged entry needs no row at all', () => {
    const r = scritturePerRighe(table(row1), refs, initial, entries);
    expect(r.cambiate).toEqual(['Trasparenza azione 3']);
    expect(scritturePerRighe(table(row1), refs, initial, {}).cambiate).toEqual([]);
  });
});

describe('small parsers', () => {
  it('parseDateIt accepts real dd/mm/yyyy dates only', () => {
    expect(parseDateIt('20/01/2025')).toEqual(utcDate(2025, 1, 20));
    expect(parseDateIt('5.3.25')).toEqual(utcDate(2025, 3, 5));
    expect(parseDateIt('31/06/2025')).toBeNull();
    expect(parseDateIt('domani')).toBeNull();
  });
  it('parseLivello reads points 0..100', () => {
    expect(parseLivello('80')).toBe(80);
    expect(parseLivello('72,5 %')).toBe(72.5);
    expect(parseLivello('101')).toBeNull();
    expect(parseLivello('-5')).toBeNull();
  });
});
