/**
 * Learner progress kept in the browser (no account), pure: a versioned, exportable JSON document with
 * the attempts, per-concept mastery and session summaries. The storage adapter lives in app/progress.
 *
 *   emptyProgress() / recordAttempt(p, a) / recordSession(p, s)   → new Progress (no mutation)
 *   conceptSummaries(p) / weakConcepts(p)                           → what to show / practise next
 *   exportProgress(p) / importProgress(text)                        → JSON text, or every issue with its path
 */
export * from './schema';
export { emptyProgress, emptyMastery, recordAttempt, recordSession, conceptSummaries, weakConcepts, MASTERY_STREAK, LEVEL_WEIGHT, LOSE_BELOW } from './mastery';
export type { ConceptSummary } from './mastery';
export { exportProgress, importProgress } from './storage-format';
export type { ProgressIssue } from './storage-format';
