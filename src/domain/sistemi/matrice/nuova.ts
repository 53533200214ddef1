/**
 * The blank matrix card (`nuova --sistema matrice`), in the template's own order and labels so it reads back as
 * one clean `matrice` card: heading, CDR / MISSIONE / PROGRAMMA / TITOLO, the RISULTATO ATTESO indicators, the
 * PESO OBIETTIVO matrix, RISORSE with INDICE DI ASSORBIMENTO, the PIANIFICAZIONE ESECUTIVA per Area/Settore.
 * One dropdown per criterion (Alto/Medio/Basso) so only one mark is possible: the x under the column is a formula
 * of the choice. Esito Pesatura, peso assoluto and the INDICE are live formulas that show "n.d." (never #DIV/0!)
 * until they can be computed; the % di contribuzione total turns red until 100%. Formulas carry the result Excel
 * shows on the blank card, so readers that do not recalculate see "n.d." too.
 */
import { type DataValidationSpec, type SheetPlan, landscapeA4Print } from '../../plan';
import { FILL, STILE, SheetBuilder } from '../../modelli/sheetBuilder';
import { CRITERI_MATRICE, ETICHETTE_MATRICE as E, TESTI_MATRICE_CALCOLO, TESTI_MATRICE_NUOVA as T } from '../../testi/matrice';
import type { OpzioniNuova } from '../types';
import { CRITERI, PUNTEGGI } from './types';

const WIDTHS = [30, 26, 30, 30, 26, 14, 14, 12];
const ND = TESTI_MATRICE_CALCOLO.nd;

