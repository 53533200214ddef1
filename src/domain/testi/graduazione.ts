/** strings of the graduation engine (parser, evaluator, canonical printer, `schede valuta`) */
import type { RuleKind } from '../graduazione/types';

const KIND_LABEL: Record<RuleKind, string> = {
  scadenza: 'Scadenza',
  soglia: 'Soglia',
  percentuale: 'Percentuale',
  binario: 'Sì/No',
  proporzionale: 'Proporzionale',
  manuale: 'Manuale',
};

const SOURCE_LABEL = { graduazione: 'dalla graduazione', atteso: 'dalla colonna ATTESO', tempi: 'dalla colonna TEMPI' };

const q = (s: string) => `«${s}»`;

export const TESTI_GRADUAZIONE = {
  tipo: (k: RuleKind) => KIND_LABEL[k],
  fonteRiferimento: (s: keyof typeof SOURCE_LABEL) => SOURCE_LABEL[s],

  // --- why a rule is manual
  vuota: 'Graduazione vuota: il livello di raggiungimento va indicato a mano.',
  senzaLivelli:
    'La graduazione non indica livelli percentuali (es. "= 100%"): il livello di raggiungimento va valutato a mano.',
  intervalloLivelli: (livelli: string) =>
    `La graduazione dà un intervallo di livelli ("${livelli}") senza dire come cresce (es. "ogni punto in più", "in proporzione"): il livello va valutato a mano.`,
  intervalloSenzaEstremi: (fascia: string) =>
    `L'intervallo di livelli di "${fascia}" non ha una fascia con due estremi (es. "da 90 a 110 punti"): il livello va valutato a mano.`,
  condizioniIlleggibili:
    'Le condizioni della graduazione non sono misurabili (né date, né ritardi, né soglie numeriche): il livello va valutato a mano.',

  // --- rule warnings
  sovrapposte: (a: string, b: string, da: string) =>
    `Le fasce ${q(a)} e ${q(b)} si sovrappongono (${da}): vale la prima scritta. Correggere i limiti delle fasce.`,
  lacuna: (tra: string, liv: string) =>
    `Le fasce lasciano scoperti i valori ${tra}: per quei valori si applica il livello più basso tra le fasce vicine (${liv}). Correggere i limiti delle fasce.`,
  nonMonotone: (dir: string) =>
    `I livelli non ${dir} in modo regolare al crescere del valore: verificare che le percentuali delle fasce siano scritte correttamente.`,
  crescono: 'crescono',
  calano: 'calano',
  livelloNegativo: (s: string) => `Il livello ${q(s)} è scritto con un segno meno: letto come ${s.replace(/^[=:\s-]+/, '')}. Correggere il testo.`,
  livelloFuoriScala: (s: string) => `Il livello ${q(s)} supera il 100%: letto come 100%. Correggere il testo.`,
  dataImpossibile: (raw: string, suggerita: string | null) =>
    `La data ${raw} non esiste: il ritardo non si può calcolare da questa data (indicare il ritardo in giorni o correggere la graduazione)${suggerita ? `; la colonna TEMPI/ATTESO indica ${suggerita}` : ''}.`,
  dataDiversa: (grad: string, altre: string[]) =>
    `La scadenza della graduazione (${grad}) è diversa dalla data indicata in TEMPI/ATTESO (${altre.join(', ')}): si usa quella della graduazione. Verificare quale sia corretta.`,
  riferimentoMancante:
    'Nessuna data di scadenza nella graduazione, in ATTESO o in TEMPI: per calcolare il raggiungimento indicare il ritardo in giorni.',
  riferimentoRelativo: (t: string) =>
    `La scadenza è relativa (${q(t)}), non una data: per calcolare il raggiungimento indicare il ritardo in giorni.`,
  riferimentoSenzaAnno: (t: string) =>
    `La data ${q(t)} non indica l'anno: indicare l'anno dell'annualità o correggere la graduazione.`,
  targetMancante: (atteso: string | null) =>
    `Manca il valore atteso in numero${atteso ? ` (ATTESO dice ${q(atteso)})` : ''}: indicare il risultato come «valore su atteso» (es. «200 su 250») o come percentuale del livello atteso.`,
  senzaLivelliSiNo: (condizione: string) =>
    `Il testo indica un obiettivo (${condizione}) senza livelli intermedi: raggiunto = 100%, non raggiunto = 0%.`,
  /** a bare target value ("95%"), read as reached at that value or more */
  almenoTarget: (valore: string) => `almeno ${valore}`,
  targetApprossimativo: (target: string) =>
    `Il target è approssimativo («${target}»): se è raggiunto va valutato a mano, indicando la motivazione.`,
  periodoFine: (condizione: string, fine: string) =>
    `Il testo indica un periodo (${condizione}): raggiunto se concluso entro il ${fine} = 100%, altrimenti 0%.`,
  dueIndicatori: 'Il testo contiene più indicatori con soglie diverse: il livello va valutato a mano, indicando la motivazione.',
  scalaMonetaria: 'La scala è in euro, non in percentuali di raggiungimento: il livello va valutato a mano, indicando la motivazione.',
  testoIgnorato: (t: string) => `Parte della graduazione non letta: ${q(t)}.`,

  // --- evaluation
  nessunaMisura: 'Nessun valore rilevato.',
  misuraNonAdatta: (tipo: string, atteso: string) => `Per una graduazione di tipo ${tipo} serve ${atteso}.`,
  servePerScadenza: 'la data di completamento o il ritardo in giorni',
  servePerSoglia: 'un numero',
  servePerPercentuale: 'una percentuale',
  servePerBinario: 'sì o no (o la data di completamento)',
  servePerProporzionale: 'il valore raggiunto (numero o percentuale)',
  servePerManuale: 'il livello valutato a mano, in percentuale',
  manuale: (reason: string) => `Valutazione manuale: ${reason}`,
  valutazioneManuale: (pct: string) => `Valutazione manuale: ${pct}`,
  targetZero: 'Il valore atteso è zero: la proporzione non si può calcolare.',
  neiTermini: 'nei termini',
  ritardo: (gg: string, lavorativi: boolean) => `ritardo ${gg} gg${lavorativi ? ' lavorativi' : ''}`,
  si: 'Sì',
  no: 'No',
  fascia: (misura: string, fascia: string, livello: string) => `${misura} → fascia ${fascia} = ${livello}`,
  fasciaLineare: (misura: string, fascia: string, intervallo: string, livello: string) =>
    `${misura} → fascia ${fascia}, in proporzione ${intervallo} = ${livello}`,
  oltreUltima: (misura: string, livello: string) => `${misura} → oltre l'ultima fascia = ${livello}`,
  fuoriFasce: (misura: string) => `${misura} → fuori da ogni fascia = 0%`,
  inLacuna: (misura: string, fascia: string, livello: string) =>
    `${misura} → tra due fasce: si applica la più bassa, ${fascia} = ${livello}`,
  lacunaValore: (misura: string) => `Il valore ${misura} cade tra due fasce: applicato il livello più basso.`,
  proporzione: (v: string, t: string, livello: string) => `${v} su ${t} attesi = ${livello}`,
  proporzionePct: (v: string, livello: string) => `${v} del livello atteso = ${livello}`,
  binarioSpieg: (esito: string, livello: string) => `${esito} = ${livello}`,
  entroData: (d: string) => `entro il ${d}`,

  // --- measurement input
  valoreIlleggibile: (v: string, atteso: string) => `${q(v)} non è un valore leggibile: indicare ${atteso}.`,
  dataInesistente: (v: string) => `La data ${v} non esiste: correggerla (es. 30/06/2024).`,
  ritardoNegativo:
    'Il ritardo non può essere negativo: per un\'azione completata in anticipo indicare 0 o la data di completamento.',
  percentualeFuori: (v: string) => `La percentuale ${v} è fuori dall'intervallo 0–100%.`,
  motivazioneMancante: (cell: string, livello: string) =>
    `Il livello manuale ${q(livello)} in ${cell} non ha una motivazione: scrivere nella colonna Motivazione perché si assegna quel livello (non è stato calcolato).`,
  // --- the measurement form: the target of a proportional rule whose ATTESO gives no number
  modAtteso: (t: string) => `ATTESO: ${t}`,
  modTarget: 'Valore atteso (numero)',
  modTargetAiuto: 'ATTESO non indica un numero: scrivere quanti ne erano attesi (es. 365 servizi).',
  modTargetObbligatorio: 'Indica il valore atteso, in numero, per calcolare la proporzione.',
  modTargetNonValido: 'Il valore atteso deve essere un numero maggiore di zero.',
  numeroNegativo: (v: string) => `Il valore ${v} è negativo: indicare un numero maggiore o uguale a zero.`,

  // --- CLI `schede valuta`
  uso: 'Uso: schede valuta --graduazione TESTO --valore V [--tempi T] [--atteso A] [--anno AAAA] [--json]',
  opzioneNonValida: (d: string) =>
    `Opzione non valida per "valuta": ${d}. Uso: schede valuta --graduazione TESTO --valore V [--tempi T] [--atteso A] [--anno AAAA] [--json]`,
  manca: (o: string) =>
    `Manca --${o}. Uso: schede valuta --graduazione TESTO --valore V [--tempi T] [--atteso A] [--anno AAAA] [--json]`,
  annoNonValido: (a: string) => `L'anno ${q(a)} non è valido: indicare un anno di quattro cifre (es. 2024).`,
  cliTipo: (t: string) => `Tipo: ${t}`,
  cliRiferimento: (d: string, fonte: string) => `Scadenza: ${d} (${fonte})`,
  cliRegola: (t: string) => `Graduazione normalizzata: ${t}`,
  cliRaggiunto: (t: string) => `Raggiunto: ${t}`,
  cliLivello: (t: string) => `Livello: ${t}`,
  cliNonCalcolabile: (r: string) => `Livello: non calcolabile (${r})`,
  cliSpiegazione: (t: string) => `Spiegazione: ${t}`,
  cliAvviso: (codice: string, m: string) => `Avviso ${codice}: ${m}`,
};
