/** what a CLI command talks to: output streams and the working directory (tests capture them) */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  cwd: process.cwd(),
};
