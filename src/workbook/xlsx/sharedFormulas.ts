/**
 * Shared formulas (`<f t="shared" ref="C2:C9" si="0">A2*B2</f>` on the first cell, `<f t="shared" si="0"/>` on the
 * others) keep their text on one cell only: overwriting that cell would leave the others pointing at a formula
 * that is gone, which Excel reports as a damaged file. Before such a write, every cell of the group gets its own
 * formula, the master's text moved to its position (relative references shifted, `$` ones kept).
 */
import { colToLetters, lettersToCol } from '../../domain/grid';
import { attr } from './parts';

const MAX_COL = 16383;
const MAX_ROW = 1048575;

/**
 * References in A1 style: a cell (`$A$1`), a whole-column range (`A:C`), a whole-row range (`1:3`). Outside string
 * literals; not part of a name or a function (`LOG10(`), nor an unquoted sheet name (`AB1!C2`).
 */
const REF = /(?<![A-Za-z0-9_.$\]])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])|(?<![A-Za-z0-9_.$\]])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(!])|(?<![A-Za-z0-9_.$:\]])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_(!:])/g;

function shiftCol(abs: string, letters: string, dc: number): string | null {
  if (abs) return `$${letters}`;
  const c = lettersToCol(letters) + dc;
  return c < 0 || c > MAX_COL ? null : colToLetters(c);
}

function shiftRow(abs: string, digits: string, dr: number): string | null {
  if (abs) return `$${digits}`;
  const r = Number(digits) - 1 + dr;
  return r < 0 || r > MAX_ROW ? null : String(r + 1);
}

/** the formula as it reads dr rows and dc columns away (relative references move; one off the sheet is #REF!) */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  // string literals ("…", with "" inside) stay as they are; a quoted sheet name ('…'!) too
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m, ca, cl, ra, rd, c1a, c1, c2a, c2, r1a, r1, r2a, r2) => {
            if (cl !== undefined) {
              const c = shiftCol(ca, cl, dc);
              const r = shiftRow(ra, rd, dr);
              return c === null || r === null ? '#REF!' : `${c}${r}`;
            }
            if (c1 !== undefined) {
              const a = shiftCol(c1a, c1, dc);
              const b = shiftCol(c2a, c2, dc);
              return a === null || b === null ? '#REF!' : `${a}:${b}`;
            }
            const a = shiftRow(r1a, r1, dr);
            const b = shiftRow(r2a, r2, dr);
            return a === null || b === null ? '#REF!' : `${a}:${b}`;
          }),
    )
    .join('');
}

const CELL = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const SHARED_F = /<f\b[^>]*\bt="shared"[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/;

function position(cellXml: string): { r: number; c: number } | null {
  const ref = attr(/^<c\b[^>]*?\/?>/.exec(cellXml)![0], 'r');
  const m = ref ? /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref) : null;
  return m ? { r: Number(m[2]) - 1, c: lettersToCol(m[1]!.toUpperCase()) } : null;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The sheet's XML with every shared-formula group whose master cell is about to be written turned into plain
 * formulas (`written`: "r,c" 0-based of the cells a patch writes). Other groups and every other byte stay as they are.
 */
export function expandSharedMasters(xml: string, written: ReadonlySet<string>): string {
  if (!xml.includes('t="shared"')) return xml;
  const masters = new Map<string, { r: number; c: number; formula: string }>();
  for (const m of xml.matchAll(CELL)) {
    const f = SHARED_F.exec(m[0]);
    if (!f || !f[1]) continue;
    const si = attr(f[0], 'si');
    const pos = position(m[0]);
    if (si === null || !pos || !written.has(`${pos.r},${pos.c}`)) continue;
    masters.set(si, { ...pos, formula: unescape(f[1]) });
  }
  if (!masters.size) return xml;
  return xml.replace(CELL, (cell) => {
    const f = SHARED_F.exec(cell);
    const si = f ? attr(f[0], 'si') : null;
    const master = si !== null ? masters.get(si) : undefined;
    const pos = master ? position(cell) : null;
    if (!f || !master || !pos) return cell;
    const own = `<f>${escape(shiftFormula(master.formula, pos.r - master.r, pos.c - master.c))}</f>`;
    return cell.slice(0, f.index) + own + cell.slice(f.index + f[0].length);
  });
}
