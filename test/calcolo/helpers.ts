/** helpers for the calcolo tests: real .xlsx files, re-read by a second ExcelJS load */
import { readFileSync } from 'node:fs';
import { type Cell, type CellValue, type Grid, parseA1, utcDate } from '../../src/domain/grid';
import { readRilevazioni, findRilevazioni } from '../../src/domain/calcolo';
import type { CellWrite } from '../../src/domain/plan';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

export const CORPUS = new URL('../fixtures/corpus-sarzana.xlsx', import.meta.url).pathname;
export const SAMPLE = new URL('../../assets/esempi/sarzana-esempio.xlsx', import.meta.url).pathname;
/** a fixed "now" so that computing twice writes the same cells */
export const NOW = new Date(Date.UTC(2025, 1, 3, 9, 30));

export async function load(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(path)));
}

/** save and load again: what a user reopening the file sees */
export async function reload(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer());
}

export function cell(grids: Grid[], sheet: string, address: string): Cell | undefined {
  const g = grids.find((x) => x.name === sheet);
  const p = parseA1(address);
  return g && p ? g.rows[p.r]?.[p.c] : undefined;
}

export function value(grids: Grid[], sheet: string, address: string): CellValue {
  return cell(grids, sheet, address)?.v ?? null;
}

export interface Typed {
  foglio: string;
  anno: number;
  n: number;
  data?: CellValue;
  valore?: CellValue;
  /** number format of the Valore cell, e.g. '0%' */
  valoreFmt?: string;
  livello?: CellValue;
  livelloFmt?: string;
  motivazione?: string;
}

/** type measurements into the Rilevazioni rows, as a person does in Excel */
export async function typeRilevazioni(wb: XlsxWorkbook, typed: Typed[]): Promise<void> {
  const grids = await wb.readSheets();
  const g = findRilevazioni(grids)!;
  const t = readRilevazioni(g);
  const col = (k: keyof typeof t.columns) => t.columns[k]!;
  const cells: CellWrite[] = [];
  const addr = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  for (const x of typed) {
    const row = t.rows.find((r) => r.foglio === x.foglio && r.anno === x.anno && r.n === x.n);
    if (!row) throw new Error(`riga mancante ${x.foglio} ${x.anno} ${x.n}`);
    if (x.data !== undefined) cells.push({ sheet: g.name, address: addr(row.row, col('dataCompletamento')), value: x.data });
    if (x.valore !== undefined)
      cells.push({ sheet: g.name, address: addr(row.row, col('valore')), value: x.valore, ...(x.valoreFmt ? { numFmt: x.valoreFmt } : {}) });
    if (x.livello !== undefined)
      cells.push({ sheet: g.name, address: addr(row.row, col('livelloManuale')), value: x.livello, ...(x.livelloFmt ? { numFmt: x.livelloFmt } : {}) });
    if (x.motivazione !== undefined) cells.push({ sheet: g.name, address: addr(row.row, col('motivazione')), value: x.motivazione });
  }
  await wb.applyWritePlan({ cells });
}

/** every cell value of the visible sheets, as comparable JSON (for "nothing else changed") */
export function snapshot(grids: Grid[], skip: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of grids) {
    if (skip.includes(g.name)) continue;
    g.rows.forEach((row, r) =>
      row?.forEach((c, ci) => {
        if (!c || c.v === null || c.v === '') return;
        out[`${g.name}!${r},${ci}`] = c.v instanceof Date ? c.v.toISOString() : c.v;
      }),
    );
  }
  return out;
}

/** measurements typed in the corpus workbook: every rule kind, values written as people do */
export const MISURE: Typed[] = [
  // scadenza: 31/12/2024, fino a 30 gg = 70%, fino a 60 gg = 40%
  { foglio: '01 Trasparenza', anno: 2024, n: 1, data: utcDate(2025, 1, 20) },
  { foglio: '01 Trasparenza', anno: 2024, n: 2, valore: 'nei termini' },
  // soglia: tre o più ore 100%, due ore 75%, meno di due 40%
  { foglio: '01 Trasparenza', anno: 2024, n: 3, valore: '2,5' },
  // scadenza with the date as a Date, as text, and a delay typed as "12 gg"
  { foglio: '02 Formazione', anno: 2024, n: 1, data: utcDate(2024, 6, 10) },
  { foglio: '02 Formazione', anno: 2024, n: 2, data: utcDate(2024, 8, 15) },
  { foglio: '02 Formazione', anno: 2024, n: 3, valore: '12 gg' },
  { foglio: '02 Formazione', anno: 2024, n: 4, data: '31/01/2025' },
  // scadenza from TEMPI written 30/05/24
  { foglio: '07 Sito web', anno: 2024, n: 1, data: utcDate(2024, 5, 30) },
  { foglio: '07 Sito web', anno: 2024, n: 2, data: utcDate(2024, 8, 10) },
  { foglio: '07 Sito web', anno: 2024, n: 3, data: utcDate(2024, 10, 15) },
  { foglio: '07 Sito web', anno: 2024, n: 4, data: utcDate(2025, 3, 20) },
  // percentuale typed "85%"; the other action of the card left unmeasured
  { foglio: '08 Residenza', anno: 2024, n: 1, valore: '85%' },
  // percentuale as 0,85 in a %-formatted cell; soglia with a decimal comma
  { foglio: '14 Protocollo', anno: 2024, n: 1, valore: 0.85, valoreFmt: '0%' },
  { foglio: '14 Protocollo', anno: 2024, n: 2, valore: '1,8' },
  // binario with its date
  { foglio: '20 Lavoro agile', anno: 2024, n: 1, valore: 'sì', data: utcDate(2024, 12, 15) },
  // proporzionale against ATTESO "almeno un servizio al giorno" (target 1), numbers and percentages
  // ATTESO "almeno un servizio al giorno" states no number: the target is typed with the value (issue 11)
  { foglio: '35 Polizia Locale', anno: 2024, n: 1, valore: '90 su 100' },
  { foglio: '35 Polizia Locale', anno: 2024, n: 2, valore: '52 su 52' },
  { foglio: '35 Polizia Locale', anno: 2024, n: 3, valore: '80%' },
  { foglio: '35 Polizia Locale', anno: 2024, n: 4, valore: '438 su 365' },
  { foglio: '35 Polizia Locale', anno: 2024, n: 5, valore: '60%' },
  { foglio: '36 Vita indipendente', anno: 2024, n: 1, data: utcDate(2024, 6, 30) },
  { foglio: '36 Vita indipendente', anno: 2024, n: 2, data: utcDate(2024, 7, 15) },
  { foglio: '36 Vita indipendente', anno: 2024, n: 3, data: utcDate(2025, 2, 15) },
  // manuale: 80% typed in the %-formatted column, "50%" as text, 100% (Excel stores 1)
  { foglio: '36 Vita indipendente', anno: 2025, n: 1, livello: 0.8, motivazione: 'Progetti avviati in 4 ambiti su 5' },
  { foglio: '36 Vita indipendente', anno: 2025, n: 2, livello: '50%', motivazione: 'Mediazione avviata a metà anno' },
  { foglio: '36 Vita indipendente', anno: 2025, n: 3, livello: 1, motivazione: 'Servizio attivo per tutta la stagione' },
];
