/**
 * The blank FASI card: centro and service headings, the objective's title and description, the phases table with
 * VALORE OBIETTIVO as live running sums, RAGGIUNTO and % columns for the compute, the PESO FASE total (red until
 * 100%), the labelled rows and PESO DELL'OBIETTIVO with the service's total; validations and A4 print setup.
 * It reads back as one clean `fasi` objective.
 */
import { type DataValidationSpec, type SheetPlan, landscapeA4Print } from '../../plan';
import { FILL, STILE, SheetBuilder } from '../../modelli/sheetBuilder';
import { ETICHETTE_FASI as E, TESTI_FASI_NUOVA as T } from '../../testi/sistemi';
import type { OpzioniNuova } from '../types';

const WIDTHS = [60, 16, 12, 14, 22, 10];

export function nuovaFasi(opts: OpzioniNuova): SheetPlan {
  const n = Math.min(15, Math.max(2, Math.round(opts.righe ?? 4)));
  const anno = opts.periodo?.from ?? new Date().getUTCFullYear();
  const b = new SheetBuilder(WIDTHS);
  const label = STILE.etichetta;
  const input = STILE.input;
  let r = 0;
  b.put(r++, 0, 5, E.centro, STILE.sezione);
  b.put(r++, 0, 5, `${E.dirigente}: ${opts.dirigente ?? ''}`.trim(), { ...STILE.sezione, locked: false });
  // the service heading in capitals, as Tortona writes it (and as the reader knows a heading from prose)
  b.put(r++, 0, 5, `${E.servizio} ${(opts.unita ?? '').toLocaleUpperCase('it')}`.trim(), { ...STILE.sezione, locked: false });
  r++;
  const titoloRow = r;
  b.put(r++, 0, 5, `${opts.titolo ?? T.titolo}${opts.periodo ? ` (OBIETTIVO ${anno})` : ''}`, { ...STILE.titolo, hAlign: 'left' });
  b.put(r++, 0, 5, T.descrizione, input);
  const head = r++;
  [E.fasi, E.data, E.pesoFase, E.valore, E.raggiunto, E.percentuale].forEach((h, c) => b.put(head, c, c, h, STILE.intestazione));
  const first = r;
  for (let i = 0; i < n; i++, r++) {
    const row = r + 1;
    b.put(r, 0, 0, undefined, input);
    b.put(r, 1, 1, undefined, { ...input, numFmt: 'dd/mm/yyyy', hAlign: 'center' });
    b.put(r, 2, 2, undefined, { ...input, numFmt: '0%', hAlign: 'center' });
    // VALORE OBIETTIVO: the running sum of PESO FASE, blank where the phase has no weight
    b.put(r, 3, 3, { formula: `IF(C${row}="","",SUM(C$${first + 1}:C${row}))` }, { ...STILE.calcolo, numFmt: '0%' });
    b.put(r, 4, 4, undefined, { ...input, locked: false });
    b.put(r, 5, 5, undefined, { ...input, numFmt: '0%', locked: false });
  }
  const last = r;
  b.put(r, 0, 1, T.totaleFasi, label);
  const totCell = b.put(r, 2, 2, { formula: `SUM(C${first + 1}:C${last})` }, { ...STILE.calcolo, numFmt: '0%' });
  r++;
  for (const l of [E.risorseUmane, E.risorseFinanziarie, E.risultato, E.indicatori]) {
    b.put(r, 0, 0, l, label);
    b.put(r, 1, 5, undefined, input);
    r++;
  }
  b.put(r, 0, 0, E.pesoObiettivo, label);
  const pesoCell = b.put(r, 1, 1, undefined, { ...input, numFmt: '0%', hAlign: 'center' });
  b.put(r, 2, 4, E.totaleObiettivi, label);
  const totObCell = b.put(r, 5, 5, { formula: `SUMIF(A:A,"${E.pesoObiettivo}",B:B)` }, { ...STILE.calcolo, numFmt: '0%' });
  const validations: DataValidationSpec[] = [
    { range: `B${first + 1}:B${last}`, type: 'date', min: 1, max: 2958465, prompt: T.promptData, error: T.erroreData },
    { range: `C${first + 1}:C${last}`, type: 'decimal', min: 0, max: 1, prompt: T.promptPeso, error: T.errorePeso },
    { range: pesoCell, type: 'decimal', min: 0, max: 1, prompt: T.promptPesoObiettivo, error: T.errorePeso },
  ];
  return b.toPlan({
    name: opts.nomeFoglio ?? T.nomeFoglio,
    mode: 'create',
    columnWidths: Object.fromEntries(WIDTHS.map((w, c) => [String.fromCharCode(65 + c), w])),
    validations,
    conditionalFormats: [
      { range: totCell, type: 'expression', formula: `ROUND(${totCell},4)<>1`, fill: FILL.rosso, fontColor: FILL.rossoTesto },
      { range: totObCell, type: 'expression', formula: `ROUND(${totObCell},4)<>1`, fill: FILL.rosso, fontColor: FILL.rossoTesto },
    ],
    print: { ...landscapeA4Print(`A1:F${r + 1}`), printTitleRows: `${titoloRow + 1}:${titoloRow + 1}` },
  });
}
