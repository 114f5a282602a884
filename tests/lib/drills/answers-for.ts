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

/** Kinds whose key lists plain field values (fix-it answers are changes graded by running the engine). */
export const PLAIN_KINDS = ['source-ip', 'health-check', 'load-share', 'client-outcome', 'cross-node'] as const;
