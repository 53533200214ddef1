/**
 * Objective lists that become cards (issue 14): Offanengo's plan in prose (seed 004, lines 185–361) lists its
 * objectives as bullets under AREA … and (Settore …) headings, one bullet running over two lines; a CSV from Excel;
 * `schede nuova --elenco` makes one blank card per objective, with its settore and area, and --anteprima shows
 * the same cards before anything is written.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leggiElenco } from '../../src/domain/modelli/elenco';
import { decodificaTesto, gridDaCsv, leggiElencoTesto, obiettiviDaCelle, righeDaTesto } from '../../src/domain/modelli/elencoTesto';
import { gridFromValues } from '../../src/taskpane/model';
import { readElencoRows } from '../../src/taskpane/nuovaScheda';
import { readWorkbook } from '../../src/domain/scheda';
import { leggiCartella } from '../../src/domain/sistemi';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { runIn } from '../helpers/cli';
import { sharedFile } from '../helpers/shared';

const SEED = sharedFile('seeds/004_cb40de6ae7e9fb41.txt');
const seed = readFileSync(SEED, 'utf8');
const lines = seed.split('\n');
const LISTA = lines.slice(184, 361).join('\n');

/** per settore, the bullets a reader counts in the seed (esempi/structures.md) */
const PER_SETTORE: Record<string, number> = {
  'Settore Segreteria': 20,
  'Settore Cultura': 7,
  'Settore Sport': 5,
  'Settore Economico – Contabile': 15,
  'Settore Tributi': 8,
  'Settore Edilizia Privata': 7,
  'Settore Urbanistica e Lavori Pubblici': 16,
  'Settore Sociale': 12,
  'Settore Vigilanza Urbana - Polizia Locale': 14,
  'Settore Demografici': 13,
  'Settore URP e Protocollo': 10,
};

describe("Offanengo's lists as text (seed 004, lines 185–361)", () => {
  const obiettivi = leggiElencoTesto(LISTA);

  it('127 objectives, each with its settore and area', () => {
    expect(lines[184]).toBe('AREA AFFARI GENERALI / AMMINISTRATIVA E RISORSE UMANE');
    expect(obiettivi).toHaveLength(127);
    const count: Record<string, number> = {};
    for (const o of obiettivi) count[o.settore!] = (count[o.settore!] ?? 0) + 1;
    expect(count).toEqual(PER_SETTORE);
    expect(obiettivi.every((o) => o.area?.startsWith('AREA '))).toBe(true);
    expect(obiettivi.find((o) => o.settore === 'Settore Tributi')!.area).toBe('AREA ORDINAMENTO CONTABILE E FINANZIARIO');
    // "(settore URP e Protocollo)" is written in lower case in the seed
    expect(obiettivi.at(-1)).toMatchObject({ titolo: 'Passaggio alle soluzioni cloud per le PA del gruppo Maggioli', settore: 'Settore URP e Protocollo', area: 'AREA SERVIZI AL CITTADINO' });
  });

  it('the bullet that runs over two lines (297 and 299) is one objective, whole', () => {
    const o = obiettivi.find((x) => x.titolo.startsWith('Interventi finalizzati a garantire la tutela'))!;
    expect(o.riga).toBe(297 - 184);
    expect(o.titolo).toMatch(/sia a carattere preventivo e\/o di individuazione precoce del disagio, che di natura riparatrice e di sostegno a situazioni di criticità personale e familiare\.$/);
    expect(obiettivi.some((x) => x.titolo.startsWith('carattere preventivo'))).toBe(false);
  });

  it('the whole plan gives the same 127: bullets outside the AREA / Settore sections (the index, the criteria) are prose', () => {
    expect(leggiElencoTesto(seed).map((o) => o.titolo)).toEqual(obiettivi.map((o) => o.titolo));
  });

  it('a plain list: one objective per bullet, or per line when there are no bullets; Windows line ends', () => {
    expect(leggiElencoTesto('- Uno\r\n- Due\r\n\r\nnota a margine senza trattino\r\n- Tre').map((o) => o.titolo)).toEqual(['Uno', 'Due nota a margine senza trattino', 'Tre']);
    expect(leggiElencoTesto('Sportello unico\n\nArchivio digitale\n42\n').map((o) => o.titolo)).toEqual(['Sportello unico', 'Archivio digitale']);
    expect(leggiElencoTesto('')).toEqual([]);
  });

  it('rows for new cards: the settore then the area in the unit', () => {
    expect(righeDaTesto(obiettivi)[0]).toEqual({
      titolo: obiettivi[0]!.titolo,
      unita: 'Settore Segreteria — AREA AFFARI GENERALI / AMMINISTRATIVA E RISORSE UMANE',
    });
  });
});

