/**
 * The package is edited in place: prepara → calcola → annulla on a workbook that carries what municipal files carry
 * (notes, threaded comments, a drawing, custom properties, defined names, protection, a macro project) leaves every
 * part the plan did not need byte-identical, changes only the written cells of a card's sheet, appends styles.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annullaDettagli, calcola, preparaRilevazioni } from '../../src/domain/calcolo';
import { utcDate } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/scheda';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { NOW, SAMPLE, typeRilevazioni } from '../calcolo/helpers';
import { exceljsOf } from '../helpers/exceljs';

type Files = Record<string, Uint8Array>;

/** the sample workbook plus the parts a real Comune's file carries, wired in as Excel wires them */
function decorated(): { bytes: Uint8Array; extra: Record<string, string> } {
  const files: Files = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const text = (n: string) => strFromU8(files[n]);
  const extra: Record<string, string> = {
    'xl/comments1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Giulia Segreteria</author></authors><commentList><comment ref="C15" authorId="0"><text><r><t>Verificare con l\'ufficio</t></r></text></comment></commentList></comments>',
    'xl/threadedComments/threadedComment1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C15" dT="2025-01-10T09:00:00.00" personId="{6B1D}" id="{1A2B}"><text>Verificare con l\'ufficio</text></threadedComment></ThreadedComments>',
    'xl/persons/person.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Giulia Segreteria" id="{6B1D}" userId="giulia" providerId="None"/></personList>',
    'xl/drawings/drawing1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Casella di testo 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Bozza per la Giunta</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    'docProps/custom.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Ente"><vt:lpwstr>Comune di Sarzana</vt:lpwstr></property></Properties>',
    'xl/vbaProject.bin': 'progetto VBA (finto)',
  };
  for (const [n, t] of Object.entries(extra)) files[n] = strToU8(t);
  // the first card's sheet points at its note, threaded comment and drawing
  const wbRels = text('xl/_rels/workbook.xml.rels');
  const sheet1 = /Target="(?:\/xl\/)?(worksheets\/[^"]+)"/.exec(wbRels)![1];
  const sheetPart = `xl/${sheet1}`;
  const relsPart = `xl/worksheets/_rels/${sheet1.split('/')[1]}.rels`;
  const rels = files[relsPart] ? text(relsPart) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  files[relsPart] = strToU8(
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
        '<Relationship Id="rIdT1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
        '<Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    ),
  );
  files[sheetPart] = strToU8(text(sheetPart).replace('</worksheet>', '<drawing r:id="rIdD1"/></worksheet>'));
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    wbRels.replace('</Relationships>', '<Relationship Id="rIdP1" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/><Relationship Id="rIdV1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  // names (a constant and a sheet-scoped one), workbook protection
  files['xl/workbook.xml'] = strToU8(
    text('xl/workbook.xml')
      .replace(/<definedNames>[\s\S]*?<\/definedNames>/, '')
      .replace('</sheets>', '</sheets><definedNames><definedName name="Soglia">0.8</definedName><definedName name="Responsabile" localSheetId="0">"Segretario generale"</definedName></definedNames>')
      .replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'),
  );
  files['[Content_Types].xml'] = strToU8(
    text('[Content_Types].xml')
      .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
      .replace(
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
      ),
  );
  return { bytes: zipSync(files), extra };
}

