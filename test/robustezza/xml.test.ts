/**
 * Cells as other programs write them in the file's XML (ExcelJS never writes these forms): inline strings,
 * typed strings (t="str"), errors (t="e"), a formula saved without its result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, leggi, patchParts, replaceCells, sample, sheetPart, tmpDir, viaggio } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

describe('forme XML scritte da altri programmi', () => {
  it('testo in linea, stringa tipizzata, errore, formula senza risultato', async () => {
    const base = await bytesOf(await sample('Trasparenza'));
    const bytes = await patchParts(base, async (read) => {
      const part = await sheetPart(read, 'Trasparenza');
      return {
        [part]: replaceCells(await read(part), {
          B15: '<c r="B15" t="inlineStr"><is><t>50</t></is></c>',
          B16: '<c r="B16" t="n"><v>25</v></c>',
          I4: '<c r="I4" t="str"><v>Segretario generale</v></c>',
          C16: '<c r="C16" t="inlineStr"><is><r><rPr><b/></rPr><t>Verifica</t></r><r><t xml:space="preserve"> degli obblighi</t></r></is></c>',
          F16: '<c r="F16" t="e"><v>#N/A</v></c>',
          B17: '<c r="B17"><f>20+5</f></c>',
        }),
      };
    });
    const l = await leggi(bytes);
    const [s] = l.schede;
    const az = s.annualita[0].azioni;
    expect(s.header.dirigente).toEqual({ value: 'Segretario generale', cell: 'I4' });
    expect(az[0].peso).toMatchObject({ points: 50, raw: '50', forma: 'testo-numero' });
    expect(az[1].peso).toMatchObject({ points: 25, forma: 'intero' });
    expect(az[1].azione).toEqual({ value: 'Verifica degli obblighi', cell: 'C16' });
    expect(az[1].atteso?.text).toBe('#N/A');
    // a formula saved without its result (files written by scripts): empty until Excel recalculates it
    const g = l.grids[0];
    expect(g.rows[16][1]).toMatchObject({ v: null, formula: '20+5' });
    expect(az[2].peso).toBeNull();
    expect(l.findings.find((f) => f.codice === 'PESO_MANCANTE')?.celle).toEqual(['B17']);
    await viaggio(dir, 'xml-altri', bytes, { controlla: 1 });
  });
});
