import { describe, expect, it } from 'vitest';
import { evaluate, parseGraduazione, type Measurement, type Rule } from '../../src/domain/graduazione';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const late = (days: number): Measurement => ({ kind: 'ritardo', days });
const num = (value: number): Measurement => ({ kind: 'numero', value });
const pct = (value: number): Measurement => ({ kind: 'percentuale', value });
const lv = (r: Rule, m: Measurement) => evaluate(r, m).level;
const codes = (r: Rule) => r.warnings.map((w) => w.code);

describe('operators: which ends are included', () => {
  it('"fino a N" includes N, the next band starts after it', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; ritardo fino a 60 gg = 40%');
    expect([lv(r, late(0)), lv(r, late(1)), lv(r, late(30)), lv(r, late(31)), lv(r, late(60)), lv(r, late(61))]).toEqual([1, 0.7, 0.7, 0.4, 0.4, 0]);
  });
  it('"oltre N" and "superiore a N" exclude N', () => {
    const a = parseGraduazione('Nessun ritardo= 100%; Ritardo fino a 30 gg.= 80%; Ritardo superiore a 30 gg.= 50%;');
    expect([lv(a, late(30)), lv(a, late(31)), lv(a, late(500))]).toEqual([0.8, 0.5, 0.5]);
    const b = parseGraduazione('entro il 31.05.2024 = 100% Fino a 30gg ritardo= 70% Oltre 30 gg ritardo =40%');
    expect([lv(b, late(30)), lv(b, late(31))]).toEqual([0.7, 0.4]);
  });
  it('">15<60" excludes both ends', () => {
    const r = parseGraduazione('Rispetto del termine del 30/09/2024 = 100% Ritardo fino a 15 gg. = 80% Ritardo >15<60 gg. = 50%');
    expect([lv(r, late(15)), lv(r, late(16)), lv(r, late(59)), lv(r, late(60))]).toEqual([0.8, 0.5, 0.5, 0]);
  });
  it('"da A a B" includes both ends', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 3 gg. = 80%; ritardo da 4 a 10 gg.: 50%; ritardo da 11 a 15 gg.: 30%');
    expect([lv(r, late(3)), lv(r, late(4)), lv(r, late(10)), lv(r, late(11)), lv(r, late(15)), lv(r, late(16))]).toEqual([0.8, 0.5, 0.5, 0.3, 0.3, 0]);
  });
  it('"tra A e B" includes both ends, in either order', () => {
    const r = parseGraduazione("Emissione tra il 100% e l'80% degli avvisi= 80%; Emissione tra il 50% ed il 30% degli avvisi= 30%");
    expect(r.kind).toBe('percentuale');
    expect([lv(r, pct(80)), lv(r, pct(100)), lv(r, pct(79)), lv(r, pct(30)), lv(r, pct(50)), lv(r, pct(29))]).toEqual([0.8, 0.8, 0.3, 0.3, 0.3, 0]);
  });
  it('"meno di N" and "inferiore al N" exclude N; "N o più" includes it', () => {
    const r = parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.');
    expect([lv(r, num(1.9)), lv(r, num(2)), lv(r, num(2.5)), lv(r, num(2.99)), lv(r, num(3)), lv(r, num(10))]).toEqual([0.4, 0.75, 0.75, 0.75, 1, 1]);
    const p = parseGraduazione('Emissione inferiore al 30% degli avvisi = 0%; Emissione tra il 50% ed il 30% degli avvisi= 30%');
    expect([lv(p, pct(29.9)), lv(p, pct(30))]).toEqual([0, 0.3]);
  });
  it('"non superiore a N" includes N', () => {
    const r = parseGraduazione('Rispetto del termine = 100% Ritardo non superiore a 30 gg. = 50%');
    expect([lv(r, late(30)), lv(r, late(31))]).toEqual([0.5, 0]);
  });
  it('"oltre A e fino B" is (A, B]', () => {
    const r = parseGraduazione('Rispetto del termine= 100% Ritardo fino a 30 gg.=70% Ritardo oltre 30 e fino 50 gg.=50%');
    expect([lv(r, late(30)), lv(r, late(31)), lv(r, late(50)), lv(r, late(51))]).toEqual([0.7, 0.5, 0.5, 0]);
  });
  it('"superiore a A e fino a B" after a bare "ritardo di N"', () => {
    const r = parseGraduazione('Ritardo di 20 gg. rispetto al 31/12/2024 = 75% Ritardo superiore a 20 gg. e fino a 30 gg. = 50%');
    expect([lv(r, late(0)), lv(r, late(1)), lv(r, late(20)), lv(r, late(21)), lv(r, late(30)), lv(r, late(31))]).toEqual([1, 0.75, 0.75, 0.5, 0.5, 0]);
  });
  it('comparison signs: >=, <=, =<, =>, ≥, \\geq', () => {
    const r = parseGraduazione('>= 10 = 100%; da 5 a meno di 10 = 50%; =< 4 = 10%');
    expect([lv(r, num(10)), lv(r, num(9.9)), lv(r, num(5)), lv(r, num(4)), lv(r, num(4.5))]).toEqual([1, 0.5, 0.5, 0.1, 0.1]);
    const g = parseGraduazione('\\geq 3 = 100%; ≤ 2 = 20%');
    expect([lv(g, num(3)), lv(g, num(2))]).toEqual([1, 0.2]);
  });
  it('"70%–100%" dash ranges', () => {
    const r = parseGraduazione('70%–100% = 90%; 50%-69% = 60%');
    expect([lv(r, pct(70)), lv(r, pct(69)), lv(r, pct(49))]).toEqual([0.9, 0.6, 0]);
  });
});

