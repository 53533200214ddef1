/** `schede annulla FILE.xlsx [--out OUT.xlsx]`: undo the last compute. */
import { annullaDettagli } from '../../domain/calcolo';
import { MSG_ANNULLA, MSG_CLI_CALCOLO as T } from '../../domain/testi/calcolo';
import type { CliIo } from '../io';
import { openForCli, outputPath, parseFileArgs, saveForCli } from './calcola';

export async function annulla(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFileArgs(args, { out: { type: 'string' } }, T.usoAnnulla, io);
  if (!parsed) return 2;
  const out = outputPath(parsed.file, parsed.values.out as string | undefined, io.cwd);
  if (!out) {
    io.err(T.stessoFile);
    return 2;
  }
  const opened = await openForCli(parsed.file, io);
  if (!opened) return 2;
  const r = annullaDettagli(opened.grids);
  if (!r) {
    io.out(MSG_ANNULLA.nienteDaAnnullare);
    return 0;
  }
  await opened.wb.applyWritePlan(r.plan);
  if (!(await saveForCli(opened.wb, out, io))) return 2;
  io.out([MSG_ANNULLA.annullato(r.ripristinate), ...r.avvisi, T.salvato(out)].join('\n'));
  return 0;
}
