/** Errors from the back ends as Italian text: what went wrong, whether the workbook was left as it was, what to do. */
import { UI } from '../domain/testi/ui';
import { WorkbookError } from '../workbook/port';

/** an error raised while applying a write plan (the pane wraps it to say whether anything was written) */
export class WriteFailure {
  constructor(readonly cause: unknown) {}
}

type Code = WorkbookError['code'];

/**
 * Raw Office.js write errors known to leave the workbook untouched: Excel rejects a whole request while a cell
 * is being edited. (The adapter's own messages already say "Non è stato scritto nulla" where that holds.)
 */
const NOTHING_WRITTEN = new Set<Code>(['MODIFICA_IN_CORSO']);

/** the back ends' messages mostly end with what to do: then the pane adds nothing */
const SAYS_WHAT_TO_DO = /\b(riprova|scegli|aggiorna|togli|premi|usa|apri|elimina|attendi|correggi)\b/i;

function codeOf(e: unknown): { code: Code | null; raw: string } {
  if (e instanceof WorkbookError) return { code: e.code, raw: e.message };
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // errors from Office.js that reached us without the adapter's translation
  const s = ((e as { code?: string } | null)?.code ?? '') + raw;
  if (/protect|AccessDenied/i.test(s)) return { code: 'PROTETTO', raw };
  if (/InvalidOperationInCellEditMode|edit mode/i.test(s)) return { code: 'MODIFICA_IN_CORSO', raw };
  if (/PayloadTooLarge|PayloadSizeLimitExceeded/i.test(s)) return { code: 'TROPPO_GRANDE', raw };
  if (/ApiNotFound|NotImplemented|not supported/i.test(s)) return { code: 'NON_SUPPORTATO', raw };
  return { code: null, raw };
}

/** what went wrong and what to do, in Italian; `intatta` when a failed write left the workbook as it was */
export function describeError(e: unknown): { message: string; todo: string; intatta: boolean } {
  const write = e instanceof WriteFailure;
  const cause = write ? e.cause : e;
  const { code, raw } = codeOf(cause);
  if (cause instanceof WorkbookError) {
    return { message: raw, todo: SAYS_WHAT_TO_DO.test(raw) ? '' : (UI.errori.codici[cause.code] ?? UI.errori.riprova), intatta: false };
  }
  if (code) return { message: UI.errori.generico, todo: UI.errori.codici[code], intatta: write && NOTHING_WRITTEN.has(code) };
  const italian = raw && /[àèéìòù]|\bil\b|\bla\b|\bnon\b/i.test(raw);
  return { message: italian ? raw : UI.errori.generico, todo: SAYS_WHAT_TO_DO.test(raw) && italian ? '' : UI.errori.riprova, intatta: false };
}