describe('staircase semantics', () => {
  it('one-sided bands form a staircase whatever the written order', () => {
    const r = parseGraduazione('ritardo fino a 60 gg = 40%; ritardo fino a 30 gg = 70%');
    expect([lv(r, late(0)), lv(r, late(30)), lv(r, late(31)), lv(r, late(60)), lv(r, late(61))]).toEqual([1, 0.7, 0.4, 0.4, 0]);
    expect(codes(r)).not.toContain('FASCE_SOVRAPPOSTE');
  });
  it('a bare value covers up to the next band (2,5 ore -> 75%)', () => {
    const r = parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.');
    expect(r.direction).toBe('higher');
    expect(lv(r, num(2.5))).toBe(0.75);
  });
  it('scadenza implies 100% for no delay and 0% past the last band', () => {
    const r = parseGraduazione('Ritardo fino a 30 giorni = 40%');
    expect(r.bands[0]).toMatchObject({ from: null, to: 0, level: 1, implied: true });
    expect(r.bands.at(-1)).toMatchObject({ from: 30, to: null, level: 0, implied: true });
    expect([lv(r, late(-5)), lv(r, late(0)), lv(r, late(1)), lv(r, late(30)), lv(r, late(31))]).toEqual([1, 1, 0.4, 0.4, 0]);
  });
  it('a stated level past the last band replaces the implied 0%', () => {
    const r = parseGraduazione('entro il 31/12/2024 = 100% Fino a 30 gg di ritardo = 80 Oltre 30gg di ritardo= 50%');
    expect(r.bands.some((b) => b.implied)).toBe(false);
    expect(lv(r, late(1000))).toBe(0.5);
  });
  it('"oltre = N%" alone covers everything past the stated bands', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; oltre = 20%');
    expect([lv(r, late(30)), lv(r, late(31))]).toEqual([0.7, 0.2]);
  });
  it('soglia/percentuale: outside every band 0%', () => {
    const r = parseGraduazione('Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%');
    expect([lv(r, pct(49)), lv(r, pct(50)), lv(r, pct(100))]).toEqual([0, 0.5, 0.7]);
  });
});

