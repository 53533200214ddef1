#!/usr/bin/env node
// The `schede` command. Runs the built CLI (dist-cli/schede.mjs: plain JavaScript, starts in a fraction of the time
// a TypeScript loader takes); builds it first when it is missing or older than a source (esbuild, well under a
// second), and falls back to the TypeScript sources through tsx (a runtime dependency) when it cannot be built,
// for example where only the production dependencies are installed or the folder is read-only.
import { BUILT, buildCli, cliIsFresh } from '../scripts/build-cli.mjs';

async function loadMain() {
  if (process.env.SCHEDE_SORGENTI !== '1') {
    try {
      if (!cliIsFresh()) await buildCli();
      return (await import(BUILT)).main;
    } catch {
      // no esbuild, no write permission, a source that does not compile: tsx reports the real problem, in place
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

// `npm run schede -- …` runs in the project's folder wherever it is typed: file names are relative to the folder
// the user typed it in, which npm passes as INIT_CWD
if (process.env.npm_lifecycle_event === 'schede' && process.env.INIT_CWD) {
  try {
    process.chdir(process.env.INIT_CWD);
  } catch {
    // that folder is gone: names stay relative to the project's folder
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
