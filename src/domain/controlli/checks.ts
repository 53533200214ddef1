/**
 * Consistency checks of a read card (no measurements needed): weights, staff shares, PESATURA,
 * graduations and dates. Each finding names the exact cells and says what to do. Never throws.
 */
import { formatDateIt, parseA1, toA1 } from '../grid';
import { parseGraduazione, printRule, ruleContext, ruleOf } from '../graduazione';
import { normalizeLabel } from '../scheda/labels';
import type { Annualita, Azione, PesoForma, Scheda } from '../scheda/types';
import { datesInText, datesInValue } from '../scheda/values';
import { MSG_CONTROLLI as M, azioneRif, rigaRisorseRif } from '../testi/controlli';
import { GRAVITA_DI, type Codice, type Correzione, type Finding } from './types';

const EPS = 1e-6;

class Collector {
  readonly out: Finding[] = [];
  constructor(private readonly s: Scheda) {}
  add(codice: Codice, celle: string[], messaggio: string, correzione?: Correzione): void {
    const f: Finding = { codice, gravita: GRAVITA_DI[codice], foglio: this.s.sheet, celle, messaggio, scheda: this.s.index };
    if (correzione) f.correzione = correzione;
    this.out.push(f);
  }
}

/** "B15" + "B19" -> "B15:B19" */
function span(a: string, b: string): string {
  return a === b ? a : `${a}:${b}`;
}

/** the action's label in messages: its N., else its row */
function azLabel(a: Azione): string {
  return azioneRif(a.n, a.row + 1);
}

/** the address of a column's cell on an action's row */
function colCell(ann: Annualita, a: Azione, key: 'peso' | 'azione'): string {
  const c = ann.columns[key];
  return c !== undefined ? toA1(a.row, c) : a.nCell;
}

const isPercentForm = (f: PesoForma) => f === 'percentuale' || f === 'testo-percentuale';
const isTextForm = (f: PesoForma) => f === 'testo-numero' || f === 'testo-percentuale';

// ---- PESO --------------------------------------------------------------------------------

function checkPesi(s: Scheda, out: Collector): void {
  for (const ann of s.annualita) {
    if (ann.azioni.length === 0) continue;
    let invalid = false;
    for (const a of ann.azioni) {
      if (a.peso && a.peso.forma === 'non-valido') {
        invalid = true;
        out.add('PESO_NON_VALIDO', [a.peso.cell], M.pesoNonValido(a.peso.text, a.peso.cell));
      }
      if (a.azione && !a.peso) {
        out.add('PESO_MANCANTE', [colCell(ann, a, 'peso')], M.pesoMancante(ann.n, azLabel(a), colCell(ann, a, 'peso')));
      } else if (!a.azione && a.peso) {
        const az = colCell(ann, a, 'azione');
        out.add('PESO_MANCANTE', [a.peso.cell, az], M.pesoSenzaAzione(ann.n, azLabel(a), a.peso.text, a.peso.cell, az));
      }
    }
    const pesi = ann.azioni.filter((a) => a.peso && a.peso.forma !== 'non-valido' && a.peso.points !== null);
    if (invalid || pesi.length === 0) continue;
    const sum = pesi.reduce((t, a) => t + (a.peso?.points ?? 0), 0);
    if (Math.abs(sum - 100) > 0.005) {
      const first = pesi[0].peso!.cell;
      const last = pesi[pesi.length - 1].peso!.cell;
      const range = span(first, last);
      out.add('PESO_SOMMA', [range], M.pesoSomma(ann.n, Math.round(sum * 100) / 100, range));
    }
  }
  checkFormaPesi(s, out);
}

/** PESO written in mixed forms (100,00% beside 25) or typed as text */
function checkFormaPesi(s: Scheda, out: Collector): void {
  const all = s.annualita.flatMap((ann) => ann.azioni.map((a) => a.peso)).filter((p) => p && p.forma !== 'non-valido');
  const pesi = all as NonNullable<(typeof all)[number]>[];
  const pct = pesi.filter((p) => isPercentForm(p.forma));
  const pts = pesi.filter((p) => !isPercentForm(p.forma));
  const reported = new Set<string>();
  if (pct.length && pts.length) {
    const [odd, usual] = pct.length <= pts.length ? [pct, pts] : [pts, pct];
    const list = (ps: typeof pesi) => ps.map((p) => `${p.text} (${p.cell})`).join(', ');
    const one = odd.length === 1 && odd[0].points !== null ? odd[0] : null;
    out.add(
      'PESO_FORMATO',
      odd.map((p) => p.cell),
      M.pesoFormatoMisto(list(odd), list(usual.slice(0, 3)) + (usual.length > 3 ? ', …' : '')),
      one ? pesoNumero(s, one.cell, one.points!) : undefined,
    );
    for (const p of odd) reported.add(p.cell);
  }
  for (const p of pesi) {
    if (!isTextForm(p.forma) || reported.has(p.cell) || p.points === null) continue;
    out.add('PESO_FORMATO', [p.cell], M.pesoTesto(p.text, p.cell, p.points), pesoNumero(s, p.cell, p.points));
  }
}

