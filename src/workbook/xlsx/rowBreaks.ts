/**
 * Manual page breaks survive a load → save: ExcelJS 4.4 writes `<rowBreaks>` but never reads them, so a CLI run
 * over a Comune's file would silently drop the page breaks people set for printing. We read them from each
 * sheet's XML (located through workbook.xml and its relationships) and give them back to ExcelJS.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** sheet name → manual row breaks (1-based rows after which a page ends) */
export async function readRowBreaks(data: Uint8Array): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const zip = await JSZip.loadAsync(data);
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const rid = attr(tag, 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    if (!name || !path) continue;
    const xml = await zip.file(path)?.async('string');
    const block = xml && /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml);
    if (!block) continue;
    const rows = (block[1].match(/<brk\b[^>]*>/g) ?? [])
      .filter((b) => attr(b, 'man') === '1' || attr(b, 'man') === 'true')
      .map((b) => Number(attr(b, 'id')))
      .filter((n) => Number.isInteger(n) && n > 0);
    if (rows.length) out.set(decodeXml(name), rows);
  }
  return out;
}

/** give ExcelJS back the manual page breaks it did not read; never fails a load */
export async function restoreRowBreaks(wb: ExcelJS.Workbook, data: Uint8Array): Promise<void> {
  try {
    const breaks = await readRowBreaks(data);
    for (const [name, rows] of breaks) {
      const ws = wb.getWorksheet(name);
      if (!ws || (ws as unknown as { rowBreaks: unknown[] }).rowBreaks.length) continue;
      for (const r of rows) ws.getRow(r).addPageBreak();
    }
  } catch {
    // a package we cannot inflate here loses its page breaks, as before; the load itself already succeeded
  }
}
