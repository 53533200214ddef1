/**
 * The corpus workbooks (test/fixtures, built by `npm run genera-esempi` from the verbatim seed lines)
 * read back through the xlsx adapter and the reader: every header field and every action as in the seed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import type { Scheda } from '../../src/domain/scheda/types';
import { CORPUS, SAMPLE, STACKED, cardRows } from '../../scripts/corpus/cards';
import { openFixture } from './fixtures';
import { readSeedCard, type SeedCard } from './seed';

/** COMUNE / INDIVIDUALE as ticked in the seed title (card 01 ticks both: not asserted) */
const TIPO: Record<string, 'comune' | 'individuale' | null | undefined> = {
  '01': undefined,
  '02': 'comune',
  '04': null,
  '08': null,
};

const HEADER_KEYS = [
  'lineaMandato',
  'dupStrategica',
  'dupOperativa',
  'descrizione',
  'baseline',
  'target',
  'stakeholder',
  'dirigente',
  'referente',
  'unitaResponsabile',
] as const;

function compareCard(s: Scheda, seed: SeedCard, id: string): void {
  expect(s.titolo?.value.trim(), 'titolo').toBe(seed.titolo);
  expect(s.periodo, 'periodo').toEqual(seed.periodo);
  const tipo = id in TIPO ? TIPO[id] : 'individuale';
  if (tipo !== undefined) expect(s.tipo, 'tipo').toBe(tipo);
  for (const key of HEADER_KEYS) {
    const want = seed.header[key];
    if (want === undefined) continue;
    const got = s.header[key]?.value?.trim() ?? '';
    expect(got, key).toBe(want);
  }
  expect(s.annualita.map((a) => a.n), 'annualità').toEqual(seed.annualita.map((a) => a.n));
  seed.annualita.forEach((sa, i) => {
    const a = s.annualita[i];
    expect(a.anno, `anno ${sa.n}`).toBe(seed.periodo ? seed.periodo.from + sa.n - 1 : null);
    expect(
      a.azioni.map((az) => ({
        n: az.n,
        peso: az.peso?.points ?? null,
        azione: az.azione?.value.trim() ?? '',
        graduazione: az.graduazione?.value.trim() ?? '',
        pesoCell: az.peso?.cell ?? null,
      })),
      `azioni della ${sa.n}ª annualità`,
    ).toEqual(
      sa.azioni.map((x) => ({
        n: x.n,
        peso: x.peso,
        azione: x.azione,
        graduazione: x.graduazione,
        pesoCell: x.pesoCell,
      })),
    );
  });
}

describe('corpus-sarzana.xlsx: one card per sheet', () => {
  let grids: Grid[];
  let schede: Scheda[];
  beforeAll(async () => {
    grids = await openFixture('test/fixtures/corpus-sarzana.xlsx');
    schede = readWorkbook(grids);
  });

  it('finds exactly one card on every sheet', () => {
    expect(grids.map((g) => g.name)).toEqual(CORPUS.map((c) => c.sheet));
    expect(schede.map((s) => s.sheet)).toEqual(CORPUS.map((c) => c.sheet));
  });

  for (const card of CORPUS) {
    it(`${card.sheet} (seed ${card.seed[0]}–${card.seed[1]}): fields and actions as in the seed`, () => {
      const s = schede.find((x) => x.sheet === card.sheet);
      expect(s).toBeDefined();
      compareCard(s!, readSeedCard(cardRows(card.id)), card.id);
    });
  }

  it('keeps how PESO was written', () => {
    const forma = (sheet: string, ann: number, i: number) =>
      schede.find((s) => s.sheet === sheet)!.annualita[ann].azioni[i].peso?.forma;
    expect(forma('02 Formazione', 0, 0)).toBe('percentuale');
    expect(forma('25 Decoro', 0, 0)).toBe('testo-percentuale');
    expect(forma('35 Polizia Locale', 0, 0)).toBe('intero');
  });

  it('reads TEMPI dates as real dates and keeps text deadlines as text', () => {
    const f = schede.find((s) => s.sheet === '02 Formazione')!;
    const tempi = f.annualita[0].azioni[0].tempi!;
    expect(tempi.value).toBeInstanceOf(Date);
    expect(tempi.text).toBe('15/06/2024');
    const c = schede.find((s) => s.sheet === '19 Controllo gestione')!;
    expect(c.annualita[0].azioni[0].tempi?.value).toBe('Entro il 30/06/2024');
  });

  it('reads the filled PESATURA of card 36', () => {
    const p = schede.find((s) => s.sheet === '36 Vita indipendente')!.pesatura!;
    expect(p.criteri.map((c) => c.peso)).toEqual([50, 15, 20, 15]);
    expect(p.totale?.value).toBe(100);
  });

  it('reads the RISORSE UMANE shares of the Protocollo card', () => {
    const r = schede.find((s) => s.sheet === '14 Protocollo')!.risorse;
    expect(r.map((x) => x.partecipanti.map((p) => p.percentuale))).toEqual([
      [50, 50],
      [35, 30, 30],
    ]);
  });
});

describe('corpus-impilate.xlsx: two cards stacked on one sheet', () => {
  it('finds both cards, in order, with their own cells', async () => {
    const schede = readWorkbook(await openFixture('test/fixtures/corpus-impilate.xlsx'));
    expect(schede.map((s) => [s.sheet, s.index])).toEqual([
      [STACKED.sheet, 1],
      [STACKED.sheet, 2],
    ]);
    const first = cardRows(STACKED.ids[0]);
    compareCard(schede[0], readSeedCard(first), STACKED.ids[0]);
    compareCard(schede[1], readSeedCard(cardRows(STACKED.ids[1]), first.length + STACKED.gap), STACKED.ids[1]);
  });
});

describe('assets/esempi/sarzana-esempio.xlsx: the sample workbook', () => {
  it('holds the six cards, one per sheet, as in the seed', async () => {
    const grids = await openFixture('assets/esempi/sarzana-esempio.xlsx');
    const schede = readWorkbook(grids);
    expect(schede.map((s) => s.sheet)).toEqual(SAMPLE.map((s) => s.sheet));
    SAMPLE.forEach((x, i) => compareCard(schede[i], readSeedCard(cardRows(x.id)), x.id));
    expect(grids.every((g) => g.merges.length > 10)).toBe(true);
  });
});
