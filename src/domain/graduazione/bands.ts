/**
 * Band building, the semantic half of parseGraduazione: the bands as written (Proto, one per clause)
 * become the rule's disjoint, sorted Bands.
 *   - one-sided bands and bare values form a staircase whatever the written order (`extend`);
 *   - overlaps: the band written first keeps the overlap (FASCE_SOVRAPPOSTE);
 *   - gaps (FASCE_LACUNA; for delays only when a whole day falls in one) and levels that do not grow or fall
 *     steadily (FASCE_NON_MONOTONE) are warned;
 *   - a deadline rule gets an implied 0% band past its last one.
 * Also the interval wording shared with the evaluator and the printer (fmtNum, ivText, bandIv).
 */
import { TESTI_GRADUAZIONE as T } from '../testi/graduazione';
import { contains, gapBetween, integerBetween, intersect, nonEmpty, subtract, type Iv } from './intervals';
import type { Band, Lineare, Rule } from './types';

/** one end of a band as written: its value and whether it is included */
export interface Bound {
  v: number;
  incl: boolean;
}

/** ontime: no delay (≤ 0); upper/lower: one-sided; range: two-sided; bare: a value alone; rest: everything else */
export type ProtoKind = 'ontime' | 'upper' | 'lower' | 'range' | 'bare' | 'rest';

/** a band as written, before the staircase extends it (one per clause, plus the implied ones) */
export interface Proto {
  kind: ProtoKind;
  lo: Bound | null;
  hi: Bound | null;
  v: number;
  level: number;
  /** a range of levels, linear over a two-sided band (see Band.lineare) */
  lineare?: Lineare;
  source: string;
  implied: boolean;
}

const INF = Number.POSITIVE_INFINITY;

/** does a band's given side (before staircase extension) include x? */
function givenCovers(p: Proto, x: number): boolean {
  switch (p.kind) {
    case 'ontime':
      return x <= 0;
    case 'range':
      return contains({ lo: p.lo!.v, loIn: p.lo!.incl, hi: p.hi!.v, hiIn: p.hi!.incl }, x);
    case 'upper':
      return p.hi!.v === x && p.hi!.incl;
    case 'lower':
      return p.lo!.v === x && p.lo!.incl;
    case 'bare':
      return p.v === x;
    default:
      return false;
  }
}

/** 'higher' when the levels grow with the measure */
export function directionOf(protos: Proto[]): 'higher' | 'lower' {
  const pts = protos
    .filter((p) => p.kind !== 'rest' && p.kind !== 'ontime')
    .map((p) => {
      const eps = 1e-3 * Math.max(1, Math.abs(p.v));
      const x = p.kind === 'range' ? (p.lo!.v + p.hi!.v) / 2 : p.kind === 'upper' ? p.v - eps : p.kind === 'lower' ? p.v + eps : p.v;
      return { x, level: p.level };
    });
  if (pts.length < 2) return 'higher';
  const min = pts.reduce((a, b) => (b.x < a.x ? b : a));
  const max = pts.reduce((a, b) => (b.x > a.x ? b : a));
  return max.level < min.level ? 'lower' : 'higher';
}

