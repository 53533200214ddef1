/**
 * Property tests: the reader and the checks never throw, whatever the grid; label noise that a
 * person could type (case, accents, spaces, punctuation) does not change what is read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/domain/controlli';
import type { Cell, CellRange, Grid } from '../../src/domain/grid';
import { readSchede, readWorkbook, type Scheda } from '../../src/domain/scheda';
import { tsvToGrid } from '../helpers/tsvGrid';
import { seedText } from '../scheda/sarzana';

const LABELS = [
  'OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE', 'OBBIETTIVO GESTIONALE 2025', 'PIANO OPERATIVO 1° ANNUALITÀ',
  'PILANO OPERATIVO', 'N.', 'PESO', 'PESS', 'AZIONE', 'TEMPI (M/F)', 'INDICATORI', 'ATTESO', 'GRADUAZIONE', 'RAGGIUNTO', '%',
  'RISORSE UMANE', 'RESPONSABILE', 'ASSEGNAZIONE FINANZIARIA', 'STANZIAMENTO 2024', 'NOTE', 'PESATURA', 'CRITERIO',
  "PESO TOTALE DELL'OBIETTIVO", 'Linea programmatica di mandato', 'Dup - Sezione strategica', 'Dirigente responsabile',
  'Collegamento al bilancio', 'UNITÀ ORGANIZZATIVA RESPONSABILE', 'Mario Rossi 30%', '100,00%', '31/06/2024',
  'Nessun ritardo = 100%; ritardo fino a 30 gg = 70%', '', ' ', 'x', '<input checked="" type="checkbox"/>',
];

const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...LABELS).map((t) => ({ v: t, t })),
  fc.string({ maxLength: 30 }).map((t) => ({ v: t, t })),
  fc.oneof(fc.integer({ min: -200, max: 200 }), fc.double({ noNaN: false })).map((v) => ({ v, t: '' })),
  fc.double({ min: 0, max: 2, noNaN: true }).map((v) => ({ v, t: '', f: '0%' })),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)) }).map((v) => ({ v, t: '' })),
  fc.boolean().map((v) => ({ v, t: '' })),
  fc.constant({ v: null, t: 'shown' }),
);

const rangeArb = (rows: number, cols: number): fc.Arbitrary<CellRange> =>
  fc
    .tuple(fc.nat({ max: rows + 2 }), fc.nat({ max: cols + 2 }), fc.nat({ max: 5 }), fc.nat({ max: 5 }))
    .map(([r1, c1, h, w]) => ({ r1, c1, r2: r1 + h, c2: c1 + w }));

const gridArb: fc.Arbitrary<Grid> = fc
  .array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 60 })
  .chain((rows) =>
    fc.array(rangeArb(rows.length, 14), { maxLength: 8 }).map((merges) => ({ name: 'Casuale', rows, merges })),
  );

function wellFormed(s: Scheda): void {
  expect(typeof s.range).toBe('string');
  expect(s.firstRow).toBeLessThanOrEqual(s.lastRow);
  for (const a of s.annualita) for (const z of a.azioni) expect(z.azione !== null || z.peso !== null).toBe(true);
  for (const p of s.problemi) expect(typeof p).toBe('string');
}

describe('never throws', () => {
  it('on random grids (random values, labels, merges)', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const schede = readSchede(g);
        schede.forEach(wellFormed);
        const f = checkWorkbook(schede);
        for (const x of f) expect(x.messaggio.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('on a real card with random merges and random cells overwritten', () => {
    const base = tsvToGrid(seedText(351, 439), 'Anagrafe');
    fc.assert(
      fc.property(
        fc.array(rangeArb(90, 13), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat({ max: 90 }), fc.nat({ max: 13 }), cellArb), { maxLength: 20 }),
        (merges, edits) => {
          const rows = base.rows.map((r) => [...r]);
          for (const [r, c, cell] of edits) {
            if (!rows[r]) rows[r] = [];
            rows[r][c] = cell;
          }
          const schede = readWorkbook([{ name: 'Anagrafe', rows, merges }]);
          schede.forEach(wellFormed);
          checkWorkbook(schede);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on malformed inputs', () => {
    const bad = [
      { name: 'x', rows: [[{ v: undefined as unknown as null, t: undefined as unknown as string }]], merges: [] },
      { name: 'x', rows: [null as unknown as Cell[], [{ v: 'PIANO OPERATIVO 1° ANNUALITÀ', t: '' }]], merges: [{ r1: 5, c1: 5, r2: 1, c2: 1 }] },
      { name: undefined as unknown as string, rows: undefined as unknown as Cell[][], merges: undefined as unknown as CellRange[] },
    ];
    for (const g of bad) expect(() => checkWorkbook(readSchede(g as Grid))).not.toThrow();
    expect(readWorkbook(undefined as unknown as Grid[])).toEqual([]);
    expect(checkWorkbook(undefined as unknown as Scheda[])).toEqual([]);
  });
});

/** how a person might retype a label: case, accents, spaces, trailing punctuation */
const noiseArb = fc.record({
  kase: fc.constantFrom('same', 'lower', 'upper'),
  accents: fc.boolean(),
  spaces: fc.boolean(),
  colon: fc.boolean(),
});

