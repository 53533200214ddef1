// `npm run bench`: prestazioni misurate. Stampa le cifre e, come ULTIMA riga, un oggetto JSON
// {"schede":40,"syncs_lettura":N,"syncs_scrittura":N,"core_ms":X,"bundle_gzip_kb":Y,"first_render_ms":Z}.
//  - schede, syncs_*, core_ms: scripts/bench-core.ts (tsx) sul falso Excel e sul nucleo;
//  - bundle_gzip_kb: JavaScript che taskpane.html carica per primo, compresso gzip (dist/, build se serve);
//  - first_render_ms: Chromium headless apre dist/taskpane.html (office.js finto) finché #root ha contenuto;
//    mediana di 5 aperture, ognuna in un contesto nuovo (senza cache).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, DIST, ensureBuild, serveDir, launchChromium, newContext } from './lib/harness.mjs';
import { firstLoadSize } from './lib/bundle.mjs';

const RENDERS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. il nucleo e i sync (processo separato: TypeScript via tsx)
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
const coreRun = spawnSync(tsx, [path.join(ROOT, 'scripts/bench-core.ts')], { cwd: ROOT, encoding: 'utf8' });
const coreLines = (coreRun.stdout ?? '').trim().split('\n').filter(Boolean);
let core = { schede: null, syncs_lettura: null, syncs_scrittura: null, core_ms: null };
if (coreRun.status === 0 && coreLines.length) {
  for (const l of coreLines.slice(0, -1)) console.log(l);
  core = JSON.parse(coreLines[coreLines.length - 1]);
} else {
  console.log(`nucleo: non misurato (bench-core.ts è uscito con ${coreRun.status}): ${(coreRun.stderr ?? '').trim().split('\n')[0]}`);
}

// 2. peso del pannello
await ensureBuild({ log: (s) => console.log(s) });
const size = firstLoadSize(DIST, 'taskpane.html');
for (const f of size.files) {
  console.log(`pannello, primo caricamento: ${f.file} ${(f.bytes / 1024).toFixed(1)} KB, gzip ${(f.gzipBytes / 1024).toFixed(1)} KB`);
}
console.log(`pannello, primo caricamento totale gzip: ${size.gzipKb} KB`);

// 3. primo disegno del pannello in Chromium
let firstRender = null;
const server = await serveDir(DIST);
let browser;
try {
  browser = await launchChromium();
  const times = [];
  for (let i = 0; i < RENDERS; i++) {
    const { context } = await newContext(browser, server.url);
    const page = await context.newPage();
    // registra l'istante (da inizio navigazione) in cui #root riceve il primo contenuto
    await page.addInitScript(() => {
      const mark = () => {
        const root = document.getElementById('root');
        if (root && root.childElementCount > 0 && window.__firstRender === undefined) {
          window.__firstRender = performance.now();
          return true;
        }
        return false;
      };
      new MutationObserver(() => mark()).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => window.__firstRender));
    await context.close();
  }
  firstRender = Math.round(median(times));
  console.log(`primo disegno del pannello: mediana ${firstRender} ms (${times.map((t) => Math.round(t)).join(', ')})`);
} catch (err) {
  console.log(`primo disegno del pannello: non misurato: ${err?.message ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}

console.log(
  JSON.stringify({
    schede: core.schede,
    syncs_lettura: core.syncs_lettura,
    syncs_scrittura: core.syncs_scrittura,
    core_ms: core.core_ms,
    bundle_gzip_kb: size.gzipKb,
    first_render_ms: firstRender,
  }),
);
