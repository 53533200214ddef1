/**
 * `schede calcola FILE.xlsx [--anno AAAA] [--out OUT.xlsx] [--forza] [--json]`:
 * compute RAGGIUNTO and % of every card from the Rilevazioni sheet, write the Riepilogo, save a copy.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calcola as calcolaCore, calcolaJson, oraLocale } from '../../domain/calcolo';
import { formatPercentIt, type Grid } from '../../domain/grid';
import { readWorkbook } from '../../domain/scheda';
import { MSG_CLI_CALCOLO as T } from '../../domain/testi/calcolo';
import { TESTI_CONTROLLA } from '../../domain/testi/cli';
import { TESTI_XLSX } from '../../domain/testi/xlsx';
import { WorkbookError } from '../../workbook/port';
import type { XlsxWorkbook } from '../../workbook/xlsx';
import { openXlsxFile, saveXlsxFile } from '../../workbook/xlsx/node';
import type { CliIo } from '../io';

type Options = Record<string, { type: 'string' | 'boolean' }>;

/** parse FILE + options strictly; an Italian message (exit 2) on anything odd */
export function parseFileArgs(
  args: string[],
  options: Options,
  uso: string,
  io: CliIo,
): { file: string; values: Record<string, string | boolean | undefined> } | null {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true }));
  } catch (e) {
    io.err(`${T.opzioneNonValida(e instanceof Error ? e.message : String(e))}\n${uso}`);
    return null;
  }
  if (positionals.length === 0) {
    io.err(`${T.fileMancante}\n${uso}`);
    return null;
  }
  if (positionals.length > 1) {
    io.err(`${T.troppiFile}\n${uso}`);
    return null;
  }
  return { file: positionals[0], values };
}

/** `--out`, or NAME-calcolato.xlsx next to the input; never the input itself */
export function outputPath(input: string, out: string | undefined, cwd: string): string | null {
  const inPath = resolve(cwd, input);
  const ext = extname(inPath) || '.xlsx';
  const path = out ? resolve(cwd, out) : join(dirname(inPath), `${basename(inPath, extname(inPath))}-calcolato${ext}`);
  return path === inPath ? null : path;
}

export async function openForCli(input: string, io: CliIo): Promise<{ wb: XlsxWorkbook; grids: Grid[] } | null> {
  try {
    const wb = await openXlsxFile(resolve(io.cwd, input));
    return { wb, grids: await wb.readSheets() };
  } catch (e) {
    io.err(e instanceof WorkbookError ? e.message : TESTI_XLSX.fileNonValido);
    return null;
  }
}

export async function saveForCli(wb: XlsxWorkbook, path: string, io: CliIo): Promise<boolean> {
  try {
    await saveXlsxFile(wb, path);
    return true;
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return false;
  }
}

export async function calcola(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFileArgs(
    args,
    { anno: { type: 'string' }, out: { type: 'string' }, forza: { type: 'boolean' }, json: { type: 'boolean' } },
    T.usoCalcola,
    io,
  );
  if (!parsed) return 2;
  const { file, values } = parsed;
  let anno: number | undefined;
  if (typeof values.anno === 'string') {
    if (!/^\d{4}$/.test(values.anno.trim())) {
      io.err(T.annoNonValido(values.anno));
      return 2;
    }
    anno = Number(values.anno.trim());
  }
  const out = outputPath(file, values.out as string | undefined, io.cwd);
  if (!out) {
    io.err(T.stessoFile);
    return 2;
  }
  const opened = await openForCli(file, io);
  if (!opened) return 2;
  const schede = readWorkbook(opened.grids);
  if (schede.length === 0) {
    io.err(T.nessunaScheda);
    return 2;
  }
  const result = calcolaCore(schede, opened.grids, { anno, forza: values.forza === true, now: oraLocale(new Date()) });
  await opened.wb.applyWritePlan(result.plan);
  if (!(await saveForCli(opened.wb, out, io))) return 2;
  if (values.json) {
    io.out(JSON.stringify(calcolaJson(result), null, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const e of result.schede) {
    const anno = e.anno !== null ? String(e.anno) : `${e.annualita}ª annualità`;
    lines.push(T.rigaScheda(e.foglio, anno, e.grado === null ? T.nonCalcolabile : formatPercentIt(e.grado), e.rilevate, e.azioni.length));
  }
  for (const m of result.messaggi) lines.push(m);
  if (result.segnalazioni.length) lines.push('');
  for (const f of result.segnalazioni) lines.push(TESTI_CONTROLLA.segnalazione(f.gravita, f.codice, [f.foglio, ...f.celle], f.messaggio).trim());
  lines.push('', T.riepilogoCalcolo(new Set(result.schede.map((e) => `${e.foglio}|${e.scheda}`)).size, result.scritte, result.conflitti), T.salvato(out));
  io.out(lines.join('\n'));
  return 0;
}
