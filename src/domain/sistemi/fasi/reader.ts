/**
 * Read `fasi` objectives from a grid. Headings may sit in any row: CENTRO DI RESPONSABILITÀ (label, name, code),
 * DIRIGENTE RESPONSABILE / SEGRETARIO GENERALE, the services the centro lists, INCARICATO …, SERVIZIO headings
 * that open a service's objectives, OBIETTIVI STRATEGICI DI SISTEMA / DI SETTORE. An objective is found by its
 * phases table; its title and description are the text rows just above the table, its labelled rows
 * (RISORSE …, RISULTATO ATTESO, INDICATORI DI RISULTATO, PESO DELL'OBIETTIVO) just below.
 * Text glued by the extraction with `**` (`SERVIZIO X**OBIETTIVI STRATEGICI DI SISTEMA****TITOLO**`) is read as
 * consecutive rows. Never throws.
 */
import { type Cell, type Grid, cellText, isEmptyCell, toA1 } from '../../grid';
import { matchLabel, normalizeHead } from '../../scheda/labels';
import type { Field, RawField } from '../../scheda/types';
import { datesInValue, parsePeso } from '../../scheda/values';
import { ETICHETTE_FASI as E, MSG_FASI_LETTORE } from '../../testi/sistemi';
import type { Centro, ColonnaFasi, DataFase, Fase, ObiettivoFasi, Servizio } from './types';

type Kind =
  | 'vuota'
  | 'separatore'
  | 'centro'
  | 'dirigente'
  | 'incaricato'
  | 'servizio'
  | 'ambito'
  | 'intestazione'
  | 'etichetta'
  | 'testo';

interface Part {
  text: string;
  cell: string;
  c: number;
  raw: Cell | undefined;
}

interface Line {
  row: number;
  /** the non-empty cells of the row (or the `**` pieces of its first cell) */
  parts: Part[];
  kind: Kind;
  /** normalised first part */
  key: string;
}

type EtichettaKey = 'risorseUmane' | 'risorseFinanziarie' | 'risultatoAtteso' | 'indicatori' | 'graduazione' | 'peso';

const ETICHETTE: [EtichettaKey, string][] = [
  ['risorseUmane', E.risorseUmane],
  ['risorseFinanziarie', E.risorseFinanziarie],
  ['risultatoAtteso', E.risultato],
  ['indicatori', E.indicatori],
  ['graduazione', E.graduazione],
  ['peso', E.pesoObiettivo],
];

const SEPARATORE_RE = /^[-–—_.\s]+$/;

function etichettaOf(text: string): EtichettaKey | null {
  for (const [k, label] of ETICHETTE) if (matchLabel(text, label)) return k;
  return null;
}

/** the columns of a phases header row, or null when the row is not one */
export function headerColumns(parts: Part[]): Partial<Record<ColonnaFasi, number>> | null {
  const cols: Partial<Record<ColonnaFasi, number>> = {};
  for (const p of parts) {
    const n = normalizeHead(p.text);
    if (cols.fasi === undefined && matchLabel(p.text, E.fasi)) cols.fasi = p.c;
    else if (cols.data === undefined && (matchLabel(p.text, E.data) || n === 'data')) cols.data = p.c;
    else if (cols.peso === undefined && matchLabel(p.text, E.pesoFase)) cols.peso = p.c;
    else if (cols.valore === undefined && matchLabel(p.text, E.valore)) cols.valore = p.c;
    else if (cols.raggiunto === undefined && matchLabel(p.text, E.raggiunto)) cols.raggiunto = p.c;
    else if (cols.percentuale === undefined && p.text.trim() === '%') cols.percentuale = p.c;
  }
  return cols.fasi !== undefined && cols.peso !== undefined && (cols.data !== undefined || cols.valore !== undefined) ? cols : null;
}