describe('overlaps, gaps, monotonicity, levels', () => {
  it('overlapping two-sided bands: first written wins, with a warning', () => {
    const r = parseGraduazione('da 0 a 5 = 100%; da 3 a 8 = 50%');
    expect([lv(r, num(3)), lv(r, num(5)), lv(r, num(5.5)), lv(r, num(8))]).toEqual([1, 1, 0.5, 0.5]);
    expect(codes(r)).toContain('FASCE_SOVRAPPOSTE');
  });
  it('bands sharing an end (da 1,6 a 2 / da 2 a 3): 2 belongs to the first', () => {
    const r = parseGraduazione('Da 0 a 1,5 = 100%; da 1,6 a 2 = 90% da 2 a 3 = 70%');
    expect([lv(r, num(1.5)), lv(r, num(1.6)), lv(r, num(2)), lv(r, num(2.01)), lv(r, num(3)), lv(r, num(3.01))]).toEqual([1, 0.9, 0.9, 0.7, 0.7, 0]);
    expect(codes(r)).toContain('FASCE_SOVRAPPOSTE');
    expect(codes(r)).toContain('FASCE_LACUNA');
    expect(r.direction).toBe('lower');
  });
  it('a value in a gap takes the lower band, with a warning (79,5%)', () => {
    const r = parseGraduazione('Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%');
    expect(codes(r)).toContain('FASCE_LACUNA');
    const ev = evaluate(r, pct(79.5));
    expect(ev.level).toBe(0.5);
    expect(ev.warnings.map((w) => w.code)).toEqual(['FASCE_LACUNA']);
    expect(evaluate(r, pct(79)).warnings).toEqual([]);
  });
  it('70–100 / 60–79 is an overlap, not a gap: 75% stays in the first band', () => {
    const r = parseGraduazione('Percentuale tra 70% ed il 100% = 80%; percentuale tra il 60 ed il 79% = 50%');
    expect([lv(r, pct(59)), lv(r, pct(60)), lv(r, pct(69.9)), lv(r, pct(70)), lv(r, pct(79.5))]).toEqual([0, 0.5, 0.5, 0.8, 0.8]);
    expect(codes(r)).toContain('FASCE_SOVRAPPOSTE');
  });
  it('a day gap between whole-day bands is no gap (fino a 3 / da 4 a 10)', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 3 gg. = 80%; ritardo da 4 a 10 gg.: 50%');
    expect(codes(r)).not.toContain('FASCE_LACUNA');
    const g = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 3 gg. = 80%; ritardo da 6 a 10 gg.: 50%');
    expect(codes(g)).toContain('FASCE_LACUNA');
    expect(lv(g, late(4))).toBe(0.5);
  });
  it('non-monotonic levels are warned', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 10 gg = 40%; ritardo fino a 20 gg = 70%');
    expect(codes(r)).toContain('FASCE_NON_MONOTONE');
    expect(codes(parseGraduazione('Nessun ritardo = 100%; ritardo fino a 10 gg = 70%'))).not.toContain('FASCE_NON_MONOTONE');
  });
  it('"=-70%" is 70% with a warning; "= 80" is 80%; "= zero" is 0%; over 100% is capped', () => {
    const r = parseGraduazione('Rispetto del termine=100% Ritardo fino a 30 gg.=-70% Ritardo oltre 30 e fino 50 gg.=-50%');
    expect(lv(r, late(10))).toBe(0.7);
    expect(codes(r).filter((c) => c === 'LIVELLO_NEGATIVO')).toHaveLength(2);
    expect(lv(parseGraduazione('Entro il 30/06/2024= 100% Fino a 30 gg di ritardo = 80 Oltre 30gg di ritardo= 50%'), late(5))).toBe(0.8);
    const b = parseGraduazione('Proposta presentata alla Giunta entro il 31/12/2024 = 100% Proposta non presentata = zero');
    expect(b.binario).toEqual({ si: 1, no: 0 });
    const o = parseGraduazione('Nessun ritardo = 120%; ritardo fino a 10 gg = 50%');
    expect(o.bands[0]!.level).toBe(1);
    expect(codes(o)).toContain('LIVELLO_FUORI_SCALA');
  });
});

