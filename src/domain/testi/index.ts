/**
 * Every string a user sees lives under src/domain/testi/, one file per area, re-exported here.
 * Pure data and small formatting functions: importable by domain, CLI, task pane and preview.
 */
export * from './comuni';
export * from './xlsx';
export * from './ui';
export * from './calcolo';
export * from './office';
export * from './cliMain';
export * from './modelli';
export * from './cli';
export * from './controlli';
export * from './graduazione';
export * from './sistemi';
export * from './matrice';
export * from './progetti';