function classify(parts: Part[]): Kind {
  if (parts.length === 0) return 'vuota';
  if (parts.every((p) => SEPARATORE_RE.test(p.text))) return 'separatore';
  if (headerColumns(parts)) return 'intestazione';
  const first = parts[0].text;
  const key = normalizeHead(first);
  if (/^centro di responsabilita\b/.test(key)) return 'centro';
  if (/^(segretario generale|dirigente responsabile)\b/.test(key) && (first.includes(':') || parts.length > 1)) return 'dirigente';
  if (/^incaricat[oa] di elevata qualificazione\b/.test(key) || /^incaricat[oa] .*responsabile\b/.test(key)) return 'incaricato';
  if (/^obiettivi strategici di (sistema|settore)$/.test(key)) return 'ambito';
  if (etichettaOf(first) && parts.length <= 3) return 'etichetta';
  if (/^servizi[oi]\b/.test(key) && !/\brif dup\b/.test(key) && parts.length === 1 && first === first.toUpperCase())
    return 'servizio';
  return 'testo';
}

function linesOf(g: Grid): Line[] {
  const out: Line[] = [];
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    const parts: Part[] = [];
    for (let c = 0; c < row.length; c++) {
      if (isEmptyCell(row[c])) continue;
      const text = cellText(row[c]);
      if (text) parts.push({ text, cell: toA1(r, c), c, raw: row[c] });
    }
    // `A**B****C**`: pieces glued by the extraction become consecutive lines of the same row
    if (parts.length === 1 && parts[0].text.includes('**')) {
      const pieces = parts[0].text.split(/\*{2,}/).map((s) => s.trim()).filter(Boolean);
      for (const text of pieces) {
        const p = [{ ...parts[0], text }];
        out.push({ row: r, parts: p, kind: classify(p), key: normalizeHead(text) });
      }
      continue;
    }
    out.push({ row: r, parts, kind: classify(parts), key: parts.length ? normalizeHead(parts[0].text) : '' });
  }
  return out;
}

/** the text after "LABEL:" in the same cell, else the next non-empty cell of the row */
function valueAfterColon(l: Line): Field | null {
  const first = l.parts[0];
  const i = first.text.indexOf(':');
  const rest = i >= 0 ? first.text.slice(i + 1).trim() : '';
  if (rest) return { value: rest, cell: first.cell };
  const next = l.parts[1];
  return next ? { value: next.text, cell: next.cell } : null;
}

/** the value of a labelled row: the next non-empty cell after the label */
function valueOfRow(l: Line): Field | null {
  const next = l.parts[1];
  return next ? { value: next.text, cell: next.cell } : null;
}

// ---- phases ----------------------------------------------------------------------------------

const TAG = String.raw`(?:TUTTI|[A-Z]{1,5}(?:\.[A-Z]{1,5})*\.|[A-Z]{2,5}(?=\s*[-–]))`;
const TAIL = String.raw`(?:TUTTI|[A-Z]{1,5}(?:\.[A-Z]{1,5})*\.|[A-Z]{2,5})`;
const SETTORE_RE = new RegExp(`^(${TAG}(?:\\s*[-–]\\s*${TAIL})*)\\s+(?=\\S)`);

/** "S.E. - TUTTI PNRR …" -> "S.E. - TUTTI"; null when the phase names no sector */
export function settoreDi(testo: string): string | null {
  const m = SETTORE_RE.exec(testo.trim());
  return m ? m[1].trim() : null;
}

function dataFase(cell: Cell | undefined, address: string): DataFase | null {
  if (!cell || isEmptyCell(cell)) return null;
  const text = cellText(cell);
  const found = datesInValue(cell.v, text);
  const d = found[0];
  return { value: cell.v ?? null, text, cell: address, date: d?.valid ? d.date : null, valida: d ? d.valid : true };
}

function rawField(g: Grid, r: number, c: number | undefined): RawField | null {
  if (c === undefined) return null;
  const cell = g.rows[r]?.[c];
  return { value: cell?.v ?? null, text: cellText(cell), cell: toA1(r, c) };
}

