/**
 * The .xlsx back end: real files for the CLI and tests (Node) and the preview (browser).
 *
 * It edits the user's package in place (DESIGN.md, "Zero-loss files"): the parts a write plan does not need stay
 * as they were (comments, drawings, charts, pivots, macros, names, protection, parts it does not know); in a sheet
 * it writes only the written cells change (sheetPatch); styles are appended, never renumbered (styles); new sheets
 * come in as new parts with their relationships (transplant); removing one of the add-in's own sheets removes its
 * parts and every reference to it (book). Sheets are read into Grids by a streaming reader of the package
 * (lettura: fflate + saxes), which never needs the parts it does not read.
 */
import { parseA1, parseRange, rangeToA1, type Grid } from '../../domain/grid';
import type { CellWrite, WritePlan } from '../../domain/plan';
import { TESTI_XLSX } from '../../domain/testi/xlsx';
import { WorkbookError, type Capabilities, type ReadSheetsOptions, type Selection, type WorkbookPort } from '../port';
import { dropCalcChain, listSheets, removeSheet, tablesOf, workbookPart } from './book';
import { readGrids, type ReadOptions } from './lettura';
import { Parts, attr, setAttr } from './parts';
import { patchSheet, type CellEdit } from './sheetPatch';
import { StyleBook } from './styles';
import { addPlannedSheets } from './transplant';

export { readGrid } from './exceljsRead';

const STYLES = 'xl/styles.xml';

/** a package with no sheet yet (the first plan adds them) */
function emptyParts(): Parts {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return Parts.fromTexts([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}"><bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [STYLES, new StyleBook('').toXml()],
  ]);
}

export class XlsxWorkbook implements WorkbookPort {
  readonly capabilities: Capabilities = { charts: false, tables: true, mergedAreas: true, backend: 'xlsx' };
  private selection: Selection | null = null;
  private listeners = new Set<() => void>();
  private selectionListeners = new Set<() => void>();
  /** the grids of the package as it is now (null: to be read again after a write) */
  private grids: Grid[] | null = null;
  /** counts the writes: a read that started before a write does not keep its (stale) grids */
  private version = 0;

  /**
   * Italian notes on what the opened file holds that `toBuffer()` will not write back: none since the package is
   * edited in place (kept for the callers that show them).
   */
  readonly avvisi: string[] = [];

