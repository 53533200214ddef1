/**
 * A small hand-written fake of the Excel JavaScript API objects the Office adapter uses.
 *
 * Faithful where it matters for batching:
 * - every call and property assignment is queued and runs only at `context.sync()`;
 * - `sync()` calls are COUNTED (`fake.syncs`);
 * - loaded properties (values, text, numberFormat, formulas, address, isNullObject, items, areas…) are readable only
 *   after the sync that loads them: reading earlier throws `PropertyNotLoaded`, as in Office.js;
 * - APIs above the configured ExcelApi version fail at sync with `ApiNotFound`;
 * - edits of a protected sheet fail with `AccessDenied`; `editMode` makes every sync fail with
 *   `InvalidOperationInCellEditMode`; a request above `payloadLimit` bytes fails with `RequestPayloadSizeLimitExceeded`.
 * Ops run in order, so a failing op leaves the earlier ones applied (like a real half-applied batch).
 *
 * Strict like Excel (each rule from the Office.js reference; see test/office/strict.test.ts):
 * - cell input is only string | number | boolean | null (null = leave unchanged) in a 2-D array of exactly the
 *   range's size; a Date object is refused (Excel wants a serial number with a date number format);
 * - a value in a cell of a merged area other than its top-left one is refused (Excel shows only the top-left cell;
 *   what Excel does with it is undocumented, the fake makes it an error so the adapter never does it);
 *   merging keeps the top-left value and clears the others;
 * - sheet names: 1–31 characters, none of \ / ? * [ ] :; a VeryHidden sheet cannot be deleted (InvalidOperation);
 *   the last visible sheet cannot be deleted or hidden; a hidden sheet cannot be activated;
 * - protect() on a protected sheet fails; notes/comments only on a single cell;
 * - getMergedAreasOrNullObject fails above 512 areas and returns only areas whose top-left cell is in the range;
 * - data validation: date rules take ISO strings, not numbers; one rule kind at a time;
 * - conditional format custom formulas start with '='; pageLayout.zoom is set as a whole object;
 *   print title rows span whole rows; tables cannot overlap merged cells (MergedRangeConflict) or other tables.
 */
import type { CellRange, Grid } from '../../src/domain/grid';
import { colToLetters, dateToSerial, formatDateIt, parseRange, rangeToA1 } from '../../src/domain/grid';
import type { OfficeHost } from '../../src/workbook/office/host';

const MAX_ROW = 1048575;

/**
 * Excel on the web: "5MB" for a request and for a response
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins)
 */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

const utf8 = new TextEncoder();
/** bytes of a value as Excel serialises a response: UTF-8 JSON */
export function jsonBytes(x: unknown): number {
  return utf8.encode(JSON.stringify(x) ?? 'null').length;
}
const MAX_COL = 16383;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

// ---- the document model ------------------------------------------------------------------

