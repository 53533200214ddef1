import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseGraduazione, printRule, type Band, type Rule, type RuleContext } from '../../src/domain/graduazione';
import { sharedFile } from '../helpers/shared';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

function sameBands(a: Band[], b: Band[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.from === y.from &&
        x.to === y.to &&
        x.fromIncl === y.fromIncl &&
        x.toIncl === y.toIncl &&
        Math.abs(x.level - y.level) < 1e-9 &&
        JSON.stringify(x.lineare ?? null) === JSON.stringify(y.lineare ?? null)
      );
    })
  );
}

/** the parts of a rule that decide a level */
function equivalent(a: Rule, b: Rule): boolean {
  if (a.kind !== b.kind) return false;
  const ra = a.reference;
  const rb = b.reference;
  const sameRef = ra === rb || (!!ra && !!rb && ra.source === rb.source && (ra.date?.getTime() ?? ra.text) === (rb.date?.getTime() ?? rb.text));
  if (!sameRef) return false;
  switch (a.kind) {
    case 'scadenza':
      return a.workingDays === b.workingDays && sameBands(a.bands, b.bands);
    case 'soglia':
    case 'percentuale':
      return a.unit === b.unit && a.direction === b.direction && sameBands(a.bands, b.bands);
    case 'binario':
      return Math.abs(a.binario!.si - b.binario!.si) < 1e-9 && Math.abs(a.binario!.no - b.binario!.no) < 1e-9;
    case 'proporzionale':
      return a.target === b.target;
    default:
      return true;
  }
}

describe('printRule: canonical Italian', () => {
  it('the DESIGN.md example', () => {
    const r = parseGraduazione('Nessun ritardo = 100%. Ritardo fino a 30gg. = 70%. Ritardo fino a 60 gg. = 40%.');
    expect(printRule(r)).toBe('Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; ritardo fino a 60 gg = 40%; oltre = 0%');
  });
  it('keeps the graduation date, not a date taken from TEMPI', () => {
    expect(printRule(parseGraduazione('Entro il 30/06/2024= 100% Fino a 30gg di ritardo= 50%'))).toBe(
      'Nessun ritardo rispetto al 30/06/2024 = 100%; ritardo fino a 30 gg = 50%; oltre = 0%',
    );
    expect(printRule(parseGraduazione('Rispetto del termine = 100% Ritardo non superiore a 30 gg. = 50%', { tempi: '31/07/2024' }))).toBe(
      'Nessun ritardo = 100%; ritardo fino a 30 gg = 50%; oltre = 0%',
    );
  });
  it('other kinds', () => {
    expect(printRule(parseGraduazione('Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.'))).toBe('Meno di 2 ore = 40%; da 2 a meno di 3 ore = 75%; 3 ore o più = 100%');
    expect(printRule(parseGraduazione('Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%'))).toBe('Da 50% a 79% = 50%; da 80% a 100% = 70%');
    expect(printRule(parseGraduazione('Proposta presentata alla Giunta entro il 31/12/2024 = 100% Proposta non presentata = zero'))).toBe(
      'Sì entro il 31/12/2024 = 100%; No = 0%',
    );
    expect(printRule(parseGraduazione('Rispetto del termine del 30/09/2024 = 100% Ritardo fino a 15 gg. = 80% Ritardo >15<60 gg. = 50%'))).toBe(
      'Nessun ritardo rispetto al 30/09/2024 = 100%; ritardo fino a 15 gg = 80%; ritardo inferiore a 60 gg = 50%; oltre = 0%',
    );
  });
  it('every catalogued seed text prints to a text that parses back to the same rule', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const cat = JSON.parse(readFileSync(sharedFile('esempi/graduations.json'), 'utf8')) as {
      entries: { GRADUAZIONE: string; TEMPI: string; ATTESO: string; annualita_year: number }[];
    };
    for (const e of cat.entries) {
      const ctx = { tempi: e.TEMPI, atteso: e.ATTESO, anno: e.annualita_year };
      const r = parseGraduazione(e.GRADUAZIONE, ctx);
      const back = parseGraduazione(printRule(r), ctx);
      expect(equivalent(r, back), `${e.GRADUAZIONE} -> ${printRule(r)}`).toBe(true);
    }
  });
});

