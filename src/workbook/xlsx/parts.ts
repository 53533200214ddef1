/**
 * The user's .xlsx package, kept as it came: every part's bytes, in the zip's own order. Parts are decoded to text
 * only when an edit needs them; a part nobody edited is written back byte for byte (same decompressed content).
 * Also the few XML helpers the package edits share (attributes, escaping, relationships, content types).
 */
import { unzipSync, zipSync, strToU8, strFromU8, type Zippable } from 'fflate';

export class Parts {
  private readonly order: string[];
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();

  private constructor(entries: [string, Uint8Array][]) {
    this.order = entries.map(([n]) => n);
    for (const [n, b] of entries) this.bytes.set(n, b);
  }

  /** throws on what is not a readable zip */
  static fromZip(data: Uint8Array): Parts {
    const files = unzipSync(data);
    return new Parts(Object.entries(files).filter(([n]) => !n.endsWith('/')));
  }

  static fromTexts(entries: [string, string][]): Parts {
    return new Parts(entries.map(([n, t]) => [n, strToU8(t)]));
  }

  names(): string[] {
    return this.order.filter((n) => this.bytes.has(n) || this.texts.has(n));
  }

  has(name: string): boolean {
    return this.bytes.has(name) || this.texts.has(name);
  }

  /** a part's text ('' when absent) */
  text(name: string): string {
    const t = this.texts.get(name);
    if (t !== undefined) return t;
    const b = this.bytes.get(name);
    return b ? strFromU8(b) : '';
  }

  raw(name: string): Uint8Array | undefined {
    const t = this.texts.get(name);
    return t !== undefined ? strToU8(t) : this.bytes.get(name);
  }

  /** replace (or add) a part's text: it is re-encoded on save */
  setText(name: string, text: string): void {
    if (!this.has(name)) this.order.push(name);
    this.bytes.delete(name);
    this.texts.set(name, text);
  }

  setRaw(name: string, data: Uint8Array): void {
    if (!this.has(name)) this.order.push(name);
    this.texts.delete(name);
    this.bytes.set(name, data);
  }

  delete(name: string): void {
    this.bytes.delete(name);
    this.texts.delete(name);
  }

  toZip(): Uint8Array {
    const files: Zippable = {};
    for (const n of this.names()) files[n] = [this.raw(n)!, { level: 6 }];
    return zipSync(files);
  }
}

// ---- XML helpers ----------------------------------------------------------------------

export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** a start tag with one attribute set (added when absent) */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/^(<[\w:]+)/, `$1 ${name}="${escapeXml(value)}"`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' } as Record<string, string>)[e];
  });
}

/** the element `<name …>…</name>` or `<name …/>` starting at or after `from`, with its bounds */
export function findElement(xml: string, name: string, from = 0): { start: number; end: number; openEnd: number; selfClosing: boolean } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const openEnd = xml.indexOf('>', m.index) + 1;
  if (openEnd === 0) return null;
  if (xml[openEnd - 2] === '/') return { start: m.index, end: openEnd, openEnd, selfClosing: true };
  const close = xml.indexOf(`</${name}>`, openEnd);
  if (close < 0) return null;
  return { start: m.index, end: close + name.length + 3, openEnd, selfClosing: false };
}

// ---- relationships and content types ----------------------------------------------------

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function readRels(parts: Parts, part: string): Relationship[] {
  const xml = parts.text(relsPathOf(part));
  return (xml.match(/<Relationship\b[^>]*>/g) ?? []).map((t) => ({
    id: attr(t, 'Id') ?? '',
    type: attr(t, 'Type') ?? '',
    target: attr(t, 'Target') ?? '',
    external: attr(t, 'TargetMode') === 'External',
  }));
}

/** a relationship's target as a part name ("worksheets/sheet1.xml" from xl/workbook.xml → xl/worksheets/sheet1.xml) */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = part.slice(0, part.lastIndexOf('/') + 1).split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** the target of `to` written relative to the folder of `from` */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function addRel(parts: Parts, part: string, type: string, target: string): string {
  const path = relsPathOf(part);
  let xml = parts.text(path) || `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const ids = new Set((xml.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  xml = /<Relationships\b[^>]*\/>/.test(xml)
    ? xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`)
    : xml.replace('</Relationships>', `${rel}</Relationships>`);
  parts.setText(path, xml);
  return id;
}

export function removeRel(parts: Parts, part: string, id: string): void {
  const path = relsPathOf(part);
  const xml = parts.text(path);
  if (!xml) return;
  parts.setText(path, xml.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${id}"[^>]*\\/>`), ''));
}

export function addOverride(parts: Parts, partName: string, contentType: string): void {
  const xml = parts.text('[Content_Types].xml');
  if (xml.includes(`PartName="/${partName}"`)) return;
  parts.setText('[Content_Types].xml', xml.replace('</Types>', `<Override PartName="/${escapeXml(partName)}" ContentType="${contentType}"/></Types>`));
}

export function removeOverride(parts: Parts, partName: string): void {
  const xml = parts.text('[Content_Types].xml');
  parts.setText('[Content_Types].xml', xml.replace(new RegExp(`<Override\\b[^>]*PartName="/${partName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*\\/>`), ''));
}

/** the first free name like xl/worksheets/sheet{n}.xml */
export function freePartName(parts: Parts, pattern: (n: number) => string, start = 1): string {
  const lower = new Set(parts.names().map((n) => n.toLowerCase()));
  for (let n = start; ; n++) {
    const p = pattern(n);
    if (!lower.has(p.toLowerCase())) return p;
  }
}
