/** the blank `progetti` sheet (placeholder until the full table and card land) */
import type { SheetPlan } from '../../plan';
import { SheetBuilder } from '../../modelli/sheetBuilder';
import { TESTI_PROGETTI_NUOVA as T } from '../../testi/progetti';
import type { OpzioniNuova } from '../types';

export function nuovaProgetti(opts: OpzioniNuova): SheetPlan {
  const b = new SheetBuilder([10]);
  return b.toPlan({ name: opts.nomeFoglio ?? T.nomeFoglio, mode: 'create' });
}