/** sorted numbers and the searches extend needs (a long text has thousands of bands: no scan per band) */
function sortedNums(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}
/** how many of the sorted xs are < x (strict) or <= x */
function countBelow(xs: number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x || (orEqual && xs[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function sortedAll(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function extend(protos: Proto[], direction: 'higher' | 'lower'): { iv: Iv; p: Proto }[] {
  // a step stops where the neighbouring band begins, never inside a two-sided band: below a step only the
  // upper ends of ranges count, above it only their lower ends ("fino a 30; da 20 a 60" -> (0,30] and the range
  // keeps what is left, first written wins)
  const points: number[] = [];
  const rangeLows: number[] = [];
  const rangeHighs: number[] = [];
  /** exact values covered by one-sided bands and bare values, with how many cover each */
  const pointCover = new Map<number, number>();
  const addCover = (x: number) => pointCover.set(x, (pointCover.get(x) ?? 0) + 1);
  const losIn: number[] = [];
  const losOut: number[] = [];
  const hisIn: number[] = [];
  const hisOut: number[] = [];
  let ontimes = 0;
  for (const p of protos) {
    if (p.kind === 'ontime') {
      points.push(0);
      ontimes++;
    }
    if (p.kind === 'range') {
      rangeLows.push(p.lo!.v);
      rangeHighs.push(p.hi!.v);
      (p.lo!.incl ? losIn : losOut).push(p.lo!.v);
      (p.hi!.incl ? hisIn : hisOut).push(p.hi!.v);
      continue;
    }
    if (p.lo) points.push(p.lo.v);
    if (p.hi) points.push(p.hi.v);
    if (p.kind === 'bare') {
      points.push(p.v);
      addCover(p.v);
    }
    if (p.kind === 'upper' && p.hi!.incl) addCover(p.hi!.v);
    if (p.kind === 'lower' && p.lo!.incl) addCover(p.lo!.v);
  }
  const belowPts = sortedNums([...points, ...rangeHighs]);
  const abovePts = sortedNums([...points, ...rangeLows]);
  const [sLosIn, sLosOut, sHisIn, sHisOut] = [losIn, losOut, hisIn, hisOut].map(sortedAll) as [number[], number[], number[], number[]];
  /** how many bands (as written) cover x */
  const coverCount = (x: number): number => {
    const ranges = countBelow(sLosIn, x, true) + countBelow(sLosOut, x, false) - countBelow(sHisIn, x, false) - countBelow(sHisOut, x, true);
    return (pointCover.get(x) ?? 0) + (x <= 0 ? ontimes : 0) + ranges;
  };
  const coveredByOthers = (self: Proto, x: number) => coverCount(x) - (givenCovers(self, x) ? 1 : 0) > 0;
  const below = (self: Proto, v: number): { lo: number; loIn: boolean } => {
    const i = countBelow(belowPts, v, false);
    if (i === 0) return { lo: -INF, loIn: false };
    const lo = belowPts[i - 1]!;
    return { lo, loIn: !coveredByOthers(self, lo) };
  };
  const above = (self: Proto, v: number): { hi: number; hiIn: boolean } => {
    const i = countBelow(abovePts, v, true);
    if (i === abovePts.length) return { hi: INF, hiIn: false };
    const hi = abovePts[i]!;
    return { hi, hiIn: !coveredByOthers(self, hi) };
  };
  const out: { iv: Iv; p: Proto }[] = [];
  for (const p of protos) {
    let iv: Iv | null = null;
    const asUpper = p.kind === 'upper' || (p.kind === 'bare' && direction === 'lower');
    const asLower = p.kind === 'lower' || (p.kind === 'bare' && direction === 'higher');
    if (p.kind === 'ontime') iv = { lo: -INF, loIn: false, hi: 0, hiIn: true };
    else if (p.kind === 'range') iv = { lo: p.lo!.v, loIn: p.lo!.incl, hi: p.hi!.v, hiIn: p.hi!.incl };
    else if (asUpper) iv = { ...below(p, p.v), hi: p.v, hiIn: p.hi ? p.hi.incl : true };
    else if (asLower) iv = { lo: p.v, loIn: p.lo ? p.lo.incl : true, ...above(p, p.v) };
    if (iv) out.push({ iv, p });
  }
  for (const p of protos) {
    if (p.kind !== 'rest') continue;
    const ends = out.flatMap(({ iv }) => [iv.lo, iv.hi]).filter(Number.isFinite);
    if (!ends.length) {
      out.push({ iv: { lo: -INF, loIn: false, hi: INF, hiIn: false }, p });
    } else if (direction === 'lower') {
      const m = Math.max(...ends);
      out.push({ iv: { lo: m, loIn: !out.some(({ iv }) => contains(iv, m)), hi: INF, hiIn: false }, p });
    } else {
      const m = Math.min(...ends);
      out.push({ iv: { lo: -INF, loIn: false, hi: m, hiIn: !out.some(({ iv }) => contains(iv, m)) }, p });
    }
  }
  return out;
}

export function fmtNum(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

/** human text of an interval in the rule's measure ("da 30 a 60 gg", "oltre 79%") */
export function ivText(iv: Iv, unit: string): string {
  const u = unit === '%' ? '%' : unit ? ` ${unit}` : '';
  const lo = `${fmtNum(iv.lo)}${u}`;
  const hi = `${fmtNum(iv.hi)}${u}`;
  if (!Number.isFinite(iv.lo) && !Number.isFinite(iv.hi)) return 'qualsiasi valore';
  if (!Number.isFinite(iv.lo)) return iv.hiIn ? `fino a ${hi}` : `meno di ${hi}`;
  if (!Number.isFinite(iv.hi)) return iv.loIn ? `${lo} o più` : `oltre ${lo}`;
  if (iv.lo === iv.hi) return lo;
  return `${iv.loIn ? 'da' : 'oltre'} ${fmtNum(iv.lo)}${unit === '%' ? '%' : ''} ${iv.hiIn ? (iv.loIn ? 'a' : 'e fino a') : iv.loIn ? 'a meno di' : 'e meno di'} ${hi}`;
}

export const bandIv = (b: Band): Iv => ({
  lo: b.from ?? -INF,
  loIn: b.from !== null && b.fromIncl,
  hi: b.to ?? INF,
  hiIn: b.to !== null && b.toIncl,
});

function toBand(iv: Iv, p: Proto): Band {
  const band: Band = {
    from: Number.isFinite(iv.lo) ? iv.lo : null,
    fromIncl: Number.isFinite(iv.lo) && iv.loIn,
    to: Number.isFinite(iv.hi) ? iv.hi : null,
    toIncl: Number.isFinite(iv.hi) && iv.hiIn,
    level: p.level,
    source: p.source,
  };
  if (p.implied) band.implied = true;
  if (p.lineare) band.lineare = p.lineare;
  return band;
}

function insertionPoint(kept: { iv: Iv }[], iv: Iv, cmp: (a: Iv, b: Iv) => number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(kept[mid]!.iv, iv) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** the protos -> rule.bands: staircase extension, first-written wins on overlaps, sorted; gaps and monotonicity warned */
export function resolveBands(protos: Proto[], rule: Rule): void {
  const extended = extend(protos, rule.direction);
  const unit = rule.kind === 'percentuale' ? '%' : rule.kind === 'scadenza' ? 'gg' : rule.unit;
  // kept: disjoint pieces sorted by their start; each band meets only the pieces it overlaps (binary search), so a
  // text of thousands of bands is read in n·log n, not n² (issue 15: a full cell took 14 s)
  const kept: { iv: Iv; p: Proto; seq: number }[] = [];
  const warned = new Set<string>();
  const byStart = (a: Iv, b: Iv) => (a.lo !== b.lo ? (a.lo < b.lo ? -1 : 1) : a.loIn === b.loIn ? 0 : a.loIn ? -1 : 1);
  let seq = 0;
  for (const e of extended) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = kept[mid]!.iv;
      if (k.hi < e.iv.lo || (k.hi === e.iv.lo && !(k.hiIn && e.iv.loIn))) lo = mid + 1;
      else hi = mid;
    }
    const hits: { iv: Iv; p: Proto; seq: number }[] = [];
    for (let i = lo; i < kept.length && kept[i]!.iv.lo <= e.iv.hi; i++) {
      if (nonEmpty(intersect(e.iv, kept[i]!.iv))) hits.push(kept[i]!);
    }
    hits.sort((a, b) => a.seq - b.seq);
    let pieces = [e.iv];
    for (const k of hits) {
      if (!e.p.implied && !k.p.implied) {
        const key = `${k.p.source}|${e.p.source}`;
        if (!warned.has(key)) {
          warned.add(key);
          rule.warnings.push({ code: 'FASCE_SOVRAPPOSTE', message: T.sovrapposte(k.p.source, e.p.source, ivText(intersect(e.iv, k.iv), unit)) });
        }
      }
      pieces = pieces.flatMap((piece) => subtract(piece, k.iv));
    }
    for (const piece of pieces) {
      const at = insertionPoint(kept, piece, byStart);
      kept.splice(at, 0, { iv: piece, p: e.p, seq: seq++ });
    }
  }
  kept.sort((a, b) => byStart(a.iv, b.iv));
  if (rule.kind === 'scadenza' && kept.length && Number.isFinite(kept.at(-1)!.iv.hi)) {
    const last = kept.at(-1)!.iv;
    const p: Proto = { kind: 'rest', lo: null, hi: null, v: 0, level: 0, source: '', implied: true };
    kept.push({ iv: { lo: last.hi, loIn: !last.hiIn, hi: INF, hiIn: false }, p, seq: seq++ });
  }
  for (let i = 1; i < kept.length; i++) {
    const a = kept[i - 1]!;
    const b = kept[i]!;
    if (!gapBetween(a.iv, b.iv)) continue;
    if (rule.kind === 'scadenza' && !integerBetween(a.iv, b.iv)) continue;
    const tra = `tra ${fmtNum(a.iv.hi)} e ${fmtNum(b.iv.lo)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
    rule.warnings.push({ code: 'FASCE_LACUNA', message: T.lacuna(tra, `${fmtNum(Math.min(a.p.level, b.p.level) * 100)}%`) });
  }
  const levels = kept.map((k) => k.p.level);
  const ok = levels.every((l, i) => i === 0 || (rule.direction === 'higher' ? l >= levels[i - 1]! : l <= levels[i - 1]!));
  if (!ok) rule.warnings.push({ code: 'FASCE_NON_MONOTONE', message: T.nonMonotone(rule.direction === 'higher' ? T.crescono : T.calano) });
  rule.bands = kept.map((k) => toBand(k.iv, k.p));
}
