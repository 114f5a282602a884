import { CONCEPTS } from '@/lib/scenarios';
import {
  conceptSummaries,
  emptyProgress,
  exportProgress,
  importProgress,
  MASTERY_STREAK,
  recordAttempt,
  recordSession,
  weakConcepts,
  type AttemptRecord,
} from '@/lib/progress';

function attempt(score: number, i = 0, concepts: AttemptRecord['concepts'] = ['uneven-load-under-local']): AttemptRecord {
  return {
    questionId: `load-share:intro:s${i}`,
    kind: 'load-share',
    difficulty: 'intro',
    seed: `s${i}`,
    score,
    at: new Date(Date.UTC(2026, 10, 25, 8, 0, i)).toISOString(),
    ms: 12000,
    concepts,
    misconception: score < 1 ? 'even-per-pod-under-local' : null,
  };
}

describe('recordAttempt', () => {
  it('appends the attempt and updates every concept it tests, without mutating the input', () => {
    const p0 = emptyProgress();
    const frozen = JSON.stringify(p0);
    const p1 = recordAttempt(p0, attempt(1, 0));
    expect(JSON.stringify(p0)).toBe(frozen);
    expect(p1.attempts).toHaveLength(1);
    expect(p1.concepts['uneven-load-under-local']).toMatchObject({ attempts: 1, correct: 1, streak: 1, level: 1, mastered: false });
  });

  it(`masters a concept after ${MASTERY_STREAK} consecutive correct fresh questions`, () => {
    let p = emptyProgress();
    for (let i = 0; i < MASTERY_STREAK - 1; i++) p = recordAttempt(p, attempt(1, i));
    expect(p.concepts['uneven-load-under-local']?.mastered).toBe(false);
    p = recordAttempt(p, attempt(1, 9));
    expect(p.concepts['uneven-load-under-local']?.mastered).toBe(true);
  });

  it.each([
    ['a wrong answer resets the streak', [1, 1, 0], { streak: 0, mastered: false }],
    ['partial credit is not a correct answer', [0.5], { streak: 0, correct: 0 }],
    ['mastery survives one slip while the level stays high', [1, 1, 1, 0], { streak: 0, mastered: true }],
    ['mastery is lost when the level drops below half', [1, 1, 1, 0, 0, 0], { mastered: false }],
  ])('%s', (_name, scores, expected) => {
    let p = emptyProgress();
    scores.forEach((s, i) => (p = recordAttempt(p, attempt(s, i))));
    expect(p.concepts['uneven-load-under-local']).toMatchObject(expected);
  });

  it('keeps at most 500 attempts, dropping the oldest', () => {
    let p = emptyProgress();
    for (let i = 0; i < 510; i++) p = recordAttempt(p, attempt(1, i % 60));
    expect(p.attempts).toHaveLength(500);
    expect(p.concepts['uneven-load-under-local']?.attempts).toBe(510);
  });
});

describe('summaries', () => {
  it('lists every concept, weakest first, and the practised-but-not-mastered ones as weak', () => {
    let p = recordAttempt(emptyProgress(), attempt(0, 1, ['drop-vs-reject']));
    p = recordAttempt(p, attempt(1, 2, ['snat-under-cluster']));
    const s = conceptSummaries(p);
    expect(s).toHaveLength(CONCEPTS.length);
    expect(s[0]?.mastery.attempts === 0 || s[0]?.id === 'drop-vs-reject').toBe(true);
    expect(weakConcepts(p)).toEqual(['drop-vs-reject', 'snat-under-cluster']);
  });
});

describe('export and import', () => {
  it('round-trips a progress document', () => {
    let p = recordAttempt(emptyProgress(), attempt(1));
    p = recordSession(p, { seed: 'abc', difficulty: 'intro', kinds: ['load-share'], count: 5, score: 4, at: '2026-11-25T08:00:00.000Z', ms: 60000 });
    const r = importProgress(exportProgress(p));
    expect(r).toEqual({ ok: true, progress: p });
  });

  it.each([
    ['not JSON', '{oops', [{ path: '', message: expect.stringMatching(/is not JSON/) }]],
    ['another format', JSON.stringify({ format: 'x', version: 1, attempts: [], concepts: {}, sessions: [] }), [{ path: 'format', message: expect.any(String) }]],
    ['a future version', JSON.stringify({ ...emptyProgress(), version: 2 }), [{ path: 'version', message: expect.any(String) }]],
  ])('refuses %s, naming the path', (_name, text, issues) => {
    expect(importProgress(text)).toEqual({ ok: false, issues });
  });

  it('reports every failing field of a bad attempt', () => {
    const bad = { ...emptyProgress(), attempts: [{ ...attempt(1), score: 2, kind: 'nope', at: 'yesterday' }] };
    const r = importProgress(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['attempts[0].at', 'attempts[0].kind', 'attempts[0].score']);
  });
});
