/**
 * The corpus: which Sarzana cards (../shared/seeds/002_c478a5ea033ad6cc.txt) are copied verbatim into
 * scripts/corpus/data/, where each came from, and which workbooks are built from them.
 * Node only (reads the data files): used by scripts/genera-esempi.ts and by test/corpus.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SheetPlan } from '../../src/domain/plan';
import { buildSheetPlan, parseCardText, type CardOptions } from './build';

export interface CorpusCard {
  /** card number in ../shared/esempi/structures.md (order in the seed) */
  id: string;
  /** data file under scripts/corpus/data/ */
  file: string;
  /** 1-based seed lines copied (inclusive) */
  seed: [number, number];
  /** sheet name in the corpus workbook */
  sheet: string;
  opts?: CardOptions;
  /** why it is in the corpus */
  about: string;
}

export const CORPUS: CorpusCard[] = [
  { id: '01', file: '01-trasparenza.tsv', seed: [3, 44], sheet: '01 Trasparenza', about: 'prima scheda; entrambe le caselle spuntate; RU con 60%+5×8%' },
  { id: '02', file: '02-formazione.tsv', seed: [46, 88], sheet: '02 Formazione', opts: { pesoPercent: true }, about: 'Dip./Dirigenza (refusi); PESO scritti come 0,25 in formato % (scelta del corpus); date vere' },
  { id: '03', file: '03-rogito.tsv', seed: [90, 132], sheet: '03 Rogito', about: 'RU con segnaposto "Azione n. 1/2/3", riga 4 etichettata "Azione n. 3"' },
  { id: '04', file: '04-comunicazione.tsv', seed: [134, 179], sheet: '04 Comunicazione', about: 'PESO "100,00%" senza azione nella 2ª annualità; etichetta e valore nella stessa cella' },
  { id: '07', file: '07-sito-web.tsv', seed: [271, 314], sheet: '07 Sito web', about: 'date dd/mm/yy come testo; pesi 40/10/30/20' },
  { id: '08', file: '08-residenza.tsv', seed: [316, 349], sheet: '08 Residenza', about: 'colonna vuota di separazione dopo INDICATORI; tre annualità' },
  { id: '11', file: '11-anpr.tsv', seed: [440, 479], sheet: '11 ANPR', about: 'periodo 2023 – 2025' },
  { id: '13', file: '13-urp.tsv', seed: [525, 561], sheet: '13 URP', about: 'la scheda piena di refusi (OBBIETTIVO, PILANO, PESS, AGGIUNTO, RELEVANZA, Doc.)' },
  { id: '14', file: '14-protocollo.tsv', seed: [563, 606], sheet: '14 Protocollo', about: 'RISORSE UMANE dell\'azione 2 al 95%; fasce sovrapposte' },
  { id: '19', file: '19-controllo-gestione.tsv', seed: [788, 840], sheet: '19 Controllo gestione', about: 'sei PESO che sommano a 110; data impossibile 31/06/2024' },
  { id: '20', file: '20-lavoro-agile.tsv', seed: [842, 879], sheet: '20 Lavoro agile', about: 'ATTESO "100.00%"; "= zero"; RU senza percentuali' },
  { id: '22', file: '22-peba.tsv', seed: [921, 965], sheet: '22 PEBA', about: 'PESO "100,00%" senza azione nella 2ª annualità' },
  { id: '25', file: '25-decoro.tsv', seed: [1065, 1109], sheet: '25 Decoro', about: 'PESO scritto "100,00%"; titoli di sezione spostati in colonna C' },
  { id: '26', file: '26-sicurezza-stradale.tsv', seed: [1111, 1156], sheet: '26 Sicurezza stradale', about: 'senza colonna %' },
  { id: '29', file: '29-atc.tsv', seed: [1265, 1316], sheet: '29 ATC', about: 'colonna unica "RAGGIUNTO %"; RU con intestazione unita' },
  { id: '35', file: '35-polizia-locale.tsv', seed: [1565, 1609], sheet: '35 Polizia Locale', about: 'cinque PESO da 25: 125 nella 1ª annualità' },
  { id: '36', file: '36-vita-indipendente.tsv', seed: [1611, 1656], sheet: '36 Vita indipendente', about: 'PESATURA compilata (50+15+20+15 = 100); tre annualità' },
  { id: '37', file: '37-coprogrammazione.tsv', seed: [1658, 1701], sheet: '37 Coprogrammazione', about: 'PESATURA compilata; totale dopo una coppia vuota' },
  { id: '38', file: '38-coprogettazione.tsv', seed: [1703, 1742], sheet: '38 Coprogettazione', about: 'PESATURA compilata; scadenza 2024 nella 2ª annualità' },
];

/** the sample workbook assets/esempi/sarzana-esempio.xlsx: card id → sheet name */
export const SAMPLE: { id: string; sheet: string }[] = [
  { id: '01', sheet: 'Trasparenza' },
  { id: '02', sheet: 'Formazione' },
  { id: '14', sheet: 'Protocollo' },
  { id: '35', sheet: 'Polizia Locale' },
  { id: '07', sheet: 'Sito web' },
  { id: '36', sheet: 'Vita indipendente' },
];

/** two cards stacked on one sheet (test/fixtures/corpus-impilate.xlsx) */
export const STACKED = { sheet: 'Due schede', ids: ['14', '35'], gap: 2 };

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export function cardById(id: string): CorpusCard {
  const c = CORPUS.find((x) => x.id === id);
  if (!c) throw new Error(`scheda ${id} non presente nel corpus`);
  return c;
}

/** the verbatim seed lines of a card, as stored in its data file */
export function cardText(id: string): string {
  return readFileSync(DATA_DIR + cardById(id).file, 'utf8');
}

/** the card's rows of cells (checkbox HTML turned into ☐/☑) */
export function cardRows(id: string): string[][] {
  return parseCardText(cardText(id));
}

export interface WorkbookSpec {
  /** path relative to the repository root */
  path: string;
  sheets: SheetPlan[];
}

/** every workbook `npm run genera-esempi` writes */
export function workbookSpecs(): WorkbookSpec[] {
  return [
    {
      path: 'test/fixtures/corpus-sarzana.xlsx',
      sheets: CORPUS.map((c) => buildSheetPlan(c.sheet, [{ rows: cardRows(c.id), opts: c.opts }])),
    },
    {
      path: 'test/fixtures/corpus-impilate.xlsx',
      sheets: [
        buildSheetPlan(
          STACKED.sheet,
          STACKED.ids.map((id) => ({ rows: cardRows(id), opts: cardById(id).opts })),
          STACKED.gap,
        ),
      ],
    },
    {
      path: 'assets/esempi/sarzana-esempio.xlsx',
      sheets: SAMPLE.map((s) => buildSheetPlan(s.sheet, [{ rows: cardRows(s.id), opts: cardById(s.id).opts }])),
    },
  ];
}
