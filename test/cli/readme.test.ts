/**
 * The README's `schede` examples run as written (issue 11, item 8): every `npm run schede -- …` line of the README
 * is run, in order, in a temporary copy of the project's assets (as `npm run` does from the project's folder),
 * with the exit code the README gives (0 unless the line's comment says "codice di uscita N"); every file an
 * example writes must exist and be a workbook the CLI reads back. What the README says about running them twice
 * is checked too.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-cli.mjs';
import { schede, tmpDir } from '../robustezza/helpers';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PREFIX = 'npm run schede -- ';

/** one shell line as bash splits it: words, "double" and 'single' quotes, and a trailing # comment */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '#' && word === null) return { words, comment: line.slice(i + 1).trim() };
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`virgolette non chiuse: ${line}`);
      const inner = line.slice(i + 1, end);
      if (c === '"' && /[$`\\]/.test(inner)) throw new Error(`espansione della shell non gestita: ${line}`);
      word = (word ?? '') + inner;
      i = end + 1;
    } else {
      if (/[$`\\|;&<>*?]/.test(c)) throw new Error(`carattere speciale della shell non gestito: ${line}`);
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== null) words.push(word);
  return { words, comment: '' };
}

interface Example {
  line: string;
  args: string[];
  code: number;
}

/** the `npm run schede -- …` lines of the README's shell blocks */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(?:bash|sh|shell)\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.startsWith(PREFIX))
    .map((line) => {
      const { words, comment } = shellWords(line.slice(PREFIX.length));
      const code = /codice di uscita (\d)/.exec(comment);
      return { line, args: words, code: code ? Number(code[1]) : 0 };
    });
}

const WRITERS = new Set(['prepara', 'calcola', 'annulla', 'nuova', 'standardizza']);
const optionValue = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
/** where an example writes: --out, else NAME-calcolato.EXT beside the input (numbered from the second run); --anteprima writes nothing */
function written(args: string[], run: number): string | null {
  if (!WRITERS.has(args[0]) || args.includes('--anteprima')) return null;
  const out = optionValue(args, '--out');
  if (out) return out;
  const input = args[1];
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-calcolato${run > 1 ? `-${run}` : ''}${ext}`);
}

const EXAMPLES = examples(README);

describe('README examples of the schede command', () => {
  it('the README shows every command, with outputs named prova-*.xlsx (ignored by git)', () => {
    expect(new Set(EXAMPLES.map((e) => e.args[0]))).toEqual(
      new Set(['--help', 'controlla', 'prepara', 'calcola', 'nuova', 'standardizza', 'valuta']),
    );
    for (const e of EXAMPLES) {
      const out = optionValue(e.args, '--out');
      if (out) expect(out, e.line).toMatch(/^prova-[\w-]+\.xlsx$/);
    }
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('/prova-*.xlsx');
    expect(README).toContain('--sovrascrivi');
  });

  it('each example runs as written from the project folder, with the exit code the README gives, and writes a readable workbook', async () => {
    const dir = tmpDir();
    cpSync(join(ROOT, 'assets'), join(dir, 'assets'), { recursive: true });
    for (const e of EXAMPLES) {
      const { code, io } = await schede(e.args, dir);
      expect(code, `${e.line}\n${io.stderr}`).toBe(e.code);
      expect(io.stdout.trim(), e.line).not.toBe('');
      const out = written(e.args, 1);
      if (!out) continue;
      expect(existsSync(join(dir, out)), `${e.line} → ${out}`).toBe(true);
      expect(readFileSync(join(dir, out)).subarray(0, 2).toString('latin1')).toBe('PK');
      const check = await schede(['controlla', out, '--json'], dir);
      expect([0, 1], `${out} si rilegge`).toContain(check.code);
      expect(JSON.parse(check.io.stdout).schede.length, out).toBeGreaterThan(0);
    }
    // what the README promises for a second run: calcola numbers its output, the others stop before --out
    for (const e of EXAMPLES.filter((x) => written(x.args, 1) !== null)) {
      const before = written(e.args, 1)!;
      const bytes = readFileSync(join(dir, before));
      const { code, io } = await schede(e.args, dir);
      if (optionValue(e.args, '--out')) {
        expect(code, e.line).toBe(2);
        expect(io.stderr, e.line).toContain('esiste già');
        expect(readFileSync(join(dir, before)).equals(bytes), `${before} resta com'era`).toBe(true);
        expect((await schede([...e.args, '--sovrascrivi'], dir)).code, `${e.line} --sovrascrivi`).toBe(0);
      } else {
        expect(code, e.line).toBe(0);
        expect(existsSync(join(dir, written(e.args, 2)!)), e.line).toBe(true);
      }
    }
  });

  it('shell words are split as bash splits them', () => {
    expect(shellWords('valuta --graduazione "Entro il 31/12 = 100%." --valore 20/01/2025   # nota')).toEqual({
      words: ['valuta', '--graduazione', 'Entro il 31/12 = 100%.', '--valore', '20/01/2025'],
      comment: 'nota',
    });
    expect(shellWords("nuova --titolo 'A \"B\"' --out x.xlsx").words).toEqual(['nuova', '--titolo', 'A "B"', '--out', 'x.xlsx']);
    expect(() => shellWords('controlla $HOME/a.xlsx')).toThrow();
  });
});
