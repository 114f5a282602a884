import 'server-only';
import type { StoredQuestionRef } from '@/lib/db';
import type { Question } from '@/lib/scenarios';
import type { RevealPolicy } from './schemas';

/**
 * What this process remembers of recent attempts, so an answer costs one database statement instead of a
 * read, a parse of the stored question (about 4 KB) and a write. Only what never changes after an attempt
 * starts is kept — its token hash, drill, question refs, the drill's reveal policy and the generated questions
 * — so several app servers behind a load balancer stay correct: whatever can change (submitted, deadline,
 * drill closed or deleted) is checked by the statement that stores the answer. Attempt ids are random UUIDs,
 * never reused. Least-recently-used attempts are dropped beyond `MAX_ATTEMPTS` (a class of a few hundred
 * students; some 100–300 KB each with questions). Callers must not mutate what they get.
 */
const MAX_ATTEMPTS = 500;

export interface AttemptFacts {
  attemptId: string;
  drillId: string;
  tokenHash: string;
  refs: readonly StoredQuestionRef[];
  revealPolicy: RevealPolicy;
}

/** A Map kept in use order: a hit moves to the end, the oldest goes first. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  /** Deletes `key` only while it still holds `value` (a newer entry is left alone). */
  deleteIf(key: string, value: V): void {
    if (this.map.get(key) === value) this.map.delete(key);
  }
}

type QuestionsEntry = Promise<ReadonlyMap<string, Question>>;
const CACHE = Symbol.for('service-traffic-trainer.attempt-cache');
type G = typeof globalThis & { [CACHE]?: { facts: Lru<AttemptFacts>; questions: Lru<QuestionsEntry> } };

// On globalThis: Next may evaluate this module in more than one bundle of the same server.
function caches() {
  return ((globalThis as G)[CACHE] ??= { facts: new Lru(MAX_ATTEMPTS), questions: new Lru(MAX_ATTEMPTS) });
}

export function rememberAttempt(facts: AttemptFacts): void {
  caches().facts.set(facts.attemptId, facts);
}

/** The remembered facts of an attempt, or undefined (never seen here, or dropped). */
export function knownAttempt(attemptId: string): AttemptFacts | undefined {
  return caches().facts.get(attemptId);
}

/** Remembers every question of an attempt (all of them: a partial set would hide questions). */
export function cacheQuestions(attemptId: string, questions: readonly Question[]): void {
  caches().questions.set(attemptId, Promise.resolve(new Map(questions.map((q) => [q.id, q]))));
}

/**
 * The attempt's questions by id: cached, else `load()` (all of the attempt's stored questions). Concurrent
 * misses share one load. An empty load (nothing stored, e.g. a deleted attempt) is not kept, so a later call
 * asks again; nor is a failed one.
 */
export async function attemptQuestionsCached(attemptId: string, load: () => Promise<Question[]>): Promise<ReadonlyMap<string, Question>> {
  const c = caches().questions;
  const hit = c.get(attemptId);
  if (hit) return hit;
  const entry = load().then((questions) => new Map(questions.map((q) => [q.id, q])));
  c.set(attemptId, entry);
  try {
    const byId = await entry;
    if (byId.size === 0) c.deleteIf(attemptId, entry);
    return byId;
  } catch (error) {
    c.deleteIf(attemptId, entry);
    throw error;
  }
}
