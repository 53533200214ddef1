/**
 * issue 15: the graduation language of other Comuni. Texts verbatim from the seeds 000 (Tortona), 001 (Chiari) and
 * 003 (template), and the scales quoted in the issue, each with the level a careful reader gives inside, on the edge
 * of and beyond each band or target; every rule prints to canonical Italian that parses back to the same rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseGraduazione, printRule, ruleFromTarget, type Measurement, type Rule } from '../../src/domain/graduazione';
import { dirname } from 'node:path';
import { SEED_SARZANA } from '../helpers/shared';

// the shared seeds beside the repository (where CI lays them), else the copies in test/fixtures/shared
const SEEDS = dirname(SEED_SARZANA);
const seedLines = (prefix: string) => {
  const dir = new URL('../fixtures/shared/seeds/', import.meta.url).pathname;
  for (const base of [`${SEEDS}/`, dir]) {
    if (!existsSync(base)) continue;
    const name = readdirSync(base).find((f) => f.startsWith(prefix));
    if (name) return readFileSync(`${base}${name}`, 'utf8').split('\n');
  }
  return null;
};

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const num = (value: number): Measurement => ({ kind: 'numero', value });
const pct = (value: number): Measurement => ({ kind: 'percentuale', value });
const date = (y: number, m: number, day: number): Measurement => ({ kind: 'data', date: d(y, m, day) });
const yes: Measurement = { kind: 'booleano', value: true };
const no: Measurement = { kind: 'booleano', value: false };
const lv = (r: Rule, m: Measurement) => evaluate(r, m).level;
const same = (a: Rule, b: Rule) => {
  expect(b.kind).toBe(a.kind);
  const shape = (x: Rule['bands'][number]) => [x.from, x.fromIncl, x.to, x.toIncl, x.level, x.lineare ?? null];
  expect(b.bands.map(shape)).toEqual(a.bands.map(shape));
  expect(b.binario).toEqual(a.binario);
  expect(b.reference?.date?.getTime() ?? null).toBe(a.reference?.date?.getTime() ?? null);
};

interface Case {
  text: string;
  /** where it comes from: seed and line, or the issue */
  from: string;
  /** seed line that must hold the text verbatim */
  seed?: [string, number];
  anno?: number;
  kind: Rule['kind'];
  /** [measurement, level] */
  at: [Measurement, number][];
  /** read as a target with no levels (info SENZA_LIVELLI) */
  target?: boolean;
}

