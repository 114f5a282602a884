import 'server-only';
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
 *
 * Kept per database handle (`owner`, the Database object): one app server has one handle, and tests that play
 * two app servers over one database give each its own handle and so its own memory.
 */
const MAX_ATTEMPTS = 500;

export interface AttemptFacts {
  attemptId: string;
  drillId: string;
  tokenHash: string;
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
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.max) break;
      this.map.delete(oldest);
    }
  }
  /** Deletes `key` only while it still holds `value` (a newer entry is left alone). */
  deleteIf(key: string, value: V): void {
    if (this.map.get(key) === value) this.map.delete(key);
  }
}

type QuestionsEntry = Promise<ReadonlyMap<string, Question>>;
const CACHE = Symbol.for('service-traffic-trainer.attempt-cache');
interface Caches {
  facts: Lru<AttemptFacts>;
  questions: Lru<QuestionsEntry>;
}
type G = typeof globalThis & { [CACHE]?: WeakMap<object, Caches> };

// On globalThis: Next may evaluate this module in more than one bundle of the same server.
function caches(owner: object): Caches {
  const g: G = globalThis;
  const all = (g[CACHE] ??= new WeakMap());
  let c = all.get(owner);
  if (!c) all.set(owner, (c = { facts: new Lru(MAX_ATTEMPTS), questions: new Lru(MAX_ATTEMPTS) }));
  return c;
}

export function rememberAttempt(owner: object, facts: AttemptFacts): void {
  caches(owner).facts.set(facts.attemptId, facts);
}

/** The remembered facts of an attempt, or undefined (never seen here, or dropped). */
export function knownAttempt(owner: object, attemptId: string): AttemptFacts | undefined {
  return caches(owner).facts.get(attemptId);
}

/** Remembers every question of an attempt, in order (all of them: a partial set would hide questions). */
export function cacheQuestions(owner: object, attemptId: string, questions: readonly Question[]): void {
  caches(owner).questions.set(attemptId, Promise.resolve(new Map(questions.map((q) => [q.id, q]))));
}

/**
 * The attempt's questions by id, in the order loaded: cached, else `load()` (all of the attempt's stored questions, in order). Concurrent
 * misses share one load. An empty load (nothing stored, e.g. a deleted attempt) is not kept, so a later call
 * asks again; nor is a failed one.
 */
export async function attemptQuestionsCached(
  owner: object,
  attemptId: string,
  load: () => Promise<Question[]>,
): Promise<ReadonlyMap<string, Question>> {
  const c = caches(owner).questions;
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
