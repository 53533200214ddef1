/**
 * Measurements, computation, safe writing and undo (Rilevazioni, RAGGIUNTO/%, Riepilogo).
 * Pure: everything is returned as a WritePlan for a back end to apply in one batch.
 */
export { type AzioneRef, azioniDi, ruleOf } from './azioni';
export {
  type ColonnaRil,
  type PreparaResult,
  type RigaRilevazione,
  type TabellaRilevazioni,
  findRilevazioni,
  preparaRilevazioni,
  preparaRilevazioniDettagli,
  readRilevazioni,
} from './rilevazioni';
export { leggiRiga, type Lettura } from './misura';
export {
  type CalcolaJson,
  type CalcolaOpts,
  type CalcoloResult,
  type EsitoAzione,
  type EsitoScheda,
  type Progresso,
  type SchedaPane,
  calcola,
  calcolaPassi,
  chiaveCella,
  calcolaJson,
  oraLocale,
  type StatoGrado,
  statoGrado,
  summarizeForPane,
} from './calcola';
export { type AnnullaResult, annulla, annullaDettagli, indirizziLogici, prossimoAnnulla } from './annulla';
export { type Passo, type Registro, type RigaRiepilogo, leggiRegistro } from './registro';
export { readDateCell, readLevelCell } from './valori';
export { type CorrezioneResult, correzioneDettagli } from './correggi';
