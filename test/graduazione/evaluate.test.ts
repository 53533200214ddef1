import { describe, expect, it } from 'vitest';
import {
  calendarDelay,
  easter,
  evaluate,
  isItalianHoliday,
  isWorkingDay,
  parseGraduazione,
  parseMeasurement,
  ruleKindLabel,
  workingDelay,
} from '../../src/domain/graduazione';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const G01 = 'Nessun ritardo rispetto alla data del 31/12/2024 = 100%. Ritardo fino a 30gg. = 70%. Ritardo fino a 60 gg. = 40%.';

describe('evaluate: scadenza', () => {
  const r = parseGraduazione(G01);
  it('completion date -> delay -> band, RAGGIUNTO and spiegazione', () => {
    const ev = evaluate(r, { kind: 'data', date: d(2025, 1, 20) });
    expect(ev.level).toBe(0.7);
    expect(ev.raggiunto).toBe('20/01/2025 · ritardo 20 gg');
    expect(ev.spiegazione).toBe('ritardo 20 gg → fascia fino a 30 gg = 70%');
    expect(ev.band).toMatchObject({ from: 0, to: 30 });
  });
  it('on time and early', () => {
    expect(evaluate(r, { kind: 'data', date: d(2024, 12, 31) })).toMatchObject({ level: 1, raggiunto: '31/12/2024 · nei termini' });
    expect(evaluate(r, { kind: 'ritardo', days: 0 })).toMatchObject({ level: 1, raggiunto: 'nei termini', spiegazione: 'nei termini → fascia nessun ritardo = 100%' });
  });
  it('edges 30/31 and 60/61 days (from dates)', () => {
    expect(evaluate(r, { kind: 'data', date: d(2025, 1, 30) }).level).toBe(0.7);
    expect(evaluate(r, { kind: 'data', date: d(2025, 1, 31) }).level).toBe(0.4);
    expect(evaluate(r, { kind: 'data', date: d(2025, 3, 1) }).level).toBe(0.4);
    const past = evaluate(r, { kind: 'data', date: d(2025, 3, 2) });
    expect(past.level).toBe(0);
    expect(past.spiegazione).toBe("ritardo 61 gg → oltre l'ultima fascia = 0%");
  });
  it('a delay already counted', () => {
    expect(evaluate(r, { kind: 'ritardo', days: 12 })).toMatchObject({ level: 0.7, raggiunto: 'ritardo 12 gg' });
  });
  it('working days when the rule says lavorativi', () => {
    const w = parseGraduazione('Entro il 20/12/2024 = 100%; ritardo fino a 5 gg lavorativi = 60%');
    expect(w.workingDays).toBe(true);
    // working days after Fri 20/12: 23, 24, 27, 30, 31/12 and 2/1 (25–26/12 and 1/1 holidays, 21–22 and 28–29/12 weekends)
    const ev = evaluate(w, { kind: 'data', date: d(2025, 1, 2) });
    expect(ev.raggiunto).toBe('02/01/2025 · ritardo 6 gg lavorativi');
    expect(ev.level).toBe(0);
    expect(evaluate(w, { kind: 'data', date: d(2024, 12, 31) }).level).toBe(0.6);
  });
  it('no reference date: a date cannot be computed, a delay can', () => {
    const n = parseGraduazione('Ritardo fino a 30 giorni = 40%', { tempi: 'Tempestivo' });
    const ev = evaluate(n, { kind: 'data', date: d(2024, 5, 1) });
    expect(ev.level).toBeNull();
    expect(ev.reason).toMatch(/ritardo in giorni/);
    expect(evaluate(n, { kind: 'ritardo', days: 3 }).level).toBe(0.4);
  });
  it('"No" (not completed) gets the level past the last band', () => {
    expect(evaluate(r, { kind: 'booleano', value: false })).toMatchObject({ level: 0, raggiunto: 'No' });
  });
  it('a percentage is not a deadline measurement', () => {
    expect(evaluate(r, { kind: 'percentuale', value: 80 }).level).toBeNull();
  });
});

