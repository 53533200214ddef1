/**
 * Checks of `progetti` (DESIGN.md findings): PESO from TIPOLOGIA, COEFF from N. DIP., TOTALE = PESO × COEFF,
 * IMPORTO = TOTALE × €/point of its pool (one cent off: avviso), the fund's sum; on the cards PERCENTUALE PER
 * VERIFICA adding to 100, SOGLIA against the table, period and title against the table (info), a soglia the
 * all-or-nothing indicators cannot hit exactly (info); headers that lie about their column (info).
 */
import { type Codice, type Finding, GRAVITA_DI, type Gravita } from '../../controlli/types';
import { normalizeLabel } from '../../scheda/labels';
import { CATEGORIE_PROGETTO, MSG_PROGETTI } from '../../testi/progetti';
import { fondoDi, round2 } from './fondo';
import type { CartaProgetti, RigaProgetto, SchedaProgetto, TabellaProgetti } from './types';

const EPS = 1e-6;

function finding(codice: Codice, c: CartaProgetti, celle: string[], messaggio: string, gravita: Gravita = GRAVITA_DI[codice]): Finding {
  return { codice, gravita, foglio: c.sheet, celle, messaggio, scheda: c.index };
}

/** COEFF from N. DIP.: 1 → 0,5; 2–3 → 1; 4–5 → 1,5; 6–7 → 2; 8–9 → 2,5; 10 or more → 3 */
export function coeffDi(nDip: number): number {
  return Math.min(3, 0.5 + 0.5 * Math.floor(nDip / 2));
}

/** PESO of a TIPOLOGIA word (null: not one of the five) */
export function pesoCategoria(testo: string): number | null {
  const n = normalizeLabel(testo);
  return CATEGORIE_PROGETTO.find((c) => n === c.nome || n.startsWith(c.nome))?.peso ?? null;
}

/**
 * the people a personnel text lists: the numbers before words ("n.3 SUAP", "n°4 dipendenti", "2 istruttori"), or
 * its "tot.14"; `responsabili` the part of them that are heads (Resp., EQ, P.O., dirigente), which N. DIP. may leave out
 */
