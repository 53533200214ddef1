/**
 * The two workbook-wide parts a cell needs: number formats by style index (styles.xml: numFmts + cellXfs) and
 * the shared strings. Both follow ExcelJS 4.4 exactly (its built-in format table, its decoding), so a Grid read
 * here equals the one read through ExcelJS.
 */
import { decodeEscapes, decodeText, parseXml } from './xml';

/** ExcelJS's built-in number formats (other built-in ids, locale-dependent, have none: the cell shows General) */
const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** number format of each cellXfs index (undefined: General / none) */
export type NumFmts = (string | undefined)[];

export function readNumFmts(bytes: Uint8Array | undefined): NumFmts {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let depth = 0;
  parseXml(decodeText(bytes), {
    open(name, a) {
      if (inCellXfs) {
        depth++;
        if (depth === 1 && name === 'xf') xfIds.push(parseInt(a.numFmtId ?? '', 10));
        return;
      }
      if (name === 'numFmt') {
        const id = parseInt(a.numFmtId ?? '', 10);
        // ExcelJS drops the backslash of escaped characters (`#,##0\ "€"` -> `#,##0 "€"`)
        if (a.formatCode !== undefined) custom.set(id, a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'cellXfs') {
        inCellXfs = true;
        depth = 0;
      }
    },
    close(name) {
      if (!inCellXfs) return;
      if (depth === 0 && name === 'cellXfs') inCellXfs = false;
      else depth--;
    },
  });
  // ExcelJS: a style whose numFmtId is 0 (or missing) has no number format
  return xfIds.map((id) => (id ? custom.get(id) || BUILT_IN[id] : undefined));
}

/**
 * Shared strings: a string, or null for an empty `<si/>` (ExcelJS reads it as an empty object: no value).
 * Rich text runs are joined; `_xHHHH_` decoded per `<t>`; phonetic runs (`<rPh>`) ignored.
 */
export function readSharedStrings(bytes: Uint8Array | undefined): (string | null)[] {
  if (!bytes) return [];
  const out: (string | null)[] = [];
  let plain: string | null = null;
  let runs: string[] | null = null;
  let inSi = false;
  let inRun = false;
  let skip = 0; // inside <rPh> or a run's <rPr>
  let text: string[] | null = null;
  parseXml(decodeText(bytes), {
    open(name) {
      if (skip) {
        skip++;
        return;
      }
      if (name === 'si') {
        inSi = true;
        plain = null;
        runs = null;
      } else if (!inSi) return;
      else if (name === 't') text = [];
      else if (name === 'r') {
        inRun = true;
        (runs ??= []).push('');
      } else if (name === 'rPh' || name === 'rPr') skip = 1;
    },
    text(s) {
      if (text && !skip) text.push(s);
    },
    close(name) {
      if (skip) {
        skip--;
        return;
      }
      if (name === 't' && text) {
        const t = decodeEscapes(text.join(''));
        text = null;
        if (inRun && runs) runs[runs.length - 1] += t;
        else plain = t;
      } else if (name === 'r') inRun = false;
      else if (name === 'si') {
        inSi = false;
        out.push(runs ? (runs as string[]).join('') : plain);
      }
    },
  });
  return out;
}