export interface FakeCell {
  /** '' = empty */
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  /** displayed text when known (from a Grid); otherwise computed */
  text?: string;
  /** format properties by path: 'fill.color', 'font.bold', 'wrapText', 'protection.locked'… */
  format: Record<string, unknown>;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  borders: { range: string; edge: string; style?: unknown; weight?: unknown }[];
  validations: { range: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[];
  conditionalFormats: { range: string; type: string; props: Record<string, unknown> }[];
  pageLayout: Record<string, unknown>;
  /** horizontalPageBreaks.add: the cell after each break, in order */
  pageBreaks: string[];
  tables: { range: string; props: Record<string, unknown> }[];
  charts: { type: string; values: string; props: Record<string, unknown> }[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  tabColor?: string;
  notes: Map<string, string>;
}

export function newSheet(name: string): FakeSheet {
  return {
    name,
    visibility: 'Visible',
    protected: false,
    cells: new Map(),
    merges: [],
    borders: [],
    validations: [],
    conditionalFormats: [],
    pageLayout: {},
    pageBreaks: [],
    tables: [],
    charts: [],
    colWidths: new Map(),
    rowHeights: new Map(),
    frozenRows: 0,
    notes: new Map(),
  };
}

const key = (r: number, c: number) => `${r},${c}`;

function checkSheetName(name: unknown): void {
  if (typeof name !== 'string' || !name.trim() || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name "${String(name)}").`);
  }
}

function overlap(a: CellRange, b: CellRange): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** the merged area in which (r, c) is a hidden cell (not the top-left one) */
function hiddenMerge(s: FakeSheet, r: number, c: number): CellRange | undefined {
  return s.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1));
}

const COLOR = /^(#[0-9a-f]{6}|[a-z]+)$/i;

export function cellOf(s: FakeSheet, r: number, c: number): FakeCell {
  let cell = s.cells.get(key(r, c));
  if (!cell) {
    cell = { value: '', numberFormat: 'General', format: {} };
    s.cells.set(key(r, c), cell);
  }
  return cell;
}

/** the cell at an A1 address, if any */
export function cellAtA1(s: FakeSheet, a1: string): FakeCell | undefined {
  const r = parseRange(a1);
  return r ? s.cells.get(key(r.r1, r.c1)) : undefined;
}

function isDateFmt(f: string): boolean {
  return /[dy]/i.test(f.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

function displayText(cell: FakeCell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (isDateFmt(cell.numberFormat)) return formatDateIt(new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400000)));
    if (/%$/.test(cell.numberFormat)) return `${Math.round(v * 100)}%`;
    return String(v);
  }
  return v;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1:B2", "B:B", "5:5" -> rectangle */
function parseAddress(address: string): CellRange {
  const a = address.replace(/\$/g, '').replace(/^.*!/, '');
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) {
    const r = parseRange(`${cols[1]}1:${cols[2]}1`)!;
    return { r1: 0, r2: MAX_ROW, c1: r.c1, c2: r.c2 };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { r1: Number(rows[1]) - 1, r2: Number(rows[2]) - 1, c1: 0, c2: MAX_COL };
  const r = parseRange(a);
  if (!r) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: "${address}"`);
  return r;
}

/** the bounding rectangle of the used cells of a sheet, or of the part of the sheet `within` (Range.getUsedRange) */
function usedRect(s: FakeSheet, valuesOnly: boolean, within?: CellRange | null): CellRange | null {
  let rect: CellRange | null = null;
  for (const [k, cell] of s.cells) {
    const hasValue = cell.value !== '' || cell.formula !== undefined;
    if (!hasValue && (valuesOnly || Object.keys(cell.format).length === 0)) continue;
    const [r, c] = k.split(',').map(Number);
    if (within && (r < within.r1 || r > within.r2 || c < within.c1 || c > within.c2)) continue;
    if (!rect) rect = { r1: r, c1: c, r2: r, c2: c };
    else {
      rect.r1 = Math.min(rect.r1, r);
      rect.c1 = Math.min(rect.c1, c);
      rect.r2 = Math.max(rect.r2, r);
      rect.c2 = Math.max(rect.c2, c);
    }
  }
  return rect;
}

const VERSION = (v: string) => {
  const [a, b] = v.split('.').map(Number);
  return a * 1000 + (b ?? 0);
};

// ---- request context -----------------------------------------------------------------------

interface Op {
  bytes: number;
  run: () => void;
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  queue: Op[] = [];
  /** bytes loaded by the ops of the running sync (the response) */
  response = 0;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** count an object's loaded properties in the running sync's response */
  respond(loaded: unknown): void {
    this.response += jsonBytes(loaded);
  }
  enqueue(payload: unknown, run: () => void): void {
    let bytes = 60;
    try {
      bytes += JSON.stringify(payload ?? null)?.length ?? 0;
    } catch {
      bytes += 20;
    }
    this.queue.push({ bytes, run });
  }
  /** an op that fails at sync when the API is above the configured version */
  requires(version: string, what: string): boolean {
    if (this.excel.supports(version)) return true;
    this.enqueue(null, () => {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`);
    });
    return false;
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const ex = this.excel;
    ex.syncs++;
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    ex.requestBytes.push(bytes);
    await Promise.resolve();
    if (ex.editMode) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (ex.payloadLimit !== undefined && bytes > ex.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const before = new Set(ex.sheets);
    ex.changed = false;
    this.response = 0;
    for (const op of ops) op.run();
    ex.responseBytes.push(this.response);
    if (ex.responseLimit !== undefined && this.response > ex.responseLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit. Please refer to the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.',
      );
    }
    const added = ex.sheets.filter((s) => !before.has(s));
    const deleted = [...before].filter((s) => !ex.sheets.includes(s));
    for (const s of added) for (const h of ex.handlers.added) h({ type: 'WorksheetAdded', worksheetId: s.name });
    for (const s of deleted) for (const h of ex.handlers.deleted) h({ type: 'WorksheetDeleted', worksheetId: s.name });
    if (ex.changed) for (const h of ex.handlers.changed) h({ type: 'WorksheetChanged' });
  }
  trackedObjects = { add() {}, remove() {} };
}

/** a proxy property readable only after the sync that loaded it */
class Loadable {
  protected loaded: Record<string, unknown> = {};
  protected get<T>(prop: string): T {
    if (!(prop in this.loaded)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded[prop] as T;
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
}

/** generic recorder for nested write-only objects (format, pageLayout, chart…): sets and calls become ops */
function recorder(ctx: FakeContext, apply: (path: string[], value: unknown) => void, path: string[] = []): any {
  return new Proxy(function () {}, {
    get(_t, k) {
      if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined;
      return recorder(ctx, apply, [...path, k]);
    },
    set(_t, k, value) {
      ctx.enqueue(value, () => apply([...path, String(k)], value));
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const shown = args.map((a) => (a instanceof FakeRange ? a.addressText : a));
      ctx.enqueue(shown, () => apply([...path, '()'], args));
      return recorder(ctx, apply, [...path.slice(0, -1), `${path[path.length - 1] ?? ''}(${shown.map(String).join(',')})`]);
    },
  });
}

// ---- proxies -------------------------------------------------------------------------------

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  getSelectedRange(): FakeRange {
    const ex = this.ctx.excel;
    return new FakeRange(this.ctx, () => ex.sheet(ex.selection.sheet), ex.selection.range, 'selection');
  }
  get notes() {
    const ctx = this.ctx;
    return {
      add: (target: FakeRange, content: string) => {
        if (!ctx.requires('1.18', 'workbook.notes')) return;
        ctx.enqueue(content, () => target.addNote(content, 'InvalidCellAddress'));
      },
    };
  }
  get comments() {
    const ctx = this.ctx;
    return {
      add: (target: FakeRange, content: string) => {
        if (!ctx.requires('1.10', 'workbook.comments')) return;
        ctx.enqueue(content, () => target.addNote(content, 'InvalidArgument'));
      },
    };
  }
}

type Handler = (args: unknown) => unknown;

class FakeEvent {
  constructor(
    private readonly ctx: FakeContext,
    private readonly list: Handler[],
    private readonly version: string,
  ) {}
  add(h: Handler) {
    const ctx = this.ctx;
    if (ctx.requires(this.version, 'event')) ctx.enqueue(null, () => this.list.push(h));
    const list = this.list;
    return {
      context: ctx,
      remove() {
        ctx.enqueue(null, () => {
          const i = list.indexOf(h);
          if (i >= 0) list.splice(i, 1);
        });
      },
    };
  }
}

class FakeWorksheetCollection extends Loadable {
  readonly onAdded: FakeEvent;
  readonly onDeleted: FakeEvent;
  readonly onChanged: FakeEvent;
  constructor(private readonly ctx: FakeContext) {
    super();
    const h = ctx.excel.handlers;
    this.onAdded = new FakeEvent(ctx, h.added, '1.7');
    this.onDeleted = new FakeEvent(ctx, h.deleted, '1.7');
    this.onChanged = new FakeEvent(ctx, h.changed, '1.9');
  }
  get items(): FakeWorksheet[] {
    return this.get('items');
  }
  load(props: string): this {
    const wanted = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.enqueue(props, () => {
      const ex = this.ctx.excel;
      this.loaded.items = ex.sheets.map((s, i) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.fill(wanted, i);
        return ws;
      });
      this.ctx.respond({ items: (this.loaded.items as FakeWorksheet[]).map((ws) => ws.shown()) });
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    const ex = this.ctx.excel;
    let found: FakeSheet | undefined;
    return new FakeWorksheet(this.ctx, () => {
      found ??= ex.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: "${name}".`);
      return found;
    });
  }
  add(name: string): FakeWorksheet {
    const ex = this.ctx.excel;
    let created: FakeSheet | undefined;
    this.ctx.enqueue(name, () => {
      checkSheetName(name);
      if (ex.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: "${name}".`);
      }
      created = newSheet(name);
      ex.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'sheet not created');
      return created;
    });
  }
}

class FakeProtection extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super();
  }
  setLoaded(v: boolean) {
    this.loaded.protected = v;
  }
  shown(): boolean | undefined {
    return this.loaded.protected as boolean | undefined;
  }
  get protected(): boolean {
    return this.get('protected');
  }
  /** "Fails if the worksheet has already been protected" (WorksheetProtection.protect) */
  protect(): void {
    this.ctx.enqueue(null, () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
      s.protected = true;
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: FakeProtection;
  constructor(
    private readonly ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super();
    this.protection = new FakeProtection(ctx, resolve);
  }
  fill(wanted: string[], position: number) {
    const s = this.resolve();
    for (const w of wanted) {
      if (w === 'name') this.loaded.name = s.name;
      else if (w === 'visibility') this.loaded.visibility = s.visibility;
      else if (w === 'position') this.loaded.position = position;
      else if (w === 'protection/protected') this.protection.setLoaded(s.protected);
    }
  }
  /** what a load of this sheet puts in the response */
  shown(): Record<string, unknown> {
    const p = this.protection.shown();
    return p === undefined ? { ...this.loaded } : { ...this.loaded, protection: { protected: p } };
  }
  private setProp(prop: string, value: unknown, run: (s: FakeSheet) => void) {
    this.loaded[prop] = value;
    this.ctx.enqueue(value, () => run(this.resolve()));
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setProp('name', v, (s) => {
      checkSheetName(v);
      const ex = this.ctx.excel;
      if (ex.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: "${v}".`);
      }
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.setProp('visibility', v, (s) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new FakeOfficeError('InvalidArgument', `bad visibility ${v}`);
      const ex = this.ctx.excel;
      if (v !== 'Visible' && !ex.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v as FakeSheet['visibility'];
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.setProp('position', v, (s) => {
      const ex = this.ctx.excel;
      ex.sheets.splice(ex.sheets.indexOf(s), 1);
      ex.sheets.splice(Math.min(v, ex.sheets.length), 0, s);
    });
  }
  set tabColor(v: string) {
    this.setProp('tabColor', v, (s) => {
      if (v !== '' && !COLOR.test(v)) throw new FakeOfficeError('InvalidArgument', `bad color ${v}`);
      s.tabColor = v;
    });
  }
  /** "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation" */
  delete(): void {
    this.ctx.enqueue(null, () => {
      const ex = this.ctx.excel;
      const s = this.resolve();
      if (s.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', 'The operation attempted is invalid on the object (VeryHidden sheet).');
      }
      if (!ex.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      ex.sheets.splice(ex.sheets.indexOf(s), 1);
    });
  }
  activate(): void {
    this.ctx.enqueue(null, () => {
      const s = this.resolve();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.excel.activeSheet = s.name;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.resolve, address ?? 'A1:XFD1048576');
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.resolve, valuesOnly ? 'used-values' : 'used', 'used');
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this.getUsedRangeOrNullObject(valuesOnly);
  }
  get freezePanes() {
    return recorder(this.ctx, (path, v) => {
      if (path[0] === 'freezeRows') this.resolve().frozenRows = (v as number[])[0];
    });
  }
  get pageLayout() {
    this.ctx.requires('1.9', 'pageLayout');
    return recorder(this.ctx, (path, v) => {
      const pl = this.resolve().pageLayout;
      // "The PageLayoutZoomOptions object must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)"
      if (path[0] === 'zoom' && path.length > 1) throw new FakeOfficeError('InvalidArgument', 'zoom must be set as a whole object');
      if (path[0] === 'setPrintTitleRows') {
        const a = String((v as unknown[])[0]).replace(/^.*!/, '');
        // "The range must span the entire row to be valid."
        if (!/^\$?\d+:\$?\d+$/.test(a)) throw new FakeOfficeError('InvalidArgument', `print title rows must be whole rows: ${a}`);
      }
      if (path[1] === '()') pl[path[0]] = (v as unknown[])[0];
      else pl[path.join('.')] = v;
    });
  }
  get horizontalPageBreaks() {
    const ctx = this.ctx;
    ctx.requires('1.9', 'horizontalPageBreaks');
    return {
      add: (cell: string | FakeRange) => {
        const a = typeof cell === 'string' ? cell : cell.addressText;
        ctx.enqueue(a, () => {
          const s = this.resolve();
          if (!/^\$?[A-Z]{1,3}\$?\d+$/.test(a.replace(/^.*!/, ''))) throw new FakeOfficeError('InvalidArgument', `bad page break cell: ${a}`);
          s.pageBreaks.push(a.replace(/^.*!/, ''));
        });
      },
    };
  }
  get tables() {
    const ctx = this.ctx;
    return {
      add: (range: FakeRange, _hasHeaders: boolean) => {
        const rec = { range: range.addressText, props: {} as Record<string, unknown> };
        ctx.enqueue(rec.range, () => {
          const s = range.checkWritable();
          const r = parseAddress(rec.range);
          if (s.merges.some((m) => overlap(m, r)) || s.tables.some((t) => overlap(parseAddress(t.range), r))) {
            throw new FakeOfficeError(
              'MergedRangeConflict',
              "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
            );
          }
          s.tables.push(rec);
        });
        return recorder(ctx, (path, v) => {
          if (path[0] === 'name') {
            const n = String(v);
            // table names: no spaces, start with a letter/underscore/backslash, not a cell reference, unique
            if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[rRcC]\d*$/.test(n)) {
              throw new FakeOfficeError('InvalidArgument', `bad table name ${n}`);
            }
            const taken = ctx.excel.sheets.some((x) => x.tables.some((t) => t !== rec && String(t.props.name ?? '').toLowerCase() === n.toLowerCase()));
            if (taken) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: "${n}".`);
          }
          rec.props[path.join('.')] = v;
        });
      },
    };
  }
  get charts() {
    const ctx = this.ctx;
    return {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const rec = { type, values: source.addressText, props: {} as Record<string, unknown> };
        ctx.enqueue(rec.values, () => {
          if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `unknown chart type ${type}`);
          if (seriesBy !== undefined && !['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new FakeOfficeError('InvalidArgument', `bad seriesBy ${seriesBy}`);
          this.resolve().charts.push(rec);
        });
        return recorder(ctx, (path, v) => {
          const p = path.filter((x) => x !== '()').join('.');
          rec.props[p] = path[path.length - 1] === '()' ? (v as unknown[]).map((a) => (a instanceof FakeRange ? a.addressText : a))[0] : v;
        });
      },
    };
  }
}

/** a subset of Excel.ChartType */
const CHART_TYPES = new Set(['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'Pie', 'Doughnut', 'Area', 'XYScatter']);

type RangeKind = 'plain' | 'used' | 'selection';

export class FakeRange extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly ref: string,
    private readonly kind: RangeKind = 'plain',
    /** for a used range: the range it is the used range of (the whole sheet when absent) */
    private readonly parent?: FakeRange,
  ) {
    super();
  }
  get addressText(): string {
    return this.ref;
  }
  private rect(): CellRange | null {
    if (this.kind === 'used') return usedRect(this.sheet(), this.ref === 'used-values', this.parent?.rect());
    return parseAddress(this.ref);
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells of this range, a null object when none */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.sheet, valuesOnly ? 'used-values' : 'used', 'used', this);
  }
  checkWritable(): FakeSheet {
    const s = this.sheet();
    if (s.protected) {
      throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
    }
    this.ctx.excel.changed = true;
    return s;
  }
  private cells(): { cell: () => FakeCell; s: FakeSheet }[] {
    const s = this.checkWritable();
    const r = this.rect()!;
    const out: { cell: () => FakeCell; s: FakeSheet }[] = [];
    for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) out.push({ s, cell: () => cellOf(s, i, j) });
    return out;
  }
  load(props: string): this {
    const wanted = props.split(',').map((p) => p.trim());
    this.ctx.enqueue(props, () => {
      const s = this.sheet();
      const r = this.rect();
      this.loaded.isNullObject = r === null;
      if (!r) return;
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] => {
        const out: T[][] = [];
        for (let i = r.r1; i <= r.r2; i++) {
          const row: T[] = [];
          for (let j = r.c1; j <= r.c2; j++) row.push(f(s.cells.get(key(i, j))));
          out.push(row);
        }
        return out;
      };
      for (const w of wanted) {
        if (w === 'address') this.loaded.address = `${quoteSheet(s.name)}!${rangeToA1(r)}`;
        else if (w === 'values') this.loaded.values = grid((c) => c?.value ?? '');
        else if (w === 'text') this.loaded.text = grid((c) => displayText(c));
        else if (w === 'numberFormat') this.loaded.numberFormat = grid((c) => c?.numberFormat ?? 'General');
        else if (w === 'formulas') this.loaded.formulas = grid((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? '')));
        else if (w === 'cellCount') this.loaded.cellCount = (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
        else if (w === 'rowCount') this.loaded.rowCount = r.r2 - r.r1 + 1;
        else if (w === 'columnCount') this.loaded.columnCount = r.c2 - r.c1 + 1;
        else throw new FakeOfficeError('InvalidArgument', `fake: cannot load '${w}'`);
      }
      this.ctx.respond(this.loaded);
    });
    return this;
  }
  get address(): string {
    return this.get('address');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(v, () => this.write2d(v, setInput, true));
  }
  set formulas(v: unknown[][]) {
    this.ctx.enqueue(v, () => this.write2d(v, setInput, true));
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(v, () =>
      this.write2d(v, (cell, x) => {
        cell.numberFormat = x === '' ? 'General' : String(x);
        cell.text = undefined;
      }),
    );
  }
  private write2d(v: unknown[][], set: (cell: FakeCell, x: unknown) => void, isValue = false) {
    const s = this.checkWritable();
    const r = this.rect()!;
    if (!Array.isArray(v) || v.length !== r.r2 - r.r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== r.c2 - r.c1 + 1)) {
      throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    // check everything first: a refused assignment changes nothing
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x === null) return; // null = leave unchanged
        if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') {
          throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${x instanceof Date ? 'a Date object' : typeof x} at row ${i}, column ${j}).`);
        }
        if (typeof x === 'number' && !Number.isFinite(x)) throw new FakeOfficeError('InvalidArgument', 'not a finite number');
        if (isValue && hiddenMerge(s, r.r1 + i, r.c1 + j)) {
          throw new FakeOfficeError('InvalidOperation', `fake: value written into a hidden cell of a merged area (${rangeToA1({ r1: r.r1 + i, c1: r.c1 + j, r2: r.r1 + i, c2: r.c1 + j })}).`);
        }
      }),
    );
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x === null) return;
        set(cellOf(s, r.r1 + i, r.c1 + j), x);
      }),
    );
  }
  get format() {
    return recorder(this.ctx, (path, v) => {
      if (path[0] === 'columnWidth' || path[0] === 'rowHeight') {
        const s = this.sheet();
        const r = this.rect()!;
        if (path[0] === 'columnWidth') for (let c = r.c1; c <= r.c2; c++) s.colWidths.set(c, v as number);
        else for (let i = r.r1; i <= r.r2; i++) s.rowHeights.set(i, v as number);
        return;
      }
      if (path[0] === 'borders') {
        if (path[2] !== 'style' && path[2] !== 'weight') return; // the getItem() call itself
        const s = this.checkWritable();
        const edge = /\((\w+)\)/.exec(path[1] ?? '')?.[1] ?? '?';
        let b = s.borders.find((x) => x.range === this.ref && x.edge === edge);
        if (!b) s.borders.push((b = { range: this.ref, edge }));
        if (path[2] === 'style') b.style = v;
        if (path[2] === 'weight') b.weight = v;
        return;
      }
      if (path.join('.') === 'fill.clear.()') {
        for (const { cell } of this.cells()) delete cell().format['fill.color'];
        return;
      }
      for (const { cell } of this.cells()) cell().format[path.join('.')] = v;
    });
  }
  merge(_across = false): void {
    this.ctx.enqueue(this.ref, () => {
      const s = this.checkWritable();
      const r = this.rect()!;
      if (s.merges.some((m) => overlap(m, r))) {
        throw new FakeOfficeError('InvalidOperation', 'Cannot merge cells that overlap an existing merged area.');
      }
      // merging keeps the upper-left value only
      for (let i = r.r1; i <= r.r2; i++) {
        for (let j = r.c1; j <= r.c2; j++) {
          const c = s.cells.get(key(i, j));
          if (c && (i !== r.r1 || j !== r.c1)) {
            c.value = '';
            delete c.formula;
            c.text = undefined;
          }
        }
      }
      s.merges.push(r);
    });
  }
  /**
   * "if the merged areas count in this range is more than 512, then this method will fail"; and only areas whose
   * top-left cell is in the range are returned (OfficeDev/office-js#3611)
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requires('1.13', 'getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.ctx, () => {
      const s = this.sheet();
      const r = this.rect();
      if (!r) return [];
      const found = s.merges.filter((m) => m.r1 >= r.r1 && m.r1 <= r.r2 && m.c1 >= r.c1 && m.c1 <= r.c2);
      if (found.length > 512) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      return found.map((m) => `${quoteSheet(s.name)}!${rangeToA1(m)}`);
    });
  }
  get dataValidation() {
    this.ctx.requires('1.8', 'dataValidation');
    return recorder(this.ctx, (path, v) => {
      const s = this.checkWritable();
      if (path[0] === 'rule') checkRule(v);
      let rec = s.validations.find((x) => x.range === this.ref);
      if (!rec) s.validations.push((rec = { range: this.ref }));
      (rec as Record<string, unknown>)[path[0]] = v;
    });
  }
  get conditionalFormats() {
    const ctx = this.ctx;
    return {
      add: (type: string) => {
        const rec = { range: this.ref, type, props: {} as Record<string, unknown> };
        ctx.enqueue(type, () => this.checkWritable().conditionalFormats.push(rec));
        return recorder(ctx, (path, v) => {
          const p = path.join('.');
          if (p === 'custom.rule.formula' && !/^=/.test(String(v))) {
            throw new FakeOfficeError('InvalidArgument', `a conditional format formula starts with '=': ${String(v)}`);
          }
          if (/color$/i.test(p) && !COLOR.test(String(v))) throw new FakeOfficeError('InvalidArgument', `bad color ${String(v)}`);
          rec.props[p] = v;
        });
      },
    };
  }
  select(): void {
    this.ctx.enqueue(this.ref, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A range of a hidden sheet cannot be selected.');
      this.ctx.excel.selection = { sheet: s.name, range: this.ref };
      this.ctx.excel.activeSheet = s.name;
    });
  }
  addNote(content: string, single: 'InvalidCellAddress' | 'InvalidArgument'): void {
    const s = this.checkWritable();
    const r = this.rect()!;
    // notes.add: "If ... the range is not a single cell, an InvalidCellAddress error is thrown";
    // comments.add: "An InvalidArgument error is thrown if the provided range is larger than one cell"
    if (r.r1 !== r.r2 || r.c1 !== r.c2) throw new FakeOfficeError(single, `not a single cell: ${this.ref}`);
    const a = rangeToA1(r);
    if (s.notes.has(a)) throw new FakeOfficeError('InvalidArgument', `A note already exists at ${a}.`);
    s.notes.set(a, content);
  }
}

/** a DataValidationRule as Excel accepts it (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation) */
function checkRule(v: unknown): void {
  const rule = (v ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) throw new FakeOfficeError('InvalidArgument', 'No more than one rule kind may be present in a DataValidationRule.');
  const r = rule[kinds[0]]!;
  if (kinds[0] === 'date' || kinds[0] === 'time') {
    for (const f of ['formula1', 'formula2'] as const) {
      if (typeof r[f] === 'number') throw new FakeOfficeError('InvalidArgument', `DateTimeDataValidation.${f} cannot be a number`);
      if (typeof r[f] === 'string' && !/^(=|\d{4}-\d{2}-\d{2})/.test(r[f] as string)) throw new FakeOfficeError('InvalidArgument', `not an ISO date: ${r[f]}`);
    }
  }
  if (kinds[0] === 'list' && (typeof r.source !== 'string' || r.source === '')) throw new FakeOfficeError('InvalidArgument', 'list source');
}

