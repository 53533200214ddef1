/**
 * The findings each corpus card must raise, read from the seed text (../shared/esempi/inconsistencies.json
 * catalogues them): exactly these, at these cells, and nothing at all on the clean cards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/domain/controlli';
import type { Codice, Finding } from '../../src/domain/controlli/types';
import { GRAVITA_DI } from '../../src/domain/controlli/types';
import { parseRange } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { CORPUS, STACKED, cardById, cardRows } from '../../scripts/corpus/cards';
import { openFixture } from './fixtures';

interface Expected {
  codice: Codice;
  /** cells the finding must point at (each covered by one of its ranges) */
  cells: string[];
}

const fasce = (...cells: string[]): Expected[] => cells.map((c) => ({ codice: 'GRADUAZIONE_FASCE', cells: [c] }));
const nonLetta = (...cells: string[]): Expected[] => cells.map((c) => ({ codice: 'GRADUAZIONE_NON_LETTA', cells: [c] }));
const risorseAzioni = (...cells: string[]): Expected[] => cells.map((c) => ({ codice: 'RISORSE_AZIONI', cells: [c] }));

/**
 * Every finding of every card, by card id (cards not listed are clean). Seed lines in brackets,
 * I0xx/O0xx = entries of ../shared/esempi/inconsistencies.json.
 */
const EXPECTED: Record<string, Expected[]> = {
  // the title ticks both COMUNE and INDIVIDUALE [3]
  '01': [{ codice: 'TIPO_AMBIGUO', cells: ['A1'] }],
  // RU row N. 4 is labelled "Azione n. 3" [126, I018]
  '03': risorseAzioni('B37'),
  // PESO "100,00%" with no action in the 2nd annualità [158, I003]; that text beside the 100 of B19
  '04': [
    // the title ticks neither COMUNE nor INDIVIDUALE [134]
    { codice: 'TIPO_AMBIGUO', cells: ['A1'] },
    { codice: 'PESO_MANCANTE', cells: ['B25'] },
    { codice: 'PESO_FORMATO', cells: ['B25'] },
  ],
  // "da 80% a 100% = 70% da 50% al 79% = 50%": gap 79–80 [331, I029] (GRADUAZIONE is column H after the
  // spacer column); RU action 1 is not action 1 of the plan [341, I019]
  '08': [{ codice: 'TIPO_AMBIGUO', cells: ['A1'] }, ...fasce('H16'), ...risorseAzioni('B26')],
  // overlapping bands on both actions [577-578, I027, I028]; action 2's staff 35% + 30% + 30% = 95% [599, I006]
  '14': [...fasce('G15', 'G16'), { codice: 'RISORSE_SOMMA', cells: ['D37', 'F37'] }],
  // 20+20+20+10+20+20 = 110 [804-809, I001]; "31/06/2024" [804, O001]; RU rows 3-6 are other actions [829-832, I017]
  '19': [
    { codice: 'PESO_SOMMA', cells: ['B17', 'B18', 'B19', 'B20', 'B21', 'B22'] },
    { codice: 'DATA_NON_VALIDA', cells: ['G17'] },
    ...risorseAzioni('B42', 'B43', 'B44', 'B45'),
  ],
  // PESO "100,00%" with no action in the 2nd annualità [943, I004]; "fino a 30 gg = 80%; da 30 a 60 gg: 50%;
  // da 60 a 90 gg: 30%": days 30 and 60 in two bands [936, I032]
  '22': [{ codice: 'PESO_MANCANTE', cells: ['B23'] }, { codice: 'PESO_FORMATO', cells: ['B23'] }, ...fasce('G16')],
  // PESO written "100,00%" as text [1080, I005]; the same overlapping bands [I032]
  '25': [{ codice: 'PESO_FORMATO', cells: ['B16'] }, ...fasce('G16')],
  '26': fasce('G16', 'G17'),
  // five PESO of 25 = 125 [1579-1583, I002]
  '35': [{ codice: 'PESO_SOMMA', cells: ['B15', 'B16', 'B17', 'B18', 'B19'] }],
  // 2nd and 3rd annualità: descriptive graduations with no level to compute [1633-1643]
  '36': nonLetta('G23', 'G24', 'G25', 'G31', 'G32', 'G33'),
  '37': nonLetta('G22', 'G23', 'G24', 'G28', 'G29'),
  // graduation deadline 30/06/2024 vs TEMPI 31/07/2024 [1720, O004]; a 2025 action due "Entro 30/06/2024" [1724, O005]
  '38': [
    { codice: 'GRADUAZIONE_DATA', cells: ['G18'] },
    { codice: 'ANNUALITA_ANNO', cells: ['D22'] },
    ...nonLetta('G21', 'G22', 'G26', 'G27'),
  ],
};
const CLEAN = CORPUS.map((c) => c.id).filter((id) => !(id in EXPECTED));

