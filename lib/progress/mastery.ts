/**
 * The mastery model, pure: every function returns a new Progress and never mutates its input.
 * A concept is mastered after MASTERY_STREAK consecutive fully correct answers (each question is a fresh
 * scenario); a wrong answer resets the streak, and mastery is lost when the level drops below LOSE_BELOW.
 */
import type { ConceptId } from '@/lib/scenarios';
import { CONCEPT_IDS } from '@/lib/scenarios';
import {
  MAX_ATTEMPTS,
  MAX_SESSIONS,
  PROGRESS_FORMAT,
  PROGRESS_VERSION,
  type AttemptRecord,
  type ConceptMastery,
  type Progress,
  type SessionRecord,
} from './schema';

export const MASTERY_STREAK = 3;
/** Weight of the newest answer in the level (exponential moving average). */
export const LEVEL_WEIGHT = 0.3;
export const LOSE_BELOW = 0.5;

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, attempts: [], concepts: {}, sessions: [] };
}

export function emptyMastery(): ConceptMastery {
  return { attempts: 0, correct: 0, streak: 0, level: 0, lastSeen: null, mastered: false };
}

function updateMastery(m: ConceptMastery, score: number, at: string): ConceptMastery {
  const correct = score >= 1;
  const streak = correct ? m.streak + 1 : 0;
  const level = m.attempts === 0 ? score : m.level * (1 - LEVEL_WEIGHT) + score * LEVEL_WEIGHT;
  // Once mastered, kept until a wrong answer pulls the level below LOSE_BELOW.
  const mastered = streak >= MASTERY_STREAK || (m.mastered && level >= LOSE_BELOW);
  return {
    attempts: m.attempts + 1,
    correct: m.correct + (correct ? 1 : 0),
    streak,
    level: Math.round(level * 10000) / 10000,
    lastSeen: at,
    mastered,
  };
}

/** Records one graded attempt: appends it and updates every concept it tests. */
export function recordAttempt(p: Progress, a: AttemptRecord): Progress {
  const concepts = { ...p.concepts };
  for (const c of a.concepts) concepts[c] = updateMastery(concepts[c] ?? emptyMastery(), a.score, a.at);
  return { ...p, attempts: [...p.attempts, a].slice(-MAX_ATTEMPTS), concepts };
}

export function recordSession(p: Progress, s: SessionRecord): Progress {
  return { ...p, sessions: [...p.sessions, s].slice(-MAX_SESSIONS) };
}

export interface ConceptSummary {
  id: ConceptId;
  mastery: ConceptMastery;
}

/** Every concept, with empty mastery for those never practised, weakest first. */
export function conceptSummaries(p: Progress): ConceptSummary[] {
  return CONCEPT_IDS.map((id) => ({ id, mastery: p.concepts[id] ?? emptyMastery() })).sort(
    (a, b) => Number(a.mastery.mastered) - Number(b.mastery.mastered) || a.mastery.level - b.mastery.level || a.id.localeCompare(b.id),
  );
}

/** Concepts practised but not mastered, weakest first (what to practise next). */
export function weakConcepts(p: Progress): ConceptId[] {
  return conceptSummaries(p)
    .filter((s) => s.mastery.attempts > 0 && !s.mastery.mastered)
    .map((s) => s.id);
}
