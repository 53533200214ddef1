/**
 * State a tab keeps while the user moves between tabs, until the workbook changes: Calcola's results, the
 * outcome messages. Each tab reads and writes it by key; the App gives a new, empty store at each workbook change.
 */
import { createContext, useCallback, useContext, useReducer } from 'react';

export const KeptContext = createContext<Map<string, unknown>>(new Map());

type Update<T> = T | ((prev: T) => T);

/** like useState, but the value lives in the App's store: a tab switch keeps it, a workbook change drops it */
export function useKept<T>(key: string, initial: T): [T, (v: Update<T>) => void] {
  const store = useContext(KeptContext);
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const value = store.has(key) ? (store.get(key) as T) : initial;
  const set = useCallback(
    (v: Update<T>) => {
      const prev = store.has(key) ? (store.get(key) as T) : initial;
      store.set(key, typeof v === 'function' ? (v as (p: T) => T)(prev) : v);
      rerender();
    },
    // `initial` is only the value before the first write
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, key],
  );
  return [value, set];
}

/**
 * A cheap fingerprint of what the cells hold (values, formulas, sheet names and order, merges): two reads with the
 * same fingerprint are the same workbook for the pane, whatever events arrived in between.
 */
export function workbookFingerprint(grids: readonly { name: string; rows: ({ v: unknown; formula?: string } | undefined)[][]; merges: unknown[] }[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193);
      h2 = (h2 * 31 + s.charCodeAt(i)) | 0;
    }
  };
  for (const g of grids) {
    add(`\u0001${g.name}\u0001${g.merges.length}`);
    g.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c || c.v === null || c.v === '') return;
        const v = c.v instanceof Date ? `d${c.v.getTime()}` : `${typeof c.v}${String(c.v)}`;
        add(`\u0002${r},${col}:${v}${c.formula ? `=${c.formula}` : ''}`);
      }),
    );
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

/** a mutable box kept like useKept (for values the tab changes without showing them) */
export function useKeptRef<T>(key: string, initial: T): { current: T } {
  const store = useContext(KeptContext);
  if (!store.has(key)) store.set(key, { current: initial });
  return store.get(key) as { current: T };
}

/**
 * An outcome message kept like useKept, that also stops showing when what it was about is no longer chosen:
 * `about` names that choice (the card and year), and a message written under another choice is not shown.
 */
export function useKeptNotice<T>(key: string, about: string): [T | null, (v: T | null) => void] {
  const [kept, setKept] = useKept<{ v: T; about: string } | null>(key, null);
  const set = useCallback((v: T | null) => setKept(v === null ? null : { v, about }), [setKept, about]);
  return [kept && kept.about === about ? kept.v : null, set];
}
