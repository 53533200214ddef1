/**
 * New sheets into the user's package: each planned sheet is built by ExcelJS in a scratch package
 * (`buildSheets`), then moved in as a new part — its styles appended to the user's styles.xml, its tables given
 * free part names, ids and names, its print titles and areas added as names scoped to it. A sheet the plan
 * replaces (the add-in's own) keeps its place and its entry in the workbook; only its parts are renewed.
 */
import type { SheetPlan } from '../../domain/plan';
import {
  CT_TABLE,
  REL_TABLE,
  addNames,
  addSheetEntry,
  dropCalcChain,
  listSheets,
  maxTableId,
  removeNamesOf,
  removeSheetParts,
  setSheetState,
  tablesOf,
  workbookPart,
} from './book';

import { Parts, addOverride, addRel, attr, freePartName, relativeTarget, setAttr } from './parts';
import { StyleBook } from './styles';

/** the style indexes of a scratch sheet's XML, re-pointed at the user's styles.xml */
function remapStyles(xml: string, from: StyleBook, to: StyleBook): string {
  const xfs = new Map<number, number>();
  const dxfs = new Map<number, number>();
  const xf = (n: number) => {
    let v = xfs.get(n);
    if (v === undefined) xfs.set(n, (v = n === 0 ? 0 : to.importXf(from, n)));
    return v;
  };
  return xml.replace(/<(c|row|col|cfRule)\b[^>]*>/g, (tag, name: string) => {
    const a = name === 'col' ? 'style' : name === 'cfRule' ? 'dxfId' : 's';
    const v = attr(tag, a);
    if (v === null || !/^\d+$/.test(v)) return tag;
    if (name === 'cfRule') {
      const n = Number(v);
      let d = dxfs.get(n);
      if (d === undefined) dxfs.set(n, (d = to.importDxf(from, n)));
      return setAttr(tag, a, String(d));
    }
    return setAttr(tag, a, String(xf(Number(v))));
  });
}

/** shared strings of the scratch package written inline, so the user's sharedStrings.xml is not touched */
function inlineStrings(xml: string, sst: string[]): string {
  return xml.replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (m, a: string, b: string, i: string) => {
    const si = sst[Number(i)];
    return si === undefined ? m : `<c${a} t="inlineStr"${b}><is>${si}</is></c>`;
  });
}

function sharedStrings(parts: Parts): string[] {
  const xml = parts.text('xl/sharedStrings.xml');
  return (xml.match(/<si\b[^>]*?(?:\/>|>[\s\S]*?<\/si>)/g) ?? []).map((si) => si.replace(/^<si\b[^>]*?(?:\/>|>)/, '').replace(/<\/si>$/, ''));
}

function tableNames(parts: Parts): Set<string> {
  const out = new Set<string>();
  for (const n of parts.names()) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(n)) continue;
    const tag = /<table\b[^>]*>/.exec(parts.text(n))?.[0] ?? '';
    for (const a of ['name', 'displayName']) {
      const v = attr(tag, a);
      if (v) out.add(v.toLowerCase());
    }
  }
  return out;
}

export async function addPlannedSheets(parts: Parts, styles: StyleBook, plans: SheetPlan[], date1904: boolean): Promise<void> {
  if (!plans.length) return;
  // ExcelJS only when a plan makes sheets: reading and cell writes never load it
  const { buildSheets } = await import('./exceljsPlan');
  const scratch = Parts.fromZip(await buildSheets(plans, date1904));
  const scratchStyles = new StyleBook(scratch.text('xl/styles.xml'));
  const sst = sharedStrings(scratch);
  const scratchSheets = listSheets(scratch);
  const scratchNames = scratch.text(workbookPart(scratch)).match(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g) ?? [];
  let tableId = maxTableId(parts);

  plans.forEach((sp, k) => {
    const src = scratchSheets[k];
    if (!src) return;
    let xml = inlineStrings(remapStyles(scratch.text(src.part), scratchStyles, styles), sst);
    const existing = listSheets(parts).find((s) => s.name.toLowerCase() === sp.name.toLowerCase());
    let target;
    if (existing && sp.mode === 'replace') {
      removeSheetParts(parts, existing.part);
      removeNamesOf(parts, existing.index);
      setSheetState(parts, existing, src.state);
      dropCalcChain(parts);
      parts.setText(existing.part, xml);
      target = existing;
    } else {
      target = addSheetEntry(parts, sp.name, xml, src.state);
    }

    const taken = tableNames(parts);
    const rids = new Map<string, string>();
    for (const t of tablesOf(scratch, src.part)) {
      const part = freePartName(parts, (n) => `xl/tables/table${n}.xml`);
      let txml = scratch.text(t.part).replace(/<table\b[^>]*>/, (tag) => {
        let out = setAttr(tag, 'id', String(++tableId));
        let name = attr(tag, 'name') ?? 'Tabella';
        const base = name;
        for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
        taken.add(name.toLowerCase());
        out = setAttr(setAttr(out, 'name', name), 'displayName', name);
        return out;
      });
      txml = txml.replace(/\r?\n$/, '');
      parts.setText(part, txml);
      addOverride(parts, part, CT_TABLE);
      rids.set(t.rid, addRel(parts, target.part, REL_TABLE, relativeTarget(target.part, part)));
    }
    // relationship ids of the scratch sheet → ours; anything else the scratch sheet pointed at is not carried over
    xml = xml.replace(/<(\w+)\b[^>]*\sr:id="([^"]*)"[^>]*\/>/g, (el, _n, id: string) => {
      const mapped = rids.get(id);
      return mapped ? el.replace(`r:id="${id}"`, `r:id="${mapped}"`) : /^<tablePart\b/.test(el) ? '' : el;
    });
    parts.setText(target.part, xml);

    const names = scratchNames
      .filter((dn) => attr(/^<definedName\b[^>]*>/.exec(dn)![0], 'localSheetId') === String(src.index))
      .map((dn) => dn.replace(/^<definedName\b[^>]*>/, (open) => setAttr(open, 'localSheetId', String(target.index))));
    addNames(parts, names);
  });
}
