import 'server-only';
/**
 * Persistence. Server-only. `getDatabase()` is the app's database (PGlite by default, PostgreSQL when
 * DATABASE_URL is set); `openDatabase(target)` opens a specific one (tests, benchmarks).
 */
export { getDatabase, getDatabaseHandle, setDatabaseHandle, openDatabase, targetFromEnv, MIGRATIONS_FOLDER } from './client';
export type { Database, DatabaseHandle, DatabaseTarget } from './client';
export * as tables from './schema';
export { resultRows } from './rows';
export type { DrillRow, AttemptRow, AnswerRow, AttemptQuestionRow } from './schema';
