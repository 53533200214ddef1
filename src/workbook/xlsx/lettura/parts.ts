/**
 * The package as the reader sees it: its parts by name (unzipped with fflate), relationships, and how a
 * relationship's target becomes a part name (relative, absolute "/xl/…", "./", "../", percent-encoded).
 */
import { unzipSync } from 'fflate';
import { decodeText, parseXml, prefixedAttr } from './xml';

export type Parts = ReadonlyMap<string, Uint8Array>;

/** the parts of an .xlsx by name ("xl/workbook.xml"), leading "/" dropped; an empty map when not a readable zip */
export function unzipPackage(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return out;
  }
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    out.set(name.replace(/^\/+/, ''), data);
  }
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  /** the part name the target resolves to ('' for external targets) */
  part: string;
}

/** a part by name: exact, else ignoring case and percent-encoding (some writers differ from their own rels) */
export function findPart(files: Parts, name: string): { name: string; bytes: Uint8Array } | undefined {
  const exact = files.get(name);
  if (exact) return { name, bytes: exact };
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a stray % in a target: compared as written
  }
  const index = lowerIndex(files);
  const k = index.get(name.toLowerCase()) ?? index.get(decoded.toLowerCase());
  return k === undefined ? undefined : { name: k, bytes: files.get(k)! };
}

/** lower-cased part names, built once per package (a workbook of 1,000 sheets asks for 1,000 missing rels) */
const lowerIndexes = new WeakMap<Parts, Map<string, string>>();
function lowerIndex(files: Parts): Map<string, string> {
  let index = lowerIndexes.get(files);
  if (!index) {
    index = new Map();
    for (const k of files.keys()) if (!index.has(k.toLowerCase())) index.set(k.toLowerCase(), k);
    lowerIndexes.set(files, index);
  }
  return index;
}

/** the folder of a part name ("xl/workbook.xml" -> "xl/") */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** resolve a relationship target against the source part's folder */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : folderOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** the relationships part of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels") */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** the relationships of a part ([] when it has none or they are unreadable) */
export function readRels(files: Parts, sourcePart: string): Relationship[] {
  const found = findPart(files, relsPathOf(sourcePart));
  if (!found) return [];
  const rels: Relationship[] = [];
  parseXml(decodeText(found.bytes), {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.Id ?? prefixedAttr(a, 'Id') ?? '';
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      const target = a.Target ?? '';
      rels.push({ id, type: a.Type ?? '', part: external || !target ? '' : resolveTarget(sourcePart, target) });
    },
  });
  return rels;
}

/** relationship types end with their kind: ".../officeDocument/2006/relationships/worksheet" */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}