describe('evaluate: other kinds', () => {
  it('soglia: "2 ore"', () => {
    const r = parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.');
    expect(evaluate(r, { kind: 'numero', value: 2 })).toMatchObject({ level: 0.75, raggiunto: '2 ore', spiegazione: '2 ore → fascia da 2 a meno di 3 ore = 75%' });
  });
  it('percentuale: "85%"', () => {
    const r = parseGraduazione("Aggiornamento completo= 100%; Aggiornamento banca dati tra il 100% e l'80%= 80%; Aggiornamento banca dati tra l'80% ed il 50%= 60%");
    expect(evaluate(r, { kind: 'percentuale', value: 85 })).toMatchObject({ level: 0.8, raggiunto: '85%' });
    expect(evaluate(r, { kind: 'percentuale', value: 100 }).level).toBe(1);
    expect(evaluate(r, { kind: 'percentuale', value: 80 }).level).toBe(0.8);
    expect(evaluate(r, { kind: 'percentuale', value: 79 }).level).toBe(0.6);
    expect(evaluate(r, { kind: 'percentuale', value: 49 })).toMatchObject({ level: 0, spiegazione: '49% → fuori da ogni fascia = 0%' });
  });
  it('binario: Sì / No, and a date checked against the deadline', () => {
    const r = parseGraduazione('Proposta presentata alla Giunta entro il 31/12/2024 = 100% Proposta non presentata = zero');
    expect(evaluate(r, { kind: 'booleano', value: true })).toMatchObject({ level: 1, raggiunto: 'Sì' });
    expect(evaluate(r, { kind: 'booleano', value: false })).toMatchObject({ level: 0, raggiunto: 'No' });
    expect(evaluate(r, { kind: 'data', date: d(2024, 12, 20) }).level).toBe(1);
    expect(evaluate(r, { kind: 'data', date: d(2025, 1, 2) })).toMatchObject({ level: 0, raggiunto: 'No' });
    expect(evaluate(r, { kind: 'booleano', value: true, date: d(2025, 1, 2) }).level).toBe(0);
  });
  it('proporzionale: min(1, value/target)', () => {
    const r = parseGraduazione('Conseguimento del livello atteso= 100% Svolgimento di un numero inferiore di servizi=graduazione proporzionale.', { atteso: 'n. 10 accessi' });
    expect(evaluate(r, { kind: 'numero', value: 8 })).toMatchObject({ level: 0.8, raggiunto: '8', spiegazione: '8 su 10 attesi = 80%' });
    expect(evaluate(r, { kind: 'numero', value: 12 }).level).toBe(1);
    expect(evaluate(r, { kind: 'percentuale', value: 85 }).level).toBe(0.85);
    const noTarget = parseGraduazione('Livello atteso = 100%; risultato inferiore = graduazione proporzionale', { atteso: 'Svolgimento periodico' });
    expect(evaluate(noTarget, { kind: 'numero', value: 3 }).level).toBeNull();
  });
  it('manuale: only a level typed by hand', () => {
    const r = parseGraduazione('Coinvolgere il servizio ASL Assistenza Disabili.');
    expect(evaluate(r, { kind: 'numero', value: 3 }).level).toBeNull();
    expect(evaluate(r, { kind: 'percentuale', value: 80 })).toMatchObject({ level: 0.8, raggiunto: 'Valutazione manuale: 80%' });
  });
});

