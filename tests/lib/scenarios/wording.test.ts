/**
 * Issue 20 "Practice → Wording" for cross-node, policy-choice, api-validation and fix-it: render many seeds and
 * check the text the kinds write (title, prompt, labels, options, displays, explanation, their own steps, and the
 * fix-it grader's feedback) for slips. The API server's exact messages keep their backticks (R-API-3) and are
 * removed before the backtick check; the engine's rule steps (starting "R-…" or "§") are the engine's own text.
 */
import { correctAnswer, gradeAnswer, wrongAnswer } from '@/lib/grading';
import { DIFFICULTIES, generateQuestion, type Question } from '@/lib/scenarios';

const SEEDS = Number(process.env.WORDING_SEEDS ?? 120);
const KINDS = ['cross-node', 'policy-choice', 'api-validation', 'fix-it'] as const;

/** Exact API-server messages (R-API-3), which contain backticks on purpose. */
const API_MESSAGE = /(The Service "[^"]+" is invalid: )?(\[)?spec\.[\w.[\]]+: [^\n]*?(?=$|\]?$|, spec\.|\.$)/g;

function texts(q: Question): string[] {
  const out = [q.title, q.prompt, q.key.explanation, ...q.key.fields.map((f) => f.display)];
  for (const f of q.response.fields) {
    out.push(f.label);
    if (f.type === 'choice') out.push(...f.options.map((o) => o.label));
  }
  out.push(...q.key.steps.filter((s) => !/^(R-[A-Z]|§)/.test(s)));
  for (const answer of [correctAnswer(q), wrongAnswer(q)]) {
    const r = gradeAnswer(q, answer);
    if (r.status === 'graded') {
      out.push(r.feedback, r.expected, ...r.steps.filter((s) => !/^(R-[A-Z]|§)/.test(s)));
      if (r.misconception) out.push(r.misconception.label, r.misconception.explanation);
    }
  }
  return out;
}

const SLIPS: [RegExp, string][] = [
  [/undefined|NaN|\[object Object\]|\$\{|\bnull\b/, 'template leftover'],
  [/`/, 'literal backtick'],
  [/\b1 (endpoints|Pods|nodes|replicas|requirements|connections)\b/, 'plural after 1'],
  [/\b(0|[2-9]|\d{2,}) (endpoint|Pod|node|replica|requirement)\b(?![-s])/, 'singular after a number'],
  [/\b1 of (the )?\d+ \w+ (\w+ )?are\b/, '"1 of the N … are"'],
  [/\b1 of new connections\b/, '"1 of new connections"'],
  [/ {2,}|\s[.,;:](?!\d)|\.\.(?!\.)|,,/, 'spacing or punctuation'],
  [/\b(\w+) \1\b/i, 'repeated word'],
  [/\b(no-drops|no-cross-node|even-pods|client-ip(-no-drops|-even-load)?|even-pod-load)\b/, 'internal id'],
];

describe.each(KINDS)('%s wording', (kind) => {
  it(`has no slips over ${SEEDS} seeds per difficulty`, () => {
    const bad = new Set<string>();
    for (const difficulty of DIFFICULTIES)
      for (let i = 0; i < SEEDS; i++) {
        const q = generateQuestion({ kind, difficulty, seed: `wording-${i}` });
        for (const text of texts(q)) {
          const plain = text.replace(API_MESSAGE, 'MESSAGE');
          for (const [re, what] of SLIPS) {
            const m = re.exec(plain);
            if (m && !(what === 'repeated word' && /^\d/.test(m[1] ?? ''))) bad.add(`${what}: «${plain.slice(Math.max(0, m.index - 40), m.index + 50)}» (${q.id})`);
          }
        }
      }
    expect([...bad].slice(0, 20)).toEqual([]);
  });
});
