/**
 * Office.js errors -> WorkbookError with an Italian message that says what to do.
 * Codes from OfficeExtension.ErrorCodes / Excel.ErrorCodes (strings, not localised), as listed in
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 */
import { WorkbookError } from '../port';
import { TESTI_OFFICE } from '../../domain/testi/office';

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

function describe(e: unknown): { code: string; text: string } {
  const o = (typeof e === 'object' && e !== null ? e : {}) as OfficeLikeError;
  const code = typeof o.code === 'string' ? o.code : '';
  const parts = [o.message, o.debugInfo?.message, o.debugInfo?.code, o.debugInfo?.errorLocation];
  const text = parts.filter((p): p is string => typeof p === 'string').join(' ');
  return { code, text: text || (e instanceof Error ? e.message : String(e)) };
}

/** map anything thrown by Excel.run / context.sync() to a WorkbookError (WorkbookErrors pass through) */
export function toWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const { code, text } = describe(e);
  const protectedHint = /protect|protett/i.test(text);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new WorkbookError(TESTI_OFFICE.modificaInCorso, 'MODIFICA_IN_CORSO');
    case 'ResponsePayloadSizeLimitExceeded':
      return new WorkbookError(TESTI_OFFICE.troppoGrandeLettura, 'TROPPO_GRANDE');
    case 'RequestPayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
    case 'MemoryLimitReached':
      return new WorkbookError(TESTI_OFFICE.troppoGrande, 'TROPPO_GRANDE');
    case 'MergedRangeConflict':
      return new WorkbookError(TESTI_OFFICE.conflittoCelleUnite, 'ALTRO');
    case 'InactiveWorkbook':
      return new WorkbookError(TESTI_OFFICE.cartellaNonAttiva, 'ALTRO');
    case 'ApiNotFound':
    case 'ApiNotAvailable':
    case 'NotImplemented':
    case 'UnsupportedFeature':
      return new WorkbookError(TESTI_OFFICE.apiNonTrovata, 'NON_SUPPORTATO');
    case 'AccessDenied':
      return new WorkbookError(TESTI_OFFICE.protetto, 'PROTETTO');
    case 'InvalidOperation':
      if (/edit mode|modalità di modifica|in modifica/i.test(text))
        return new WorkbookError(TESTI_OFFICE.modificaInCorso, 'MODIFICA_IN_CORSO');
      if (protectedHint) return new WorkbookError(TESTI_OFFICE.protetto, 'PROTETTO');
      break;
    case 'ItemAlreadyExists': {
      const name = nameIn(text);
      return new WorkbookError(name ? TESTI_OFFICE.foglioEsistente(name) : TESTI_OFFICE.elementoEsistente, 'FOGLIO_ESISTENTE');
    }
    case 'ItemNotFound': {
      const name = nameIn(text);
      return new WorkbookError(name ? TESTI_OFFICE.foglioMancante(name) : TESTI_OFFICE.elementoMancante, 'FOGLIO_MANCANTE');
    }
    case 'Conflict':
    case 'ActivityLimitReached':
    case 'ConnectionFailure':
    case 'RequestAborted':
    case 'ServiceNotAvailable':
      return new WorkbookError(TESTI_OFFICE.occupato, 'ALTRO');
  }
  if (protectedHint) return new WorkbookError(TESTI_OFFICE.protetto, 'PROTETTO');
  return new WorkbookError(TESTI_OFFICE.generico(code || text.slice(0, 120)), 'ALTRO');
}

/** failures a different read cannot avoid (edit mode, sizes, busy, missing API or sheet, protection) */
const CIRCUMSTANTIAL = new Set([
  'InvalidOperationInCellEditMode',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'ApiNotFound',
  'AccessDenied',
  'ItemNotFound',
  'Conflict',
  'ActivityLimitReached',
  'ConnectionFailure',
  'RequestAborted',
  'InactiveWorkbook',
  'ServiceNotAvailable',
]);

/** a read failure that may come from getMergedAreasOrNullObject's 512-area limit (the code is not documented) */
export function mayBeMergeLimit(e: unknown): boolean {
  return !(e instanceof WorkbookError) && !CIRCUMSTANTIAL.has(describe(e).code);
}

/** a quoted name in Excel's message, when there is one */
function nameIn(text: string): string | undefined {
  return /["“]([^"”]{1,31})["”]/.exec(text)?.[1];
}

/** Excel on the web refused a response above its 5 MB limit (a read to split in smaller groups) */
export function isResponseTooLarge(e: unknown): boolean {
  return describe(e).code === 'ResponsePayloadSizeLimitExceeded';
}