type Noise = { kase: string; accents: boolean; spaces: boolean; colon: boolean };

function noisy(label: string, n: Noise): string {
  let s = label;
  if (n.kase === 'lower') s = s.toLowerCase();
  if (n.kase === 'upper') s = s.toUpperCase();
  if (n.accents) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (n.spaces) s = `  ${s.replace(/ /g, '  ')} `;
  if (n.colon && !/%$/.test(label)) s = `${s}:`;
  return s;
}

const LABEL_RE = /^(N\.|PESO|AZIONE|TEMPI \(M\/F\)|ATTESO|GRADUAZIONE|RAGGIUNTO|RISORSE UMANE|RESPONSABILE|PESATURA|CRITERIO|PIANO OPERATIVO .*|Linea programmatica di mandato|Dup - Sezione .*|Dirigente responsabile|Situazione di partenza \(baseline\)|A chi è rivolto \(Stakeholder\))$/;

describe('label noise', () => {
  const lines = seedText(1611, 1657);
  const expected = readSchede(tsvToGrid(lines, 'Disabili'))[0];
  const summary = (s: Scheda) => ({
    periodo: s.periodo,
    dirigente: s.header.dirigente?.value,
    lineaMandato: s.header.lineaMandato?.value,
    pesi: s.annualita.map((a) => a.azioni.map((z) => z.peso?.points)),
    graduazioni: s.annualita.map((a) => a.azioni.map((z) => z.graduazione?.value)),
    risorse: s.risorse.map((r) => r.responsabile?.value),
    pesatura: s.pesatura?.totale?.value,
  });

  it('case, accents, spaces and punctuation do not change the reading', () => {
    fc.assert(
      fc.property(noiseArb, (n) => {
        const noisyLines = lines.map((l) => l.split('\t').map((f) => (LABEL_RE.test(f) ? noisy(f, n) : f)).join('\t'));
        const got = readSchede(tsvToGrid(noisyLines, 'Disabili'));
        expect(got).toHaveLength(1);
        expect(summary(got[0])).toEqual(summary(expected));
      }),
      { numRuns: 60 },
    );
  });

  it('one-letter typos in long labels are tolerated', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('a', 'e', 'i', 'o', 'x'), (pos, ch) => {
        const typo = (w: string) => {
          if (w.length < 7) return w;
          const i = 1 + (pos % (w.length - 2));
          return w.slice(0, i) + ch + w.slice(i + 1);
        };
        const noisyLines = lines.map((l) =>
          l
            .split('\t')
            .map((f) => (/^(GRADUAZIONE|RAGGIUNTO|RISORSE UMANE|INDICATORI)$/.test(f) ? f.split(' ').map(typo).join(' ') : f))
            .join('\t'),
        );
        const got = readSchede(tsvToGrid(noisyLines, 'Disabili'));
        expect(summary(got[0])).toEqual(summary(expected));
      }),
      { numRuns: 60 },
    );
  });
});
