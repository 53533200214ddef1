/**
 * The built `schede` (scripts/build-cli.mjs → dist-cli/schede.mjs): the same command as the TypeScript sources,
 * without a TypeScript loader at every run. Built here into a temporary folder, run as a real process and compared
 * with `main()` run in-process on the sources; bin/schede.js builds it when missing and falls back to tsx when it
 * cannot.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cliIsFresh, ROOT } from '../../scripts/build-cli.mjs';
import { SAMPLE, schede, tmpDir } from '../robustezza/helpers';

const BIN = join(ROOT, 'bin', 'schede.js');

function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let outfile: string;
let built: Awaited<ReturnType<typeof buildCli>>;
beforeAll(async () => {
  dir = tmpDir();
  outfile = join(dir, 'build', 'schede.mjs');
  built = await buildCli({ outfile });
}, 120_000);

describe('the built CLI', () => {
  it('prints the same help as the sources, exit 0', async () => {
    const fromSource = await schede(['--help'], dir);
    const r = run(outfile, ['--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fromSource.io.stdout);
    expect(r.stdout).toContain('--sovrascrivi');
    expect(r.stderr).toBe('');
  });

  it('checks the sample workbook exactly as the sources do (same JSON, same exit code)', async () => {
    copyFileSync(SAMPLE, join(dir, 'piano.xlsx'));
    const fromSource = await schede(['controlla', 'piano.xlsx', '--json'], dir);
    const r = run(outfile, ['controlla', 'piano.xlsx', '--json'], dir);
    expect(r.code).toBe(fromSource.code);
    expect(r.code).toBe(1); // the sample carries one real error (a PESO column not adding to 100)
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(JSON.parse(fromSource.io.stdout));
    expect(json.schede.length).toBeGreaterThan(1);
  });

  it('writes a workbook, then refuses to write over it without --sovrascrivi (exit 2, file unchanged)', () => {
    copyFileSync(SAMPLE, join(dir, 'p.xlsx'));
    const first = run(outfile, ['prepara', 'p.xlsx', '--out', 'rilevazioni.xlsx'], dir);
    expect(first.code).toBe(0);
    const written = readFileSync(join(dir, 'rilevazioni.xlsx'));
    expect(written.subarray(0, 2).toString('latin1')).toBe('PK');
    const again = run(outfile, ['prepara', 'p.xlsx', '--out', 'rilevazioni.xlsx'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('esiste già');
    expect(readFileSync(join(dir, 'rilevazioni.xlsx')).equals(written)).toBe(true);
    const check = run(outfile, ['controlla', 'rilevazioni.xlsx', '--json'], dir);
    expect(JSON.parse(check.stdout).schede.length).toBe(JSON.parse(run(outfile, ['controlla', 'p.xlsx', '--json'], dir).stdout).schede.length);
  });

  it('rejects an unknown option in Italian with exit 2, like the sources', () => {
    const r = run(outfile, ['calcola', 'x.xlsx', '--bogus'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Opzione non valida: --bogus \(opzione sconosciuta\)/);
  });

  it('`--help` loads no part of the xlsx back end: ExcelJS sits in chunks loaded on demand only', () => {
    const outputs = built.metafile.outputs;
    const key = (file: string) => Object.keys(outputs).find((k) => resolve(ROOT, k) === file)!;
    const staticallyLoaded = new Set<string>();
    const visit = (k: string) => {
      if (staticallyLoaded.has(k)) return;
      staticallyLoaded.add(k);
      for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    };
    visit(key(outfile));
    const inputs = [...staticallyLoaded].flatMap((k) => Object.keys(outputs[k].inputs));
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs.filter((i) => /node_modules\/(exceljs|jszip|fflate|saxes)\/|src\/workbook\/xlsx\//.test(i))).toEqual([]);
    const loadedBytes = [...staticallyLoaded].reduce((a, k) => a + outputs[k].bytes, 0);
    expect(loadedBytes).toBeLessThan(built.bytes / 10);
  });
});

describe('staleness', () => {
  it('is fresh right after the build; stale when a source it was built from changes or the entry is missing', () => {
    expect(cliIsFresh(outfile)).toBe(true);
    const stampFile = outfile.replace(/\.mjs$/, '.inputs.json');
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    expect(Object.keys(stamp.inputs)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/commands/calcola.ts', 'package.json']));
    expect(Object.keys(stamp.inputs).some((k) => k.startsWith('node_modules/exceljs'))).toBe(false);
    try {
      const edited = { inputs: { ...stamp.inputs, 'src/cli/main.ts': [stamp.inputs['src/cli/main.ts'][0] + 1, stamp.inputs['src/cli/main.ts'][1]] } };
      writeFileSync(stampFile, JSON.stringify(edited));
      expect(cliIsFresh(outfile)).toBe(false);
      writeFileSync(stampFile, JSON.stringify({ inputs: { ...stamp.inputs, 'src/cli/non-esiste.ts': [1, 1] } }));
      expect(cliIsFresh(outfile)).toBe(false);
      writeFileSync(stampFile, '{ rotto');
      expect(cliIsFresh(outfile)).toBe(false);
    } finally {
      writeFileSync(stampFile, JSON.stringify(stamp));
    }
    expect(cliIsFresh(outfile)).toBe(true);
    expect(cliIsFresh(join(dir, 'build', 'manca.mjs'))).toBe(false);
  });
});

describe('bin/schede.js', () => {
  it('builds the CLI on first run when it is missing, then runs it', () => {
    const target = join(tmpDir(), 'primo-avvio', 'schede.mjs');
    const r = run(BIN, ['--help'], dir, { SCHEDE_CLI_BUILD: target });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Uso: schede <comando>');
    expect(existsSync(target)).toBe(true);
    expect(cliIsFresh(target)).toBe(true);
    rmSync(join(target, '..'), { recursive: true, force: true });
  });

  it('falls back to the TypeScript sources (tsx) when the build cannot be written, with the same result', () => {
    const blocker = join(dir, 'un-file');
    writeFileSync(blocker, 'non è una cartella');
    const target = join(blocker, 'schede.mjs'); // its parent is a regular file: nothing can be written there
    const r = run(BIN, ['valuta', '--graduazione', 'Entro il 31/12/2024 = 100%', '--valore', '20/12/2024', '--json'], dir, { SCHEDE_CLI_BUILD: target });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).livello).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  it('`npm run schede -- …` takes file names relative to the folder it is typed in, not the project folder', () => {
    copyFileSync(SAMPLE, join(dir, 'da-npm.xlsx'));
    const r = spawnSync('npm', ['--prefix', ROOT, 'run', '-s', 'schede', '--', 'controlla', 'da-npm.xlsx', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SCHEDE_CLI_BUILD: outfile },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).schede.length).toBeGreaterThan(1);
  });

  it('runs from any working directory (file names are relative to it)', () => {
    copyFileSync(SAMPLE, join(dir, 'altro.xlsx'));
    const r = run(relative(dir, BIN), ['controlla', 'altro.xlsx'], dir, { SCHEDE_CLI_BUILD: outfile });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Esito: da correggere');
  });
});
