/**
 * `schede valuta --graduazione TEXT --valore V [--tempi T] [--atteso A] [--anno YYYY] [--json]`:
 * read one graduation rule, evaluate one measured value, print the level and why.
 * Exit codes: 2 on bad input (unknown option, missing --graduazione/--valore, unreadable value), 0 otherwise.
 * JSON: {"tipo","livello","riferimento","fasce":[{"da","a","livello"}],"avvisi":[{"codice","messaggio"}],
 *        "raggiunto","spiegazione","graduazione"} (livello 0..1 or null; riferimento YYYY-MM-DD or null).
 */
import { evaluate, parseGraduazione, parseMeasurement, printRule, ruleKindLabel } from '../../domain/graduazione';
import { formatDateIt, formatIsoDate } from '../../domain/grid';
import { TESTI_GRADUAZIONE as T } from '../../domain/testi/graduazione';
import { annoOption, parseOptions } from '../files';
import type { CliIo } from '../io';

export interface ValutaJson {
  tipo: string;
  livello: number | null;
  riferimento: string | null;
  fasce: { da: number | null; a: number | null; livello: number }[];
  avvisi: { codice: string; messaggio: string }[];
  raggiunto: string;
  spiegazione: string;
  graduazione: string;
}

/**
 * `--valore -5` / `--valore "-5 gg"`: a value that starts with a minus is the option's value, not another option
 * (a payment delay indicator or an early completion is negative), so it is joined as `--valore=-5`.
 */
export function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a === '--valore' && next !== undefined && /^-\s*\d/.test(next)) {
      out.push(`--valore=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export async function valuta(args: string[], io: Pick<CliIo, 'out' | 'err'>): Promise<number> {
  const values = parseOptions(
    joinNegativeValues(args),
    {
      graduazione: { type: 'string' },
      valore: { type: 'string' },
      tempi: { type: 'string' },
      atteso: { type: 'string' },
      anno: { type: 'string' },
      json: { type: 'boolean' },
    },
    T,
    io,
  );
  if (!values) return 2;
  if (values.graduazione === undefined) {
    io.err(T.manca('graduazione'));
    return 2;
  }
  if (values.valore === undefined) {
    io.err(T.manca('valore'));
    return 2;
  }
  let anno: number | undefined;
  if (values.anno !== undefined) {
    const a = annoOption(values.anno);
    if (a === null) {
      io.err(T.annoNonValido(values.anno));
      return 2;
    }
    anno = a;
  }
  const rule = parseGraduazione(values.graduazione, { tempi: values.tempi ?? null, atteso: values.atteso ?? null, anno: anno ?? null });
  const m = parseMeasurement(values.valore, rule);
  if (!m.ok) {
    io.err(m.message);
    return 2;
  }
  const ev = evaluate(rule, m.m, anno !== undefined ? { anno } : {});
  const avvisi = [...rule.warnings, ...ev.warnings].map((w) => ({ codice: w.code, messaggio: w.message }));
  if (values.json) {
    const json: ValutaJson = {
      tipo: rule.kind,
      livello: ev.level,
      riferimento: rule.reference?.date ? formatIsoDate(rule.reference.date) : null,
      fasce: rule.bands.map((b) => ({ da: b.from, a: b.to, livello: b.level })),
      avvisi,
      raggiunto: ev.raggiunto,
      spiegazione: ev.spiegazione,
      graduazione: printRule(rule),
    };
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const lines = [T.cliTipo(ruleKindLabel(rule.kind))];
  if (rule.reference) lines.push(T.cliRiferimento(rule.reference.date ? formatDateIt(rule.reference.date) : rule.reference.text, T.fonteRiferimento(rule.reference.source)));
  if (rule.kind !== 'manuale') lines.push(T.cliRegola(printRule(rule)));
  if (ev.raggiunto) lines.push(T.cliRaggiunto(ev.raggiunto));
  lines.push(ev.level === null ? T.cliNonCalcolabile(ev.reason ?? '') : T.cliLivello(`${String(Math.round(ev.level * 1000) / 10).replace('.', ',')}%`));
  if (ev.level !== null) lines.push(T.cliSpiegazione(ev.spiegazione));
  for (const a of avvisi) lines.push(T.cliAvviso(a.codice, a.messaggio));
  io.out(lines.join('\n'));
  return 0;
}
