// Strumenti comuni a e2e e bench: build di dist/ quando serve, server statico, Chromium headless con office.js finto.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const OFFICE_STUB = fs.readFileSync(path.join(ROOT, 'test/e2e/office-stub.js'), 'utf8');

const SOURCES = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package.json', 'tsconfig.json'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
  return max;
}

/** true quando dist/ manca o è più vecchio di un file sorgente */
export function distIsStale() {
  const stamp = newestMtime(path.join(DIST, 'taskpane.html'));
  if (!stamp || !fs.existsSync(path.join(DIST, 'index.html'))) return true;
  // the tests need the fake-Excel page, which a plain `npm run build` leaves out
  if (!fs.existsSync(path.join(DIST, 'pannello-finto.html'))) return true;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > stamp);
}

/** build di produzione nello stesso processo (una volta sola), solo se dist/ non è aggiornato */
export async function ensureBuild({ force = false, log = console.log } = {}) {
  if (!force && !distIsStale()) {
    log('dist/ è aggiornato: nessuna build.');
    return;
  }
  log('Build di produzione (webpack)…');
  const t0 = Date.now();
  const { default: webpack } = await import('webpack');
  const { default: makeConfig } = await import(path.join(ROOT, 'webpack.config.js'));
  const compiler = webpack(makeConfig({ paginaTest: true }, { mode: 'production' }));
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s))),
  );
  await new Promise((r) => compiler.close(r));
  if (stats.hasErrors()) {
    throw new Error(`la build non è riuscita:\n${stats.toString({ all: false, errors: true })}`);
  }
  log(`Build completata in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** server HTTP statico minimo su una porta libera; restituisce { url, close } */
export async function serveDir(dir = DIST) {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.resolve(base, '.' + urlPath);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('non trovato');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

/** il Chromium di sistema: CHROMIUM_PATH, oppure chromium / chromium-browser / google-chrome sul PATH */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        /* prossimo */
      }
    }
  }
  return null;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Il Chromium per i test e il bench: quello di sistema (CHROMIUM_PATH o sul PATH) se c'è, altrimenti quello che il
 * pacchetto npm @sparticuz/chromium porta con sé (si scompatta in /tmp in pochi secondi): così `npm install` e
 * `npm test` bastano anche su una macchina senza browser. SCHEDE_CHROMIUM=pacchetto forza il secondo.
 */
export async function chromiumExecutable() {
  const system = process.env.SCHEDE_CHROMIUM === 'pacchetto' ? null : findChromium();
  if (system) return { executablePath: system, args: FLAGS, source: 'sistema' };
  let pkg;
  try {
    ({ default: pkg } = await import('@sparticuz/chromium'));
  } catch {
    throw new Error('Chromium non trovato: eseguite `npm install` (porta @sparticuz/chromium) o indicate CHROMIUM_PATH.');
  }
  const executablePath = await pkg.executablePath();
  // its own flags plus ours; headless is set by playwright; not --single-process, made for one page per run: with
  // it the browser quits when the first of the test's contexts closes
  const args = [...new Set([...pkg.args.filter((a) => !/^--(headless|single-process)\b/.test(a)), ...FLAGS])];
  return { executablePath, args, source: 'pacchetto' };
}

export async function launchChromium() {
  const { executablePath, args } = await chromiumExecutable();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args });
}

/**
 * Un contesto del browser isolato: office.js risponde con lo stub, ogni altra richiesta fuori da baseUrl
 * viene bloccata e annotata in `blocked` (il componente non deve fare chiamate di rete).
 */
export async function newContext(browser, baseUrl, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT', ...options });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB });
    }
    if (url.startsWith(baseUrl)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { context, blocked };
}

export { scriptSources } from './bundle.mjs';
