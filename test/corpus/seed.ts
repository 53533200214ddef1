/**
 * What a person reads in a card's seed lines (scripts/corpus/data/*.tsv), independently of the
 * product's reader: the expected values the corpus tests compare against.
 * Deliberately literal: it knows the exact header spellings of the corpus cards.
 */
import { toA1 } from '../../src/domain/grid';
import { numberOf } from '../../scripts/corpus/build';

export interface SeedAzione {
  n: number;
  /** points out of 100 */
  peso: number | null;
  pesoText: string;
  azione: string;
  graduazione: string;
  /** 0-based row inside the card */
  row: number;
  pesoCell: string;
}

export interface SeedAnnualita {
  n: number;
  azioni: SeedAzione[];
}

export interface SeedCard {
  titolo: string;
  periodo: { from: number; to: number } | null;
  annualita: SeedAnnualita[];
  /** header field value by canonical key (first value after the label) */
  header: Record<string, string>;
}

const HEADER_LABELS: [string, RegExp][] = [
  ['lineaMandato', /^Linea programmatica/i],
  ['dupStrategica', /^(Dup|Dip\.?|Doc\.) -? ?(Sezione|Settore) strategic/i],
  ['dupOperativa', /^(Dup|Dip\.?|Doc\.) -? ?(Sezione|Settore) operativ/i],
  ['descrizione', /^Obiettivo (gestionale|generale|primario) di performance/i],
  ['baseline', /^Situazione di partenza/i],
  ['target', /^(Traguardo atteso|Trauardo atteso)/i],
  ['stakeholder', /^A chi è rivolto/i],
];

function nextValue(row: string[], from: number): string {
  for (let c = from + 1; c < row.length; c++) if (row[c].trim() !== '') return row[c].trim();
  return '';
}

/** the expected reading of one card whose first line is on sheet row `offset` (0-based) */
export function readSeedCard(rows: string[][], offset = 0): SeedCard {
  const titolo = rows[0].find((f) => f.trim() !== '')!.trim();
  const pm = /(20\d\d)\s*[–-]\s*(20\d\d)/.exec(titolo);
  const header: Record<string, string> = {};
  const annualita: SeedAnnualita[] = [];
  let cols: Record<string, number> | null = null;
  let current: SeedAnnualita | null = null;
  rows.forEach((row, i) => {
    const first = (row[0] ?? '').trim();
    const lead = row.find((f) => f.trim() !== '')?.trim() ?? '';
    for (const [key, re] of HEADER_LABELS) if (re.test(first) && !(key in header)) header[key] = nextValue(row, 0);
    const rIdx = row.findIndex((f) => /^Referente organizzativo/i.test(f.trim()));
    if (rIdx >= 0 && !('referente' in header)) {
      const inline = row[rIdx].trim().replace(/^Referente organizzativo di rif\.\s*/i, '');
      header.referente = inline || nextValue(row, rIdx);
    }
    if (/^UNIT(À|A'?) ORGANIZZATIVA RESPONSABILE/i.test(first)) {
      const units = rows.slice(i + 1).find((r) => r.some((f) => f.trim() !== ''));
      header.unitaResponsabile = units?.[0].trim() ?? '';
    }
    const dIdx = row.findIndex((f) => /^(Dirigente|Dirigenza) responsabile/i.test(f.trim()));
    if (dIdx >= 0 && !('dirigente' in header)) {
      const inline = row[dIdx].trim().replace(/^(Dirigente|Dirigenza) responsabile\s*/i, '');
      header.dirigente = inline || nextValue(row, dIdx);
    }
    const pianoM = /^PIL?ANO OPERATIVO (\d)/i.exec(lead);
    if (pianoM) {
      current = { n: Number(pianoM[1]), azioni: [] };
      annualita.push(current);
      cols = null;
      return;
    }
    if (first === 'N.' && row.some((f) => /^PES[OS]$/.test(f.trim()))) {
      const find = (re: RegExp) => row.findIndex((f) => re.test(f.trim()));
      cols = { peso: find(/^PES[OS]$/), azione: find(/^(AZIONE|INDICAZIONE)$/), graduazione: find(/^GRADUAZIONE$/) };
      return;
    }
    if (cols && current && /^\d{1,2}$/.test(first)) {
      const pesoText = (row[cols.peso] ?? '').trim();
      const azione = (row[cols.azione] ?? '').trim();
      if (pesoText === '' && azione === '') return;
      let peso = numberOf(pesoText);
      const pm2 = /^(\d+(?:,\d+)?)\s*%$/.exec(pesoText);
      if (peso === null && pm2) peso = Number(pm2[1].replace(',', '.'));
      current.azioni.push({
        n: Number(first),
        peso,
        pesoText,
        azione,
        graduazione: (row[cols.graduazione] ?? '').trim(),
        row: i,
        pesoCell: toA1(offset + i, cols.peso),
      });
      return;
    }
    if (first !== '' && !/^\d{1,2}$/.test(first)) cols = null;
  });
  return { titolo, periodo: pm ? { from: Number(pm[1]), to: Number(pm[2]) } : null, annualita, header };
}
