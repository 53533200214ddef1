/**
 * Robustness helpers: messy workbooks built directly with ExcelJS (as Excel, LibreOffice or other tools
 * write them), a user's journey through the `schede` CLI, and a cell-by-cell comparison of what changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/domain/controlli';
import type { Finding } from '../../src/domain/controlli/types';
import type { CellValue, Grid } from '../../src/domain/grid';
import type { CellWrite } from '../../src/domain/plan';
import { isOwnSheet, readWorkbook, type Scheda } from '../../src/domain/scheda';
import { INTESTAZIONI_RILEVAZIONI } from '../../src/domain/testi/calcolo';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

export const SAMPLE = new URL('../../assets/esempi/sarzana-esempio.xlsx', import.meta.url).pathname;

/** the sample workbook as ExcelJS sees it, keeping only the named sheets (all when none given) */
export async function sample(...keep: string[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  if (keep.length) for (const ws of [...wb.worksheets]) if (!keep.includes(ws.name)) wb.removeWorksheet(ws.id);
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function exceljsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export interface Lettura {
  grids: Grid[];
  schede: Scheda[];
  findings: Finding[];
}

/** the adapter and the core over a file's bytes: nothing may throw */
export async function leggi(bytes: Uint8Array): Promise<Lettura> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  const grids = await wb.readSheets();
  const schede = readWorkbook(grids);
  const findings = checkWorkbook(schede);
  return { grids, schede, findings };
}

/** copy a sheet's cells, styles, merges and widths into another sheet, shifted by (dr, dc) */
export function copyInto(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet, dr: number, dc: number): void {
  src.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.height) dst.getRow(r + dr).height = row.height;
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master.address !== c.address) return;
      const t = dst.getCell(r + dr, col + dc);
      t.value = c.value;
      t.style = { ...c.style };
    });
  });
  for (const m of Object.values((src as unknown as { _merges: Record<string, ExcelJS.Range> })._merges)) {
    dst.mergeCells(m.top + dr, m.left + dc, m.bottom + dr, m.right + dc);
  }
  for (let c = 1; c <= src.columnCount; c++) {
    const w = src.getColumn(c).width;
    if (w) dst.getColumn(c + dc).width = w;
  }
}

// ---- comparing cells -----------------------------------------------------------------------

function encode(v: ExcelJS.CellValue): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Date ? { data: x.toISOString() } : x));
}

/** every non-empty cell of every sheet as "Foglio!A1" -> its ExcelJS value (formulas, rich text, links, errors) */
export function cellMap(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.value === null || c.value === undefined) return;
        // a cell hidden under a merge shows its master's value in ExcelJS: it has no content of its own
        if (c.isMerged && c.master && c.master.address !== c.address) return;
        out.set(`${ws.name}!${c.address}`, encode(c.value));
      }),
    );
  }
  return out;
}

export function sheetShape(wb: ExcelJS.Workbook): { name: string; state: string; merges: string[] }[] {
  return wb.worksheets
    .filter((ws) => !isOwnSheet(ws.name))
    .map((ws) => ({
      name: ws.name,
      state: ws.state,
      merges: Object.values((ws as unknown as { _merges: Record<string, ExcelJS.Range> })._merges)
        .map((m) => m.range)
        .sort(),
    }));
}

/**
 * cells of `before` that differ in `after` (or disappeared), and cells that appeared, on the sheets `inScope`
 * selects, leaving out the `except` addresses ("Foglio!A1"); Rilevazioni only for cells that existed before
 */
export function differences(
  before: ExcelJS.Workbook,
  after: ExcelJS.Workbook,
  except: Set<string> = new Set(),
  opts: { appendOnly?: string[] } = {},
): string[] {
  const a = cellMap(before);
  const b = cellMap(after);
  const sheetOf = (k: string) => k.slice(0, k.lastIndexOf('!'));
  const inScope = (k: string) => !isOwnSheet(sheetOf(k)) || (opts.appendOnly ?? []).includes(sheetOf(k));
  const out: string[] = [];
  for (const [k, v] of a) {
    if (!inScope(k) || except.has(k)) continue;
    if (b.get(k) !== v) out.push(`${k}: ${v} -> ${b.get(k) ?? '(vuota)'}`);
  }
  for (const [k, v] of b) {
    if (!inScope(k) || except.has(k) || a.has(k)) continue;
    if ((opts.appendOnly ?? []).includes(sheetOf(k))) continue;
    out.push(`${k}: (vuota) -> ${v}`);
  }
  return out;
}

/** the RAGGIUNTO and % cells of every card: the only card cells a compute may write */
export function computedCells(schede: Scheda[]): Set<string> {
  const out = new Set<string>();
  for (const s of schede)
    for (const a of s.annualita)
      for (const az of a.azioni) {
        if (az.raggiunto) out.add(`${s.sheet}!${az.raggiunto.cell}`);
        if (az.percentuale) out.add(`${s.sheet}!${az.percentuale.cell}`);
      }
  return out;
}

