/** `schede prepara FILE.xlsx [--out OUT.xlsx]`: create or extend the Rilevazioni sheet. */
import { preparaRilevazioniDettagli } from '../../domain/calcolo';
import { isEmptyPlan } from '../../domain/plan';
import { leggiCartella, schedePerCalcolo } from '../../domain/sistemi';
import { MSG_CLI_CALCOLO as T } from '../../domain/testi/calcolo';
import { openFileCommand, saveForCli, testiConUso } from '../files';
import type { CliIo } from '../io';

export async function prepara(args: string[], io: CliIo): Promise<number> {
  const cmd = await openFileCommand(args, { out: { type: 'string' } }, testiConUso(T.usoPrepara), io);
  if (!cmd) return 2;
  // one Rilevazioni row per action of every card system (a fasi objective's phases: N. = phase number)
  const schede = schedePerCalcolo(leggiCartella(cmd.grids));
  if (schede.length === 0) {
    io.err(T.nessunaScheda);
    return 2;
  }
  const r = preparaRilevazioniDettagli(schede, cmd.grids);
  if (!isEmptyPlan(r.plan)) await cmd.wb.applyWritePlan(r.plan);
  const saved = await saveForCli(cmd.wb, cmd.out, io);
  if (!saved) return 2;
  io.out(`${T.preparate(r.aggiunte, r.orfane)}\n${T.salvato(saved)}`);
  return 0;
}
