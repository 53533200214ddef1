/**
 * "Salva come modello": any card (even a non-standard one) kept in the workbook as a named template.
 *
 * Storage: one very hidden sheet per template, `_Modello_<name>`. Row 1 holds a note, the template's name (B1)
 * and a JSON description (C1: which cells are inputs, where the header fields are, the period); from row 3 the
 * card itself, labels kept and inputs cleared, with its merges and column widths, so whoever unhides the sheet
 * sees the template as it is. One sheet per template means saving never rewrites the others.
 */
import { colToLetters, parseA1, parseRange, rangeToA1, textAt, toA1, type CellRange, type CellValue, type Grid } from '../grid';
import { type CellStyle, type DataValidationSpec, type SheetPlan, type WritePlan, landscapeA4Print } from '../plan';
import { normalizeLabel } from '../scheda/labels';
import type { Scheda } from '../scheda/types';
import { TESTI_MODELLI as T } from '../testi/modelli';
import { cleanSheetName } from './nomi';
import { STILE } from './sheetBuilder';
import { titoloScheda, validazionePeso, validazioneTitolo, type TipoScheda } from './standard';
import { testoMissione, testoProgramma } from './missioniProgrammi';

export const PREFISSO_MODELLO = '_Modello_';
/** the card starts on this 0-based row of a template sheet */
const OFFSET = 2;

type CampoModello = 'descrizione' | 'dirigente' | 'unita' | 'missione' | 'programma';

interface MetaModello {
  v: 1;
  nome: string;
  periodo: { from: number; to: number } | null;
  tipo: TipoScheda | null;
  /** card-relative A1 cells */
  titolo: string | null;
  inputs: string[];
  pesi: string[];
  campi: Partial<Record<CampoModello, string>>;
  rowHeights?: Record<number, number>;
}

export interface ModelloInfo {
  nome: string;
  /** the built-in standard template has no sheet */
  foglio: string | null;
  predefinito: boolean;
}

export interface OpzioniDaModello {
  nomeFoglio: string;
  periodo?: { from: number; to: number };
  tipo?: TipoScheda;
  titolo?: string;
  dirigente?: string;
  unita?: string;
  missione?: string;
  programma?: string;
}

export function templateSheetName(nome: string): string {
  return `${PREFISSO_MODELLO}${cleanSheetName(nome, 31 - PREFISSO_MODELLO.length)}`;
}

/** card-relative address of an absolute one */
function rel(addr: string, firstRow: number): string | null {
  const a = parseA1(addr);
  return a ? toA1(a.r - firstRow, a.c) : null;
}

function rowsOf(range: string): CellRange | null {
  return parseRange(range);
}

/** the input cells of a card, as absolute 0-based positions "r,c" */
function inputCells(grid: Grid, s: Scheda, width: number): { inputs: Set<string>; pesi: Set<string> } {
  const inputs = new Set<string>();
  const pesi = new Set<string>();
  const add = (addr: string | null | undefined) => {
    const a = addr ? parseA1(addr) : null;
    if (a) inputs.add(`${a.r},${a.c}`);
  };
  const h = s.header;
  for (const [k, f] of Object.entries(h)) {
    if (k === 'altreUnita') continue;
    add((f as { cell?: string } | undefined)?.cell);
  }
  h.altreUnita.forEach((f) => add(f.cell));
  for (const a of s.annualita) {
    const rg = rowsOf(a.range);
    if (!rg) continue;
    const nCol = a.columns.n ?? -1;
    for (let r = rg.r1; r <= rg.r2; r++) {
      for (let c = 0; c < width; c++) if (c !== nCol) inputs.add(`${r},${c}`);
      if (a.columns.peso !== undefined) pesi.add(`${r},${a.columns.peso}`);
    }
  }
  for (const r of s.risorse) {
    const n = parseA1(r.nCell);
    for (let c = (n?.c ?? -1) + 1; c < width; c++) inputs.add(`${r.row},${c}`);
  }
  for (const f of s.finanziaria) {
    // the reader gives the label cell itself when no number follows it
    if (!/^capitolo\b/.test(normalizeLabel(f.capitolo.value))) add(f.capitolo.cell);
    f.stanziamenti.forEach((x) => add(x.cell));
    add(f.note?.cell);
  }
  for (const c of s.pesatura?.criteri ?? []) add(c.cell);
  // a total typed by hand is an input; a formula stays
  const tot = s.pesatura?.totale?.cell;
  const t = tot ? parseA1(tot) : null;
  if (t && !grid.rows[t.r]?.[t.c]?.formula) add(tot);
  return { inputs, pesi };
}

