/**
 * `schede calcola FILE.xlsx [--anno AAAA] [--out OUT.xlsx] [--forza] [--json]`:
 * compute RAGGIUNTO and % of every card from the Rilevazioni sheet, write the Riepilogo, save a copy.
 */
import { calcolaJson, oraLocale, statoGrado } from '../../domain/calcolo';
import { formatPercentIt } from '../../domain/grid';
import { calcolaCartella, leggiCartella, schedePerCalcolo, sistemaDellaScheda } from '../../domain/sistemi';
import { righeEsitoFondo } from '../../domain/sistemi/progetti';
import { TESTI_CLI_SISTEMI } from '../../domain/testi/sistemi';
import { TESTI_CLI_MATRICE } from '../../domain/testi/matrice';
import { MSG_CLI_CALCOLO as T, annualitaTesto } from '../../domain/testi/calcolo';
import { TESTI_CONTROLLA } from '../../domain/testi/cli';
import { annoOption, openFileCommand, saveForCli, testiConUso } from '../files';
import type { CliIo } from '../io';

export async function calcola(args: string[], io: CliIo): Promise<number> {
  const cmd = await openFileCommand(
    args,
    { anno: { type: 'string' }, out: { type: 'string' }, forza: { type: 'boolean' }, json: { type: 'boolean' } },
    testiConUso(T.usoCalcola),
    io,
    (v) => (v.anno !== undefined && annoOption(v.anno) === null ? T.annoNonValido(v.anno) : null),
  );
  if (!cmd) return 2;
  const { values, out } = cmd;
  const anno = values.anno !== undefined ? (annoOption(values.anno) ?? undefined) : undefined;
  // every card system's cards in one shared compute (src/domain/sistemi)
  const cartella = leggiCartella(cmd.grids);
  // the system of each card, told by the registry (the JSON says it for every card)
  const sistemi = new Map(schedePerCalcolo(cartella).map((s) => [`${s.sheet}|${s.index}`, sistemaDellaScheda(s)]));
  if (sistemi.size === 0) {
    io.err(T.nessunaScheda);
    return 2;
  }
  const result = calcolaCartella(cartella, cmd.grids, { anno, forza: values.forza === true, now: oraLocale(new Date()) });
  await cmd.wb.applyWritePlan(result.plan);
  const saved = await saveForCli(cmd.wb, out, io);
  if (!saved) return 2;
  if (values.json) {
    const json = calcolaJson(result);
    const schede = json.schede.map((x) => ({ sistema: sistemi.get(`${x.foglio}|${x.scheda}`) ?? 'gestionale', ...x }));
    const aree = result.aree?.length ? { aree: result.aree } : {};
    io.out(JSON.stringify({ ...json, schede, ...(result.gruppi.length ? { gruppi: result.gruppi } : {}), ...aree, ...(result.fondo ? { fondo: result.fondo } : {}) }, null, 2));
    return 0;
  }
  const lines: string[] = [];
  for (const e of result.schede) {
    lines.push(T.rigaScheda(e.foglio, annualitaTesto(e.anno, e.annualita), e.grado === null ? T.nonCalcolabile : formatPercentIt(e.grado), statoGrado(e)));
  }
  for (const g of result.gruppi)
    lines.push(TESTI_CLI_SISTEMI.livelloGruppo(g.tipo, g.nome, g.livello === null ? T.nonCalcolabile : formatPercentIt(g.livello), g.parziale, g.completi, g.obiettivi));
  for (const a of result.aree ?? [])
    lines.push(TESTI_CLI_MATRICE.contributoArea(a.foglio, a.scheda, a.area, a.contributo === null ? T.nonCalcolabile : formatPercentIt(a.contributo), a.pesoAssoluto, a.parziale));
  if (result.fondo) lines.push(...righeEsitoFondo(result.fondo));
  for (const m of result.messaggi) lines.push(m);
  if (result.segnalazioni.length) lines.push('');
  for (const f of result.segnalazioni) lines.push(TESTI_CONTROLLA.segnalazione(f.gravita, f.codice, [f.foglio, ...f.celle], f.messaggio).trim());
  lines.push('', T.riepilogoCalcolo(new Set(result.schede.map((e) => `${e.foglio}|${e.scheda}`)).size, result.scritte, result.conflitti), T.salvato(saved));
  io.out(lines.join('\n'));
  return 0;
}
