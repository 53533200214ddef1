/** `schede annulla FILE.xlsx [--out OUT.xlsx]`: undo the last compute. */
import { annullaDettagli } from '../../domain/calcolo';
import { MSG_ANNULLA, MSG_CLI_CALCOLO as T } from '../../domain/testi/calcolo';
import { openFileCommand, saveForCli, testiConUso } from '../files';
import type { CliIo } from '../io';

export async function annulla(args: string[], io: CliIo): Promise<number> {
  const cmd = await openFileCommand(args, { out: { type: 'string' } }, testiConUso(T.usoAnnulla), io);
  if (!cmd) return 2;
  const r = annullaDettagli(cmd.grids);
  if (!r) {
    io.out(MSG_ANNULLA.nienteDaAnnullare);
    return 0;
  }
  await cmd.wb.applyWritePlan(r.plan);
  const saved = await saveForCli(cmd.wb, cmd.out, io);
  if (!saved) return 2;
  io.out([MSG_ANNULLA.annullato(r.ripristinate), ...r.avvisi, T.salvato(saved)].join('\n'));
  return 0;
}
