// Test end-to-end nel Chromium headless: build di produzione (solo se dist/ non è aggiornato), server statico
// su una porta libera, office.js sostituito da uno stub, poi ogni test/e2e/*.e2e.mjs.
// Ogni test esporta `name` e `async run({ page, baseUrl, shot, context, browser })`; shot(nome) salva
// screenshots/NOME.png. Uso: node scripts/e2e.mjs [filtro]   (E2E_BUILD=1 forza la build)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureBuild, serveDir, launchChromium, newContext } from './lib/harness.mjs';

const TEST_DIR = path.join(ROOT, 'test/e2e');
const SHOTS = path.join(ROOT, 'screenshots');
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 60_000);
const filter = process.argv[2] ?? '';

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: tempo scaduto dopo ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const files = fs
  .readdirSync(TEST_DIR)
  .filter((f) => f.endsWith('.e2e.mjs') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`Nessun test e2e trovato in test/e2e${filter ? ` con "${filter}"` : ''}.`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
let server;
let browser;
try {
  await ensureBuild({ force: process.env.E2E_BUILD === '1' });
  server = await serveDir();
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });

  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(TEST_DIR, file)).href);
    const name = mod.name ?? file;
    const { context, blocked } = await newContext(browser, server.url);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const shot = async (shotName) => {
      const file = path.join(SHOTS, `${shotName}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    };
    const t0 = Date.now();
    try {
      await withTimeout(mod.run({ page, baseUrl: server.url, shot, context, browser }), TIMEOUT_MS, name);
      if (pageErrors.length) throw new Error(`errori JavaScript nella pagina: ${pageErrors.join(' | ')}`);
      if (blocked.length) throw new Error(`richieste di rete non permesse: ${[...new Set(blocked)].join(', ')}`);
      passed++;
      console.log(`✓ ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`✗ ${name} (${Date.now() - t0} ms)\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
      await shot(`FALLITO-${path.basename(file, '.e2e.mjs')}`).catch(() => {});
    } finally {
      await context.close().catch(() => {});
    }
  }
} catch (err) {
  failed++;
  console.log(`✗ preparazione dei test e2e: ${err?.message ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.close();
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
