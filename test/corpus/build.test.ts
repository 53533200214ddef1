import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRange, toA1 } from '../../src/domain/grid';
import { buildCard, buildSheetPlan, cardWidth, dateOf, numberOf } from '../../scripts/corpus/build';
import { CORPUS, SAMPLE, STACKED, cardRows, cardText, workbookSpecs } from '../../scripts/corpus/cards';
import { SEED_SARZANA } from '../helpers/shared';

const SEED = SEED_SARZANA;

describe('corpus data', () => {
  it('holds at least 15 Sarzana cards, each starting with its title line', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    for (const c of CORPUS) expect(cardRows(c.id)[0][0]).toMatch(/^(OBB?IETTIVO|OGGETTO) GESTIONALE 20\d\d – 20\d\d/);
  });

  it.skipIf(!existsSync(SEED))('data files are the verbatim seed lines', () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    for (const c of CORPUS) {
      const expected = seed.slice(c.seed[0] - 1, c.seed[1]).join('\n') + '\n';
      expect(cardText(c.id), c.file).toBe(expected);
    }
  });

  it('the sample and the stacked sheet use corpus cards', () => {
    expect(SAMPLE.map((s) => s.sheet)).toContain('Polizia Locale');
    expect(SAMPLE.map((s) => s.sheet)).toContain('Protocollo');
    for (const s of [...SAMPLE.map((x) => x.id), ...STACKED.ids]) expect(CORPUS.some((c) => c.id === s)).toBe(true);
  });
});

describe('value conversion', () => {
  it('reads Italian numbers and only valid dd/mm/yyyy dates', () => {
    expect(numberOf('50')).toBe(50);
    expect(numberOf('1,5')).toBe(1.5);
    expect(numberOf('108.000,00')).toBe(108000);
    expect(numberOf('100,00%')).toBeNull();
    expect(numberOf('01')).toBeNull();
    expect(dateOf('31/12/2024')?.toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(dateOf('31/06/2024')).toBeNull();
    expect(dateOf('30/06/24')).toBeNull();
    expect(dateOf('Entro il 31/12/2024')).toBeNull();
  });
});

describe('buildCard', () => {
  for (const card of CORPUS) {
    it(`${card.sheet}: every field sits in its own cell, merges cover only empty cells`, () => {
      const rows = cardRows(card.id);
      const built = buildCard(rows, 0, card.opts);
      const byAddr = new Map(built.cells.map((c) => [c.address, c]));
      rows.forEach((row, r) =>
        row.forEach((field, c) => {
          if (field.trim() === '') return;
          const cell = byAddr.get(toA1(r, c));
          expect(cell, toA1(r, c)).toBeDefined();
          const v = cell!.value;
          if (v instanceof Date) expect(dateOf(field)?.getTime()).toBe(v.getTime());
          else if (typeof v === 'number') {
            const n = numberOf(field)!;
            expect(cell!.style?.numFmt === '0%' ? v * 100 : v).toBeCloseTo(n, 9);
          } else expect(v).toBe(field);
        }),
      );
      for (const m of built.merges) {
        const rg = parseRange(m)!;
        for (let c = rg.c1 + 1; c <= rg.c2; c++) expect((rows[rg.r1][c] ?? '').trim(), `${m}`).toBe('');
        expect(rg.r1).toBe(rg.r2);
      }
      // the title spans the card's width
      expect(built.merges[0]).toBe(`A1:${toA1(0, cardWidth(rows) - 1)}`);
    });
  }

  it('keeps "100,00%" as text and stores dates in TEMPI/ATTESO only', () => {
    const built = buildCard(cardRows('25'));
    const peso = built.cells.find((c) => c.value === '100,00%');
    expect(peso?.address).toBe('B16');
    const dates = buildCard(cardRows('02')).cells.filter((c) => c.value instanceof Date);
    expect(dates.map((c) => c.address)).toEqual(['D15', 'D16', 'D17', 'D18']);
    expect(dates.every((c) => c.style?.numFmt === 'dd/mm/yyyy')).toBe(true);
  });

  it('stores PESO as a percentage where asked (Formazione)', () => {
    const built = buildCard(cardRows('02'), 0, { pesoPercent: true });
    const pesi = ['B15', 'B16', 'B17', 'B18'].map((a) => built.cells.find((c) => c.address === a)!);
    expect(pesi.map((c) => c.value)).toEqual([0.25, 0.2, 0.4, 0.15]);
    expect(pesi.every((c) => c.style?.numFmt === '0%')).toBe(true);
  });

  it('merges header values over the spacer columns, never table rows', () => {
    const built = buildCard(cardRows('35'));
    expect(built.merges).toContain('A2:B2'); // Collegamento al bilancio
    expect(built.merges.some((m) => /^[A-Z]+15:/.test(m))).toBe(false); // action row 1
  });
});

describe('sheet plans', () => {
  it('stacks two cards with a gap', () => {
    const [a, b] = STACKED.ids.map((id) => cardRows(id));
    const plan = buildSheetPlan('x', [{ rows: a }, { rows: b }], 2);
    const second = plan.cells.find((c) => c.address === `A${a.length + 3}`);
    expect(String(second?.value)).toMatch(/^OBIETTIVO GESTIONALE/);
    expect(plan.columnWidths?.C).toBe(42);
  });

  it('describes the fixture and sample workbooks', () => {
    const specs = workbookSpecs();
    expect(specs.map((s) => s.path)).toEqual([
      'test/fixtures/corpus-sarzana.xlsx',
      'test/fixtures/corpus-impilate.xlsx',
      'assets/esempi/sarzana-esempio.xlsx',
    ]);
    expect(specs[0].sheets).toHaveLength(CORPUS.length);
    expect(specs[2].sheets.map((s) => s.name)).toEqual(SAMPLE.map((s) => s.sheet));
    for (const s of specs.flatMap((x) => x.sheets)) expect(s.name.length).toBeLessThanOrEqual(31);
  });
});
