/** the graduation engine: free-text GRADUAZIONE -> Rule -> level */
export * from './types';
export { parseGraduazione, ruleFromTarget } from './parse';
export { ruleContext, ruleOf } from './azione';
export { evaluate } from './evaluate';
export { printRule, bandLabel } from './print';
export { parseMeasurement, ruleKindLabel, type MeasurementResult } from './measurement';
export { isItalianHoliday, isWorkingDay, workingDelay, calendarDelay, easter } from './dates';