function pesoNumero(s: Scheda, cella: string, valore: number): Correzione {
  return { tipo: 'peso-numero', foglio: s.sheet, cella, valore };
}

// ---- RISORSE UMANE ------------------------------------------------------------------------

function checkRisorse(s: Scheda, out: Collector): void {
  for (const r of s.risorse) {
    const withPct = r.partecipanti.filter((p) => p.percentuale !== null);
    if (withPct.length === 0) continue;
    const sum = withPct.reduce((t, p) => t + (p.percentuale ?? 0), 0);
    if (Math.abs(sum - 100) > 0.005) {
      const range = span(withPct[0].cell, withPct[withPct.length - 1].cell);
      out.add('RISORSE_SOMMA', [range], M.risorseSomma(azioneRif(r.n, r.row + 1), Math.round(sum * 100) / 100, range));
    }
  }
  const first = s.annualita.find((a) => a.n === 1) ?? s.annualita[0];
  if (!first || first.azioni.length === 0 || s.risorse.length === 0) return;
  const azioni = first.azioni.filter((a) => a.azione);
  const rows = s.risorse;
  const used = new Set<number>();
  azioni.forEach((a, i) => {
    // the RISORSE row with the same N., else the one in the same position
    let j = a.n !== null ? rows.findIndex((r, k) => !used.has(k) && r.n === a.n) : -1;
    if (j < 0 && a.n === null && i < rows.length && !used.has(i)) j = i;
    const azCell = a.azione!.cell;
    if (j < 0) {
      out.add('RISORSE_AZIONI', [azCell], M.risorseAzioneMancante(azLabel(a), azCell));
      return;
    }
    used.add(j);
    const r = rows[j];
    if (r.azione && !sameAction(r.azione.value, a.azione!.value, a.n)) {
      out.add('RISORSE_AZIONI', [r.azione.cell, azCell], M.risorseTestoDiverso(azLabel(a), r.azione.cell, azCell));
    }
  });
  rows.forEach((r, k) => {
    if (used.has(k)) return;
    const cell = r.azione?.cell ?? r.nCell;
    out.add('RISORSE_AZIONI', [cell], M.risorseRigaOrfana(rigaRisorseRif(r.n, r.row + 1), cell));
  });
}

function significantWords(s: string): Set<string> {
  return new Set(normalizeLabel(s).split(' ').filter((w) => w.length >= 4));
}

/** same action? equal or paraphrased text (most significant words shared), or "Azione n. k" with k = N. */
export function sameAction(ruText: string, azText: string, n: number | null): boolean {
  const ru = normalizeLabel(ruText);
  const placeholder = /^azione (?:n )?(\d+)$/.exec(ru);
  if (placeholder) return n !== null && Number(placeholder[1]) === n;
  const az = normalizeLabel(azText);
  if (ru === az || az.startsWith(ru) || ru.startsWith(az)) return true;
  const a = significantWords(ruText);
  const b = significantWords(azText);
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size) >= 0.6;
}

// ---- PESATURA -----------------------------------------------------------------------------

function checkPesatura(s: Scheda, out: Collector): void {
  const p = s.pesatura;
  if (!p) return;
  const pesati = p.criteri.filter((c) => c.peso !== null);
  const tot = p.totale?.value ?? null;
  if (pesati.length === 0 && tot === null) return;
  const sum = pesati.reduce((t, c) => t + (c.peso ?? 0), 0);
  const cells = pesati.map((c) => c.cell!).filter(Boolean);
  const range = cells.length ? [span(cells[0], cells[cells.length - 1])] : [];
  const totCell = p.totale?.cell ?? p.criteri[0]?.labelCell ?? s.range.split(':')[0];
  if (tot === null) {
    out.add('PESATURA_SOMMA', [...range, totCell], M.pesaturaTotaleMancante(sum, totCell));
  } else if (pesati.length === 0) {
    out.add('PESATURA_SOMMA', [totCell], M.pesaturaCriteriMancanti(tot, totCell));
  } else if (Math.abs(sum - tot) > EPS) {
    out.add('PESATURA_SOMMA', [...range, totCell], M.pesaturaSomma(sum, tot, totCell));
  }
}

// ---- graduations and dates ----------------------------------------------------------------

