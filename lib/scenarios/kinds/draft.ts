/** What a kind generator produces: everything of a Question except its identity and concepts. */
import Fraction from 'fraction.js';
import type { Answer, FlowAnswer, ScenarioInput } from '@/lib/engine';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { AnswerKey, ChoiceField, ChoiceOption, Difficulty, FieldKey, ResponseField } from '../types';

export interface Draft {
  title: string;
  prompt: string;
  scenario: ScenarioInput;
  response: { fields: ResponseField[] };
  key: AnswerKey;
}

/** A kind generator returns null when this draw cannot make a fair question; the caller redraws. */
export type KindGenerator = (rng: Rng, difficulty: Difficulty) => Draft | null;

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

/** Exact-fraction helpers over the engine's share strings. */
export function frac(s: string | number | Fraction): Fraction {
  return new Fraction(s);
}
export function fracString(f: Fraction): string {
  return f.toFraction();
}
export function sameShare(a: string, b: string): boolean {
  return frac(a).equals(frac(b));
}
/** Two shares a learner could tell apart within the 0.5-point tolerance. */
export function distinctShares(a: string, b: string): boolean {
  return Math.abs(frac(a).valueOf() - frac(b).valueOf()) > 0.0051;
}
export function percent(s: string): string {
  const v = frac(s).valueOf() * 100;
  return `${Number.isInteger(v) ? v : v.toFixed(1)}%`;
}
export function shareDisplay(s: string): string {
  return s === '0' || s === '1' ? `${s} (${percent(s)})` : `${s} ≈ ${percent(s)}`;
}

/** The steps of the flows that matter, de-duplicated, in order. */
export function stepsOf(flows: FlowAnswer[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of flows) {
    for (const s of f.steps) {
      if (!seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
    }
  }
  return out;
}

/** The LB flows of an answer (one per node by default). */
export function lbFlows(answer: Answer): FlowAnswer[] {
  return answer.flows.filter((f) => f.to === 'loadBalancer' && f.from === 'external');
}

export function policyPhrase(policy: string): string {
  return `externalTrafficPolicy: ${policy}`;
}
