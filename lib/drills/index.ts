import 'server-only';
/**
 * Drills: the server-only data-access layer. Every function takes the Database and returns narrow DTOs;
 * authorisation (manage token, attempt token) happens here, before any data leaves.
 */
export * from './drills';
export * from './attempts';
export * from './gradebook';
export { gradebookCsv } from './export';
export { toCsv, csvCell, CSV_COLUMNS } from './csv';
export type { CsvRecord } from './csv';
export { RATE_LIMITS, MAX_ATTEMPTS_PER_DRILL, limitOf, purgeExpiredLimits } from './rate-limit';
export type { LimitRule, LimitSetting } from './rate-limit';
export { clientKey, parseTrustProxy, trustProxyFromEnv } from './client-address';
export type { TrustProxy } from './client-address';
export { studentQuestion } from './questions';
export type { DrillQuestion } from './questions';
export { DrillError } from './errors';
export * from './schemas';
export * from './policy';
export { JOIN_CODE_ALPHABET, normaliseJoinCode } from './tokens';
