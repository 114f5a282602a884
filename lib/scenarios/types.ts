/**
 * The Questions contract, shared by practice, review and drills: a question is fully determined by its
 * QuestionSpec (so a seed reproduces it anywhere); everything here is JSON-serialisable so it can be stored and
 * sent as is.
 * `PublicQuestion` is what a browser may see; `Question` adds the answer key.
 */
import type { ScenarioInput } from '@/lib/engine';
import type { ConceptId } from './concepts';
import type { MisconceptionId } from './misconceptions';

export const QUESTION_KINDS = [
  'source-ip',
  'health-check',
  'load-share',
  'lb-targets',
  'client-outcome',
  'cross-node',
  'policy-choice',
  'api-validation',
  'fix-it',
  'in-cluster',
  'session-affinity',
  'topology',
  'dns',
  'read-rules',
  'troubleshooting',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const DIFFICULTIES = ['intro', 'standard', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Fully determines a question: same spec → same scenario, prompt and key, in every runtime. */
export interface QuestionSpec {
  kind: QuestionKind;
  difficulty: Difficulty;
  seed: string;
}

export interface ChoiceOption {
  /** Submitted value. */
  value: string;
  label: string;
}

/** Show a field only when another field holds one of these values (fix-it: the parameters of a change). */
export interface FieldCondition {
  field: string;
  oneOf: string[];
}

interface FieldBase {
  /** Key of this field in the submitted answer object. */
  name: string;
  label: string;
  when?: FieldCondition;
}

/** One of the options; exactly one is correct (except in fix-it, where the change is graded by the engine). */
export interface ChoiceField extends FieldBase {
  type: 'choice';
  options: ChoiceOption[];
}
/** How far a percentage or decimal answer may be from the exact share: 0.5 percentage points. */
export const SHARE_TOLERANCE = 0.005;

/** A share of traffic: `1/6`, `16.7%` or `0.1667` (exact, or within SHARE_TOLERANCE). */
export interface ShareField extends FieldBase {
  type: 'share';
}
export interface IntegerField extends FieldBase {
  type: 'integer';
  min: number;
  max: number;
}
export interface IpField extends FieldBase {
  type: 'ip';
}
export type ResponseField = ChoiceField | ShareField | IntegerField | IpField;

/** What the learner gives: one value per field, submitted as `{ [field.name]: string }`. */
export interface ResponseSpec {
  fields: ResponseField[];
}

/** A raw submission as the UI sends it. `gradeAnswer` accepts `unknown` and validates it. */
export type RawAnswer = Record<string, string>;

/** One command the learner "ran" and what it printed (kubectl tables, curl, the rules on a node): shown as preformatted text. */
export interface Evidence {
  command: string;
  output: string;
}

export interface PublicQuestion {
  id: string;
  spec: QuestionSpec;
  title: string;
  prompt: string;
  /** What a real cluster would show (troubleshooting: kubectl and curl; read-rules: the rules on a node); absent for the other kinds. */
  evidence?: Evidence[];
  /** The cluster shown to the learner (engine scenario input). */
  scenario: ScenarioInput;
  response: ResponseSpec;
  concepts: ConceptId[];
}

/** A wrong value that a known misconception predicts. */
export interface Alternative {
  value: string;
  misconception: MisconceptionId;
}

export interface FieldKey {
  field: string;
  /** Canonical correct value: an option value, an exact fraction ("1/6"), an IP, an integer. */
  expected: string;
  /** Human-readable correct answer. */
  display: string;
  alternatives: Alternative[];
}

/** A single change the learner may make in fix-it questions. */
export type Change =
  | { action: 'policy'; policy: 'Cluster' | 'Local' }
  | { action: 'move'; pod: string; node: string }
  | { action: 'replicas'; replicas: number }
  | { action: 'spread' };

export const FIX_GOALS = ['client-ip-no-drops', 'even-pod-load', 'no-drops', 'no-cross-node', 'client-ip-even-load'] as const;
export type FixGoal = (typeof FIX_GOALS)[number];

export interface FixItKey {
  goal: FixGoal;
  /** A change known (by running the engine) to reach the goal. */
  witness: Change;
  /** A change known not to reach it (self-test). */
  counterexample: Change;
}

export interface AnswerKey {
  fields: FieldKey[];
  /** The engine's steps behind the answer (each cites an R-… rule). */
  steps: string[];
  /** One-paragraph explanation of the correct answer. */
  explanation: string;
  fixIt: FixItKey | null;
}

export interface Question extends PublicQuestion {
  key: AnswerKey;
}

export interface SessionOptions {
  seed: string;
  kinds: QuestionKind[];
  difficulty: Difficulty;
  count: number;
}
