/**
 * The blank `progetti` sheet: a Fondo block (whole fund and reserve typed; amount to share and €/point live), the
 * projects table whose PESO, COEFF., TOTALE COEFF. and IMPORTO are live formulas from TIPOLOGIA, N. DIP. and the
 * fund, and one project card whose PERCENTUALE total turns red until 100; validations and A4 print setup.
 * It reads back as a clean projects table and card.
 */
import { type DataValidationSpec, type SheetPlan, landscapeA4Print } from '../../plan';
import { FILL, STILE, SheetBuilder } from '../../modelli/sheetBuilder';
import { CATEGORIE_PROGETTO, ETICHETTE_PROGETTI as E, TESTI_PROGETTI_MODELLO as M, TESTI_PROGETTI_NUOVA as T } from '../../testi/progetti';
import type { OpzioniNuova } from '../types';

const WIDTHS = [12, 22, 40, 18, 12, 30, 16, 8, 8, 10, 10, 14];
const HEADER = [E.colN, E.colAmbito, E.colTitolo, E.colPeriodo, E.colSoglia, E.colPersonale, E.tipologia, E.colNDip, E.colPeso, E.colCoeff, E.colTotale, E.colImporto];

/** PESO from the TIPOLOGIA word: nested IFs (Excel compares text case-insensitively) */
function formulaPeso(cell: string): string {
  const nested = CATEGORIE_PROGETTO.reduceRight((rest, c) => `IF(${cell}="${c.nome}",${c.peso},${rest})`, '""');
  return `IF(${cell}="","",${nested})`;
}

export function nuovaProgetti(opts: OpzioniNuova): SheetPlan {
  const progetti = Math.min(40, Math.max(1, Math.round(opts.righe ?? 5)));
  const indicatori = 3;
  const anno = opts.periodo?.from ?? new Date().getUTCFullYear();
  const b = new SheetBuilder(WIDTHS);
  const label = STILE.etichetta;
  const input = STILE.input;
  const euro = '#,##0.00';
  let r = 0;
  b.put(r++, 0, 11, M.titolo, STILE.titolo);
  // the Fondo block
  b.put(r, 0, 1, E.fondoTotale, label);
  const totale = b.put(r++, 2, 2, undefined, { ...input, numFmt: euro });
  b.put(r, 0, 1, E.fondoRiserva, label);
  const riserva = b.put(r++, 2, 2, undefined, { ...input, numFmt: euro });
  b.put(r, 0, 1, E.fondoAssegnato, label);
  const assegnato = b.put(r++, 2, 2, { formula: `IF(${totale}="","",${totale}-N(${riserva}))` }, { ...STILE.calcolo, numFmt: euro });
  const euroRow = r++;
  r++;
  b.put(r++, 0, 11, M.tabella, STILE.sezione);
  const head = r++;
  HEADER.forEach((h, c) => b.put(head, c, c, h, STILE.intestazione));
  const first = r;
  for (let i = 0; i < progetti; i++, r++) {
    const row = r + 1;
    for (const c of [0, 1, 2, 3, 5, 6]) b.put(r, c, c, undefined, input);
    b.put(r, 4, 4, undefined, { ...input, hAlign: 'center', numFmt: '0' });
    b.put(r, 7, 7, undefined, { ...input, hAlign: 'center', numFmt: '0' });
    b.put(r, 8, 8, { formula: formulaPeso(`G${row}`) }, STILE.calcolo);
    b.put(r, 9, 9, { formula: `IF(H${row}="","",MIN(3,0.5+0.5*INT(H${row}/2)))` }, { ...STILE.calcolo, numFmt: '0.0' });
    b.put(r, 10, 10, { formula: `IF(OR(I${row}="",J${row}=""),"",I${row}*J${row})` }, { ...STILE.calcolo, numFmt: '0.0' });
    b.put(r, 11, 11, { formula: `IF(K${row}="","",ROUND(K${row}*$C$${euroRow + 1},2))` }, { ...STILE.calcolo, numFmt: euro });
  }
  const last = r;
  b.put(r, 0, 9, T.totaleProgetti, label);
  const punti = b.put(r, 10, 10, { formula: `SUM(K${first + 1}:K${last})` }, { ...STILE.calcolo, numFmt: '0.0' });
  b.put(r++, 11, 11, { formula: `SUM(L${first + 1}:L${last})` }, { ...STILE.calcolo, numFmt: euro });
  b.put(euroRow, 0, 1, E.fondoEuroPunto, label);
  b.put(euroRow, 2, 2, { formula: `IF(OR(${assegnato}="",N(${punti})=0),"",${assegnato}/${punti})` }, { ...STILE.calcolo, numFmt: '0.000000' });
  r++;
  // one project card
  const cardTop = r;
  b.put(r++, 0, 11, M.intestazioneScheda(anno, 1), STILE.titolo);
  const riga = (l: string, value?: string, numero = false) => {
    b.put(r, 0, 3, l, label);
    return b.put(r++, 4, 11, value, numero ? { ...input, hAlign: 'center', numFmt: '0' } : input);
  };
  riga(E.tipologia, opts.unita);
  riga(E.titolo, opts.titolo);
  riga(E.descrizione);
  riga(E.tempi, opts.periodo ? (opts.periodo.from === opts.periodo.to ? `${opts.periodo.from}` : `${opts.periodo.from}-${opts.periodo.to}`) : undefined);
  const percentuali: string[] = [];
  for (let i = 0; i < indicatori; i++) {
    riga(E.indicatore);
    riga(E.quantita);
    riga(E.attivitaIndicatore);
    percentuali.push(riga(E.percentuale, undefined, true));
  }
  b.put(r, 0, 3, E.totalePercentuali, label);
  const totP = b.put(r++, 4, 4, { formula: percentuali.join('+').replace(/^/, 'N(').replace(/\+/g, ')+N(') + ')' }, STILE.calcolo);
  riga(E.soglia, undefined, true);
  riga(E.personale);
  const validations: DataValidationSpec[] = [
    { range: `G${first + 1}:G${last}`, type: 'list', list: CATEGORIE_PROGETTO.map((c) => c.nome), prompt: T.promptCategoria, error: T.erroreCategoria },
    { range: `H${first + 1}:H${last}`, type: 'whole', min: 1, max: 100000, prompt: M.promptNDip, error: M.erroreNumero },
    { range: `E${first + 1}:E${last}`, type: 'decimal', min: 0, max: 100, prompt: T.promptPercentuale, error: T.errorePercentuale },
    { range: `${totale}:${riserva}`, type: 'decimal', min: 0, max: 1e9, prompt: M.promptFondo, error: M.erroreNumero },
    ...percentuali.map((p) => ({ range: p, type: 'decimal' as const, min: 0, max: 100, prompt: T.promptPercentuale, error: T.errorePercentuale })),
  ];
  return b.toPlan({
    name: opts.nomeFoglio ?? T.nomeFoglio,
    mode: 'create',
    columnWidths: Object.fromEntries(WIDTHS.map((w, c) => [String.fromCharCode(65 + c), w])),
    validations,
    conditionalFormats: [{ range: totP, type: 'expression', formula: `ROUND(${totP},4)<>100`, fill: FILL.rosso, fontColor: FILL.rossoTesto }],
    print: { ...landscapeA4Print(`A1:L${r}`), printTitleRows: `${cardTop + 1}:${cardTop + 1}` },
  });
}
