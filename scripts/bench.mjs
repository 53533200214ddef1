// `npm run bench`: prestazioni misurate. Stampa le cifre e, come ULTIMA riga, un oggetto JSON
// {"schede":40,"syncs_lettura":N,"syncs_scrittura":N,"core_ms":X,"bundle_gzip_kb":Y,"first_render_ms":Z}.
//  - schede, syncs_*, core_ms: scripts/bench-core.ts (tsx) sul falso Excel e sul nucleo;
//  - office_syncs_N_fogli|impilate, office_mb_N_…, office_mb_max: scripts/bench-office.ts (lettura a blocchi di righe);
//  - bundle_gzip_kb: JavaScript che taskpane.html carica per primo, compresso gzip (dist/, build se serve);
//  - first_render_ms: Chromium headless (320 px) apre dist/pannello-finto.html, il vero pannello su un Excel finto con
//    la cartella di esempio, dalla navigazione alla Panoramica che mostra le schede; mediana di 3 aperture, ognuna
//    in un contesto nuovo (senza cache). Comprende il caricamento del finto Excel (stampato a parte).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, DIST, ensureBuild, serveDir, launchChromium, newContext } from './lib/harness.mjs';
import { firstLoadSize } from './lib/bundle.mjs';

const RENDERS = 3;
const TEST_PAGE = 'pannello-finto'; // la pagina di prova di webpack.config.js
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. le misure in TypeScript, ognuna in un processo separato (tsx); ciascuna stampa le sue righe e, come ultima,
//    un oggetto JSON che entra nella riga finale
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
function runBench(script, what, fallback = {}) {
  const run = spawnSync(tsx, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, encoding: 'utf8' });
  const lines = (run.stdout ?? '').trim().split('\n').filter(Boolean);
  if (run.status === 0 && lines.length) {
    for (const l of lines.slice(0, -1)) console.log(l);
    return JSON.parse(lines[lines.length - 1]);
  }
  console.log(`${what}: non misurato (${script} è uscito con ${run.status}): ${(run.stderr ?? '').trim().split('\n')[0]}`);
  return fallback;
}
// il nucleo e i sync con Excel per 40 schede
const core = runBench('bench-core.ts', 'nucleo', { schede: null, syncs_lettura: null, syncs_scrittura: null, core_ms: null });
// il lettore xlsx: 40/200/1.000 schede, per foglio e impilate, contro un semplice unzip + parse degli stessi file
const xlsx = runBench('bench-xlsx.ts', 'lettore xlsx');
// la lettura Office a blocchi di righe: sync e MB a 40/200/1.000 schede, per foglio e impilate
const office = runBench('bench-office.ts', 'lettura Office');
// il parser delle graduazioni su testi lunghi (100, 1.000, 5.000 fasce): deve crescere in modo lineare
const graduazione = runBench('bench-graduazione.ts', 'graduazione');

// 2. peso del pannello
await ensureBuild({ log: (s) => console.log(s) });
const size = firstLoadSize(DIST, 'taskpane.html');
for (const f of size.files) {
  console.log(`pannello, primo caricamento: ${f.file} ${(f.bytes / 1024).toFixed(1)} KB, gzip ${(f.gzipBytes / 1024).toFixed(1)} KB`);
}
console.log(`pannello, primo caricamento totale gzip: ${size.gzipKb} KB`);

// 3. primo disegno del pannello in Chromium: il VERO pannello su pannello-finto.html (Office/Excel finti sopra la
//    cartella di esempio, vedi src/preview/fakeOffice), dalla navigazione alla Panoramica con le sue schede
let firstRender = null;
const server = await serveDir(DIST);
let browser;
try {
  browser = await launchChromium();
  const times = [];
  const ready = [];
  const started = [];
  let cards = 0;
  for (let i = 0; i < RENDERS; i++) {
    const { context } = await newContext(browser, server.url, { viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    // registra l'istante (da inizio navigazione) in cui la Panoramica mostra le schede
    await page.addInitScript(() => {
      const mark = () => {
        if (window.__firstRender === undefined && document.querySelector('[data-testid="scheda-card"]')) {
          window.__firstRender = performance.now();
        }
      };
      new MutationObserver(mark).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/${TEST_PAGE}.html`);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
    const m = await page.evaluate(() => ({
      at: window.__firstRender,
      ready: window.__finto?.prontoMs ?? null,
      started: window.__finto?.inizioMs ?? null,
      errore: window.__finto?.errore ?? null,
      cards: document.querySelectorAll('[data-testid="scheda-card"]').length,
    }));
    if (m.errore) throw new Error(`Excel finto: ${m.errore}`);
    times.push(m.at);
    ready.push(m.ready);
    started.push(m.started);
    cards = m.cards;
    await context.close();
  }
  firstRender = Math.round(median(times));
  console.log(
    `primo disegno del pannello (${TEST_PAGE}.html, Panoramica con ${cards} schede): mediana ${firstRender} ms ` +
      `(${times.map((t) => Math.round(t)).join(', ')}); script della pagina eseguito a ${Math.round(median(started))} ms, ` +
      `Excel finto pronto (cartella di esempio letta con ExcelJS) a ${Math.round(median(ready))} ms, ` +
      `pannello da Office.onReady alle schede ${Math.round(median(times.map((t, i) => t - ready[i])))} ms`,
  );
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
    syncs_rilettura: core.syncs_rilettura,
    core_ms: core.core_ms,
    bundle_gzip_kb: size.gzipKb,
    first_render_ms: firstRender,
    ...xlsx,
    ...office,
    ...graduazione,
  }),
);
