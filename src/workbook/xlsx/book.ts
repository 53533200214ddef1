/**
 * The workbook part (xl/workbook.xml) and what hangs from it: the list of sheets, their parts, defined names.
 * Adding a sheet appends a part, a relationship, a content type and a `<sheet>` entry; removing one of the add-in's
 * own sheets removes its part and every reference to it (its relationships, tables, content types, defined names
 * scoped to it, the calculation chain).
 */
import {
  type Parts,
  addOverride,
  addRel,
  attr,
  escapeXml,
  freePartName,
  readRels,
  relativeTarget,
  relsPathOf,
  removeOverride,
  removeRel,
  resolveTarget,
  setAttr,
} from './parts';

export const WORKBOOK = 'xl/workbook.xml';
export const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
export const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const REL_CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** the worksheet part ('' when the relationship is missing) */
  part: string;
  /** 0-based position (the localSheetId of names scoped to it) */
  index: number;
  /** a chart sheet or dialog sheet: not a grid of cells */
  kind: 'worksheet' | 'other';
}

/** the workbook part's name (xl/workbook.xml, or wherever the package's root relationship points) */
export function workbookPart(parts: Parts): string {
  if (parts.has(WORKBOOK)) return WORKBOOK;
  const root = parts.text('_rels/.rels');
  const m = /<Relationship\b[^>]*officeDocument"[^>]*>/.exec(root) ?? /<Relationship\b[^>]*Target="[^"]*workbook[^"]*"[^>]*>/.exec(root);
  return m ? resolveTarget('', attr(m[0], 'Target') ?? WORKBOOK) : WORKBOOK;
}

export function listSheets(parts: Parts): SheetEntry[] {
  const wbPart = workbookPart(parts);
  const xml = parts.text(wbPart);
  const rels = new Map(readRels(parts, wbPart).map((r) => [r.id, r]));
  return (xml.match(/<sheet\b[^>]*>/g) ?? []).map((tag, index) => {
    const rid = attr(tag, 'r:id') ?? '';
    const rel = rels.get(rid);
    const state = attr(tag, 'state');
    return {
      name: attr(tag, 'name') ?? '',
      sheetId: Number(attr(tag, 'sheetId') ?? index + 1),
      rid,
      state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
      part: rel ? resolveTarget(wbPart, rel.target) : '',
      index,
      kind: rel && /\/worksheet$/.test(rel.type) ? 'worksheet' : 'other',
    };
  });
}