function covers(celle: string[], addr: string): boolean {
  const a = parseRange(addr)!;
  return celle.some((ref) => {
    const r = parseRange(ref.replace(/^.*!/, ''));
    return !!r && a.r1 >= r.r1 && a.r1 <= r.r2 && a.c1 >= r.c1 && a.c1 <= r.c2;
  });
}

function matches(f: Finding, e: Expected): boolean {
  return f.codice === e.codice && e.cells.every((c) => covers(f.celle, c));
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `${f.codice} ${f.celle.join(',')}: ${f.messaggio}`).join('\n');
}

describe('findings on the corpus (corpus-sarzana.xlsx)', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = checkWorkbook(readWorkbook(await openFixture('test/fixtures/corpus-sarzana.xlsx')));
  });

  it('has clean cards to compare with', () => {
    expect(CLEAN).toEqual(['02', '07', '11', '13', '20', '29']);
  });

  for (const card of CORPUS) {
    const expected = EXPECTED[card.id] ?? [];
    it(`${card.sheet}: ${expected.length ? [...new Set(expected.map((e) => e.codice))].join(', ') : 'clean'}`, () => {
      const mine = findings.filter((f) => f.foglio === card.sheet);
      const left = [...mine];
      for (const e of expected) {
        const i = left.findIndex((f) => matches(f, e));
        expect(i, `manca ${e.codice} ${e.cells}\n${describeFindings(mine)}`).toBeGreaterThanOrEqual(0);
        left.splice(i, 1);
      }
      expect(left, `segnalazioni in più:\n${describeFindings(left)}`).toEqual([]);
      for (const f of mine) {
        expect(f.gravita).toBe(GRAVITA_DI[f.codice]);
        expect(f.scheda).toBe(1);
        expect(f.messaggio.length).toBeGreaterThan(20);
      }
    });
  }

  it('states the numbers in the messages', () => {
    const polizia = findings.find((f) => f.foglio === '35 Polizia Locale' && f.codice === 'PESO_SOMMA')!;
    expect(polizia.messaggio).toContain('125');
    const cg = findings.find((f) => f.foglio === '19 Controllo gestione' && f.codice === 'PESO_SOMMA')!;
    expect(cg.messaggio).toContain('110');
    const prot = findings.find((f) => f.foglio === '14 Protocollo' && f.codice === 'RISORSE_SOMMA')!;
    expect(prot.messaggio).toContain('95');
  });
});

describe('findings on stacked cards (corpus-impilate.xlsx)', () => {
  it('point at each card\'s own cells', async () => {
    const findings = checkWorkbook(readWorkbook(await openFixture('test/fixtures/corpus-impilate.xlsx')));
    const offset = cardRows(STACKED.ids[0]).length + STACKED.gap;
    expect(STACKED.ids).toEqual(['14', '35']);
    expect(cardById('35')).toBeDefined();
    const somma = findings.filter((f) => f.codice === 'PESO_SOMMA');
    expect(somma).toHaveLength(1);
    expect(somma[0].scheda).toBe(2);
    for (const r of [15, 16, 17, 18, 19]) expect(covers(somma[0].celle, `B${r + offset}`)).toBe(true);
    const risorse = findings.filter((f) => f.codice === 'RISORSE_SOMMA');
    expect(risorse).toHaveLength(1);
    expect(risorse[0].scheda).toBe(1);
    expect(covers(risorse[0].celle, 'D37')).toBe(true);
  });
});