function checkGraduazioni(s: Scheda, out: Collector): void {
  for (const ann of s.annualita) {
    for (const a of ann.azioni) {
      const g = a.graduazione;
      if (!g || !g.value.trim()) continue;
      const rule = ruleOf(a, ann.anno);
      if (rule.kind === 'manuale') {
        out.add('GRADUAZIONE_NON_LETTA', [g.cell], M.graduazioneNonLetta(g.cell, rule.reason));
      }
      const fasce = rule.warnings.filter((w) => /^(FASCE_|LIVELLO_)/.test(w.code));
      if (fasce.length) {
        // the canonical rewrite is offered only when it really mends the bands (it resolves overlaps and stray
        // minus signs; a gap or a missing band stays in it, and a "fix" that leaves the warning is no fix)
        let canon: string | null = null;
        if (rule.kind !== 'manuale') {
          try {
            canon = printRule(rule);
            const again = parseGraduazione(canon, ruleContext(a, ann.anno));
            if (again.warnings.some((w) => /^(FASCE_|LIVELLO_)/.test(w.code))) canon = null;
          } catch {
            canon = null;
          }
        }
        out.add(
          'GRADUAZIONE_FASCE',
          [g.cell],
          M.graduazioneFasce(g.cell, fasce.map((w) => w.message), canon),
          canon ? { tipo: 'graduazione-canonica', foglio: s.sheet, cella: g.cell, testo: canon } : undefined,
        );
      }
      for (const w of rule.warnings) {
        if (w.code === 'DATA_IMPOSSIBILE') {
          // an impossible date in TEMPI/ATTESO is reported on its own cell by checkDate
          if (datesInText(g.value).some((d) => !d.valid)) out.add('DATA_NON_VALIDA', [g.cell], M.graduazioneData(g.cell, w.message));
        }
        else if (w.code === 'DATA_DIVERSA') {
          const other = [a.tempi, a.atteso].find((f) => f && datesInValue(f.value, f.text).some((d) => d.valid));
          out.add('GRADUAZIONE_DATA', other ? [g.cell, other.cell] : [g.cell], M.graduazioneData(g.cell, w.message));
        }
      }
    }
  }
}

/** impossible dates typed in TEMPI / ATTESO, and deadlines outside the annualità's year */
function checkDate(s: Scheda, out: Collector): void {
  for (const ann of s.annualita) {
    for (const a of ann.azioni) {
      let deadline: { text: string; date: Date; cell: string } | null = null;
      for (const f of [a.tempi, a.atteso]) {
        if (!f) continue;
        const ds = datesInValue(f.value, f.text);
        for (const d of ds) if (!d.valid) out.add('DATA_NON_VALIDA', [f.cell], M.dataNonValida(d.text, f.cell));
        const valid = ds.filter((d) => d.valid);
        if (!deadline && valid.length) {
          const last = valid[valid.length - 1];
          deadline = { text: f.value instanceof Date ? formatDateIt(last.date!) : last.text, date: last.date!, cell: f.cell };
        }
      }
      if (deadline && ann.anno !== null && deadline.date.getUTCFullYear() !== ann.anno) {
        out.add('ANNUALITA_ANNO', [deadline.cell], M.annualitaAnno(azLabel(a), ann.n, ann.anno, deadline.text, deadline.cell));
      }
    }
  }
}

// ---- COMUNE / INDIVIDUALE ----------------------------------------------------------------

function checkTipo(s: Scheda, out: Collector): void {
  if (!s.titolo || !s.tipoAmbiguo) return;
  out.add('TIPO_AMBIGUO', [s.titolo.cell], s.tipoAmbiguo === 'entrambe' ? M.tipoEntrambe(s.titolo.cell) : M.tipoNessuna(s.titolo.cell));
}

/** every check of one card, in a stable order */
export function checkScheda(s: Scheda): Finding[] {
  const out = new Collector(s);
  const steps = [checkTipo, checkPesi, checkRisorse, checkPesatura, checkGraduazioni, checkDate];
  for (const step of steps) {
    try {
      step(s, out);
    } catch {
      // a check that cannot run on an odd card is skipped; the others still run
    }
  }
  return out.out.sort(byCell);
}

/** top-to-bottom, left-to-right by first cell; codes keep their order within a cell */
function byCell(a: Finding, b: Finding): number {
  const pa = parseA1((a.celle[0] ?? '').split(':')[0]);
  const pb = parseA1((b.celle[0] ?? '').split(':')[0]);
  if (!pa || !pb) return 0;
  return pa.r - pb.r || pa.c - pb.c;
}

/** every check of every card */
export function checkWorkbook(schede: Scheda[]): Finding[] {
  const out: Finding[] = [];
  if (!Array.isArray(schede)) return out;
  for (const s of schede) out.push(...checkScheda(s));
  return out;
}
