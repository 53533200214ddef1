/** the Sarzana seed (../shared/seeds/002_…) as grids: lines a..b (1-based, inclusive) -> one sheet */
import { readFileSync } from 'node:fs';
import type { Grid } from '../../src/domain/grid';
import { tsvToGrid, type TsvOptions } from '../helpers/tsvGrid';
import { SEED_SARZANA } from '../helpers/shared';

export const SEED_PATH = SEED_SARZANA;
const LINES = readFileSync(SEED_PATH, 'utf8').split('\n');

export function seedText(from: number, to: number): string[] {
  return LINES.slice(from - 1, to);
}

export function seedGrid(from: number, to: number, name = 'Scheda', opts: TsvOptions = {}): Grid {
  return tsvToGrid(seedText(from, to), name, opts);
}

/** 1-based seed line -> 1-based sheet row when the sheet starts at line `from` */
export const rowOf = (line: number, from: number) => line - from + 1;