describe('phrasing families', () => {
  it('number words zero..dieci, un/uno/una, nessun', () => {
    const r = parseGraduazione('dieci o più = 100%; da cinque a nove = 60%; da uno a quattro = 30%; nessuno = 0%');
    expect([lv(r, num(10)), lv(r, num(5)), lv(r, num(9)), lv(r, num(1)), lv(r, num(0))]).toEqual([1, 0.6, 0.6, 0.3, 0]);
    const s = parseGraduazione('sei o più = 100%; meno di sei = 50%');
    expect([lv(s, num(6)), lv(s, num(5))]).toEqual([1, 0.5]);
  });
  it('decimal commas', () => {
    const r = parseGraduazione('Da 0 a 1,5 = 100%; oltre 1,5 = 40%');
    expect([lv(r, num(1.5)), lv(r, num(1.51))]).toEqual([1, 0.4]);
  });
  it('units gg / gg. / giorni / lavorativi', () => {
    for (const t of ['ritardo fino a 30gg = 70%', 'ritardo fino a 30 gg. = 70%', 'ritardo fino a 30 giorni = 70%']) {
      const r = parseGraduazione(t);
      expect([r.kind, lv(r, late(30)), lv(r, late(31))]).toEqual(['scadenza', 0.7, 0]);
    }
    expect(parseGraduazione('ritardo fino a 5 gg lavorativi = 70%').workingDays).toBe(true);
    expect(parseGraduazione('ritardo fino a 5 gg = 70%').workingDays).toBe(false);
  });
  it('separators ; . : = and none at all', () => {
    const a = parseGraduazione('Nessun ritardo rispetto alla data del 31/12/2024 = 100%. Ritardo fino a 30gg. = 70%. Ritardo fino a 60 gg. = 40%.');
    const b = parseGraduazione('Nessun ritardo = 100%; ritardo fino a 30 gg: 70%; ritardo fino a 60 gg: 40%');
    const c = parseGraduazione('Nessun ritardo=100% Ritardo fino a 30 gg=70% Ritardo fino a 60 gg=40%');
    for (const r of [a, b, c]) expect(r.bands.map((x) => [x.from, x.to, x.level])).toEqual([[null, 0, 1], [0, 30, 0.7], [30, 60, 0.4], [60, null, 0]]);
  });
  it('dates 31/12/2024, 31.05.2024, 30/06/24', () => {
    expect(parseGraduazione('entro il 31/12/2024 = 100% fino a 10 gg di ritardo = 50%').reference?.date).toEqual(d(2024, 12, 31));
    expect(parseGraduazione('entro il 31.05.2024 = 100% fino a 10 gg di ritardo = 50%').reference?.date).toEqual(d(2024, 5, 31));
    expect(parseGraduazione('Presentazione entro il 30/06/24 = 100% Fino a 30 gg di ritardo=70%').reference?.date).toEqual(d(2024, 6, 30));
  });
  it('"entro un mese": a relative deadline, computed from a delay in days', () => {
    const r = parseGraduazione('Affidamento entro un mese = 100% Fino a 30gg ritardo= 70% Oltre 30 gg ritardo =40%');
    expect(r.kind).toBe('scadenza');
    expect(r.reference).toBeNull();
    expect(codes(r)).toContain('RIFERIMENTO_MANCANTE');
    expect(lv(r, late(12))).toBe(0.7);
    expect(evaluate(r, { kind: 'data', date: d(2024, 5, 1) }).level).toBeNull();
  });
  it('deadline clause without its own level ("… entro il 30/06/2024 Fino a 30 gg di ritardo= 70%")', () => {
    const r = parseGraduazione('Definizione di un programma condiviso entro il 30/06/2024 Fino a 30 gg di ritardo= 70% Oltre 30 gg di ritardo =40%');
    expect(r.reference?.date).toEqual(d(2024, 6, 30));
    expect([lv(r, late(0)), lv(r, late(30)), lv(r, late(31))]).toEqual([1, 0.7, 0.4]);
  });
  it('OCR noise ("ritardo lmo a 30 gg.") still reads the band', () => {
    const r = parseGraduazione('Nessun ritardo = 100%; ritardo lmo a 30 gg. = 80%; ritardo da 30 a 60 gg.: 50%');
    expect([lv(r, late(30)), lv(r, late(31))]).toEqual([0.8, 0.5]);
  });
  it('binario, with and without a date', () => {
    const a = parseGraduazione('Rispetto del termine del 31/12/2025 = 100%');
    expect([a.kind, a.reference?.date]).toEqual(['binario', d(2025, 12, 31)]);
    const b = parseGraduazione('Sì = 100%; No = 30%');
    expect([b.kind, b.binario]).toEqual(['binario', { si: 1, no: 0.3 }]);
  });
  it('proporzionale with the target from ATTESO', () => {
    const r = parseGraduazione('Conseguimento del livello atteso= 100% Svolgimento di un numero inferiore di servizi=graduazione proporzionale.', { atteso: 'almeno 20 servizi' });
    expect([r.kind, r.target]).toEqual(['proporzionale', 20]);
    expect([lv(r, num(10)), lv(r, num(20)), lv(r, num(30))]).toEqual([0.5, 1, 1]);
  });
  it('manuale with a reason', () => {
    expect(parseGraduazione('').reason).toMatch(/vuota/);
    expect(parseGraduazione('Definire due date nel mese di luglio e tre date nel mese di agosto.')).toMatchObject({ kind: 'manuale' });
    expect(parseGraduazione('Ottimo = 100%; buono = 70%')).toMatchObject({ kind: 'manuale' });
  });
});

