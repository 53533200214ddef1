/**
 * Bench of the graduation parser on long GRADUAZIONE texts: 100, 1,000 and 5,000 bands (and the 32,767-character
 * cell, about 1,560 bands, the longest a cell holds). Parsing must grow linearly with the bands: the last line is
 * JSON with the milliseconds per size and the ratio ms(5,000)/ms(1,000) (≈ 5 when linear, ≈ 25 when quadratic).
 * Run alone: `npx tsx scripts/bench-graduazione.ts`; scripts/bench.mjs runs it and adds its figures.
 */
import { clearRuleMemo, parseGraduazione } from '../src/domain/graduazione/parse';

const round = (x: number) => Math.round(x * 10) / 10;

/** a staircase of delay bands, as a Comune writes them: "Nessun ritardo = 100%; ritardo fino a 1 gg = 99,99%; …" */
export function longGraduazione(bands: number): string {
  const parts = ['Nessun ritardo = 100%'];
  for (let i = 1; i < bands; i++) parts.push(`ritardo fino a ${i} gg = ${Math.max(0, 100 - (i * 100) / bands).toFixed(2).replace('.', ',')}%`);
  return parts.join('; ');
}

/** the longest text a cell holds (32,767 characters), cut at a band's end */
function fullCell(): { text: string; bands: number } {
  const t = longGraduazione(3000);
  const cut = t.slice(0, 32767);
  const text = cut.slice(0, cut.lastIndexOf(';'));
  return { text, bands: text.split(';').length };
}

function time(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    clearRuleMemo();
    const t0 = performance.now();
    const r = parseGraduazione(text, { anno: 2024 });
    times.push(performance.now() - t0);
    if (r.kind !== 'scadenza') throw new Error(`bench-graduazione: letto come ${r.kind}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function main(): void {
  const out: Record<string, number> = {};
  for (const n of [100, 1000, 5000]) {
    const ms = time(longGraduazione(n), n >= 5000 ? 3 : 5);
    out[`graduazione_${n}_ms`] = round(ms);
    console.log(`graduazione di ${n} fasce: mediana ${round(ms)} ms`);
  }
  const cell = fullCell();
  const cellMs = time(cell.text, 3);
  out.graduazione_cella_ms = round(cellMs);
  console.log(`graduazione di una cella piena (${cell.text.length} caratteri, ${cell.bands} fasce): mediana ${round(cellMs)} ms`);
  out.graduazione_rapporto_5000_1000 = round(out.graduazione_5000_ms! / Math.max(0.1, out.graduazione_1000_ms!));
  console.log(JSON.stringify(out));
}

main();
