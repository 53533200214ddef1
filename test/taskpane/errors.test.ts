import { describe, expect, it } from 'vitest';
import { WorkbookError } from '../../src/workbook/port';
import { describeError, WriteFailure } from '../../src/taskpane/errors';
import { UI } from '../../src/domain/testi/ui';
import { TESTI_OFFICE } from '../../src/domain/testi/office';

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

  it('adds nothing to an adapter message that already says what to do', () => {
    const d = describeError(new WriteFailure(new WorkbookError(TESTI_OFFICE.modificaInCorso, 'MODIFICA_IN_CORSO')));
    expect(d).toEqual({ message: TESTI_OFFICE.modificaInCorso, todo: '', intatta: false });
    expect(describeError(new WorkbookError(TESTI_OFFICE.foglioProtetto('Trasparenza'), 'PROTETTO')).todo).toBe('');
  });

  it('says the workbook is untouched only for a raw write error Excel refuses as a whole', () => {
    expect(describeError(new WriteFailure({ code: 'InvalidOperationInCellEditMode' }))).toMatchObject({
      message: UI.errori.generico,
      todo: UI.errori.codici.MODIFICA_IN_CORSO,
      intatta: true,
    });
    expect(describeError({ code: 'InvalidOperationInCellEditMode' }).intatta).toBe(false);
    // a failure that may come in the middle of a write: no promise then
    expect(describeError(new WriteFailure({ code: 'AccessDenied' }))).toMatchObject({ todo: UI.errori.codici.PROTETTO, intatta: false });
    expect(describeError(new WriteFailure(new Error('boom')))).toMatchObject({ message: UI.errori.generico, intatta: false });
  });
});
