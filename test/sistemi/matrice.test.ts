/**
 * The generic template's three cards (seed 003) read, checked and computed through the `matrice` system, from a
 * real .xlsx built line by line from the seed. The expectations come from the seed's own lines: what the reader
 * cannot read (card a's Importanza mark, lost in the row merged with the header) is reported, not guessed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Grid, parseA1 } from '../../src/domain/grid';
import { controllaCartella, leggiCartella, sintesiCartella, type Cartella } from '../../src/domain/sistemi';
import { contributiAree, esitoDaMarche } from '../../src/domain/sistemi/matrice';
import { lineaSeedMatrice, matriceGrids, seedMatrice } from './matrice-seed';

let grids: Grid[];
let cartella: Cartella;
const seed = seedMatrice();
const fields = (line: number) => (seed[line - 1] ?? '').replace(/\r$/, '').split('\t');
const lineOf = (cell: string) => lineaSeedMatrice(parseA1(cell)!.r);
const strip = (s: string) => s.replace(/<\/?(?:b|u|sup)>/g, '').replace(/\s+/g, ' ').trim();

/** the seed's cards found in its text alone: heading line, N., Esito, indicator lines, area lines */
function carteDelSeed() {
  const out: { heading: number; numero: string; titolo: string; esito: number; indicatori: number[]; aree: [string, string][] }[] = [];
  for (let i = 1; i <= seed.length; i++) {
    if (!seed[i - 1].startsWith("OBIETTIVO DELL'ORGANO POLITICO")) continue;
    const c = { heading: i, numero: '', titolo: '', esito: NaN, indicatori: [] as number[], aree: [] as [string, string][] };
    let sez = '';
    for (let j = i + 1; j <= seed.length && !seed[j - 1].startsWith("OBIETTIVO DELL'ORGANO"); j++) {
      const f = fields(j);
      const esito = /<b>(\d+)<\/b>/.exec(seed[j - 1]);
      if (esito && Number.isNaN(c.esito)) c.esito = Number(esito[1]);
      if (f[0].startsWith('PERFORMANCE')) c.numero = f[f.length - 1].trim() || f.filter(Boolean).pop()!;
      if (f[0] === 'TITOLO OBIETTIVO') c.titolo = strip(f[1]);
      if (f[0] === 'RISULTATO ATTESO') sez = 'ind';
      else if (f[0] === 'PESO OBIETTIVO') sez = '';
      else if (f[0] === 'Area/Settore') sez = 'aree';
      else if (sez === 'ind' && f.some((x) => x.trim())) c.indicatori.push(j);
      else if (sez === 'aree' && f[0].trim()) c.aree.push([f[0], f[1]]);
    }
    out.push(c);
  }
  return out;
}

beforeAll(async () => {
  grids = await matriceGrids();
  cartella = leggiCartella(grids);
});

