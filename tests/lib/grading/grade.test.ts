/**
 * Grading behaviour on generated questions: invalid answers name the field and cost nothing, partial
 * credit is per field, misconceptions are named, fix-it is graded by running the engine on the change.
 */
import { evaluateChange, generateQuestion, type Change, type Question, type QuestionKind } from '@/lib/scenarios';
import { changeToRaw, correctAnswer, gradeAnswer } from '@/lib/grading';

function first(kind: QuestionKind, pred: (q: Question) => boolean, difficulty: 'intro' | 'standard' | 'expert' = 'standard'): Question {
  for (let i = 0; i < 400; i++) {
    const q = generateQuestion({ kind, difficulty, seed: `grade-${i}` });
    if (pred(q)) return q;
  }
  throw new Error(`no ${kind} question matched`);
}

describe('gradeAnswer: invalid answers', () => {
  const q = first('load-share', (x) => x.response.fields.length === 2);

  it.each([
    ['not an object', 'oops', /must be an object/],
    ['an array', ['1/6'], /must be an object/],
    ['a missing field', {}, /has no answer/],
    ['an unreadable share', { podShare: 'a third', nodeShare: '1/2' }, /podShare|Share of all new connections served by .*: "a third" is not a share/],
    ['a share above the whole', { podShare: '120%', nodeShare: '1/2' }, /more than the whole/],
  ])('%s is invalid and says why', (_name, raw, reason) => {
    const r = gradeAnswer(q, raw);
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.reason).toMatch(reason);
  });

  it('names every failing field, not only the first', () => {
    const r = gradeAnswer(q, { podShare: 'x', nodeShare: 'y' });
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.reason.split(';')).toHaveLength(2);
  });

  it('refuses a choice that is not one of the options', () => {
    const mc = first('client-outcome', () => true);
    const r = gradeAnswer(mc, { outcome: 'explodes' });
    expect(r).toEqual({ status: 'invalid', reason: 'What does the client see?: "explodes" is not one of the options' });
  });
});

describe('gradeAnswer: partial credit and feedback', () => {
  it('gives credit per field (health check: one node wrong of several)', () => {
    const q = first('health-check', (x) => x.response.fields.length >= 3);
    const raw = correctAnswer(q);
    const key = q.key.fields[0];
    if (!key) throw new Error('no field');
    raw[key.field] = key.expected === '200' ? '503' : '200';
    const r = gradeAnswer(q, raw);
    expect(r.status).toBe('graded');
    if (r.status === 'graded') {
      expect(r.score).toBeCloseTo((q.key.fields.length - 1) / q.key.fields.length, 10);
      expect(r.parts.filter((p) => p.score === 0)).toHaveLength(1);
    }
  });

  it('accepts 1/6, 16.7% and 0.1667 alike for a 1/6 share', () => {
    const q = first('load-share', (x) => x.key.fields[0]?.expected === '1/6', 'standard');
    const other = q.key.fields[1];
    for (const given of ['1/6', '16.7%', '0.1667']) {
      const r = gradeAnswer(q, { podShare: given, ...(other ? { [other.field]: other.expected } : {}) });
      expect(r.status === 'graded' && r.score).toBe(1);
    }
  });

  it('names the misconception a wrong answer matches, with the steps and the expected answer', () => {
    const q = first('lb-targets', (x) => x.key.fields.some((k) => k.alternatives.some((a) => a.misconception === 'counts-empty-nodes')));
    const key = q.key.fields.find((k) => k.alternatives.some((a) => a.misconception === 'counts-empty-nodes'));
    if (!key) throw new Error('no field');
    const raw = { ...correctAnswer(q), [key.field]: 'yes' };
    const r = gradeAnswer(q, raw);
    expect(r.status).toBe('graded');
    if (r.status === 'graded') {
      expect(r.misconception?.id).toBe('counts-empty-nodes');
      expect(r.feedback).toContain('The balancer also sends to nodes without Pods');
      expect(r.steps.length).toBeGreaterThan(0);
      expect(r.expected).toContain('no');
    }
  });

  it('names "SNAT only when crossing nodes" when the client IP is chosen for a local Pod under Cluster', () => {
    const q = first('source-ip', (x) => x.key.fields[0]?.alternatives.some((a) => a.misconception === 'snat-only-when-crossing') ?? false, 'intro');
    const alt = q.key.fields[0]?.alternatives.find((a) => a.misconception === 'snat-only-when-crossing');
    const r = gradeAnswer(q, { sourceIp: alt?.value });
    expect(r.status === 'graded' && r.misconception?.label).toBe('SNAT only when crossing nodes');
  });

  it('says "a drop is a refusal" when refused is picked for a silent drop', () => {
    const q = first('client-outcome', (x) => x.key.fields[0]?.expected === 'timeout');
    const r = gradeAnswer(q, { outcome: 'refused' });
    expect(r.status === 'graded' && r.misconception?.id).toBe('drop-is-refusal');
  });
});

describe('gradeAnswer: fix-it runs the engine on the learner\'s change', () => {
  const q = first('fix-it', (x) => x.key.fixIt?.witness.action === 'policy', 'standard');

  it('scores the witness change 1 and the no-op (the current policy) below 1', () => {
    const fix = q.key.fixIt;
    if (!fix) throw new Error('not fix-it');
    const ok = gradeAnswer(q, correctAnswer(q));
    expect(ok.status === 'graded' && ok.score).toBe(1);
    const noop = gradeAnswer(q, { action: 'policy', policy: fix.counterexample.action === 'policy' ? fix.counterexample.policy : 'Cluster' });
    expect(noop.status === 'graded' && noop.score).toBeLessThan(1);
  });

  it('accepts a change other than the key\'s witness when the engine says it reaches the goal', () => {
    // Find a fix-it question whose witness is a policy flip but where spreading the Pods also works.
    let found: { q: Question; change: Change } | null = null;
    for (let i = 0; i < 400 && !found; i++) {
      const x = generateQuestion({ kind: 'fix-it', difficulty: 'standard', seed: `other-${i}` });
      const fix = x.key.fixIt;
      if (!fix || fix.witness.action === 'spread') continue;
      if (evaluateChange(x.scenario, { action: 'spread' }, fix.goal).score === 1) found = { q: x, change: { action: 'spread' } };
    }
    expect(found).not.toBeNull();
    if (!found) return;
    const r = gradeAnswer(found.q, changeToRaw(found.change));
    expect(r.status === 'graded' && r.score).toBe(1);
  });

  it('treats a Pod that does not exist as invalid, not wrong', () => {
    const r = gradeAnswer(q, { action: 'move', pod: 'no-such-pod', node: 'x' });
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.reason).toMatch(/Pod to move: "no-such-pod" is not one of the options/);
  });
});