/** Office en-US input semantics: '' clears, '=…' is a formula, "'…" is text, numeric text becomes a number */
function setInput(cell: FakeCell, x: unknown): void {
  cell.text = undefined;
  delete cell.formula;
  if (x === '') cell.value = '';
  else if (typeof x === 'string' && x.startsWith('=')) {
    cell.formula = x.slice(1);
    cell.value = 0;
  } else if (typeof x === 'string' && x.startsWith("'")) cell.value = x.slice(1);
  else if (typeof x === 'string' && /^-?\d+(\.\d+)?%?$/.test(x.trim())) {
    const n = Number(x.replace('%', ''));
    cell.value = x.endsWith('%') ? n / 100 : n;
  } else if (typeof x === 'string' && /^(TRUE|FALSE)$/i.test(x)) cell.value = x.toUpperCase() === 'TRUE';
  else if (typeof x === 'string' && parseDateInput(x) !== undefined) {
    // typed-in dates become serials with a date format (en-US m/d/yyyy, or ISO yyyy-mm-dd)
    cell.value = parseDateInput(x)!;
    if (cell.numberFormat === 'General') cell.numberFormat = 'm/d/yyyy';
  } else cell.value = x as string | number | boolean;
}

function parseDateInput(x: string): number | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(x.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x.trim());
  const parts = us ? [+us[3], +us[1], +us[2]] : iso ? [+iso[1], +iso[2], +iso[3]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return (t - Date.UTC(1899, 11, 30)) / 86400000;
}

