/**
 * Offline check of manifest.xml (the official validator needs the network): the Office reader accepts it,
 * the required elements are there, every icon URL has a PNG of the right size in assets/, every URL shares
 * one base, the version follows package.json, and the production rewrite (ADDIN_URL) keeps it consistent.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { DEV_BASE_URL, normalizeBaseUrl, rewriteManifest } from '../../scripts/lib/manifest-url.mjs';
import { findAll, parseXml, path, type XmlNode } from './xml';
import { readPng } from './png';

const ROOT = join(__dirname, '../..');
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const doc = parseXml(xml);
const app = path(doc, 'OfficeApp')!;

/** every URL-valued attribute or element text in the manifest */
function allUrls(root: XmlNode): string[] {
  const out: string[] = [];
  const walk = (n: XmlNode) => {
    for (const v of Object.values(n.attrs)) if (/^https?:\/\//.test(v) && !n.name.startsWith('xmlns')) out.push(v);
    if (/^https?:\/\//.test(n.text.trim())) out.push(n.text.trim());
    n.children.forEach(walk);
  };
  walk(root);
  // namespace declarations are URIs, not addresses
  return out.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
}

/** resources by id: bt:Image, bt:Url, bt:String (short and long) */
function resources(root: XmlNode) {
  const res = path(root, 'OfficeApp', 'VersionOverrides', 'Resources')!;
  const group = (name: string) =>
    new Map(path(res, name)!.children.map((c) => [c.attrs.id, c.attrs.DefaultValue] as [string, string]));
  return {
    images: group('Images'),
    urls: group('Urls'),
    short: group('ShortStrings'),
    long: group('LongStrings'),
  };
}

function iconFile(url: string, base: string): string {
  expect(url.startsWith(base), `${url} non inizia con ${base}`).toBe(true);
  return join(ROOT, url.slice(base.length));
}

describe('manifest.xml', () => {
  it("is read by office-addin-manifest's reader with the add-in's identity", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultLocale).toBe('it-IT');
    expect(info.displayName).toBe('Schede Obiettivi');
    expect(info.description).toMatch(/schede obiettivo/i);
    expect(info.description!.length).toBeLessThanOrEqual(250);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(info.iconUrl).toBe(`${DEV_BASE_URL}assets/icons/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${DEV_BASE_URL}assets/icons/icon-64.png`);
  });

  it('has the version of package.json with a fourth part', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.version).toBe(`${pkg.version}.0`);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('requires ExcelApi 1.7', () => {
    const sets = findAll(path(app, 'Requirements')!, 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.7']]);
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const host = path(app, 'VersionOverrides', 'Hosts', 'Host')!;
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const point = findAll(host, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface');
    expect(point).toBeDefined();
    const tab = path(point, 'OfficeTab')!;
    expect(tab.attrs.id).toBe('TabHome');
    const button = findAll(tab, 'Control').find((c) => c.attrs['xsi:type'] === 'Button')!;
    expect(button).toBeDefined();
    const action = path(button, 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const res = resources(doc);
    const source = res.urls.get(path(action, 'SourceLocation')!.attrs.resid);
    expect(source).toBe(path(app, 'DefaultSettings', 'SourceLocation')!.attrs.DefaultValue);
    const label = res.short.get(path(button, 'Label')!.attrs.resid);
    expect(label).toBe('Schede Obiettivi');
    expect(res.long.get(path(button, 'Supertip', 'Description')!.attrs.resid)).toMatch(/pannello/i);
  });

  it('defines every resid it uses, within the length limits', () => {
    const res = resources(doc);
    const defined = new Set([...res.images.keys(), ...res.urls.keys(), ...res.short.keys(), ...res.long.keys()]);
    const refs: string[] = [];
    const walk = (n: XmlNode) => {
      if (n.attrs.resid) refs.push(n.attrs.resid);
      n.children.forEach(walk);
    };
    walk(app);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => !defined.has(r))).toEqual([]);
    for (const v of res.short.values()) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of res.long.values()) expect(v.length).toBeLessThanOrEqual(250);
  });

  it('uses one https base for every URL, and the app domain is its origin', () => {
    const urls = allUrls(doc);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(DEV_BASE_URL) || u === DEV_BASE_URL.replace(/\/$/, '')).toBe(true);
    expect(findAll(app, 'AppDomain').map((d) => d.text.trim())).toEqual([new URL(DEV_BASE_URL).origin]);
  });

  it('points every icon URL at a PNG of the right size in assets/', () => {
    const res = resources(doc);
    const icons: [string, number][] = [
      [path(app, 'IconUrl')!.attrs.DefaultValue, 32],
      [path(app, 'HighResolutionIconUrl')!.attrs.DefaultValue, 64],
      ...[...res.images].map(([id, url]) => [url, Number(/^Icon\.(\d+)x\1$/.exec(id)?.[1])] as [string, number]),
    ];
    expect(icons.length).toBe(5);
    for (const [url, size] of icons) {
      const file = iconFile(url, DEV_BASE_URL);
      expect(existsSync(file), `${file} manca`).toBe(true);
      const png = readPng(readFileSync(file));
      expect([png.width, png.height], url).toEqual([size, size]);
    }
    // every size referenced by an <bt:Image size="N"> has its resource of that size
    for (const img of findAll(app, 'Image').filter((i) => i.attrs.size)) {
      const url = res.images.get(img.attrs.resid)!;
      expect(readPng(readFileSync(iconFile(url, DEV_BASE_URL))).width).toBe(Number(img.attrs.size));
    }
  });
});

