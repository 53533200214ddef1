import type { Metafile } from 'esbuild';

export const ROOT: string;
export const BUILT: string;
export function cliIsFresh(outfile?: string): boolean;
export function buildCli(options?: { outfile?: string }): Promise<{
  outfile: string;
  bytes: number;
  chunks: number;
  inputs: number;
  metafile: Metafile;
}>;