/* ------------------------------------------------------------ generators */

const level = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const refDate = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((x) => d(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()));

/** sorted, non-overlapping bands over breakpoints, touching or leaving gaps, random open/closed ends */
function bandsArb(values: fc.Arbitrary<number>, opts: { openBelow: boolean; openAbove: boolean }) {
  return fc
    .record({
      points: fc.uniqueArray(values, { minLength: 2, maxLength: 6 }),
      incl: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      gaps: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      levels: fc.array(level, { minLength: 8, maxLength: 8 }),
      below: fc.boolean(),
      above: fc.boolean(),
    })
    .map(({ points, incl, gaps, levels, below, above }) => {
      const p = [...points].sort((a, b) => a - b);
      const bands: Band[] = [];
      const add = (from: number | null, fromIncl: boolean, to: number | null, toIncl: boolean) =>
        bands.push({ from, fromIncl: from !== null && fromIncl, to, toIncl: to !== null && toIncl, level: levels[bands.length % 8]!, source: '' });
      if (opts.openBelow && below) add(null, false, p[0]!, incl[0]!);
      // consecutive pairs; a "gap" skips to the next pair start so bands do not touch
      for (let i = 0; i + 1 < p.length; i++) {
        const prev = bands.at(-1);
        const touching = prev && prev.to === p[i];
        if (touching && gaps[i]) continue;
        const fromIncl = touching ? !prev.toIncl : incl[i + 1]!;
        add(p[i]!, fromIncl, p[i + 1]!, incl[(i + 2) % 8]!);
      }
      const last = bands.at(-1)!;
      if (opts.openAbove && above) add(last.to, !last.toIncl, null, false);
      return bands;
    });
}

function base(kind: Rule['kind'], bands: Band[]): Rule {
  return { kind, bands, reference: null, workingDays: false, direction: 'higher', unit: '', target: null, warnings: [], text: '' };
}

const scadenzaArb = fc
  .record({
    bands: bandsArb(fc.integer({ min: 1, max: 365 }), { openBelow: false, openAbove: true }),
    ontime: level,
    tail: fc.option(level, { nil: null }),
    working: fc.boolean(),
    ref: fc.option(refDate, { nil: null }),
    fromTempi: fc.boolean(),
  })
  .map(({ bands, ontime, tail, working, ref, fromTempi }) => {
    // the first stated band starts at 0 (after "nessun ritardo"); the last is open (stated or implied 0%)
    const first = bands[0]!;
    const steps = [{ ...first, from: 0, fromIncl: false }, ...bands.slice(1)].filter((b) => b.to === null || b.to > 0);
    const last = steps.at(-1)!;
    const all: Band[] = [{ from: null, fromIncl: false, to: 0, toIncl: true, level: ontime, source: '' }, ...steps];
    if (last.to !== null) all.push({ from: last.to, fromIncl: !last.toIncl, to: null, toIncl: false, level: tail ?? 0, source: '', ...(tail === null ? { implied: true } : {}) });
    const r = base('scadenza', all);
    r.direction = 'lower';
    r.unit = 'gg';
    r.workingDays = working;
    const ctx: RuleContext = {};
    if (ref) {
      if (fromTempi) ctx.tempi = ref;
      r.reference = { date: ref, text: '', source: fromTempi ? 'tempi' : 'graduazione' };
    }
    return { rule: r, ctx };
  });

function monotone(bands: Band[]): Rule['direction'] {
  const sorted = [...bands.map((b) => b.level)].sort((a, b) => a - b);
  bands.forEach((b, i) => (b.level = sorted[i]!));
  return 'higher';
}

