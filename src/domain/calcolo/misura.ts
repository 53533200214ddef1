/**
 * One Rilevazioni row + one rule -> a measurement (or the manual level), or a clear Italian reason
 * why not. Values are read as people type them in Excel.
 */
import { type Cell, cellText } from '../grid';
import { parseMeasurement } from '../graduazione';
import type { Measurement, Rule } from '../graduazione/types';
import { MSG_CALCOLO, cosaServeTesto } from '../testi/calcolo';
import { TESTI_GRADUAZIONE as TG } from '../testi/graduazione';
import { type RigaRilevazione, type TabellaRilevazioni, rilCell } from './rilevazioni';
import { isPercentFormat, readDateCell, readLevelCell } from './valori';

export type Lettura =
  | { tipo: 'misura'; m: Measurement }
  | { tipo: 'manuale'; livello: number; motivazione: string }
  /** nothing usable typed; `perche` says what is missing (for the message) */
  | { tipo: 'mancante'; perche: 'vuota' | 'livello' | 'valore' }
  | { tipo: 'errore'; cella: string; messaggio: string };

function readValore(rule: Rule, cell: Cell, addr: string): { ok: true; m: Measurement } | { ok: false; cella: string; messaggio: string } {
  const text = cellText(cell);
  // dates typed in the value column of a deadline rule
  if (rule.kind === 'scadenza') {
    const d = readDateCell(cell);
    if (d.ok) return { ok: true, m: { kind: 'data', date: d.date } };
    if (d.impossible) return { ok: false, cella: addr, messaggio: MSG_CALCOLO.dataImpossibile(addr, text) };
  }
  const input = cell.v instanceof Date || typeof cell.v === 'number' || typeof cell.v === 'boolean' ? cell.v : text;
  const r = parseMeasurement(input, rule, { percentFormatted: isPercentFormat(cell.f) });
  if (!r.ok) return { ok: false, cella: addr, messaggio: MSG_CALCOLO.valoreNonValido(addr, text, r.message) };
  const m = r.m;
  if (m.kind === 'ritardo' && m.days < 0) return { ok: false, cella: addr, messaggio: MSG_CALCOLO.ritardoNegativo(addr, text) };
  if (m.kind === 'percentuale' && (m.value < 0 || m.value > 100))
    return { ok: false, cella: addr, messaggio: MSG_CALCOLO.percentualeFuoriScala(addr, text) };
  return { ok: true, m };
}

/** read what was typed for an action; the manual level, when given, wins */
export function leggiRiga(rule: Rule, t: TabellaRilevazioni, row: RigaRilevazione | undefined): Lettura {
  if (!row) return { tipo: 'mancante', perche: 'vuota' };
  const { livelloManuale, dataCompletamento, valore, motivazione } = row.cells;
  if (livelloManuale) {
    const addr = rilCell(t, row.row, 'livelloManuale');
    const l = readLevelCell(livelloManuale);
    if (l === null) return { tipo: 'errore', cella: addr, messaggio: MSG_CALCOLO.livelloNonValido(addr, cellText(livelloManuale)) };
    // a level typed by hand stands only with its reason, on the sheet as in the form (issue 11)
    if (!cellText(motivazione).trim()) {
      const cella = t.columns.motivazione !== undefined ? rilCell(t, row.row, 'motivazione') : addr;
      return { tipo: 'errore', cella, messaggio: TG.motivazioneMancante(cella, cellText(livelloManuale)) };
    }
    return { tipo: 'manuale', livello: l, motivazione: cellText(motivazione) };
  }
  if (rule.kind === 'manuale') return { tipo: 'mancante', perche: dataCompletamento || valore ? 'livello' : 'vuota' };
  let date: Date | undefined;
  if (dataCompletamento) {
    const addr = rilCell(t, row.row, 'dataCompletamento');
    const d = readDateCell(dataCompletamento);
    if (!d.ok) {
      const text = cellText(dataCompletamento);
      return { tipo: 'errore', cella: addr, messaggio: d.impossible ? MSG_CALCOLO.dataImpossibile(addr, text) : MSG_CALCOLO.dataNonValida(addr, text) };
    }
    date = d.date;
  }
  let m: Measurement | undefined;
  if (valore) {
    const r = readValore(rule, valore, rilCell(t, row.row, 'valore'));
    if (!r.ok) return { tipo: 'errore', cella: r.cella, messaggio: r.messaggio };
    m = r.m;
  }
  if (rule.kind === 'scadenza') {
    if (date) return { tipo: 'misura', m: { kind: 'data', date } };
    return m ? { tipo: 'misura', m } : { tipo: 'mancante', perche: 'vuota' };
  }
  if (rule.kind === 'binario') {
    if (m?.kind === 'booleano') return { tipo: 'misura', m: date ? { ...m, date } : m };
    if (!m && date) return { tipo: 'misura', m: { kind: 'booleano', value: true, date } };
    return m ? { tipo: 'misura', m } : { tipo: 'mancante', perche: 'vuota' };
  }
  if (m) return { tipo: 'misura', m };
  return { tipo: 'mancante', perche: date ? 'valore' : 'vuota' };
}

/** what the value column must hold for this rule (for the message when only a date was typed) */
export function cosaServe(rule: Rule): string {
  return cosaServeTesto(rule.kind);
}
