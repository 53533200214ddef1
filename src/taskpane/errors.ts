/** Errors from the back ends as Italian text: what went wrong and what to do. */
import { UI } from '../domain/testi/ui';
import { WorkbookError } from '../workbook/port';

/** what went wrong and what to do, in Italian */
export function describeError(e: unknown): { message: string; todo: string } {
  if (e instanceof WorkbookError) return { message: e.message, todo: UI.errori.codici[e.code] ?? UI.errori.riprova };
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // errors from Office.js that reached us without the adapter's translation
  const code = (e as { code?: string } | null)?.code ?? '';
  if (/protect/i.test(code + raw)) return { message: UI.errori.generico, todo: UI.errori.codici.PROTETTO };
  if (/InvalidOperationInCellEditMode|edit mode/i.test(code + raw))
    return { message: UI.errori.generico, todo: UI.errori.codici.MODIFICA_IN_CORSO };
  if (/PayloadTooLarge|RequestPayloadSizeLimitExceeded/i.test(code + raw))
    return { message: UI.errori.generico, todo: UI.errori.codici.TROPPO_GRANDE };
  if (/ApiNotFound|NotImplemented|not supported/i.test(code + raw))
    return { message: UI.errori.generico, todo: UI.errori.codici.NON_SUPPORTATO };
  return { message: raw && /[àèéìòù]|\bil\b|\bla\b|\bnon\b/i.test(raw) ? raw : UI.errori.generico, todo: UI.errori.riprova };
}