/** shift the row numbers of the A1 references in a formula by dr (the whole card moves) */
export function shiftFormula(formula: string, dr: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z_\d.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, d1, col, d2, row) =>
            `${d1}${col}${d2}${Math.max(1, Number(row) + dr)}`,
          ),
    )
    .join('');
}

/** "Salva come modello": a WritePlan with the template sheet (replacing a template of the same name) */
export function saveAsTemplate(grid: Grid, scheda: Scheda, name: string): WritePlan {
  const nome = name.replace(/\s+/g, ' ').trim() || T.nomeStandard;
  const first = scheda.firstRow;
  const last = scheda.lastRow;
  let width = 0;
  for (let r = first; r <= last; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const { inputs, pesi } = inputCells(grid, scheda, width);
  const cells: SheetPlan['cells'] = [];
  const meta: MetaModello = {
    v: 1,
    nome,
    periodo: scheda.periodo,
    tipo: scheda.tipo,
    titolo: scheda.titolo ? rel(scheda.titolo.cell, first) : null,
    inputs: [],
    pesi: [],
    campi: {},
  };
  const h = scheda.header;
  const campi: [CampoModello, string | undefined][] = [
    ['descrizione', h.descrizione?.cell],
    ['dirigente', h.dirigente?.cell],
    ['unita', h.unitaResponsabile?.cell],
    ['missione', h.missione?.cell],
    ['programma', h.programma?.cell],
  ];
  for (const [k, cell] of campi) if (cell) meta.campi[k] = rel(cell, first) ?? undefined;

  for (let r = first; r <= last; r++) {
    for (let c = 0; c < width; c++) {
      const key = `${r},${c}`;
      const tr = r - first + OFFSET;
      const address = toA1(tr, c);
      const src = grid.rows[r]?.[c];
      if (inputs.has(key)) {
        meta.inputs.push(toA1(r - first, c));
        if (pesi.has(key)) meta.pesi.push(toA1(r - first, c));
        cells.push({ address, ...(src?.f ? { style: { numFmt: src.f } } : {}) });
        continue;
      }
      if (!src) continue;
      if (src.formula) cells.push({ address, formula: shiftFormula(src.formula, OFFSET - first) });
      else if (src.v !== null && src.v !== '') cells.push({ address, value: src.v, ...(src.f ? { style: { numFmt: src.f } } : {}) });
    }
  }
  cells.unshift(
    { address: 'A1', value: T.modelloIntestazione },
    { address: 'B1', value: nome },
    { address: 'C1', value: JSON.stringify(meta) },
  );
  const merges = grid.merges
    .filter((m) => m.r1 >= first && m.r2 <= last)
    .map((m) => rangeToA1({ r1: m.r1 - first + OFFSET, c1: m.c1, r2: m.r2 - first + OFFSET, c2: m.c2 }));
  const columnWidths: Record<string, number> = {};
  (grid.colWidths ?? []).forEach((w, c) => {
    if (w !== undefined && c < Math.max(width, 3)) columnWidths[colToLetters(c)] = w;
  });
  const foglio = templateSheetName(nome);
  return {
    sheets: [{ name: foglio, mode: 'replace', visibility: 'veryHidden', cells, merges, columnWidths }],
  };
}

function readMeta(g: Grid): MetaModello | null {
  try {
    const m = JSON.parse(textAt(g, 0, 2)) as MetaModello;
    return m && m.v === 1 && Array.isArray(m.inputs) ? m : null;
  } catch {
    return null;
  }
}

/** the built-in template first, then the ones saved in the workbook */
export function listTemplates(grids: Grid[]): ModelloInfo[] {
  const out: ModelloInfo[] = [{ nome: T.nomeStandard, foglio: null, predefinito: true }];
  for (const g of grids) {
    if (!g.name.startsWith(PREFISSO_MODELLO)) continue;
    const meta = readMeta(g);
    out.push({ nome: meta?.nome || textAt(g, 0, 1) || g.name.slice(PREFISSO_MODELLO.length), foglio: g.name, predefinito: false });
  }
  return out;
}

export function isStandardTemplate(nome: string | undefined): boolean {
  if (!nome) return true;
  const n = normalizeLabel(nome);
  return n === normalizeLabel(T.nomeStandard) || n === 'standard' || n === 'obiettivo gestionale';
}

const YEAR_LABEL = /^(stanziamento|stazionamento|anno)\b/i;

/** a new card from a saved template; an Italian message when there is no such template */
export function buildFromTemplate(
  grids: Grid[],
  name: string,
  opts: OpzioniDaModello,
): { ok: true; plan: SheetPlan } | { ok: false; message: string } {
  const wanted = normalizeLabel(name);
  const list = listTemplates(grids).filter((t) => !t.predefinito);
  const info = list.find((t) => normalizeLabel(t.nome) === wanted) ?? list.find((t) => normalizeLabel(t.foglio ?? '') === wanted);
  const g = info ? grids.find((x) => x.name === info.foglio) : undefined;
  if (!g) return { ok: false, message: T.modelloNonTrovato(name, listTemplates(grids).map((t) => t.nome)) };
  const meta = readMeta(g);
  if (!meta) return { ok: false, message: T.modelloDanneggiato(g.name) };

  const periodo = opts.periodo ?? meta.periodo;
  const tipo = opts.tipo ?? meta.tipo ?? 'comune';
  const delta = periodo && meta.periodo ? periodo.from - meta.periodo.from : 0;
  const inputs = new Set(meta.inputs);
  const pesi = meta.pesi;
  const fill: Record<string, CellValue | undefined> = {};
  const put = (k: CampoModello, v: string | undefined) => {
    const cell = meta.campi[k];
    if (cell && v) fill[cell] = v;
  };
  put('descrizione', opts.titolo);
  put('dirigente', opts.dirigente);
  put('unita', opts.unita);
  put('missione', testoMissione(opts.missione));
  put('programma', testoProgramma(opts.programma));

  let width = 0;
  let lastRow = 0;
  for (let r = OFFSET; r < g.rows.length; r++) {
    width = Math.max(width, g.rows[r]?.length ?? 0);
    if (g.rows[r]?.some((c) => c !== undefined)) lastRow = r - OFFSET;
  }
  for (const a of meta.inputs) {
    const p = parseA1(a);
    if (p) {
      width = Math.max(width, p.c + 1);
      lastRow = Math.max(lastRow, p.r);
    }
  }
  const merged = g.merges.filter((m) => m.r1 >= OFFSET);
  const cells: SheetPlan['cells'] = [];
  for (let r = 0; r <= lastRow; r++) {
    for (let c = 0; c < width; c++) {
      const address = toA1(r, c);
      const src = g.rows[r + OFFSET]?.[c];
      const isInput = inputs.has(address);
      const style: CellStyle = isInput
        ? { ...STILE.input, ...(src?.f && src.f !== 'General' ? { numFmt: src.f } : {}) }
        : { border: true, wrap: true, vAlign: 'top', ...(src && !isEmptyValue(src.v) ? { bold: true, fill: STILE.etichetta.fill } : {}) };
      if (address === meta.titolo) Object.assign(style, STILE.titolo);
      let value: CellValue | undefined = isInput ? fill[address] : src?.v ?? undefined;
      if (address === meta.titolo && periodo) value = titoloScheda(periodo.from, periodo.to, tipo);
      else if (!isInput && delta && typeof value === 'string' && YEAR_LABEL.test(value)) {
        value = value.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + delta));
      }
      if (!isInput && src?.formula) cells.push({ address, formula: shiftFormula(src.formula, -OFFSET), style });
      else cells.push({ address, ...(value !== undefined && value !== null && value !== '' ? { value } : {}), style });
    }
  }
  const validations: DataValidationSpec[] = pesi.map(validazionePeso);
  if (meta.titolo && periodo) validations.push(validazioneTitolo(meta.titolo, periodo));
  const columnWidths: Record<string, number> = {};
  (g.colWidths ?? []).forEach((w, c) => {
    if (w !== undefined && c < width) columnWidths[colToLetters(c)] = w;
  });
  const rowHeights: Record<number, number> = {};
  for (const a of meta.inputs) {
    const p = parseA1(a);
    if (p) rowHeights[p.r + 1] = Math.max(rowHeights[p.r + 1] ?? 0, 30);
  }
  return {
    ok: true,
    plan: {
      name: opts.nomeFoglio,
      mode: 'create',
      cells,
      merges: merged.map((m) => rangeToA1({ r1: m.r1 - OFFSET, c1: m.c1, r2: m.r2 - OFFSET, c2: m.c2 })),
      columnWidths,
      rowHeights,
      validations,
      print: landscapeA4Print(`A1:${toA1(lastRow, Math.max(0, width - 1))}`),
      protect: false,
    },
  };
}

function isEmptyValue(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