async function step(wb: XlsxWorkbook, make: (grids: Awaited<ReturnType<XlsxWorkbook['readSheets']>>) => Parameters<XlsxWorkbook['applyWritePlan']>[0]) {
  const grids = await wb.readSheets();
  await wb.applyWritePlan(make(grids));
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

/** parts whose content differs between two packages, and parts only in one (directory entries are not parts) */
function partDiff(a: Files, b: Files): { changed: string[]; added: string[]; removed: string[] } {
  a = Object.fromEntries(Object.entries(a).filter(([n]) => !n.endsWith('/')));
  const eq = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return {
    changed: Object.keys(a).filter((n) => b[n] && !eq(a[n], b[n])).sort(),
    added: Object.keys(b).filter((n) => !a[n]).sort(),
    removed: Object.keys(a).filter((n) => !b[n]).sort(),
  };
}

describe('the package is edited in place', () => {
  it('prepara, calcola and annulla leave every part they do not need byte-identical', async () => {
    const { bytes, extra } = decorated();
    const original = unzipSync(bytes);

    const prepared = await step(await XlsxWorkbook.fromBuffer(bytes), (g) => preparaRilevazioni(readWorkbook(g), g));
    const afterPrep = unzipSync(await prepared.toBuffer());
    const p = partDiff(original, afterPrep);
    // a new sheet: its part, and the workbook's lists of parts; the styles it needs are appended
    expect(p.removed).toEqual([]);
    expect(p.added.filter((n) => !/^xl\/(worksheets\/sheet\d+\.xml|tables\/table\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/.test(n))).toEqual([]);
    expect(p.changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']);
    for (const [n, t] of Object.entries(extra)) expect(strFromU8(afterPrep[n]), n).toBe(t);
    // styles: the original is a prefix of each appended list (nothing renumbered)
    const st0 = strFromU8(original['xl/styles.xml']);
    const st1 = strFromU8(afterPrep['xl/styles.xml']);
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(st1).startsWith(xfs(st0))).toBe(true);
    // the macro workbook stays one; names and protection stay
    expect(strFromU8(afterPrep['[Content_Types].xml'])).toContain('macroEnabled.main+xml');
    const book = strFromU8(afterPrep['xl/workbook.xml']);
    expect(book).toContain('<definedName name="Soglia">0.8</definedName>');
    expect(book).toContain('<definedName name="Responsabile" localSheetId="0">"Segretario generale"</definedName>');
    expect(book).toContain('<workbookProtection lockStructure="1"/>');

    await typeRilevazioni(prepared, [
      { foglio: 'Trasparenza', anno: 2024, n: 1, data: utcDate(2025, 1, 20) },
      { foglio: 'Trasparenza', anno: 2024, n: 3, valore: '2,5' },
    ]);
    const measured = await XlsxWorkbook.fromBuffer(await prepared.toBuffer());
    const measuredBytes = await measured.toBuffer();
    const beforeCalc = unzipSync(measuredBytes);
    const computed = await step(measured, (g) => calcola(readWorkbook(g), g, { now: NOW }).plan);
    const afterCalc = unzipSync(await computed.toBuffer());
    const c = partDiff(beforeCalc, afterCalc);
    // the card's sheet, the new Riepilogo and bookkeeping sheets; nothing else
    const sheetPartOf = async (wb: XlsxWorkbook, name: string) => {
      const rels = strFromU8(unzipSync(await wb.toBuffer())['xl/_rels/workbook.xml.rels']);
      const book = strFromU8(unzipSync(await wb.toBuffer())['xl/workbook.xml']);
      const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
      return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]}`.replace('xl//xl/', 'xl/');
    };
    const trasparenza = await sheetPartOf(computed, 'Trasparenza');
    expect(c.changed.filter((n) => ![trasparenza, '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].includes(n))).toEqual([]);
    for (const [n, t] of Object.entries(extra)) expect(strFromU8(afterCalc[n]), n).toBe(t);

    // in the card's sheet only the RAGGIUNTO/% cells of the measured actions changed
    const cellsOf = (xml: string) => new Map((xml.match(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? []).map((c) => [/r="([A-Z]+\d+)"/.exec(c)![1], c]));
    const before = cellsOf(strFromU8(beforeCalc[trasparenza]));
    const after = cellsOf(strFromU8(afterCalc[trasparenza]));
    const touched = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
    expect(touched).toEqual(['H15', 'H17', 'I15', 'I17']);

    // undo: the card's cells come back with their formats, the add-in's sheets go with every reference to them
    const undone = await step(computed, (g) => annullaDettagli(g)!.plan);
    const afterUndo = unzipSync(await undone.toBuffer());
    const restored = cellsOf(strFromU8(afterUndo[trasparenza]));
    for (const k of touched) {
      const was = before.get(k);
      const now = restored.get(k);
      // same value (the style index may be a new one with the same format: checked below)
      expect(now?.replace(/ s="\d+"/, ''), k).toBe(was?.replace(/ s="\d+"/, ''));
    }
    const x = await exceljsOf(undone);
    const x0 = await exceljsOf(await XlsxWorkbook.fromBuffer(measuredBytes));
    for (const k of touched) expect(x.getWorksheet('Trasparenza')!.getCell(k).numFmt, k).toBe(x0.getWorksheet('Trasparenza')!.getCell(k).numFmt);
    for (const [n, t] of Object.entries(extra)) expect(strFromU8(afterUndo[n]), n).toBe(t);
    expect(strFromU8(afterUndo['xl/workbook.xml'])).not.toContain('Riepilogo');
  });

  it('a table grows with the rows written below it; a 1904 workbook gets 1904 serials', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/<workbookPr\b[^>]*?\/>/, '<workbookPr date1904="1"/>'));
    if (!strFromU8(files['xl/workbook.xml']).includes('date1904')) {
      files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'));
    }
    const wb = await XlsxWorkbook.fromBuffer(zipSync(files));
    await wb.applyWritePlan({ cells: [{ sheet: 'Trasparenza', address: 'M40', value: utcDate(2025, 1, 20) }] });
    const sheet = strFromU8(unzipSync(await wb.toBuffer())['xl/worksheets/sheet1.xml']);
    // 20/01/2025 is 45677 in the 1900 system, 1462 days less from 1904
    expect(/<c r="M40"[^>]*><v>(\d+)<\/v>/.exec(sheet)?.[1]).toBe(String(45677 - 1462));
    const [g] = await (await XlsxWorkbook.fromBuffer(await wb.toBuffer())).readSheets();
    expect((g.rows[39][12]?.v as Date).toISOString().slice(0, 10)).toBe('2025-01-20');
    expect(g.rows[39][12]?.t).toBe('20/01/2025');
  });
});
