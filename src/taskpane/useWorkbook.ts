/** The pane's one source of truth: the workbook read through the port, its cards and findings. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Grid } from '../domain/grid';
import type { WritePlan } from '../domain/plan';
import type { Scheda } from '../domain/scheda/types';
import type { Finding } from '../domain/controlli/types';
import { controllaCartella, leggiCartella, schedePerCalcolo } from '../domain/sistemi';
import type { CartaProgetti } from '../domain/sistemi/progetti/types';
import type { WorkbookPort } from '../workbook/port';
import { WriteFailure } from './errors';
import { workbookFingerprint } from './kept';

export interface WorkbookView {
  grids: Grid[];
  schede: Scheda[];
  findings: Finding[];
  /** the `progetti` system's table and cards: the compute needs the table for the fund's outcome */
  progetti: CartaProgetti[];
  loading: boolean;
  /** how far a long read has gone (0..1); null when no read is under way or it is quick */
  lettura: number | null;
  /**
   * Counts the changes to the workbook (a read whose cells differ from the last one): what a tab shows about the
   * workbook (results, outcome messages) holds until it changes. `ownChange`: the last change was the pane's write.
   */
  revision: number;
  ownChange: boolean;
  /** the last error of a read or write, shown as a MessageBar */
  error: unknown;
  refresh(): Promise<void>;
  /**
   * The workbook as it is now: the last read, or a new one when a change was announced since (an edit made just
   * before a click must be seen by what the click computes — a compute on a stale read would miss a hand-typed value)
   */
  current(): Promise<Letta>;
  /** apply a plan then re-read; errors are shown and rethrown as false */
  apply(plan: WritePlan): Promise<boolean>;
  /** run any async job with error reporting; resolves undefined on error */
  run<T>(job: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

/** one read of the workbook, analysed */
export interface Letta {
  grids: Grid[];
  schede: Scheda[];
  findings: Finding[];
  progetti: CartaProgetti[];
}

export function analyse(grids: Grid[]): Omit<Letta, 'grids'> {
  // every card system (src/domain/sistemi): each system's cards come as the shared compute's cards, with their own checks
  const c = leggiCartella(grids);
  return { schede: schedePerCalcolo(c), findings: controllaCartella(c), progetti: c.progetti };
}

export function useWorkbook(port: WorkbookPort): WorkbookView {
  const [state, setState] = useState<Letta>({
    grids: [],
    schede: [],
    findings: [],
    progetti: [],
  });
  const [loading, setLoading] = useState(true);
  const [lettura, setLettura] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const writing = useRef(false);
  const [change, setChange] = useState({ revision: 0, own: false });
  /** the fingerprint of the last read: a read that differs from it is a change */
  const seen = useRef<string | null>(null);
  /** the last read, for `current()`; `pending`: a change was announced and not read yet */
  const latest = useRef(state);
  const pending = useRef(false);

  const refresh = useCallback(async (own = false) => {
    const my = ++seq.current;
    pending.current = false;
    setLoading(true);
    // a long read (hundreds of cards, several syncs) says how far it has gone, a few times a second at most
    let shown = 0;
    const onProgress = (done: number, total: number) => {
      const now = Date.now();
      if (my !== seq.current || total <= 0 || done >= total || now - shown < 150) return;
      shown = now;
      setLettura(done / total);
    };
    try {
      const grids = await port.readSheets({ onProgress });
      const next = { grids, ...analyse(grids) };
      if (my === seq.current) {
        latest.current = next;
        const fp = workbookFingerprint(grids);
        if (seen.current !== null && fp !== seen.current) setChange((c) => ({ revision: c.revision + 1, own }));
        seen.current = fp;
        setState(next);
      }
    } catch (e) {
      if (my === seq.current) setError(e);
    } finally {
      if (my === seq.current) {
        setLoading(false);
        setLettura(null);
      }
    }
  }, [port]);

  const run = useCallback(async <T,>(job: () => Promise<T>): Promise<T | undefined> => {
    try {
      setError(null);
      return await job();
    } catch (e) {
      setError(e);
      return undefined;
    }
  }, []);

  const apply = useCallback(
    async (plan: WritePlan) => {
      writing.current = true;
      try {
        setError(null);
        await port.applyWritePlan(plan);
        return true;
      } catch (e) {
        setError(new WriteFailure(e));
        return false;
      } finally {
        writing.current = false;
        await refresh(true);
      }
    },
    [port, refresh],
  );

  useEffect(() => {
    void refresh();
    if (!port.onChange) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = port.onChange(() => {
      if (writing.current) return; // apply() re-reads by itself
      pending.current = true;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 250);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [port, refresh]);

  const current = useCallback(async () => {
    if (pending.current) await refresh();
    return latest.current;
  }, [refresh]);

  return { ...state, loading, lettura, revision: change.revision, ownChange: change.own, error, refresh: () => refresh(), current, apply, run, clearError: () => setError(null) };
}