export function personeElencate(testo: string): { persone: number; responsabili: number } {
  const tot = /\btot\.?\s*(\d+)/i.exec(testo);
  if (tot) return { persone: Number(tot[1]), responsabili: 0 };
  let persone = 0;
  let responsabili = 0;
  for (const m of testo.matchAll(/(?:^|[\s,;+\-–(])(?:n\s*[.°]?\s*)?(\d{1,3})\s*([A-Za-zÀ-ú][\wÀ-ú.]*)/gi)) {
    const n = Number(m[1]);
    persone += n;
    if (/^(resp|dirig|eq\b|e\.q|po\b|p\.o)/i.test(m[2])) responsabili += n;
  }
  return { persone, responsabili };
}

/** N. DIP. against the people a text lists: info only when even without the heads the text lists more people */
function checkPersonale(c: CartaProgetti, n: number, nDip: RigaProgetto['nDip'], personale: { value: string; cell: string } | null): Finding[] {
  if (!personale || nDip?.value == null) return [];
  const p = personeElencate(personale.value);
  if (p.persone - p.responsabili <= nDip.value) return [];
  return [finding('PROGETTO_PERSONALE', c, [personale.cell, nDip.cell], MSG_PROGETTI.personale(n, nDip.cell, nDip.value, p.persone, personale.value))];
}

function checkRiga(t: TabellaProgetti, r: RigaProgetto): Finding[] {
  const out: Finding[] = checkPersonale(t, r.n, r.nDip, r.personale);
  const peso = r.peso?.value ?? null;
  const coeff = r.coeff?.value ?? null;
  if (r.categoria && r.peso && peso !== null) {
    const atteso = pesoCategoria(r.categoria.value);
    if (atteso === null) out.push(finding('PROGETTO_PESO_TIPOLOGIA', t, [r.categoria.cell], MSG_PROGETTI.categoriaIgnota(r.n, r.categoria.cell, r.categoria.value)));
    else if (Math.abs(atteso - peso) > EPS)
      out.push(finding('PROGETTO_PESO_TIPOLOGIA', t, [r.peso.cell, r.categoria.cell], MSG_PROGETTI.pesoTipologia(r.n, r.peso.cell, r.peso.text, r.categoria.value, atteso)));
  }
  if (r.coeff && coeff !== null && r.nDip?.value != null) {
    const atteso = coeffDi(r.nDip.value);
    if (Math.abs(atteso - coeff) > EPS) out.push(finding('PROGETTO_COEFF', t, [r.coeff.cell, r.nDip.cell], MSG_PROGETTI.coeff(r.n, r.coeff.cell, r.coeff.text, r.nDip.value, atteso)));
  }
  if (r.totale?.value != null && peso !== null && coeff !== null && Math.abs(peso * coeff - r.totale.value) > 1e-4)
    out.push(finding('PROGETTO_TOTALE', t, [r.totale.cell], MSG_PROGETTI.totale(r.n, r.totale.cell, r.totale.text, peso, coeff)));
  return out;
}

export function checkTabella(t: TabellaProgetti): Finding[] {
  const out: Finding[] = t.fuorvianti.map((f) =>
    finding('PROGETTO_INTESTAZIONE', t, [f.cell], MSG_PROGETTI.colonnaFuorviante(f.cell, f.intestazione, MSG_PROGETTI.contenutoColonna[f.colonna] ?? f.colonna)),
  );
  for (const r of t.righe) out.push(...checkRiga(t, r));
  const fondo = fondoDi(t);
  for (const imp of fondo.importi) {
    const r = t.righe.find((x) => x.n === imp.n)!;
    if (imp.fisso && r.importo) {
      out.push(finding('PROGETTO_FONDO', t, [r.importo.cell], MSG_PROGETTI.importoFisso(r.n, r.importo.cell, imp.atteso as number)));
      continue;
    }
    if (imp.quota === null || imp.atteso === null || !r.importo || r.importo.value === null) continue;
    const scarto = round2(Math.abs(r.importo.value - imp.atteso));
    if (scarto < 0.005) continue;
    const q = fondo.quote[imp.quota];
    const msg = MSG_PROGETTI.importoScarto(r.n, r.importo.cell, r.importo.value, imp.atteso, r.totale!.value as number, q.euroPunto, `quota ${String.fromCharCode(65 + q.i)}`);
    out.push(finding('PROGETTO_IMPORTO', t, [r.importo.cell], msg, scarto <= 0.01 + 1e-9 ? 'avviso' : 'errore'));
  }
  if (fondo.assegnatoDichiarato !== null && t.fondo?.assegnato) {
    const scritti = round2(t.righe.reduce((s, r) => s + (r.importo?.value ?? 0), 0));
    if (Math.abs(scritti - fondo.assegnatoDichiarato) > 0.005) out.push(finding('PROGETTO_FONDO', t, [t.fondo.assegnato.cell], MSG_PROGETTI.fondoSomma(fondo.assegnatoDichiarato, scritti)));
  }
  return out;
}

const anni = (s: string) => [...new Set(s.match(/\b20\d\d\b/g) ?? [])].sort().join(',');

/** the smallest sum of indicator percentages that reaches the soglia (all-or-nothing indicators) */
export function sogliaEffettiva(percentuali: number[], soglia: number): number | null {
  let sums = new Set<number>([0]);
  for (const p of percentuali) sums = new Set([...sums, ...[...sums].map((s) => round2(s + p))]);
  const ok = [...sums].filter((s) => s >= soglia - EPS).sort((a, b) => a - b);
  return ok[0] ?? null;
}

export function checkScheda(s: SchedaProgetto, t: TabellaProgetti | undefined): Finding[] {
  const out: Finding[] = [];
  const n = s.numero ?? s.index;
  const conP = s.indicatori.filter((i) => i.percentuale?.value != null);
  if (conP.length) {
    const somma = round2(conP.reduce((x, i) => x + (i.percentuale!.value as number), 0));
    if (Math.abs(somma - 100) > 0.01) {
      const celle = conP.map((i) => i.percentuale!.cell);
      out.push(finding('VERIFICA_SOMMA', s, celle, MSG_PROGETTI.verificaSomma(String(n), celle.join(', '), somma)));
    }
  }
  if (s.soglia?.value != null && conP.length === 1 && s.soglia.value < 100 - EPS)
    out.push(finding('SOGLIA_GRANULARE', s, [s.soglia.cell], MSG_PROGETTI.sogliaIndicatoreUnico(n, s.soglia.cell, s.soglia.value)));
  if (s.soglia?.value != null && conP.length > 1) {
    const eff = sogliaEffettiva(conP.map((i) => i.percentuale!.value as number), s.soglia.value);
    if (eff !== null && Math.abs(eff - s.soglia.value) > EPS) out.push(finding('SOGLIA_GRANULARE', s, [s.soglia.cell], MSG_PROGETTI.sogliaIrraggiungibile(n, s.soglia.cell, s.soglia.value, eff)));
  }
  const r = t?.righe.find((x) => x.n === s.numero);
  if (!t || !r) {
    if (t && t.righe.length) out.push(finding('PROGETTO_SCHEDA', s, [s.intestazione.cell], MSG_PROGETTI.senzaRiga(n, s.intestazione.cell)));
    return out;
  }
  if (r.soglia?.value != null && s.soglia?.value != null && Math.abs(r.soglia.value - s.soglia.value) > EPS)
    out.push(finding('SOGLIA_DIVERSA', s, [r.soglia.cell, s.soglia.cell], MSG_PROGETTI.sogliaDiversa(n, `${t.sheet}!${r.soglia.cell}`, r.soglia.value, s.soglia.cell, s.soglia.value)));
  if (r.periodo && s.tempi && anni(r.periodo.value) !== anni(s.tempi.value))
    out.push(finding('PROGETTO_SCHEDA', s, [s.tempi.cell], MSG_PROGETTI.periodoDiverso(n, `${t.sheet}!${r.periodo.cell}`, r.periodo.value, s.tempi.cell, s.tempi.value)));
  out.push(...checkPersonale(s, n, r.nDip, s.personale));
  if (r.titolo && s.titolo && normalizeLabel(r.titolo.value) !== normalizeLabel(s.titolo.value))
    out.push(finding('PROGETTO_SCHEDA', s, [s.titolo.cell], MSG_PROGETTI.titoloDiverso(n, `${t.sheet}!${r.titolo.cell}`, r.titolo.value, s.titolo.cell, s.titolo.value)));
  return out;
}

export function checkProgetti(carte: CartaProgetti[]): Finding[] {
  const tabelle = carte.filter((c): c is TabellaProgetti => c.tipo === 'tabella');
  const schede = carte.filter((c): c is SchedaProgetto => c.tipo === 'scheda');
  const out = tabelle.flatMap(checkTabella);
  for (const s of schede) out.push(...checkScheda(s, tabelle[0]));
  const t = tabelle[0];
  if (t && schede.length) {
    const numeri = new Set(schede.map((s) => s.numero));
    for (const r of t.righe) {
      const cell = `A${r.row + 1}`;
      if (!numeri.has(r.n)) out.push(finding('PROGETTO_SCHEDA', t, [cell], MSG_PROGETTI.senzaScheda(r.n, cell)));
    }
  }
  return out;
}