const sogliaArb = fc
  .record({
    bands: bandsArb(fc.integer({ min: 0, max: 400 }).map((n) => n / 2), { openBelow: true, openAbove: true }),
    unit: fc.constantFrom('', 'ore', 'gg'),
    down: fc.boolean(),
  })
  .map(({ bands, unit, down }) => {
    const r = base('soglia', bands);
    r.direction = monotone(bands);
    if (down) {
      const lv = bands.map((b) => b.level).reverse();
      bands.forEach((b, i) => (b.level = lv[i]!));
    }
    const lo = bands[0]!.level;
    const hi = bands.at(-1)!.level;
    r.direction = hi < lo ? 'lower' : 'higher';
    r.unit = unit;
    return { rule: r, ctx: {} as RuleContext };
  });

const percentualeArb = bandsArb(fc.integer({ min: 0, max: 100 }), { openBelow: true, openAbove: false }).map((bands) => {
  const r = base('percentuale', bands);
  r.direction = monotone(bands);
  return { rule: r, ctx: {} as RuleContext };
});

const binarioArb = fc.record({ si: level, no: level, ref: fc.option(refDate, { nil: null }) }).map(({ si, no, ref }) => {
  const r = base('binario', []);
  r.binario = { si, no };
  if (ref) r.reference = { date: ref, text: '', source: 'graduazione' };
  return { rule: r, ctx: {} as RuleContext };
});

const proporzionaleArb = fc.integer({ min: 1, max: 500 }).map((t) => {
  const r = base('proporzionale', []);
  r.target = t;
  return { rule: r, ctx: { atteso: `almeno ${t} servizi` } as RuleContext };
});

