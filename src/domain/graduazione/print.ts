/**
 * Canonical Italian text of a rule, e.g.
 *   Nessun ritardo = 100%; ritardo fino a 30 gg = 70%; ritardo fino a 60 gg = 40%; oltre = 0%
 * parseGraduazione(printRule(r), sameContext) gives back an equivalent rule (kind, bands, levels,
 * reference). Bands are written as a staircase where they touch their neighbour (upper bounds when a
 * smaller measure is better, lower bounds when a larger one is), two-sided otherwise.
 */
import { formatDateIt } from '../grid';
import { bandIv, fmtNum, ivText } from './bands';
import type { Band, Lineare, Rule } from './types';

export function pctText(level: number): string {
  return `${fmtNum(Math.round(level * 100 * 1e4) / 1e4)}%`;
}

function unitOf(rule: Rule): string {
  if (rule.kind === 'percentuale') return '%';
  if (rule.kind === 'scadenza') return rule.workingDays ? 'gg lavorativi' : 'gg';
  return rule.unit;
}

/** the condition of band i in words: "fino a 30 gg", "da 4 a 10 gg", "oltre 30 gg", "nessun ritardo" */
export function bandLabel(rule: Rule, i: number): string {
  const b = rule.bands[i]!;
  const unit = unitOf(rule);
  const u = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  if (rule.kind === 'scadenza' && b.from === null && b.to === 0 && b.toIncl) return 'nessun ritardo';
  // a range of levels needs both ends of its band written
  if (b.lineare) return ivText({ lo: b.lineare.from, loIn: true, hi: b.lineare.to, hiIn: true }, unit);
  const prev = rule.bands[i - 1];
  const next = rule.bands[i + 1];
  const touchesPrev = !!prev && prev.to !== null && prev.to === b.from && prev.toIncl !== b.fromIncl;
  const touchesNext = !!next && next.from !== null && next.from === b.to && next.fromIncl !== b.toIncl;
  if (b.from !== null && b.from === b.to) return `da ${fmtNum(b.from)}${unit === '%' ? '%' : ''} a ${fmtNum(b.to)}${u}`;
  if (rule.direction === 'lower' && touchesPrev && b.to !== null) return `${b.toIncl ? 'fino a' : rule.kind === 'scadenza' ? 'inferiore a' : 'meno di'} ${fmtNum(b.to)}${u}`;
  if (rule.direction === 'higher' && touchesNext && b.from !== null) {
    // a step below the next band says where it stops: "da 2 a meno di 3 ore", not "2 ore o più" (which a reader
    // takes for everything from 2 up, although 3 or more belongs to the next band)
    if (b.fromIncl && b.to !== null && !b.toIncl) return `da ${fmtNum(b.from)}${unit === '%' ? '%' : ''} a meno di ${fmtNum(b.to)}${u}`;
    return b.fromIncl ? `${fmtNum(b.from)}${u} o più` : `oltre ${fmtNum(b.from)}${u}`;
  }
  return ivText(bandIv(b), unit);
}

/** a range of levels in words: "dal 60% all'80%" (Italian elides "al" before a vowel sound: all'80%, all'11%) */
export function rangeText(l: Lineare): string {
  const to = pctText(l.levelTo);
  return `dal ${pctText(l.levelFrom)} ${/^(8|11(?!\d))/.test(to) ? "all'" : 'al '}${to}`;
}

/** "70%", or a range of levels: "in proporzione lineare dal 60% all'80%" */
function levelText(b: Band): string {
  return b.lineare ? `in proporzione lineare ${rangeText(b.lineare)}` : pctText(b.level);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function printRule(rule: Rule): string {
  const ref = rule.reference && rule.reference.source === 'graduazione' ? (rule.reference.date ? formatDateIt(rule.reference.date) : rule.reference.text) : null;
  switch (rule.kind) {
    case 'manuale':
      return rule.text;
    case 'proporzionale':
      return 'Livello atteso = 100%; risultato inferiore = graduazione proporzionale';
    case 'binario': {
      const b = rule.binario ?? { si: 1, no: 0 };
      return `Sì${ref ? ` entro il ${ref}` : ''} = ${pctText(b.si)}; No = ${pctText(b.no)}`;
    }
    case 'scadenza': {
      const n = rule.bands.length;
      const parts = rule.bands.map((b, i) => {
        const level = pctText(b.level);
        if (i === 0 && b.from === null && b.to === 0) {
          return `Nessun ritardo${ref ? ` rispetto al ${ref}` : ''}${rule.workingDays ? ' (ritardo in gg lavorativi)' : ''} = ${level}`;
        }
        const prev = rule.bands[i - 1];
        const touches = !!prev && prev.to !== null && prev.to === b.from && prev.toIncl !== b.fromIncl;
        if (i === n - 1 && b.to === null && touches && n > 2) return `oltre = ${level}`;
        return `ritardo ${bandLabel(rule, i)} = ${level}`;
      });
      return capital(parts.join('; '));
    }
    default:
      return capital(rule.bands.map((b, i) => `${bandLabel(rule, i)} = ${levelText(b)}`).join('; '));
  }
}
