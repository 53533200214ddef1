// Build del comando `schede`: il sorgente TypeScript (src/cli/main.ts) e le sue dipendenze in JavaScript ESM,
// dist-cli/schede.mjs più le parti caricate solo quando servono, che Node avvia senza caricatore TypeScript.
// Lo fanno `npm run build` e `npm run build:cli`, e bin/schede.js da sé al primo avvio o quando un sorgente è
// cambiato (se non ci riesce usa tsx, come prima). Accanto, schede.inputs.json elenca i file da cui è nato
// (dimensione e data di modifica): se uno cambia, la build non è più aggiornata.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** where the built CLI goes; SCHEDE_CLI_BUILD names another place (the tests build into a temporary folder) */
export const BUILT = process.env.SCHEDE_CLI_BUILD ? path.resolve(process.env.SCHEDE_CLI_BUILD) : path.join(ROOT, 'dist-cli', 'schede.mjs');

/** the stamp beside a built file: dist-cli/schede.mjs → dist-cli/schede.inputs.json */
const stampOf = (outfile) => outfile.replace(/\.mjs$/, '') + '.inputs.json';

/**
 * Files whose change makes the built CLI stale, beyond the sources esbuild read: this script (the build's
 * settings), package.json, and npm's record of the installed packages (rewritten by every install or upgrade,
 * so the dependencies bundled from node_modules need not be listed one by one).
 */
const EXTRA_INPUTS = ['scripts/build-cli.mjs', 'package.json', 'node_modules/.package-lock.json'];

function fingerprint(rel) {
  try {
    const st = fs.statSync(path.join(ROOT, rel));
    return [st.size, st.mtimeMs];
  } catch {
    return null;
  }
}

/** true when `outfile` exists and none of the files it was built from has changed since (a few dozen stat calls) */
export function cliIsFresh(outfile = BUILT) {
  let stamp;
  try {
    if (!fs.statSync(outfile).isFile()) return false;
    stamp = JSON.parse(fs.readFileSync(stampOf(outfile), 'utf8'));
  } catch {
    return false;
  }
  if (!stamp || typeof stamp.inputs !== 'object' || stamp.inputs === null) return false;
  return Object.entries(stamp.inputs).every(([rel, was]) => {
    const now = fingerprint(rel);
    return Array.isArray(was) ? now !== null && now[0] === was[0] && now[1] === was[1] : now === null;
  });
}

/** write beside `file` under a unique name, then rename onto it: a reader never sees half a file */
function writeAtomically(file, contents) {
  const tmp = path.join(path.dirname(file), `.~${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** chunks a build no longer uses are removed once they are this old (a CLI started before the build may still load them) */
const OLD_CHUNK_MS = 10 * 60 * 1000;

/**
 * Bundle src/cli/main.ts with every dependency into `outfile` (ESM for Node 20) plus content-named chunks beside
 * it: each command, and the xlsx back end with ExcelJS, is a chunk loaded only when needed, so `schede --help`
 * reads a few kilobytes, not megabytes. CommonJS packages (ExcelJS) call `require` for Node's built-in modules:
 * the banner gives every ESM chunk one. New chunks are written first, then the entry point and the stamp, each
 * through a temporary file and a rename, so a CLI started meanwhile finds either the old build or the new one.
 */
export async function buildCli({ outfile = BUILT } = {}) {
  const esbuild = await import('esbuild');
  const outdir = path.dirname(outfile);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { [path.basename(outfile, '.mjs')]: 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'schede-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __schedeCreateRequire } from 'node:module'; const require = __schedeCreateRequire(import.meta.url);",
    },
  });
  const inputs = {};
  for (const rel of Object.keys(result.metafile.inputs)) {
    if (!rel.startsWith('node_modules/') && !rel.includes(':')) inputs[rel] = fingerprint(rel);
  }
  for (const rel of EXTRA_INPUTS) inputs[rel] = fingerprint(rel);
  fs.mkdirSync(outdir, { recursive: true });
  const entry = result.outputFiles.find((f) => f.path === outfile);
  const chunks = result.outputFiles.filter((f) => f !== entry);
  for (const chunk of chunks) if (!fs.existsSync(chunk.path)) writeAtomically(chunk.path, chunk.contents);
  writeAtomically(outfile, entry.contents);
  writeAtomically(stampOf(outfile), JSON.stringify({ inputs }, null, 1) + '\n');
  const keep = new Set(chunks.map((c) => path.basename(c.path)));
  const chunkName = new RegExp(`^${path.basename(outfile, '.mjs')}-[A-Z0-9]+\\.mjs$`);
  for (const name of fs.readdirSync(outdir)) {
    const file = path.join(outdir, name);
    if (chunkName.test(name) && !keep.has(name) && Date.now() - fs.statSync(file).mtimeMs > OLD_CHUNK_MS) fs.rmSync(file, { force: true });
  }
  const bytes = result.outputFiles.reduce((a, f) => a + f.contents.length, 0);
  return { outfile, bytes, chunks: chunks.length, inputs: Object.keys(inputs).length, metafile: result.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const { outfile, bytes, chunks } = await buildCli({ outfile: process.argv[2] ? path.resolve(process.argv[2]) : BUILT });
  console.log(`${path.relative(process.cwd(), outfile)} (+ ${chunks} parti): ${(bytes / 1024).toFixed(0)} kB in ${Date.now() - t0} ms`);
}