class FakeRangeAreas extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly compute: () => string[],
  ) {
    super();
  }
  load(props: string): this {
    this.ctx.enqueue(props, () => {
      const addresses = this.compute();
      this.loaded.isNullObject = addresses.length === 0;
      this.loaded.address = addresses.join(',');
      this.loaded.areas = { items: addresses.map((address) => ({ address })) };
      this.ctx.respond(this.loaded);
    });
    return this;
  }
  get address(): string {
    return this.get('address');
  }
  get areas(): { items: { address: string }[] } {
    return this.get('areas');
  }
}

// ---- the fake Excel (host) ---------------------------------------------------------------

export interface FakeExcelOptions {
  /** highest ExcelApi set supported, e.g. '1.13' (default '1.18') */
  apiVersion?: string;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** context.sync() calls so far */
  syncs = 0;
  /** bytes of each sync's request (estimated) */
  requestBytes: number[] = [];
  /** bytes of each sync's response (loaded data) */
  responseBytes: number[] = [];
  editMode = false;
  /** request limit: a sync whose request is larger fails with RequestPayloadSizeLimitExceeded */
  payloadLimit?: number;
  /**
   * response limit: a sync loading more fails with ResponsePayloadSizeLimitExceeded, as in Excel on the web
   * (default 5 MB; undefined = no limit, as Excel on Windows/Mac)
   */
  responseLimit?: number = EXCEL_WEB_PAYLOAD_LIMIT;
  apiVersion: string;
  selection = { sheet: '', range: 'A1' };
  activeSheet = '';
  changed = false;
  handlers: { added: Handler[]; deleted: Handler[]; changed: Handler[] } = { added: [], deleted: [], changed: [] };

