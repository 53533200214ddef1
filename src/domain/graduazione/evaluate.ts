/**
 * evaluate: rule + measurement -> level 0..1 (or null with a reason), the RAGGIUNTO text and an
 * explanation naming the band that decided. Never throws.
 *  - scadenza: delay = completion − reference (calendar days, working days when the rule says
 *    `lavorativi`); a delay already counted (`ritardo`) is used as is;
 *  - soglia / percentuale: the band holding the value; in a gap between two bands the lower of the
 *    two levels (with a warning); outside every band 0%;
 *  - binario: sì/no (a completion date or a delay is "sì" when within the deadline);
 *  - proporzionale: min(1, value / target); a percentage is already value/target;
 *  - manuale: only a level typed by hand (a `percentuale` measurement) is taken.
 */
import { formatDateIt } from '../grid';
import { TESTI_GRADUAZIONE as T } from '../testi/graduazione';
import { makeDate } from '../valori';
import { calendarDelay, lastDayOfMonth, workingDelay } from './dates';
import { contains } from './intervals';
import { bandIv, fmtNum } from './bands';
import { bandLabel, pctText, rangeText } from './print';
import { tokenize } from './tokens';
import type { Band, Evaluation, Lineare, Measurement, Rule, RuleWarning } from './types';

function result(level: number | null, raggiunto: string, spiegazione: string, band: Band | null = null, reason?: string, warnings: RuleWarning[] = []): Evaluation {
  const e: Evaluation = { level, raggiunto, band, spiegazione, warnings };
  if (reason !== undefined) e.reason = reason;
  return e;
}

