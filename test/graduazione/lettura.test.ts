/** issue 11 item 4: reading slips of the graduation engine, each reproduced first */
import { describe, expect, it } from 'vitest';
import { evaluate, parseGraduazione, parseMeasurement, printRule, type Measurement, type Rule } from '../../src/domain/graduazione';

const late = (days: number): Measurement => ({ kind: 'ritardo', days });
const lv = (r: Rule, m: Measurement) => evaluate(r, m).level;
const codes = (r: Rule) => r.warnings.map((w) => w.code);

describe('overlapping bands are read as written, the first wins', () => {
  const text = 'Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; ritardo da 20 a 60 gg = 50%';
  it('0–20 gg is covered by "fino a 30", the overlap 20–30 goes to the first band', () => {
    const r = parseGraduazione(text);
    expect(codes(r)).toContain('FASCE_SOVRAPPOSTE');
    expect(codes(r)).not.toContain('FASCE_LACUNA');
    expect(codes(r)).not.toContain('FASCE_NON_MONOTONE');
    expect([0, 1, 10, 19, 20, 25, 30, 31, 60, 61].map((d) => lv(r, late(d)))).toEqual([1, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.5, 0.5, 0]);
  });
  it('prints back without "da 20 a 20 gg", and the print parses to the same bands', () => {
    const r = parseGraduazione(text);
    const p = printRule(r);
    expect(p).not.toMatch(/da 20 a 20/);
    expect(p).toBe('Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; ritardo fino a 60 gg = 50%; oltre = 0%');
    expect(parseGraduazione(p).bands.map((b) => [b.from, b.to, b.level])).toEqual(r.bands.map((b) => [b.from, b.to, b.level]));
  });
  it('a range written first keeps its overlap with a later one-sided band', () => {
    const r = parseGraduazione('Da 0 a 10 = 100%; fino a 20 = 60%; oltre 20 = 0%');
    expect([0, 10, 11, 20, 21].map((v) => lv(r, { kind: 'numero', value: v }))).toEqual([1, 1, 0.6, 0.6, 0]);
  });
});

describe('proportional target: a number word in ATTESO is not a target', () => {
  const grad = 'Conseguimento del livello atteso= 100% Svolgimento di un numero inferiore di servizi=graduazione proporzionale.';
  it('"almeno un servizio al giorno" gives no target: the evaluation says the target is missing', () => {
    const r = parseGraduazione(grad, { atteso: 'almeno un servizio al giorno' });
    expect(r.kind).toBe('proporzionale');
    expect(r.target).toBeNull();
    expect(r.atteso).toBe('almeno un servizio al giorno');
    const e = evaluate(r, { kind: 'numero', value: 200 });
    expect(e.level).toBeNull();
    expect(e.reason).toMatch(/almeno un servizio al giorno/);
    expect(e.reason).toMatch(/valore atteso/i);
  });
  it('the target typed with the value ("200 su 250") is used', () => {
    const r = parseGraduazione(grad, { atteso: 'almeno un servizio al giorno' });
    const m = parseMeasurement('200 su 250', r);
    expect(m).toEqual({ ok: true, m: { kind: 'numero', value: 200, target: 250 } });
    const e = evaluate(r, (m as { m: Measurement }).m);
    expect(e.level).toBe(0.8);
    expect(e.spiegazione).toMatch(/200 su 250/);
  });
  it('a plain number in ATTESO is still the target', () => {
    const r = parseGraduazione(grad, { atteso: 'almeno 250 servizi' });
    expect(r.target).toBe(250);
    expect(lv(r, { kind: 'numero', value: 200 })).toBe(0.8);
  });
});

describe('parsing stays linear in the number of bands (issue 15: a full cell took 14 s)', () => {
  it('3,000 delay bands are read in well under the old time, and every band is kept', () => {
    const parts = ['Nessun ritardo = 100%'];
    for (let i = 1; i < 3000; i++) parts.push(`ritardo fino a ${i} gg = ${(100 - i / 30).toFixed(2).replace('.', ',')}%`);
    const text = parts.join('; ');
    const t0 = performance.now();
    const r = parseGraduazione(text);
    const ms = performance.now() - t0;
    expect(r.kind).toBe('scadenza');
    expect(r.bands).toHaveLength(3001);
    expect(lv(r, late(1500))).toBeCloseTo(0.5, 9);
    expect(ms).toBeLessThan(8000);
  });
});
