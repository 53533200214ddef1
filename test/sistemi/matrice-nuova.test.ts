/**
 * The blank matrix card: live formulas that show "n.d." instead of #DIV/0!, one choice per criterion, the
 * contribution total red until 100%; it reads back as one clean `matrice` card, and once filled in (with the
 * results Excel computes, as Excel saves them) its marks, Esito and areas read like the seed's card d.
 */
import { describe, expect, it } from 'vitest';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';
import { nuovaScheda } from '../../src/domain/sistemi/nuove';
import { esitoDaMarche } from '../../src/domain/sistemi/matrice';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { matriceGrids, seedMatrice } from './matrice-seed';

const plan = () => nuovaScheda('matrice', { titolo: 'Informatizzazione: Transizione Digitale', dirigente: 'TUTTI', unita: 'TUTTI', periodo: { from: 2024, to: 2024 } })!;

describe('nuova --sistema matrice', () => {
  it('writes Esito, peso assoluto and INDICE as formulas that never divide by zero, a list per criterion, the total red until 100%', () => {
    const p = plan();
    const byAddr = new Map(p.cells.map((c) => [c.address, c]));
    const find = (v: string) => p.cells.find((c) => c.value === v)!.address;
    const indice = p.cells.find((c) => c.formula?.startsWith('IFERROR('))!;
    const rr = Number(find('INDICE DI ASSORBIMENTO').slice(1));
    expect(indice.address).toBe(`F${rr}`);
    expect(indice.formula).toBe(`IFERROR(IF(N(B${rr})=0,"n.d.",D${rr}/B${rr}),"n.d.")`);
    expect(indice.value).toBe('n.d.');
    const esito = p.cells.find((c) => c.formula?.includes('COUNTA('))!;
    expect(esito.value).toBe('n.d.');
    // Realizzabilità is scored the other way round: Alto 1, Basso 5
    const real = Number(find('Realizzabilità').slice(1));
    expect(esito.formula).toContain(`IF(G${real}="Alto",1,IF(G${real}="Medio",3,5))`);
    const imp = Number(find('Importanza').slice(1));
    expect(esito.formula).toContain(`IF(G${imp}="Alto",5,IF(G${imp}="Medio",3,1))`);
    expect(['C', 'D', 'E'].map((c) => byAddr.get(`${c}${imp}`)?.formula)).toEqual([`IF($G${imp}="Alto","x","")`, `IF($G${imp}="Medio","x","")`, `IF($G${imp}="Basso","x","")`]);
    const choice = p.validations!.find((v) => v.type === 'list')!;
    expect(choice).toMatchObject({ range: `G${imp}:G${real}`, list: ['Alto', 'Medio', 'Basso'] });
    const pesi = p.cells.filter((c) => c.formula?.startsWith('IF(OR(B'));
    expect(pesi).toHaveLength(4);
    expect(pesi.every((c) => c.value === 'n.d.' && c.formula!.includes(`ISNUMBER(${esito.address})`))).toBe(true);
    const tot = p.cells.find((c) => c.formula?.startsWith('SUM(B'))!;
    expect(p.conditionalFormats).toEqual([expect.objectContaining({ range: tot.address, formula: `ROUND(${tot.address},4)<>1` })]);
    expect(p.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4' });
  });

  it('reads back as one clean matrice card, "n.d." where the seed showed #DIV/0!', async () => {
    const wb = XlsxWorkbook.create();
    const p = plan();
    await wb.applyWritePlan({ sheets: [p] });
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const c = leggiCartella(await reread.readSheets());
    expect(c.nonRiconosciuti).toEqual([]);
    expect(c.gestionale).toHaveLength(0);
    expect(c.matrice).toHaveLength(1);
    const [m] = c.matrice;
    expect(m.problemi).toEqual([]);
    expect(m.titolo?.value).toBe('Informatizzazione: Transizione Digitale');
    expect(m.anno).toBe(2024);
    expect(m.criteri.map((x) => [x.criterio, x.leggibile, x.marche.length])).toEqual([
      ['importanza', true, 0],
      ['impattoEsterno', true, 0],
      ['complessita', true, 0],
      ['realizzabilita', true, 0],
    ]);
    expect(m.aree.map((a) => a.nome.value)).toEqual(['AMMINISTRATIVO', 'FINANZIARIO', 'TECNICO', 'VIGILANZA']);
    expect(m.aree.map((a) => a.pesoAssoluto?.text)).toEqual(['n.d.', 'n.d.', 'n.d.', 'n.d.']);
    expect(m.indice?.text).toBe('n.d.');
    // the seed's card a shows #DIV/0! in the same place
    const seed = leggiCartella(await matriceGrids()).matrice[0];
    expect(seed.indice?.text).toBe('#DIV/0!');
    expect(seedMatrice()[28]).toContain('#DIV/0!');
    expect(controllaCartella(c)).toEqual([]);
  });

  it('once filled in like the seed\'s card d, reads its marks, Esito 20 and areas with no finding', async () => {
    const wb = XlsxWorkbook.create();
    const p = plan();
    await wb.applyWritePlan({ sheets: [p] });
    const [m0] = leggiCartella(await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets()).matrice;
    const s = p.name;
    const cells: { sheet: string; address: string; value: string | number; numFmt?: string }[] = [];
    // Excel writes the choice and caches the formulas' results: the x under the chosen column, the Esito, peso assoluto
    const scelte = ['Alto', 'Alto', 'Alto', 'Basso'];
    m0.criteri.forEach((cr, i) => {
      const row = cr.row + 1;
      cells.push({ sheet: s, address: `G${row}`, value: scelte[i] });
      cells.push({ sheet: s, address: `${{ Alto: 'C', Medio: 'D', Basso: 'E' }[scelte[i]]}${row}`, value: 'x' });
    });
    const esitoRow = m0.criteri[0].row;
    cells.push({ sheet: s, address: `F${esitoRow}`, value: 20 });
    for (const a of m0.aree) {
      cells.push({ sheet: s, address: `B${a.row + 1}`, value: 0.25, numFmt: '0%' });
      cells.push({ sheet: s, address: `C${a.row + 1}`, value: 5 });
    }
    await wb.applyWritePlan({ cells });
    const c = leggiCartella(await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets());
    const [m] = c.matrice;
    expect(m.esito?.value).toBe(20);
    expect(esitoDaMarche(m)?.somma).toBe(20);
    expect(m.aree.map((a) => [a.contribuzione?.points, a.pesoAssoluto?.value])).toEqual([
      [25, 5],
      [25, 5],
      [25, 5],
      [25, 5],
    ]);
    expect(controllaCartella(c)).toEqual([]);
  });
});
