/**
 * Files nobody here wrote (test/fixtures/fedelta, made by openpyxl and LibreOffice Calc: scripts/fixtures/fedelta.py,
 * and by XlsxWriter with a chart, an image and a note: scripts/fixtures/fedelta_xlsxwriter.py):
 * prepara → calcola → annulla, nuova --in and standardizza keep every part they have no reason to touch byte for
 * byte, change only the card's RAGGIUNTO/% cells, and undo gives those back with their number formats.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { annullaDettagli, calcola, preparaRilevazioni } from '../../src/domain/calcolo';
import { parseA1 } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { listSheets } from '../../src/workbook/xlsx/book';
import { Parts } from '../../src/workbook/xlsx/parts';
import { NOW, typeRilevazioni } from '../calcolo/helpers';
import { capture } from '../helpers/cli';

const DIR = new URL('../fixtures/fedelta/', import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f)).sort();

type Files = Record<string, Uint8Array>;
const unzip = (b: Uint8Array): Files => Object.fromEntries(Object.entries(unzipSync(b)).filter(([n]) => !n.endsWith('/')));
const same = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i]);
const changed = (a: Files, b: Files) => Object.keys(a).filter((n) => b[n] && !same(a[n], b[n])).sort();
const removed = (a: Files, b: Files) => Object.keys(a).filter((n) => !b[n]).sort();
const added = (a: Files, b: Files) => Object.keys(b).filter((n) => !a[n]).sort();
/** the parts that list the package's parts and sheets, and the appended styles: what adding a sheet must touch */
const BOOKKEEPING = ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'];
const NEW_SHEET_PART = /^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|tables\/table\d+\.xml)$/;

function cells(xml: string): Map<string, string> {
  return new Map((xml.match(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? []).map((c) => [/r="([A-Z]+\d+)"/.exec(c)![1], c]));
}

describe.each(FILES)('%s, written by another program', (file) => {
  const original = new Uint8Array(readFileSync(join(DIR, file)));
  const names = (definedNames: string) => definedNames.match(/<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? [];

  it('prepara → calcola → annulla touch nothing else', async () => {
    const orig = unzip(original);
    const trasparenza = listSheets(Parts.fromZip(original)).find((s) => s.name === 'Trasparenza')!.part;

    const wb = await XlsxWorkbook.fromBuffer(original);
    let grids = await wb.readSheets();
    expect(readWorkbook(grids).length).toBeGreaterThan(1);
    await wb.applyWritePlan(preparaRilevazioni(readWorkbook(grids), grids));
    const prep = unzip(await wb.toBuffer());
    expect(removed(orig, prep)).toEqual([]);
    expect(changed(orig, prep).filter((n) => !BOOKKEEPING.includes(n))).toEqual([]);
    expect(added(orig, prep).filter((n) => !NEW_SHEET_PART.test(n))).toEqual([]);

    // staff give two actions of the first card a manual level with its reason (works whatever the rule)
    const measured = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    await typeRilevazioni(measured, [
      { foglio: 'Trasparenza', anno: 2024, n: 1, livello: 0.8, motivazione: 'Verificato dal nucleo' },
      { foglio: 'Trasparenza', anno: 2024, n: 3, livello: 0.5, motivazione: 'Metà degli incontri svolti' },
    ]);
    const measuredBytes = await measured.toBuffer();
    const before = unzip(measuredBytes);

    grids = await measured.readSheets();
    const r = calcola(readWorkbook(grids), grids, { now: NOW });
    await measured.applyWritePlan(r.plan);
    const calc = unzip(await measured.toBuffer());
    expect(removed(before, calc)).toEqual([]);
    expect(changed(before, calc).filter((n) => n !== trasparenza && !BOOKKEEPING.includes(n))).toEqual([]);
    expect(added(before, calc).filter((n) => !NEW_SHEET_PART.test(n))).toEqual([]);
    const c0 = cells(strFromU8(before[trasparenza]));
    const c1 = cells(strFromU8(calc[trasparenza]));
    const touched = [...new Set([...c0.keys(), ...c1.keys()])].filter((k) => c0.get(k) !== c1.get(k)).sort();
    expect(touched).toEqual(['H15', 'H17', 'I15', 'I17']);
    // names, protection, the macro project and what the plan never needs stay
    const book0 = strFromU8(orig['xl/workbook.xml']);
    const book1 = strFromU8(calc['xl/workbook.xml']);
    for (const n of names(book0)) expect(book1).toContain(n);
    expect(/<workbookProtection\b[^>]*>/.exec(book1)?.[0]).toBe(/<workbookProtection\b[^>]*>/.exec(book0)?.[0]);
    if (file.endsWith('.xlsm')) expect(strFromU8(calc['[Content_Types].xml'])).toContain('macroEnabled.main+xml');

    // undo: the same cells as before, with their number formats; the Riepilogo goes with every reference to it
    const grids2 = await measured.readSheets();
    await measured.applyWritePlan(annullaDettagli(grids2, readWorkbook(grids2))!.plan);
    const undone = unzip(await measured.toBuffer());
    const c2 = cells(strFromU8(undone[trasparenza]));
    // an empty cell comes back empty however its writer spelt it (openpyxl: <c r="H15" t="n"></c>); the style index
    // may be a new one with the same number format (checked below)
    // (XlsxWriter writes no element at all for it)
    const plain = (c: string | undefined, k: string) => (c ?? `<c r="${k}"/>`).replace(/ s="\d+"/, '').replace(/ t="n"/, '').replace(/><\/c>$/, '/>');
    for (const k of touched) expect(plain(c2.get(k), k), k).toBe(plain(c0.get(k), k));
    // (read back by the package reader: ExcelJS refuses openpyxl's files with a note)
    const fmt = async (w: XlsxWorkbook, a: string) => {
      const g = (await w.readSheets()).find((x) => x.name === 'Trasparenza')!;
      const p = parseA1(a)!;
      return g.rows[p.r]?.[p.c]?.f ?? 'General';
    };
    const w0 = await XlsxWorkbook.fromBuffer(measuredBytes);
    for (const k of touched) expect(await fmt(measured, k), k).toBe(await fmt(w0, k));
    expect(changed(before, undone).filter((n) => n !== trasparenza && !BOOKKEEPING.includes(n) && !NEW_SHEET_PART.test(n))).toEqual([]);
    expect(strFromU8(undone['xl/workbook.xml'])).not.toMatch(/name="Riepilogo"/);
  });

  it('nuova --in and standardizza add their sheets and keep the rest byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-fedelta-'));
    copyFileSync(join(DIR, file), join(dir, file));
    const orig = unzip(original);
    for (const args of [
      ['nuova', '--in', file, '--titolo', 'Nuovo sportello unico', '--out', `nuova-${file}`],
      ['standardizza', file, '--foglio', 'Trasparenza', '--out', `std-${file}`],
    ]) {
      const io = capture(dir);
      expect(await main(args, io), `${args[0]}: ${io.stderr}`).toBe(0);
      const out = unzip(new Uint8Array(readFileSync(join(dir, args[args.length - 1]))));
      expect(removed(orig, out), args[0]).toEqual([]);
      expect(changed(orig, out).filter((n) => !BOOKKEEPING.includes(n)), args[0]).toEqual([]);
      expect(added(orig, out).filter((n) => !NEW_SHEET_PART.test(n)), args[0]).toEqual([]);
    }
  });
});
