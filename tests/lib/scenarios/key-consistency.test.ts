/**
 * Issue 12 item 14: each q1 kind builds its FieldKeys from one pure function, keyOf(scenario, ask). For 100
 * seeds per difficulty, the question generateQuestion makes is the draft the kind's builder returns for the
 * same seed, and every field's expected value is what keyOf gives for that draft's scenario and ask.
 */
import { DIFFICULTIES, generateQuestion, type QuestionKind } from '@/lib/scenarios';
import type { Draft } from '@/lib/scenarios/kinds/draft';
import { draw, KEYED_KINDS } from './oracle/index';

/** The canonical value a generated field key stands for: a body option's label, else the expected value. */
function canonical(draft: Draft, field: string, expected: string): string {
  if (!field.startsWith('body:')) return expected;
  const f = draft.response.fields.find((x) => x.name === field);
  return f?.type === 'choice' ? (f.options.find((o) => o.value === expected)?.label ?? expected) : expected;
}

describe.each(KEYED_KINDS.map((k) => [k.kind, k] as const))('%s keys come from keyOf', (kind, k) => {
  it.each(DIFFICULTIES)('%s: 100 seeds', (difficulty) => {
    const bad: string[] = [];
    for (let i = 0; i < 100; i++) {
      const seed = `consistency-${i}`;
      const { draft, ask } = draw(k, difficulty, seed);
      const q = generateQuestion({ kind: kind as QuestionKind, difficulty, seed });
      if (q.prompt !== draft.prompt) bad.push(`${seed}: generateQuestion made another question`);
      const want = k.keyOf(draft.scenario, ask as never);
      const got = Object.fromEntries(
        draft.key.fields.map((f) => [f.field, canonical(draft, f.field, f.expected)]),
      );
      if (
        JSON.stringify(got, Object.keys(got).sort()) !== JSON.stringify(want, Object.keys(want).sort()) ||
        Object.keys(got).length !== Object.keys(want).length
      )
        bad.push(`${seed}: ${JSON.stringify(got)} vs keyOf ${JSON.stringify(want)}`);
    }
    expect(bad).toEqual([]);
  });
});
