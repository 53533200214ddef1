/** Drives a step-by-step computation (a generator) and lets the browser paint between slices. */

export interface OpzioniPassi {
  /** how long to compute before giving the browser a turn (ms) */
  sliceMs?: number;
  /** how to give the browser a turn */
  pause?: () => Promise<void>;
  clock?: () => number;
}

export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Waits until the browser has painted a frame (what was rendered is on screen: the progress bar moves), or at most
 * `maxMs` when it paints no frames (a hidden pane, no requestAnimationFrame).
 */
export function nextPaint(maxMs = 50): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, typeof requestAnimationFrame === 'function' ? maxMs : 0);
  });
}

/**
 * Runs `steps` to the end and returns its result. After each slice of about `sliceMs` it reports the
 * last step reached through `onStep` and pauses, so a progress bar shows where the one compute really is.
 */
export async function aPassi<P, R>(steps: Generator<P, R, void>, onStep: (p: P) => void, o: OpzioniPassi = {}): Promise<R> {
  const sliceMs = o.sliceMs ?? 16;
  const pause = o.pause ?? nextTask;
  const clock = o.clock ?? (() => performance.now());
  let t0 = clock();
  let s = steps.next();
  while (!s.done) {
    if (clock() - t0 >= sliceMs) {
      onStep(s.value);
      await pause();
      t0 = clock();
    }
    s = steps.next();
  }
  return s.value;
}
