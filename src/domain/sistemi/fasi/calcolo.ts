/**
 * `fasi` through the shared compute: each objective becomes a card with one annualità whose actions are its
 * weighted phases (PESO = PESO FASE, deadline = DATA ULTIMAZIONE FASE, graduation "completed by the date = 100%,
 * else 0%" unless the objective states one). The shared compute then reads the Rilevazioni rows (N. = phase
 * number), writes RAGGIUNTO/% where the table has those columns, fills the Riepilogo and keeps undo.
 * The service's and the centro's levels are weighted by PESO DELL'OBIETTIVO.
 */
import type { EsitoScheda } from '../../calcolo';
import { formatDateIt } from '../../grid';
import type { Azione, Field, Scheda } from '../../scheda/types';
import { TESTI_FASI_CALCOLO } from '../../testi/sistemi';
import { gruppoDi, titoloObiettivo } from './checks';
import type { Fase, ObiettivoFasi } from './types';

function graduazioneFase(ob: ObiettivoFasi, f: Fase): Field {
  const cell = f.data?.cell ?? f.testo.cell;
  if (ob.graduazione?.value.trim()) return { value: ob.graduazione.value, cell: ob.graduazione.cell };
  // an impossible date (31.06.2024) is never shifted: the phase's level is then typed by hand
  if (f.data && !f.data.valida) return { value: TESTI_FASI_CALCOLO.graduazioneDataNonValida(f.data.text), cell };
  const data = f.data?.date ? formatDateIt(f.data.date) : (f.data?.text ?? '');
  return { value: TESTI_FASI_CALCOLO.graduazioneFase(data), cell };
}

function azioneDi(ob: ObiettivoFasi, f: Fase): Azione {
  return {
    n: f.n,
    row: f.row,
    nCell: f.testo.cell,
    peso: f.peso,
    azione: f.testo,
    tempi: f.data ? { value: f.data.date ?? f.data.text, text: f.data.text, cell: f.data.cell } : null,
    indicatori: null,
    atteso: null,
    graduazione: graduazioneFase(ob, f),
    raggiunto: f.raggiunto,
    percentuale: f.percentuale,
  };
}

/** the shared compute's cards made from fasi objectives (so a front end holding only `Scheda`s can tell them apart) */
const DA_FASI = new WeakMap<Scheda, ObiettivoFasi>();

/** the fasi objective a compute card was made from, if it was */
export function obiettivoDi(s: Scheda): ObiettivoFasi | undefined {
  return DA_FASI.get(s);
}

/** an objective as the shared compute's card */
export function schedaDi(ob: ObiettivoFasi): Scheda {
  const s = schedaDaObiettivo(ob);
  DA_FASI.set(s, ob);
  return s;
}

function schedaDaObiettivo(ob: ObiettivoFasi): Scheda {
  const titolo = titoloObiettivo(ob);
  const servizio = ob.servizio?.nome ?? ([ob.centro?.codice, ob.centro?.nome].filter(Boolean).join(' ') || null);
  const azioni = ob.fasi.filter((f) => f.peso !== null && f.peso.points !== null && f.applicabile).map((f) => azioneDi(ob, f));
  const anno = ob.periodo?.from ?? null;
  return {
    sheet: ob.sheet,
    index: ob.index,
    range: ob.range,
    firstRow: ob.firstRow,
    lastRow: ob.lastRow,
    titolo: ob.titolo,
    periodo: ob.periodo,
    tipo: null,
    header: {
      descrizione: { value: titolo, cell: ob.titolo?.cell ?? ob.range.split(':')[0] },
      ...(ob.centro?.dirigente ? { dirigente: ob.centro.dirigente } : {}),
      ...(servizio ? { unitaResponsabile: { value: servizio, cell: ob.servizio?.cell ?? ob.centro?.cell ?? '' } } : {}),
      altreUnita: [],
    },
    annualita: [
      {
        n: 1,
        anno,
        titleCell: ob.titolo?.cell ?? ob.range.split(':')[0],
        headerRow: ob.headerRow,
        columns: {},
        azioni,
        range: ob.range,
      },
    ],
    risorse: [],
    finanziaria: [],
    pesatura: ob.peso ? { criteri: [], totale: { value: ob.peso.points, text: ob.peso.text, cell: ob.peso.cell } } : null,
    problemi: [...ob.problemi],
  };
}

export interface LivelloGruppo {
  tipo: 'servizio' | 'centro';
  foglio: string;
  nome: string;
  anno: number | null;
  /** Σ(PESO DELL'OBIETTIVO × level) / Σ(PESO DELL'OBIETTIVO) over the objectives with a level; null when none */
  livello: number | null;
  parziale: boolean;
  obiettivi: number;
  /** objectives with every phase measured */
  completi: number;
  peso: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** the service's and the centro's levels from the objectives' levels */
export function livelliGruppi(obiettivi: readonly ObiettivoFasi[], esiti: readonly EsitoScheda[]): LivelloGruppo[] {
  const esitoDi = new Map(esiti.map((e) => [`${e.foglio}|${e.scheda}`, e]));
  const gruppi = new Map<string, { tipo: 'servizio' | 'centro'; foglio: string; nome: string; obs: ObiettivoFasi[] }>();
  const add = (key: string, tipo: 'servizio' | 'centro', foglio: string, nome: string, ob: ObiettivoFasi) => {
    let g = gruppi.get(key);
    if (!g) gruppi.set(key, (g = { tipo, foglio, nome, obs: [] }));
    g.obs.push(ob);
  };
  for (const ob of obiettivi) {
    const g = gruppoDi(ob);
    if (g.servizio) add(`s|${g.key}`, 'servizio', ob.sheet, g.servizio, ob);
    if (g.centro) add(`c|${ob.sheet}|${g.centro}`, 'centro', ob.sheet, g.centro, ob);
  }
  const out: LivelloGruppo[] = [];
  for (const g of gruppi.values()) {
    let num = 0;
    let den = 0;
    let peso = 0;
    let completi = 0;
    let anno: number | null = null;
    for (const ob of g.obs) {
      const e = esitoDi.get(`${ob.sheet}|${ob.index}`);
      const p = ob.peso?.points ?? 0;
      peso += p;
      anno ??= e?.anno ?? ob.periodo?.from ?? null;
      if (e && e.rilevate === e.azioni.length && e.azioni.length > 0) completi++;
      if (!e || e.grado === null || p <= 0) continue;
      num += p * e.grado;
      den += p;
    }
    out.push({
      tipo: g.tipo,
      foglio: g.foglio,
      nome: g.nome,
      anno,
      livello: den > 0 ? round6(num / den) : null,
      parziale: completi < g.obs.length,
      obiettivi: g.obs.length,
      completi,
      peso: round6(peso),
    });
  }
  return out;
}
