/**
 * What an .xlsx package holds that ExcelJS reads past and a save therefore drops (chart sheets, charts,
 * pivot tables, slicers, macros, links to other workbooks). Only the zip's central directory is read:
 * part names are stored uncompressed there, so no inflating and no dependency is needed.
 */
import { TESTI_XLSX } from '../../domain/testi/xlsx';

/** the names of the parts of a zip package ([] when it is not a readable zip) */
export function partNames(data: Uint8Array): string[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // End Of Central Directory: 22 bytes + a comment of up to 65 535 bytes, at the end
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= data.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > data.length) break;
    names.push(decoder.decode(data.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const DROPPED: { re: RegExp; what: (n: number) => string }[] = [
  { re: /^xl\/chartsheets\/[^/]+\.xml$/i, what: TESTI_XLSX.persi.fogliGrafico },
  { re: /^xl\/charts\/chart[^/]*\.xml$/i, what: TESTI_XLSX.persi.grafici },
  { re: /^xl\/pivotTables\/[^/]+\.xml$/i, what: TESTI_XLSX.persi.pivot },
  { re: /^xl\/slicers\/[^/]+\.xml$/i, what: TESTI_XLSX.persi.filtri },
  { re: /^xl\/vbaProject\.bin$/i, what: TESTI_XLSX.persi.macro },
  { re: /^xl\/externalLinks\/[^/]+\.xml$/i, what: TESTI_XLSX.persi.collegamenti },
];

/** Italian notes on what a package holds that a save through ExcelJS will not keep ([] when nothing) */
export function unsupportedParts(data: Uint8Array): string[] {
  const names = partNames(data);
  const out: string[] = [];
  for (const d of DROPPED) {
    const n = names.filter((x) => d.re.test(x)).length;
    if (n > 0) out.push(d.what(n));
  }
  return out;
}
