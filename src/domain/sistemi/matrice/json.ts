/** `controlla` for the template's cards: the `--json` entry and the text block of each card */
import type { Finding } from '../../controlli/types';
import { formatNumberIt } from '../../grid';
import { TESTI_CONTROLLA } from '../../testi/cli';
import { TESTI_CLI_MATRICE as T } from '../../testi/matrice';
import { annualitaJson, noteESegnalazioni } from '../json';
import { schedaDaMatrice } from './calcolo';
import { esitoDaMarche, titoloMatrice } from './checks';
import type { CartaMatrice } from './types';

/** `controlla --json` for a matrix card: the gestionale card's keys, plus the matrix's fields */
export function matriceJson(c: CartaMatrice) {
  return {
    sistema: 'matrice' as const,
    foglio: c.sheet,
    scheda: c.index,
    titolo: titoloMatrice(c),
    tipo: null,
    periodo: c.anno ? `${c.anno}` : null,
    numero: c.numero?.value ?? null,
    cdr: c.cdr?.value ?? null,
    missione: c.missione?.value ?? null,
    programma: c.programma?.value ?? null,
    esito: c.esito?.value ?? null,
    esitoDaMarche: esitoDaMarche(c)?.somma ?? null,
    criteri: c.criteri.map((cr) => ({ criterio: cr.criterio, leggibile: cr.leggibile, marche: cr.marche.map((m) => m.rilevanza) })),
    indice: c.indice?.text ?? null,
    aree: c.aree.map((a) => ({ area: a.nome.value, contribuzione: a.contribuzione?.points ?? null, pesoAssoluto: a.pesoAssoluto?.value ?? null })),
    annualita: annualitaJson(schedaDaMatrice(c), true),
  };
}

/** `controlla` text: one block per matrix card with its findings; returns the findings shown */
export function righeMatrice(carte: readonly CartaMatrice[], findings: readonly Finding[]): { righe: string[]; mostrate: Set<Finding> } {
  const righe: string[] = [];
  const mostrate = new Set<Finding>();
  for (const c of carte) {
    righe.push('', T.carta(c.sheet, c.index, c.numero?.value ?? null, c.range), TESTI_CONTROLLA.titolo(titoloMatrice(c)));
    righe.push(T.riassunto(c.indicatori.length, c.esito?.value != null ? formatNumberIt(c.esito.value) : null, c.aree.length));
    righe.push(...noteESegnalazioni(c, findings, mostrate));
  }
  return { righe, mostrate };
}
