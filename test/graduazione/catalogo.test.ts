/**
 * Every Sarzana action row of ../shared/esempi/graduations.json, parsed with its row context and
 * compared with the catalogue's reading: kind, the level at sample values on both sides of every
 * band edge, the reference date and where it came from. Where the catalogue disagrees with the
 * seed text or with the rules of issue 4, the row is listed in CATALOGUE_DIFFERS with the reason.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseGraduazione, type Measurement, type Rule } from '../../src/domain/graduazione';
import { sharedFile } from '../helpers/shared';

interface CatBand {
  from: number | null;
  to: number | null;
  from_inclusive: boolean;
  to_inclusive: boolean;
  level_percent: number;
}
interface Entry {
  line: number;
  distinct_text_id: string;
  TEMPI: string;
  ATTESO: string;
  INDICATORI: string;
  GRADUAZIONE: string;
  annualita_year: number;
  rule: { kind: string; bands?: CatBand[]; reference_date: string | null; reference_date_source: string | null };
}

const path = sharedFile('esempi/graduations.json');
const catalogue = JSON.parse(readFileSync(path, 'utf8')) as { entries: Entry[]; distinct_texts: { id: string; text: string }[] };

const KIND: Record<string, Rule['kind']> = {
  deadline: 'scadenza',
  threshold: 'soglia',
  manual: 'manuale',
  percent_bands: 'percentuale',
  binary: 'binario',
  proportional: 'proporzionale',
};

/**
 * Rows whose reference date differs from the catalogue, and why the seed/issue wins:
 * - 368, 372, 378, 409, 410, 1720: the graduation text states its own date (30/06/2024, 30/09/2024);
 *   issue 4 says the graduation's date comes first; the row's TEMPI date only raises DATA_DIVERSA.
 * - 804: "31/06/2024" does not exist; the catalogue silently used TEMPI (30/06/2024); the issue says an
 *   impossible date is never shifted: reference.date null + DATA_IMPOSSIBILE.
 * - soglia/percentuale rows (19, 331, 577, 578, 715, 716, 761, 762) and the manual 623: the catalogue
 *   records TEMPI's date, but a non-deadline rule has no deadline to compute with: reference null.
 */
const REFERENCE_DIFFERS = new Set([368, 372, 378, 409, 410, 1720, 804]);

function catLevel(bands: CatBand[], x: number): number {
  for (const b of bands) {
    const above = b.from === null || x > b.from || (x === b.from && b.from_inclusive);
    const below = b.to === null || x < b.to || (x === b.to && b.to_inclusive);
    if (above && below) return b.level_percent / 100;
  }
  return 0;
}

function samples(bands: CatBand[], kind: Rule['kind']): number[] {
  const pts = new Set<number>();
  for (const b of bands) {
    for (const v of [b.from, b.to]) {
      if (v === null) continue;
      for (const d of [-1, -0.5, -0.05, 0, 0.05, 0.5, 1]) pts.add(Math.round((v + d) * 100) / 100);
    }
  }
  for (const v of [0, 1, 5, 45, 75, 95, 150, 400]) pts.add(v);
  // delays are whole days: fractional delays fall in the gaps G07 leaves (3..4), where issue 4 and the catalogue differ
  return [...pts].filter((x) => (kind === 'scadenza' ? x >= -2 && Number.isInteger(x) : x >= 0) && (kind !== 'percentuale' || x <= 100)).sort((a, b) => a - b);
}

function measure(kind: Rule['kind'], x: number): Measurement {
  if (kind === 'scadenza') return { kind: 'ritardo', days: x };
  if (kind === 'percentuale') return { kind: 'percentuale', value: x };
  return { kind: 'numero', value: x };
}

const rows = catalogue.entries;

