/** the Nuova scheda tab's list helpers: a pasted list (text or Excel columns), the preview of the sheets, the systems */
import { describe, expect, it } from 'vitest';
import { anteprimaNuove, creaDaModello, righeDaIncollato, sceltaSistemi, sistemaScelto } from '../../src/taskpane/nuovaScheda';

describe('a pasted list', () => {
  it('columns copied from Excel (tabs, with the header) are read as cells', () => {
    expect(righeDaIncollato('Titolo\tDirigente\tUnità\nArchivio digitale\tRossi\tSegreteria\nSportello unico\tBianchi\tTributi\n')).toEqual([
      { titolo: 'Archivio digitale', dirigente: 'Rossi', unita: 'Segreteria' },
      { titolo: 'Sportello unico', dirigente: 'Bianchi', unita: 'Tributi' },
    ]);
  });
  it('a plan in prose: bullets under their AREA and Settore', () => {
    expect(righeDaIncollato('AREA POLIZIA LOCALE\n\n(Settore Vigilanza)\n\n- Controllo del territorio\n- Educazione stradale nelle scuole')).toEqual([
      { titolo: 'Controllo del territorio', unita: 'Settore Vigilanza — AREA POLIZIA LOCALE' },
      { titolo: 'Educazione stradale nelle scuole', unita: 'Settore Vigilanza — AREA POLIZIA LOCALE' },
    ]);
  });
});

describe('the preview of the sheets a list will make', () => {
  it('the names creation will give, unique beside the sheets already there', () => {
    const rows = [{ titolo: 'Trasparenza' }, { titolo: 'Trasparenza' }, { titolo: 'Un titolo molto lungo che non entra nel nome di un foglio' }];
    const a = anteprimaNuove(rows, ['Trasparenza']);
    expect(a.map((x) => x.foglio)).toEqual(['Trasparenza (2)', 'Trasparenza (3)', expect.stringMatching(/^.{1,31}$/)]);
    const made = creaDaModello('__standard__', [], { periodo: { from: 2025, to: 2027 }, tipo: 'comune', azioniPerAnnualita: 3, annualita: 1 }, ['Trasparenza'], rows);
    expect(made.ok && made.plan.sheets!.filter((s) => s.visibility !== 'veryHidden' && s.visibility !== 'hidden').map((s) => s.name)).toEqual(a.map((x) => x.foglio));
  });
});

describe('the card systems beside the templates', () => {
  it('objectives with phases are offered, and a list makes one blank FASI card per row', () => {
    const fasi = sceltaSistemi().find((x) => sistemaScelto(x.value) === 'fasi')!;
    expect(fasi.label).toMatch(/Obiettivi per fasi/);
    expect(sistemaScelto('__standard__')).toBeNull();
    const r = creaDaModello(fasi.value, [], { periodo: { from: 2025, to: 2025 }, tipo: 'comune', azioniPerAnnualita: 3, annualita: 1 }, [], [{ titolo: 'Archivio', unita: 'Segreteria' }]);
    expect(r.ok && r.plan.sheets!.map((s) => s.name)).toEqual(['Archivio']);
  });
});
