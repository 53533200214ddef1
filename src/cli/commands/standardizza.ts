/**
 * `schede standardizza FILE.xlsx --foglio NOME [--out OUT.xlsx]`: rebuild the card(s) of a sheet in the standard
 * layout, each on a new sheet of a copy of the workbook, and list what changed.
 */
import { listeSeMancanti, standardizza as standardizzaScheda } from '../../domain/modelli';
import type { SheetPlan } from '../../domain/plan';
import { readSchede } from '../../domain/scheda';
import { TESTI_CLI_MODELLI as T } from '../../domain/testi/modelli';
import type { CliIo } from '../io';
import { openForCli, outputPath, parseFileArgs, saveForCli } from './calcola';

export async function standardizza(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFileArgs(args, { foglio: { type: 'string' }, out: { type: 'string' } }, T.usoStandardizza, io);
  if (!parsed) return 2;
  const foglio = parsed.values.foglio as string | undefined;
  if (!foglio) {
    io.err(`${T.foglioMancante}\n${T.usoStandardizza}`);
    return 2;
  }
  const out = outputPath(parsed.file, parsed.values.out as string | undefined, io.cwd);
  if (!out) {
    io.err(T.outUgualeIn);
    return 2;
  }
  const opened = await openForCli(parsed.file, io);
  if (!opened) return 2;
  const names = opened.grids.map((g) => g.name);
  const grid =
    opened.grids.find((g) => g.name === foglio) ?? opened.grids.find((g) => g.name.trim().toLowerCase() === foglio.trim().toLowerCase());
  if (!grid) {
    io.err(T.foglioNonTrovato(foglio, names.filter((n) => !n.startsWith('_'))));
    return 2;
  }
  const schede = readSchede(grid);
  if (!schede.length) {
    io.err(T.nessunaScheda(grid.name));
    return 2;
  }
  const taken = [...names];
  const sheets: SheetPlan[] = [];
  const lines: string[] = [];
  for (const s of schede) {
    const { plan, changes } = standardizzaScheda(s, { grid, existingSheetNames: taken });
    taken.push(plan.name);
    sheets.push(plan);
    lines.push(T.standardizzata(plan.name, out), ...changes.map(T.modifica));
  }
  await opened.wb.applyWritePlan({ sheets: [...sheets, ...listeSeMancanti(names)], select: { sheet: sheets[0].name, range: 'A1' } });
  if (!(await saveForCli(opened.wb, out, io))) return 2;
  io.out(lines.join('\n'));
  return 0;
}
