/** the `schede` command run in-process, its output captured (tests of the CLI) */
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** an io that collects what a command prints, a line at a time, in `cwd` */
export function capture(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (s: string) => void (io.stdout += `${s}\n`), err: (s: string) => void (io.stderr += `${s}\n`) };
  return io;
}

/** `schede ARGS…` in `dir`: its exit code and what it printed */
export async function runIn(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture(dir);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}