describe('reference date', () => {
  const g = 'Nessun ritardo = 100%; ritardo fino a 30 gg = 70%';
  it('graduation text first, then ATTESO, then TEMPI', () => {
    expect(parseGraduazione('Entro il 30/06/2024 = 100%; ritardo fino a 30 gg = 70%', { atteso: '31/07/2024', tempi: '31/08/2024' }).reference).toMatchObject({ source: 'graduazione', text: '30/06/2024' });
    expect(parseGraduazione(g, { atteso: 'Ultimazione entro il 31/07/2024', tempi: '31/08/2024' }).reference).toMatchObject({ source: 'atteso', date: d(2024, 7, 31) });
    expect(parseGraduazione(g, { atteso: '100,00%', tempi: '31/08/24' }).reference).toMatchObject({ source: 'tempi', date: d(2024, 8, 31) });
    expect(parseGraduazione(g, { tempi: 'Stesura atti entro il 30 giugno 2024' }).reference?.date).toEqual(d(2024, 6, 30));
    expect(parseGraduazione(g, { tempi: 'Revisione della Carta entro il mese di settembre 2024;' }).reference?.date).toEqual(d(2024, 9, 30));
    expect(parseGraduazione(g, { tempi: new Date(Date.UTC(2024, 9, 31)) }).reference?.date).toEqual(d(2024, 10, 31));
    expect(parseGraduazione(g, { tempi: 45657 }).reference?.date).toEqual(d(2024, 12, 31));
  });
  it('a relative deadline in ATTESO blocks the TEMPI period end', () => {
    const r = parseGraduazione(g, { atteso: 'Entro 5 gg. lavorativi da stipulazione atto.', tempi: 'Fino al 31/12/2024' });
    expect(r.reference).toBeNull();
    expect(r.warnings.find((w) => w.code === 'RIFERIMENTO_MANCANTE')?.message).toMatch(/Entro 5 gg\. lavorativi da stipulazione atto/);
  });
  it('impossible dates are kept, never shifted', () => {
    const r = parseGraduazione('Nessun ritardo rispetto alla data del 31/06/2024= 100%. Ritardo fino a 20gg.= 80%.', { tempi: 'Entro il 30/06/2024' });
    expect(r.reference).toEqual({ date: null, text: '31/06/2024', source: 'graduazione' });
    expect(codes(r)).toEqual(['DATA_IMPOSSIBILE']);
    expect(r.warnings[0]!.message).toMatch(/31\/06\/2024 non esiste.*30\/06\/2024/);
  });
  it('DATA_DIVERSA only when no TEMPI/ATTESO date matches', () => {
    const t = 'Entro il 30/06/2024= 100% Fino a 30gg di ritardo= 50%';
    expect(codes(parseGraduazione(t, { tempi: '31/12/24' }))).toContain('DATA_DIVERSA');
    expect(codes(parseGraduazione(t, { tempi: '30/06/24' }))).not.toContain('DATA_DIVERSA');
    expect(codes(parseGraduazione(t, {}))).not.toContain('DATA_DIVERSA');
  });
  it('a day-month date takes the annualità year', () => {
    expect(parseGraduazione('entro il 30 giugno = 100%; ritardo fino a 10 gg = 50%', { anno: 2025 }).reference?.date).toEqual(d(2025, 6, 30));
    const r = parseGraduazione('entro il 30 giugno = 100%; ritardo fino a 10 gg = 50%');
    expect(r.reference?.date).toBeNull();
    expect(evaluate(r, { kind: 'data', date: d(2025, 7, 5) }, { anno: 2025 }).level).toBe(0.5);
  });
});

describe('Italian thousands grouping in graduation text', () => {
  it('reads 1.000 as one thousand, not as 1', () => {
    const r = parseGraduazione('almeno 1.000 pratiche = 100%; da 500 a 999 pratiche = 60%');
    expect(r.kind).toBe('soglia');
    expect(evaluate(r, { kind: 'numero', value: 1200 }).level).toBe(1);
    expect(evaluate(r, { kind: 'numero', value: 750 }).level).toBe(0.6);
    expect(evaluate(r, { kind: 'numero', value: 400 }).level).toBe(0);
  });
  it('still reads dotted dates as dates', () => {
    const r = parseGraduazione('Nessun ritardo rispetto al 31.05.2024 = 100%; ritardo fino a 30 gg = 50%');
    expect(r.reference?.date?.toISOString().slice(0, 10)).toBe('2024-05-31');
  });
});