const CASES: Case[] = [
  {
    text: "Tasso di copertura ≥ 90%: pieno raggiungimento dell'obiettivo / compreso tra 80% e < 90%: raggiungimento dell'obiettivo al 60% / < 80%: obiettivo non raggiunto",
    from: 'issue 15 (a regional health service scale)',
    kind: 'percentuale',
    at: [[pct(95), 1], [pct(90), 1], [pct(89.9), 0.6], [pct(80), 0.6], [pct(79.9), 0], [pct(0), 0]],
  },
  {
    text: 'Se i giorni medi sono compresi tra 10 e 15, obiettivo raggiunto al 70% (2 punti)',
    from: 'issue 15',
    kind: 'soglia',
    at: [[num(9), 0], [num(10), 0.7], [num(12), 0.7], [num(15), 0.7], [num(16), 0]],
  },
  {
    text: 'Percentuale di pratiche evase maggiore o uguale a 95,00% = 100%; inferiore al 95,00% = 50%',
    from: 'DESIGN.md comparison forms',
    kind: 'percentuale',
    at: [[pct(96), 1], [pct(95), 1], [pct(94.99), 0.5], [pct(10), 0.5]],
  },
  { text: 'N. monitoraggi >= 2', from: 'Tortona INDICATORI DI RISULTATO', seed: ['000', 51], kind: 'soglia', target: true, at: [[num(1), 0], [num(2), 1], [num(5), 1]] },
  { text: 'Ritardo di pagamento =< 0', from: 'Tortona INDICATORI DI RISULTATO', seed: ['000', 103], kind: 'soglia', target: true, at: [[num(-5), 1], [num(0), 1], [num(1), 0], [num(30), 0]] },
  { text: 'minore o uguale a 0', from: "Chiari QUANTITA' (line 122)", seed: ['001', 122], kind: 'soglia', target: true, at: [[num(-3), 1], [num(0), 1], [num(0.5), 0]] },
  { text: 'almeno n.1 azione', from: "Chiari QUANTITA'", seed: ['001', 181], kind: 'soglia', target: true, at: [[num(0), 0], [num(1), 1], [num(3), 1]] },
  { text: 'almeno n.10', from: 'issue 15', kind: 'soglia', target: true, at: [[num(9), 0], [num(10), 1], [num(11), 1]] },
  { text: 'Grado di realizzazione del risultato atteso >= 80%', from: 'issue 15', kind: 'percentuale', target: true, at: [[pct(79.9), 0], [pct(80), 1], [pct(100), 1]] },
  { text: "Realizzazione di almeno l'80% degli eventi", from: 'DESIGN.md', kind: 'percentuale', target: true, at: [[pct(79), 0], [pct(80), 1], [pct(90), 1]] },
  { text: 'entro il 31/07/2024', from: 'Chiari (line 73)', seed: ['001', 73], kind: 'binario', target: true, at: [[date(2024, 7, 30), 1], [date(2024, 7, 31), 1], [date(2024, 8, 1), 0], [yes, 1], [no, 0]] },
  { text: 'Entro il 29 febbraio 2024: PRIMO CORSO DI FORMAZIONE', from: 'issue 15', kind: 'binario', target: true, at: [[date(2024, 2, 29), 1], [date(2024, 3, 1), 0]] },
  { text: 'entro il mese di settembre', from: 'Chiari (line 156)', anno: 2024, kind: 'binario', target: true, at: [[date(2024, 9, 30), 1], [date(2024, 10, 1), 0]] },
  { text: 'entro maggio 2024', from: 'DESIGN.md', kind: 'binario', target: true, at: [[date(2024, 5, 31), 1], [date(2024, 6, 1), 0]] },
  {
    text: "Da 90 a 110 punti: dal 60% all'80% (ogni punto in più vale l'1%); oltre 110 punti = 100%",
    from: 'DESIGN.md: a range of levels that grows point by point',
    kind: 'soglia',
    at: [[num(89), 0], [num(90), 0.6], [num(91), 0.61], [num(100), 0.7], [num(109.5), 0.795], [num(110), 0.8], [num(110.5), 1], [num(200), 1]],
  },
  {
    text: "Punteggio da 90 a 110 punti dal 60% all'80%, in proporzione; meno di 90 punti = 0%",
    from: 'DESIGN.md: the range with the words after it',
    kind: 'soglia',
    at: [[num(50), 0], [num(90), 0.6], [num(105), 0.75], [num(110), 0.8], [num(111), 0]],
  },
  { text: 'Attivazione sistema istanze on-line', from: 'Tortona INDICATORI DI RISULTATO', seed: ['000', 521], kind: 'binario', target: true, at: [[yes, 1], [no, 0]] },
];

describe('texts of other Comuni, read as a careful reader does', () => {
  for (const c of CASES) {
    it(`${c.from}: ${c.text}`, () => {
      if (c.seed) {
        const lines = seedLines(c.seed[0]);
        expect(lines, `seed ${c.seed[0]}`).not.toBeNull();
        expect(lines![c.seed[1] - 1]).toContain(c.text);
      }
      const r = parseGraduazione(c.text, { anno: c.anno ?? null });
      expect(r.kind).toBe(c.kind);
      for (const [m, level] of c.at) expect(lv(r, m), `${JSON.stringify(m)}`).toBeCloseTo(level, 9);
      expect(r.warnings.some((w) => w.code === 'SENZA_LIVELLI')).toBe(!!c.target);
      // printed back to canonical Italian, which parses to the same rule
      same(r, parseGraduazione(printRule(r), { anno: c.anno ?? null }));
      if (c.target) same(r, ruleFromTarget(c.text, c.anno ?? null));
    });
  }
});

/** the generic template's target column (seed 003): a bare value is reached at that value or more, "Si" is done or not */
const TARGETS_003: { line: number; text: string; at: [Measurement, number][] }[] = [
  { line: 20, text: '95%', at: [[pct(94.9), 0], [pct(95), 1], [pct(100), 1]] },
  { line: 21, text: 'Si', at: [[yes, 1], [no, 0]] },
  { line: 21, text: 'Garantire il 100% delle pubblicazioni sulla piattaforma BDNCP', at: [[pct(99), 0], [pct(100), 1]] },
  { line: 55, text: '100%', at: [[pct(99.5), 0], [pct(100), 1]] },
  { line: 55, text: 'almeno n. 2 corsi con attestato di partecipazione finalizzato a garantire 24 ore di formazione', at: [[num(1), 0], [num(2), 1], [num(3), 1]] },
  { line: 85, text: '10%', at: [[pct(9), 0], [pct(10), 1], [pct(50), 1]] },
  { line: 87, text: 'si', at: [[yes, 1], [no, 0]] },
];

