/** What a kind generator produces: everything of a Question except its identity and concepts. */
import type { ScenarioInput } from '@/lib/engine';
import type { Rng } from '../random';
import type { AnswerKey, Difficulty, Evidence, ResponseField } from '../types';

export interface Draft {
  title: string;
  prompt: string;
  evidence?: Evidence[];
  scenario: ScenarioInput;
  response: { fields: ResponseField[] };
  key: AnswerKey;
}

/** A kind generator returns null when this draw cannot make a fair question; the caller redraws. */
export type KindGenerator = (rng: Rng, difficulty: Difficulty) => Draft | null;