describe('property tests', () => {
  it('the parser never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseGraduazione(s);
        expect(['scadenza', 'soglia', 'percentuale', 'binario', 'proporzionale', 'manuale']).toContain(r.kind);
        for (const b of r.bands) expect(b.level >= 0 && b.level <= 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('the parser never throws on graduation-like noise', () => {
    const piece = fc.constantFrom('ritardo', 'fino a', 'oltre', 'da', 'a', 'tra', 'e', '=', ':', ';', '.', '%', '-', '>', '<', '30', '1,5', 'gg', 'zero', 'tre', '31/06/2024', '30/06/24', 'nessun', 'non', 'proporzionale', 'entro', 'un mese', '=-70%', 'lavorativi');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), fc.integer({ min: -5, max: 400 }), (parts, x) => {
        const r = parseGraduazione(parts.join(' '), { tempi: '31/12/2024', atteso: '10' });
        const ev = evaluate(r, { kind: 'ritardo', days: x });
        expect(ev.level === null || (ev.level >= 0 && ev.level <= 1)).toBe(true);
        expect(typeof printRule(r)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
  it('print -> parse is the identity on random rules', () => {
    fc.assert(
      fc.property(fc.oneof(scadenzaArb, sogliaArb, percentualeArb, binarioArb, proporzionaleArb), ({ rule, ctx }) => {
        const text = printRule(rule);
        const back = parseGraduazione(text, ctx);
        expect(equivalent(rule, back), `${text}\n${JSON.stringify(back.bands)}\n${JSON.stringify(rule.bands)}`).toBe(true);
        expect(printRule(back)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('property: the new forms of other Comuni print back to the same rule (issue 15)', () => {
  const cmp = fc.constantFrom('>=', '=>', '≥', '\\geq', '<=', '=<', '≤', 'almeno', 'maggiore o uguale a', 'minore o uguale a');
  const target = fc.record({
    label: fc.constantFrom('N. monitoraggi', 'Tasso di copertura', 'Ritardo di pagamento', 'N. corsi'),
    op: cmp,
    n: fc.integer({ min: 0, max: 500 }),
    pct: fc.boolean(),
  });
  const wordLevels = fc.record({
    hi: fc.integer({ min: 51, max: 99 }),
    lo: fc.integer({ min: 1, max: 50 }),
    mid: fc.integer({ min: 1, max: 99 }),
  });
  it('a target with no levels: met 100%, not met 0%, printed and parsed to the same rule', () => {
    fc.assert(
      fc.property(target, ({ label, op, n, pct }) => {
        const text = `${label} ${op} ${n}${pct ? '%' : ''}`;
        const r = parseGraduazione(text);
        expect(['soglia', 'percentuale']).toContain(r.kind);
        expect(r.warnings.map((w) => w.code)).toContain('SENZA_LIVELLI');
        const back = parseGraduazione(printRule(r));
        expect(equivalent(r, back), `${text} -> ${printRule(r)}`).toBe(true);
        expect(printRule(back)).toBe(printRule(r));
      }),
      { numRuns: 400 },
    );
  });
  it('levels in words over "compreso tra" bands, printed and parsed to the same rule', () => {
    fc.assert(
      fc.property(wordLevels, ({ hi, lo, mid }) => {
        const text = `Tasso ≥ ${hi}%: pieno raggiungimento dell'obiettivo / compreso tra ${lo}% e < ${hi}%: raggiungimento dell'obiettivo al ${mid}% / < ${lo}%: obiettivo non raggiunto`;
        const r = parseGraduazione(text);
        expect(r.kind).toBe('percentuale');
        expect(evaluate(r, { kind: 'percentuale', value: hi }).level).toBe(1);
        expect(evaluate(r, { kind: 'percentuale', value: lo }).level).toBeCloseTo(mid / 100, 9);
        expect(evaluate(r, { kind: 'percentuale', value: lo - 0.5 }).level).toBe(0);
        const back = parseGraduazione(printRule(r));
        expect(equivalent(r, back), `${text} -> ${printRule(r)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('deadlines by month or named day: yes/no with the month\'s last day', () => {
    const MESI = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 2023, max: 2030 }), fc.boolean(), (m, y, withYear) => {
        const text = withYear ? `entro ${MESI[m]} ${y}` : `entro il mese di ${MESI[m]}`;
        const r = parseGraduazione(text, { anno: y });
        expect(r.kind).toBe('binario');
        expect(r.reference?.date?.getTime()).toBe(Date.UTC(y, m + 1, 0));
        const back = parseGraduazione(printRule(r), { anno: y });
        expect(equivalent(r, back), `${text} -> ${printRule(r)}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('a range of levels that grows point by point: linear inside its band, printed and parsed to the same rule', () => {
    const scale = fc
      .record({
        a: fc.integer({ min: 0, max: 300 }),
        width: fc.integer({ min: 1, max: 100 }),
        l0: fc.integer({ min: 0, max: 90 }),
        dl: fc.integer({ min: 1, max: 10 }),
        unit: fc.constantFrom('punti', ''),
        hint: fc.constantFrom(" (ogni punto in più vale l'1%)", ', in proporzione', ' linearmente', ' per ogni punto in più'),
        above: fc.boolean(),
        x: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map((v) => ({ ...v, b: v.a + v.width, l1: Math.min(100, v.l0 + v.dl * 5) }));
    fc.assert(
      fc.property(scale, ({ a, b, l0, l1, unit, hint, above, x }) => {
        const u = unit ? ` ${unit}` : '';
        const text = `Da ${a} a ${b}${u}: dal ${l0}% al ${l1}%${hint}${above ? `; oltre ${b}${u} = 100%` : ''}`;
        const r = parseGraduazione(text);
        expect(r.kind, text).toBe('soglia');
        const v = a + x * (b - a);
        expect(evaluate(r, { kind: 'numero', value: v }).level!, `${text} at ${v}`).toBeCloseTo((l0 + x * (l1 - l0)) / 100, 6);
        expect(evaluate(r, { kind: 'numero', value: a }).level).toBeCloseTo(l0 / 100, 9);
        expect(evaluate(r, { kind: 'numero', value: b }).level).toBeCloseTo(l1 / 100, 9);
        expect(evaluate(r, { kind: 'numero', value: a - 1 }).level).toBe(0);
        expect(evaluate(r, { kind: 'numero', value: b + 1 }).level).toBe(above ? 1 : 0);
        const back = parseGraduazione(printRule(r));
        expect(equivalent(r, back), `${text} -> ${printRule(r)}`).toBe(true);
        expect(printRule(back)).toBe(printRule(r));
      }),
      { numRuns: 400 },
    );
  });
});
