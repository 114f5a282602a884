/**
 * PrairieLearn's `test` phase: for any question, build a correct, a wrong and a malformed answer from
 * its key. The self-test (tests/lib/grading/self-test.test.ts, and the bench over 10,000 seeds per kind)
 * checks the grader scores them 1, below 1 and invalid.
 */
import type { Change, FieldKey, Question, RawAnswer, ResponseField } from '@/lib/scenarios';
import Fraction from 'fraction.js';

export function changeToRaw(c: Change): RawAnswer {
  switch (c.action) {
    case 'policy':
      return { action: 'policy', policy: c.policy };
    case 'move':
      return { action: 'move', pod: c.pod, node: c.node };
    case 'replicas':
      return { action: 'replicas', replicas: String(c.replicas) };
    case 'spread':
      return { action: 'spread' };
  }
}

export function correctAnswer(q: Question): RawAnswer {
  if (q.key.fixIt) return changeToRaw(q.key.fixIt.witness);
  return Object.fromEntries(q.key.fields.map((k) => [k.field, k.expected]));
}

function wrongValue(field: ResponseField | undefined, key: FieldKey): string {
  const alt = key.alternatives[0];
  if (alt) return alt.value;
  switch (field?.type) {
    case 'choice': {
      const other = field.options.find((o) => o.value !== key.expected);
      if (!other) throw new Error(`choice ${field.name} has no wrong option`);
      return other.value;
    }
    case 'share': {
      const v = new Fraction(key.expected).valueOf();
      return v > 0.5 ? String(Math.round((v - 0.25) * 1000) / 1000) : String(Math.round((v + 0.25) * 1000) / 1000);
    }
    case 'integer':
      return String(Number(key.expected) === field.max ? field.max - 1 : Number(key.expected) + 1);
    default:
      return '192.0.2.254' === key.expected ? '192.0.2.253' : '192.0.2.254';
  }
}

/** Every field right except the first, which gets a wrong value (a misconception's when there is one). */
export function wrongAnswer(q: Question): RawAnswer {
  if (q.key.fixIt) return changeToRaw(q.key.fixIt.counterexample);
  const raw = correctAnswer(q);
  const first = q.key.fields[0];
  if (!first) throw new Error('question has no fields');
  raw[first.field] = wrongValue(q.response.fields.find((f) => f.name === first.field), first);
  return raw;
}

const GARBAGE: Record<ResponseField['type'], string> = {
  choice: 'none-of-these',
  share: 'about a third',
  integer: 'three',
  ip: '300.1.2.3',
};

/** The correct answer with its first field made unreadable. */
export function invalidAnswer(q: Question): RawAnswer {
  const raw = correctAnswer(q);
  const first = q.response.fields.find((f) => !f.when || f.when.oneOf.includes(raw[f.when.field] ?? ''));
  if (!first) throw new Error('question has no fields');
  raw[first.name] = GARBAGE[first.type];
  return raw;
}
