/**
 * parseMeasurement: what people type in "Valore rilevato" / "Data completamento" -> Measurement,
 * read for the rule it will be evaluated with. Never throws: nonsense gets an Italian message.
 * Accepted: a Date, an Excel serial date, 20/01/2025 (also 20.01.2025, 20/01/25, 2025-01-20),
 * `12 gg` / `ritardo 12 giorni` / `nei termini`, `1,5`, `2 ore`, `85%`, 0.85 when the cell was
 * %-formatted, `sì` / `si` / `no`.
 */
import { TESTI_GRADUAZIONE as T } from '../testi/graduazione';
import { serialToDate } from '../grid';
import { looksLikeDateSerial, makeDate, parseDateIt } from '../valori';
import { tokenize } from './tokens';
import type { Measurement, Rule, RuleKind } from './types';

export type MeasurementResult = { ok: true; m: Measurement } | { ok: false; message: string };

export function ruleKindLabel(kind: RuleKind): string {
  return T.tipo(kind) ?? String(kind);
}

const YES = new Set(['sì', 'si', 's', 'yes', 'vero', 'x', 'fatto', 'fatta', 'completato', 'completata', 'presentato', 'presentata', 'raggiunto', 'ok']);
const NO = new Set(['no', 'n', 'falso', 'non completato', 'non completata', 'non fatto', 'non presentato', 'non presentata', 'non raggiunto']);
const ON_TIME = new Set(['nei termini', 'in tempo', 'in termini', 'puntuale', 'nessun ritardo', 'rispettato']);
const FILLER = new Set(['ritardo', 'di', 'circa', 'pari', 'a']);
const DAY_UNITS = new Set(['gg', 'g', 'giorni', 'giorno']);
const HOUR_UNITS = new Set(['ore', 'ora', 'h']);

function expected(kind: RuleKind): string {
  switch (kind) {
    case 'scadenza':
      return T.servePerScadenza;
    case 'soglia':
      return T.servePerSoglia;
    case 'percentuale':
      return T.servePerPercentuale;
    case 'binario':
      return T.servePerBinario;
    case 'proporzionale':
      return T.servePerProporzionale;
    default:
      return T.servePerManuale;
  }
}

const fail = (message: string): MeasurementResult => ({ ok: false, message });
const ok = (m: Measurement): MeasurementResult => ({ ok: true, m });

function fromDate(d: Date, kind: RuleKind): MeasurementResult {
  if (kind === 'scadenza' || kind === 'binario') return ok({ kind: 'data', date: d });
  return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
}

function fromNumber(n: number, kind: RuleKind, percentFormatted: boolean, shown: string): MeasurementResult {
  switch (kind) {
    case 'scadenza':
      if (looksLikeDateSerial(n) && Number.isInteger(n)) return ok({ kind: 'data', date: serialToDate(n) });
      if (n < 0) return fail(T.ritardoNegativo);
      return ok({ kind: 'ritardo', days: n });
    case 'binario':
      if (n === 1 || n === 0) return ok({ kind: 'booleano', value: n === 1 });
      if (looksLikeDateSerial(n) && Number.isInteger(n)) return ok({ kind: 'data', date: serialToDate(n) });
      return fail(T.valoreIlleggibile(shown, expected(kind)));
    case 'percentuale':
    case 'manuale': {
      const v = percentFormatted || (kind === 'manuale' && n > 0 && n < 1) ? n * 100 : n;
      if (v < 0 || v > 100) return fail(T.percentualeFuori(`${shown}${percentFormatted ? '' : '%'}`));
      return ok({ kind: 'percentuale', value: v });
    }
    case 'proporzionale':
      if (n < 0) return fail(T.numeroNegativo(shown));
      return percentFormatted ? ok({ kind: 'percentuale', value: n * 100 }) : ok({ kind: 'numero', value: n });
    default:
      return ok({ kind: 'numero', value: percentFormatted ? n * 100 : n });
  }
}

