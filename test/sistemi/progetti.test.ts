/**
 * Chiari's projects (seed 001) read and checked through the `progetti` system, from a real .xlsx built line by line
 * from the seed (table lines 65–93, 24 cards from line 97). The expectations come from the seed's own text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/controlli/types';
import type { Grid } from '../../src/domain/grid';
import { controllaCartella, leggiCartella, sintesiCartella, type Cartella } from '../../src/domain/sistemi';
import { coeffDi, fondoDi, pesoCategoria } from '../../src/domain/sistemi/progetti';
import type { SchedaProgetto, TabellaProgetti } from '../../src/domain/sistemi/progetti/types';
import { parseNumberIt } from '../../src/domain/valori';
import { campi, chiariGrids, lineaChiari, seedChiari } from './chiari';

const seed = seedChiari();
/** the table's data lines of the seed: a project number in the first field */
const righeSeed = seed
  .map((l, i) => ({ line: i + 1, f: campi(l) }))
  .filter((x) => x.line >= 66 && x.line <= 93 && /^\d+$/.test(x.f[0]));
/** the cards of the seed: PERCENTUALE and SOGLIA lines after each PERFORMANCE 2024 - PROGETTO N. n */
function schedeSeed() {
  const out: { n: number; percentuali: number[]; soglia: number }[] = [];
  seed.forEach((l) => {
    const m = /^PERFORMANCE 2024 - PROGETTO N\. (\d+)/.exec(l);
    if (m) out.push({ n: Number(m[1]), percentuali: [], soglia: NaN });
    const p = /^PERCENTUALE PER VERIFICA DEL RAGGIUNGIMENTO DELL'OBIETTIVO: (\d+) %/.exec(l);
    if (p) out[out.length - 1].percentuali.push(Number(p[1]));
    const s = /^SOGLIA MINIMA RISULTATO ATTESO: (\d+) %/.exec(l);
    if (s && out.length) out[out.length - 1].soglia = Number(s[1]);
  });
  return out;
}

let grids: Grid[];
let cartella: Cartella;
let findings: Finding[];
let tabella: TabellaProgetti;
let schede: SchedaProgetto[];

beforeAll(async () => {
  grids = await chiariGrids();
  cartella = leggiCartella(grids);
  findings = controllaCartella(cartella);
  tabella = cartella.progetti.find((c): c is TabellaProgetti => c.tipo === 'tabella')!;
  schede = cartella.progetti.filter((c): c is SchedaProgetto => c.tipo === 'scheda');
});

describe('the projects table (seed lines 65–93)', () => {
  it('is found by its header despite SOGGIA / IMPORTE / MULTIPLOC., with its 24 rows', () => {
    expect(cartella.nonRiconosciuti).toEqual([]);
    expect(lineaChiari('Progetti', tabella.headerRow)).toBe(65);
    expect(tabella.righe.map((r) => r.n)).toEqual(righeSeed.map((x) => Number(x.f[0])));
    expect(tabella.righe.map((r) => lineaChiari('Progetti', r.row))).toEqual(righeSeed.map((x) => x.line));
  });

  it('reads every column by content, numbers as text or as Excel numbers alike', () => {
    tabella.righe.forEach((r, i) => {
      const f = righeSeed[i].f;
      expect(r.ambito?.value).toBe(f[1].trim());
      expect(r.periodo?.value).toBe(f[4].trim());
      expect(r.categoria?.value).toBe(f[7].trim());
      expect(r.soglia?.value).toBe(parseNumberIt(f[5]));
      expect(r.nDip?.value).toBe(parseNumberIt(f[8]));
      expect(r.peso?.value ?? null).toBe(f[9] ? parseNumberIt(f[9]) : null);
      expect(r.coeff?.value ?? null).toBe(f[10] ? parseNumberIt(f[10]) : null);
      expect(r.totale?.value ?? null).toBe(f[11] ? parseNumberIt(f[11]) : null);
      expect(r.importo?.value).toBe(parseNumberIt(f[12]));
    });
  });

  it('says where the header lies: "TIPOLOGIA PROGETTO" holds the time span (info)', () => {
    const f = findings.filter((x) => x.codice === 'PROGETTO_INTESTAZIONE');
    expect(f).toHaveLength(1);
    expect(f[0].gravita).toBe('info');
    expect(f[0].celle).toEqual(['E1']);
    expect(f[0].messaggio).toContain('TIPOLOGIA PROGETTO');
    expect(f[0].messaggio).toContain('tempi di attuazione');
  });

  it('raises no PESO, COEFF, TOTALE or PERCENTUALE error on the seed', () => {
    for (const c of ['PROGETTO_PESO_TIPOLOGIA', 'PROGETTO_COEFF', 'PROGETTO_TOTALE', 'VERIFICA_SOMMA']) expect(findings.filter((x) => x.codice === c)).toEqual([]);
    // and the rules hold on the seed's own numbers
    for (const x of righeSeed.filter((y) => y.f[9])) {
      expect(pesoCategoria(x.f[7])).toBe(parseNumberIt(x.f[9]));
      expect(coeffDi(parseNumberIt(x.f[8])!)).toBe(parseNumberIt(x.f[10]));
    }
  });

  it('finds the two pools, the fixed amount and the reserve; every IMPORTO recomputed; only project 7 one cent off, as avviso', () => {
    const fondo = fondoDi(tabella);
    expect(fondo.quote.map((q) => [q.importo, q.punti])).toEqual([
      [35223.09, 630],
      [13000, 292.5],
    ]);
    expect(fondo.quote[1].progetti).toEqual([4, 5, 6, 7]);
    expect(fondo.fissi).toBe(15000);
    expect(fondo.assegnato).toBe(63223.09);
    expect(fondo.totale).toBe(91223.09);
    expect(fondo.riserva).toBe(28000);
    const diversi = fondo.importi.filter((x) => x.atteso !== null && Math.abs(x.atteso - (x.scritto?.value ?? 0)) >= 0.005);
    expect(diversi.map((x) => [x.n, x.atteso, x.scritto?.value])).toEqual([[7, 2666.67, 2666.66]]);
    expect(fondo.importi.every((x) => x.atteso !== null)).toBe(true);
    const imp = findings.filter((x) => x.codice === 'PROGETTO_IMPORTO');
    expect(imp.map((x) => [x.gravita, x.celle[0]])).toEqual([['avviso', 'M8']]);
    expect(imp[0].messaggio).toContain('2.666,67');
    expect(findings.filter((x) => x.codice === 'PROGETTO_FONDO').map((x) => x.celle[0])).toEqual(['M4']);
  });

  it('a faulty copy (wrong PESO for its tipologia, wrong COEFF for its N. DIP.) gets both errors', async () => {
    // project 12: "miglioramento" weighs 20, N. DIP. 10 gives 3: write 25 and 2
    const linea = righeSeed.find((x) => x.f[0] === '12')!;
    const f = [...linea.f];
    f[9] = '25';
    f[10] = '2';
    const c = leggiCartella(await chiariGrids({ [linea.line]: f.join('\t') }));
    const out = controllaCartella(c);
    const peso = out.filter((x) => x.codice === 'PROGETTO_PESO_TIPOLOGIA');
    const coeff = out.filter((x) => x.codice === 'PROGETTO_COEFF');
    expect(peso.map((x) => [x.gravita, x.celle[0]])).toEqual([['errore', 'J14']]);
    expect(coeff.map((x) => [x.gravita, x.celle[0]])).toEqual([['errore', 'K14']]);
    expect(peso[0].messaggio).toContain('20');
    expect(coeff[0].messaggio).toContain('3');
  });
});