describe('a CSV list, as Excel writes it', () => {
  it('";" with quoted fields and a Windows-1252 "à" reads like cells', () => {
    const bytes = new Uint8Array([...Buffer.from('Titolo;Dirigente;Unit'), 0xe0, ...Buffer.from(';Note\r\n"Sportello unico; digitale";Rossi;Settore Tributi;"detto ""SUAP"""\r\nArchivio;Bianchi;Settore Segreteria;\r\n')]);
    const text = decodificaTesto(bytes);
    expect(text.startsWith('Titolo;Dirigente;Unità')).toBe(true);
    const r = leggiElenco(gridDaCsv(text));
    expect(r.ok && r.righe).toEqual([
      { titolo: 'Sportello unico; digitale', dirigente: 'Rossi', unita: 'Settore Tributi' },
      { titolo: 'Archivio', dirigente: 'Bianchi', unita: 'Settore Segreteria' },
    ]);
  });
  it('Windows-1252 apostrophe, dash, quotes and euro (0x80–0x9F) read as such, not as control characters', () => {
    // the seed's own settore "Economico – Contabile" and an objective with ’ and “…”, saved by Excel in Windows-1252
    const cp1252: Record<string, number> = { '–': 0x96, '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80 };
    const csv = 'Titolo;Settore\r\nVerifica dell’anticipazione di tesoreria “costante” (1.000 €);Settore Economico – Contabile\r\nAttività di liquidazione e riscossione.;Settore Tributi\r\n';
    const bytes = new Uint8Array([...csv].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
    const text = decodificaTesto(bytes);
    expect(text).toBe(csv);
    expect(/[\u0080-\u009f]/.test(text)).toBe(false);
    const r = leggiElenco(gridDaCsv(text));
    expect(r.ok && r.righe.map((x) => x.unita)).toEqual(['Settore Economico – Contabile', 'Settore Tributi']);
  });
  it('"," and a UTF-8 BOM', () => {
    const r = leggiElenco(gridDaCsv(decodificaTesto(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Obiettivo,Settore\nRiordino archivio,Segreteria\n')]))));
    expect(r.ok && r.righe).toEqual([{ titolo: 'Riordino archivio', unita: 'Segreteria' }]);
  });
});

describe('schede nuova --elenco with a text list', () => {
  it('127 cards from the plan in prose, named as --anteprima said, each with its settore and area; they check clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-elenco-'));
    writeFileSync(join(dir, 'offanengo.txt'), LISTA);
    const preview = await runIn(dir, 'nuova', '--elenco', 'offanengo.txt', '--anteprima');
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/^Verrebbero create 127 schede \(Obiettivo gestionale\); nulla è stato scritto:/);
    const previewNames = preview.out.trim().split('\n').slice(1).map((l) => l.replace(/^ {2}- /, '').split(' — ')[0]!.replace(/ \[.*$/, ''));

    const made = await runIn(dir, 'nuova', '--elenco', 'offanengo.txt', '--periodo', '2024-2026', '--out', 'schede.xlsx');
    expect(made.code, made.err).toBe(0);
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'schede.xlsx'))));
    const grids = await wb.readSheets();
    const schede = readWorkbook(grids);
    expect(schede).toHaveLength(127);
    expect(schede.map((s) => s.sheet)).toEqual(previewNames);
    expect(new Set(schede.map((s) => s.sheet)).size).toBe(127);
    expect(schede.every((s) => s.sheet.length <= 31)).toBe(true);
    const sociale = schede.find((s) => s.header.descrizione?.value.startsWith('Interventi finalizzati a garantire la tutela'))!;
    expect(sociale.header.descrizione!.value).toMatch(/personale e familiare\.$/);
    expect(sociale.header.unitaResponsabile?.value).toBe('Settore Sociale — AREA SERVIZI SOCIALI');
    const check = await runIn(dir, 'controlla', 'schede.xlsx');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/0 errori, 0 avvisi/);
  });

  it('--sistema fasi from a CSV: blank objectives with phases, the settore as their service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-elenco-'));
    writeFileSync(join(dir, 'elenco.csv'), 'Titolo;Unità\nSportello unico digitale;Settore Tributi\nArchivio;Settore Segreteria\n');
    const r = await runIn(dir, 'nuova', '--elenco', 'elenco.csv', '--sistema', 'fasi', '--periodo', '2025', '--out', 'fasi.xlsx');
    expect(r.code, r.err).toBe(0);
    const c = leggiCartella(await (await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'fasi.xlsx'))))).readSheets());
    expect(c.fasi.map((o) => o.titolo?.value)).toEqual(['Sportello unico digitale (OBIETTIVO 2025)', 'Archivio (OBIETTIVO 2025)']);
    expect(c.fasi.map((o) => [o.sheet, o.servizio?.nome ?? null])).toEqual([
      ['Sportello unico digitale', 'SERVIZIO SETTORE TRIBUTI'],
      ['Archivio', 'SERVIZIO SETTORE SEGRETERIA'],
    ]);
  });

  it('an empty list, a list file that is not there, an unknown system: exit 2 with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-elenco-'));
    writeFileSync(join(dir, 'vuoto.txt'), '\n\n');
    expect((await runIn(dir, 'nuova', '--elenco', 'vuoto.txt', '--out', 'x.xlsx')).err).toMatch(/nessun titolo/);
    expect((await runIn(dir, 'nuova', '--elenco', 'manca.txt', '--out', 'x.xlsx')).err).toMatch(/non si può leggere/);
    const r = await runIn(dir, 'nuova', '--sistema', 'altro', '--out', 'x.xlsx');
    expect(r.code).toBe(2);
    copyFileSync(join(dir, 'vuoto.txt'), join(dir, 'vuoto2.txt'));
  });
});

