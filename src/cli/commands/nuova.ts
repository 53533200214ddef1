/**
 * `schede nuova [--modello NOME] [--titolo T] [--periodo 2025-2027] [--tipo comune|individuale] [--azioni N]
 *  [--elenco ELENCO.xlsx|.csv|.txt] [--sistema gestionale|fasi] [--anteprima] [--in FILE.xlsx] --out OUT.xlsx`
 * New standard cards (or cards from a template saved in the --in workbook, or blank cards of another card system):
 * one, or one per objective of a list (cells of a workbook, a CSV, or a plan in prose with AREA / Settore headings).
 * With --in the new sheets are added to a copy of that workbook (written to --out, never over --in);
 * --anteprima lists what would be made and writes nothing.
 */
import type { Grid } from '../../domain/grid';
import { leggiElenco, pianoNuoveSchede, tipoOf, type RigaElenco, type TipoScheda } from '../../domain/modelli';
import { TESTI_CLI_MODELLI as T, TESTI_MODELLI } from '../../domain/testi/modelli';
import { nomiPerTitoli } from '../../domain/modelli/nomi';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { decodificaTesto, gridDaCsv, leggiElencoTesto, obiettiviDaCelle, righeDaTesto } from '../../domain/modelli/elencoTesto';
import { sistemaDi } from '../../domain/sistemi';
import { schedeDaRighe } from '../../domain/sistemi/nuove';
import { NOMI_SISTEMI, TESTI_CLI_SISTEMI } from '../../domain/testi/sistemi';
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
  anteprima: { type: 'boolean' },
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
  if (!values.out && !values.anteprima) {
    io.err(`${T.outMancante}\n${T.usoNuova}`);
    return 2;
  }
  const sistema = (values.sistema ?? 'gestionale').trim().toLowerCase();
  if (!sistemaDi(sistema)) {
    io.err(TESTI_CLI_SISTEMI.sistemaNonValido(values.sistema ?? ''));
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
  let wb: XlsxWorkbook | null = null;
  let grids: Grid[] = [];
  if (values.in) {
    const opened = await openForCli(values.in, io);
    if (!opened) return 2;
    wb = opened.wb;
    grids = opened.grids;
  }

  let rows: RigaElenco[];
  let numeri: number[] | undefined;
  if (values.elenco) {
    const elenco = await leggiElencoFile(values.elenco, io);
    if (!elenco) return 2;
    ({ rows, numeri } = elenco);
  } else {
    rows = [{ titolo: values.titolo ?? '', tipo }];
  }

  // what would be made, written nowhere
  if (values.anteprima) {
    const nomi = nomiPerTitoli(rows.map((r) => r.titolo), grids.map((g) => g.name), NOMI_SISTEMI[sistema] ?? T.nomeNuova);
    io.out([T.anteprima(rows.length, NOMI_SISTEMI[sistema] ?? sistema), ...rows.map((r, i) => T.anteprimaRiga(nomi[i]!, r.titolo, r.unita ?? null))].join('\n'));
    return 0;
  }

  const target = await outputTarget(values.in, values.out, io.cwd, values.sovrascrivi === true);
  if ('error' in target) {
    io.err(target.error);
    return 2;
  }
  wb ??= XlsxWorkbook.create();

  // `--sistema fasi` (…): blank cards of another card system, one per row (card systems: src/domain/sistemi)
  if (sistema !== 'gestionale') {
    const plan = schedeDaRighe(sistema, rows, grids.map((g) => g.name), values.periodo ? periodo : undefined)!;
    await wb.applyWritePlan(plan);
    const saved = await saveForCli(wb, target.target, io);
    if (!saved) return 2;
    const fogli = (plan.sheets ?? []).map((x) => x.name);
    io.out([T.creati(fogli.length, saved), ...fogli.map(T.foglio)].join('\n'));
    return 0;
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

/**
 * The rows of the list file: a workbook (its first visible sheet that is a list; sheets holding a card are refused),
 * a .csv (header Titolo | Dirigente | Unità …, `;` or `,`) or a .txt (a plan in prose: bullets under AREA / Settore
 * headings, or one objective per line). Text files in UTF-8 or Windows-1252.
 */
async function leggiElencoFile(file: string, io: CliIo): Promise<{ rows: RigaElenco[]; numeri?: number[] } | null> {
  const ext = extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.csv') {
    let text: string;
    try {
      text = decodificaTesto(new Uint8Array(await readFile(resolve(io.cwd, file))));
    } catch {
      io.err(T.elencoIlleggibile(file));
      return null;
    }
    if (ext === '.txt') {
      const rows = righeDaTesto(leggiElencoTesto(text));
      if (!rows.length) {
        io.err(TESTI_MODELLI.elencoVuoto);
        return null;
      }
      return { rows };
    }
    const r = leggiElenco(gridDaCsv(text, basename(file)));
    if (!r.ok || !r.righe.length) {
      io.err(r.ok ? TESTI_MODELLI.elencoVuoto : r.message);
      return null;
    }
    return { rows: r.righe, numeri: r.numeri };
  }
  const elenco = await openForCli(file, io);
  if (!elenco) return null;
  const refused: string[] = [];
  let lists = 0;
  for (const g of elenco.grids) {
    if (g.visibility && g.visibility !== 'visible') continue;
    // a sheet holding the plan in prose (headings and bullets in a column): one card per objective
    const prosa = obiettiviDaCelle(g);
    if (prosa?.length) return { rows: righeDaTesto(prosa) };
    const r = leggiElenco(g);
    if (!r.ok) {
      refused.push(r.message);
      continue;
    }
    lists++;
    if (r.righe.length) return { rows: r.righe, numeri: r.numeri };
  }
  io.err(lists === 0 && refused.length ? (refused.length === 1 ? refused[0]! : TESTI_MODELLI.elencoSoloSchede) : TESTI_MODELLI.elencoVuoto);
  return null;
}