function readFase(g: Grid, l: Line, cols: Partial<Record<ColonnaFasi, number>>, n: number): Fase {
  const r = l.row;
  const at = (c: number | undefined) => (c === undefined ? undefined : g.rows[r]?.[c]);
  const fc = cols.fasi ?? 0;
  // the text may sit in a spacer column right of FASI PRINCIPALI
  let testoCell = at(fc);
  let testoCol = fc;
  if (isEmptyCell(testoCell)) {
    const firstPart = l.parts.find((p) => p.c < (cols.data ?? cols.peso ?? Infinity));
    if (firstPart) {
      testoCell = firstPart.raw;
      testoCol = firstPart.c;
    }
  }
  const testo = cellText(testoCell);
  const peso = cols.peso !== undefined ? parsePeso(at(cols.peso), toA1(r, cols.peso)) : null;
  const valore = cols.valore !== undefined ? parsePeso(at(cols.valore), toA1(r, cols.valore)) : null;
  const settore = settoreDi(testo);
  return {
    n,
    row: r,
    settore,
    testo: { value: testo, cell: toA1(r, testoCol) },
    data: cols.data !== undefined ? dataFase(at(cols.data), toA1(r, cols.data)) : null,
    peso,
    valore,
    applicabile: !(peso === null && valore === null && settore !== null),
    raggiunto: rawField(g, r, cols.raggiunto),
    percentuale: rawField(g, r, cols.percentuale),
  };
}

// ---- periods -----------------------------------------------------------------------------------

const PERIODO_TITOLO_RE = /\(OBIETTIVO\s+(?:(?:TRIENNALE|BIENNALE|ANNUALE)\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?\)/i;
const ANNO_FOGLIO_RE = /^(?:PIANO DELLA PERFORMANCE\s+)?ANNO\s+(\d{4})$/i;

function periodoTitolo(t: string): { from: number; to: number } | null {
  const m = PERIODO_TITOLO_RE.exec(t);
  if (!m) return null;
  const from = Number(m[1]);
  return { from, to: m[2] ? Number(m[2]) : from };
}

function annoFasi(fasi: Fase[]): number | null {
  const count = new Map<number, number>();
  for (const f of fasi) {
    const y = f.data?.date?.getUTCFullYear() ?? (f.data && !f.data.valida ? (datesInValue(null, f.data.text)[0]?.year ?? null) : null);
    if (y) count.set(y, (count.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, c] of count) if (best === null || c > count.get(best)! || (c === count.get(best)! && y > best)) best = y;
  return best;
}

const DUP_RE = /\(\s*RIF\.?\s*DUP\.?\s*([^)]*?)\s*\)/i;

function pulisciTitolo(t: string): string {
  return t.replace(/\*+/g, ' ').replace(/\s+/g, ' ').trim();
}

// ---- the sheet -----------------------------------------------------------------------------------

/** does this grid hold `fasi` objectives? (cheap: a phases header row) */
export function riconosciFasi(g: Grid): number[] {
  const rows: number[] = [];
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    let hasFasi = false;
    let hasPeso = false;
    for (const cell of row) {
      if (isEmptyCell(cell)) continue;
      const t = cellText(cell);
      if (t.length > 40) continue;
      if (!hasFasi && matchLabel(t, E.fasi)) hasFasi = true;
      else if (!hasPeso && matchLabel(t, E.pesoFase)) hasPeso = true;
    }
    if (hasFasi && hasPeso) rows.push(r);
  }
  return rows;
}

const BOUNDARY: ReadonlySet<Kind> = new Set(['centro', 'dirigente', 'incaricato', 'servizio', 'ambito', 'intestazione', 'etichetta']);

