import { CONCEPTS, generateQuestion } from '@/lib/scenarios';
import { conceptReviewSpec, createScheduler, difficultyFor, newSchedule, ratingFromScore } from '@/lib/review';

const T0 = new Date('2026-03-01T09:00:00Z');

function counterSeeds(...seeds: string[]) {
  let i = 0;
  return () => seeds[Math.min(i++, seeds.length - 1)] as string;
}

describe('conceptReviewSpec', () => {
  it('never reuses the last seed', () => {
    const spec = conceptReviewSpec(['source-ip', 'fix-it'], { schedule: null, lastSeed: 'aaaa' }, counterSeeds('aaaa', 'aaaa', 'bbbb'));
    expect(spec.seed).toBe('bbbb');
  });

  it('fails clearly when the seed source cannot produce a new seed', () => {
    expect(() => conceptReviewSpec(['source-ip'], { schedule: null, lastSeed: 'same' }, () => 'same')).toThrow(/previous seed/);
  });

  it('refuses a concept without question kinds', () => {
    expect(() => conceptReviewSpec([], { schedule: null, lastSeed: null }, () => 'x')).toThrow(/at least one question kind/);
  });

  it('draws the kind from the concept’s kinds, and different seeds reach different kinds', () => {
    const kinds = ['source-ip', 'policy-choice', 'fix-it'] as const;
    const drawn = new Set(Array.from({ length: 40 }, (_, i) => conceptReviewSpec(kinds, { schedule: null, lastSeed: null }, () => `seed-${i}`).kind));
    expect([...drawn].every((k) => (kinds as readonly string[]).includes(k))).toBe(true);
    expect(drawn.size).toBe(3);
  });

  it.each(CONCEPTS.map((c) => [c.id, c.kinds] as const))(
    'a review of %s generates a fresh question that tests it, different each time',
    (id, kinds) => {
      const seeds = counterSeeds('r1', 'r2');
      const first = conceptReviewSpec(kinds, { schedule: null, lastSeed: null }, seeds);
      const second = conceptReviewSpec(kinds, { schedule: null, lastSeed: first.seed }, seeds);
      expect(second.seed).not.toBe(first.seed);
      const q1 = generateQuestion(first);
      const q2 = generateQuestion(second);
      expect(q1.concepts).toContain(id);
      expect(q2.concepts).toContain(id);
      expect(q2.id).not.toBe(q1.id);
    },
  );
});

describe('difficultyFor', () => {
  const s = createScheduler({ desiredRetention: 0.9 });
  const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);
  it('starts at intro for a new or learning item', () => {
    expect(difficultyFor(null)).toBe('intro');
    expect(difficultyFor(newSchedule(T0))).toBe('intro');
    expect(difficultyFor(s.rate(newSchedule(T0), 'good', T0))).toBe('intro');
  });
  it('moves to standard in review and expert once stable for three weeks', () => {
    let sched = s.rate(newSchedule(T0), 'good', T0);
    sched = s.rate(sched, 'good', day(1));
    expect(sched.state).toBe('review');
    expect(difficultyFor(sched)).toBe(sched.stability >= 21 ? 'expert' : 'standard');
    expect(difficultyFor({ ...sched, stability: 30 })).toBe('expert');
    expect(difficultyFor({ ...sched, stability: 5 })).toBe('standard');
  });
});

describe('ratingFromScore', () => {
  it.each([
    [1, 'good'],
    [0.75, 'hard'],
    [0.5, 'hard'],
    [0.49, 'again'],
    [0, 'again'],
  ])('score %s rates the concept %s', (score, rating) => {
    expect(ratingFromScore(score)).toBe(rating);
  });
});
