/**
 * Answers built from a question's key (server-side test knowledge only): the correct one, one that a
 * named misconception predicts, and a merely well-formed one built from the public response spec.
 */
import type { PublicQuestion, Question, RawAnswer } from '@/lib/scenarios';

export function correctAnswer(q: Question): RawAnswer {
  return Object.fromEntries(q.key.fields.map((f) => [f.field, f.expected]));
}

/** The first field answered with a misconception's value, the rest correct; null if the key lists none. */
export function misconceivedAnswer(q: Question): { raw: RawAnswer; misconception: string } | null {
  const field = q.key.fields.find((f) => f.alternatives.length > 0);
  const alt = field?.alternatives[0];
  if (!field || !alt) return null;
  return { raw: { ...correctAnswer(q), [field.field]: alt.value }, misconception: alt.misconception };
}

/** Well-formed for the response spec (first option, a share, the minimum, an address) — not necessarily right. */
export function wellFormedAnswer(q: PublicQuestion): RawAnswer {
  return Object.fromEntries(
    q.response.fields.map((f) => {
      switch (f.type) {
        case 'choice':
          return [f.name, f.options[0]?.value ?? ''];
        case 'share':
          return [f.name, '1/2'];
        case 'integer':
          return [f.name, String(f.min)];
        case 'ip':
          return [f.name, '10.0.0.1'];
      }
    }),
  );
}

/** A well-formed answer that differs from the correct one in its first field. */
export function differentAnswer(q: Question): RawAnswer {
  const right = correctAnswer(q);
  const field = q.response.fields.find((f) => f.name in right)!;
  const other = (() => {
    switch (field.type) {
      case 'choice':
        return field.options.find((o) => o.value !== right[field.name])!.value;
      case 'share':
        return right[field.name] === '0' ? '1' : '0';
      case 'integer':
        return String(Number(right[field.name]) === field.min ? field.min + 1 : field.min);
      case 'ip':
        return right[field.name] === '10.0.0.1' ? '10.0.0.2' : '10.0.0.1';
    }
  })();
  return { ...right, [field.name]: other };
}

/** Kinds whose key lists plain field values (fix-it answers are changes graded by running the engine). */
export const PLAIN_KINDS = ['source-ip', 'health-check', 'load-share', 'client-outcome', 'cross-node'] as const;
