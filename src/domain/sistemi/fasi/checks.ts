/**
 * Checks of `fasi` objectives: PESO FASE adds to 100% (phases of other sectors without weight are not
 * applicable, not errors), VALORE OBIETTIVO is the running sum, impossible dates, PESO DELL'OBIETTIVO of a
 * service's objectives (a centro's, when it is not split by service) adds to 100%.
 */
import { colToLetters as colLetters } from '../../grid';
import { type Codice, type Finding, GRAVITA_DI } from '../../controlli/types';
import { MSG_FASI, gruppoTesto, obiettivoSenzaTitolo } from '../../testi/sistemi';
import type { ObiettivoFasi } from './types';

const EPS = 0.01;

function finding(codice: Codice, ob: ObiettivoFasi, celle: string[], messaggio: string): Finding {
  return { codice, gravita: GRAVITA_DI[codice], foglio: ob.sheet, celle, messaggio, scheda: ob.index };
}

export function titoloObiettivo(ob: ObiettivoFasi): string {
  return ob.titolo?.value || obiettivoSenzaTitolo(ob.sheet, ob.index);
}

export function checkObiettivo(ob: ObiettivoFasi): Finding[] {
  const out: Finding[] = [];
  const titolo = titoloObiettivo(ob);
  let somma = 0;
  const pesate = ob.fasi.filter((f) => f.peso !== null);
  for (const f of ob.fasi) {
    if (f.data && !f.data.valida) out.push(finding('DATA_NON_VALIDA', ob, [f.data.cell], MSG_FASI.dataNonValida(titolo, f.n, f.data.cell, f.data.text)));
    if (f.peso && f.peso.forma === 'non-valido')
      out.push(finding('PESO_NON_VALIDO', ob, [f.peso.cell], MSG_FASI.pesoNonValido(titolo, f.peso.cell, f.peso.text)));
    if (!f.applicabile || f.peso !== null || !f.testo.value) continue;
    if (f.valore === null) {
      const cell = ob.columns.peso !== undefined ? f.testo.cell.replace(/^[A-Z]+/, colLetters(ob.columns.peso)) : f.testo.cell;
      out.push(finding('PESO_MANCANTE', ob, [cell], MSG_FASI.faseSenzaPeso(titolo, f.n, cell)));
    }
  }
  // running sum: every phase with a weight or a value (the sum counts the weighted ones)
  for (const f of ob.fasi) {
    if (f.peso === null && f.valore === null) continue;
    if (f.peso?.points != null) somma += f.peso.points;
    if (ob.columns.valore === undefined) continue;
    const scritto = f.valore?.points ?? null;
    if (scritto === null || Math.abs(scritto - somma) > EPS) {
      const cell = f.valore?.cell ?? `${colLetters(ob.columns.valore)}${f.row + 1}`;
      out.push(finding('FASI_VALORE_CUMULATO', ob, [cell], MSG_FASI.valoreCumulato(titolo, cell, f.valore?.text ?? '', somma)));
    }
  }
  if (pesate.length && Math.abs(somma - 100) > EPS) {
    const celle = pesate.map((f) => f.peso!.cell);
    out.push(finding('FASI_PESO_SOMMA', ob, celle, MSG_FASI.pesoSomma(titolo, rangeText(celle), somma)));
  }
  if (!ob.peso && ob.pesoLabelCell && ob.fasi.some((f) => f.testo.value)) out.push(finding('PESO_MANCANTE', ob, [ob.pesoLabelCell], MSG_FASI.pesoObiettivoMancante(titolo, ob.pesoLabelCell)));
  else if (ob.peso && ob.peso.forma === 'non-valido')
    out.push(finding('PESO_NON_VALIDO', ob, [ob.peso.cell], MSG_FASI.pesoNonValido(titolo, ob.peso.cell, ob.peso.text)));
  return out;
}

/** the service (or centro) an objective's weight adds up in */
export function gruppoDi(ob: ObiettivoFasi): { key: string; servizio: string | null; centro: string | null } {
  const centro = ob.centro ? [ob.centro.codice, ob.centro.nome].filter(Boolean).join(' ') || null : null;
  const servizio = ob.servizio?.nome ?? null;
  return { key: `${ob.sheet}|${centro ?? ''}|${servizio ?? ''}`, servizio, centro };
}

/** PESO DELL'OBIETTIVO per service (per centro without services) */
export function checkGruppi(obiettivi: ObiettivoFasi[]): Finding[] {
  const groups = new Map<string, ObiettivoFasi[]>();
  for (const ob of obiettivi) {
    const k = gruppoDi(ob).key;
    const list = groups.get(k);
    if (list) list.push(ob);
    else groups.set(k, [ob]);
  }
  const out: Finding[] = [];
  for (const obs of groups.values()) {
    const withPeso = obs.filter((o) => o.peso?.points != null);
    if (!withPeso.length) continue;
    const somma = withPeso.reduce((s, o) => s + (o.peso!.points as number), 0);
    if (Math.abs(somma - 100) <= EPS) continue;
    const g = gruppoDi(obs[0]);
    const celle = withPeso.map((o) => o.peso!.cell);
    out.push({ codice: 'PESO_OBIETTIVI_SOMMA', gravita: GRAVITA_DI.PESO_OBIETTIVI_SOMMA, foglio: obs[0].sheet, celle, messaggio: MSG_FASI.pesoObiettivi(gruppoTesto(g), somma, obs.length) });
  }
  return out;
}

export function checkFasi(obiettivi: ObiettivoFasi[]): Finding[] {
  return [...obiettivi.flatMap(checkObiettivo), ...checkGruppi(obiettivi)];
}

function rangeText(celle: string[]): string {
  return celle.length > 1 ? `${celle[0]}:${celle[celle.length - 1]}` : (celle[0] ?? '');
}
