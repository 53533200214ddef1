/**
 * Tortona's objectives (seed 000) read, checked and computed through the `fasi` system, from a real .xlsx built
 * line by line from the seed, one sheet per centro. The expectations come from the seed's own text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Grid, parseA1 } from '../../src/domain/grid';
import { controllaCartella, leggiCartella, sintesiCartella, type Cartella } from '../../src/domain/sistemi';
import type { ObiettivoFasi } from '../../src/domain/sistemi/fasi/types';
import { lineaSeed, seedTortona } from './tortona';
import { tortonaGrids } from './tortona';

let grids: Grid[];
let cartella: Cartella;
const seed = seedTortona();
const fields = (line: number) => (seed[line - 1] ?? '').replace(/\r$/, '').split('\t');

/** the seed's objectives, found in the text alone: a FASI PRINCIPALI line, its phases, its labelled rows */
interface AttesoSeed {
  header: number;
  fasi: { line: number; testo: string; data: string; peso: string; valore: string }[];
  etichette: Record<string, string>;
}
function obiettiviDelSeed(): AttesoSeed[] {
  const out: AttesoSeed[] = [];
  for (let i = 1; i <= seed.length; i++) {
    if (!seed[i - 1].startsWith('FASI PRINCIPALI')) continue;
    const spacer = fields(i)[1] === '';
    const o: AttesoSeed = { header: i, fasi: [], etichette: {} };
    let j = i + 1;
    for (; !seed[j - 1].startsWith('RISORSE UMANE IMPIEGATE'); j++) {
      const f = fields(j).filter((_, k) => !(spacer && k === 1));
      o.fasi.push({ line: j, testo: f[0], data: f[1] ?? '', peso: f[2] ?? '', valore: f[3] ?? '' });
    }
    for (; j <= seed.length && fields(j).length > 1 && !seed[j - 1].startsWith('FASI'); j++) {
      o.etichette[fields(j)[0]] = fields(j)[1];
      if (seed[j - 1].startsWith("PESO DELL'OBIETTIVO")) break;
    }
    out.push(o);
  }
  return out;
}

const pct = (s: string) => (s.trim() ? Number(s.replace('%', '').replace(',', '.').trim()) : null);
const line = (ob: ObiettivoFasi, cell: string) => lineaSeed(ob.sheet, parseA1(cell)!.r);

beforeAll(async () => {
  grids = await tortonaGrids();
  cartella = leggiCartella(grids);
});

