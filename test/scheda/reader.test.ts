/**
 * The reader on verbatim Sarzana cards (../shared/seeds/002_…, pasted as a sheet by tsvToGrid).
 * Expected values are the seed text itself; addresses are sheet cells (row 1 = first line read).
 */
import { describe, expect, it } from 'vitest';
import { parseRange, type Grid } from '../../src/domain/grid';
import { readSchede, readWorkbook, type Scheda } from '../../src/domain/scheda';
import { tsvToGrid } from '../helpers/tsvGrid';
import { seedGrid, seedText } from './sarzana';

const one = (from: number, to: number): Scheda => {
  const s = readSchede(seedGrid(from, to));
  expect(s).toHaveLength(1);
  return s[0];
};
const pesi = (s: Scheda, n: number) => s.annualita.find((a) => a.n === n)!.azioni.map((a) => a.peso?.points ?? null);

describe('card 1 (lines 3-45): the standard layout', () => {
  const s = one(3, 45);
  it('title, period and the both-ticked boxes', () => {
    expect(s.titolo?.cell).toBe('A1');
    expect(s.periodo).toEqual({ from: 2024, to: 2026 });
    expect(s.tipo).toBeNull();
    expect(s.problemi.some((p) => p.includes('sia COMUNE sia INDIVIDUALE') && p.includes('A1'))).toBe(true);
  });
  it('header fields with their cells', () => {
    const h = s.header;
    expect(h.missione).toEqual({ value: 'Missione: 01 – Servizi istituzionali generali e di gestione', cell: 'C2' });
    expect(h.programma).toEqual({ value: 'Programma 12 Segreteria generale', cell: 'F2' });
    expect(h.lineaMandato?.value).toBe('"ANCORA PIU\' TRASPARENZA"');
    expect(h.dirigente).toEqual({ value: 'Segretario generale', cell: 'I4' });
    expect(h.dupStrategica?.value).toMatch(/^Perfezionamento di un sistema che garantisca/);
    expect(h.descrizione?.cell).toBe('C6');
    expect(h.stakeholder?.value).toMatch(/^Cittadini ed in generale/);
    expect(h.d222?.value).toMatch(/^Il presente obiettivo garantisce/);
    expect(h.unitaResponsabile).toEqual({ value: 'Segreteria generale', cell: 'A12' });
    expect(h.altreUnita.map((f) => f.value)).toEqual(['Tutte le Aree e le strutture apicali']);
  });
  it('three annualità with their years, columns and actions', () => {
    expect(s.annualita.map((a) => [a.n, a.anno, a.azioni.length, a.range])).toEqual([
      [1, 2024, 3, 'A15:I18'],
      [2, 2025, 0, 'A21:I24'],
      [3, 2026, 0, 'A27:I30'],
    ]);
    expect(s.annualita[0].columns).toEqual({
      n: 0, peso: 1, azione: 2, tempi: 3, indicatori: 4, atteso: 5, graduazione: 6, raggiunto: 7, percentuale: 8,
    });
    const [a1, a2, a3] = s.annualita[0].azioni;
    expect(a1.peso).toMatchObject({ points: 50, forma: 'intero', cell: 'B15' });
    expect(a1.azione?.value).toMatch(/^Ripristino dei contenuti della sezione "Amministrazione trasparente"/);
    expect(a2.atteso).toMatchObject({ value: 1, cell: 'F16' });
    expect(a3.graduazione).toEqual({ value: 'Tre o più ore: 100%; due ore: 75%; meno di due ore: 40%.', cell: 'G17' });
    expect(a3.raggiunto).toEqual({ value: null, text: '', cell: 'H17' });
    expect(a3.percentuale?.cell).toBe('I17');
  });
  it('RISORSE UMANE: shares, and a phrase with no share', () => {
    expect(s.risorse).toHaveLength(3);
    expect(s.risorse[0].partecipanti.map((p) => p.percentuale)).toEqual([60, 8, 8, 8, 8, 8]);
    expect(s.risorse[0].partecipanti[0]).toMatchObject({ nome: "N. 2 dipendenti addette all'Unità Segreteria generale", cell: 'D34' });
    expect(s.risorse[2].partecipanti).toEqual([
      { text: "Tutto il personale dell'ente", nome: "Tutto il personale dell'ente", percentuale: null, cell: 'D36' },
    ]);
  });
  it('ASSEGNAZIONE FINANZIARIA and an empty PESATURA', () => {
    expect(s.finanziaria).toHaveLength(2);
    expect(s.finanziaria[0].stanziamenti.map((x) => [x.anno, x.cell])).toEqual([[2024, 'D38'], [2025, 'E38'], [2026, 'F38']]);
    expect(s.pesatura?.criteri.map((c) => c.nome)).toEqual([
      'RILEVANZA PER I CITTADINI', "INNOVATIVITA' DEL PROCESSO", "COMPLESSITA' IN TERMINI ORGANIZZATIVI", "BENEFICIO ECONOMICO PER L'ENTE",
    ]);
    expect(s.pesatura?.criteri.every((c) => c.peso === null)).toBe(true);
    expect(s.pesatura?.totale).toEqual({ value: null, text: '', cell: 'I42' });
  });
});

