/**
 * Spaced review, pure: FSRS scheduling (ts-fsrs) with adjustable desired retention, concept- and
 * card-level review state, streaks and history. Storage and export: lib/learner.
 * No React, no I/O beyond a Storage-like object passed in.
 */
export * from './schedule';
export * from './day';
export * from './streak';
export * from './history';
export * from './review-data';
export * from './concept-question';