describe('the same list given as cells (a column holding the seed lines)', () => {
  /** a real .xlsx whose column B, from row 3, holds the seed's lines 185–361 (blank lines left empty) */
  async function pianoXlsx() {
    const wb = XlsxWorkbook.create();
    await wb.applyWritePlan({ sheets: [{ name: 'Piano', cells: LISTA.split('\n').flatMap((l, i) => (l ? [{ address: `B${i + 3}`, value: l }] : [])) }] });
    return wb.toBuffer();
  }

  it('reads 127 objectives with settore and area, the two-line bullet whole; a table is not taken for prose', async () => {
    const grid = (await (await XlsxWorkbook.fromBuffer(await pianoXlsx())).readSheets()).find((g) => g.name === 'Piano')!;
    const ob = obiettiviDaCelle(grid)!;
    expect(ob.map((o) => [o.titolo, o.area, o.settore])).toEqual(leggiElencoTesto(LISTA).map((o) => [o.titolo, o.area, o.settore]));
    expect(ob).toHaveLength(127);
    expect(ob.filter((o) => o.titolo.includes('sia a carattere preventivo')).map((o) => o.settore)).toEqual(['Settore Sociale']);
    const tabella = gridDaCsv('Titolo;Settore\r\nSistemazione archivio comunale.;Settore URP e Protocollo\r\n');
    expect(obiettiviDaCelle(tabella)).toBeNull();
  });

  it('schede nuova --elenco PIANO.xlsx makes 127 cards, not one per heading line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schede-elenco-celle-'));
    writeFileSync(join(dir, 'piano.xlsx'), await pianoXlsx());
    const r = await runIn(dir, 'nuova', '--elenco', 'piano.xlsx', '--out', 'schede.xlsx');
    expect(r).toMatchObject({ code: 0, err: '' });
    const schede = readWorkbook(await (await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(join(dir, 'schede.xlsx'))))).readSheets());
    expect(schede).toHaveLength(127);
    expect(schede.some((s) => /^(AREA|\(Settore|- )/.test(String(s.header.descrizione?.value ?? '')))).toBe(false);
    expect(schede.filter((s) => String(s.header.unitaResponsabile?.value ?? '').startsWith('Settore Tributi'))).toHaveLength(8);
  });

  it("the pane's selection reader takes the same cells as the plan in prose", () => {
    const values = LISTA.split('\n').map((l) => [l || null]);
    const rows = readElencoRows(gridFromValues(values));
    expect(rows).toHaveLength(127);
    expect(rows.every((x) => /^Settore /.test(x.unita ?? ''))).toBe(true);
  });
});