// ---- the CLI ---------------------------------------------------------------------------------

export interface Captured extends CliIo {
  stdout: string;
  stderr: string;
}

export function capture(cwd: string): Captured {
  const io: Captured = {
    stdout: '',
    stderr: '',
    cwd,
    out: (s: string) => void (io.stdout += `${s}\n`),
    err: (s: string) => void (io.stderr += `${s}\n`),
  };
  return io;
}

/** run `schede …` and check it never shows a stack trace or an English error */
export async function schede(args: string[], cwd: string): Promise<{ code: number; io: Captured }> {
  const io = capture(cwd);
  const code = await main(args, io);
  const all = io.stdout + io.stderr;
  expect(all, args.join(' ')).not.toMatch(/\n\s+at .+[(:]\d+|TypeError|ReferenceError|RangeError|Cannot read|undefined|\[object Object\]|NaN/);
  expect(all, args.join(' ')).not.toContain('Errore inatteso');
  return { code, io };
}

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'schede-robustezza-'));
}

/** 0-based Rilevazioni column of each heading, read from the header row of the prepared sheet */
export function rilevazioniColumns(ws: ExcelJS.Worksheet): { header: number; col: Record<keyof typeof INTESTAZIONI_RILEVAZIONI, number> } {
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const col: Partial<Record<string, number>> = {};
    ws.getRow(r).eachCell((c, cn) => {
      for (const [k, label] of Object.entries(INTESTAZIONI_RILEVAZIONI)) if (String(c.text).trim() === label) col[k] = cn;
    });
    if (col.foglio && col.anno && col.n) return { header: r, col: col as Record<keyof typeof INTESTAZIONI_RILEVAZIONI, number> };
  }
  throw new Error('intestazione Rilevazioni non trovata');
}

export type Misure = (ws: ExcelJS.Worksheet) => void;

/** staff give every action a manual level of 80% with a reason (works whatever the rule) */
export const manuale80: Misure = (ws) => {
  const { header, col } = rilevazioniColumns(ws);
  for (let r = header + 1; r <= ws.rowCount; r++) {
    if (!ws.getCell(r, col.foglio).text) continue;
    ws.getCell(r, col.livelloManuale).value = 0.8;
    ws.getCell(r, col.motivazione).value = 'Verificato dal nucleo';
  }
};

/** run `misure` on an ExcelJS model of the Rilevazioni sheet and save the cells it changed through the adapter */
export async function typeInRilevazioni(bytes: Uint8Array, misure: Misure): Promise<Uint8Array> {
  const model = await exceljsOf(bytes);
  const ws = model.getWorksheet('Rilevazioni')!;
  const before = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => void before.set(c.address, c.value)));
  misure(ws);
  const cells: CellWrite[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      if (before.get(c.address) === c.value) return;
      cells.push({ sheet: 'Rilevazioni', address: c.address, value: (c.value ?? null) as CellValue, ...(c.numFmt ? { numFmt: c.numFmt } : {}) });
    }),
  );
  const typing = await XlsxWorkbook.fromBuffer(bytes);
  if (cells.length) await typing.applyWritePlan({ cells });
  return typing.toBuffer();
}

export interface Viaggio {
  controlla: Record<string, unknown> & { schede: unknown[]; segnalazioni: { codice: string; foglio: string; celle: string[]; messaggio: string }[] };
  calcola: { schede: { foglio: string; anno: number | null; grado: number | null; azioni: { n: number; peso: number | null; livello: number | null; raggiunto: string | null }[] }[]; segnalazioni: { codice: string; foglio: string; celle: string[]; messaggio: string }[] };
  /** the computed file, re-read by a second load */
  calcolato: Lettura;
  calcolatoXlsx: ExcelJS.Workbook;
}

/**
 * A user's year with the file: controlla --json, prepara, fill in the Rilevazioni, calcola --json, annulla.
 * Every step exits as the contract says, and every cell the add-in does not own comes back identical.
 */
