import 'server-only';
import type { Question } from '@/lib/scenarios';

/**
 * The generated questions of recent attempts, in process memory, so grading an answer does not fetch and
 * JSON-parse the stored question (about 4 KB) on every submission. Safe because a row of attempt_questions
 * is written once when the attempt starts and never changes, and attempt ids are random UUIDs never reused.
 * Least-recently-used attempts are dropped beyond `MAX_ATTEMPTS` (a class of a few hundred students; some
 * 100–300 KB each). Entries are promises so concurrent misses for one attempt share a single load.
 * Callers must not mutate the questions they get.
 */
const MAX_ATTEMPTS = 500;

type Entry = Promise<ReadonlyMap<string, Question>>;
const CACHE = Symbol.for('service-traffic-trainer.attempt-questions');
type G = typeof globalThis & { [CACHE]?: Map<string, Entry> };

function cache(): Map<string, Entry> {
  return ((globalThis as G)[CACHE] ??= new Map());
}

function remember(attemptId: string, entry: Entry): Entry {
  const c = cache();
  c.delete(attemptId);
  c.set(attemptId, entry);
  while (c.size > MAX_ATTEMPTS) c.delete(c.keys().next().value as string);
  return entry;
}

/** Remembers every question of an attempt (all of them: a partial set would hide questions). */
export function cacheQuestions(attemptId: string, questions: readonly Question[]): void {
  remember(attemptId, Promise.resolve(new Map(questions.map((q) => [q.id, q]))));
}

/**
 * The attempt's questions by id: cached, else `load()` (all of the attempt's stored questions). An empty
 * load (nothing stored, e.g. a deleted attempt) is not kept, so a later call asks again; nor is a failed one.
 */
export async function attemptQuestionsCached(attemptId: string, load: () => Promise<Question[]>): Promise<ReadonlyMap<string, Question>> {
  const c = cache();
  const hit = c.get(attemptId);
  if (hit) {
    c.delete(attemptId);
    c.set(attemptId, hit);
    return hit;
  }
  const entry = load().then((questions) => new Map(questions.map((q) => [q.id, q])));
  remember(attemptId, entry);
  try {
    const byId = await entry;
    if (byId.size === 0 && c.get(attemptId) === entry) c.delete(attemptId);
    return byId;
  } catch (error) {
    if (c.get(attemptId) === entry) c.delete(attemptId);
    throw error;
  }
}
