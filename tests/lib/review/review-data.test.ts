import {
  conceptStrengths,
  emptyReviewData,
  HISTORY_LIMIT,
  recordReview,
  reviewQueue,
  setDesiredRetention,
  type ReviewData,
  type ReviewInput,
} from '@/lib/review';

const at = (iso: string) => new Date(iso);
const review = (d: ReviewData, o: Omit<ReviewInput, 'day'> & { day?: string }) =>
  recordReview(d, { day: o.now.toISOString().slice(0, 10), ...o });

const CONCEPTS = ['snat-under-cluster', 'health-check-node-port', 'drop-vs-reject', 'policy-trade-offs', 'cross-node-hops'];

describe('recordReview', () => {
  it('schedules the item, logs the review and leaves the input untouched', () => {
    const before = emptyReviewData();
    const after = review(before, { type: 'concept', id: 'snat-under-cluster', rating: 'good', now: at('2026-03-01T09:00:00Z'), score: 1, seed: 's1', kind: 'source-ip' });
    expect(before).toEqual(emptyReviewData());
    expect(after.concepts['snat-under-cluster']).toMatchObject({ lastSeed: 's1', schedule: { reps: 1, lastReview: '2026-03-01T09:00:00.000Z' } });
    expect(after.history).toEqual([
      { at: '2026-03-01T09:00:00.000Z', day: '2026-03-01', type: 'concept', id: 'snat-under-cluster', rating: 'good', score: 1, seed: 's1', kind: 'source-ip', source: 'review' },
    ]);
    expect(after.cards).toEqual({});
  });

  it('keeps cards and concepts apart even with the same id', () => {
    let d = review(emptyReviewData(), { type: 'card', id: 'x', rating: 'again', now: at('2026-03-01T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'x', rating: 'easy', now: at('2026-03-01T09:00:00Z') });
    expect(d.cards.x?.schedule.due).not.toBe(d.concepts.x?.schedule.due);
  });

  it('uses the learner’s desired retention for the next interval', () => {
    const rate = (r: number) => {
      let d = setDesiredRetention(emptyReviewData(), r);
      d = review(d, { type: 'concept', id: 'c', rating: 'good', now: at('2026-03-01T09:00:00Z') });
      d = review(d, { type: 'concept', id: 'c', rating: 'good', now: at('2026-03-02T09:00:00Z') });
      d = review(d, { type: 'concept', id: 'c', rating: 'good', now: at('2026-03-06T09:00:00Z') });
      return new Date(d.concepts.c!.schedule.due).getTime();
    };
    expect(rate(0.95)).toBeLessThan(rate(0.8));
  });

  it(`keeps at most ${HISTORY_LIMIT} history entries, dropping the oldest`, () => {
    let d = emptyReviewData();
    d = { ...d, history: Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ at: '2026-01-01T00:00:00.000Z', day: '2026-01-01', type: 'card' as const, id: `old-${i}`, rating: 'good' as const, score: null, seed: null, kind: null, source: 'interview' as const })) };
    d = review(d, { type: 'card', id: 'newest', rating: 'good', now: at('2026-03-01T09:00:00Z') });
    expect(d.history).toHaveLength(HISTORY_LIMIT);
    expect(d.history[0]?.id).toBe('old-1');
    expect(d.history.at(-1)?.id).toBe('newest');
  });

  it('refuses a desired retention outside the allowed range', () => {
    expect(() => setDesiredRetention(emptyReviewData(), 0.3)).toThrow(/between 0.7 and 0.97/);
  });
});

describe('reviewQueue and weakness', () => {
  // snat: reviewed well 3 times (strong); drop: learnt, then forgotten (a lapse); health: reviewed once, long ago.
  function history(): ReviewData {
    let d = emptyReviewData();
    d = review(d, { type: 'concept', id: 'snat-under-cluster', rating: 'good', now: at('2026-03-01T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'snat-under-cluster', rating: 'good', now: at('2026-03-02T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'snat-under-cluster', rating: 'easy', now: at('2026-03-08T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'health-check-node-port', rating: 'good', now: at('2026-03-01T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'drop-vs-reject', rating: 'good', now: at('2026-03-01T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'drop-vs-reject', rating: 'good', now: at('2026-03-02T09:00:00Z') });
    d = review(d, { type: 'concept', id: 'drop-vs-reject', rating: 'again', now: at('2026-03-08T09:00:00Z') });
    d = review(d, { type: 'card', id: 'why-cluster-loses-client-ip', rating: 'again', now: at('2026-03-08T09:10:00Z') });
    return d;
  }
  const now = at('2026-03-10T12:00:00Z');
  const options = { conceptIds: CONCEPTS, cardIds: ['why-cluster-loses-client-ip', 'never-seen-card'], now, until: at('2026-03-11T00:00:00Z'), today: '2026-03-10' };

  it('lists due items weakest first and leaves out what is not due', () => {
    const q = reviewQueue(history(), options);
    const ids = q.due.map((s) => `${s.type}:${s.id}`);
    expect(ids).not.toContain('concept:snat-under-cluster');
    expect(ids).toEqual(expect.arrayContaining(['concept:drop-vs-reject', 'concept:health-check-node-port', 'card:why-cluster-loses-client-ip']));
    const r = q.due.map((s) => s.retrievability ?? 0);
    expect([...r].sort((a, b) => a - b)).toEqual(r);
  });

  it('offers concepts never reviewed as new, up to the daily allowance', () => {
    const q = reviewQueue(history(), { ...options, newPerDay: 1 });
    expect(q.fresh.map((s) => s.id)).toEqual(['policy-trade-offs']);
    expect(reviewQueue(history(), options).fresh.map((s) => s.id)).toEqual(['policy-trade-offs', 'cross-node-hops']);
  });

  it('counts concepts started today against the new allowance', () => {
    const d = review(history(), { type: 'concept', id: 'policy-trade-offs', rating: 'good', now: at('2026-03-10T08:00:00Z') });
    const q = reviewQueue(d, { ...options, newPerDay: 1 });
    expect(q.fresh).toEqual([]);
  });

  it('ranks studied concepts weakest first and puts unstarted ones last', () => {
    const s = conceptStrengths(history(), CONCEPTS, now);
    expect(s.map((x) => x.id).slice(-2)).toEqual(['policy-trade-offs', 'cross-node-hops']);
    expect(s.at(-1)?.retrievability).toBeNull();
    expect(s[0]?.id).not.toBe('snat-under-cluster');
    expect(s.find((x) => x.id === 'drop-vs-reject')?.lapses).toBe(1);
    const seen = s.filter((x) => x.retrievability !== null).map((x) => x.retrievability as number);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
