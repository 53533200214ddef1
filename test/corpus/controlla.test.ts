/** `schede controlla` on the corpus: report, JSON contract, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { controlla, type ControllaJson } from '../../src/cli/commands/controlla';
import type { CliIo } from '../../src/cli/io';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { saveXlsxFile } from '../../src/workbook/xlsx/node';
import { buildSheetPlan } from '../../scripts/corpus/build';
import { CORPUS, cardRows } from '../../scripts/corpus/cards';
import { repoPath } from './fixtures';

function capture(cwd = repoPath('.')): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    out(s: string) {
      io.stdout += s.endsWith('\n') ? s : `${s}\n`;
    },
    err(s: string) {
      io.stderr += s.endsWith('\n') ? s : `${s}\n`;
    },
  };
  return io;
}

const CORPUS_FILE = 'test/fixtures/corpus-sarzana.xlsx';
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'schede-controlla-'));
  // a workbook of two clean cards, built with the project's own builder and adapter
  const wb = XlsxWorkbook.create();
  await wb.applyWritePlan({
    sheets: ['01', '07'].map((id) => buildSheetPlan(`Scheda ${id}`, [{ rows: cardRows(id) }])),
  });
  await saveXlsxFile(wb, join(tmp, 'pulite.xlsx'));
  writeFileSync(join(tmp, 'testo.xlsx'), 'N.\tPESO\tAZIONE\n1\t50\tqualcosa\n');
  const cfb = new Uint8Array(4096);
  cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(tmp, 'protetto.xlsx'), cfb);
  writeFileSync(join(tmp, 'rotto.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
});

describe('schede controlla: report', () => {
  it('prints every card with its annualità, PESO totals and findings, and exits 1 on errors', async () => {
    const io = capture();
    expect(await controlla([CORPUS_FILE], io)).toBe(1);
    expect(io.stderr).toBe('');
    const out = io.stdout;
    expect(out).toContain(`${CORPUS.length} schede trovate in ${CORPUS.length} fogli`);
    for (const c of CORPUS) expect(out).toContain(`Foglio "${c.sheet}"`);
    const polizia = out.slice(out.indexOf('Foglio "35 Polizia Locale"'), out.indexOf('Foglio "36'));
    expect(polizia).toContain('1ª annualità (2024): 5 azioni, PESO totale 125');
    expect(polizia).toContain('2ª annualità (2025): 4 azioni, PESO totale 100');
    expect(polizia).toMatch(/\[ERRORE\] PESO_SOMMA \(B15:B19\)/);
    const formazione = out.slice(out.indexOf('Foglio "02 Formazione"'), out.indexOf('Foglio "03'));
    expect(formazione).toContain('1ª annualità (2024): 4 azioni, PESO totale 100');
    expect(formazione).toContain('Nessuna segnalazione.');
    expect(out).toMatch(/Riepilogo: \d+ errori, \d+ avvis[oi], \d+ informazion[ei]\./);
  });

  it('exits 0 on clean cards', async () => {
    const io = capture(tmp);
    expect(await controlla(['pulite.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain('2 schede trovate in 2 fogli');
    expect(io.stdout).toContain('Esito: nessun errore');
  });
});

describe('schede controlla --json', () => {
  it('follows the contract of DESIGN.md', async () => {
    const io = capture();
    expect(await controlla([CORPUS_FILE, '--json'], io)).toBe(1);
    const json = JSON.parse(io.stdout) as ControllaJson;
    expect(Object.keys(json)).toEqual(['schede', 'segnalazioni']);
    expect(json.schede.map((s) => s.foglio)).toEqual(CORPUS.map((c) => c.sheet));
    for (const s of json.schede) {
      expect(Object.keys(s)).toEqual(['sistema', 'foglio', 'titolo', 'tipo', 'periodo', 'annualita']);
      expect(s.sistema).toBe('gestionale');
      for (const a of s.annualita)
        for (const az of a.azioni) expect(Object.keys(az)).toEqual(['n', 'peso', 'azione', 'graduazione']);
    }
    for (const f of json.segnalazioni) expect(Object.keys(f)).toEqual(['codice', 'gravita', 'foglio', 'celle', 'messaggio']);

    const polizia = json.schede.find((s) => s.foglio === '35 Polizia Locale')!;
    expect(polizia.tipo).toBe('individuale');
    expect(polizia.periodo).toBe('2024-2026');
    expect(polizia.annualita.map((a) => a.anno)).toEqual([2024, 2025, 2026]);
    expect(polizia.annualita[0].azioni.map((a) => a.peso)).toEqual([25, 25, 25, 25, 25]);
    expect(polizia.annualita[0].azioni.map((a) => a.graduazione?.tipo)).toEqual(Array(5).fill('proporzionale'));
    const formazione = json.schede.find((s) => s.foglio === '02 Formazione')!;
    expect(formazione.tipo).toBe('comune');
    expect(formazione.annualita[0].azioni.map((a) => [a.n, a.peso, a.graduazione?.tipo])).toEqual([
      [1, 25, 'scadenza'],
      [2, 20, 'scadenza'],
      [3, 40, 'scadenza'],
      [4, 15, 'scadenza'],
    ]);
    const somma = json.segnalazioni.find((f) => f.foglio === '35 Polizia Locale' && f.codice === 'PESO_SOMMA')!;
    expect(somma.gravita).toBe('errore');
    expect(somma.celle).toEqual(['B15:B19']);
  });
});

describe('schede controlla: bad input exits 2 with an Italian message', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing file', ['non-esiste.xlsx'], /non esiste/],
    ['not an xlsx', ['testo.xlsx'], /non è un file \.xlsx/],
    ['password-protected', ['protetto.xlsx'], /password/],
    ['a broken zip', ['rotto.xlsx'], /non è una cartella di lavoro Excel/],
    ['no file', [], /Manca il file/],
    ['two files', ['a.xlsx', 'b.xlsx'], /un solo file/],
    ['unknown option', ['pulite.xlsx', '--formato'], /Opzione non valida/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const io = capture(tmp);
      expect(await controlla(args, io)).toBe(2);
      expect(io.stdout).toBe('');
      expect(io.stderr).toMatch(message);
      expect(io.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('through the entry point', () => {
  it('`tsx src/cli/main.ts controlla FILE --json` prints the JSON and exits 1', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'controlla', 'test/fixtures/corpus-impilate.xlsx', '--json'],
      { cwd: repoPath('.'), encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as ControllaJson;
    expect(json.schede.map((s) => s.foglio)).toEqual(['Due schede', 'Due schede']);
    expect(json.segnalazioni.some((f) => f.codice === 'PESO_SOMMA')).toBe(true);
  });

  it('exits 2 on a missing file without a stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'controlla', 'manca.xlsx'], {
      cwd: repoPath('.'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/non esiste/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
