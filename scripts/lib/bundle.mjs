// Peso del JavaScript che il pannello carica per primo: gli <script src> locali di dist/taskpane.html, compressi gzip.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** i valori src dei tag <script> di una pagina HTML, nell'ordine */
export function scriptSources(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1]);
    if (src) out.push(src[1] ?? src[2] ?? src[3]);
  }
  return out;
}

/** { files: [{ file, bytes, gzipBytes }], gzipBytes, gzipKb } per la pagina indicata di dist/ */
export function firstLoadSize(distDir, page = 'taskpane.html') {
  const html = fs.readFileSync(path.join(distDir, page), 'utf8');
  const files = scriptSources(html)
    .filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith('//'))
    .map((src) => {
      const file = src.replace(/^\.?\//, '').split(/[?#]/)[0];
      const data = fs.readFileSync(path.join(distDir, file));
      return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
  const gzipBytes = files.reduce((a, f) => a + f.gzipBytes, 0);
  return { files, gzipBytes, gzipKb: Math.round((gzipBytes / 1024) * 10) / 10 };
}
