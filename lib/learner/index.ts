/**
 * The learner record, pure (no React, Next or DB; browser-safe): one versioned document holding attempts,
 * FSRS state for concepts and interview cards, ratings history (streak, chart), settings and drill attempts;
 * its storage and migration from today's keys; practice and drill answers feeding review; the one mastery
 * model; the one export/import file.
 */
export * from './document';
export * from './record';
export * from './answers';
export * from './legacy';
export * from './storage';
export * from './transfer';
export * from './mastery';
export * from './queue';
