/**
 * styles.xml, edited by appending only: a cell style the plan needs becomes a new `xf` at the end of `cellXfs`
 * (with its font, fill, border and number format appended the same way); the existing entries, and so every
 * cell's look elsewhere in the workbook, never change index or content.
 */
import { attr, escapeXml, setAttr } from './parts';

/** the child elements of `<section>` (e.g. every `<font>` of `<fonts>`), as XML strings */
function children(xml: string, section: string, item: string): string[] {
  const m = new RegExp(`<${section}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
  if (!m || !m[1]) return [];
  return m[1].match(new RegExp(`<${item}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g')) ?? [];
}

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** built-in number formats Excel knows by id (ECMA-376 18.8.30), the ones a plan may name */
const BUILTIN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  'mm-dd-yy': 14,
  '@': 49,
};

export class StyleBook {
  private xml: string;
  /** appended items per section, written on `toXml()` */
  private added: Record<string, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private counts: Record<string, number> = {};
  private numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private xfByXml = new Map<string, number>();
  private dxfByXml = new Map<string, number>();
  readonly cellXfs: string[];
  readonly fonts: string[];
  readonly fills: string[];
  readonly borders: string[];
  changed = false;

  constructor(xml: string) {
    this.xml =
      xml ||
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    if (!xml) this.changed = true;
    for (const nf of children(this.xml, 'numFmts', 'numFmt')) {
      const id = Number(attr(nf, 'numFmtId'));
      const code = attr(nf, 'formatCode') ?? '';
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
    this.cellXfs = children(this.xml, 'cellXfs', 'xf');
    this.fonts = children(this.xml, 'fonts', 'font');
    this.fills = children(this.xml, 'fills', 'fill');
    this.borders = children(this.xml, 'borders', 'border');
    this.counts = {
      numFmts: children(this.xml, 'numFmts', 'numFmt').length,
      fonts: this.fonts.length,
      fills: this.fills.length,
      borders: this.borders.length,
      cellXfs: this.cellXfs.length,
      dxfs: children(this.xml, 'dxfs', 'dxf').length,
    };
  }

  private append(section: string, item: string): number {
    this.changed = true;
    this.added[section].push(item);
    return this.counts[section] + this.added[section].length - 1;
  }

  /** the number format id of a format code, appended when the workbook does not have it */
  numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.append('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** the format code of an xf (for "is this a date cell") */
  numFmtCodeOf(xfIndex: number): string {
    const xf = this.xfAt(xfIndex);
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    for (const [code, i] of this.numFmtIds) if (i === id) return code;
    return Object.entries(BUILTIN).find(([, i]) => i === id)?.[0] ?? (id >= 14 && id <= 22 ? 'dd/mm/yyyy' : 'General');
  }

  private xfAt(i: number): string {
    const all = [...this.cellXfs, ...this.added.cellXfs];
    return all[i] ?? all[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  /** an xf as an existing one with another number format and/or fill (null = no fill); returns its index */
  derive(base: number, change: { numFmt?: string; fill?: string | null }): number {
    let xf = this.xfAt(base);
    let open = /^<xf\b[^>]*?\/?>/.exec(xf)![0];
    const selfClosing = open.endsWith('/>');
    const body = selfClosing ? '' : xf.slice(open.length, xf.lastIndexOf('</xf>'));
    if (selfClosing) open = open.replace(/\s*\/>$/, '>');
    if (change.numFmt !== undefined) {
      open = setAttr(setAttr(open, 'numFmtId', String(this.numFmtId(change.numFmt))), 'applyNumberFormat', '1');
    }
    if (change.fill !== undefined) {
      const fillId = change.fill === null ? 0 : this.fillId(change.fill);
      open = setAttr(setAttr(open, 'fillId', String(fillId)), 'applyFill', '1');
    }
    xf = `${open}${body}</xf>`;
    return this.xfIndex(xf);
  }

  /** index of an xf with exactly this XML: an existing one of ours, else appended */
  xfIndex(xf: string): number {
    const known = this.xfByXml.get(xf);
    if (known !== undefined) return known;
    const i = this.append('cellXfs', xf);
    this.xfByXml.set(xf, i);
    return i;
  }

  private fillId(hex: string): number {
    const rgb = `FF${hex.replace('#', '').toUpperCase()}`;
    return this.append('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  /**
   * Bring in an xf of another styles.xml (the scratch workbook a new sheet was built in), with its font, fill,
   * border and number format; returns its index here.
   */
  importXf(from: StyleBook, index: number): number {
    const src = from.xfAt(index);
    let open = /^<xf\b[^>]*?\/?>/.exec(src)![0];
    const body = open.endsWith('/>') ? '' : src.slice(open.length, src.lastIndexOf('</xf>'));
    open = open.replace(/\s*\/>$/, '>');
    const num = Number(attr(open, 'numFmtId') ?? 0);
    if (num >= 164) open = setAttr(open, 'numFmtId', String(this.numFmtId(from.numFmtCodeById(num))));
    const font = Number(attr(open, 'fontId') ?? 0);
    const fill = Number(attr(open, 'fillId') ?? 0);
    const border = Number(attr(open, 'borderId') ?? 0);
    open = setAttr(open, 'fontId', String(font === 0 ? 0 : this.importItem('fonts', from.fonts[font])));
    open = setAttr(open, 'fillId', String(fill <= 1 ? fill : this.importItem('fills', from.fills[fill])));
    open = setAttr(open, 'borderId', String(border === 0 ? 0 : this.importItem('borders', from.borders[border])));
    open = setAttr(open, 'xfId', '0');
    return this.xfIndex(`${open}${body}</xf>`);
  }

  private imported = new Map<string, number>();

  private importItem(section: 'fonts' | 'fills' | 'borders', xml: string | undefined): number {
    if (!xml) return 0;
    const key = `${section}|${xml}`;
    const known = this.imported.get(key);
    if (known !== undefined) return known;
    const i = this.append(section, xml);
    this.imported.set(key, i);
    return i;
  }

  numFmtCodeById(id: number): string {
    for (const [code, i] of this.numFmtIds) if (i === id) return code;
    return 'General';
  }

  /** a differential format (conditional formatting) of another styles.xml, appended here */
  importDxf(from: StyleBook, index: number): number {
    const dxf = children(from.xml, 'dxfs', 'dxf')[index];
    if (!dxf) return 0;
    const known = this.dxfByXml.get(dxf);
    if (known !== undefined) return known;
    const i = this.append('dxfs', dxf);
    this.dxfByXml.set(dxf, i);
    return i;
  }

  toXml(): string {
    let xml = this.xml;
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const items = this.added[section];
      if (!items.length) continue;
      const count = this.counts[section] + items.length;
      const full = new RegExp(`<${section}(?=[\\s/>])([^>]*?)(/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
      if (full) {
        const open = setAttr(`<${section}${full[1]}>`, 'count', String(count));
        xml = xml.slice(0, full.index) + `${open}${full[3] ?? ''}${items.join('')}</${section}>` + xml.slice(full.index + full[0].length);
      } else {
        // insert the section before the first later section, else before </styleSheet>
        const block = `<${section} count="${count}">${items.join('')}</${section}>`;
        const later = ORDER.slice(ORDER.indexOf(section) + 1)
          .map((s) => xml.search(new RegExp(`<${s}(?=[\\s/>])`)))
          .filter((i) => i >= 0);
        const at = later.length ? Math.min(...later) : xml.lastIndexOf('</styleSheet>');
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
    }
    return xml;
  }
}
