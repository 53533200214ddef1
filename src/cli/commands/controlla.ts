/**
 * `schede controlla FILE.xlsx [--json]`: find every card, run every check, report.
 * Exit codes: 1 when any finding is an `errore`, 2 on bad input, 0 otherwise.
 */
import type { Finding } from '../../domain/controlli/types';
import { formatNumberIt, type Grid } from '../../domain/grid';
import { isOwnSheet } from '../../domain/scheda';
import { controllaCartella, leggiCartella } from '../../domain/sistemi';
import type { ObiettivoFasi } from '../../domain/sistemi/fasi/types';
import { matriceJson, righeMatrice } from '../../domain/sistemi/matrice';
import type { CartaMatrice } from '../../domain/sistemi/matrice/types';
import { annualitaJson, fasiJson, righeFasi } from '../../domain/sistemi/json';
import { progettiJson, righeProgetti } from '../../domain/sistemi/progetti';
import type { CartaProgetti } from '../../domain/sistemi/progetti/types';
import { TESTI_CLI_SISTEMI } from '../../domain/testi/sistemi';
import { schedaLabel, type Annualita, type Scheda } from '../../domain/scheda/types';
import { TESTI_CONTROLLA as T } from '../../domain/testi/cli';
import { openForCli, parseFileArgs } from '../files';
import type { CliIo } from '../io';

/** the `--json` contract of DESIGN.md */
export interface ControllaJson {
  schede: ({
    sistema: 'gestionale';
    foglio: string;
    titolo: string | null;
    tipo: 'comune' | 'individuale' | null;
    periodo: string | null;
    annualita: {
      anno: number | null;
      azioni: { n: number | null; peso: number | null; azione: string | null; graduazione: { tipo: string } | null }[];
    }[];
  } | ReturnType<typeof fasiJson> | ReturnType<typeof matriceJson> | ReturnType<typeof progettiJson>)[];
  segnalazioni: { codice: string; gravita: string; foglio: string; celle: string[]; messaggio: string }[];
}

export interface ControllaResult {
  grids: Grid[];
  schede: Scheda[];
  /** the objectives of the `fasi` system (card systems: src/domain/sistemi) */
  fasi: ObiettivoFasi[];
  /** the cards of the generic template's weighting matrix (`matrice`) */
  matrice: CartaMatrice[];
  /** the projects table and project cards of the `progetti` system */
  progetti: CartaProgetti[];
  findings: Finding[];
}

/** read and check an opened workbook's grids (no I/O) */
export function controllaGrids(grids: Grid[]): ControllaResult {
  const c = leggiCartella(grids);
  return { grids, schede: c.gestionale, fasi: c.fasi, matrice: c.matrice, progetti: c.progetti, findings: controllaCartella(c) };
}

function periodo(s: Scheda): string | null {
  return s.periodo ? `${s.periodo.from}-${s.periodo.to}` : null;
}

function pesoTotale(a: Annualita): number | null {
  let sum = 0;
  for (const az of a.azioni) {
    if (!az.peso || az.peso.points === null) return null;
    sum += az.peso.points;
  }
  return Math.round(sum * 1e6) / 1e6;
}

export function toJson(r: ControllaResult): ControllaJson {
  return {
    schede: [
      ...r.schede.map((s) => ({
      sistema: 'gestionale' as const,
      foglio: s.sheet,
      titolo: s.titolo?.value ?? null,
      tipo: s.tipo,
      periodo: periodo(s),
      annualita: annualitaJson(s),
    })),
      ...r.fasi.map(fasiJson),
      ...(r.matrice ?? []).map(matriceJson),
      ...(r.progetti ?? []).map(progettiJson),
    ],
    segnalazioni: r.findings.map((f) => ({
      codice: f.codice,
      gravita: f.gravita,
      foglio: f.foglio,
      celle: f.celle,
      messaggio: f.messaggio,
    })),
  };
}

export function toText(file: string, r: ControllaResult): string {
  const out: string[] = [];
  const matrice = r.matrice ?? [];
  const progetti = r.progetti ?? [];
  const sheetsWithCards = [...new Set([...r.schede, ...r.fasi, ...matrice, ...progetti].map((s) => s.sheet))];
  const n = r.schede.length + r.fasi.length + matrice.length + progetti.length;
  out.push(T.intestazione(file, n, sheetsWithCards.length));
  if (n === 0) out.push(TESTI_CLI_SISTEMI.nessunaScheda);
  const shown = new Set<Finding>();
  for (const s of r.schede) {
    const onSheet = r.schede.filter((x) => x.sheet === s.sheet).length;
    out.push('', T.foglioScheda(s.sheet, s.index, onSheet, s.range));
    out.push(s.titolo ? T.titolo(s.titolo.value) : T.senzaTitolo);
    if (s.header.descrizione?.value) out.push(T.obiettivo(schedaLabel(s)));
    out.push(T.tipoPeriodo(s.tipo ? T.tipo[s.tipo] : null, s.periodo ? `${s.periodo.from}–${s.periodo.to}` : null));
    for (const a of s.annualita) {
      const tot = pesoTotale(a);
      out.push(T.annualita(a.n, a.anno, a.azioni.length, tot === null ? null : formatNumberIt(tot)));
    }
    if (s.problemi.length) {
      out.push(T.noteLettura);
      for (const p of s.problemi) out.push(T.nota(p));
    }
    const mine = r.findings.filter(
      (f) => f.foglio === s.sheet && (f.scheda === undefined ? onSheet === 1 : f.scheda === s.index),
    );
    if (mine.length === 0) out.push(T.nessunaSegnalazione);
    else {
      out.push(T.segnalazioni);
      for (const f of mine) {
        shown.add(f);
        out.push(T.segnalazione(f.gravita, f.codice, f.celle, f.messaggio));
      }
    }
  }
  const fasi = righeFasi(r.fasi, r.findings);
  out.push(...fasi.righe);
  for (const f of fasi.mostrate) shown.add(f);
  const mat = righeMatrice(matrice, r.findings);
  out.push(...mat.righe);
  for (const f of mat.mostrate) shown.add(f);
  const pr = righeProgetti(progetti, r.findings);
  out.push(...pr.righe);
  for (const f of pr.mostrate) shown.add(f);
  const rest = r.findings.filter((f) => !shown.has(f));
  if (rest.length) {
    out.push('', T.altreSegnalazioni);
    for (const f of rest) out.push(T.segnalazione(f.gravita, f.codice, [`${f.foglio}`, ...f.celle], f.messaggio));
  }
  const empty = r.grids.map((g) => g.name).filter((n) => !isOwnSheet(n) && !sheetsWithCards.includes(n));
  if (empty.length) out.push('', T.fogliSenzaSchede(empty));
  const count = (g: string) => r.findings.filter((f) => f.gravita === g).length;
  out.push('', T.riepilogo(count('errore'), count('avviso'), count('info')), T.esito(count('errore')));
  return out.join('\n');
}

export async function controlla(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFileArgs(args, { json: { type: 'boolean' } }, T, io);
  if (!parsed) return 2;
  const { file, values } = parsed;
  const opened = await openForCli(file, io);
  if (!opened) return 2;
  const result = controllaGrids(opened.grids);
  if (values.json) io.out(JSON.stringify(toJson(result), null, 2));
  else io.out(toText(file, result));
  return result.findings.some((f) => f.gravita === 'errore') ? 1 : 0;
}
