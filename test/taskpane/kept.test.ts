import { describe, expect, it } from 'vitest';
import { workbookFingerprint } from '../../src/taskpane/kept';
import { openXlsxFile } from '../../src/workbook/xlsx/node';

const file = new URL('../../assets/esempi/sarzana-esempio.xlsx', import.meta.url).pathname;
const readGrids = async (path: string) => (await openXlsxFile(path)).readSheets();

describe('workbookFingerprint (what counts as a workbook change for the pane)', () => {
  it('is the same for two reads of the same file and changes with one value, a date or a sheet name', async () => {
    const a = await readGrids(file);
    const b = await readGrids(file);
    const fp = workbookFingerprint(a);
    expect(workbookFingerprint(b)).toBe(fp);

    const sheet = b.find((g) => g.rows.some((r) => r?.some((c) => typeof c?.v === 'number')))!;
    const row = sheet.rows.findIndex((r) => r?.some((c) => typeof c?.v === 'number'));
    const col = sheet.rows[row]!.findIndex((c) => typeof c?.v === 'number');
    const cell = sheet.rows[row]![col]!;
    const old = cell.v;
    cell.v = (old as number) + 0.5;
    expect(workbookFingerprint(b)).not.toBe(fp);
    cell.v = old;
    expect(workbookFingerprint(b)).toBe(fp);

    cell.v = new Date(Date.UTC(2025, 11, 31));
    const withDate = workbookFingerprint(b);
    expect(withDate).not.toBe(fp);
    cell.v = new Date(Date.UTC(2025, 11, 30));
    expect(workbookFingerprint(b)).not.toBe(withDate);
    cell.v = old;

    b[0]!.name = `${b[0]!.name} (2)`;
    expect(workbookFingerprint(b)).not.toBe(fp);
  });
});
