import {
  answerRating,
  attemptCounts,
  conceptMastery,
  emptyLearnerRecord,
  learnerQueue,
  masteryLevel,
  MASTERED_STABILITY_DAYS,
  recordAnswer,
  recordDrillAnswer,
  SLOW_ANSWER_MS,
  type AttemptRecord,
  type LearnerRecord,
} from '@/lib/learner';
import { createScheduler, recordReview, type ItemStrength } from '@/lib/review';

const at = (iso: string) => new Date(iso);
const day = (d: Date) => d.toISOString().slice(0, 10);
const CONCEPTS = ['health-check-node-port', 'balancer-node-selection', 'snat-under-cluster', 'drop-vs-reject'];

function answer(r: LearnerRecord, o: { at: string; score: number; ms?: number; concepts?: AttemptRecord['concepts'] }): LearnerRecord {
  const a: AttemptRecord = {
    questionId: `health-check:intro:${o.at}`,
    kind: 'health-check',
    difficulty: 'intro',
    seed: o.at,
    score: o.score,
    at: o.at,
    ms: o.ms ?? 10_000,
    concepts: o.concepts ?? ['health-check-node-port', 'balancer-node-selection'],
    misconception: null,
    source: 'practice',
  };
  return recordAnswer(r, a, day(at(o.at)));
}

const queueAt = (r: LearnerRecord, now: Date) =>
  learnerQueue(r, { conceptIds: CONCEPTS, cardIds: [], now, until: new Date(now.getTime() + 3_600_000), today: day(now) });

describe('practice answers feed review', () => {
  it('rates by the engine’s grade: wrong → Again, partly right → Hard, right → Good, right but slow → Hard', () => {
    expect(answerRating(0, 1000)).toBe('again');
    expect(answerRating(0.5, 1000)).toBe('hard');
    expect(answerRating(1, 1000)).toBe('good');
    expect(answerRating(1, SLOW_ANSWER_MS + 1)).toBe('hard');
  });

  it('a miss schedules every concept of the question within minutes, as a practice rating in the history', () => {
    const r = answer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { at: '2026-03-01T09:00:00.000Z', score: 0 });
    expect(r.attempts).toHaveLength(1);
    for (const id of ['health-check-node-port', 'balancer-node-selection']) {
      const due = new Date(r.concepts[id]!.schedule.due).getTime();
      expect(due - at('2026-03-01T09:00:00Z').getTime()).toBeLessThanOrEqual(10 * 60_000);
    }
    expect(r.history.map((h) => [h.id, h.rating, h.source])).toEqual([
      ['health-check-node-port', 'again', 'practice'],
      ['balancer-node-selection', 'again', 'practice'],
    ]);
    const q = queueAt(r, at('2026-03-01T09:30:00Z'));
    expect(q.filter((e) => e.reason === 'due').map((e) => e.id).sort()).toEqual(['balancer-node-selection', 'health-check-node-port']);
  });

  it('a right answer counts as a successful review: the next one comes later than after a miss', () => {
    const start = emptyLearnerRecord(at('2026-03-01T09:00:00Z'));
    const right = answer(answer(start, { at: '2026-03-01T09:00:00.000Z', score: 1 }), { at: '2026-03-01T09:20:00.000Z', score: 1 });
    const wrong = answer(answer(start, { at: '2026-03-01T09:00:00.000Z', score: 1 }), { at: '2026-03-01T09:20:00.000Z', score: 0 });
    const due = (r: LearnerRecord) => new Date(r.concepts['health-check-node-port']!.schedule.due).getTime();
    expect(right.concepts['health-check-node-port']!.schedule.reps).toBe(2);
    expect(due(right)).toBeGreaterThan(due(wrong) + 86_400_000);
  });

  it('a drill answer rates its concepts too, without an attempt (drills show no seed or kind)', () => {
    const r = recordDrillAnswer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { concepts: ['drop-vs-reject'], score: 0.5, at: at('2026-03-01T09:00:00Z') }, '2026-03-01');
    expect(r.attempts).toEqual([]);
    expect(r.history).toMatchObject([{ id: 'drop-vs-reject', rating: 'hard', source: 'drill', score: 0.5 }]);
  });

  it('counts answers by concept and by kind', () => {
    let r = answer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { at: '2026-03-01T09:00:00.000Z', score: 1 });
    r = answer(r, { at: '2026-03-01T09:01:00.000Z', score: 0, concepts: ['health-check-node-port'] });
    const c = attemptCounts(r);
    expect(c.byConcept.get('health-check-node-port')).toEqual({ answers: 2, right: 1 });
    expect(c.byConcept.get('balancer-node-selection')).toEqual({ answers: 1, right: 1 });
    expect(c.byKind.get('health-check')).toEqual({ answers: 2, right: 1 });
  });
});