describe('card 2 (lines 46-89): Dip. / Dirigenza / Obiettivo generale', () => {
  const s = one(46, 89);
  it('reads the garbled labels', () => {
    expect(s.tipo).toBe('comune');
    expect(s.header.dupStrategica?.value).toMatch(/^Perfezionamento di un sistema che garantisce/);
    expect(s.header.dupOperativa?.cell).toBe('C5');
    expect(s.header.dirigente).toEqual({ value: 'Segretario generale', cell: 'H4' });
    expect(s.header.posizioneOrganizzativa).toBeUndefined(); // "Pubblico organizzativo d. n. l." has no value
    expect(s.header.descrizione?.value).toBe('Formazione ed aggiornamento professionale del personale');
  });
  it('actions, dates in TEMPI and graduations', () => {
    expect(pesi(s, 1)).toEqual([25, 20, 40, 15]);
    const a = s.annualita[0].azioni[0];
    expect(a.tempi?.value).toEqual(new Date(Date.UTC(2024, 5, 15)));
    expect(a.graduazione?.value).toBe(
      'Nessun ritardo rispetto alla data del 15/06/2024 = 100%. Ritardo fino a 20gg = 80%. Ritardo fino a 40 gg = 50%.',
    );
    expect(s.finanziaria.map((f) => f.capitolo.value)).toEqual(['Capitolo 0 PEG4', 'Capitolo 0 PEG5']);
  });
});

describe('card 3 (lines 90-133)', () => {
  const s = one(90, 133);
  it('reads four actions and the placeholder RISORSE rows', () => {
    expect(s.tipo).toBe('individuale');
    expect(pesi(s, 1)).toEqual([25, 45, 15, 15]);
    expect(s.risorse.map((r) => r.azione?.value)).toEqual(['Azione n. 1', 'Azione n. 2', 'Azione n. 3', 'Azione n. 3']);
    expect(s.risorse[0].partecipanti.map((p) => [p.nome, p.percentuale])).toEqual([['Alessandra Bogo', 50], ['Alessia Tronfi', 50]]);
  });
});

