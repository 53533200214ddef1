import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildListe, layoutSchedaStandard, standardizza, type OpzioniScheda } from '../../src/domain/modelli';
import type { SheetPlan } from '../../src/domain/plan';
import { readSchede } from '../../src/domain/scheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { SEED_SARZANA } from '../helpers/shared';
import { seedLines, tsvToGrid } from '../helpers/tsvGrid';

const OPTS: OpzioniScheda = { nomeFoglio: 'Scheda', periodo: { from: 2025, to: 2027 }, tipo: 'comune', titolo: 'Prova' };

/** 1-based row ranges of the blocks that must print whole */
function blocks(opts: OpzioniScheda) {
  const { layout } = layoutSchedaStandard(opts);
  return [
    ...layout.annualita.map((a) => ({ nome: `PIANO OPERATIVO ${a.n}`, from: a.titleRow + 1, to: a.lastRow + 1 })),
    { nome: 'RISORSE UMANE', from: layout.risorse.headerRow - 1, to: layout.risorse.lastRow + 1 },
    { nome: 'PESATURA', from: layout.pesatura.headerRow, to: layout.pesatura.row + 1 },
  ];
}

/** the page a row prints on, given the breaks */
const pageOf = (row: number, breaks: number[]) => breaks.filter((b) => b < row).length;

describe('standard card: manual page breaks', () => {
  for (const azioni of [3, 5, 10]) {
    it(`keeps every block whole on one page (${azioni} actions per annualità)`, () => {
      const opts = { ...OPTS, azioniPerAnnualita: azioni };
      const { plan, layout } = layoutSchedaStandard(opts);
      const breaks = plan.print?.rowBreaks ?? [];
      expect(breaks.length).toBeGreaterThan(0);
      expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
      for (const b of blocks(opts)) expect(pageOf(b.from, breaks), b.nome).toBe(pageOf(b.to, breaks));
      // the header fields and the first PIANO OPERATIVO never fit one A4 landscape page: a break between them
      expect(breaks[0]).toBe(layout.annualita[0].titleRow);
      expect(Math.max(...breaks)).toBeLessThan(layout.lastRow + 1);
    });
  }

  it('writes the breaks to the .xlsx as manual row breaks, with the fit-to-width print setup', async () => {
    const { plan } = layoutSchedaStandard(OPTS);
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({ sheets: [plan, buildListe()] });
    const bytes = await wb.toBuffer();
    // ExcelJS 4.4 writes <rowBreaks> but does not read it back (Worksheet's model setter drops it): read the sheet XML
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const brk = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(brk).toEqual(plan.print!.rowBreaks);
    expect(brk.length).toBeGreaterThan(0);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(x.getWorksheet('Scheda')!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape' });
  });

  it('a card made by Standardizza gets the same breaks', () => {
    const seed = readFileSync(SEED_SARZANA, 'utf8');
    const grid = tsvToGrid(seedLines(seed, 525, 561), '13 URP', { cleanHtml: true });
    const [scheda] = readSchede(grid);
    const { plan } = standardizza(scheda, { grid });
    const same: SheetPlan = layoutSchedaStandard({
      nomeFoglio: plan.name,
      periodo: { from: 2024, to: 2026 },
      tipo: 'individuale',
      azioniPerAnnualita: 5,
    }).plan;
    expect(plan.print?.rowBreaks).toEqual(same.print?.rowBreaks);
  });
});
