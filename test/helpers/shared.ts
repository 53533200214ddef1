/**
 * The project's shared documents (seeds, catalogues) live in ../shared beside the repository, where CI puts
 * them. A clone without that folder uses the copies in test/fixtures/shared/, so `npm test` passes anywhere;
 * the real folder wins when present, since the seed text is the ground truth.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function sharedFile(rel: string): string {
  const real = fileURLToPath(new URL(`../../../shared/${rel}`, import.meta.url));
  return existsSync(real) ? real : fileURLToPath(new URL(`../fixtures/shared/${rel}`, import.meta.url));
}

export const SEED_SARZANA = sharedFile('seeds/002_c478a5ea033ad6cc.txt');
