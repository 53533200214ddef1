/**
 * The Rilevazioni form's pure logic: one entry per action, prefilled from the Rilevazioni sheet,
 * validated with the core's parseMeasurement (same messages), turned into cell writes.
 */
import { formatDateIt, formatNumberIt, isValidYmd, utcDate, type Cell, type CellValue } from '../domain/grid';
import type { CellWrite } from '../domain/plan';
import type { Rule, RuleKind } from '../domain/graduazione/types';
import { parseMeasurement } from '../domain/graduazione';
import { rilCell, type ColonnaRil, type TabellaRilevazioni } from '../domain/calcolo/rilevazioni';
import { refKey, rowKey, type AzioneRef } from '../domain/calcolo/azioni';
import { UI } from '../domain/testi/ui';
import { TESTI_GRADUAZIONE as TG } from '../domain/testi/graduazione';

export type SiNo = 'si' | 'no' | '';

/** what the form holds for one action, as text (what the user typed) */
export interface Entry {
  /** dd/mm/yyyy */
  data: string;
  valore: string;
  siNo: SiNo;
  manuale: boolean;
  /** percentage points as typed: "80", "80%", "72,5" */
  livello: string;
  motivazione: string;
  /** proporzionale without a number in ATTESO: the target, typed beside the value (written as "200 su 250") */
  target?: string;
}

export type EntryField = 'data' | 'valore' | 'target' | 'siNo' | 'livello' | 'motivazione';

/** a proportional rule whose ATTESO gives no number: the form must ask for the target (and show ATTESO) */
export function needsTarget(rule: Rule): boolean {
  return rule.kind === 'proporzionale' && rule.target === null;
}

/** the ATTESO text the form shows beside the target, or null */
export function attesoShown(rule: Rule): string | null {
  return rule.kind === 'proporzionale' && rule.atteso ? TG.modAtteso(rule.atteso) : null;
}

/** "200 su 250" -> value and target texts; anything else is the value alone */
function splitTarget(text: string): { valore: string; target: string } {
  const m = /^\s*(.+?)\s+su\s+(.+?)\s*$/i.exec(text);
  return m ? { valore: m[1]!, target: m[2]! } : { valore: text, target: '' };
}

export interface EntryCheck {
  errors: Partial<Record<EntryField, string>>;
  /** the values to write, by Rilevazioni column; null clears */
  values: Partial<Record<ColonnaRil, { value: CellValue; numFmt?: string }>>;
}

/** which field holds the measurement for a rule */
export function measureField(kind: RuleKind): 'data' | 'valore' | 'siNo' | null {
  if (kind === 'scadenza') return 'data';
  if (kind === 'binario') return 'siNo';
  if (kind === 'manuale') return null;
  return 'valore';
}

function textOf(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (v instanceof Date) return formatDateIt(v);
  if (cell.t && cell.t.trim()) return cell.t.trim();
  if (typeof v === 'number') return cell.f?.includes('%') ? `${formatNumberIt(v * 100)}%` : formatNumberIt(v, 6);
  if (typeof v === 'boolean') return v ? UI.rilevazioni.si : UI.rilevazioni.no;
  return v === null ? '' : String(v).trim();
}

function siNoOf(text: string): SiNo {
  const t = text.trim().toLowerCase();
  if (/^(s[iì]|vero|true|1|x)$/.test(t)) return 'si';
  if (/^(no|falso|false|0)$/.test(t)) return 'no';
  return '';
}

/** the level column as percentage points text ("80") */
function livelloText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (typeof v === 'number') {
    const pts = cell.f?.includes('%') || (v > 0 && v < 1) ? v * 100 : v;
    return formatNumberIt(pts);
  }
  return textOf(cell).replace(/\s*%$/, '');
}

export function emptyEntry(kind: RuleKind): Entry {
  return { data: '', valore: '', siNo: '', manuale: kind === 'manuale', livello: '', motivazione: '' };
}

/** the entry shown for a Rilevazioni row (or an empty one) */
export function entryFromRow(cells: Partial<Record<ColonnaRil, Cell>> | undefined, kind: RuleKind): Entry {
  if (!cells) return emptyEntry(kind);
  const { valore, target } = splitTarget(textOf(cells.valore));
  const livello = livelloText(cells.livelloManuale);
  return {
    data: textOf(cells.dataCompletamento),
    valore: kind === 'binario' ? '' : valore,
    ...(target ? { target } : {}),
    siNo: kind === 'binario' ? siNoOf(valore) : '',
    manuale: kind === 'manuale' || livello !== '',
    livello,
    motivazione: textOf(cells.motivazione),
  };
}

/** "31/12/2025" → Date; null when not a dd/mm/yyyy date or impossible */
export function parseDateIt(text: string): Date | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  if (!isValidYmd(y, Number(m[2]), Number(m[1]))) return null;
  return utcDate(y, Number(m[2]), Number(m[1]));
}

