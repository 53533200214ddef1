/**
 * Exit codes of the `schede` commands on files that hold no card, or are not a whole .xlsx at all:
 * 0/1/2 as the contract says, an Italian message, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, sample, schede, tmpDir } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

describe('codici di uscita su file senza schede o rovinati', () => {
  it('una cartella con soli fogli vuoti o di appunti: controlla 0, prepara e calcola 2, annulla 0', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Foglio1');
    wb.addWorksheet('Appunti').getCell('B2').value = 'Obiettivi da definire con la Giunta';
    writeFileSync(join(dir, 'vuota.xlsx'), await bytesOf(wb));
    const c = await schede(['controlla', 'vuota.xlsx', '--json'], dir);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.io.stdout)).toEqual({ schede: [], segnalazioni: [] });
    const t = await schede(['controlla', 'vuota.xlsx'], dir);
    expect(t.code).toBe(0);
    expect(t.io.stdout).toMatch(/Foglio1/);
    for (const cmd of ['prepara', 'calcola']) {
      const r = await schede([cmd, 'vuota.xlsx'], dir);
      expect(r.code).toBe(2);
      expect(r.io.stderr.trim()).toBe('Nessuna scheda OBIETTIVO GESTIONALE trovata nel file.');
    }
    const a = await schede(['annulla', 'vuota.xlsx'], dir);
    expect(a.code).toBe(0);
    expect(a.io.stdout.trim()).toBe("Non c'è un calcolo da annullare in questa cartella di lavoro.");
  });

  it('file troncato, vuoto, in formato .xls o con un nome di foglio con apostrofo nel percorso', async () => {
    const good = await bytesOf(await sample('Trasparenza'));
    writeFileSync(join(dir, 'troncato.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(dir, 'zero.xlsx'), new Uint8Array(0));
    writeFileSync(join(dir, 'vecchio.xls'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    for (const file of ['troncato.xlsx', 'zero.xlsx', 'vecchio.xls', 'manca.xlsx']) {
      for (const cmd of [['controlla', file, '--json'], ['prepara', file], ['calcola', file, '--json'], ['annulla', file]]) {
        const r = await schede(cmd, dir);
        expect(r.code, cmd.join(' ')).toBe(2);
        expect(r.io.stdout, cmd.join(' ')).toBe('');
        expect(r.io.stderr, cmd.join(' ')).toContain(file === 'troncato.xlsx' ? 'Excel' : file);
      }
    }
    writeFileSync(join(dir, "piano dell'ente 2024.xlsx"), good);
    const ok = await schede(['controlla', "piano dell'ente 2024.xlsx", '--json'], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.io.stdout).schede[0].foglio).toBe('Trasparenza');
  });
});
