/** @jest-environment node */
/**
 * Issue 19, item 1: nothing a student receives lets the public generator rebuild a drill question (and so
 * its key). Every response a student gets — join, GET attempt, answer, submit, the drill's public fields and
 * the drill page's HTML — is searched for seeds, and every string in them is tried as a seed.
 */
import { eq } from 'drizzle-orm';
import { renderToString } from 'react-dom/server';
import { tables } from '@/lib/db';
import { generateQuestion, sessionSpecs, type Question, type QuestionKind } from '@/lib/scenarios';
import DrillPage from '@/app/drills/[code]/page';
import { TEST_BACKEND, suiteDatabase } from '../../support/drill-database';
import { correctAnswer } from '../../lib/drills/answers-for';
import { storedQuestions, storedSpecs } from '../../lib/drills/stored-questions';
import { api } from './api-client';

jest.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.44' }) }));

const handle = suiteDatabase({ asAppDatabase: true });

const KINDS: QuestionKind[] = ['source-ip', 'load-share'];
const DIFFICULTY = 'standard';

/** JSON with sorted keys: the stored question went through jsonb, which reorders keys. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v);

/** What identifies a generated question: its text and its cluster. */
const fingerprint = (q: Pick<Question, 'prompt' | 'scenario'>) => canonical([q.prompt, q.scenario]);

/** Every string (keys and values, numbers as text) in a JSON value, and the pieces they split into. */
function candidates(texts: string[], extra: string[]): Set<string> {
  const out = new Set<string>(extra);
  const add = (s: string) => {
    out.add(s);
    for (const piece of s.split(/[\s,;:|/\\#?&=."'()[\]{}<>@*+!]+/)) if (piece) out.add(piece);
  };
  const walk = (v: unknown) => {
    if (typeof v === 'string') add(v);
    else if (typeof v === 'number') add(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        add(k);
        walk(x);
      }
    }
  };
  for (const t of texts) {
    try {
      walk(JSON.parse(t));
    } catch {
      add(t); // HTML: its words
    }
  }
  out.delete('');
  return out;
}

function tryGenerate(kind: QuestionKind, seed: string): Question | null {
  try {
    return generateQuestion({ kind, difficulty: DIFFICULTY, seed });
  } catch {
    return null;
  }
}

/** Seeds among `seeds` from which the public generator rebuilds one of `served`. */
function reproducing(seeds: Iterable<string>, served: Set<string>, attemptId: string): string[] {
  const found: string[] = [];
  for (const c of seeds) {
    // The candidate as a question seed, as a session seed (`sessionSpecs`) and as the old per-student session seed.
    const tries: Array<Question | null> = KINDS.map((k) => tryGenerate(k, c));
    for (const session of [c, `${c}:${attemptId}`]) {
      const first = sessionSpecs({ seed: session, kinds: KINDS, difficulty: DIFFICULTY, count: 2 })[0]!;
      tries.push(tryGenerate(first.kind, first.seed));
    }
    if (tries.some((q) => q && served.has(fingerprint(q)))) found.push(c);
  }
  return found;
}

async function studentSees(variant: 'same' | 'per-student', revealPolicy: 'after-answer' | 'after-submit') {
  const created = await api.createDrill({ body: { title: 'Keys', kinds: KINDS, difficulty: DIFFICULTY, count: 2, variant, revealPolicy } });
  const { code } = created.body as { code: string };
  const name = 'Ada Lovelace';
  const joined = await api.join(code, { body: { name } });
  expect(joined.status).toBe(201);
  const { attemptId, attemptToken } = joined.body as { attemptId: string; attemptToken: string };
  const stored = await storedQuestions(handle.db, attemptId);
  const q1 = stored[0]!.q;
  const responses = [
    joined,
    await api.getDrill(code),
    await api.attempt(attemptId, { token: attemptToken }),
    await api.answer(attemptId, { token: attemptToken, body: { questionId: 'q1', answer: correctAnswer(q1) } }),
    await api.submit(attemptId, { token: attemptToken }),
    await api.attempt(attemptId, { token: attemptToken }),
  ];
  for (const r of responses) expect(r.status).toBeLessThan(300);
  const page = renderToString(await DrillPage({ params: Promise.resolve({ code }) }));
  const [drill] = await handle.db.select().from(tables.drills).where(eq(tables.drills.code, code));
  const [attempt] = await handle.db.select().from(tables.attempts).where(eq(tables.attempts.id, attemptId));
  const specs = await storedSpecs(handle.db, attemptId);
  return {
    code,
    name,
    attemptId,
    attemptToken,
    texts: [...responses.map((r) => r.text), page],
    questionsSent: [joined.body.questions, joined.body.attempt.questions, responses[2]!.body.questions, responses[4]!.body.questions].flat() as object[],
    served: stored.map((row) => row.q),
    secrets: [drill!.seed, attempt!.seed, ...specs.map((ref) => ref.spec.seed)],
    specSeeds: specs.map((ref) => ref.spec.seed),
  };
}

describe(`drill keys cannot be derived from what a student receives (${TEST_BACKEND})`, () => {
  it.each([
    ['same', 'after-answer'],
    ['per-student', 'after-submit'],
  ] as const)('variant %s, reveal %s', async (variant, policy) => {
    const seen = await studentSees(variant, policy);
    const served = new Set(seen.served.map(fingerprint));

    // The check itself can fail: the server's own seeds do rebuild the questions it served.
    expect(reproducing(seen.specSeeds, served, seen.attemptId)).toEqual(seen.specSeeds);

    // No seed (the drill's secret, the session seed, a question seed) appears anywhere a student looks.
    for (const text of seen.texts) for (const secret of seen.secrets) expect(text).not.toContain(secret);
    for (const text of seen.texts) expect(text).not.toMatch(/seed/i);
    // Each question carries only what it shows.
    for (const q of seen.questionsSent) expect(Object.keys(q).sort()).toEqual(['concepts', 'id', 'prompt', 'response', 'scenario', 'title']);

    // Nothing a student sees, tried as a seed in every way the generator takes one, rebuilds a question.
    const pool = candidates(seen.texts, [seen.code, seen.name, seen.attemptId, seen.attemptToken, 'q1', 'q2', '0', '1', '2']);
    expect(pool.size).toBeGreaterThan(50);
    expect(reproducing(pool, served, seen.attemptId)).toEqual([]);
  }, 120_000);
});