describe("the template's target column (seed 003): the target is the rule", () => {
  for (const c of TARGETS_003) {
    it(`line ${c.line}: ${c.text}`, () => {
      const lines = seedLines('003');
      expect(lines).not.toBeNull();
      // a whole field of the seed's line, or the indicator's phrase inside one
      const fields = lines![c.line - 1]!.split('\t').map((f) => f.trim());
      expect(fields.some((f) => f === c.text || (c.text.length > 20 && f.startsWith(c.text)))).toBe(true);
      const r = ruleFromTarget(c.text, 2024);
      expect(r.kind).not.toBe('manuale');
      expect(r.warnings.map((w) => w.code)).toContain('SENZA_LIVELLI');
      for (const [m, level] of c.at) expect(lv(r, m), JSON.stringify(m)).toBe(level);
      same(r, parseGraduazione(printRule(r), { anno: 2024 }));
    });
  }
  it('the unit is the compared number\'s: "almeno n. 2 corsi … 24 ore" counts courses', () => {
    expect(printRule(ruleFromTarget('almeno n. 2 corsi con attestato di partecipazione finalizzato a garantire 24 ore di formazione'))).not.toMatch(/ore/);
    expect(printRule(ruleFromTarget('almeno 24 ore di formazione'))).toMatch(/24 ore o più = 100%/);
  });
});

/**
 * Chiari's QUANTITA' and TEMPI DI ATTUAZIONE (seed 001) and Tortona's INDICATORI DI RISULTATO (seed 000) as targets:
 * a count is reached at that count or more, a period of work is done by its end, never a range of numbers.
 */
const TARGETS_ALTRI: { seed: string; line: number; text: string; kind: Rule['kind']; at: [Measurement, number][]; fine?: string }[] = [
  { seed: '001', line: 164, text: 'n.2 azioni', kind: 'soglia', at: [[num(1), 0], [num(2), 1], [num(3), 1]] },
  { seed: '001', line: 220, text: 'N.15 attività', kind: 'soglia', at: [[num(14), 0], [num(15), 1]] },
  { seed: '001', line: 268, text: '3 azioni', kind: 'soglia', at: [[num(2), 0], [num(3), 1]] },
  { seed: '001', line: 284, text: 'n2 azioni', kind: 'soglia', at: [[num(1), 0], [num(2), 1]] },
  { seed: '001', line: 1184, text: 'n.1.000', kind: 'soglia', at: [[num(999), 0], [num(1000), 1]] },
  { seed: '001', line: 1320, text: 'n.2000 verbali tramite report mensili', kind: 'soglia', at: [[num(1999), 0], [num(2000), 1]] },
  { seed: '001', line: 1053, text: "Attivazione per l'a.s. 2024/2025 di almento 2 servizi", kind: 'soglia', at: [[num(1), 0], [num(2), 1]] },
  { seed: '001', line: 109, text: 'biennio 2024-2025', kind: 'binario', fine: '31/12/2025', at: [[date(2025, 12, 31), 1], [date(2026, 1, 1), 0], [yes, 1], [no, 0]] },
  { seed: '001', line: 434, text: '2024 - 2025 - 2026', kind: 'binario', fine: '31/12/2026', at: [[date(2026, 12, 31), 1], [date(2027, 1, 15), 0]] },
  { seed: '001', line: 721, text: '2023/2024', kind: 'binario', fine: '31/12/2024', at: [[date(2024, 12, 31), 1], [date(2025, 1, 1), 0]] },
  { seed: '001', line: 1204, text: '2024_2025', kind: 'binario', fine: '31/12/2025', at: [[date(2025, 6, 1), 1], [date(2026, 1, 1), 0]] },
  { seed: '001', line: 544, text: 'DI ATTUAZIONE: 2024', kind: 'binario', fine: '31/12/2024', at: [[date(2024, 12, 31), 1], [date(2025, 1, 1), 0]] },
  { seed: '001', line: 316, text: 'avviato da ottobre 2023 e conclusione dicembre 2024', kind: 'binario', fine: '31/12/2024', at: [[date(2024, 12, 31), 1], [date(2025, 1, 1), 0]] },
  { seed: '001', line: 602, text: 'TRIENNALE 01/01/2023 – 31/12/2025', kind: 'binario', fine: '31/12/2025', at: [[date(2025, 12, 31), 1], [date(2026, 1, 1), 0]] },
  { seed: '001', line: 1285, text: 'Nel periodo ricompreso tra il 15/06/2024 ed il 31/12/2024', kind: 'binario', fine: '31/12/2024', at: [[date(2024, 12, 31), 1], [date(2025, 1, 2), 0]] },
  { seed: '000', line: 65, text: 'N. 4 progetti conclusi e verificati positivamente', kind: 'soglia', at: [[num(3), 0], [num(4), 1]] },
  { seed: '000', line: 328, text: 'N. regolamenti presentati alla Giunta Comunale = 1', kind: 'soglia', at: [[num(0), 0], [num(1), 1]] },
  { seed: '000', line: 554, text: 'N. regolamenti redatti =1', kind: 'soglia', at: [[num(0), 0], [num(1), 1]] },
  { seed: '000', line: 952, text: 'Presentazione al Consiglio Comunale del/i regolamento/i per approvazione', kind: 'binario', at: [[yes, 1], [no, 0]] },
];

