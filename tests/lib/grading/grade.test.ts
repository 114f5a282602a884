/**
 * Grading behaviour on generated questions: invalid answers name the field and cost nothing, partial
 * credit is per field, misconceptions are named, fix-it is graded by running the engine on the change.
 */
import { evaluateChange, generateQuestion, type Change, type Question, type QuestionKind } from '@/lib/scenarios';
import { answerIssues, changeToRaw, correctAnswer, gradeAnswer, parseRawAnswer, problemsFromIssues } from '@/lib/grading';

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
    ['not an object', 'oops', [{ field: '', message: 'must be an object of field → value' }]],
    ['an array', ['1/6'], [{ field: '', message: 'must be an object of field → value' }]],
    [
      'a missing field',
      {},
      [
        { field: 'podShare', message: 'has no answer' },
        { field: 'nodeShare', message: 'has no answer' },
      ],
    ],
    ['an empty field', { podShare: '  ', nodeShare: '1/2' }, [{ field: 'podShare', message: 'has no answer' }]],
    [
      'an unreadable share',
      { podShare: 'abc', nodeShare: '1/2' },
      [{ field: 'podShare', message: '"abc" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)' }],
    ],
    [
      'a percentage above 100',
      { podShare: '1/2', nodeShare: '120%' },
      [{ field: 'nodeShare', message: '"120%" is more than the whole: a share is between 0 and 1 (0% to 100%)' }],
    ],
  ])('%s is invalid, each problem on its field', (_name, raw, problems) => {
    expect(q.response.fields.map((f) => f.name)).toEqual(['podShare', 'nodeShare']);
    expect(gradeAnswer(q, raw)).toEqual({ status: 'invalid', problems });
  });

  it('names every failing field, not only the first', () => {
    const r = gradeAnswer(q, { podShare: 'x', nodeShare: 'y' });
    expect(r.status === 'invalid' && r.problems.map((p) => p.field)).toEqual(['podShare', 'nodeShare']);
  });

  it('refuses a choice that is not one of the options', () => {
    const mc = first('client-outcome', () => true);
    const r = gradeAnswer(mc, { outcome: 'explodes' });
    expect(r).toEqual({ status: 'invalid', problems: [{ field: 'outcome', message: '"explodes" is not one of the options' }] });
  });

  it('refuses an integer out of range and an address that is not IPv4, on their fields', () => {
    const fix = first('fix-it', () => true);
    expect(gradeAnswer(fix, { action: 'replicas', replicas: '40' })).toEqual({
      status: 'invalid',
      problems: [{ field: 'replicas', message: '40 is outside 1–12' }],
    });
    // No kind asks for an address today; the parser's IP field, on a question's copy.
    const ip = { ...q, response: { ...q.response, fields: [{ type: 'ip' as const, name: 'clientIp', label: 'Client IP' }] } };
    expect(parseRawAnswer(ip, { clientIp: '10.0.0.300' })).toEqual({
      ok: false,
      problems: [{ field: 'clientIp', message: '"10.0.0.300" is not an IPv4 address such as 10.0.1.10' }],
    });
  });
});

describe('answer problems as API issues', () => {
  it('puts each on answer.<field>, the answer as a whole on answer, and reads them back', () => {
    const problems = [
      { field: 'podShare', message: '"abc" is not a share' },
      { field: '', message: 'must be an object of field → value' },
    ];
    const issues = answerIssues(problems);
    expect(issues).toEqual([
      { path: 'answer.podShare', message: '"abc" is not a share' },
      { path: 'answer', message: 'must be an object of field → value' },
    ]);
    expect(problemsFromIssues([...issues, { path: 'questionId', message: 'Expected one of q1' }])).toEqual(problems);
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
    expect(r).toEqual({
      status: 'invalid',
      problems: [
        { field: 'pod', message: '"no-such-pod" is not one of the options' },
        { field: 'node', message: '"x" is not one of the options' },
      ],
    });
  });
});
