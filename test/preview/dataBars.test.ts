import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

describe('Grid.dataBars (read back from the .xlsx)', () => {
  it('a data bar written by a plan comes back from the saved file with its range and colour', async () => {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({
      sheets: [
        {
          name: 'Riepilogo',
          cells: [
            { address: 'I1', value: '%' },
            { address: 'I2', value: 0.5, style: { numFmt: '0%' } },
            { address: 'I3', value: 1, style: { numFmt: '0%' } },
          ],
          conditionalFormats: [{ range: 'I2:I3', type: 'dataBar', color: '#63BE7B' }],
        },
        { name: 'Altro', cells: [{ address: 'A1', value: 'x' }] },
      ],
    });
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const grids = await again.readSheets();
    expect(grids.find((g) => g.name === 'Riepilogo')?.dataBars).toEqual([{ range: { r1: 1, c1: 8, r2: 2, c2: 8 }, color: '#63BE7B' }]);
    expect(grids.find((g) => g.name === 'Altro')?.dataBars).toBeUndefined();
  });
});
