/**
 * The xlsx READER without ExcelJS: the package's parts (unzipped with fflate) -> one Grid per worksheet, in
 * workbook order. Parses only what a Grid needs (workbook.xml and its relationships, styles' number formats,
 * shared strings, each worksheet, streamed through saxes) and never fails on anything else: comments, drawings,
 * pivots, unknown or broken parts are not even opened; a broken needed part yields what could be read of it.
 * Runs in the browser too (no node: imports).
 */
import type { Grid } from '../../../domain/grid';
import { findPart, readRels, relKind, unzipPackage, type Parts } from './parts';
import { readSheet } from './sheet';
import { readNumFmts, readSharedStrings } from './styles';
import { decodeText, parseXml, prefixedAttr } from './xml';

export { unzipPackage };
export type { DataBar } from './sheet';

export interface ReadOptions {
  /** progress over the worksheets' bytes: called between chunks of about 1 MB and after each sheet */
  onProgress?(done: number, total: number): void;
}

interface SheetEntry {
  name: string;
  state: string | undefined;
  rid: string;
}

/** the main part: `_rels/.rels` officeDocument, else the usual xl/workbook.xml */
function workbookPart(files: Parts): string | undefined {
  const main = readRels(files, '').find((r) => relKind(r.type) === 'officeDocument' && r.part && findPart(files, r.part));
  const name = main ? main.part : 'xl/workbook.xml';
  return findPart(files, name)?.name;
}

function readWorkbookXml(bytes: Uint8Array): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(decodeText(bytes), {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', state: a.state, rid: prefixedAttr(a, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  return { sheets, date1904 };
}

const VISIBILITY = new Set(['visible', 'hidden', 'veryHidden']);

export function readGrids(files: ReadonlyMap<string, Uint8Array>, opts: ReadOptions = {}): Grid[] {
  const wbPart = workbookPart(files);
  if (!wbPart) return [];
  const { sheets, date1904 } = readWorkbookXml(files.get(wbPart)!);
  const rels = readRels(files, wbPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOfKind = (kind: string, fallback: string) =>
    findPart(files, rels.find((r) => relKind(r.type) === kind && r.part)?.part ?? fallback) ?? findPart(files, fallback);
  const numFmts = readNumFmts(partOfKind('styles', 'xl/styles.xml')?.bytes);
  const sharedStrings = readSharedStrings(partOfKind('sharedStrings', 'xl/sharedStrings.xml')?.bytes);

  // the parts behind the workbook's sheets (chart and dialog sheets are sorted out by their root element)
  const todo: { entry: SheetEntry; part: string; bytes: Uint8Array }[] = [];
  for (const entry of sheets) {
    const rel = byId.get(entry.rid);
    const found = rel?.part ? findPart(files, rel.part) : undefined;
    if (!found) continue;
    const kind = relKind(rel!.type);
    if (kind === 'chartsheet' || kind === 'dialogsheet' || kind === 'xlMacrosheet' || kind === 'xlIntlMacrosheet') continue;
    todo.push({ entry, part: found.name, bytes: found.bytes });
  }
  const total = todo.reduce((n, s) => n + s.bytes.length, 0);
  let done = 0;
  const grids: Grid[] = [];
  for (const { entry, part, bytes } of todo) {
    const relIds = new Set(readRels(files, part).map((r) => r.id));
    const base = done;
    const { grid, isWorksheet } = readSheet(
      decodeText(bytes),
      { numFmts, sharedStrings, date1904, relIds },
      opts.onProgress && ((fraction) => opts.onProgress?.(base + Math.round(bytes.length * fraction), total)),
    );
    done = base + bytes.length;
    opts.onProgress?.(done, total);
    if (!isWorksheet) continue;
    const visibility = (VISIBILITY.has(entry.state ?? '') ? entry.state : 'visible') as Grid['visibility'];
    grids.push({ name: entry.name, rows: grid.rows, merges: grid.merges, visibility, colWidths: grid.colWidths, ...(grid.dataBars ? { dataBars: grid.dataBars } : {}) });
  }
  return grids;
}