describe("other Comuni's quantities, periods and indicators: the target is the rule", () => {
  for (const c of TARGETS_ALTRI) {
    it(`${c.seed} line ${c.line}: ${c.text}`, () => {
      expect(seedLines(c.seed)![c.line - 1]).toContain(c.text);
      const r = ruleFromTarget(c.text, 2024);
      expect(r.kind).toBe(c.kind);
      expect(r.warnings.map((w) => w.code)).toContain('SENZA_LIVELLI');
      if (c.fine) expect(r.reference?.date?.toISOString().slice(0, 10)).toBe(c.fine.split('/').reverse().join('-'));
      for (const [m, level] of c.at) expect(lv(r, m), JSON.stringify(m)).toBe(level);
      same(r, parseGraduazione(printRule(r), { anno: 2024 }));
    });
  }
  it('an approximate count ("circa 150 faldoni", "n.350 nominativi circa") stays manual with the reason', () => {
    for (const t of ['circa 150 faldoni', 'n.350 nominativi circa']) {
      const r = ruleFromTarget(t, 2024);
      expect(r.kind).toBe('manuale');
      expect(r.reason).toMatch(/approssimativo/);
    }
  });
  it('a Sarzana GRADUAZIONE that only names a thing done keeps being read by hand (line 1729)', () => {
    expect(parseGraduazione('Presentazione del progetto ai referenti di Fondazione Carispezia.').kind).toBe('manuale');
  });
});

describe('what stays manual, with the reason', () => {
  it('two indicators in one cell (Tortona line 117)', () => {
    const r = ruleFromTarget('N. questionari compilati >= 40 N. criticità rilevate < 5', 2024);
    expect(r.kind).toBe('manuale');
    expect(r.reason).toMatch(/più indicatori/);
  });
  it("money scales (Chiari line 213)", () => {
    const r = parseGraduazione('€.40,00 fino a 2 ore; €.60,00 fino a 4 ore €.80,00 fino a 6 ore; €.100,00 fino a 8 ore; €.140,00 fino a 10 ore');
    expect(r.kind).toBe('manuale');
    expect(r.reason).toMatch(/euro/);
  });
  it('a range of levels that does not say how it grows (each point adds? steps?)', () => {
    const r = parseGraduazione("da 90 a 110 punti dal 60% all'80%");
    expect(r.kind).toBe('manuale');
    expect(r.reason).toMatch(/intervallo di livelli.*come cresce/);
  });
  it('a range of levels on a band with one end only', () => {
    const r = parseGraduazione("oltre 90 punti: dal 60% all'80% in proporzione");
    expect(r.kind).toBe('manuale');
    expect(r.reason).toMatch(/due estremi/);
  });
  it('a descriptive text is not a target', () => {
    expect(parseGraduazione('Coinvolgere il servizio ASL Assistenza Disabili').kind).toBe('manuale');
  });
});

describe('a card with no GRADUAZIONE: the indicator\'s target is the rule', () => {
  it('INDICATORI "N. monitoraggi >= 2" with an empty GRADUAZIONE gives the yes/no rule; an empty target stays manual', async () => {
    const { readSchede } = await import('../../src/domain/scheda');
    const { ruleOf } = await import('../../src/domain/graduazione');
    const { tsvToGrid } = await import('../helpers/tsvGrid');
    const { seedText } = await import('../scheda/sarzana');
    const lines = seedText(3, 45);
    const i = lines.findIndex((l) => l.startsWith('1\t'));
    const f = lines[i]!.split('\t');
    f[4] = 'N. monitoraggi >= 2';
    f[6] = '';
    lines[i] = f.join('\t');
    const [s] = readSchede(tsvToGrid(lines, 'Scheda'));
    const [a1, a2] = s!.annualita[0]!.azioni;
    const r = ruleOf(a1!, 2024);
    expect(r.kind).toBe('soglia');
    expect([lv(r, num(1)), lv(r, num(2))]).toEqual([0, 1]);
    // the other actions keep their written graduation
    expect(ruleOf(a2!, 2024).text).toBe(a2!.graduazione?.value);
  });
});
