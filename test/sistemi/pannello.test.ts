/** the task pane's view of a workbook mixing systems: Panoramica and Controlli list the fasi objectives too */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calcola } from '../../src/domain/calcolo';
import { conGruppi, opzioniCartella, sistemaDellaScheda } from '../../src/domain/sistemi';
import { groupFindings, summarize } from '../../src/taskpane/model';
import { analyse } from '../../src/taskpane/useWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { repoPath } from '../corpus/fixtures';
import { tortonaXlsx } from './tortona';

describe('task pane over Sarzana and Tortona in one workbook', () => {
  it('Panoramica lists both systems side by side; Controlli groups the fasi findings under their objective', async () => {
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(repoPath('assets/esempi/sarzana-esempio.xlsx'))));
    const tortona = await (await XlsxWorkbook.fromBuffer(await tortonaXlsx())).readSheets();
    const sarzana = await wb.readSheets();
    const { schede, findings } = analyse([...sarzana, ...tortona]);
    const perSistema = (n: string) => schede.filter((s) => sistemaDellaScheda(s) === n).length;
    expect(perSistema('fasi')).toBe(59);
    expect(perSistema('gestionale')).toBe(analyse(sarzana).schede.length);
    expect(perSistema('gestionale')).toBeGreaterThan(0);
    const cards = summarize(schede, findings);
    const kennedy = cards.find((c) => c.titolo.startsWith('RIPRISTINO DEL POLO SCOLASTICO'))!;
    expect(kennedy).toMatchObject({ sheet: 'CdR 07 Lavori pubblici', dirigente: 'ING. LAURA LUCOTTI', periodo: '2024–2025', errori: 0 });
    const anti07 = cards.find((c) => c.sheet === 'CdR 07 Lavori pubblici' && c.index === 1)!;
    // its impossible date, and the centro's 90% (a finding without a card goes with the sheet's first card)
    expect(anti07.errori).toBe(2);
    const groups = groupFindings(findings, schede);
    const g = groups.find((x) => x.label.startsWith('ANTICORRUZIONE') && x.sheet === 'CdR 07 Lavori pubblici')!;
    expect(g.severities[0].items.map((f) => f.codice).sort()).toEqual(['DATA_NON_VALIDA', 'PESO_OBIETTIVI_SOMMA']);
    // Calcola in the pane runs the shared compute itself, with the systems' Riepilogo rows in its options
    const now = new Date(Date.UTC(2025, 0, 20));
    const r = conGruppi(calcola(schede, [...sarzana, ...tortona], opzioniCartella(schede, { controlli: findings, now })), schede);
    expect(r.gruppi.filter((x) => x.tipo === 'servizio').map((x) => x.nome)).toHaveLength(5);
    expect(r.gruppi.filter((x) => x.tipo === 'centro')).toHaveLength(6);
    expect(r.riepilogo.righe.filter((x) => x.tipo === 'obiettivo per fasi')).toHaveLength(59);
    expect(r.riepilogo.righe.find((x) => x.obiettivo === 'Livello del centro di responsabilità 07 LAVORI PUBBLICI E CUC')).toMatchObject({ peso: 90, rilevate: 0, azioni: 7, grado: null });
    // the Sarzana findings are what they were without Tortona beside them
    expect(findings.filter((f) => !f.foglio.startsWith('CdR'))).toEqual(analyse(sarzana).findings);
  });
});
