import { assertRetention, createScheduler, formatInterval, isDue, newSchedule, REVIEW_RATINGS, type Schedule } from '@/lib/review';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

/** A card reviewed Good on day 0, day 1 and day 4: in long-term review. */
function matured(desiredRetention: number): Schedule {
  const s = createScheduler({ desiredRetention });
  let sched = s.rate(newSchedule(T0), 'good', T0);
  sched = s.rate(sched, 'good', days(1));
  return s.rate(sched, 'good', days(4));
}

describe('FSRS scheduling on a fixed clock', () => {
  it('a new item is due immediately and has never been reviewed', () => {
    const s = newSchedule(T0);
    expect(s).toMatchObject({ state: 'new', reps: 0, lapses: 0, lastReview: null, due: T0.toISOString() });
    expect(isDue(s, T0)).toBe(true);
  });

  it('is deterministic: same history and clock give the same schedule', () => {
    expect(matured(0.9)).toEqual(matured(0.9));
  });

  it('orders the next due date Again < Hard < Good < Easy for a reviewed item', () => {
    const s = createScheduler({ desiredRetention: 0.9 });
    const preview = s.preview(matured(0.9), days(10));
    const due = REVIEW_RATINGS.map((r) => new Date(preview[r].due).getTime());
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    expect(new Set(due).size).toBe(4);
  });

  it('counts a lapse when a reviewed item is rated Again', () => {
    const s = createScheduler({ desiredRetention: 0.9 });
    const after = s.rate(matured(0.9), 'again', days(10));
    expect(after.lapses).toBe(1);
    expect(after.state).toBe('relearning');
  });

  it.each([
    [0.8, 0.95],
    [0.85, 0.9],
    [0.9, 0.97],
  ])('a higher desired retention (%s → %s) schedules the next review sooner', (low, high) => {
    const lowS = createScheduler({ desiredRetention: low });
    const highS = createScheduler({ desiredRetention: high });
    const card = matured(0.9);
    const at = new Date(card.due);
    const lowDue = new Date(lowS.rate(card, 'good', at).due).getTime();
    const highDue = new Date(highS.rate(card, 'good', at).due).getTime();
    expect(highDue).toBeLessThan(lowDue);
  });

  it('recall probability falls as time passes and is 0 for an item never reviewed', () => {
    const s = createScheduler({ desiredRetention: 0.9 });
    const card = matured(0.9);
    const r5 = s.retrievability(card, days(5));
    const r30 = s.retrievability(card, days(30));
    expect(r5).toBeGreaterThan(r30);
    expect(r5).toBeLessThanOrEqual(1);
    expect(s.retrievability(newSchedule(T0), T0)).toBe(0);
  });

  it.each([0.5, 0.98, 1, Number.NaN])('refuses desired retention %s with a message naming the range', (r) => {
    expect(() => assertRetention(r)).toThrow(/desired retention must be between 0.7 and 0.97/);
    expect(() => createScheduler({ desiredRetention: r })).toThrow(RangeError);
  });
});

describe('formatInterval', () => {
  it.each([
    [0, '0 min'],
    [10, '10 min'],
    [90, '2 h'],
    [60 * 24, '1 day'],
    [60 * 24 * 3, '3 days'],
    [60 * 24 * 90, '3 months'],
  ])('%s minutes reads "%s"', (minutes, text) => {
    expect(formatInterval(T0, new Date(T0.getTime() + minutes * 60_000).toISOString())).toBe(text);
  });
});