export function readObiettiviFasi(g: Grid): ObiettivoFasi[] {
  const lines = linesOf(g);
  const out: ObiettivoFasi[] = [];
  const titleAt = new Map<number, ObiettivoFasi>();
  const consumed = new Set<number>();

  // the centro's name sits on the line after its bare label
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'centro' || /\d/.test(lines[i].parts[0].text) || lines[i].parts.length > 1) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].kind === 'vuota') j++;
    if (j < lines.length && (lines[j].kind === 'testo' || lines[j].kind === 'servizio')) {
      lines[j].kind = 'centro';
      consumed.add(j);
    }
  }

  for (let h = 0; h < lines.length; h++) {
    if (lines[h].kind !== 'intestazione') continue;
    const head = lines[h];
    const cols = headerColumns(head.parts)!;
    const problemi: string[] = [];
    // phases
    const fasi: Fase[] = [];
    let i = h + 1;
    for (; i < lines.length; i++) {
      const l = lines[i];
      if (l.kind === 'vuota' || l.kind === 'separatore') {
        // a blank row ends the table only when a non-phase follows
        continue;
      }
      if (l.kind !== 'testo' || /^totale\b/.test(l.key)) break;
      fasi.push(readFase(g, l, cols, fasi.length + 1));
    }
    // labelled rows
    const fields: Partial<Record<EtichettaKey, Line>> = {};
    let last = fasi.length ? fasi[fasi.length - 1].row : head.row;
    for (; i < lines.length; i++) {
      const l = lines[i];
      if (l.kind === 'vuota' || /^totale\b/.test(l.key)) continue;
      if (l.kind !== 'etichetta') break;
      const k = etichettaOf(l.parts[0].text)!;
      if (fields[k]) break;
      fields[k] = l;
      last = l.row;
      if (k === 'peso') break;
    }
    // title and description: the text lines just above the table
    const above: Line[] = [];
    let b = h - 1;
    for (; b >= 0; b--) {
      const l = lines[b];
      if (l.kind === 'vuota' || l.kind === 'separatore') continue;
      if (BOUNDARY.has(l.kind) || titleAt.has(b) || consumed.has(b)) break;
      above.unshift(l);
    }
    // a SERVIZIO… line right above the description is the title (no heading has a description under it)
    if (above.length === 0 && b >= 0 && lines[b].kind === 'servizio') {
      lines[b].kind = 'testo';
      above.push(lines[b]);
    }
    const titleLine = above[0];
    const titleText = titleLine ? pulisciTitolo(titleLine.parts.map((p) => p.text).join(' ')) : '';
    const descr = above.slice(1).map((l) => l.parts.map((p) => p.text).join(' ').trim()).filter(Boolean);
    if (!titleLine) problemi.push(MSG_FASI_LETTORE.senzaTitolo(head.parts[0].cell));
    if (cols.data === undefined) problemi.push(MSG_FASI_LETTORE.colonnaMancante(E.data, head.parts[0].cell));
    if (cols.valore === undefined) problemi.push(MSG_FASI_LETTORE.colonnaMancante(E.valore, head.parts[0].cell));
    if (!fields.peso) problemi.push(MSG_FASI_LETTORE.senzaPeso(toA1(last, cols.fasi ?? 0)));
    const pesoLine = fields.peso;
    // the weight is the first value after the label (a "TOTALE …" beside it belongs to the service)
    const pesoPart = pesoLine?.parts.slice(1).find((p) => !/^totale\b/.test(normalizeHead(p.text)));
    const dup = DUP_RE.exec(titleText)?.[1]?.trim() ?? null;
    const firstRow = titleLine ? titleLine.row : head.row;
    const ob: ObiettivoFasi = {
      sistema: 'fasi',
      sheet: g.name,
      index: out.length + 1,
      range: `${toA1(firstRow, 0)}:${toA1(last, Math.max(...Object.values(cols).map(Number), 1))}`,
      firstRow,
      lastRow: last,
      titolo: titleLine ? { value: titleText, cell: titleLine.parts[0].cell } : null,
      dup: dup || null,
      condiviso: /OBIETTIVO CONDIVISO/i.test(titleText),
      ambito: null,
      periodo: periodoTitolo(titleText),
      descrizione: descr.length ? { value: descr.join('\n'), cell: above[1].parts[0].cell } : null,
      headerRow: head.row,
      columns: cols,
      fasi,
      risorseUmane: fields.risorseUmane ? valueOfRow(fields.risorseUmane) : null,
      risorseFinanziarie: fields.risorseFinanziarie ? valueOfRow(fields.risorseFinanziarie) : null,
      risultatoAtteso: fields.risultatoAtteso ? valueOfRow(fields.risultatoAtteso) : null,
      indicatori: fields.indicatori ? valueOfRow(fields.indicatori) : null,
      graduazione: fields.graduazione ? valueOfRow(fields.graduazione) : null,
      peso: pesoLine ? (pesoPart ? parsePeso(pesoPart.raw, pesoPart.cell) : null) : null,
      pesoLabelCell: pesoLine ? toA1(pesoLine.row, pesoLine.parts[0].c + 1) : null,
      centro: null,
      servizio: null,
      problemi,
    };
    out.push(ob);
    if (titleLine) titleAt.set(lines.indexOf(titleLine), ob);
    else titleAt.set(h, ob);
  }

  assignContext(lines, titleAt);
  // the year: the title's, else the sheet's "ANNO 2024", else the phases' dates
  const annoFoglio = lines.map((l) => (l.parts.length ? ANNO_FOGLIO_RE.exec(l.parts.map((p) => p.text).join(' ').trim()) : null)).find(Boolean);
  for (const ob of out) {
    if (ob.periodo) continue;
    const y = annoFoglio ? Number(annoFoglio[1]) : annoFasi(ob.fasi);
    if (y) ob.periodo = { from: y, to: y };
  }
  return out;
}