/** a new worksheet part with its `<sheet>` entry at the end of the workbook; returns its part name */
export function addSheetEntry(parts: Parts, name: string, sheetXml: string, state: SheetEntry['state']): SheetEntry {
  const wbPart = workbookPart(parts);
  const part = freePartName(parts, (n) => `xl/worksheets/sheet${n}.xml`);
  parts.setText(part, sheetXml);
  addOverride(parts, part, CT_SHEET);
  const rid = addRel(parts, wbPart, REL_SHEET, relativeTarget(wbPart, part));
  const sheets = listSheets(parts);
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  let xml = parts.text(wbPart);
  const entry = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state !== 'visible' ? ` state="${state}"` : ''} r:id="${rid}"/>`;
  xml = /<sheets\s*\/>/.test(xml) ? xml.replace(/<sheets\s*\/>/, `<sheets>${entry}</sheets>`) : xml.replace('</sheets>', `${entry}</sheets>`);
  if (!/xmlns:r=/.test(/<workbook\b[^>]*>/.exec(xml)?.[0] ?? '')) {
    xml = xml.replace(/<workbook\b/, '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  }
  parts.setText(wbPart, xml);
  return { name, sheetId, rid, state, part, index: sheets.length, kind: 'worksheet' };
}

/** set a sheet's visibility in its `<sheet>` entry */
export function setSheetState(parts: Parts, sheet: SheetEntry, state: SheetEntry['state']): void {
  const wbPart = workbookPart(parts);
  const xml = parts.text(wbPart);
  const tags = xml.match(/<sheet\b[^>]*>/g) ?? [];
  const tag = tags[sheet.index];
  if (!tag) return;
  let next = tag.replace(/\sstate="[^"]*"/, '');
  if (state !== 'visible') next = setAttr(next.replace(/\s*\/>$/, '/>'), 'state', state);
  parts.setText(wbPart, xml.replace(tag, next));
}

/** the tables of a sheet: their part names and relationship ids */
export function tablesOf(parts: Parts, sheetPart: string): { rid: string; part: string }[] {
  return readRels(parts, sheetPart)
    .filter((r) => /\/table$/.test(r.type))
    .map((r) => ({ rid: r.id, part: resolveTarget(sheetPart, r.target) }));
}

/** remove a sheet's own parts (the sheet, its relationships, its tables) but not its `<sheet>` entry */
export function removeSheetParts(parts: Parts, sheetPart: string): void {
  for (const t of tablesOf(parts, sheetPart)) {
    parts.delete(t.part);
    parts.delete(relsPathOf(t.part));
    removeOverride(parts, t.part);
  }
  parts.delete(relsPathOf(sheetPart));
  parts.delete(sheetPart);
}

/** drop the calculation chain: Excel rebuilds it; a stale one (a removed sheet or formula) makes Excel repair the file */
export function dropCalcChain(parts: Parts): void {
  const wbPart = workbookPart(parts);
  const rel = readRels(parts, wbPart).find((r) => r.type === REL_CALC_CHAIN);
  if (!rel) return;
  const part = resolveTarget(wbPart, rel.target);
  parts.delete(part);
  removeOverride(parts, part);
  removeRel(parts, wbPart, rel.id);
}

/** remove a sheet and every reference to it */
export function removeSheet(parts: Parts, sheet: SheetEntry): void {
  const wbPart = workbookPart(parts);
  removeSheetParts(parts, sheet.part);
  removeOverride(parts, sheet.part);
  removeRel(parts, wbPart, sheet.rid);
  let xml = parts.text(wbPart);
  const tags = xml.match(/<sheet\b[^>]*>/g) ?? [];
  const tag = tags[sheet.index];
  if (tag) xml = xml.replace(tag, '');
  xml = renumberNames(xml, sheet.index);
  // the active and first visible tab must still exist
  const count = tags.length - 1;
  xml = xml.replace(/<workbookView\b[^>]*>/g, (v) => {
    let out = v;
    for (const a of ['activeTab', 'firstSheet']) {
      const v = attr(out, a);
      if (v === null) continue;
      const n = Number(v);
      const next = n > sheet.index ? n - 1 : n === sheet.index ? Math.max(0, Math.min(n, count - 1)) : n;
      if (next !== n) out = setAttr(out, a, String(next));
    }
    return out;
  });
  parts.setText(wbPart, xml);
  dropCalcChain(parts);
}

/** names scoped to a removed sheet go; those of later sheets move down one */
function renumberNames(xml: string, removed: number): string {
  return xml.replace(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g, (dn) => {
    const open = /^<definedName\b[^>]*>/.exec(dn)![0];
    const local = attr(open, 'localSheetId');
    if (local === null) return dn;
    const n = Number(local);
    if (n === removed) return '';
    if (n > removed) return setAttr(open, 'localSheetId', String(n - 1)) + dn.slice(open.length);
    return dn;
  }).replace(/<definedNames>\s*<\/definedNames>/, '');
}

/** remove the names scoped to one sheet (before its content is replaced) */
export function removeNamesOf(parts: Parts, index: number): void {
  const wbPart = workbookPart(parts);
  const xml = parts.text(wbPart).replace(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g, (dn) =>
    attr(/^<definedName\b[^>]*>/.exec(dn)![0], 'localSheetId') === String(index) ? '' : dn,
  );
  parts.setText(wbPart, xml.replace(/<definedNames>\s*<\/definedNames>/, ''));
}

/** add `<definedName>` elements (already scoped) to the workbook, creating `<definedNames>` where it belongs */
export function addNames(parts: Parts, names: string[]): void {
  if (!names.length) return;
  const wbPart = workbookPart(parts);
  let xml = parts.text(wbPart);
  if (/<definedNames\b[^>]*>/.test(xml)) xml = xml.replace('</definedNames>', `${names.join('')}</definedNames>`);
  else {
    // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
    const after = /<\/sheets>|<sheets\s*\/>/.exec(xml)!;
    let at = after.index + after[0].length;
    for (const el of ['functionGroups', 'externalReferences']) {
      const m = new RegExp(`<${el}\\b[\\s\\S]*?(?:</${el}>|/>)`).exec(xml);
      if (m && m.index >= at) at = m.index + m[0].length;
    }
    xml = xml.slice(0, at) + `<definedNames>${names.join('')}</definedNames>` + xml.slice(at);
  }
  parts.setText(wbPart, xml);
}

/** the largest table id of the workbook (table ids are unique across it) */
export function maxTableId(parts: Parts): number {
  let max = 0;
  for (const n of parts.names()) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(n)) continue;
    const id = Number(attr(/<table\b[^>]*>/.exec(parts.text(n))?.[0] ?? '', 'id') ?? 0);
    if (id > max) max = id;
  }
  return max;
}

