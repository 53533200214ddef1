import { describe, expect, it } from 'vitest';
import { valuta } from '../../src/cli/commands/valuta';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await valuta(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const G01 = 'Nessun ritardo rispetto alla data del 31/12/2024 = 100%. Ritardo fino a 30gg. = 70%. Ritardo fino a 60 gg. = 40%.';

describe('schede valuta', () => {
  it('prints the level, RAGGIUNTO and the band that decided', async () => {
    const r = await run('--graduazione', G01, '--valore', '20/01/2025');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tipo: Scadenza');
    expect(r.out).toContain('Scadenza: 31/12/2024 (dalla graduazione)');
    expect(r.out).toContain('Raggiunto: 20/01/2025 · ritardo 20 gg');
    expect(r.out).toContain('Livello: 70%');
    expect(r.out).toContain('Spiegazione: ritardo 20 gg → fascia fino a 30 gg = 70%');
  });

  it('--json with the stable keys', async () => {
    const r = await run('--graduazione', 'Entro il 30/06/2024= 100% Fino a 30gg di ritardo= 50%', '--valore', '15 gg', '--tempi', '31/12/24', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      tipo: 'scadenza',
      livello: 0.5,
      riferimento: '2024-06-30',
      fasce: [
        { da: null, a: 0, livello: 1 },
        { da: 0, a: 30, livello: 0.5 },
        { da: 30, a: null, livello: 0 },
      ],
      raggiunto: 'ritardo 15 gg',
    });
    expect(j.avvisi.map((a: { codice: string }) => a.codice)).toEqual(['DATA_DIVERSA']);
  });

  it('uses --atteso for a proportional rule and --anno for a date without year', async () => {
    const p = JSON.parse((await run('--graduazione', 'Conseguimento del livello atteso= 100% altrimenti = graduazione proporzionale', '--atteso', '20', '--valore', '15', '--json')).out);
    expect([p.tipo, p.livello]).toEqual(['proporzionale', 0.75]);
    const a = JSON.parse((await run('--graduazione', 'entro il 30 giugno = 100%; ritardo fino a 10 gg = 50%', '--anno', '2025', '--valore', '05/07/2025', '--json')).out);
    expect([a.riferimento, a.livello]).toEqual(['2025-06-30', 0.5]);
  });

  it('a manual rule takes only a level typed by hand', async () => {
    const j = JSON.parse((await run('--graduazione', 'Coinvolgere il servizio ASL', '--valore', '80%', '--json')).out);
    expect([j.tipo, j.livello, j.raggiunto]).toEqual(['manuale', 0.8, 'Valutazione manuale: 80%']);
    const no = await run('--graduazione', 'Coinvolgere il servizio ASL', '--valore', 'sì');
    expect([no.code, no.err]).toEqual([2, 'Per una graduazione di tipo Manuale serve il livello valutato a mano, in percentuale.']);
  });

  it('bad input: exit 2 with an Italian message', async () => {
    const unknown = await run('--graduazione', G01, '--valore', '3', '--foo');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Opzione non valida per "valuta"/);
    const missing = await run('--valore', '3');
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/^Manca --graduazione/)]);
    const bad = await run('--graduazione', G01, '--valore', 'abc');
    expect([bad.code, bad.err]).toEqual([2, '«abc» non è un valore leggibile: indicare la data di completamento o il ritardo in giorni.']);
    const anno = await run('--graduazione', G01, '--valore', '3', '--anno', '24');
    expect(anno.code).toBe(2);
    const positional = await run('extra', '--graduazione', G01, '--valore', '3');
    expect(positional.code).toBe(2);
  });
});

describe('schede valuta: negative values (issue 15)', () => {
  it('accepts --valore=-5 and --valore "-5 gg" as values, not options', async () => {
    for (const args of [['--valore=-5'], ['--valore', '-5'], ['--valore', '-5 gg']]) {
      const r = await run('--graduazione', 'Ritardo di pagamento =< 0', ...args, '--json');
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.tipo).toBe('soglia');
      expect(j.livello).toBe(1);
    }
    const late = JSON.parse((await run('--graduazione', 'Ritardo di pagamento =< 0', '--valore', '3', '--json')).out);
    expect(late.livello).toBe(0);
  });
});
