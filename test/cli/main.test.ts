import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd: process.cwd(), out: (s: string) => void (io.stdout += s + '\n'), err: (s: string) => void (io.stderr += s + '\n') };
  return io;
}

describe('schede entry point', () => {
  it('prints Italian help and exits 0', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('Uso: schede <comando>');
    expect(io.stdout).toContain('controlla FILE.xlsx');
  });
  it('rejects an unknown command with exit 2 and an Italian message', async () => {
    const io = capture();
    expect(await main(['inventa'], io)).toBe(2);
    expect(io.stderr).toContain('Comando sconosciuto: "inventa"');
  });
  it('rejects a missing command with exit 2', async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.stderr).toContain('Manca il comando');
  });
  it('does not treat Object prototype names as commands', async () => {
    const io = capture();
    expect(await main(['toString'], io)).toBe(2);
  });
});