function notComputable(reason: string, raggiunto = ''): Evaluation {
  return result(null, raggiunto, reason, null, reason);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** the reference date of a rule, resolving a date written without the year with `anno` */
function referenceDate(rule: Rule, anno?: number): Date | null {
  const ref = rule.reference;
  if (!ref) return null;
  if (ref.date) return ref.date;
  if (anno === undefined) return null;
  const t = tokenize(ref.text).find((x) => x.t === 'date');
  if (t?.t !== 'date' || t.y !== null) return null;
  return makeDate(anno, t.m, t.monthEnd ? lastDayOfMonth(anno, t.m) : t.d);
}

function noReferenceReason(rule: Rule): string {
  const w = rule.warnings.find((x) => x.code === 'DATA_IMPOSSIBILE' || x.code === 'RIFERIMENTO_MANCANTE');
  return w ? w.message : T.riferimentoMancante;
}

/** the level of a range of levels at x: linear between its ends, clamped to them */
export function linearLevel(l: Lineare, x: number): number {
  if (l.to === l.from) return l.levelTo;
  const t = Math.min(1, Math.max(0, (x - l.from) / (l.to - l.from)));
  return Math.round((l.levelFrom + t * (l.levelTo - l.levelFrom)) * 1e9) / 1e9;
}

/** band lookup with the gap and outside-every-band rules */
function lookup(rule: Rule, x: number, misura: string, raggiunto: string): Evaluation {
  const i = rule.bands.findIndex((b) => contains(bandIv(b), x));
  if (i >= 0) {
    const b = rule.bands[i]!;
    if (b.lineare) {
      const l = linearLevel(b.lineare, x);
      return result(l, raggiunto, T.fasciaLineare(misura, bandLabel(rule, i), rangeText(b.lineare), pctText(l)), b);
    }
    const spieg = b.implied && b.to === null ? T.oltreUltima(misura, pctText(b.level)) : T.fascia(misura, bandLabel(rule, i), pctText(b.level));
    return result(b.level, raggiunto, spieg, b);
  }
  let below = -1;
  let above = -1;
  rule.bands.forEach((b, k) => {
    const iv = bandIv(b);
    if (iv.hi < x || (iv.hi === x && !iv.hiIn)) below = k;
    if (above < 0 && (iv.lo > x || (iv.lo === x && !iv.loIn))) above = k;
  });
  if (below >= 0 && above >= 0) {
    const k = rule.bands[below]!.level <= rule.bands[above]!.level ? below : above;
    const b = rule.bands[k]!;
    return result(b.level, raggiunto, T.inLacuna(misura, bandLabel(rule, k), pctText(b.level)), b, undefined, [
      { code: 'FASCE_LACUNA', message: T.lacunaValore(misura) },
    ]);
  }
  return result(0, raggiunto, T.fuoriFasce(misura));
}

function delayText(days: number, rule: Rule): string {
  return days <= 0 ? T.neiTermini : T.ritardo(fmtNum(days), rule.workingDays);
}

function evaluateScadenza(rule: Rule, m: Measurement, anno?: number): Evaluation {
  if (m.kind === 'ritardo' || m.kind === 'numero') {
    const days = m.kind === 'ritardo' ? m.days : m.value;
    const text = delayText(days, rule);
    return lookup(rule, days, text, text);
  }
  if (m.kind === 'data' || (m.kind === 'booleano' && m.value && m.date)) {
    const date = m.kind === 'data' ? m.date : m.date!;
    const ref = referenceDate(rule, anno);
    if (!ref) return notComputable(noReferenceReason(rule), formatDateIt(date));
    const days = rule.workingDays ? workingDelay(ref, date) : calendarDelay(ref, date);
    const text = delayText(days, rule);
    return lookup(rule, days, text, `${formatDateIt(date)} · ${text}`);
  }
  if (m.kind === 'booleano' && !m.value) {
    const last = rule.bands.at(-1);
    const level = last && last.to === null ? last.level : 0;
    return result(level, T.no, T.oltreUltima(T.no, pctText(level)), last ?? null);
  }
  return notComputable(T.misuraNonAdatta(T.tipo(rule.kind), T.servePerScadenza));
}

function evaluateBinario(rule: Rule, m: Measurement, anno?: number): Evaluation {
  const b = rule.binario ?? { si: 1, no: 0 };
  const ref = referenceDate(rule, anno);
  let yes: boolean;
  let detail = '';
  if (m.kind === 'booleano') {
    yes = m.value;
    if (m.value && m.date && ref) {
      yes = calendarDelay(ref, m.date) <= 0;
      detail = `${formatDateIt(m.date)}, ${T.entroData(formatDateIt(ref))}`;
    }
  } else if (m.kind === 'data') {
    if (!ref) return notComputable(noReferenceReason(rule), formatDateIt(m.date));
    yes = calendarDelay(ref, m.date) <= 0;
    detail = `${formatDateIt(m.date)} · ${delayText(calendarDelay(ref, m.date), rule)}`;
  } else if (m.kind === 'ritardo') {
    yes = m.days <= 0;
    detail = delayText(m.days, rule);
  } else {
    return notComputable(T.misuraNonAdatta(T.tipo(rule.kind), T.servePerBinario));
  }
  const level = yes ? b.si : b.no;
  const esito = yes ? T.si : T.no;
  return result(level, esito, T.binarioSpieg(detail ? `${esito} (${detail})` : esito, pctText(level)));
}

function evaluateProporzionale(rule: Rule, m: Measurement): Evaluation {
  if (m.kind === 'percentuale') {
    const frac = rule.target && rule.unit === '%' ? m.value / rule.target : m.value / 100;
    const level = clamp01(frac);
    return result(level, `${fmtNum(m.value)}%`, T.proporzionePct(`${fmtNum(m.value)}%`, pctText(level)));
  }
  if (m.kind === 'numero') {
    // a target typed with the value ("200 su 250") wins over ATTESO's; with neither, ask for it, never guess
    const target = m.target ?? rule.target;
    if (target === null || target === undefined) return notComputable(T.targetMancante(rule.atteso ?? null), fmtNum(m.value));
    if (target === 0) return notComputable(T.targetZero, fmtNum(m.value));
    const level = clamp01(m.value / target);
    const shown = m.target !== undefined ? `${fmtNum(m.value)} su ${fmtNum(target)}` : fmtNum(m.value);
    return result(level, shown, T.proporzione(fmtNum(m.value), fmtNum(target), pctText(level)));
  }
  return notComputable(T.misuraNonAdatta(T.tipo(rule.kind), T.servePerProporzionale));
}

export function evaluate(rule: Rule, m: Measurement, opts: { anno?: number } = {}): Evaluation {
  try {
    if (!rule || !m) return notComputable(T.nessunaMisura);
    switch (rule.kind) {
      case 'scadenza':
        return evaluateScadenza(rule, m, opts?.anno);
      case 'binario':
        return evaluateBinario(rule, m, opts?.anno);
      case 'proporzionale':
        return evaluateProporzionale(rule, m);
      case 'soglia':
      case 'percentuale': {
        if (m.kind !== 'numero' && m.kind !== 'percentuale' && m.kind !== 'ritardo') {
          return notComputable(T.misuraNonAdatta(T.tipo(rule.kind), rule.kind === 'soglia' ? T.servePerSoglia : T.servePerPercentuale));
        }
        const v = m.kind === 'ritardo' ? m.days : m.value;
        const text = rule.kind === 'percentuale' ? `${fmtNum(v)}%` : `${fmtNum(v)}${rule.unit ? ` ${rule.unit}` : ''}`;
        return lookup(rule, v, text, text);
      }
      default: {
        if (m.kind === 'percentuale') {
          const level = clamp01(m.value / 100);
          const t = T.valutazioneManuale(pctText(level));
          return result(level, t, t);
        }
        return notComputable(T.manuale(rule.reason ?? T.condizioniIlleggibili));
      }
    }
  } catch {
    return notComputable(T.condizioniIlleggibili);
  }
}
