/**
 * Standing rules of DESIGN.md, checked on the source text: the core is pure, Office.js lives only in
 * src/workbook/office, and nothing can send the workbook's personal data anywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

/** source text without comments (comments may name Office.js or ExcelJS freely) */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const all = sources(join(ROOT, 'src')).map((p) => ({ path: relative(ROOT, p), text: code(readFileSync(p, 'utf8')) }));

describe('architecture and privacy rules', () => {
  it('src/domain imports nothing outside itself: no Office, React, Fluent, ExcelJS or Node', () => {
    const bad = all
      .filter((f) => f.path.startsWith('src/domain/'))
      .filter((f) =>
        /from ['"](\.\.\/)+(workbook|taskpane|cli|preview)\b|from ['"](react|react-dom|exceljs|@fluentui\/[^'"]+|node:[^'"]+|fs|path)['"]|\bExcel\.run\b|\bOffice\.(onReady|context)\b/.test(f.text),
      )
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('the Office.js globals are touched only in src/workbook/office (and the test-only fake Excel page)', () => {
    const bad = all
      .filter((f) => !f.path.startsWith('src/workbook/office/') && !f.path.startsWith('src/preview/fakeOffice/'))
      .filter((f) => /\b(Excel\.run|Office\.(onReady|context))\b/.test(f.text))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('no eval, no Function constructor, no dangerouslySetInnerHTML anywhere in src', () => {
    const bad = all.filter((f) => /\beval\(|new Function\(|dangerouslySetInnerHTML/.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('no network calls but the preview fetching its own sample workbooks from the same origin', () => {
    // the samples are the fixed list of src/preview/esempi.ts, under esempi/ beside the page
    const sameOrigin = /fetch\(new URL\((SAMPLE_URL|`esempi\/\$\{file\}`), document\.baseURI\)/;
    const bad = all
      .filter((f) => /\bfetch\(|XMLHttpRequest|WebSocket|navigator\.sendBeacon/.test(f.text))
      .filter((f) => !(f.path.startsWith('src/preview/') && sameOrigin.test(f.text)))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });
});
