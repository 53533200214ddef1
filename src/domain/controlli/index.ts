/** consistency checks: public API */
export { checkScheda, checkWorkbook, sameAction } from './checks';
export * from './types';