describe('fasi: Tortona read from its own tables', () => {
  it('finds the 59 objectives and 200 phases of the seed, all as fasi, none as gestionale, no sheet left unread', () => {
    expect(cartella.fasi).toHaveLength(59);
    expect(cartella.fasi.reduce((n, o) => n + o.fasi.length, 0)).toBe(200);
    expect(cartella.gestionale).toHaveLength(0);
    expect(cartella.nonRiconosciuti).toEqual([]);
    expect(cartella.fasi.every((o) => o.problemi.length === 0)).toBe(true);
  });

  it('reads every phase and labelled row field by field as the seed writes them', () => {
    const attesi = obiettiviDelSeed();
    expect(attesi).toHaveLength(59);
    cartella.fasi.forEach((ob, k) => {
      const a = attesi[k];
      expect(lineaSeed(ob.sheet, ob.headerRow)).toBe(a.header);
      expect(ob.fasi.map((f) => line(ob, f.testo.cell))).toEqual(a.fasi.map((f) => f.line));
      ob.fasi.forEach((f, i) => {
        const s = a.fasi[i];
        expect(f.testo.value).toBe(s.testo.trim());
        expect(f.peso?.points ?? null).toBe(pct(s.peso));
        expect(f.valore?.points ?? null).toBe(pct(s.valore));
        const [d, m, y] = s.data.split('.').map(Number);
        if (f.data!.valida) expect(f.data!.date).toEqual(new Date(Date.UTC(y, m - 1, d)));
        else expect(f.data!.text).toBe(s.data);
      });
      expect(ob.risorseUmane?.value).toBe(a.etichette['RISORSE UMANE IMPIEGATE'].trim());
      expect(ob.risorseFinanziarie?.value).toBe(a.etichette['RISORSE FINANZIARIE IMPIEGATE'].trim());
      expect(ob.risultatoAtteso?.value).toBe(a.etichette['RISULTATO ATTESO'].trim());
      expect(ob.indicatori?.value).toBe(a.etichette['INDICATORI DI RISULTATO'].trim());
      expect(ob.peso?.points).toBe(pct(a.etichette["PESO DELL'OBIETTIVO"]));
    });
  });

  it('reads titles, DUP references, description, sectors and headings like the seed', () => {
    const [first] = cartella.fasi;
    expect(first.titolo?.value).toBe('ANTICORRUZIONE E TRASPARENZA AMMINISTRATIVA. (OBIETTIVO CONDIVISO DA TUTTI I SETTORI / SERVIZI) (RIF. DUP 1.1.2)');
    expect(first.dup).toBe('1.1.2');
    expect(first.condiviso).toBe(true);
    expect(first.ambito).toBe('sistema');
    expect(first.descrizione?.value.startsWith('Il Piano Triennale di Prevenzione della Corruzione')).toBe(true);
    expect(first.centro?.codice).toBe('00');
    expect(first.centro?.nome).toBe('SERVIZI DI STAFF');
    expect(first.centro?.dirigente?.value).toBe('DOTT. SALVATORE PAGANO');
    expect(first.servizio?.nome).toBe('SERVIZIO SEGRETERIA, PROGRAMMAZIONE E CONTROLLO STRATEGICO');
    const pagamenti = cartella.fasi.find((o) => o.titolo?.value === 'RISPETTO DEI TEMPI MEDI DI PAGAMENTO')!;
    expect(pagamenti.dup).toBeNull();
    expect(pagamenti.fasi.map((f) => [f.settore, f.applicabile])).toEqual([
      ['TUTTI', true],
      ['TUTTI', true],
      ['FIN.', false],
    ]);
    const pnrr = cartella.fasi.find((o) => o.dup === '3.3.1')!;
    expect(pnrr.fasi.map((f) => f.settore)).toEqual(['S.E.', 'S.E.', 'TUTTI', 'S.E. - TUTTI', 'LL.PP. – FIN']);
    expect(cartella.fasi.find((o) => o.dup === '5.1.2 - 5.2.2')?.titolo?.value).toMatch(/^DISTRETTO URBANO DEL COMMERCIO/);
    const kennedy = cartella.fasi.find((o) => o.dup === '10.5.2')!;
    expect(kennedy.periodo).toEqual({ from: 2024, to: 2025 });
    expect(cartella.fasi.find((o) => o.dup === '10.3.1')?.periodo).toEqual({ from: 2024, to: 2026 });
    expect(cartella.fasi.find((o) => o.dup === '10.4.1')?.descrizione?.value).toBe(
      'Analisi dello stato di fatto, individuazione delle zone critiche in città e nelle frazioni, proposta di piano operativo.',
    );
    // services: CdR 00 splits into four, CdR 02 names one, the others are not split
    const servizi = (cdr: string) => [...new Set(cartella.fasi.filter((o) => o.centro?.codice === cdr).map((o) => o.servizio?.nome ?? null))];
    expect(servizi('00')).toEqual([
      'SERVIZIO SEGRETERIA, PROGRAMMAZIONE E CONTROLLO STRATEGICO',
      'SERVIZIO POLIZIA MUNICIPALE',
      'SERVIZIO GESTIONE RISORSE UMANE',
      'SERVIZIO AVVOCATURA',
    ]);
    expect(servizi('01')).toEqual([null]);
    expect(servizi('02')).toEqual(['SERVIZIO INFORMATIZZAZIONE']);
    for (const c of ['04', '06', '07']) expect(servizi(c)).toEqual([null]);
    const cdr01 = cartella.fasi.find((o) => o.centro?.codice === '01')!.centro!;
    expect(cdr01.servizi.map((s) => s.nome)).toHaveLength(4);
    expect(cdr01.servizi.find((s) => s.nome === 'SERVIZIO DEMOGRAFICO')?.incaricato?.value).toBe('DOTT. ALFREDO FRACCHIA');
    expect(cartella.fasi.filter((o) => o.centro?.codice === '07')[0].centro?.dirigente?.value).toBe('ING. LAURA LUCOTTI');
  });

  it('finds CdR 07 at 90% (I037), the ten impossible dates (O012, O013), and no other error', () => {
    const f = controllaCartella(cartella);
    const errori = f.filter((x) => x.gravita === 'errore');
    const somme = errori.filter((x) => x.codice === 'PESO_OBIETTIVI_SOMMA');
    expect(somme).toHaveLength(1);
    expect(somme[0].foglio).toBe('CdR 07 Lavori pubblici');
    expect(somme[0].messaggio).toContain('90%');
    expect(somme[0].celle.map((c) => lineaSeed(somme[0].foglio, parseA1(c)!.r))).toEqual([980, 994, 1014, 1032, 1051, 1062, 1074]);
    const date = errori.filter((x) => x.codice === 'DATA_NON_VALIDA');
    expect(date.map((x) => lineaSeed(x.foglio, parseA1(x.celle[0])!.r)).sort((a, b) => a - b)).toEqual([46, 159, 257, 342, 447, 590, 730, 810, 856, 974]);
    expect(errori).toHaveLength(11);
    expect(f).toHaveLength(11);
  });

  it('summarises every objective for the front ends with its system, service and weight', () => {
    const s = sintesiCartella(cartella, controllaCartella(cartella));
    expect(s).toHaveLength(59);
    expect(new Set(s.map((x) => x.sistema))).toEqual(new Set(['fasi']));
    const k = s.find((x) => x.titolo.startsWith('RIPRISTINO DEL POLO SCOLASTICO'))!;
    expect(k).toMatchObject({ servizio: '07 LAVORI PUBBLICI E CUC', responsabile: 'ING. LAURA LUCOTTI', peso: 15, periodo: '2024–2025' });
    expect(k.livelli).toEqual([{ anno: 2024, valore: null, parziale: true, rilevate: 0, totale: 3 }]);
    expect(k.segnalazioni.errori).toBe(0);
    expect(s.filter((x) => x.segnalazioni.errori > 0)).toHaveLength(10);
  });
});