  private constructor(private readonly parts: Parts) {}

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(emptyParts());
  }

  /** open a package; `onProgress` follows the first read of its sheets (the CLI shows it on big files) */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, opts: ReadOptions = {}): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    let parts: Parts;
    try {
      parts = Parts.fromZip(bytes);
    } catch {
      throw new WorkbookError(TESTI_XLSX.fileNonValido, 'FILE_NON_VALIDO');
    }
    if (!parts.has(workbookPart(parts))) throw new WorkbookError(TESTI_XLSX.fileNonValido, 'FILE_NON_VALIDO');
    const wb = new XlsxWorkbook(parts);
    // read now: what cannot be read is reported on opening, not at the first use
    wb.read(opts);
    return wb;
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.parts.toZip();
  }

  async readSheets(opts: ReadSheetsOptions = {}): Promise<Grid[]> {
    return this.read(opts.onProgress ? { onProgress: opts.onProgress } : {});
  }

  private read(opts: ReadOptions = {}): Grid[] {
    if (this.grids) return [...this.grids];
    const version = this.version;
    const files = new Map(this.parts.names().map((n) => [n, this.parts.raw(n)!] as const));
    let grids: Grid[];
    try {
      grids = readGrids(files, opts);
    } catch {
      throw new WorkbookError(TESTI_XLSX.fileNonValido, 'FILE_NON_VALIDO');
    }
    if (version === this.version) this.grids = grids;
    return [...grids];
  }

  async applyWritePlan(plan: WritePlan): Promise<void> {
    const parts = this.parts;
    const sheets = listSheets(parts);
    const named = (n: string) => sheets.find((s) => s.name.toLowerCase() === n.toLowerCase());
    // check before writing: nothing half-written
    for (const sp of plan.sheets ?? []) {
      if ((sp.mode ?? 'create') === 'create' && named(sp.name) && !(plan.deleteSheets ?? []).includes(named(sp.name)!.name)) {
        throw new WorkbookError(TESTI_XLSX.foglioEsistente(sp.name), 'FOGLIO_ESISTENTE');
      }
    }
    const created = new Set((plan.sheets ?? []).map((s) => s.name.toLowerCase()));
    for (const w of plan.cells ?? []) {
      if (!named(w.sheet) && !created.has(w.sheet.toLowerCase())) {
        throw new WorkbookError(TESTI_XLSX.foglioMancante(w.sheet), 'FOGLIO_MANCANTE');
      }
    }

    const styles = new StyleBook(parts.text(STYLES));
    for (const name of plan.deleteSheets ?? []) {
      const s = listSheets(parts).find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (s) removeSheet(parts, s);
    }
    const date1904 = this.date1904();
    await addPlannedSheets(parts, styles, plan.sheets ?? [], date1904);
    this.applyCellWrites(plan.cells ?? [], styles, date1904);
    if (styles.changed) parts.setText(STYLES, styles.toXml());

    this.grids = null;
    this.version++;
    this.notify(this.listeners);
    if (plan.select) {
      this.selection = { sheet: plan.select.sheet, range: plan.select.range };
      this.notify(this.selectionListeners);
    }
  }

  /** the workbook counts dates from 1904 (Excel for Mac's old default) */
  private date1904(): boolean {
    const pr = /<workbookPr\b[^>]*>/.exec(this.parts.text(workbookPart(this.parts)))?.[0] ?? '';
    return ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  }

  private applyCellWrites(writes: CellWrite[], styles: StyleBook, date1904: boolean): void {
    const bySheet = new Map<string, CellEdit[]>();
    for (const w of writes) {
      const p = parseA1(w.address);
      if (!p) continue;
      const key = w.sheet.toLowerCase();
      const list = bySheet.get(key) ?? [];
      list.push({
        r: p.r,
        c: p.c,
        ...(w.value !== undefined ? { value: w.value } : {}),
        ...(w.formula !== undefined ? { formula: w.formula } : {}),
        ...(w.numFmt !== undefined ? { numFmt: w.numFmt } : {}),
        ...(w.fill !== undefined ? { fill: w.fill } : {}),
      });
      bySheet.set(key, list);
    }
    let formulas = false;
    for (const s of listSheets(this.parts)) {
      const edits = bySheet.get(s.name.toLowerCase());
      if (!edits || s.kind !== 'worksheet') continue;
      const r = patchSheet(this.parts.text(s.part), edits, styles, date1904);
      this.parts.setText(s.part, r.xml);
      formulas ||= r.formulas;
      this.extendTables(s.part, r.rows);
    }
    if (formulas) dropCalcChain(this.parts);
  }

  /** tables whose last row is directly above written rows grow to include them (Rilevazioni rows appended) */
  private extendTables(sheetPart: string, written: Set<number>): void {
    for (const t of tablesOf(this.parts, sheetPart)) {
      const xml = this.parts.text(t.part);
      const open = /<table\b[^>]*>/.exec(xml);
      const rg = open && parseRange(attr(open[0], 'ref') ?? '');
      if (!open || !rg) continue;
      let last = rg.r2;
      while (written.has(last + 1)) last++;
      if (last === rg.r2) continue;
      const ref = rangeToA1({ ...rg, r2: last });
      let next = xml.slice(0, open.index) + setAttr(open[0], 'ref', ref) + xml.slice(open.index + open[0].length);
      next = next.replace(/<autoFilter\b[^>]*>/, (tag) => setAttr(tag, 'ref', ref));
      this.parts.setText(t.part, next);
    }
  }

  async select(sheet: string, range: string): Promise<void> {
    this.selection = { sheet, range };
    this.notify(this.selectionListeners);
  }

  async getSelection(): Promise<Selection | null> {
    if (!this.selection) return null;
    const g = (await this.readSheets()).find((x) => x.name === this.selection!.sheet);
    const rg = parseRange(this.selection.range);
    if (!g || !rg) return this.selection;
    const values: (string | number | boolean | null)[][] = [];
    for (let r = rg.r1; r <= rg.r2; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = rg.c1; c <= rg.c2; c++) {
        const v = g.rows[r]?.[c]?.v ?? null;
        row.push(v instanceof Date ? v.toISOString().slice(0, 10) : v);
      }
      values.push(row);
    }
    return { ...this.selection, values };
  }

  /** the current selection without cell values (for the preview's highlight) */
  get currentSelection(): Selection | null {
    return this.selection;
  }

  /** the package's parts as they are now (tests compare them with the original's) */
  partNames(): string[] {
    return this.parts.names();
  }

  partBytes(name: string): Uint8Array | undefined {
    return this.parts.raw(name);
  }

  /** the workbook's content changed (a plan was applied); selecting cells is not a change */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** the selection moved (the preview highlights it) */
  onSelect(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  private notify(listeners: Set<() => void>): void {
    for (const l of listeners) l();
  }
}