describe('the 24 project cards', () => {
  it('are read one after another with their indicators and soglia', () => {
    const atteso = schedeSeed();
    expect(schede.map((s) => s.numero)).toEqual(atteso.map((x) => x.n));
    expect(schede.map((s) => s.indicatori.map((i) => i.percentuale?.value))).toEqual(atteso.map((x) => x.percentuali));
    expect(schede.map((s) => s.soglia?.value)).toEqual(atteso.map((x) => x.soglia));
    expect(schede.reduce((n, s) => n + s.indicatori.length, 0)).toBe(79);
  });

  it('reads a label split over two rows and values on the rows below', () => {
    const p1 = schede[0];
    expect(p1.titolo?.value).toBe(campi(seed[104])[0].replace(/^TITOLO OBIETTIVO: /, ''));
    expect(p1.personale?.value).toContain('/pagamenti fatture');
    // the card after a split label still finds its indicator (line 114/116 split, indicator at 120)
    expect(lineaChiari('Schede progetto', p1.indicatori[0].row)).toBe(120);
  });

  it('finds the four SOGLIA mismatches of projects 10–13 (avviso)', () => {
    const f = findings.filter((x) => x.codice === 'SOGLIA_DIVERSA');
    const bySeed = schedeSeed()
      .filter((s) => s.soglia !== parseNumberIt(righeSeed.find((x) => Number(x.f[0]) === s.n)!.f[5]))
      .map((s) => s.n);
    expect(bySeed).toEqual([10, 11, 12, 13]);
    expect(f.map((x) => schede.find((s) => s.index === x.scheda)?.numero)).toEqual(bySeed);
    expect(f.every((x) => x.gravita === 'avviso')).toBe(true);
  });

  it('notes the soglie the indicators cannot hit exactly (I052–I056, info)', () => {
    const f = findings.filter((x) => x.codice === 'SOGLIA_GRANULARE');
    expect(f.every((x) => x.gravita === 'info')).toBe(true);
    expect(f.map((x) => schede.find((s) => s.index === x.scheda)?.numero)).toEqual([5, 7, 9, 16, 20, 22, 23, 24]);
  });

  it('reports periods and titles that differ from the table as info', () => {
    const f = findings.filter((x) => x.codice === 'PROGETTO_SCHEDA');
    expect(f.every((x) => x.gravita === 'info')).toBe(true);
    const numeri = f.map((x) => schede.find((s) => s.index === x.scheda)?.numero);
    expect(numeri).toEqual(expect.arrayContaining([3, 4, 23]));
  });

  it('lists every card in the common summary', () => {
    const s = sintesiCartella(cartella, findings).filter((x) => x.sistema === 'progetti');
    expect(s).toHaveLength(24);
    expect(s[9].segnalazioni.avvisi).toBe(1);
  });
});

describe('N. DIP. against the people listed (info)', () => {
  it('flags project 19 in the table (6 listed besides the head, N. DIP. 5) and the cards of projects 10 and 14', () => {
    const f = findings.filter((x) => x.codice === 'PROGETTO_PERSONALE');
    expect(f.every((x) => x.gravita === 'info')).toBe(true);
    const table = f.filter((x) => x.foglio === 'Progetti');
    expect(table.map((x) => x.celle[1])).toEqual([`I${tabella.righe.find((r) => r.n === 19)!.row + 1}`]);
    const cards = f.filter((x) => x.foglio === 'Schede progetto').map((x) => schede.find((s) => s.index === x.scheda)?.numero);
    expect(cards).toEqual(expect.arrayContaining([10, 14]));
  });
});
