/**
 * What every `schede` command does with its arguments and files, in one place:
 * strict option parsing with Italian messages, opening an .xlsx with Italian messages,
 * the output path (NAME-calcolato.xlsx next to the input, never the input itself) and saving.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Grid } from '../domain/grid';
import { MSG_CLI_CALCOLO } from '../domain/testi/calcolo';
import { TESTI_CLI_ARGOMENTI as A } from '../domain/testi/cliMain';
import { TESTI_XLSX } from '../domain/testi/xlsx';
import { WorkbookError } from '../workbook/port';
import type { XlsxWorkbook } from '../workbook/xlsx';
import { openXlsxFile, saveXlsxFile } from '../workbook/xlsx/node';
import type { CliIo } from './io';

export type Options = Record<string, { type: 'string' | 'boolean' }>;

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

/** `--out`, or NAME-calcolato.xlsx next to the input; null when it would be the input itself */
export function outputPath(input: string, out: string | undefined, cwd: string): string | null {
  const inPath = resolve(cwd, input);
  const ext = extname(inPath) || '.xlsx';
  const path = out ? resolve(cwd, out) : join(dirname(inPath), `${basename(inPath, extname(inPath))}-calcolato${ext}`);
  return path === inPath ? null : path;
}

/** open an .xlsx and read its sheets; null after an Italian message naming the file as the user typed it */
export async function openForCli(input: string, io: CliIo): Promise<{ wb: XlsxWorkbook; grids: Grid[] } | null> {
  const path = resolve(io.cwd, input);
  try {
    const wb = await openXlsxFile(path);
    return { wb, grids: await wb.readSheets() };
  } catch (e) {
    io.err(e instanceof WorkbookError ? e.message.split(path).join(input) : TESTI_XLSX.fileNonValido);
    return null;
  }
}

/** save to `path`; false after an Italian message */
export async function saveForCli(wb: XlsxWorkbook, path: string, io: CliIo): Promise<boolean> {
  try {
    await saveXlsxFile(wb, path);
    // parts of the original file ExcelJS cannot write back (charts, pivots, macros): say so, never silently
    for (const avviso of wb.avvisi) io.err(avviso);
    return true;
  } catch (e) {
    io.err(e instanceof WorkbookError ? e.message : TESTI_XLSX.scritturaFallita(path));
    return false;
  }
}

export interface FileCommand<O extends Options> {
  file: string;
  values: OptionValues<O>;
  /** absolute output path, never the input */
  out: string;
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
  texts: ArgTexts & { stessoFile: string },
  io: CliIo,
  validate?: (values: OptionValues<O>) => string | null,
): Promise<FileCommand<O> | null> {
  const parsed = parseFileArgs(args, options, texts, io);
  if (!parsed) return null;
  const problem = validate?.(parsed.values);
  if (problem) {
    io.err(problem);
    return null;
  }
  const out = outputPath(parsed.file, parsed.values.out as string | undefined, io.cwd);
  if (!out) {
    io.err(texts.stessoFile);
    return null;
  }
  const opened = await openForCli(parsed.file, io);
  return opened && { ...parsed, out, ...opened };
}

/** a `--anno AAAA` value: four digits, else null */
export function annoOption(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}
