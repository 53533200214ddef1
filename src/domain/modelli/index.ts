/** Templates (modelli): standard cards, bulk creation, templates saved in the workbook, Standardizza. */
export * from './missioniProgrammi';
export * from './standard';
export * from './nomi';
export * from './elenco';
export * from './salvati';
export * from './standardizza';
export * from './nuove';
