/**
 * Every action of every card, with its rule and the key that ties it to a Rilevazioni row
 * (Foglio, Scheda, Anno, N.).
 */
import { ruleOf } from '../graduazione';
import type { Rule } from '../graduazione/types';
import type { Annualita, Azione, Scheda } from '../scheda/types';
import { azioneTesto } from '../testi/calcolo';

export { ruleOf };

export interface AzioneRef {
  scheda: Scheda;
  annualita: Annualita;
  azione: Azione;
  /** N. of the action (its position when the N. cell is unreadable) */
  n: number;
  /** the annualità's year, or its number 1..3 when the card has no period */
  anno: number;
  rule: Rule;
}

export function annoKey(an: Annualita): number {
  return an.anno ?? an.n;
}

export function rowKey(foglio: string, scheda: number, anno: number, n: number): string {
  return `${foglio.trim().toLowerCase()}|${scheda}|${anno}|${n}`;
}

export function refKey(r: AzioneRef): string {
  return rowKey(r.scheda.sheet, r.scheda.index, r.anno, r.n);
}

/** the actions of the cards, in order; only one year when `anno` is given */
export function azioniDi(schede: Scheda[], anno?: number): AzioneRef[] {
  const out: AzioneRef[] = [];
  for (const scheda of schede) {
    for (const annualita of scheda.annualita) {
      const a = annoKey(annualita);
      if (anno !== undefined && annualita.anno !== anno) continue;
      annualita.azioni.forEach((azione, i) => {
        out.push({ scheda, annualita, azione, n: azione.n ?? i + 1, anno: a, rule: ruleOf(azione, annualita.anno) });
      });
    }
  }
  return out;
}

/** the action in messages: "n. 2 del foglio «Trasparenza»" */
export function azioneLabel(r: { scheda: Scheda; n: number }): string {
  return azioneTesto(r.n, r.scheda.sheet, r.scheda.index);
}