describe('matrice: the template read from its own lines', () => {
  const attese = carteDelSeed();

  it('finds the three cards (a, b, d) as matrice cards, none as another system, no sheet left unread', () => {
    expect(attese.map((a) => a.numero)).toEqual(['a', 'b', 'd']);
    expect(cartella.matrice.map((c) => c.numero?.value)).toEqual(['a', 'b', 'd']);
    expect(cartella.gestionale).toHaveLength(0);
    expect(cartella.fasi).toHaveLength(0);
    expect(cartella.nonRiconosciuti).toEqual([]);
    for (const [i, c] of cartella.matrice.entries()) {
      expect(lineOf(c.heading.cell)).toBe(attese[i].heading);
      expect(c.titolo?.value).toBe(attese[i].titolo);
      expect(c.anno).toBe(2023);
    }
  });

  it('reads every indicator line with its target and every area with % di contribuzione and peso assoluto', () => {
    for (const [i, c] of cartella.matrice.entries()) {
      expect(c.indicatori.map((x) => lineaSeedMatrice(x.row))).toEqual(attese[i].indicatori);
      expect(c.aree.map((a) => [a.nome.value, `${a.contribuzione?.points}%`])).toEqual(attese[i].aree);
    }
    const d = cartella.matrice[2];
    expect(d.indicatori.map((x) => x.target?.text)).toEqual(['10%', '100%', 'si', '90%', '100%', '100%', '100%']);
    expect(d.indicatori[0].formula?.value).toBe(fields(85)[3]);
    expect(d.missione?.value).toBe(fields(80)[1]);
    expect(d.programma?.value).toBe(fields(81)[1]);
    // the repeated Area/Settore headers of card a move the columns: TECNICO keeps its three indicators and esiti
    const tecnico = cartella.matrice[0].aree[2];
    expect(tecnico.indicatori.map((x) => x.value)).toEqual([fields(37)[4], fields(38)[4], fields(39)[4]]);
    expect(tecnico.esiti.map((x) => x.text)).toEqual(['95%', '91%', '1']);
    expect(cartella.matrice.map((c) => c.aree.map((a) => a.pesoAssoluto?.value))).toEqual([
      [4.5, 4.5, 4.5, 4.5],
      [3.5, 3.5, 3.5, 3.5],
      [5, 5, 5, 5],
    ]);
  });

  it("agrees with the seed's own peso assoluto: Esito Pesatura × % di contribuzione, for all twelve areas", () => {
    for (const c of cartella.matrice) {
      expect(contributiAree(c).map((a) => a.pesoAssoluto)).toEqual(c.aree.map((a) => a.pesoAssoluto?.value));
    }
  });

  it('reads RISORSE in separate cells (€ | -) and in one cell (€ 100,00), and the INDICE as shown', () => {
    const [a, , d] = cartella.matrice;
    expect([a.risorseProgramma?.value, a.risorseObiettivo?.value, a.indice?.text]).toEqual([0, 0, '#DIV/0!']);
    expect([d.risorseProgramma?.value, d.risorseObiettivo?.value, d.indice?.value]).toEqual([100, 100, 1]);
  });

  it('reads the Esito Pesatura where the seed writes it, glued in card b', () => {
    expect(cartella.matrice.map((c) => c.esito?.value)).toEqual(attese.map((a) => a.esito));
    expect(lineOf(cartella.matrice[1].esito!.cell)).toBe(57);
  });

  it('reads the shifted Realizzabilità rows with their label (b: Medio, d: Basso), noting the shift with its cell', () => {
    const [, b, d] = cartella.matrice;
    const real = (c: typeof b) => c.criteri.find((x) => x.criterio === 'realizzabilita')!;
    expect(real(b).spostamento).toBe(1);
    expect(real(b).marche.map((m) => m.rilevanza)).toEqual(['medio']);
    expect(real(d).marche.map((m) => m.rilevanza)).toEqual(['basso']);
    expect(lineOf(real(d).label.cell)).toBe(97);
    expect(cartella.messaggi.some((m) => m.includes(real(d).label.cell))).toBe(true);
    // the marks then give the seed's own Esito: b 5+3+3+3 = 14, d 5+5+5+5 = 20
    expect(esitoDaMarche(b)?.somma).toBe(14);
    expect(esitoDaMarche(d)?.somma).toBe(20);
  });

  it('does not guess card a\'s Importanza mark, lost in the row merged with the Alto/Medio/Basso header', () => {
    const a = cartella.matrice[0];
    const imp = a.criteri.find((x) => x.criterio === 'importanza')!;
    expect(imp.leggibile).toBe(false);
    expect(imp.marche).toEqual([]);
    expect(lineOf(imp.label.cell)).toBe(25);
    expect(esitoDaMarche(a)).toBeNull();
  });
});

describe('matrice: checks on the seed', () => {
  it('no false error: only the lost mark (avviso, with its cell and the mark the Esito implies) and the #DIV/0! indices (info)', () => {
    const f = controllaCartella(cartella);
    expect(f.filter((x) => x.gravita === 'errore')).toEqual([]);
    const marche = f.filter((x) => x.codice === 'PESATURA_MARCA_MANCANTE');
    expect(marche).toHaveLength(1);
    expect(lineOf(marche[0].celle[0])).toBe(25);
    expect(marche[0].messaggio).toContain('Importanza');
    expect(marche[0].messaggio).toContain('sotto Alto');
    const indici = f.filter((x) => x.codice === 'INDICE_NON_CALCOLABILE');
    expect(indici.map((x) => lineOf(x.celle[0]))).toEqual([29, 63]);
    expect(indici.every((x) => x.gravita === 'info')).toBe(true);
  });

  it('finds a wrong Esito, a second mark and areas not adding to 100%', () => {
    const c = structuredClone(cartella.matrice[2]);
    c.esito!.value = 18;
    c.aree[3].contribuzione!.points = 20;
    const f = controllaCartella({ ...cartella, matrice: [c] });
    const esito = f.find((x) => x.codice === 'PESATURA_ESITO')!;
    expect(esito.messaggio).toContain('20');
    expect(esito.celle).toEqual([c.esito!.cell]);
    const contr = f.find((x) => x.codice === 'CONTRIBUZIONE_SOMMA')!;
    expect(contr.messaggio).toContain('95%');
    c.criteri[0].marche.push({ rilevanza: 'medio', cell: 'D84' });
    const f2 = controllaCartella({ ...cartella, matrice: [c] });
    expect(f2.find((x) => x.codice === 'PESATURA_MARCA_MANCANTE')!.celle).toEqual(['C84', 'D84']);
  });

  it('summarises the three cards with their system, Esito as weight and the avviso on card a', () => {
    const f = controllaCartella(cartella);
    const s = sintesiCartella(cartella, f);
    expect(s.map((x) => [x.sistema, x.peso])).toEqual([
      ['matrice', 18],
      ['matrice', 14],
      ['matrice', 20],
    ]);
    expect(s[0].segnalazioni).toEqual({ errori: 0, avvisi: 1, info: 1 });
    expect(s[2].segnalazioni).toEqual({ errori: 0, avvisi: 0, info: 0 });
  });
});
