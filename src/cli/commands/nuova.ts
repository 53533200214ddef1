/**
 * `schede nuova [--modello NOME] [--titolo T] [--periodo 2025-2027] [--tipo comune|individuale] [--azioni N]
 *  [--elenco ELENCO.xlsx] [--in FILE.xlsx] --out OUT.xlsx`
 * New standard cards (or cards from a template saved in the --in workbook): one, or one per row of a list.
 * With --in the new sheets are added to a copy of that workbook (written to --out, never over --in).
 */
import type { Grid } from '../../domain/grid';
import { leggiElenco, pianoNuoveSchede, tipoOf, type RigaElenco, type TipoScheda } from '../../domain/modelli';
import { TESTI_CLI_MODELLI as T, TESTI_MODELLI } from '../../domain/testi/modelli';
import { uniqueSheetName } from '../../domain/modelli/nomi';
import { nuovaScheda } from '../../domain/sistemi';
import { TESTI_CLI_SISTEMI, TESTI_FASI_NUOVA } from '../../domain/testi/sistemi';
import { TESTI_PROGETTI_NUOVA } from '../../domain/testi/progetti';
import { XlsxWorkbook } from '../../workbook/xlsx';
import { SOVRASCRIVI, openForCli, outputTarget, parseOptions, saveForCli, testiConUso } from '../files';
import type { CliIo } from '../io';

const OPTIONS = {
  modello: { type: 'string' },
  titolo: { type: 'string' },
  periodo: { type: 'string' },
  tipo: { type: 'string' },
  azioni: { type: 'string' },
  elenco: { type: 'string' },
  in: { type: 'string' },
  out: { type: 'string' },
  sistema: { type: 'string' },
  ...SOVRASCRIVI,
} as const;

/** "2025-2027" / "2025–2027" / "2025" → the period (1 to 3 years), else null */
export function parsePeriodo(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d{4})\s*(?:[-–/]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from && to - from <= 2 ? { from, to } : null;
}

export async function nuova(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, OPTIONS, testiConUso(T.usoNuova), io);
  if (!values) return 2;
  if (!values.out) {
    io.err(`${T.outMancante}\n${T.usoNuova}`);
    return 2;
  }
  const nextYear = new Date().getFullYear() + 1;
  const periodo = values.periodo === undefined ? { from: nextYear, to: nextYear + 2 } : parsePeriodo(values.periodo);
  if (!periodo) {
    io.err(T.periodoNonValido(values.periodo ?? ''));
    return 2;
  }
  let tipo: TipoScheda = 'comune';
  if (values.tipo !== undefined) {
    const t = /^(comune|individuale)$/i.test(values.tipo.trim()) ? tipoOf(values.tipo) : undefined;
    if (!t) {
      io.err(T.tipoNonValido(values.tipo));
      return 2;
    }
    tipo = t;
  }
  let azioni = 5;
  if (values.azioni !== undefined) {
    azioni = Number(values.azioni);
    if (!/^\d+$/.test(values.azioni.trim()) || azioni < 3 || azioni > 10) {
      io.err(T.azioniNonValide(values.azioni));
      return 2;
    }
  }
  const target = await outputTarget(values.in, values.out, io.cwd, values.sovrascrivi === true);
  if ('error' in target) {
    io.err(target.error);
    return 2;
  }

  let wb: XlsxWorkbook;
  let grids: Grid[] = [];
  if (values.in) {
    const opened = await openForCli(values.in, io);
    if (!opened) return 2;
    wb = opened.wb;
    grids = opened.grids;
  } else {
    wb = XlsxWorkbook.create();
  }

  // `--sistema fasi`: a blank card of Tortona's system (card systems: src/domain/sistemi)
  if (values.sistema !== undefined && values.sistema.trim().toLowerCase() !== 'gestionale') {
    const sistema = values.sistema.trim().toLowerCase();
    if (sistema !== 'fasi' && sistema !== 'progetti') {
      io.err(TESTI_CLI_SISTEMI.sistemaNonValido(values.sistema));
      return 2;
    }
    const predefinito = sistema === 'progetti' ? TESTI_PROGETTI_NUOVA.nomeFoglio : TESTI_FASI_NUOVA.nomeFoglio;
    const nome = uniqueSheetName(values.titolo || predefinito, grids.map((g) => g.name));
    const plan = nuovaScheda(sistema, { nomeFoglio: nome, ...(values.titolo ? { titolo: values.titolo } : {}), ...(values.periodo ? { periodo } : {}) })!;
    await wb.applyWritePlan({ sheets: [plan], select: { sheet: nome, range: 'A1' } });
    const saved = await saveForCli(wb, target.target, io);
    if (!saved) return 2;
    io.out([T.creati(1, saved), T.foglio(nome)].join('\n'));
    return 0;
  }

  let rows: RigaElenco[];
  let numeri: number[] | undefined;
  if (values.elenco) {
    const elenco = await openForCli(values.elenco, io);
    if (!elenco) return 2;
    rows = [];
    // the first visible sheet that is a list; sheets holding a card are refused, never read as lists
    const refused: string[] = [];
    let lists = 0;
    for (const g of elenco.grids) {
      if (g.visibility && g.visibility !== 'visible') continue;
      const r = leggiElenco(g);
      if (!r.ok) {
        refused.push(r.message);
        continue;
      }
      lists++;
      rows = r.righe;
      numeri = r.numeri;
      if (rows.length) break;
    }
    if (!rows.length) {
      io.err(lists === 0 && refused.length ? (refused.length === 1 ? refused[0]! : TESTI_MODELLI.elencoSoloSchede) : TESTI_MODELLI.elencoVuoto);
      return 2;
    }
  } else {
    rows = [{ titolo: values.titolo ?? '', tipo }];
  }

  const r = pianoNuoveSchede(rows, { periodo, tipo, azioniPerAnnualita: azioni }, grids, values.modello, numeri);
  if (!r.ok) {
    io.err(r.message);
    return 2;
  }
  await wb.applyWritePlan(r.plan);
  const saved = await saveForCli(wb, target.target, io);
  if (!saved) return 2;
  io.out([T.creati(r.fogli.length, saved), ...r.fogli.map(T.foglio)].join('\n'));
  return 0;
}