describe('the OCR card (lines 134-180): fewer columns, values in the label cell', () => {
  const s = one(134, 180);
  it('reads the header', () => {
    expect(s.titolo?.value).toBe('OBBIETTIVO GESTIONALE 2024 – 2026 COMUNE INDIVIDUALE');
    expect(s.tipo).toBeNull();
    expect(s.header.missione).toEqual({ value: 'Missione : 01 Missione: 05', cell: 'B3' });
    expect(s.header.programma).toEqual({ value: 'Programma: 1 Programma: 2', cell: 'C3' });
    expect(s.header.dirigente).toEqual({ value: 'Fulvio Pastorino', cell: 'C5' });
    expect(s.header.posizioneOrganizzativa).toEqual({ value: 'Cinzia Baruzzo', cell: 'C6' });
    expect(s.header.referente).toEqual({ value: 'Cinzia Baruzzo', cell: 'C7' });
    expect(s.header.stakeholder).toEqual({ value: 'Media e news media', cell: 'B11' });
    expect(s.header.unitaResponsabile?.value).toBe('Ufficio Stampa e relazioni esterne');
    expect(s.header.altreUnita.map((f) => f.value)).toEqual(['Marketing territoriale']);
  });
  it('PESO 100 and an orphan "100,00%" typed as text', () => {
    expect(s.annualita[0].azioni[0].peso).toMatchObject({ points: 100, forma: 'intero' });
    const orphan = s.annualita[1].azioni;
    expect(orphan).toHaveLength(1);
    expect(orphan[0].azione).toBeNull();
    expect(orphan[0].peso).toMatchObject({ points: 100, forma: 'testo-percentuale', text: '100,00%', cell: 'B25' });
  });
  it('a participant typed in the RESPONSABILE column, and the capitolo in the spacer column', () => {
    expect(s.risorse[0].responsabile).toBeNull();
    expect(s.risorse[0].partecipanti).toEqual([{ text: 'Cinzia Baruzzo 100%', nome: 'Cinzia Baruzzo', percentuale: 100, cell: 'C39' }]);
    expect(s.problemi.some((p) => p.includes('C39'))).toBe(true);
    expect(s.finanziaria[0].capitolo).toEqual({ value: '212508', cell: 'C41' });
    expect(s.finanziaria[0].stanziamenti[0]).toEqual({ anno: 2024, value: 108000, text: '108.000,00', cell: 'D41' });
  });
});

describe('the spacer column card (lines 316-350)', () => {
  const s = one(316, 350);
  it('maps ATTESO and GRADUAZIONE by header, not by position', () => {
    expect(s.annualita[0].columns).toMatchObject({ indicatori: 4, atteso: 6, graduazione: 7, raggiunto: 8, percentuale: 9 });
    const a = s.annualita[0].azioni[0];
    expect(a.atteso?.value).toBe('100,00%');
    expect(a.graduazione).toEqual({ value: 'Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%', cell: 'H16' });
    expect(s.annualita.map((x) => x.azioni.length)).toEqual([2, 1, 1]);
    expect(s.problemi).toEqual([]);
  });
  it('a graduation shifted into RAGGIUNTO (header without the spacer) is read as the graduation', () => {
    const lines = seedText(316, 350);
    // the header row loses its empty spacer cell: data stay one column to the right of their header
    const i = lines.findIndex((l) => l.startsWith('N.\tPESO'));
    lines[i] = lines[i].replace('INDICATORI\t\tATTESO', 'INDICATORI\tATTESO');
    const [t] = readSchede(tsvToGrid(lines, 'Spostata'));
    const a = t.annualita[0].azioni[0];
    expect(a.graduazione).toEqual({ value: 'Processi digitalizzati da 80% a 100% = 70% da 50% al 79% = 50%', cell: 'H16' });
    expect(a.atteso?.value).toBe('100,00%');
    expect(t.problemi.some((p) => p.includes('H16') && p.includes('RAGGIUNTO'))).toBe(true);
  });
});

describe('stacked cards and the headerless card at line 396', () => {
  it('two cards on one sheet; the second has no title and takes the period of the first', () => {
    const s = readSchede(seedGrid(351, 439));
    expect(s.map((x) => [x.index, x.firstRow, x.titolo?.cell ?? null])).toEqual([[1, 0, 'A1'], [2, 45, null]]);
    const h = s[1];
    expect(h.periodo).toEqual({ from: 2024, to: 2026 });
    expect(h.header.lineaMandato).toEqual({ value: "ANCORA PIU' TRASPARENZA", cell: 'C46' });
    expect(h.header.dirigente?.value).toBe('Dirigente Area 1');
    expect(h.annualita.map((a) => [a.anno, a.azioni.map((z) => z.peso?.points)])).toEqual([
      [2024, [40, 40, 20]], [2025, [70, 30]], [2026, [70, 30]],
    ]);
    expect(h.problemi[0]).toMatch(/senza il titolo.*A46.*2024 – 2026/);
    expect(s[0].lastRow).toBeLessThan(h.firstRow);
  });
  it('alone, the headerless card has no period', () => {
    const [h] = readSchede(seedGrid(396, 439));
    expect(h.titolo).toBeNull();
    expect(h.periodo).toBeNull();
    expect(h.annualita.every((a) => a.anno === null)).toBe(true);
    expect(h.annualita[0].azioni).toHaveLength(3);
  });
});