describe('the queue mixes due items, recent misses and new concepts', () => {
  it('keeps a recent miss in the queue after it stops being due, until it is reviewed in /review', () => {
    // Missed, then answered right twice: FSRS has it due tomorrow, not within the next hour; the miss is a day old.
    let r = answer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { at: '2026-03-01T09:00:00.000Z', score: 0, concepts: ['snat-under-cluster'] });
    r = answer(r, { at: '2026-03-01T09:10:00.000Z', score: 1, concepts: ['snat-under-cluster'] });
    r = answer(r, { at: '2026-03-01T09:30:00.000Z', score: 1, concepts: ['snat-under-cluster'] });
    const now = at('2026-03-02T08:00:00Z');
    expect(new Date(r.concepts['snat-under-cluster']!.schedule.due).getTime()).toBeGreaterThan(now.getTime() + 3_600_000);
    const q = queueAt(r, now);
    expect(q.find((e) => e.id === 'snat-under-cluster')).toMatchObject({ reason: 'missed', missedAt: '2026-03-01T09:00:00.000Z' });
    expect(q.filter((e) => e.reason === 'new').map((e) => e.id)).not.toContain('snat-under-cluster');
    // Reviewed in /review: no longer a recent miss.
    const reviewed = recordReview(r, { type: 'concept', id: 'snat-under-cluster', rating: 'good', now: at('2026-03-02T07:00:00Z'), day: '2026-03-02' });
    expect(queueAt(reviewed, now).find((e) => e.id === 'snat-under-cluster')).toBeUndefined();
  });

  it('forgets misses older than a week', () => {
    const r = answer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { at: '2026-03-01T09:00:00.000Z', score: 0, concepts: ['snat-under-cluster'] });
    const q = queueAt(r, at('2026-03-09T10:00:00Z'));
    expect(q.find((e) => e.id === 'snat-under-cluster')?.reason).not.toBe('missed');
  });
});

describe('one mastery model, from FSRS state', () => {
  const strength = (o: Partial<ItemStrength>): ItemStrength => ({ type: 'concept', id: 'c', retrievability: 0.95, stability: 5, state: 'review', due: null, reps: 3, lapses: 0, ...o });

  it('levels: not started, learning, fading (below desired retention), known, mastered (stable three weeks)', () => {
    expect(masteryLevel(strength({ retrievability: null, state: null }), 0.9)).toBe('not-started');
    expect(masteryLevel(strength({ state: 'relearning' }), 0.9)).toBe('learning');
    expect(masteryLevel(strength({ retrievability: 0.8 }), 0.9)).toBe('fading');
    expect(masteryLevel(strength({ stability: MASTERED_STABILITY_DAYS - 1 }), 0.9)).toBe('known');
    expect(masteryLevel(strength({ stability: MASTERED_STABILITY_DAYS }), 0.9)).toBe('mastered');
  });

  it('the figure is FSRS’s retrievability now: it falls as time passes without review', () => {
    const r = answer(answer(emptyLearnerRecord(at('2026-03-01T09:00:00Z')), { at: '2026-03-01T09:00:00.000Z', score: 1 }), { at: '2026-03-01T09:20:00.000Z', score: 1 });
    const m = (now: string) => conceptMastery(r, CONCEPTS, at(now)).find((x) => x.id === 'health-check-node-port')!;
    const scheduler = createScheduler({ desiredRetention: r.settings.desiredRetention });
    expect(m('2026-03-04T09:00:00Z').retrievability).toBeCloseTo(scheduler.retrievability(r.concepts['health-check-node-port']!.schedule, at('2026-03-04T09:00:00Z')), 10);
    expect(m('2026-03-20T09:00:00Z').retrievability!).toBeLessThan(m('2026-03-04T09:00:00Z').retrievability!);
    expect(conceptMastery(r, CONCEPTS, at('2026-03-04T09:00:00Z')).map((x) => x.id).slice(-2)).toEqual(['snat-under-cluster', 'drop-vs-reject']);
  });
});
