/**
 * Card-sized grids (~45 rows × 12 columns, Sarzana OBIETTIVO GESTIONALE layout) with dates, percentages and merges,
 * to load into the fake Excel. Exported for the bench too.
 */
import type { Cell, CellRange, Grid } from '../../src/domain/grid';
import { formatDateIt, utcDate } from '../../src/domain/grid';

const COLS = 12;

function put(g: Grid, r: number, c: number, cell: Cell) {
  while (g.rows.length <= r) g.rows.push([]);
  g.rows[r][c] = cell;
}
const txt = (s: string): Cell => ({ v: s, t: s, f: 'General' });
const num = (n: number, f = 'General', t = String(n)): Cell => ({ v: n, t, f });
const date = (d: Date): Cell => ({ v: d, t: formatDateIt(d), f: 'dd/mm/yyyy' });
const pct = (n: number): Cell => ({ v: n, t: `${Math.round(n * 100)}%`, f: '0%' });

/** one OBIETTIVO GESTIONALE card on its own sheet; `origin` shifts it (0-based row/col) */
export function cardGrid(name: string, i: number, origin = { r: 0, c: 0 }): Grid {
  const g: Grid = { name, rows: [], merges: [] };
  const R = origin.r;
  const C = origin.c;
  const merge = (r1: number, c1: number, r2: number, c2: number) =>
    g.merges.push({ r1: R + r1, c1: C + c1, r2: R + r2, c2: C + c2 } as CellRange);
  const at = (r: number, c: number, cell: Cell) => put(g, R + r, C + c, cell);

  at(0, 0, txt('OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE'));
  merge(0, 0, 0, COLS - 1);
  const fields = [
    ['Collegamento al bilancio', `Missione 01 Programma 0${(i % 9) + 1}`],
    ['Linea programmatica di mandato', 'Una città efficiente e trasparente'],
    ['Dup - Sezione strategica', 'Innovazione e semplificazione'],
    ['Dup - Sezione operativa', 'Digitalizzazione dei servizi'],
    ['Dirigente responsabile', `Dott. Rossi ${i}`],
    ['Posizione organizzativa di rif.', 'Servizi demografici'],
    ['Obiettivo gestionale di performance - Descrizione', `Obiettivo numero ${i}: riduzione dei tempi di risposta`],
    ['Referente organizzativo di rif.', 'Ufficio protocollo'],
    ['Situazione di partenza (baseline)', 'Tempi medi 30 giorni'],
    ['Traguardo atteso (target)', 'Tempi medi 15 giorni'],
    ['A chi è rivolto (Stakeholder)', 'Cittadini e imprese'],
    ['UNITÀ ORGANIZZATIVA RESPONSABILE', 'Settore Affari Generali'],
  ];
  fields.forEach(([label, value], k) => {
    at(1 + k, 0, txt(label));
    merge(1 + k, 0, 1 + k, 2);
    at(1 + k, 3, txt(value));
    merge(1 + k, 3, 1 + k, COLS - 1);
  });
  let r = 14;
  for (let ann = 1; ann <= 2; ann++) {
    at(r, 0, txt(`PIANO OPERATIVO ${ann}° ANNUALITÀ`));
    merge(r, 0, r, COLS - 1);
    r++;
    ['N.', 'PESO', 'AZIONE', 'TEMPI (M/F)', 'INDICATORI', 'ATTESO', 'GRADUAZIONE', 'RAGGIUNTO', '%'].forEach((h, c) =>
      at(r, c, txt(h)),
    );
    r++;
    const pesi = [30, 30, 20, 20];
    pesi.forEach((peso, k) => {
      at(r, 0, num(k + 1));
      at(r, 1, num(peso));
      at(r, 2, txt(`Azione ${k + 1} della scheda ${i}`));
      at(r, 3, date(utcDate(2023 + ann, 3 * (k + 1), 30)));
      at(r, 4, txt('Data di completamento'));
      at(r, 5, date(utcDate(2023 + ann, 12, 31)));
      at(r, 6, txt(`Nessun ritardo rispetto alla data del 31/12/${2023 + ann} = 100%. Ritardo fino a 30gg. = 70%.`));
      // GRADUAZIONE (G), RAGGIUNTO (H) and % (I) are separate cells: the compute writes H and I
      if (k === 0) at(r, 9, pct(0.7));
      r++;
    });
    r++;
  }
  at(r, 0, txt('RISORSE UMANE'));
  merge(r, 0, r, COLS - 1);
  r++;
  for (let k = 0; k < 4; k++, r++) {
    at(r, 0, num(k + 1));
    at(r, 1, txt(`Azione ${k + 1}`));
    at(r, 2, txt('Bianchi 50%'));
    at(r, 3, txt('Verdi 50%'));
  }
  at(r, 0, txt('ASSEGNAZIONE FINANZIARIA'));
  merge(r, 0, r, COLS - 1);
  r++;
  at(r, 0, txt('Capitolo di PEG'));
  at(r, 1, num(1000 + i));
  at(r, 2, num(12500.5, '#,##0.00', '12,500.50'));
  r += 2;
  at(r, 0, txt('PESATURA'));
  merge(r, 0, r, COLS - 1);
  r++;
  const criteri = ['RILEVANZA PER I CITTADINI', "INNOVATIVITA' DEL PROCESSO", "COMPLESSITA' IN TERMINI ORGANIZZATIVI", "BENEFICIO ECONOMICO PER L'ENTE"];
  criteri.forEach((c, k) => {
    at(r, 0, txt(c));
    merge(r, 0, r, 4);
    at(r, 5, num(5 + k));
    r++;
  });
  at(r, 0, txt("PESO TOTALE DELL'OBIETTIVO"));
  merge(r, 0, r, 4);
  at(r, 5, { v: 26, t: '26', f: 'General', formula: `SUM(${'F'}${R + r - 3}:F${R + r})` });
  return g;
}

/** n sheets, one card each, named like real workbooks */
export function cardWorkbook(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => cardGrid(`Obiettivo ${i + 1}`, i + 1));
}

/** blank rows between two cards stacked on one sheet */
export const STACK_GAP = 2;

/**
 * `n` cards stacked on one sheet, as municipalities that keep every card on one sheet do: copies of `sources`
 * (round robin) one under the other, STACK_GAP blank rows apart, cells and merges shifted down.
 */
export function stackCards(name: string, sources: Grid[], n: number): Grid {
  const out: Grid = { name, rows: [], merges: [] };
  let top = 0;
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length];
    src.rows.forEach((row, r) => {
      if (!row) return;
      const copy: (Cell | undefined)[] = [];
      row.forEach((cell, c) => {
        if (cell) copy[c] = { ...cell };
      });
      out.rows[top + r] = copy as Cell[];
    });
    for (const m of src.merges) out.merges.push({ r1: m.r1 + top, c1: m.c1, r2: m.r2 + top, c2: m.c2 });
    top += src.rows.length + STACK_GAP;
  }
  for (let r = 0; r < out.rows.length; r++) out.rows[r] ??= [];
  return out;
}

/** `n` sheets, one card each: copies of `sources` (round robin) under numbered names */
export function separateCards(sources: Grid[], n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => {
    const src = sources[i % sources.length];
    return { ...structuredClone(src), name: `${String(i + 1).padStart(4, '0')} ${src.name}`.slice(0, 31) };
  });
}