describe('the typo card (lines 525-562)', () => {
  const s = one(525, 562);
  it('reads OBBIETTIVO, Linea programmatica di bilancio, Doc., basante, Tagliando … target', () => {
    expect(s.periodo).toEqual({ from: 2024, to: 2026 });
    expect(s.tipo).toBe('individuale');
    expect(s.header.lineaMandato?.value).toBe("ANCORA PIU' TRASPARENZA");
    expect(s.header.dupStrategica?.value).toMatch(/^Focus strategico/);
    expect(s.header.dupOperativa?.value).toMatch(/^Sviluppo dell'esperienza/);
    expect(s.header.descrizione?.value).toMatch(/^Adozione protocollo di intesa/);
    expect(s.header.baseline?.value).toMatch(/^Sussiste l'esperienza/);
    expect(s.header.target?.value).toMatch(/^Regolare prestazioni/);
    expect(s.header.unitaResponsabile?.value).toBe('Ufficio per le Relazioni con il pubblico');
  });
  it('PILANO OPERATIVO, PESS, INDICAZIONE, ATTIVO, AGGIUNTO', () => {
    expect(s.annualita.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(s.annualita[0].columns).toEqual({
      n: 0, peso: 1, azione: 2, tempi: 3, indicatori: 4, atteso: 5, graduazione: 6, raggiunto: 7, percentuale: 8,
    });
    expect(pesi(s, 1)).toEqual([100]);
    expect(s.annualita[0].azioni[0].azione?.value).toMatch(/^Prestazione dei seguenti servizi/);
  });
  it('RISORSE without RESPONSABILE column, RELEVANZA in PESATURA', () => {
    expect(s.risorse).toHaveLength(1);
    expect(s.risorse[0].azione?.value).toBe('Azione n. 1');
    expect(s.risorse[0].responsabile).toBeNull();
    expect(s.risorse[0].partecipanti).toHaveLength(5);
    expect(s.risorse[0].partecipanti.every((p) => p.percentuale === null)).toBe(true);
    expect(s.pesatura?.criteri[0].nome).toBe('RELEVANZA PER I CITTADINI');
    expect(s.finanziaria).toHaveLength(2);
  });
});

describe('OGGETTO GESTIONALE (lines 608-647)', () => {
  const s = one(608, 647);
  it('is a card; lowercase x ticks INDIVIDUALE; value in the label cell', () => {
    expect(s.titolo?.value).toBe('OGGETTO GESTIONALE 2024 – 2026 COMUNE x INDIVIDUALE');
    expect(s.tipo).toBe('individuale');
    expect(s.header.dirigente).toEqual({ value: 'Valentina Chiavacci', cell: 'I5' });
    expect(pesi(s, 1)).toEqual([100]);
    expect(s.annualita[1].range).toBe('A22:I25'); // slots numbered 1, 2, 3, 5
    expect(s.risorse[0].partecipanti.map((p) => p.percentuale)).toEqual([70, 15, 15]);
    expect(s.finanziaria.map((f) => f.capitolo.value)).toEqual(['NON RICHIESTA']);
  });
});

describe('PESATURA with values (card 37, lines 1658-1702)', () => {
  it('four weights and the total under PESO TOTALE', () => {
    const s = one(1658, 1702);
    const p = s.pesatura!;
    expect(p.criteri.map((c) => [c.peso, c.cell])).toEqual([[60, 'B44'], [15, 'D44'], [15, 'F44'], [10, 'H44']]);
    expect(p.totale).toEqual({ value: 100, text: '100', cell: 'K44' });
    expect(s.finanziaria[0].stanziamenti.map((x) => x.anno)).toEqual([2023, 2024, 2025]);
  });
});

describe('PESO forms', () => {
  const card = (peso: string, opts = {}) => {
    const lines = seedText(1065, 1110);
    const i = lines.findIndex((l) => l.startsWith('1\t100,00%'));
    lines[i] = lines[i].replace('100,00%', peso);
    return readSchede(tsvToGrid(lines, 'P', opts))[0].annualita[0].azioni[0].peso;
  };
  it('card 25 writes "100,00%" as text', () => {
    expect(card('100,00%')).toMatchObject({ points: 100, forma: 'testo-percentuale', text: '100,00%' });
  });
  it.each([
    ['100', 100, 'intero'],
    ['100,00', 100, 'decimale'],
    ['abc', null, 'non-valido'],
    ['-5', -5, 'non-valido'],
    ['150', 150, 'non-valido'],
  ])('%s -> %s (%s)', (text, points, forma) => {
    expect(card(text)).toMatchObject({ points, forma });
  });
  it('a fraction formatted as % (0,5 shown as 50%)', () => {
    expect(card('100,00%', { percentAsNumber: true })).toMatchObject({ points: 100, forma: 'percentuale', raw: 1 });
  });
});

describe('the whole Sarzana sheet (lines 3-1742): 38 cards', () => {
  const all = readSchede(seedGrid(3, 1742, 'Sarzana'));
  // structures.md's card table: actions with text per annualità, and the numbered slots of each table
  const AZIONI = [
    '3/0/0', '4/0/0', '4/0/0', '1/0/0', '1/0/0', '5/0/0', '4/0/0', '2/1/1', '3/1/1', '3/2/2', '1/1/1', '1/0/0', '1/1/1',
    '2/0/0', '1/0/0', '1/0/0', '2/0/0', '2/0/0', '6/2/0', '1/0/0', '2/0/0', '1/0/0', '2/0/0', '2/0/0', '1/0/0', '2/0/0',
    '1/0/0', '3/0/0', '3/0/0', '3/0/0', '4/0/0', '2/0/0', '1/0/0', '1/0/0', '5/4/4', '3/3/3', '3/3/2', '3/2/2',
  ];
  const SLOTS = [
    '4/4/4', '4/4/4', '4/4/4', '4/4/4', '5/5/5', '5/3/3', '4/5/5', '2/1/1', '4/4/4', '5/5/5', '4/4/4', '5/5/5', '3/3/3',
    '5/5/5', '4/4/4', '4/3/3', '3/3/3', '4/3/3', '6/5/3', '3/3/3', '4/3/4', '5/5/5', '5/5/5', '5/5/5', '5/5/5', '5/5/5',
    '5/5/5', '5/5/5', '4/4/4', '5/5/5', '5/5/5', '5/5/5', '4/4/4', '5/5/5', '5/4/4', '4/5/4', '5/4/4', '3/3/3',
  ];
  it('finds every card at its line', () => {
    expect(all).toHaveLength(38);
    expect(all[9].titolo).toBeNull();
    expect(all[9].firstRow + 3).toBe(396);
    expect(all[12].firstRow + 3).toBe(525);
    expect(all[34].firstRow + 3).toBe(1565);
  });
  it('reads every action and every slot of the 114 tables', () => {
    expect(all.map((s) => s.annualita.map((a) => a.azioni.filter((z) => z.azione).length).join('/'))).toEqual(AZIONI);
    expect(
      all.map((s) => s.annualita.map((a) => { const r = parseRange(a.range)!; return r.r2 - r.r1 + 1; }).join('/')),
    ).toEqual(SLOTS);
    // 129 non-empty action rows: 127 actions + the two rows holding only a PESO (lines 158, 943)
    expect(all.reduce((t, s) => t + s.annualita.reduce((u, a) => u + a.azioni.length, 0), 0)).toBe(129);
  });
  it('periods and COMUNE / INDIVIDUALE', () => {
    expect(all.filter((s) => s.periodo?.from === 2023).map((s) => s.index)).toEqual([11, 12]);
    expect(all.filter((s) => s.tipo === 'comune').map((s) => s.index)).toEqual([2]);
    expect(all.filter((s) => s.tipo === null).map((s) => s.index)).toEqual([1, 4, 8, 10]);
  });
  it('PESO of the Polizia Locale card (1565) and of card 19 (788)', () => {
    expect(pesi(all[34], 1)).toEqual([25, 25, 25, 25, 25]);
    expect(pesi(all[18], 1)).toEqual([20, 20, 20, 10, 20, 20]);
  });
});

describe('readWorkbook', () => {
  it('skips the add-in sheets and keeps the order of sheets', () => {
    const grids: Grid[] = [
      seedGrid(46, 89, 'Formazione'),
      { ...seedGrid(90, 133), name: 'Rilevazioni' },
      { ...seedGrid(90, 133), name: '_SchedeObiettivi' },
      { ...seedGrid(90, 133), name: 'Riepilogo' },
      seedGrid(608, 647, 'Pagamenti'),
    ];
    expect(readWorkbook(grids).map((s) => [s.sheet, s.index])).toEqual([['Formazione', 1], ['Pagamenti', 1]]);
  });
  it('a sheet with no card gives nothing', () => {
    expect(readSchede(tsvToGrid(['Elenco\tdi\tcose', '1\t2\t3'], 'Altro'))).toEqual([]);
    expect(readSchede({ name: 'Vuoto', rows: [], merges: [] })).toEqual([]);
  });
});

describe('merged cells', () => {
  it('a merged label and a merged value count once', () => {
    const lines = seedText(608, 647);
    const g = tsvToGrid(lines, 'Merge');
    // "Collegamento al bilancio" over A3:B3, Missione over C3:D3 (the adapter repeats nothing)
    g.merges.push({ r1: 2, c1: 0, r2: 2, c2: 1 }, { r1: 2, c1: 2, r2: 2, c2: 3 });
    g.rows[2][3] = { v: 'Missione : n. 1 Servizi istituzionali generali e di gestione', t: '' };
    const [s] = readSchede(g);
    expect(s.header.missione?.cell).toBe('C3');
    expect(s.header.programma).toEqual({ value: 'Programma 4 Gestione delle entrate tributarie e servizi fiscali', cell: 'E3' });
  });
});

describe('cells people cannot see or the reader cannot read are named, not guessed', () => {
  it('a % cell hidden under a merge with RAGGIUNTO is not a write target, and the card says so', () => {
    const g = seedGrid(3, 45);
    // the first action's RAGGIUNTO and % merged (H15:I15), as some offices do
    const merged: Grid = { ...g, merges: [...g.merges, parseRange('H15:I15')!] };
    const [s] = readSchede(merged);
    const a = s.annualita[0].azioni[0];
    expect(a.raggiunto?.cell).toBe('H15');
    expect(a.percentuale).toBeNull();
    expect(s.problemi).toContainEqual(expect.stringMatching(/La cella % I15 è coperta da un'unione di celle/));
    expect(s.annualita[0].azioni[1].percentuale?.cell).toBe('I16');
  });

  it('a PESO formula saved without its result asks for the file to be saved in Excel', () => {
    const g = seedGrid(3, 45);
    const rows = g.rows.map((r) => [...(r ?? [])]);
    rows[14][1] = { v: null, t: '', formula: '20+30' };
    const [s] = readSchede({ ...g, rows });
    expect(s.annualita[0].azioni[0].peso).toBeNull();
    expect(s.problemi).toContainEqual(expect.stringMatching(/B15 contiene una formula senza risultato salvato/));
  });
});