describe('Sarzana catalogue (graduations.json)', () => {
  it('has the 129 action rows and 80 distinct non-empty texts', () => {
    expect(rows.length).toBe(129);
    expect(new Set(rows.map((r) => r.GRADUAZIONE).filter(Boolean)).size).toBe(80);
  });

  for (const e of rows) {
    it(`line ${e.line} (${e.distinct_text_id}) reads as catalogued`, () => {
      const rule = parseGraduazione(e.GRADUAZIONE, { tempi: e.TEMPI, atteso: e.ATTESO, indicatori: e.INDICATORI, anno: e.annualita_year });
      const kind = KIND[e.rule.kind]!;
      expect(rule.kind).toBe(kind);
      if (kind === 'scadenza' || kind === 'soglia' || kind === 'percentuale') {
        const bands = e.rule.bands ?? [];
        for (const x of samples(bands, kind)) {
          const ev = evaluate(rule, measure(kind, x));
          expect([x, ev.level]).toEqual([x, catLevel(bands, x)]);
        }
      }
      if (kind === 'binario') expect(rule.binario).toEqual({ si: 1, no: 0 });
      if (kind === 'manuale') expect(rule.reason).toBeTruthy();
      if (kind === 'scadenza' || kind === 'binario') {
        const iso = rule.reference?.date ? rule.reference.date.toISOString().slice(0, 10) : null;
        if (REFERENCE_DIFFERS.has(e.line)) {
          expect(iso).not.toBe(e.rule.reference_date);
        } else {
          expect(iso).toBe(e.rule.reference_date);
          const src = { graduation: 'graduazione', TEMPI: 'tempi', ATTESO: 'atteso' }[e.rule.reference_date_source ?? ''] ?? undefined;
          expect(rule.reference?.source).toBe(src);
        }
      }
    });
  }

  it('keeps the graduation date and warns DATA_DIVERSA where TEMPI/ATTESO say otherwise', () => {
    for (const line of [368, 372, 378, 409, 410, 1720]) {
      const e = rows.find((r) => r.line === line)!;
      const rule = parseGraduazione(e.GRADUAZIONE, { tempi: e.TEMPI, atteso: e.ATTESO, anno: e.annualita_year });
      expect(rule.reference?.source).toBe('graduazione');
      expect(rule.warnings.map((w) => w.code)).toContain('DATA_DIVERSA');
    }
  });

  it('never shifts the impossible 31/06/2024 (line 804)', () => {
    const e = rows.find((r) => r.line === 804)!;
    const rule = parseGraduazione(e.GRADUAZIONE, { tempi: e.TEMPI, atteso: e.ATTESO });
    expect(rule.reference).toMatchObject({ date: null, text: '31/06/2024', source: 'graduazione' });
    expect(rule.warnings.map((w) => w.code)).toContain('DATA_IMPOSSIBILE');
    expect(evaluate(rule, { kind: 'data', date: new Date(Date.UTC(2024, 6, 10)) }).level).toBeNull();
    expect(evaluate(rule, { kind: 'ritardo', days: 10 }).level).toBe(0.8);
  });

  it('"almeno un servizio al giorno" in ATTESO states no target: the target is asked for, never guessed as 1', () => {
    const e = rows.find((r) => r.line === 1579)!;
    const rule = parseGraduazione(e.GRADUAZIONE, { tempi: e.TEMPI, atteso: e.ATTESO });
    expect(rule.kind).toBe('proporzionale');
    expect(rule.target).toBeNull();
    expect(rule.atteso).toBe(e.ATTESO);
    expect(evaluate(rule, { kind: 'numero', value: 200 }).level).toBeNull();
    expect(evaluate(rule, { kind: 'numero', value: 200, target: 365 }).level).toBeCloseTo(200 / 365, 9);
  });

  it('computes at least 95% of the seed texts a person can compute', () => {
    const computable = rows.filter((e) => e.rule.kind !== 'manual');
    const computed = computable.filter((e) => {
      const rule = parseGraduazione(e.GRADUAZIONE, { tempi: e.TEMPI, atteso: e.ATTESO, anno: e.annualita_year });
      const m: Measurement =
        rule.kind === 'scadenza' ? { kind: 'ritardo', days: 10 } : rule.kind === 'binario' ? { kind: 'booleano', value: true } : rule.kind === 'percentuale' || (rule.kind === 'proporzionale' && rule.target === null)
            ? { kind: 'percentuale', value: 85 } // "Svolgimento periodico": no number in ATTESO, the share of it is typed as %
            : { kind: 'numero', value: 1 };
      return rule.kind !== 'manuale' && evaluate(rule, m).level !== null;
    });
    expect(computed.length / computable.length).toBeGreaterThanOrEqual(0.95);
    expect(computed.length).toBe(computable.length);
  });

  it('every seed text that is not computable is manuale with a reason', () => {
    for (const t of catalogue.distinct_texts) {
      const rule = parseGraduazione(t.text);
      if (rule.kind === 'manuale') expect(rule.reason, t.id).toMatch(/\S/);
    }
  });
});
