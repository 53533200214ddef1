/** `schede annulla FILE.xlsx [--out OUT.xlsx]`: undo the last step of the history (a compute or a Correggi). */
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
  // a damaged or hand-edited record: refused as a whole, nothing saved
  if (r.rifiuto || !r.passo) {
    io.err(r.rifiuto ?? MSG_ANNULLA.registroIllegibile);
    return 2;
  }
  await cmd.wb.applyWritePlan(r.plan);
  const saved = await saveForCli(cmd.wb, cmd.out, io);
  if (!saved) return 2;
  io.out([MSG_ANNULLA.annullatoPasso(r.passo, r.ripristinate), ...r.avvisi, MSG_ANNULLA.restanti(r.restanti), T.salvato(saved)].join('\n'));
  return 0;
}