export function nuovaMatrice(opts: OpzioniNuova): SheetPlan {
  const n = Math.min(12, Math.max(2, Math.round(opts.righe ?? 4)));
  const anno = opts.periodo?.from ?? new Date().getUTCFullYear();
  const b = new SheetBuilder(WIDTHS);
  const label = STILE.etichetta;
  const input = STILE.input;
  const head = STILE.intestazione;
  let r = 0;
  b.put(r++, 0, 7, `${E.intestazione} ${anno}`, STILE.titolo);
  b.put(r, 0, 5, E.performance, STILE.sezione);
  b.put(r, 6, 6, E.numero, label);
  b.put(r++, 7, 7, undefined, input);
  b.put(r, 0, 0, E.comune, label);
  b.put(r++, 1, 7, undefined, input);
  b.put(r, 0, 0, E.cdr, label);
  b.put(r, 1, 1, opts.unita, input);
  b.put(r, 2, 2, E.responsabile, label);
  b.put(r, 3, 3, opts.dirigente, input);
  b.put(r, 4, 4, E.altriCdr, label);
  b.put(r++, 5, 7, undefined, input);
  for (const l of [E.missione, E.programma, E.obiettivoGestionale]) {
    b.put(r, 0, 0, l, label);
    b.put(r++, 1, 7, undefined, input);
  }
  b.put(r, 0, 0, E.titolo, label);
  b.put(r++, 1, 7, opts.titolo ?? T.titolo, { ...input, bold: true });
  // RISULTATO ATTESO: indicatore | descrizione | formula | target | the two past years
  b.put(r, 0, 0, E.risultato, label);
  [E.indicatore, E.descrizione, E.formula, E.target, String(anno - 1), String(anno - 2)].forEach((h, i) => b.put(r, i + 1, i + 1, h, head));
  r++;
  for (let i = 0; i < n; i++, r++) {
    b.put(r, 0, 0, undefined, STILE.vuoto);
    for (let c = 1; c <= 6; c++) b.put(r, c, c, undefined, c >= 4 ? { ...input, hAlign: 'center' } : input);
  }
  // PESO OBIETTIVO: one choice per criterion, the x follows it, Esito = Σ scores
  b.put(r, 0, 0, E.pesoObiettivo, label);
  b.put(r, 1, 1, E.variabili, head);
  b.put(r, 2, 4, E.rilevanza, head);
  b.put(r, 5, 5, E.esito, head);
  b.put(r++, 6, 6, T.scelta, head);
  [E.alto, E.medio, E.basso].forEach((h, i) => b.put(r, 2 + i, 2 + i, h, head));
  const first = r + 2;
  const last = first + CRITERI.length - 1;
  const score = (k: (typeof CRITERI)[number], row: number) => {
    const p = PUNTEGGI[k];
    return `IF(G${row}="${E.alto}",${p.alto},IF(G${row}="${E.medio}",${p.medio},${p.basso}))`;
  };
  const esitoFormula = `IF(COUNTA(G${first}:G${last})<${CRITERI.length},"${ND}",${CRITERI.map((k, i) => score(k, first + i)).join('+')})`;
  const esitoCell = b.put(r++, 5, 5, { formula: esitoFormula, value: ND }, { ...STILE.calcolo, fontSize: 14 });
  for (const k of CRITERI) {
    const row = r + 1;
    b.put(r, 0, 0, undefined, STILE.vuoto);
    b.put(r, 1, 1, CRITERI_MATRICE[k], label);
    [E.alto, E.medio, E.basso].forEach((h, i) => b.put(r, 2 + i, 2 + i, { formula: `IF($G${row}="${h}","x","")`, value: '' }, { ...STILE.calcolo, numFmt: '@' }));
    b.put(r++, 6, 6, undefined, { ...input, hAlign: 'center' });
  }
  // RISORSE and INDICE DI ASSORBIMENTO = RISORSE OBIETTIVO / RISORSE ASSEGNATE AL PROGRAMMA, n.d. when not computable
  const euro = { ...input, numFmt: '€ #,##0.00', hAlign: 'right' as const };
  const risorseRow = r + 1;
  b.put(r, 0, 0, E.risorseProgramma, label);
  b.put(r, 1, 1, undefined, euro);
  b.put(r, 2, 2, E.risorseObiettivo, label);
  b.put(r, 3, 3, undefined, euro);
  b.put(r, 4, 4, E.indice, label);
  const indice = `IFERROR(IF(N(B${risorseRow})=0,"${ND}",D${risorseRow}/B${risorseRow}),"${ND}")`;
  b.put(r++, 5, 5, { formula: indice, value: ND }, { ...STILE.calcolo, numFmt: '0%' });
  b.put(r++, 0, 7, E.compilazione, STILE.sezione);
  b.put(r, 0, 2, E.pianificazione, head);
  b.put(r, 3, 3, E.contributo, head);
  b.put(r++, 4, 5, E.misurazione, head);
  [E.area, E.contribuzione, E.pesoAssoluto, E.valoreAtteso, E.indicatoriMisurazione, E.esitoAtteso].forEach((h, i) => b.put(r, i, i, h, head));
  r++;
  const primaArea = r + 1;
  for (const area of T.aree) {
    const row = r + 1;
    b.put(r, 0, 0, area, label);
    b.put(r, 1, 1, undefined, { ...input, numFmt: '0%', hAlign: 'center' });
    b.put(r, 2, 2, { formula: `IF(OR(B${row}="",NOT(ISNUMBER(${esitoCell}))),"${ND}",${esitoCell}*B${row})`, value: ND }, { ...STILE.calcolo, numFmt: '0.0#' });
    for (let c = 3; c <= 5; c++) b.put(r, c, c, undefined, input);
    r++;
  }
  const ultimaArea = r;
  b.put(r, 0, 0, T.totale, label);
  const totCell = b.put(r, 1, 1, { formula: `SUM(B${primaArea}:B${ultimaArea})`, value: 0 }, { ...STILE.calcolo, numFmt: '0%' });
  r++;
  const validations: DataValidationSpec[] = [
    { range: `G${first}:G${last}`, type: 'list', list: [E.alto, E.medio, E.basso], prompt: T.promptMarca, error: T.erroreMarca },
    { range: `B${risorseRow}`, type: 'decimal', min: 0, max: 1e12, prompt: T.promptRisorse, error: T.erroreRisorse },
    { range: `D${risorseRow}`, type: 'decimal', min: 0, max: 1e12, prompt: T.promptRisorse, error: T.erroreRisorse },
    { range: `B${primaArea}:B${ultimaArea}`, type: 'decimal', min: 0, max: 1, prompt: T.promptContribuzione, error: T.erroreContribuzione },
  ];
  return b.toPlan({
    name: opts.nomeFoglio ?? T.nomeFoglio,
    mode: 'create',
    columnWidths: Object.fromEntries(WIDTHS.map((w, c) => [String.fromCharCode(65 + c), w])),
    validations,
    conditionalFormats: [{ range: totCell, type: 'expression', formula: `ROUND(${totCell},4)<>1`, fill: FILL.rosso, fontColor: FILL.rossoTesto }],
    print: { ...landscapeA4Print(`A1:H${r}`), printTitleRows: '1:1' },
  });
}
