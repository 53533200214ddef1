/**
 * The graduation of one action of a card, read in its row's context: TEMPI and ATTESO (a date or a target),
 * INDICATORI and the annualità's year. The checks, the compute and `schede controlla --json` all read it here,
 * so they always see the same rule.
 */
import type { Azione, RawField } from '../scheda/types';
import { parseGraduazione, ruleFromTarget } from './parse';
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

/**
 * Where the card gives no GRADUAZIONE, the indicator's target is the rule (issue 15): INDICATORI, else ATTESO,
 * read as a yes/no target ("N. monitoraggi >= 2", "entro il 31/07/2024"); otherwise the empty graduation (manual).
 */
export function ruleOf(a: Azione, anno: number | null): Rule {
  const g = a.graduazione?.value ?? '';
  if (!g.trim()) {
    for (const t of [a.indicatori?.value, a.atteso?.text]) {
      if (typeof t !== 'string' || !t.trim()) continue;
      const r = ruleFromTarget(t, anno);
      if (r.kind !== 'manuale') return r;
    }
  }
  return parseGraduazione(g, ruleContext(a, anno));
}
