/**
 * Practice and drill answers feed spaced review: each graded answer is kept as an attempt AND rates every
 * concept it tests in FSRS. A miss (or a right answer that took too long) brings the concept back soon;
 * a quick right answer counts as a successful review. The engine's grade decides, not the learner's feeling.
 */
import { recordReview, ratingFromScore, type DayKey, type ReviewRating } from '@/lib/review';
import { MAX_ATTEMPTS, MAX_SESSIONS, type AttemptRecord, type LearnerRecord, type SessionRecord } from './record';

/** A fully right answer slower than this counts as Hard: recalled, but with effort. */
export const SLOW_ANSWER_MS = 120_000;

/** How one graded answer rates the concepts it tests. */
export function answerRating(score: number, ms: number): ReviewRating {
  const rating = ratingFromScore(score);
  return rating === 'good' && ms > SLOW_ANSWER_MS ? 'hard' : rating;
}

/** Whether an answer counts as missed (anything short of fully right). */
export function isMiss(attempt: Pick<AttemptRecord, 'score'>): boolean {
  return attempt.score < 1;
}

/** Records a graded practice or drill answer: keeps the attempt and rates each of its concepts. */
export function recordAnswer(record: LearnerRecord, attempt: AttemptRecord, day: DayKey): LearnerRecord {
  const now = new Date(attempt.at);
  const rating = answerRating(attempt.score, attempt.ms);
  let next: LearnerRecord = { ...record, attempts: [...record.attempts, attempt].slice(-MAX_ATTEMPTS) };
  for (const id of new Set(attempt.concepts)) {
    next = recordReview(next, { type: 'concept', id, rating, now, day, score: attempt.score, seed: attempt.seed, kind: attempt.kind, source: attempt.source });
  }
  return next;
}

/**
 * Records a graded drill answer. A drill question shows no seed or kind (the server keeps its spec), so it is
 * not kept as an attempt; it rates the concepts it tests, as a practice answer does.
 */
export function recordDrillAnswer(record: LearnerRecord, answer: { concepts: readonly string[]; score: number; at: Date }, day: DayKey): LearnerRecord {
  const rating = answerRating(answer.score, 0);
  let next = record;
  for (const id of new Set(answer.concepts)) {
    next = recordReview(next, { type: 'concept', id, rating, now: answer.at, day, score: answer.score, source: 'drill' });
  }
  return next;
}

export function recordSession(record: LearnerRecord, session: SessionRecord): LearnerRecord {
  return { ...record, sessions: [...record.sessions, session].slice(-MAX_SESSIONS) };
}

export interface AnswerCounts {
  answers: number;
  right: number;
}

/** Answers and fully right answers per concept and per question kind (drills and practice together). */
export function attemptCounts(record: Pick<LearnerRecord, 'attempts'>): { byConcept: Map<string, AnswerCounts>; byKind: Map<string, AnswerCounts> } {
  const byConcept = new Map<string, AnswerCounts>();
  const byKind = new Map<string, AnswerCounts>();
  const add = (map: Map<string, AnswerCounts>, key: string, right: boolean) => {
    const c = map.get(key) ?? { answers: 0, right: 0 };
    map.set(key, { answers: c.answers + 1, right: c.right + (right ? 1 : 0) });
  };
  for (const a of record.attempts) {
    const right = !isMiss(a);
    add(byKind, a.kind, right);
    for (const c of new Set(a.concepts)) add(byConcept, c, right);
  }
  return { byConcept, byKind };
}
