/**
 * The one mastery model: derived from each concept's FSRS state, so /progress and /review show the same
 * figure — the probability of recalling the concept now (retrievability) — and the same level.
 *
 *   not started  never answered or reviewed
 *   learning     in FSRS's (re)learning steps: recently missed or new
 *   fading       recall now below the learner's desired retention: due for review
 *   known        recalled, stability under MASTERED_STABILITY_DAYS
 *   mastered     recalled, and memory stable for MASTERED_STABILITY_DAYS or more
 */
import { conceptStrengths, type ItemStrength } from '@/lib/review';
import type { LearnerRecord } from './record';

export const MASTERY_LEVELS = ['not-started', 'learning', 'fading', 'known', 'mastered'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  'not-started': 'Not started',
  learning: 'Learning',
  fading: 'Fading',
  known: 'Known',
  mastered: 'Mastered',
};

/** Three weeks of stability: the point where /review also moves on to expert questions (difficultyFor). */
export const MASTERED_STABILITY_DAYS = 21;

export interface ConceptMastery extends ItemStrength {
  level: MasteryLevel;
}

export function masteryLevel(s: ItemStrength, desiredRetention: number): MasteryLevel {
  if (s.retrievability === null || s.state === null || s.state === 'new') return 'not-started';
  if (s.state === 'learning' || s.state === 'relearning') return 'learning';
  if (s.retrievability < desiredRetention) return 'fading';
  return (s.stability ?? 0) >= MASTERED_STABILITY_DAYS ? 'mastered' : 'known';
}

/** Every concept's mastery now, weakest first, those never started last. */
export function conceptMastery(record: Pick<LearnerRecord, 'concepts' | 'cards' | 'history' | 'settings'>, conceptIds: readonly string[], now: Date): ConceptMastery[] {
  return conceptStrengths(record, conceptIds, now).map((s) => ({ ...s, level: masteryLevel(s, record.settings.desiredRetention) }));
}