  constructor(opts: FakeExcelOptions = {}) {
    this.apiVersion = opts.apiVersion ?? '1.18';
  }

  supports(version: string): boolean {
    return VERSION(version) <= VERSION(this.apiVersion);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: "${name}".`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    const s = newSheet(name);
    this.sheets.push(s);
    if (!this.selection.sheet) this.selection.sheet = name;
    return s;
  }

  /** Excel.run: a fresh context (or `reuse`); pending ops at the end are synced (and counted) */
  async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext): Promise<T> {
    const ctx = (reuse as unknown as FakeContext) ?? new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length) await ctx.sync();
    return result;
  }

  /** the OfficeHost to give to `new OfficeWorkbook(host)` */
  get host(): OfficeHost {
    return {
      run: (batch, reuse) => this.run(batch, reuse),
      isSetSupported: (name, version) => name === 'ExcelApi' && this.supports(version),
    };
  }

  resetCounters(): void {
    this.syncs = 0;
    this.requestBytes = [];
    this.responseBytes = [];
  }
}

/** put a Grid into a fake sheet: dates become serials with their (or a dd/mm/yyyy) number format */
export function loadGrid(s: FakeSheet, g: Grid): void {
  g.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const fc = cellOf(s, r, c);
      const v = cell.v;
      if (v instanceof Date) {
        fc.value = dateToSerial(v);
        fc.numberFormat = cell.f ?? 'dd/mm/yyyy';
      } else {
        fc.value = v ?? '';
        if (cell.f) fc.numberFormat = cell.f;
      }
      if (cell.formula) fc.formula = cell.formula;
      if (cell.t) fc.text = cell.t;
    }),
  );
  s.merges = g.merges.map((m) => ({ ...m }));
  s.visibility = g.visibility === 'hidden' ? 'Hidden' : g.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
}

/**
 * A fake Excel holding these grids as sheets, for tests and the bench:
 *   const fake = makeFakeExcelFromGrids(grids);
 *   const wb = new OfficeWorkbook(fake.host);
 *   await wb.readSheets();   // fake.syncs === 2
 */
export function makeFakeExcelFromGrids(grids: Grid[], opts: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(opts);
  for (const g of grids) loadGrid(fake.addSheet(g.name), g);
  return fake;
}

/** A1 address of a 0-based column (re-export for tests) */
export const letters = colToLetters;
