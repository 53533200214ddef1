/** strings of the `schede controlla` command */
import type { Gravita } from '../controlli/types';

const ORDINALE = ['', '1ª', '2ª', '3ª'];
const GRAVITA_LABEL: Record<Gravita, string> = { errore: 'ERRORE', avviso: 'AVVISO', info: 'INFO' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const TESTI_CONTROLLA = {
  uso: 'Uso: schede controlla FILE.xlsx [--json]',
  fileMancante: 'Manca il file da controllare. Uso: schede controlla FILE.xlsx [--json]',
  troppiFile: (n: number) => `Indicare un solo file da controllare (ne sono stati indicati ${n}). Uso: schede controlla FILE.xlsx [--json]`,
  opzioneNonValida: (opzione: string) =>
    `Opzione non valida per "controlla": ${opzione}. Uso: schede controlla FILE.xlsx [--json]`,
  intestazione: (file: string, schede: number, fogli: number) =>
    `Controllo di ${file}: ${plural(schede, 'scheda trovata', 'schede trovate')} in ${plural(fogli, 'foglio', 'fogli')}.`,
  nessunaScheda:
    'Nessuna scheda OBIETTIVO GESTIONALE trovata: ogni scheda deve iniziare con una cella come "OBIETTIVO GESTIONALE 2024 – 2026 X COMUNE □ INDIVIDUALE".',
  foglioScheda: (foglio: string, indice: number, totale: number, range: string) =>
    totale > 1 ? `Foglio "${foglio}" — scheda ${indice} di ${totale} (${range})` : `Foglio "${foglio}" (${range})`,
  titolo: (t: string) => `  ${t}`,
  senzaTitolo: '  (scheda senza riga del titolo)',
  obiettivo: (d: string) => `  Obiettivo: ${d}`,
  tipoPeriodo: (tipo: string | null, periodo: string | null) =>
    `  Tipo: ${tipo ?? 'non indicato'} · Periodo: ${periodo ?? 'non indicato'}`,
  tipo: { comune: 'comune', individuale: 'individuale' } as Record<string, string>,
  annualita: (n: number, anno: number | null, azioni: number, peso: string | null) => {
    const head = `  ${ORDINALE[n] ?? `${n}ª`} annualità${anno !== null ? ` (${anno})` : ''}:`;
    if (azioni === 0) return `${head} nessuna azione`;
    return `${head} ${plural(azioni, 'azione', 'azioni')}, PESO totale ${peso ?? 'non calcolabile'}`;
  },
  noteLettura: '  Note di lettura:',
  nota: (s: string) => `    - ${s}`,
  nessunaSegnalazione: '  Nessuna segnalazione.',
  segnalazioni: '  Segnalazioni:',
  segnalazione: (gravita: Gravita, codice: string, celle: string[], messaggio: string) =>
    `    [${GRAVITA_LABEL[gravita]}] ${codice}${celle.length ? ` (${celle.join(', ')})` : ''}: ${messaggio}`,
  altreSegnalazioni: 'Altre segnalazioni:',
  fogliSenzaSchede: (nomi: string[]) => `Fogli senza schede: ${nomi.map((n) => `"${n}"`).join(', ')}.`,
  riepilogo: (errori: number, avvisi: number, info: number) =>
    `Riepilogo: ${plural(errori, 'errore', 'errori')}, ${plural(avvisi, 'avviso', 'avvisi')}, ${plural(info, 'informazione', 'informazioni')}.`,
  esito: (errori: number) =>
    errori > 0 ? 'Esito: da correggere (codice di uscita 1).' : 'Esito: nessun errore (codice di uscita 0).',
};