/** walk the sheet top to bottom: which centro, service and OBIETTIVI STRATEGICI heading each objective is under */
function assignContext(lines: Line[], titleAt: Map<number, ObiettivoFasi>): void {
  let centro: Centro | null = null;
  let servizio: Servizio | null = null;
  let ultimoServizio: Servizio | null = null;
  let ambito: 'sistema' | 'settore' | null = null;
  const nextMeaningful = (i: number): number => {
    let j = i + 1;
    while (j < lines.length && (lines[j].kind === 'vuota' || lines[j].kind === 'separatore')) j++;
    return j;
  };
  const nuovoCentro = (cell: string): Centro => ({ codice: null, nome: null, cell, dirigente: null, incaricato: null, servizi: [] });
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const ob = titleAt.get(i);
    if (ob) {
      ob.centro = centro;
      ob.servizio = servizio;
      ob.ambito = ambito;
      continue;
    }
    switch (l.kind) {
      case 'centro': {
        const text = l.parts.map((p) => p.text).join(' ');
        const code = /\b(?:responsabilit\S*)\s*:?\s*(\d{1,3})\b/i.exec(text)?.[1] ?? null;
        const isLabel = /^centro di responsabilita\b/.test(l.key);
        if (isLabel && code) {
          if (!centro || centro.codice !== null) centro = nuovoCentro(l.parts[0].cell);
          centro.codice = code;
        } else if (isLabel) {
          centro = nuovoCentro(l.parts[0].cell);
        } else if (centro && centro.nome === null) {
          centro.nome = text.trim();
        } else {
          centro = { ...nuovoCentro(l.parts[0].cell), nome: text.trim() };
        }
        servizio = null;
        ultimoServizio = null;
        ambito = null;
        break;
      }
      case 'dirigente':
        if (!centro) centro = nuovoCentro(l.parts[0].cell);
        centro.dirigente = valueAfterColon(l);
        break;
      case 'incaricato': {
        const f = valueAfterColon(l);
        if (ultimoServizio && !ultimoServizio.incaricato) ultimoServizio.incaricato = f;
        else if (centro && !centro.incaricato) centro.incaricato = f;
        break;
      }
      case 'servizio': {
        const nome = l.parts[0].text.trim();
        const j = nextMeaningful(i);
        const opens = j < lines.length && (lines[j].kind === 'ambito' || titleAt.has(j));
        const known = centro?.servizi.find((s) => normalizeHead(s.nome) === l.key);
        const s: Servizio = known ?? { nome, cell: l.parts[0].cell, incaricato: null };
        if (!known && centro) centro.servizi.push(s);
        if (opens) {
          servizio = s;
          ambito = null;
        }
        ultimoServizio = s;
        break;
      }
      case 'ambito':
        ambito = /sistema$/.test(l.key) ? 'sistema' : 'settore';
        break;
      default:
        break;
    }
  }
}
