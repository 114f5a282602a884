/** The one way a kind builds a multiple-choice field and its key. */
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { ChoiceField, ChoiceOption, FieldKey } from '../types';

export interface OptionDraft {
  value: string;
  label: string;
  correct: boolean;
  misconception: MisconceptionId | null;
}

/**
 * A choice field with exactly one correct option: options with duplicate values are merged (the
 * correct one wins), then shuffled. Throws if there is not exactly one correct option or fewer than two.
 */
export function choiceField(
  rng: Rng,
  name: string,
  label: string,
  options: OptionDraft[],
  opts: { shuffle?: boolean; display?: string } = {},
): { field: ChoiceField; key: FieldKey } {
  const byValue = new Map<string, OptionDraft>();
  for (const o of options) {
    const prev = byValue.get(o.value);
    if (!prev || (o.correct && !prev.correct)) byValue.set(o.value, o);
  }
  let merged = [...byValue.values()];
  const correct = merged.filter((o) => o.correct);
  if (correct.length !== 1) throw new Error(`choice ${name}: ${correct.length} correct options`);
  if (merged.length < 2) throw new Error(`choice ${name}: only one option`);
  if (opts.shuffle !== false) merged = rng.shuffle(merged);
  const right = correct[0] as OptionDraft;
  const fieldOptions: ChoiceOption[] = merged.map((o) => ({ value: o.value, label: o.label }));
  return {
    field: { type: 'choice', name, label, options: fieldOptions },
    key: {
      field: name,
      expected: right.value,
      display: opts.display ?? right.label,
      alternatives: merged
        .filter((o) => !o.correct && o.misconception)
        .map((o) => ({ value: o.value, misconception: o.misconception as MisconceptionId })),
    },
  };
}
