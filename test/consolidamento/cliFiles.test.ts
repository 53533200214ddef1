import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annoOption, openFileCommand, outputPath, parseFileArgs, parseOptions, testiConUso } from '../../src/cli/files';
import type { CliIo } from '../../src/cli/io';
import { TESTI_XLSX } from '../../src/domain/testi/xlsx';
import { main } from '../../src/cli/main';

function capture(cwd = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (s: string) => void (io.stdout += s + '\n'), err: (s: string) => void (io.stderr += s + '\n') };
  return io;
}

const texts = testiConUso('Uso: prova FILE.xlsx');

describe('strict argument parsing with Italian messages', () => {
  it('returns the FILE and typed option values', () => {
    const io = capture();
    const r = parseFileArgs(['a.xlsx', '--out', 'b.xlsx', '--json'], { out: { type: 'string' }, json: { type: 'boolean' } }, texts, io);
    expect(r).toEqual({ file: 'a.xlsx', values: { out: 'b.xlsx', json: true } });
    expect(io.stderr).toBe('');
  });

  it.each([
    [['a.xlsx', '--bogus'], 'Opzione non valida: --bogus (opzione sconosciuta)\nUso: prova FILE.xlsx\n'],
    [['a.xlsx', '--out'], 'Opzione non valida: --out (manca il valore)\nUso: prova FILE.xlsx\n'],
    [['a.xlsx', '--json=sì'], 'Opzione non valida: --json (non accetta un valore)\nUso: prova FILE.xlsx\n'],
    [[], 'Indicare il file .xlsx da elaborare.\nUso: prova FILE.xlsx\n'],
    [['a.xlsx', 'b.xlsx'], 'Indicare un solo file .xlsx.\nUso: prova FILE.xlsx\n'],
  ])('%j → %j', (args, message) => {
    const io = capture();
    expect(parseFileArgs(args, { out: { type: 'string' }, json: { type: 'boolean' } }, texts, io)).toBeNull();
    expect(io.stderr).toBe(message);
  });

  it('options-only commands reject a positional argument in Italian', () => {
    const io = capture();
    expect(parseOptions(['extra', '--out', 'x'], { out: { type: 'string' } }, texts, io)).toBeNull();
    expect(io.stderr).toBe('Opzione non valida: «extra» (argomento non previsto)\nUso: prova FILE.xlsx\n');
  });

  it('no command lets Node\'s English parse errors through', async () => {
    for (const args of [['calcola', 'x.xlsx', '--bogus'], ['nuova', 'x.xlsx'], ['valuta', '--x'], ['controlla', 'a', '--json=1']]) {
      const io = capture();
      expect(await main(args, io)).toBe(2);
      expect(io.stderr).toMatch(/^Opzione non valida/);
      expect(io.stderr).not.toMatch(/Unknown|Unexpected|argument|positional/);
    }
  });

  it('annoOption takes four digits only', () => {
    expect([annoOption(' 2025 '), annoOption('24'), annoOption('ventiventi')]).toEqual([2025, null, null]);
  });
});

describe('output path and opening', () => {
  it('NAME-calcolato.xlsx next to the input, --out relative to cwd, never the input itself', () => {
    expect(outputPath('dati/piano.xlsx', undefined, '/lavoro')).toBe(resolve('/lavoro/dati/piano-calcolato.xlsx'));
    expect(outputPath('piano.xlsx', 'fuori.xlsx', '/lavoro')).toBe(resolve('/lavoro/fuori.xlsx'));
    expect(outputPath('piano.xlsx', '/lavoro/piano.xlsx', '/lavoro')).toBeNull();
    expect(outputPath('piano', undefined, '/lavoro')).toBe(resolve('/lavoro/piano-calcolato.xlsx'));
  });

  it('names the file as typed, checks options before opening, refuses to write over the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-files-'));
    writeFileSync(join(dir, 'testo.xlsx'), 'non sono un zip');
    const opts = { out: { type: 'string' } } as const;
    const t = texts;

    const missing = capture(dir);
    expect(await openFileCommand(['manca.xlsx'], opts, t, missing)).toBeNull();
    expect(missing.stderr).toContain('"manca.xlsx"');
    expect(missing.stderr).not.toContain(dir);

    const notZip = capture(dir);
    expect(await openFileCommand(['testo.xlsx'], opts, t, notZip)).toBeNull();
    expect(notZip.stderr).toMatch(/non è un file \.xlsx/);

    const same = capture(dir);
    expect(await openFileCommand(['testo.xlsx', '--out', 'testo.xlsx'], opts, t, same)).toBeNull();
    expect(same.stderr).toBe(`${TESTI_XLSX.uscitaUgualeIngresso}\n`);

    const invalid = capture(dir);
    expect(await openFileCommand(['manca.xlsx'], opts, t, invalid, () => 'opzioni sbagliate')).toBeNull();
    expect(invalid.stderr).toBe('opzioni sbagliate\n');
  });
});
