/** the card reader: public API */
export { readSchede, readWorkbook, isOwnSheet } from './reader';
export { normalizeLabel, matchLabel, matchLabelExact, matchAny, editDistance } from './labels';
export { parsePeso, parseItNumber, datesInText, datesInValue, parsePartecipante } from './values';
export type { DateInText } from './values';
export * from './types';
