/**
 * Objective lists written as text (Offanengo's plan in prose): bullets under `AREA …` and `(Settore …)` headings,
 * a bullet that runs over two lines kept whole, prose skipped. A text with no headings is a plain list: one
 * objective per bullet, or per line when there are no bullets. A .csv list (`;` or `,`, a header naming Titolo
 * and the other columns) becomes a grid for `leggiElenco`, as a range of cells does.
 */
import { colCount, textAt, type Cell, type Grid } from '../grid';
import type { RigaElenco } from './elenco';

export interface ObiettivoElenco {
  titolo: string;
  area: string | null;
  settore: string | null;
  /** 1-based line of the text where the objective starts */
  riga: number;
}

const BULLET = /^\s*(?:[-–—•*·▪◦]|\d{1,3}[.)])\s+(.*)$/;
const AREA = /^\s*AREA\b/i;
const SETTORE = /^\s*\(\s*(settor[ei]\b[^)]*)\)\s*$|^\s*(settor[ei]\s+[^.;:]{1,80})$/i;

/** markdown bold and stray spaces out of a line */
const clean = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

/** a line that names an AREA: "AREA AFFARI GENERALI / AMMINISTRATIVA E RISORSE UMANE" (short, mostly capitals) */
function areaOf(line: string): string | null {
  const t = clean(line);
  if (!AREA.test(t) || t.length > 120 || /[.;:]$/.test(t)) return null;
  const letters = t.replace(/[^A-Za-zÀ-ÿ]/g, '');
  const upper = t.replace(/[^A-ZÀ-Þ]/g, '');
  return letters.length && upper.length / letters.length >= 0.6 ? t : null;
}

/** "(Settore Segreteria)" → "Settore Segreteria"; "(settore URP e Protocollo)" → "Settore URP e Protocollo" */
function settoreOf(line: string): string | null {
  const m = SETTORE.exec(clean(line));
  const s = m ? (m[1] ?? m[2] ?? '').trim() : '';
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : null;
}

/** a continuation of the previous bullet: a line that starts in lower case ("carattere preventivo e/o …") */
const continues = (line: string) => /^[a-zà-ÿ(«"'’]/.test(clean(line));

export function leggiElencoTesto(text: string): ObiettivoElenco[] {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headed = lines.some((l) => areaOf(l) !== null || settoreOf(l) !== null);
  const bullets = lines.some((l) => BULLET.test(l));
  const out: ObiettivoElenco[] = [];
  let area: string | null = null;
  let settore: string | null = null;
  /** inside a section of a headed text (prose closes it) */
  let open = !headed;
  let last: ObiettivoElenco | null = null;
  lines.forEach((raw, i) => {
    const line = clean(raw);
    if (!line) return;
    const a = areaOf(line);
    if (a) {
      [area, settore, open, last] = [a, null, true, null];
      return;
    }
    const s = settoreOf(line);
    if (s) {
      [settore, open, last] = [s, true, null];
      return;
    }
    const b = BULLET.exec(raw);
    if (b || (!bullets && !headed)) {
      const titolo = clean(b ? b[1]! : raw);
      if (!open || !/[A-Za-zÀ-ÿ]/.test(titolo)) return;
      last = { titolo, area, settore, riga: i + 1 };
      out.push(last);
      return;
    }
    // a bullet that runs over two lines (even past a blank line) goes on in lower case; other prose ends the section
    if (last && continues(line)) {
      last.titolo = `${last.titolo} ${line}`;
      return;
    }
    last = null;
    if (headed) open = false;
  });
  return out;
}

/**
 * A range of cells that holds a plan in prose (its column has the AREA / (Settore) headings and the bullets, one
 * line per row, as when the text is pasted into a sheet): its objectives; null when the cells are not such a list
 * (a table with a header row, read by `leggiElenco`). Each row's non-empty cells are joined into one line.
 */
export function obiettiviDaCelle(grid: Grid): ObiettivoElenco[] | null {
  const width = colCount(grid);
  const lines = grid.rows.map((_, r) => {
    const parts: string[] = [];
    for (let c = 0; c < width; c++) {
      const t = textAt(grid, r, c).trim();
      if (t) parts.push(t);
    }
    return parts.join(' ');
  });
  const headed = lines.some((l) => areaOf(l) !== null || settoreOf(l) !== null);
  if (!headed || !lines.some((l) => BULLET.test(l))) return null;
  return leggiElencoTesto(lines.join('\n'));
}

/** the list's objectives as rows for new cards: the settore, then the area as written, go to the card's unit */
export function righeDaTesto(obiettivi: ObiettivoElenco[]): RigaElenco[] {
  return obiettivi.map((o) => {
    const unita = [o.settore, o.area].filter(Boolean).join(' — ');
    return { titolo: o.titolo, ...(unita ? { unita } : {}) };
  });
}

/** one CSV line split on the separator, with "quoted" fields ("" inside quotes is a quote) */
function csvFields(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/**
 * A CSV list as a grid (so `leggiElenco` reads its header and rows as it reads cells): the separator is the one
 * of `;`, `,` or tab the header line uses most (Italian Excel writes `;`).
 */
export function gridDaCsv(text: string, name = 'Elenco'): Grid {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const head = lines.find((l) => l.trim()) ?? '';
  const sep = [';', '\t', ','].map((s) => [s, head.split(s).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return {
    name,
    merges: [],
    rows: lines.map((l) => (l.trim() ? csvFields(l, sep).map((v): Cell | undefined => (v ? { v, t: v } : undefined)) : [])),
  } as Grid;
}

/**
 * The bytes of a text file as text: UTF-8 (with or without BOM); a file that is not valid UTF-8 was written by
 * Windows programs in Windows-1252 (Excel's "CSV (delimitato dal separatore di elenco)"), read as such.
 */
export function decodificaTesto(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // by hand, not TextDecoder('windows-1252'): Node decodes that label as Latin-1, so 0x80–0x9F (’ – € “ ” …,
    // common in Italian text from Word and Excel) came out as invisible control characters
    return Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] || String.fromCharCode(b) : String.fromCharCode(b))).join('');
  }
}

/** Windows-1252's characters at 0x80–0x9F ('' where the code page defines none) */
const CP1252_80_9F = [...'€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ'].map((c) => (c === '\u0000' ? '' : c));
