/**
 * Size and shape of the built pages (only when dist/ exists: `npm run build`, or the e2e run, makes it).
 * The pane's first-load JavaScript, gzipped, must stay under 250 KB (issue 7's target); office.js comes from Microsoft's CDN
 * in taskpane.html only, never bundled, and never in the preview page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoadSize, scriptSources } from '../../scripts/lib/bundle.mjs';

const DIST = join(__dirname, '../../dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const built = existsSync(join(DIST, 'taskpane.html')) && existsSync(join(DIST, 'index.html'));
const LIMIT_KB = 250;

describe('scriptSources', () => {
  it('reads quoted and unquoted src attributes in order, skipping inline scripts', () => {
    const html = `<script src=${OFFICE_JS}></script><script>var x=1</script>` +
      `<script defer="defer" src="a.1.js"></script><script src='b.js' defer></script>`;
    expect(scriptSources(html)).toEqual([OFFICE_JS, 'a.1.js', 'b.js']);
  });
});

describe.skipIf(!built)('dist/', () => {
  it(`keeps the pane's first-load JavaScript under ${LIMIT_KB} KB gzipped`, () => {
    const size = firstLoadSize(DIST, 'taskpane.html');
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzipKb, size.files.map((f) => `${f.file}: ${f.gzipBytes} B`).join(', ')).toBeLessThanOrEqual(LIMIT_KB);
  });

  it('loads office.js from the CDN first in taskpane.html, and not in the preview', () => {
    const pane = scriptSources(readFileSync(join(DIST, 'taskpane.html'), 'utf8'));
    expect(pane[0]).toBe(OFFICE_JS);
    expect(pane.filter((s) => s.includes('office.js'))).toEqual([OFFICE_JS]);
    const preview = scriptSources(readFileSync(join(DIST, 'index.html'), 'utf8'));
    expect(preview.some((s) => s.includes('office'))).toBe(false);
    expect(preview.length).toBeGreaterThan(0);
  });

  it('copies the manifest, the icons and the sample workbook', () => {
    for (const f of ['manifest.xml', 'assets/icons/icon-16.png', 'assets/icons/icon-80.png', 'esempi/sarzana-esempio.xlsx']) {
      expect(existsSync(join(DIST, f)), f).toBe(true);
    }
  });
});