describe('parseMeasurement', () => {
  const scad = parseGraduazione(G01);
  const soglia = parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.');
  const perc = parseGraduazione('da 80% a 100% = 70%');
  const bin = parseGraduazione('Sì = 100%; No = 0%');
  it('dates in every written form', () => {
    for (const s of ['20/01/2025', '20.01.2025', '20/01/25', '2025-01-20', ' 20/01/2025 ']) {
      expect(parseMeasurement(s, scad)).toEqual({ ok: true, m: { kind: 'data', date: d(2025, 1, 20) } });
    }
    expect(parseMeasurement(d(2025, 1, 20), scad)).toEqual({ ok: true, m: { kind: 'data', date: d(2025, 1, 20) } });
    expect(parseMeasurement(45677, scad)).toEqual({ ok: true, m: { kind: 'data', date: d(2025, 1, 20) } });
  });
  it('delays', () => {
    expect(parseMeasurement('12 gg', scad)).toEqual({ ok: true, m: { kind: 'ritardo', days: 12 } });
    expect(parseMeasurement('ritardo 3 giorni', scad)).toEqual({ ok: true, m: { kind: 'ritardo', days: 3 } });
    expect(parseMeasurement('nei termini', scad)).toEqual({ ok: true, m: { kind: 'ritardo', days: 0 } });
    expect(parseMeasurement(7, scad)).toEqual({ ok: true, m: { kind: 'ritardo', days: 7 } });
  });
  it('numbers, percentages, yes/no', () => {
    expect(parseMeasurement('1,5', soglia)).toEqual({ ok: true, m: { kind: 'numero', value: 1.5 } });
    expect(parseMeasurement('2 ore', soglia)).toEqual({ ok: true, m: { kind: 'numero', value: 2 } });
    expect(parseMeasurement('85%', perc)).toEqual({ ok: true, m: { kind: 'percentuale', value: 85 } });
    expect(parseMeasurement(85, perc)).toEqual({ ok: true, m: { kind: 'percentuale', value: 85 } });
    const frac = parseMeasurement(0.85, perc, { percentFormatted: true });
    expect(frac.ok && frac.m.kind === 'percentuale' && Math.abs(frac.m.value - 85) < 1e-9).toBe(true);
    for (const s of ['sì', 'si', 'Sì', 'SI']) expect(parseMeasurement(s, bin)).toEqual({ ok: true, m: { kind: 'booleano', value: true } });
    expect(parseMeasurement('no', bin)).toEqual({ ok: true, m: { kind: 'booleano', value: false } });
    expect(parseMeasurement(true, bin)).toEqual({ ok: true, m: { kind: 'booleano', value: true } });
  });
  it('Italian messages for nonsense', () => {
    const bad = (r: ReturnType<typeof parseMeasurement>) => (r.ok ? '' : r.message);
    expect(bad(parseMeasurement('abc', scad))).toBe('«abc» non è un valore leggibile: indicare la data di completamento o il ritardo in giorni.');
    expect(bad(parseMeasurement('250%', perc))).toBe("La percentuale 250% è fuori dall'intervallo 0–100%.");
    expect(bad(parseMeasurement('-3 gg', scad))).toMatch(/ritardo non può essere negativo/);
    expect(bad(parseMeasurement(-3, scad))).toMatch(/ritardo non può essere negativo/);
    expect(bad(parseMeasurement('31/06/2024', scad))).toBe('La data 31/06/2024 non esiste: correggerla (es. 30/06/2024).');
    expect(bad(parseMeasurement('', scad))).toBe('Nessun valore rilevato.');
    expect(bad(parseMeasurement(null, scad))).toBe('Nessun valore rilevato.');
    expect(bad(parseMeasurement('20/01/2025', perc))).toMatch(/Percentuale serve una percentuale/);
    expect(bad(parseMeasurement('forse', bin))).toMatch(/non è un valore leggibile/);
  });
  it('ruleKindLabel', () => {
    expect(['scadenza', 'soglia', 'percentuale', 'binario', 'proporzionale', 'manuale'].map((k) => ruleKindLabel(k as never))).toEqual([
      'Scadenza',
      'Soglia',
      'Percentuale',
      'Sì/No',
      'Proporzionale',
      'Manuale',
    ]);
  });
});

describe('calendar', () => {
  it('Easter and Easter Monday', () => {
    expect(easter(2024)).toEqual(d(2024, 3, 31));
    expect(easter(2025)).toEqual(d(2025, 4, 20));
    expect(isItalianHoliday(d(2024, 4, 1))).toBe(true);
    expect(isItalianHoliday(d(2025, 4, 21))).toBe(true);
    expect(isItalianHoliday(d(2025, 4, 22))).toBe(false);
  });
  it('national holidays and weekends are not working days', () => {
    for (const [m, day] of [[1, 1], [1, 6], [4, 25], [5, 1], [6, 2], [8, 15], [11, 1], [12, 8], [12, 25], [12, 26]] as const) {
      expect(isItalianHoliday(d(2024, m, day))).toBe(true);
    }
    expect(isWorkingDay(d(2024, 6, 1))).toBe(false); // Saturday
    expect(isWorkingDay(d(2024, 6, 3))).toBe(true);
  });
  it('delays', () => {
    expect(calendarDelay(d(2024, 12, 31), d(2025, 1, 20))).toBe(20);
    expect(calendarDelay(d(2024, 12, 31), d(2024, 12, 21))).toBe(-10);
    expect(workingDelay(d(2024, 4, 24), d(2024, 4, 29))).toBe(2); // 25/4 holiday, 27–28 weekend
    expect(workingDelay(d(2024, 4, 29), d(2024, 4, 24))).toBe(-2);
  });
});
