/**
 * What every `schede` command does with its arguments and files, in one place:
 * strict option parsing with Italian messages, opening an .xlsx with Italian messages,
 * the output path (NAME-calcolato.xlsx next to the input, never the input itself) and saving.
 */
import { link, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Grid } from '../domain/grid';
import { MSG_CLI_CALCOLO } from '../domain/testi/calcolo';
import { TESTI_CLI_ARGOMENTI as A } from '../domain/testi/cliMain';
import { TESTI_XLSX } from '../domain/testi/xlsx';
import { WorkbookError } from '../workbook/port';
import type { XlsxWorkbook } from '../workbook/xlsx';
import type { CliIo } from './io';

export type Options = Record<string, { type: 'string' | 'boolean' }>;

/** every command that writes a file takes `--sovrascrivi` (replace an existing --out file) */
export const SOVRASCRIVI = { sovrascrivi: { type: 'boolean' } } as const;

/** the parsed values of `Options`: strings for string options, booleans for flags, absent when not given */
export type OptionValues<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

/** a command's own wording of argument errors */
export interface ArgTexts {
  /** `detail` is Italian: the option and what is wrong with it */
  opzioneNonValida(detail: string): string;
  fileMancante: string;
  troppiFile(n: number): string;
}

/** the common wording (MSG_CLI_CALCOLO), each message followed by the command's usage line */
export function testiConUso(uso: string): ArgTexts {
  const T = MSG_CLI_CALCOLO;
  return {
    opzioneNonValida: (d) => `${T.opzioneNonValida(d)}\n${uso}`,
    fileMancante: `${T.fileMancante}\n${uso}`,
    troppiFile: () => `${T.troppiFile}\n${uso}`,
  };
}

/** node:util parseArgs errors in Italian (the option and what is wrong), never Node's English text */
export function argErrorDetail(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? message;
  switch ((e as { code?: string } | null)?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return A.sconosciuta(quoted);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? A.valoreMancante(quoted.replace(/ <value>$/, '')) : A.senzaValore(quoted);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return A.argomentoInPiu(quoted);
    default:
      return quoted;
  }
}

function strictParse<O extends Options>(
  args: string[],
  options: O,
  allowPositionals: boolean,
  texts: Pick<ArgTexts, 'opzioneNonValida'>,
  io: Pick<CliIo, 'err'>,
): { values: OptionValues<O>; positionals: string[] } | null {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: values as OptionValues<O>, positionals };
  } catch (e) {
    io.err(texts.opzioneNonValida(argErrorDetail(e)));
    return null;
  }
}

/** options only (no FILE); null after an Italian message on anything odd */
export function parseOptions<O extends Options>(
  args: string[],
  options: O,
  texts: Pick<ArgTexts, 'opzioneNonValida'>,
  io: Pick<CliIo, 'err'>,
): OptionValues<O> | null {
  return strictParse(args, options, false, texts, io)?.values ?? null;
}

/** exactly one FILE plus options; null after an Italian message on anything odd */
export function parseFileArgs<O extends Options>(
  args: string[],
  options: O,
  texts: ArgTexts,
  io: Pick<CliIo, 'err'>,
): { file: string; values: OptionValues<O> } | null {
  const parsed = strictParse(args, options, true, texts, io);
  if (!parsed) return null;
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    io.err(positionals.length === 0 ? texts.fileMancante : texts.troppiFile(positionals.length));
    return null;
  }
  return { file: positionals[0], values };
}

/** `--out`, or NAME-calcolato.xlsx next to the input; null when it would be the input itself (by spelling only: see `outputTarget`) */
export function outputPath(input: string, out: string | undefined, cwd: string): string | null {
  const inPath = resolve(cwd, input);
  const path = out ? resolve(cwd, out) : defaultOutput(inPath);
  return path === inPath ? null : path;
}

/**
 * Reading progress for big files: after a second of reading, "Lettura di FILE: 40%" on stderr (only there, so
 * `--json` output stays clean), at most every 10 points, and only where stderr is a terminal.
 */
function progressOnStderr(io: CliIo, input: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const start = Date.now();
  let last = -10;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (Date.now() - start < 1000 || pct - last < 10) return;
    last = pct;
    io.err(TESTI_XLSX.lettura(input, pct));
  };
}

/** open an .xlsx and read its sheets; null after an Italian message naming the file as the user typed it */
export async function openForCli(input: string, io: CliIo): Promise<{ wb: XlsxWorkbook; grids: Grid[] } | null> {
  const path = resolve(io.cwd, input);
  // loaded here, not at the top: `schede --help` and `valuta` never load the xlsx back end (the built CLI starts faster)
  const { openXlsxFile } = await import('../workbook/xlsx/node');
  try {
    const wb = await openXlsxFile(path, { onProgress: progressOnStderr(io, input) });
    return { wb, grids: await wb.readSheets() };
  } catch (e) {
    io.err(e instanceof WorkbookError ? e.message.split(path).join(input) : TESTI_XLSX.fileNonValido);
    return null;
  }
}

/**
 * Where a command writes: `nuovo` = a path that must not exist yet (`--out` without `--sovrascrivi`), `libero` = the
 * default NAME-calcolato.xlsx, which takes the first free numbered name (NAME-calcolato-2.xlsx …) rather than
 * replace a file, `sovrascrivi` = `--out` with `--sovrascrivi` (the file it names, or the file a link names, is replaced).
 */
