import { describe, expect, it } from 'vitest';
import { WorkbookError } from '../../src/workbook/port';
import { describeError } from '../../src/taskpane/errors';
import { UI } from '../../src/domain/testi/ui';

describe('describeError', () => {
  it('keeps the adapter message and adds what to do for its code', () => {
    const d = describeError(new WorkbookError('Il foglio «Trasparenza» è protetto.', 'PROTETTO'));
    expect(d.message).toBe('Il foglio «Trasparenza» è protetto.');
    expect(d.todo).toBe(UI.errori.codici.PROTETTO);
    expect(d.todo).toMatch(/Rimuovi protezione foglio/);
  });

  it('recognises raw Office.js errors that were not translated', () => {
    expect(describeError({ code: 'InvalidOperationInCellEditMode', message: 'x' }).todo).toBe(UI.errori.codici.MODIFICA_IN_CORSO);
    expect(describeError(new Error('RequestPayloadSizeLimitExceeded')).todo).toBe(UI.errori.codici.TROPPO_GRANDE);
    expect(describeError({ code: 'ApiNotFound' }).todo).toBe(UI.errori.codici.NON_SUPPORTATO);
  });

  it('never shows an English message as it is', () => {
    const d = describeError(new Error('Cannot read properties of undefined'));
    expect(d.message).toBe(UI.errori.generico);
    expect(d.todo).toBe(UI.errori.riprova);
    expect(describeError(new Error('La cella A1 non è valida')).message).toBe('La cella A1 non è valida');
  });
});
