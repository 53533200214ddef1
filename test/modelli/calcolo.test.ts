import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { utcDate } from '../../src/domain/grid';
import { layoutSchedaStandard } from '../../src/domain/modelli';
import { readWorkbook } from '../../src/domain/scheda';
import { openXlsxFile, saveXlsxFile } from '../../src/workbook/xlsx/node';

describe('a new card filled in and computed', () => {
  it('gives the weighted level of its actions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-calcolo-'));
    let out = '';
    const io: CliIo = { out: (s) => void (out += `${s}\n`), err: (s) => void (out += `ERR ${s}\n`), cwd: dir };
    expect(await main(['nuova', '--titolo', 'Prova', '--periodo', '2025-2027', '--out', 'a.xlsx'], io)).toBe(0);

    // the same layout the command used: fill two actions of the first annualità
    const { layout } = layoutSchedaStandard({ nomeFoglio: 'Prova', periodo: { from: 2025, to: 2027 }, tipo: 'comune' });
    const r = layout.annualita[0].firstRow + 1;
    const sheet = 'Prova';
    const wb = await openXlsxFile(join(dir, 'a.xlsx'));
    await wb.applyWritePlan({
      cells: [
        { sheet, address: `B${r}`, value: 60 },
        { sheet, address: `C${r}`, value: 'Attivazione della piattaforma' },
        { sheet, address: `D${r}`, value: utcDate(2025, 6, 30) },
        { sheet, address: `I${r}`, value: 'Nessun ritardo rispetto alla data del 30/06/2025 = 100%. Ritardo fino a 30 gg = 70%. Ritardo fino a 60 gg = 40%.' },
        { sheet, address: `B${r + 1}`, value: 40 },
        { sheet, address: `C${r + 1}`, value: 'Formazione del personale' },
        { sheet, address: `G${r + 1}`, value: 3 },
        { sheet, address: `I${r + 1}`, value: 'Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.' },
      ],
    });
    await saveXlsxFile(wb, join(dir, 'b.xlsx'));
    expect(await main(['prepara', 'b.xlsx', '--out', 'c.xlsx'], io)).toBe(0);

    // measurements: 15 days late (70%), 2,5 hours (75%)
    const wb2 = await openXlsxFile(join(dir, 'c.xlsx'));
    const ril = (await wb2.readSheets()).find((g) => g.name === 'Rilevazioni')!;
    expect(ril.rows[1]?.[4]?.v).toBe('Attivazione della piattaforma');
    await wb2.applyWritePlan({
      cells: [
        { sheet: 'Rilevazioni', address: 'H2', value: utcDate(2025, 7, 15) },
        { sheet: 'Rilevazioni', address: 'I3', value: 2.5 },
      ],
    });
    await saveXlsxFile(wb2, join(dir, 'd.xlsx'));
    out = '';
    expect(await main(['calcola', 'd.xlsx', '--json', '--out', 'e.xlsx'], io)).toBe(0);
    const json = JSON.parse(out) as { schede: { foglio: string; anno: number; grado: number; azioni: { livello: number }[] }[] };
    const first = json.schede.find((s) => s.foglio === 'Prova' && s.anno === 2025)!;
    expect(first.azioni.map((a) => a.livello)).toEqual([0.7, 0.75]);
    expect(first.grado).toBeCloseTo(0.6 * 0.7 + 0.4 * 0.75, 10);

    const [card] = readWorkbook(await (await openXlsxFile(join(dir, 'e.xlsx'))).readSheets());
    expect(card.annualita[0].azioni.map((a) => a.percentuale?.text)).toEqual(['70%', '75%']);
  });
});
