import { randomUUID } from 'node:crypto';
import { attemptQuestionsCached, cacheQuestions, knownAttempt, rememberAttempt } from '@/lib/drills/attempt-cache';
import type { Question } from '@/lib/scenarios';

/** One simulated app server's database handle: the cache is kept per handle. */
const SERVER = {};
const q = (id: string) => ({ id, title: `Question ${id}` }) as unknown as Question;

describe('attempt cache: questions', () => {
  it('serves questions cached at attempt start without loading', async () => {
    const id = randomUUID();
    cacheQuestions(SERVER, id, [q('q1'), q('q2')]);
    const load = jest.fn(async () => [q('q9')]);
    const byId = await attemptQuestionsCached(SERVER, id, load);
    expect(load).not.toHaveBeenCalled();
    expect([...byId.keys()]).toEqual(['q1', 'q2']);
  });

  it('shares one load between concurrent misses for the same attempt, then keeps it', async () => {
    const id = randomUUID();
    const load = jest.fn(async () => [q('q1')]);
    const [a, b] = await Promise.all([attemptQuestionsCached(SERVER, id, load), attemptQuestionsCached(SERVER, id, load)]);
    await attemptQuestionsCached(SERVER, id, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.get('q1')).toBe(b.get('q1'));
  });

  it.each([
    ['an empty load (nothing stored)', async () => [] as Question[]],
    ['a failed load', async (): Promise<Question[]> => { throw new Error('connection lost'); }],
  ])('does not keep %s, so the next call asks again', async (_label, first) => {
    const id = randomUUID();
    await attemptQuestionsCached(SERVER, id, first).catch(() => undefined);
    const load = jest.fn(async () => [q('q1')]);
    expect((await attemptQuestionsCached(SERVER, id, load)).has('q1')).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('drops the least recently used attempts beyond its bound', async () => {
    const first = randomUUID();
    cacheQuestions(SERVER, first, [q('q1')]);
    for (let i = 0; i < 600; i++) cacheQuestions(SERVER, randomUUID(), [q('q1')]);
    const load = jest.fn(async () => [q('q1')]);
    await attemptQuestionsCached(SERVER, first, load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('attempt cache: facts', () => {
  const facts = (attemptId: string) => ({ attemptId, drillId: 'd', tokenHash: 'h', refs: [], revealPolicy: 'never' as const });

  it('remembers an attempt until it is dropped as least recently used', () => {
    const kept = randomUUID();
    const dropped = randomUUID();
    rememberAttempt(SERVER, facts(dropped));
    rememberAttempt(SERVER, facts(kept));
    for (let i = 0; i < 498; i++) rememberAttempt(SERVER, facts(randomUUID()));
    expect(knownAttempt(SERVER, kept)).toMatchObject({ attemptId: kept }); // a use moves it to the newest end
    for (let i = 0; i < 2; i++) rememberAttempt(SERVER, facts(randomUUID()));
    expect(knownAttempt(SERVER, dropped)).toBeUndefined();
    expect(knownAttempt(SERVER, kept)).toMatchObject({ attemptId: kept });
  });

  it('knows nothing of an attempt it was never told about', () => {
    expect(knownAttempt(SERVER, randomUUID())).toBeUndefined();
  });
});