/** "80", "80%", "72,5" → points 0..100; null when not a level */
export function parseLivello(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

function pctFmt(points: number): string {
  return Number.isInteger(points) ? '0%' : '0.0%';
}

/** validate an entry against its rule; `initial` is what the sheet holds (only changed fields are written) */
export function checkEntry(entry: Entry, rule: Rule, initial: Entry): EntryCheck {
  const errors: EntryCheck['errors'] = {};
  const values: EntryCheck['values'] = {};
  const field = measureField(rule.kind);

  if (field === 'data' && entry.data.trim() !== initial.data.trim()) {
    if (!entry.data.trim()) values.dataCompletamento = { value: null };
    else {
      const r = parseMeasurement(entry.data.trim(), rule);
      if (!r.ok) errors.data = r.message;
      else if (r.m.kind === 'data') values.dataCompletamento = { value: r.m.date, numFmt: 'dd/mm/yyyy' };
      else if (r.m.kind === 'ritardo') values.valore = { value: entry.data.trim() };
      else errors.data = UI.rilevazioni.dataNonValida;
    }
  }
  if (field === 'siNo' && entry.siNo !== initial.siNo) {
    if (!entry.siNo) values.valore = { value: null };
    else {
      const r = parseMeasurement(entry.siNo === 'si' ? 'sì' : 'no', rule);
      if (!r.ok) errors.siNo = r.message;
      else values.valore = { value: entry.siNo === 'si' ? UI.rilevazioni.si : UI.rilevazioni.no };
    }
  }
  const asked = field === 'valore' && needsTarget(rule);
  const targetText = (entry.target ?? '').trim();
  const targetChanged = targetText !== (initial.target ?? '').trim();
  if (field === 'valore' && (entry.valore.trim() !== initial.valore.trim() || (asked && targetChanged))) {
    let text = entry.valore.trim();
    // a number needs its target; a percentage of the expected level does not
    if (asked && text && !text.endsWith('%')) {
      const t = targetText.replace(',', '.');
      if (!t) errors.target = TG.modTargetObbligatorio;
      else if (!/^\d+(\.\d+)?$/.test(t) || Number(t) <= 0) errors.target = TG.modTargetNonValido;
      else text = `${text} su ${targetText}`;
    }
    if (!text) values.valore = { value: null };
    else if (errors.target) {
      // nothing written until the target is given
    } else {
      const r = parseMeasurement(text, rule);
      if (!r.ok) errors.valore = r.message;
      else if (r.m.kind === 'numero' && r.m.target !== undefined) values.valore = { value: text };
      else if (r.m.kind === 'numero') values.valore = { value: r.m.value };
      else if (r.m.kind === 'percentuale') values.valore = { value: r.m.value / 100, numFmt: pctFmt(r.m.value) };
      else values.valore = { value: text };
    }
  }

  const livelloChanged = entry.livello.trim() !== initial.livello.trim() || entry.manuale !== initial.manuale;
  const motivoChanged = entry.motivazione.trim() !== initial.motivazione.trim();
  if (entry.manuale && entry.livello.trim()) {
    const pts = parseLivello(entry.livello);
    if (pts === null) errors.livello = UI.rilevazioni.livelloNonValido;
    else if (livelloChanged) values.livelloManuale = { value: pts / 100, numFmt: pctFmt(pts) };
    if (!entry.motivazione.trim()) errors.motivazione = UI.rilevazioni.motivazioneObbligatoria;
  } else if (livelloChanged && initial.livello.trim()) {
    values.livelloManuale = { value: null };
  }
  if (motivoChanged) values.motivazione = { value: entry.motivazione.trim() || null };
  return { errors, values };
}

/** the Rilevazioni row of an action */
export function findRow(t: TabellaRilevazioni, foglio: string, scheda: number, anno: number, n: number) {
  const key = rowKey(foglio, scheda, anno, n);
  return t.rows.find((r) => r.key === key);
}

/** cell writes for a checked entry on its Rilevazioni row */
export function writesFor(t: TabellaRilevazioni, row: number, check: EntryCheck): CellWrite[] {
  const out: CellWrite[] = [];
  for (const [k, v] of Object.entries(check.values) as [ColonnaRil, { value: CellValue; numFmt?: string }][]) {
    if (t.columns[k] === undefined) continue;
    out.push({ sheet: t.sheet, address: rilCell(t, row, k), value: v.value, ...(v.numFmt ? { numFmt: v.numFmt } : {}) });
  }
  return out;
}

/**
 * The writes of the form's entries on the Rilevazioni table as read now: each action's row is found again by its key
 * (sorting the table moves rows); a row whose values differ from what the form was opened on was changed by someone
 * else since, and is reported (its sheet!row) instead of written.
 */
export function scritturePerRighe(
  fresh: TabellaRilevazioni | null,
  refs: readonly AzioneRef[],
  initial: Record<string, { entry: Entry; row: number | null }>,
  entries: Record<string, Entry>,
): { writes: CellWrite[]; count: number; cambiate: string[] } {
  const writes: CellWrite[] = [];
  const cambiate: string[] = [];
  let count = 0;
  for (const r of refs) {
    const k = refKey(r);
    const init = initial[k];
    if (!init || init.row === null) continue;
    const row = fresh ? findRow(fresh, r.scheda.sheet, r.scheda.index, r.anno, r.n) : undefined;
    const check = checkEntry(entries[k] ?? init.entry, r.rule, init.entry);
    if (!Object.keys(check.values).length) continue;
    if (!fresh || !row || JSON.stringify(entryFromRow(row.cells, r.rule.kind)) !== JSON.stringify(init.entry)) {
      cambiate.push(fresh && row ? `${fresh.sheet}!${row.row + 1}` : `${r.scheda.sheet} azione ${r.n}`);
      continue;
    }
    const w = writesFor(fresh, row.row, check);
    if (w.length) count++;
    writes.push(...w);
  }
  return { writes, count, cambiate };
}