export interface OutputTarget {
  path: string;
  mode: 'nuovo' | 'libero' | 'sovrascrivi';
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * The output of a command, checked before any work: never the input (same device and inode, so a symbolic or hard
 * link to the input, or the input spelt another way, is the input), never an existing file unless `sovrascrivi`,
 * never a folder. An Italian message instead when it cannot be.
 */
export async function outputTarget(
  input: string | undefined,
  out: string | undefined,
  cwd: string,
  sovrascrivi: boolean,
): Promise<{ target: OutputTarget } | { error: string }> {
  const inPath = input === undefined ? undefined : resolve(cwd, input);
  const path = out !== undefined ? resolve(cwd, out) : inPath && defaultOutput(inPath);
  if (!path) return { error: TESTI_XLSX.uscitaMancante };
  if (path === inPath) return { error: TESTI_XLSX.uscitaUgualeIngresso };
  const [inStat, outStat] = await Promise.all([inPath ? statOrNull(inPath) : null, statOrNull(path)]);
  if (inStat && outStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino) return { error: TESTI_XLSX.uscitaUgualeIngresso };
  if (outStat?.isDirectory()) return { error: TESTI_XLSX.uscitaCartella(out ?? path) };
  if (out === undefined) return { target: { path, mode: 'libero' } };
  if (outStat && !sovrascrivi) return { error: TESTI_XLSX.uscitaEsistente(out) };
  return { target: { path, mode: sovrascrivi ? 'sovrascrivi' : 'nuovo' } };
}

function defaultOutput(inPath: string): string {
  const ext = extname(inPath) || '.xlsx';
  return join(dirname(inPath), `${basename(inPath, extname(inPath))}-calcolato${ext}`);
}

/** NAME.xlsx, NAME-2.xlsx, NAME-3.xlsx … */
function numbered(path: string, n: number): string {
  if (n === 1) return path;
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}-${n}${ext}`);
}

/** the file system calls a save makes (tests replace `writeFile` to simulate a full disk) */
export interface SaveFs {
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

const nodeFs: SaveFs = { writeFile: (path, data) => writeFile(path, data, { flag: 'wx' }) };

const code = (e: unknown) => (e as { code?: string } | null)?.code;

/**
 * Write `data` to the target without ever leaving a half-written file: the bytes go to a temporary file beside the
 * target, which then takes the target's name — with a hard link where the target must not exist (the link fails
 * if it appeared meanwhile: no file is ever replaced by accident), with a rename where it may be replaced. The
 * temporary file is always removed. Returns the path written.
 */
export async function writeSafely(data: Uint8Array, target: OutputTarget, fs: SaveFs = nodeFs): Promise<string> {
  const dir = dirname(target.path);
  const tmp = join(dir, `.~${basename(target.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    if (target.mode === 'sovrascrivi') {
      // through a link: replace the file it names, not the link
      const final = (await statOrNull(target.path)) ? await realpath(target.path) : target.path;
      await rename(tmp, final);
      return final;
    }
    for (let n = 1; n <= (target.mode === 'libero' ? 999 : 1); n++) {
      const candidate = numbered(target.path, n);
      try {
        await link(tmp, candidate);
        return candidate;
      } catch (e) {
        if (code(e) === 'EEXIST') continue;
        // file systems without hard links (some network shares): check, then rename
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(code(e) ?? '')) throw e;
        if (await statOrNull(candidate)) continue;
        await rename(tmp, candidate);
        return candidate;
      }
    }
    throw Object.assign(new Error('exists'), { code: 'EEXIST' });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** save to the target; the path written, or null after an Italian message (nothing half-written is left behind) */
export async function saveForCli(wb: XlsxWorkbook, target: OutputTarget, io: CliIo, fs?: SaveFs): Promise<string | null> {
  try {
    const written = await writeSafely(await wb.toBuffer(), target, fs);
    // parts of the original file the back end cannot write back: say so, never silently
    for (const avviso of wb.avvisi) io.err(avviso);
    return written;
  } catch (e) {
    if (code(e) === 'EEXIST') io.err(TESTI_XLSX.uscitaEsistente(target.path));
    else io.err(e instanceof WorkbookError ? e.message : TESTI_XLSX.scritturaFallita(target.path));
    return null;
  }
}

export interface FileCommand<O extends Options> {
  file: string;
  values: OptionValues<O>;
  /** where the result goes: never the input, never an existing file unless --sovrascrivi */
  out: OutputTarget;
  wb: XlsxWorkbook;
  grids: Grid[];
}

/**
 * The start of every `schede CMD FILE.xlsx [--out OUT.xlsx] …` command: parse strictly, run the command's own
 * checks of its options (`validate` returns an Italian message or null), compute the output path, open the file.
 * Null after an Italian message (exit code 2).
 */
export async function openFileCommand<O extends Options & { out: { type: 'string' } }>(
  args: string[],
  options: O,
  texts: ArgTexts,
  io: CliIo,
  validate?: (values: OptionValues<O>) => string | null,
): Promise<FileCommand<O & typeof SOVRASCRIVI> | null> {
  const parsed = parseFileArgs(args, { ...options, ...SOVRASCRIVI }, texts, io);
  if (!parsed) return null;
  const problem = validate?.(parsed.values);
  if (problem) {
    io.err(problem);
    return null;
  }
  const out = await outputTarget(parsed.file, parsed.values.out as string | undefined, io.cwd, parsed.values.sovrascrivi === true);
  if ('error' in out) {
    io.err(out.error);
    return null;
  }
  const opened = await openForCli(parsed.file, io);
  return opened && { ...parsed, out: out.target, ...opened };
}

/** a `--anno AAAA` value: four digits, else null */
export function annoOption(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}
