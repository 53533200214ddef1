/**
 * `schede standardizza FILE.xlsx --foglio NOME [--out OUT.xlsx]`: rebuild the card(s) of a sheet in the standard
 * layout, each on a new sheet of a copy of the workbook, and list what changed.
 */
import { listeSeMancanti, standardizza as standardizzaScheda } from '../../domain/modelli';
import type { SheetPlan } from '../../domain/plan';
import { readSchede } from '../../domain/scheda';
import { TESTI_CLI_MODELLI as T } from '../../domain/testi/modelli';
import { openFileCommand, saveForCli, testiConUso } from '../files';
import type { CliIo } from '../io';

export async function standardizza(args: string[], io: CliIo): Promise<number> {
  const cmd = await openFileCommand(
    args,
    { foglio: { type: 'string' }, out: { type: 'string' } },
    testiConUso(T.usoStandardizza),
    io,
    (v) => (v.foglio ? null : `${T.foglioMancante}\n${T.usoStandardizza}`),
  );
  if (!cmd) return 2;
  const foglio = cmd.values.foglio ?? '';
  const names = cmd.grids.map((g) => g.name);
  const grid =
    cmd.grids.find((g) => g.name === foglio) ?? cmd.grids.find((g) => g.name.trim().toLowerCase() === foglio.trim().toLowerCase());
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
  const made: { name: string; changes: string[] }[] = [];
  for (const s of schede) {
    const { plan, changes } = standardizzaScheda(s, { grid, existingSheetNames: taken });
    taken.push(plan.name);
    sheets.push(plan);
    made.push({ name: plan.name, changes });
  }
  await cmd.wb.applyWritePlan({ sheets: [...sheets, ...listeSeMancanti(names)], select: { sheet: sheets[0].name, range: 'A1' } });
  const saved = await saveForCli(cmd.wb, cmd.out, io);
  if (!saved) return 2;
  io.out(made.flatMap((m) => [T.standardizzata(m.name, saved), ...m.changes.map(T.modifica)]).join('\n'));
  return 0;
}
