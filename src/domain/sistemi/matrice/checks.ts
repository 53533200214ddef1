/**
 * Checks of the template's cards: one readable mark per criterion (PESATURA_MARCA_MANCANTE), Esito Pesatura is
 * the sum of the marked scores (PESATURA_ESITO, only when every mark is read: an unreadable mark is reported,
 * not guessed), % di contribuzione of the areas adds to 100% (CONTRIBUZIONE_SOMMA), INDICE DI ASSORBIMENTO that
 * shows an error or divides by zero (INDICE_NON_CALCOLABILE).
 */
import { type Codice, type Finding, GRAVITA_DI } from '../../controlli/types';
import { CRITERI_MATRICE, MSG_MATRICE as M, schedaMatriceSenzaTitolo } from '../../testi/matrice';
import { CRITERI, type CartaMatrice, type Criterio, PUNTEGGI, type Rilevanza } from './types';

const EPS = 0.01;

function finding(codice: Codice, c: CartaMatrice, celle: string[], messaggio: string): Finding {
  return { codice, gravita: GRAVITA_DI[codice], foglio: c.sheet, celle, messaggio, scheda: c.index };
}

export function titoloMatrice(c: CartaMatrice): string {
  return c.titolo?.value || schedaMatriceSenzaTitolo(c.sheet, c.numero?.value ?? null, c.index);
}

/** the Esito Pesatura the marks give, with each criterion's score; null while some criterion has not exactly one readable mark */
export function esitoDaMarche(c: CartaMatrice): { somma: number; punteggi: [Criterio, Rilevanza, number][] } | null {
  const punteggi: [Criterio, Rilevanza, number][] = [];
  for (const k of CRITERI) {
    const cr = c.criteri.find((x) => x.criterio === k);
    if (!cr || !cr.leggibile || cr.marche.length !== 1) return null;
    const r = cr.marche[0].rilevanza;
    punteggi.push([k, r, PUNTEGGI[k][r]]);
  }
  return { somma: punteggi.reduce((s, p) => s + p[2], 0), punteggi };
}

/** the one mark of an unreadable criterion that makes the written Esito come out, when exactly one does */
function marcaSuggerita(c: CartaMatrice, k: Criterio): Rilevanza | null {
  if (c.esito?.value == null) return null;
  let resto = 0;
  for (const o of CRITERI) {
    if (o === k) continue;
    const cr = c.criteri.find((x) => x.criterio === o);
    if (!cr || !cr.leggibile || cr.marche.length !== 1) return null;
    resto += PUNTEGGI[o][cr.marche[0].rilevanza];
  }
  const fit = (Object.keys(PUNTEGGI[k]) as Rilevanza[]).filter((r) => Math.abs(resto + PUNTEGGI[k][r] - (c.esito!.value as number)) < EPS);
  return fit.length === 1 ? fit[0] : null;
}

function checkMarche(c: CartaMatrice, titolo: string): Finding[] {
  if (!c.pesoCell) return [];
  // a matrix nobody has started (a blank card: no mark, no Esito) is not yet wrong
  const iniziata = c.esito?.value != null || c.criteri.some((cr) => cr.marche.length > 0 || !cr.leggibile);
  if (!iniziata) return [];
  const out: Finding[] = [];
  for (const k of CRITERI) {
    const nome = CRITERI_MATRICE[k];
    const cr = c.criteri.find((x) => x.criterio === k);
    if (!cr) out.push(finding('PESATURA_MARCA_MANCANTE', c, [c.pesoCell], M.criterioAssente(titolo, nome, c.pesoCell)));
    else if (!cr.leggibile) {
      const s = marcaSuggerita(c, k);
      out.push(finding('PESATURA_MARCA_MANCANTE', c, [cr.label.cell], M.marcaIllegibile(titolo, nome, cr.label.cell, s ? M.rilevanza(s) : null)));
    } else if (cr.marche.length === 0) out.push(finding('PESATURA_MARCA_MANCANTE', c, [cr.label.cell], M.marcaMancante(titolo, nome, cr.label.cell)));
    else if (cr.marche.length > 1) {
      const celle = cr.marche.map((m) => m.cell);
      out.push(finding('PESATURA_MARCA_MANCANTE', c, celle, M.marchePiu(titolo, nome, celle.join(', '), celle.length)));
    }
  }
  const e = esitoDaMarche(c);
  if (e) {
    const scritto = c.esito?.value ?? null;
    if (scritto === null || Math.abs(scritto - e.somma) > EPS) {
      const cell = c.esito?.cell ?? c.pesoCell;
      const dettaglio = e.punteggi.map(([k, r, p]) => M.punteggio(CRITERI_MATRICE[k], r, p)).join(' + ');
      out.push(finding('PESATURA_ESITO', c, [cell], M.esito(titolo, cell, c.esito?.text ?? '', e.somma, dettaglio)));
    }
  }
  return out;
}

function checkContribuzione(c: CartaMatrice, titolo: string): Finding[] {
  const con = c.aree.filter((a) => a.contribuzione?.points != null);
  if (!con.length) return [];
  const somma = con.reduce((s, a) => s + (a.contribuzione!.points as number), 0);
  if (Math.abs(somma - 100) <= EPS) return [];
  const celle = con.map((a) => a.contribuzione!.cell);
  return [finding('CONTRIBUZIONE_SOMMA', c, celle, M.contribuzione(titolo, `${celle[0]}:${celle[celle.length - 1]}`, somma, con.length))];
}

function checkIndice(c: CartaMatrice, titolo: string): Finding[] {
  const i = c.indice;
  if (i && /^#/.test(i.text)) return [finding('INDICE_NON_CALCOLABILE', c, [i.cell], M.indiceErrore(titolo, i.cell, i.text))];
  const p = c.risorseProgramma;
  if (p && !p.value && c.risorseObiettivo?.value) return [finding('INDICE_NON_CALCOLABILE', c, [p.cell], M.indiceZero(titolo, p.cell))];
  return [];
}

export function checkCarta(c: CartaMatrice): Finding[] {
  const titolo = titoloMatrice(c);
  return [...checkMarche(c, titolo), ...checkContribuzione(c, titolo), ...checkIndice(c, titolo)];
}

export function checkMatrice(carte: CartaMatrice[]): Finding[] {
  return carte.flatMap(checkCarta);
}
