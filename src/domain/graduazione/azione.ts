/**
 * The graduation of one action of a card, read in its row's context: TEMPI and ATTESO (a date or a target),
 * INDICATORI and the annualità's year. The checks, the compute and `schede controlla --json` all read it here,
 * so they always see the same rule.
 */
import type { Azione, RawField } from '../scheda/types';
import { parseGraduazione } from './parse';
import type { Rule, RuleContext } from './types';

/** a TEMPI/ATTESO cell as the parser takes it: its value, or its text for booleans and cells without a value */
function contextValue(f: RawField | null): string | number | Date | null {
  if (!f) return null;
  const v = f.value;
  if (v === null || typeof v === 'boolean') return f.text || null;
  return v;
}

export function ruleContext(a: Azione, anno: number | null): RuleContext {
  return { tempi: contextValue(a.tempi), atteso: contextValue(a.atteso), indicatori: a.indicatori?.value ?? null, anno };
}

export function ruleOf(a: Azione, anno: number | null): Rule {
  return parseGraduazione(a.graduazione?.value ?? '', ruleContext(a, anno));
}
