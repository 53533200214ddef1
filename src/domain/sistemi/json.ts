/** the `schede` command's shapes for the card systems: JSON of a fasi objective, text lines of the fasi objectives */
import type { Finding } from '../controlli/types';
import { formatNumberIt } from '../grid';
import { TESTI_CONTROLLA } from '../testi/cli';
import { TESTI_CLI_SISTEMI as T } from '../testi/sistemi';
import { gruppoDi, schedaDi, titoloObiettivo } from './fasi';
import { ruleOf } from '../graduazione';
import type { ObiettivoFasi } from './fasi/types';
import type { Scheda } from '../scheda/types';

/**
 * The annualità of a card as `controlla --json` gives them. A gestionale action with no GRADUAZIONE text has
 * `graduazione: null`; a phase (`sempre`) always has the kind its rule gets from its date.
 */
export function annualitaJson(s: Scheda, sempre = false) {
  return s.annualita.map((a) => ({
    anno: a.anno,
    azioni: a.azioni.map((az) => ({
      n: az.n,
      peso: az.peso?.points ?? null,
      azione: az.azione?.value ?? null,
      graduazione: sempre || az.graduazione?.value.trim() ? { tipo: ruleOf(az, a.anno).kind } : null,
    })),
  }));
}

/** `controlla --json` for a fasi objective: the gestionale card's keys, plus the fasi fields */
export function fasiJson(ob: ObiettivoFasi) {
  const s = schedaDi(ob);
  const g = gruppoDi(ob);
  const p = ob.periodo;
  return {
    sistema: 'fasi' as const,
    foglio: ob.sheet,
    scheda: ob.index,
    titolo: titoloObiettivo(ob),
    tipo: null,
    periodo: p ? (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`) : null,
    centro: g.centro,
    servizio: g.servizio,
    dup: ob.dup,
    peso: ob.peso?.points ?? null,
    annualita: annualitaJson(s, true),
    fasi: ob.fasi.map((f) => ({
      n: f.n,
      settore: f.settore,
      testo: f.testo.value,
      data: f.data?.date ? f.data.date.toISOString().slice(0, 10) : (f.data?.text ?? null),
      peso: f.peso?.points ?? null,
      valore: f.valore?.points ?? null,
      applicabile: f.applicabile,
    })),
  };
}

/** `controlla` text: one block per fasi objective with its findings; returns the findings shown */
export function righeFasi(obs: readonly ObiettivoFasi[], findings: readonly Finding[]): { righe: string[]; mostrate: Set<Finding> } {
  const righe: string[] = [];
  const mostrate = new Set<Finding>();
  for (const ob of obs) {
    const g = gruppoDi(ob);
    righe.push('', T.obiettivoFasi(ob.sheet, ob.index, ob.range), TESTI_CONTROLLA.titolo(titoloObiettivo(ob)), T.gruppo(g.servizio, g.centro));
    const pesate = ob.fasi.filter((f) => f.peso && f.applicabile).length;
    righe.push(T.fasi(ob.fasi.length, pesate, ob.peso?.points != null ? `${formatNumberIt(ob.peso.points)}%` : null));
    righe.push(...noteESegnalazioni(ob, findings, mostrate));
  }
  return { righe, mostrate };
}

/** `controlla` text under a card of any system: the reader's notes, then the card's findings (added to `mostrate`) */
export function noteESegnalazioni(c: { sheet: string; index: number; problemi: string[] }, findings: readonly Finding[], mostrate: Set<Finding>): string[] {
  const righe: string[] = [];
  if (c.problemi.length) {
    righe.push(TESTI_CONTROLLA.noteLettura);
    for (const p of c.problemi) righe.push(TESTI_CONTROLLA.nota(p));
  }
  const mine = findings.filter((f) => f.foglio === c.sheet && f.scheda === c.index);
  if (!mine.length) righe.push(TESTI_CONTROLLA.nessunaSegnalazione);
  else {
    righe.push(TESTI_CONTROLLA.segnalazioni);
    for (const f of mine) {
      mostrate.add(f);
      righe.push(TESTI_CONTROLLA.segnalazione(f.gravita, f.codice, f.celle, f.messaggio));
    }
  }
  return righe;
}
