/**
 * `schede` — the command line over .xlsx files. Each command lives in ./commands/<name>.ts
 * and is loaded on demand, so a broken or slow module never affects the others.
 */
import { pathToFileURL } from 'node:url';
import { TESTI_CLI_MAIN } from '../domain/testi/cliMain';
import { WorkbookError } from '../workbook/port';
import { argErrorDetail } from './files';
import { processIo, type CliIo, type Command } from './io';

const COMMANDS: Record<string, () => Promise<Command>> = {
  controlla: async () => (await import('./commands/controlla')).controlla,
  prepara: async () => (await import('./commands/prepara')).prepara,
  calcola: async () => (await import('./commands/calcola')).calcola,
  annulla: async () => (await import('./commands/annulla')).annulla,
  nuova: async () => (await import('./commands/nuova')).nuova,
  standardizza: async () => (await import('./commands/standardizza')).standardizza,
  valuta: async () => (await import('./commands/valuta')).valuta,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.err(TESTI_CLI_MAIN.comandoMancante);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'aiuto' || command === 'help') {
    io.out(TESTI_CLI_MAIN.aiuto);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.err(TESTI_CLI_MAIN.comandoSconosciuto(command));
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof WorkbookError) {
      io.err(e.message);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(TESTI_CLI_MAIN.opzioneNonValida(argErrorDetail(e)));
      return 2;
    }
    io.err(TESTI_CLI_MAIN.erroreInatteso((e as Error).message ?? String(e)));
    return 2;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