export async function viaggio(
  dir: string,
  name: string,
  bytes: Uint8Array,
  opts: { controlla: 0 | 1; misure?: Misure; calcolate?: number },
): Promise<Viaggio> {
  const file = `${name}.xlsx`;
  writeFileSync(join(dir, file), bytes);
  const original = await exceljsOf(bytes);
  const letto = await leggi(bytes);

  const c = await schede(['controlla', file, '--json'], dir);
  expect(c.io.stderr).toBe('');
  expect(c.code).toBe(letto.findings.some((f) => f.gravita === 'errore') ? 1 : 0);
  expect(c.code).toBe(opts.controlla);
  const controlla = JSON.parse(c.io.stdout) as Viaggio['controlla'];
  expect(Object.keys(controlla)).toEqual(['schede', 'segnalazioni']);

  const p = await schede(['prepara', file, '--out', `${name}-prep.xlsx`], dir);
  expect(p.io.stderr).toBe('');
  expect(p.code).toBe(0);
  expect(p.io.stdout).toMatch(/Rilevazioni/);
  const prep = await exceljsOf(readBytes(join(dir, `${name}-prep.xlsx`)));
  expect(differences(original, prep, new Set(), { appendOnly: ['Rilevazioni'] })).toEqual([]);
  expect(sheetShape(prep)).toEqual(sheetShape(original));

  // people type in the Rilevazioni: what they type (on an ExcelJS model of the sheet) is saved through the adapter's
  // writer, which keeps every other cell of the file as it was (as Excel does)
  const misureBytes = await typeInRilevazioni(readBytes(join(dir, `${name}-prep.xlsx`)), opts.misure ?? manuale80);
  writeFileSync(join(dir, `${name}-misure.xlsx`), misureBytes);
  const misure = await exceljsOf(misureBytes);
  const lettoMisure = await leggi(misureBytes);

  const k = await schede(['calcola', `${name}-misure.xlsx`, '--json', '--out', `${name}-calc.xlsx`], dir);
  expect(k.io.stderr).toBe('');
  expect(k.code).toBe(0);
  const calcola = JSON.parse(k.io.stdout) as Viaggio['calcola'];
  const calcBytes = readBytes(join(dir, `${name}-calc.xlsx`));
  const calcolatoXlsx = await exceljsOf(calcBytes);
  const computed = computedCells(lettoMisure.schede);
  expect(differences(misure, calcolatoXlsx, computed, { appendOnly: ['Rilevazioni'] })).toEqual([]);
  expect(sheetShape(calcolatoXlsx)).toEqual(sheetShape(original));
  const livelli = calcola.schede.flatMap((s) => s.azioni).filter((a) => a.livello !== null).length;
  expect(livelli).toBe(opts.calcolate ?? lettoMisure.schede.reduce((n, s) => n + s.annualita.reduce((m, a) => m + a.azioni.length, 0), 0));

  const u = await schede(['annulla', `${name}-calc.xlsx`, '--out', `${name}-annullato.xlsx`], dir);
  expect(u.io.stderr).toBe('');
  expect(u.code).toBe(0);
  const annullato = await exceljsOf(readBytes(join(dir, `${name}-annullato.xlsx`)));
  // after undo every card cell, RAGGIUNTO and % included, is what it was
  expect(differences(misure, annullato, new Set(), { appendOnly: ['Rilevazioni'] })).toEqual([]);
  expect(differences(annullato, misure, new Set(), { appendOnly: ['Rilevazioni'] })).toEqual([]);

  return { controlla, calcola, calcolato: await leggi(calcBytes), calcolatoXlsx };
}

function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

// ---- editing the file's XML, for what ExcelJS cannot write ---------------------------------

/**
 * rewrite parts of an .xlsx package (JSZip ships with ExcelJS): `edit` gets each part's text by path and
 * returns the new parts (a null value deletes a part)
 */
export async function patchParts(
  bytes: Uint8Array,
  edit: (read: (path: string) => Promise<string>) => Promise<Record<string, string | null>>,
): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`parte mancante: ${path}`);
    return f.async('string');
  };
  for (const [path, text] of Object.entries(await edit(read))) {
    if (text === null) zip.remove(path);
    else zip.file(path, text);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** the sheet part (xl/worksheets/sheetN.xml) of a sheet name */
export async function sheetPart(read: (path: string) => Promise<string>, name: string): Promise<string> {
  const book = await read('xl/workbook.xml');
  const esc = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  const m = new RegExp(`<sheet [^>]*name="(?:${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"[^>]*r:id="([^"]+)"`).exec(book);
  if (!m) throw new Error(`foglio mancante: ${name}`);
  const rels = await read('xl/_rels/workbook.xml.rels');
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  const target = (t?.[1] ?? t?.[2] ?? '').replace(/^\/?xl\//, '');
  return `xl/${target}`;
}

/** set a style attribute the way Excel does, on a copy of the cell's own cell format */
export function setNumFmt(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

/** replace whole <c> elements of a sheet part by address ("B15" -> the new element) */
export function replaceCells(sheetXml: string, cells: Record<string, string>): string {
  let out = sheetXml;
  for (const [addr, xml] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${addr}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</c>)`);
    if (!re.test(out)) throw new Error(`cella ${addr} non trovata`);
    out = out.replace(re, xml);
  }
  return out;
}
