/**
 * The CLI never writes over a file that exists (DESIGN.md, "Files"): --sovrascrivi to replace, free numbered
 * names for the default output, identity by device and inode (links to the input are the input), a temporary
 * file renamed into place (a failed save leaves nothing behind), exit 2 for what is not an Excel workbook.
 */
import { copyFileSync, linkSync, lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveForCli, writeSafely } from '../../src/cli/files';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/domain/scheda';
import { TESTI_XLSX } from '../../src/domain/testi/xlsx';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { openXlsxFile } from '../../src/workbook/xlsx/node';
import { capture } from '../helpers/cli';

const SAMPLE = join(__dirname, '../../assets/esempi/sarzana-esempio.xlsx');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'schede-file-'));
  copyFileSync(SAMPLE, join(dir, 'piano.xlsx'));
});

const bytes = (name: string) => readFileSync(join(dir, name));
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('an existing file is never replaced unless --sovrascrivi', () => {
  it('nuova --out onto an existing plan: refused, the plan keeps its cards; --sovrascrivi replaces it', async () => {
    const before = bytes('piano.xlsx');
    const cards = readWorkbook(await (await openXlsxFile(join(dir, 'piano.xlsx'))).readSheets()).length;
    expect(cards).toBeGreaterThan(1);

    const io = capture(dir);
    expect(await main(['nuova', '--titolo', 'Nuovo obiettivo', '--out', 'piano.xlsx'], io)).toBe(2);
    expect(io.stderr).toBe(`${TESTI_XLSX.uscitaEsistente('piano.xlsx')}\n`);
    expect(bytes('piano.xlsx').equals(before)).toBe(true);

    const forced = capture(dir);
    expect(await main(['nuova', '--titolo', 'Nuovo obiettivo', '--out', 'piano.xlsx', '--sovrascrivi'], forced)).toBe(0);
    expect(readWorkbook(await (await openXlsxFile(join(dir, 'piano.xlsx'))).readSheets())).toHaveLength(1);
    expect(leftovers()).toEqual([]);
  });

  it('the default output takes a free numbered name: prepara after prepara keeps the first result', async () => {
    expect(await main(['prepara', 'piano.xlsx'], capture(dir))).toBe(0);
    const first = bytes('piano-calcolato.xlsx');
    const io = capture(dir);
    expect(await main(['prepara', 'piano.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain(join(dir, 'piano-calcolato-2.xlsx'));
    expect(bytes('piano-calcolato.xlsx').equals(first)).toBe(true);
    expect(await main(['prepara', 'piano.xlsx'], capture(dir))).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['piano-calcolato-2.xlsx', 'piano-calcolato-3.xlsx', 'piano-calcolato.xlsx', 'piano.xlsx']);
  });

  it('an .xlsm gives NAME-calcolato.xlsm', async () => {
    copyFileSync(SAMPLE, join(dir, 'macro.xlsm'));
    expect(await main(['prepara', 'macro.xlsm'], capture(dir))).toBe(0);
    expect(readdirSync(dir)).toContain('macro-calcolato.xlsm');
  });

  it('--out naming an existing file for calcola, annulla, standardizza: refused before any work', async () => {
    writeFileSync(join(dir, 'altro.xlsx'), 'mio');
    for (const args of [
      ['calcola', 'piano.xlsx', '--out', 'altro.xlsx'],
      ['annulla', 'piano.xlsx', '--out', 'altro.xlsx'],
      ['prepara', 'piano.xlsx', '--out', 'altro.xlsx'],
      ['standardizza', 'piano.xlsx', '--foglio', 'x', '--out', 'altro.xlsx'],
    ]) {
      const io = capture(dir);
      expect(await main(args, io)).toBe(2);
      expect(io.stderr).toContain('esiste già');
      expect(readFileSync(join(dir, 'altro.xlsx'), 'utf8')).toBe('mio');
    }
  });

  it('a folder as --out is refused', async () => {
    const io = capture(dir);
    expect(await main(['prepara', 'piano.xlsx', '--out', '.'], io)).toBe(2);
    expect(io.stderr).toContain('è una cartella');
  });
});

describe('the input is known by identity, not by spelling', () => {
  it.each([
    ['a symbolic link', (p: string, l: string) => symlinkSync(p, l)],
    ['a hard link', (p: string, l: string) => linkSync(p, l)],
  ])('--out through %s to the input is the input, even with --sovrascrivi', async (_what, makeLink) => {
    makeLink(join(dir, 'piano.xlsx'), join(dir, 'collegamento.xlsx'));
    const before = bytes('piano.xlsx');
    for (const extra of [[], ['--sovrascrivi']]) {
      const io = capture(dir);
      expect(await main(['prepara', 'piano.xlsx', '--out', 'collegamento.xlsx', ...extra], io)).toBe(2);
      expect(io.stderr).toBe(`${TESTI_XLSX.uscitaUgualeIngresso}\n`);
    }
    expect(bytes('piano.xlsx').equals(before)).toBe(true);
  });

  it('the input spelt another way is the input', async () => {
    const io = capture(dir);
    expect(await main(['prepara', 'piano.xlsx', '--out', `./sotto/../piano.xlsx`], io)).toBe(2);
    expect(io.stderr).toContain('non può essere il file di partenza');
  });

  it('--sovrascrivi through a link to another file replaces that file and keeps the link', async () => {
    writeFileSync(join(dir, 'vecchio.xlsx'), 'vecchio');
    symlinkSync(join(dir, 'vecchio.xlsx'), join(dir, 'uscita.xlsx'));
    expect(await main(['prepara', 'piano.xlsx', '--out', 'uscita.xlsx', '--sovrascrivi'], capture(dir))).toBe(0);
    expect(lstatSync(join(dir, 'uscita.xlsx')).isSymbolicLink()).toBe(true);
    expect(bytes('vecchio.xlsx').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('a failed save leaves nothing behind', () => {
  const fullDisk = {
    async writeFile(path: string, data: Uint8Array) {
      writeFileSync(path, data.subarray(0, 100)); // half written, then the disk is full
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    },
  };

  it('a full disk: no truncated target, no temporary file, an existing target intact, an Italian message', async () => {
    const wb = XlsxWorkbook.create();
    const io = capture(dir);
    const target = join(dir, 'nuovo.xlsx');
    expect(await saveForCli(wb, { path: target, mode: 'nuovo' }, io, fullDisk)).toBeNull();
    expect(io.stderr).toBe(`${TESTI_XLSX.scritturaFallita(target)}\n`);
    expect(readdirSync(dir)).toEqual(['piano.xlsx']);

    const before = bytes('piano.xlsx');
    expect(await saveForCli(wb, { path: join(dir, 'piano.xlsx'), mode: 'sovrascrivi' }, capture(dir), fullDisk)).toBeNull();
    expect(bytes('piano.xlsx').equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('a file that appears between the check and the save is not replaced', async () => {
    writeFileSync(join(dir, 'arrivato.xlsx'), 'di qualcun altro');
    await expect(writeSafely(new Uint8Array([1, 2, 3]), { path: join(dir, 'arrivato.xlsx'), mode: 'nuovo' })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'arrivato.xlsx'), 'utf8')).toBe('di qualcun altro');
    expect(leftovers()).toEqual([]);
  });
});

describe('what is not an Excel workbook is refused with exit code 2', () => {
  async function zipOf(files: Record<string, string>): Promise<Buffer> {
    const z = new JSZip();
    for (const [n, t] of Object.entries(files)) z.file(n, t);
    return z.generateAsync({ type: 'nodebuffer' });
  }

  it('an OpenDocument .ods', async () => {
    writeFileSync(join(dir, 'piano.ods'), await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }));
    const io = capture(dir);
    expect(await main(['controlla', 'piano.ods'], io)).toBe(2);
    expect(io.stderr).toBe(`${TESTI_XLSX.fileOds('piano.ods')}\n`);
  });

  it('a zip that is not a workbook, even named .xlsx', async () => {
    writeFileSync(join(dir, 'archivio.xlsx'), await zipOf({ 'leggimi.txt': 'ciao', 'word/document.xml': '<w:document/>' }));
    for (const cmd of ['controlla', 'prepara', 'calcola']) {
      const io = capture(dir);
      expect(await main([cmd, 'archivio.xlsx'], io)).toBe(2);
      expect(io.stderr).toContain('Cartella di lavoro di Excel (.xlsx)');
      expect(io.stdout).not.toContain('0 schede');
    }
  });

  it('a text file', async () => {
    writeFileSync(join(dir, 'note.xlsx'), 'solo testo');
    const io = capture(dir);
    expect(await main(['controlla', 'note.xlsx'], io)).toBe(2);
    expect(io.stderr).toContain('non è un file .xlsx');
  });
});