export function parseMeasurement(
  input: string | number | boolean | Date | null,
  rule: Rule,
  opts: { percentFormatted?: boolean } = {},
): MeasurementResult {
  try {
    const kind: RuleKind = rule?.kind ?? 'manuale';
    if (input === null || input === undefined) return fail(T.nessunaMisura);
    if (input instanceof Date) {
      if (Number.isNaN(input.getTime())) return fail(T.valoreIlleggibile(String(input), expected(kind)));
      return fromDate(input, kind);
    }
    if (typeof input === 'boolean') {
      if (kind === 'binario' || kind === 'scadenza') return ok({ kind: 'booleano', value: input });
      return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
    }
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) return fail(T.valoreIlleggibile(String(input), expected(kind)));
      return fromNumber(input, kind, !!opts?.percentFormatted, String(input).replace('.', ','));
    }
    const raw = String(input).trim();
    const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
    if (!s) return fail(T.nessunaMisura);
    if (YES.has(s) || NO.has(s)) {
      const value = YES.has(s);
      if (kind === 'binario' || (kind === 'scadenza' && !value)) return ok({ kind: 'booleano', value });
      return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
    }
    if (ON_TIME.has(s)) {
      if (kind === 'scadenza') return ok({ kind: 'ritardo', days: 0 });
      if (kind === 'binario') return ok({ kind: 'booleano', value: true });
      return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
    }
    // a whole date: 20/01/2025, 20.01.25, 2025-01-20 (an ISO time after it is ignored)
    const iso = /^(\d{4}-\d{2}-\d{2})t.*$/.exec(s);
    const whole = parseDateIt(iso ? iso[1]! : s);
    if (whole) return whole.date ? fromDate(whole.date, kind) : fail(T.dataInesistente(iso ? raw : s));
    // "200 su 250": the value and the target of a proportional rule (ATTESO may give no number)
    const su = /^(\d+(?:[.,]\d+)?)\s*(?:su|\/)\s*(\d+(?:[.,]\d+)?)$/.exec(s);
    if (su && kind === 'proporzionale') {
      const value = Number(su[1]!.replace(',', '.'));
      const target = Number(su[2]!.replace(',', '.'));
      if (target <= 0) return fail(T.targetZero);
      return ok({ kind: 'numero', value, target });
    }
    const toks = tokenize(s).filter((t) => t.t !== 'sep' && !(t.t === 'word' && FILLER.has(t.v)));
    const first = toks[0];
    if (first?.t === 'date' && toks.length === 1) {
      if (first.y === null) return fail(T.valoreIlleggibile(raw, expected(kind)));
      const d = makeDate(first.y, first.m, first.d);
      return d ? fromDate(d, kind) : fail(T.dataInesistente(first.raw));
    }
    let i = 0;
    let negative = false;
    if (toks[0]?.t === 'op' && toks[0].v === '-') {
      negative = true;
      i = 1;
    }
    const num = toks[i];
    if (num?.t !== 'num') return fail(T.valoreIlleggibile(raw, expected(kind)));
    const value = negative ? -num.v : num.v;
    let unit: '' | '%' | 'gg' | 'ore' = '';
    for (const t of toks.slice(i + 1)) {
      if (t.t === 'pct' && !unit) unit = '%';
      else if (t.t === 'word' && DAY_UNITS.has(t.v) && !unit) unit = 'gg';
      else if (t.t === 'word' && HOUR_UNITS.has(t.v) && !unit) unit = 'ore';
      else if (t.t === 'word' && (t.v === 'lavorativi' || t.v === 'lavorativo')) continue;
      else return fail(T.valoreIlleggibile(raw, expected(kind)));
    }
    const shown = raw;
    if (unit === '%') {
      if (value < 0 || value > 100) return fail(T.percentualeFuori(shown));
      if (kind === 'scadenza' || kind === 'binario') return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
      if (kind === 'soglia') return ok({ kind: 'numero', value });
      return ok({ kind: 'percentuale', value });
    }
    if (unit === 'gg') {
      if (kind === 'scadenza' || kind === 'binario') return value < 0 ? fail(T.ritardoNegativo) : ok({ kind: 'ritardo', days: value });
      if (kind === 'soglia' || kind === 'proporzionale') return ok({ kind: 'numero', value });
      return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
    }
    if (unit === 'ore') {
      if (kind === 'soglia' || kind === 'proporzionale') return value < 0 ? fail(T.numeroNegativo(shown)) : ok({ kind: 'numero', value });
      return fail(T.misuraNonAdatta(T.tipo(kind), expected(kind)));
    }
    if (kind === 'scadenza') return value < 0 ? fail(T.ritardoNegativo) : ok({ kind: 'ritardo', days: value });
    if (kind === 'binario') return value === 1 || value === 0 ? ok({ kind: 'booleano', value: value === 1 }) : fail(T.valoreIlleggibile(raw, expected(kind)));
    return fromNumber(value, kind, false, shown);
  } catch {
    return fail(T.valoreIlleggibile(String(input), T.servePerManuale));
  }
}
