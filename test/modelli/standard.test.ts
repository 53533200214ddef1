import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/domain/controlli';
import { parseRange, textAt, utcDate, type CellRange } from '../../src/domain/grid';
import {
  buildListe,
  buildSchedaStandard,
  layoutSchedaStandard,
  listeSeMancanti,
  MISSIONI,
  testoMissione,
  testoProgramma,
} from '../../src/domain/modelli';
import type { CellWrite } from '../../src/domain/plan';
import { readWorkbook } from '../../src/domain/scheda';
import { gridOf, roundTrip } from './helpers';
import { exceljsOf } from '../helpers/exceljs';

const OPTS = {
  nomeFoglio: 'Nuova scheda',
  periodo: { from: 2025, to: 2027 },
  tipo: 'comune' as const,
  titolo: 'Digitalizzazione dei procedimenti edilizi',
  dirigente: 'Dirigente Area 3',
  unita: 'Sportello unico edilizia',
  missione: '08',
  programma: '08.01',
};

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

describe('buildSchedaStandard: the plan', () => {
  const { plan, layout } = layoutSchedaStandard(OPTS);
  const cell = (a: string) => plan.cells.find((c) => c.address === a);

  it('has the title with period and type, and a COMUNE/INDIVIDUALE dropdown on it', () => {
    expect(cell('A1')?.value).toBe('OBIETTIVO GESTIONALE 2025 – 2027 X COMUNE □ INDIVIDUALE');
    const v = plan.validations?.find((x) => x.range === 'A1');
    expect(v?.list).toEqual([
      'OBIETTIVO GESTIONALE 2025 – 2027 X COMUNE □ INDIVIDUALE',
      'OBIETTIVO GESTIONALE 2025 – 2027 □ COMUNE X INDIVIDUALE',
    ]);
    expect(v?.list?.join(',').length).toBeLessThan(255);
  });

  it('has no overlapping merges and every merge is a real range', () => {
    const ranges = (plan.merges ?? []).map((m) => parseRange(m)!);
    expect(ranges.every(Boolean)).toBe(true);
    for (let i = 0; i < ranges.length; i++) for (let j = i + 1; j < ranges.length; j++) expect(overlaps(ranges[i], ranges[j])).toBe(false);
  });

  it('lays out 3 annualità of 5 rows, years following the period, with a PESO total formula and its red/green formats', () => {
    expect(layout.annualita.map((a) => a.anno)).toEqual([2025, 2026, 2027]);
    for (const a of layout.annualita) {
      expect(a.lastRow - a.firstRow + 1).toBe(5);
      expect(cell(`A${a.firstRow + 1}`)?.value).toBe(1);
      const range = `B${a.firstRow + 1}:B${a.lastRow + 1}`;
      expect(cell(a.totale)?.formula).toBe(`IF(COUNT(${range})=0,"",SUM(${range}))`);
      const cfs = plan.conditionalFormats!.filter((c) => c.range === a.totale);
      expect(cfs.map((c) => c.formula)).toEqual([
        `AND(COUNT($B$${a.firstRow + 1}:$B$${a.lastRow + 1})>0,SUM($B$${a.firstRow + 1}:$B$${a.lastRow + 1})<>100)`,
        `AND(COUNT($B$${a.firstRow + 1}:$B$${a.lastRow + 1})>0,SUM($B$${a.firstRow + 1}:$B$${a.lastRow + 1})=100)`,
      ]);
      const peso = plan.validations!.find((v) => v.range === range);
      expect(peso).toMatchObject({ type: 'whole', min: 0, max: 100 });
      expect(cell(`N${a.firstRow + 1}`)?.style?.numFmt).toBe('0%');
    }
  });

  it('has STANZIAMENTO per year, 10 person columns and PESO TOTALE as the sum of the four criteria', () => {
    const head = layout.finanziaria.headerRow + 1;
    expect([cell(`E${head}`)?.value, cell(`G${head}`)?.value, cell(`I${head}`)?.value]).toEqual([
      'STANZIAMENTO 2025',
      'STANZIAMENTO 2026',
      'STANZIAMENTO 2027',
    ]);
    const rh = layout.risorse.headerRow + 1;
    expect(['E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => cell(`${c}${rh}`)?.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cell(layout.pesatura.totale)?.formula).toBe(`SUM(${layout.pesatura.pesi.join(',')})`);
  });

  it('unlocks the input cells and keeps labels locked, protection off, A4 landscape one page wide', () => {
    expect(cell(layout.campi.descrizione)?.style?.locked).toBe(false);
    expect(cell(`B${layout.annualita[0].firstRow + 1}`)?.style?.locked).toBe(false);
    expect(cell('A3')?.style?.locked).toBeUndefined();
    expect(cell(`A${layout.annualita[0].headerRow + 1}`)?.style?.locked).toBeUndefined();
    expect(plan.protect).toBe(false);
    expect(plan.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, printTitleRows: '1:1' });
  });

  it('takes Missione/Programma from the hidden list sheet, accepting other values with a warning', () => {
    const m = plan.validations!.find((v) => v.range === layout.campi.missione)!;
    expect(m).toMatchObject({ type: 'list', allowOther: true, listSource: `'_Liste'!$A$2:$A$24` });
    expect(cell(layout.campi.missione)?.value).toBe('Missione 08 – Assetto del territorio ed edilizia abitativa');
    expect(cell(layout.campi.programma)?.value).toBe('Programma 08.01 – Urbanistica e assetto del territorio');
    const liste = buildListe();
    expect(liste.visibility).toBe('hidden');
    expect(liste.cells.filter((c) => c.address.startsWith('A') && c.address !== 'A1')).toHaveLength(MISSIONI.length);
    const nProg = MISSIONI.reduce((n, x) => n + x.programmi.length, 0);
    expect(plan.validations!.find((v) => v.range === layout.campi.programma)?.listSource).toBe(`'_Liste'!$B$2:$B$${nProg + 1}`);
    expect(listeSeMancanti(['Foglio1', '_liste'])).toEqual([]);
  });

  it('clamps the options: 3..10 rows, 1..3 annualità', () => {
    expect(layoutSchedaStandard({ ...OPTS, azioniPerAnnualita: 1, annualita: 9 }).layout.annualita.map((a) => a.lastRow - a.firstRow + 1)).toEqual([3, 3, 3]);
    const one = layoutSchedaStandard({ ...OPTS, azioniPerAnnualita: 40, annualita: 1 }).layout;
    expect(one.annualita).toHaveLength(1);
    expect(one.annualita[0].lastRow - one.annualita[0].firstRow + 1).toBe(10);
  });

  it('turns codes into national names and keeps other text', () => {
    expect(testoMissione('1')).toBe('Missione 01 – Servizi istituzionali, generali e di gestione');
    expect(testoMissione('Missione 01 - locale')).toBe('Missione 01 - locale');
    expect(testoProgramma('0102')).toBe('Programma 01.02 – Segreteria generale');
    expect(testoProgramma('Sportello')).toBe('Programma Sportello');
    expect(testoMissione('  ')).toBeUndefined();
  });
});

describe('a generated card in a real .xlsx', () => {
  it('reads back with its period, type, annualità and fields, and checks without errors', async () => {
    const plan = buildSchedaStandard({ ...OPTS, tipo: 'individuale' });
    const { grids } = await roundTrip([{ sheets: [plan, buildListe()] }]);
    const schede = readWorkbook(grids);
    expect(schede).toHaveLength(1);
    const s = schede[0];
    expect(s.sheet).toBe('Nuova scheda');
    expect(s.periodo).toEqual({ from: 2025, to: 2027 });
    expect(s.tipo).toBe('individuale');
    expect(s.annualita.map((a) => a.anno)).toEqual([2025, 2026, 2027]);
    expect(s.annualita.every((a) => a.azioni.length === 0)).toBe(true);
    expect(s.header.descrizione?.value).toBe(OPTS.titolo);
    expect(s.header.dirigente?.value).toBe('Dirigente Area 3');
    expect(s.header.unitaResponsabile?.value).toBe('Sportello unico edilizia');
    expect(s.header.missione?.value).toMatch(/^Missione 08/);
    expect(s.pesatura?.criteri).toHaveLength(4);
    expect(checkWorkbook(schede).filter((f) => f.gravita === 'errore')).toEqual([]);
    expect(gridOf(grids, '_Liste').visibility).toBe('hidden');
  });

  it('keeps validations, conditional formats, print setup and unlocked inputs through a save and a second load', async () => {
    const { layout, plan } = layoutSchedaStandard(OPTS);
    const { wb } = await roundTrip([{ sheets: [plan, buildListe()] }]);
    const ws = (await exceljsOf(wb)).getWorksheet('Nuova scheda')!;
    const first = layout.annualita[0].firstRow + 1;
    expect(ws.getCell(`B${first}`).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100] });
    expect(ws.getCell(layout.campi.missione).dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(ws.getCell(`B${first}`).protection?.locked).toBe(false);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toContain(layout.annualita[0].totale);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getColumn('C').width).toBe(34);
  });

  it('filled in with weights summing to 100 it checks clean; a wrong sum is found', async () => {
    const { layout, plan } = layoutSchedaStandard(OPTS);
    const a1 = layout.annualita[0];
    const r = a1.firstRow + 1;
    const sheet = plan.name;
    const fill: CellWrite[] = [
      { sheet, address: `B${r}`, value: 60 },
      { sheet, address: `C${r}`, value: 'Attivazione della piattaforma per le pratiche edilizie' },
      { sheet, address: `D${r}`, value: utcDate(2025, 6, 30) },
      { sheet, address: `E${r}`, value: 'Piattaforma attiva' },
      { sheet, address: `G${r}`, value: 'Attivazione entro il 30/06/2025' },
      { sheet, address: `I${r}`, value: 'Nessun ritardo rispetto alla data del 30/06/2025 = 100%. Ritardo fino a 30 gg = 70%. Ritardo fino a 60 gg = 40%.' },
      { sheet, address: `B${r + 1}`, value: 40 },
      { sheet, address: `C${r + 1}`, value: 'Formazione del personale' },
      { sheet, address: `D${r + 1}`, value: utcDate(2025, 12, 31) },
      { sheet, address: `E${r + 1}`, value: 'Ore di formazione' },
      { sheet, address: `G${r + 1}`, value: 3 },
      { sheet, address: `I${r + 1}`, value: 'Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.' },
    ];
    const { grids } = await roundTrip([{ sheets: [plan, buildListe()] }, { cells: fill }]);
    const [s] = readWorkbook(grids);
    expect(s.annualita[0].azioni.map((a) => [a.n, a.peso?.points, a.azione?.value])).toEqual([
      [1, 60, 'Attivazione della piattaforma per le pratiche edilizie'],
      [2, 40, 'Formazione del personale'],
    ]);
    expect(s.annualita[0].azioni[0].tempi?.value).toEqual(utcDate(2025, 6, 30));
    expect(textAt(gridOf(grids, sheet), r - 1, 3)).toBe('30/06/2025');
    expect(checkWorkbook([s]).filter((f) => f.gravita === 'errore')).toEqual([]);

    const wrong = await roundTrip([{ sheets: [plan] }, { cells: [...fill, { sheet, address: `B${r + 1}`, value: 30 }] }]);
    const codes = checkWorkbook(readWorkbook(wrong.grids)).map((f) => f.codice);
    expect(codes).toContain('PESO_SOMMA');
  });
});
