import { describe, expect, it } from 'vitest';
import { editDistance, matchLabel, normalizeLabel } from '../../src/domain/scheda';

describe('normalizeLabel', () => {
  it('drops accents, case, punctuation and extra spaces', () => {
    expect(normalizeLabel('  UNITÀ   ORGANIZZATIVA-RESPONSABILE ')).toBe('unita organizzativa responsabile');
    expect(normalizeLabel("PIANO OPERATIVO 1° ANNUALITA'")).toBe('piano operativo 1 annualita');
    expect(normalizeLabel('PIANO OPERATIVO 2ª ANNUALITÀ')).toBe('piano operativo 2 annualita');
    expect(normalizeLabel('Dup - Sezione strategica')).toBe('dup sezione strategica');
    expect(normalizeLabel('TEMPI (M/F)')).toBe('tempi m f');
    expect(normalizeLabel('')).toBe('');
  });
});

describe('editDistance', () => {
  it('counts edits and stops early past the limit', () => {
    expect(editDistance('pess', 'peso')).toBe(1);
    expect(editDistance('aggiunto', 'raggiunto')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('matchLabel', () => {
  it.each([
    ['OBBIETTIVO', 'obiettivo'],
    ['PESS', 'peso'],
    ['AGGIUNTO', 'raggiunto'],
    ["PILANO OPERATIVO 1° ANNUALITA'", 'piano operativo'],
    ['RELEVANZA PER I CITTADINI', 'rilevanza per i cittadini'],
    ['Dip. - Sezione strategica', 'dup sezione strategica'],
    ['RSORSE UMANE', 'risorse umane'],
    ['ASSIGNAZIONE FINANZIARIA', 'assegnazione finanziaria'],
    ['LIVELLO CONSEGIMENTO OBIETTIVO', 'livello conseguimento obiettivo'],
    ['Trauardo atteso (target)', 'traguardo atteso'],
    ['Dirigente responsabile Valentina Chiavacci', 'dirigente responsabile'],
    ['TEMPI (M/F)', 'tempi'],
  ])('%s ~ %s', (text, canonical) => {
    expect(matchLabel(text, canonical)).toBe(true);
  });

  it.each([
    ['PESATURA', 'peso'],
    ['N.', 'azione'],
    ['INDICATORI', 'indicazione'],
    ['Linea programmatica di mandato', 'collegamento al bilancio'],
    ['', 'peso'],
    ['PESO', ''],
  ])('%s is not %s', (text, canonical) => {
    expect(matchLabel(text, canonical)).toBe(false);
  });
});
