import { describe, expect, it } from 'vitest';
import { aPassi } from '../../src/taskpane/passi';

function* counter(n: number, log: string[]): Generator<number, string, void> {
  for (let i = 1; i <= n; i++) {
    log.push(`step ${i}`);
    yield i;
  }
  log.push('end');
  return `done ${n}`;
}

describe('aPassi', () => {
  it('runs the generator once to the end and returns its result', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    const r = await aPassi(counter(5, log), (p) => seen.push(p), { sliceMs: 1e9 });
    expect(r).toBe('done 5');
    expect(log).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5', 'end']);
    // a compute faster than a slice never stops for the browser
    expect(seen).toEqual([]);
  });

  it('reports the step reached and pauses after every slice', async () => {
    let t = 0;
    const log: string[] = [];
    const seen: number[] = [];
    let pauses = 0;
    // every step costs 10 ms on a fake clock; a slice is 25 ms
    const steps = (function* () {
      const g = counter(7, log);
      let s = g.next();
      while (!s.done) {
        t += 10;
        yield s.value;
        s = g.next();
      }
      return s.value;
    })();
    const r = await aPassi(steps, (p) => {
      seen.push(p);
      log.push(`paint ${p}`);
    }, {
      sliceMs: 25,
      clock: () => t,
      pause: async () => {
        pauses++;
      },
    });
    expect(r).toBe('done 7');
    expect(seen).toEqual([3, 6]);
    expect(pauses).toBe(2);
    // each step runs once; the reports come in between, in order
    expect(log).toEqual(['step 1', 'step 2', 'step 3', 'paint 3', 'step 4', 'step 5', 'step 6', 'paint 6', 'step 7', 'end']);
  });
});
