/** `schede prepara FILE.xlsx [--out OUT.xlsx]`: create or extend the Rilevazioni sheet. */
import { preparaRilevazioniDettagli } from '../../domain/calcolo';
import { isEmptyPlan } from '../../domain/plan';
import { readWorkbook } from '../../domain/scheda';
import { MSG_CLI_CALCOLO as T } from '../../domain/testi/calcolo';
import type { CliIo } from '../io';
import { openForCli, outputPath, parseFileArgs, saveForCli } from './calcola';

export async function prepara(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFileArgs(args, { out: { type: 'string' } }, T.usoPrepara, io);
  if (!parsed) return 2;
  const out = outputPath(parsed.file, parsed.values.out as string | undefined, io.cwd);
  if (!out) {
    io.err(T.stessoFile);
    return 2;
  }
  const opened = await openForCli(parsed.file, io);
  if (!opened) return 2;
  const schede = readWorkbook(opened.grids);
  if (schede.length === 0) {
    io.err(T.nessunaScheda);
    return 2;
  }
  const r = preparaRilevazioniDettagli(schede, opened.grids);
  if (!isEmptyPlan(r.plan)) await opened.wb.applyWritePlan(r.plan);
  if (!(await saveForCli(opened.wb, out, io))) return 2;
  io.out(`${T.preparate(r.aggiunte, r.orfane)}\n${T.salvato(out)}`);
  return 0;
}
