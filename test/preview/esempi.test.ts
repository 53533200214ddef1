/** the preview's sample workbooks: each one exists, and the card systems read its cards (assets/esempi) */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controllaCartella, leggiCartella } from '../../src/domain/sistemi';
import { ESEMPI, esempioDa } from '../../src/preview/esempi';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

const DIR = new URL('../../assets/esempi/', import.meta.url).pathname;

describe('the preview\'s samples, one per card system', () => {
  it.each(ESEMPI)('$file is read with its system', async ({ id, file }) => {
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(DIR + file)));
    const c = leggiCartella(await wb.readSheets());
    const expected = { sarzana: ['gestionale', 6], tortona: ['fasi', 59], modello: ['matrice', 3], chiari: ['progetti', 25] } as const;
    const [sistema, n] = expected[id];
    expect(c[sistema]).toHaveLength(n);
    expect(c.nonRiconosciuti).toEqual([]);
    expect(controllaCartella(c).length).toBeGreaterThan(0);
  });
  it('?esempio= picks the sample; a missing or unknown name gives the first', () => {
    expect(esempioDa('?esempio=tortona').file).toBe('tortona-esempio.xlsx');
    expect(esempioDa('').id).toBe('sarzana');
    expect(esempioDa('?esempio=xyz').id).toBe('sarzana');
  });
});
