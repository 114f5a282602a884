/**
 * Which scenario question reviews a concept. A concept is linked to the practice question kinds that
 * test it; each review draws a NEW seed (never the last one), so the learner meets a fresh cluster and
 * cannot answer from memory of the previous one. Difficulty follows memory strength.
 */
import { hashSeed } from '@/lib/scenarios/random';
import type { Schedule } from './schedule';

export type ReviewDifficulty = 'intro' | 'standard' | 'expert';

export interface ReviewQuestionSpec<K extends string> {
  kind: K;
  difficulty: ReviewDifficulty;
  seed: string;
}

/** Not yet in long-term review → intro; in review → standard; stable for three weeks or more → expert. */
export function difficultyFor(schedule: Schedule | null): ReviewDifficulty {
  if (!schedule || schedule.state !== 'review') return 'intro';
  return schedule.stability >= 21 ? 'expert' : 'standard';
}

/**
 * The question for this review. `makeSeed` supplies randomness (crypto in the browser, a counter in tests);
 * it is called again if it returns the seed used last time.
 */
export function conceptReviewSpec<K extends string>(
  kinds: readonly K[],
  previous: { schedule: Schedule | null; lastSeed: string | null },
  makeSeed: () => string,
): ReviewQuestionSpec<K> {
  if (kinds.length === 0) throw new Error('a concept needs at least one question kind to be reviewed');
  let seed = makeSeed();
  for (let tries = 0; seed === previous.lastSeed && tries < 8; tries += 1) seed = makeSeed();
  if (seed === previous.lastSeed) throw new Error('makeSeed keeps returning the previous seed');
  const kind = kinds[hashSeed(seed) % kinds.length] as K;
  return { kind, difficulty: difficultyFor(previous.schedule), seed };
}

/** How a graded scenario answer rates the concept: the engine decides, not the learner's feeling. */
export function ratingFromScore(score: number): 'again' | 'hard' | 'good' {
  if (score >= 0.999) return 'good';
  if (score >= 0.5) return 'hard';
  return 'again';
}
