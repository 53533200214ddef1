/**
 * Intervals on the real line with open/closed ends (±Infinity for unbounded, never inclusive).
 */
export interface Iv {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}

export function nonEmpty(iv: Iv): boolean {
  return iv.lo < iv.hi || (iv.lo === iv.hi && iv.loIn && iv.hiIn && Number.isFinite(iv.lo));
}

export function contains(iv: Iv, x: number): boolean {
  const above = x > iv.lo || (x === iv.lo && iv.loIn);
  const below = x < iv.hi || (x === iv.hi && iv.hiIn);
  return above && below;
}

export function intersect(a: Iv, b: Iv): Iv {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loIn = (a.lo !== lo || a.loIn) && (b.lo !== lo || b.loIn);
  const hiIn = (a.hi !== hi || a.hiIn) && (b.hi !== hi || b.hiIn);
  return { lo, loIn, hi, hiIn };
}

/** the parts of a outside b (0, 1 or 2 pieces) */
export function subtract(a: Iv, b: Iv): Iv[] {
  if (!nonEmpty(intersect(a, b))) return [a];
  const pieces: Iv[] = [
    { lo: a.lo, loIn: a.loIn, hi: b.lo, hiIn: !b.loIn && Number.isFinite(b.lo) },
    { lo: b.hi, loIn: !b.hiIn && Number.isFinite(b.hi), hi: a.hi, hiIn: a.hiIn },
  ];
  return pieces.filter((p) => nonEmpty(p) && p.lo >= a.lo && p.hi <= a.hi);
}

/** is there an integer inside the open/closed gap between a (below) and b (above)? */
export function integerBetween(a: Iv, b: Iv): boolean {
  const k = a.hiIn ? Math.floor(a.hi) + 1 : Math.ceil(a.hi);
  return k < b.lo || (k === b.lo && !b.loIn);
}

/** a and b leave a gap between them (a below b) */
export function gapBetween(a: Iv, b: Iv): boolean {
  return a.hi < b.lo || (a.hi === b.lo && !a.hiIn && !b.loIn);
}