describe('assets/icons', () => {
  it('holds real 16/32/64/80/128 RGBA icons: transparent corners, green square, white check', () => {
    const files = readdirSync(join(ROOT, 'assets/icons')).filter((f) => f.endsWith('.png')).sort();
    expect(files).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readPng(readFileSync(join(ROOT, `assets/icons/icon-${size}.png`)));
      expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
      const px = (x: number, y: number) => [...png.rgba!.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
      expect(px(0, 0)[3]).toBe(0); // corner outside the rounded square
      const edge = px(Math.round(size * 0.15), Math.round(size * 0.5)); // inside, away from the check
      expect(edge[3]).toBe(255);
      expect(edge[1]).toBeGreaterThan(edge[0] + 50); // green
      const check = px(Math.round(size * 0.43), Math.round(size * 0.68)); // on the check's corner
      expect(Math.min(check[0], check[1], check[2])).toBeGreaterThan(200); // white
    }
  });
});

describe('production manifest (ADDIN_URL)', () => {
  const base = 'https://schede.comune.example.it/obiettivi';
  const prod = rewriteManifest(xml, base);

  it('rewrites every URL to the production base and the app domain to its origin', () => {
    expect(prod).not.toContain('https://localhost');
    const urls = allUrls(parseXml(prod));
    expect(urls.length).toBe(allUrls(doc).length);
    for (const u of urls) {
      expect(u === 'https://schede.comune.example.it' || u.startsWith(`${base}/`), u).toBe(true);
    }
    expect(prod).toContain(`<SourceLocation DefaultValue="${base}/taskpane.html"/>`);
  });

  it('stays readable by the Office reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(join(dir, 'manifest.xml'), prod);
    const info = await OfficeAddinManifest.readManifestFile(join(dir, 'manifest.xml'));
    expect(info.defaultSettings?.sourceLocation).toBe(`${base}/taskpane.html`);
    expect(info.version).toBe(`${pkg.version}.0`);
  });

  it('accepts only https addresses and escapes XML', () => {
    expect(normalizeBaseUrl(undefined)).toBe(DEV_BASE_URL);
    expect(normalizeBaseUrl(' https://a.it/x?y=1 ')).toBe('https://a.it/x/');
    expect(() => normalizeBaseUrl('http://a.it/')).toThrow(/https/);
    expect(() => normalizeBaseUrl('non un indirizzo')).toThrow(/ADDIN_URL/);
    expect(rewriteManifest(xml, 'https://a.it/p&q/')).toContain('https://a.it/p&amp;q/taskpane.html');
  });

  const built = join(ROOT, 'dist/manifest.xml');
  it.skipIf(!existsSync(built))('dist/manifest.xml (when built) uses one origin for every URL', () => {
    const urls = allUrls(parseXml(readFileSync(built, 'utf8')));
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect(origins.size).toBe(1);
    expect(urls.length).toBe(allUrls(doc).length);
  });
});
