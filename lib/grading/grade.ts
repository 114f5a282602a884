/**
 * The grade phase: per-field partial credit, the misconception the answer matches, and feedback with
 * the engine's steps. Fix-it answers are graded by running the engine on the learner's change.
 */
import {
  answerFigureChange,
  applyChange,
  describeChange,
  clusterSteps,
  failMisconception,
  goalMet,
  PROPERTY_TEXT,
  misconception,
  type Change,
  type ChoiceField,
  type FieldKey,
  type Misconception,
  type MisconceptionId,
  type Question,
  type ResponseField,
} from '@/lib/scenarios';
import { runScenario } from '@/lib/engine';
import { ROOT_PATH } from '@/lib/validation/issues';
import { parseRawAnswer, type AnswerProblem, type ParsedValue } from './parse';
import { parseShareInput, shareMatches } from './share';

export interface GradedPart {
  field: string;
  score: number;
  expected: string;
  given: string;
}
/** Not graded (it costs nothing): every format problem, each on its field (or ROOT_PATH: the answer as a whole). */
export interface InvalidResult {
  status: 'invalid';
  problems: AnswerProblem[];
}
export interface GradedResult {
  status: 'graded';
  /** 0..1, the mean of the parts. */
  score: number;
  parts: GradedPart[];
  misconception: Misconception | null;
  feedback: string;
  /** The correct answer, human readable. */
  expected: string;
  steps: string[];
  /** Apply to the question's scenario before drawing its correct flows (policy-choice: the correct policy). */
  figure?: Change;
}
export type GradeResult = InvalidResult | GradedResult;

function givenText(field: ResponseField | undefined, v: ParsedValue): string {
  if (v.type === 'choice') return (field as ChoiceField | undefined)?.options.find((o) => o.value === v.value)?.label ?? v.value;
  if (v.type === 'share') return v.raw;
  return String(v.value);
}

function partMatches(key: FieldKey, v: ParsedValue): boolean {
  if (v.type === 'share') return shareMatches(v.value, key.expected);
  return String(v.value) === key.expected;
}

function alternativeMatch(key: FieldKey, v: ParsedValue): MisconceptionId | null {
  for (const alt of key.alternatives) {
    if (v.type === 'share') {
      if (shareMatches(v.value, alt.value)) return alt.misconception;
    } else if (String(v.value) === alt.value) return alt.misconception;
  }
  return null;
}


function summary(score: number, parts: number): string {
  if (score === 1) return 'Correct.';
  if (score === 0) return parts > 1 ? 'Not right: no part matches.' : 'Not right.';
  return `Partly right: ${Math.round(score * 100)}% of the answer matches.`;
}

export function gradeAnswer(q: Question, raw: unknown): GradeResult {
  const parsed = parseRawAnswer(q, raw);
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  if (q.key.fixIt) return gradeFixIt(q, parsed.values);
  const fieldsByName = new Map(q.response.fields.map((f) => [f.name, f]));
  const parts: GradedPart[] = [];
  let mis: MisconceptionId | null = null;
  for (const key of q.key.fields) {
    const v = parsed.values.get(key.field);
    const field = fieldsByName.get(key.field);
    const label = field?.label ?? key.field;
    if (!v) {
      parts.push({ field: label, score: 0, expected: key.display, given: '' });
      continue;
    }
    const ok = partMatches(key, v);
    parts.push({ field: label, score: ok ? 1 : 0, expected: key.display, given: givenText(field, v) });
    if (!ok && !mis) mis = alternativeMatch(key, v);
  }
  const score = parts.length ? parts.reduce((a, p) => a + p.score, 0) / parts.length : 0;
  const m = mis ? misconception(mis) : null;
  const feedback = [summary(score, parts.length), m ? `Your answer matches a common misconception: ${m.label}.` : '', score < 1 ? q.key.explanation : '']
    .filter(Boolean)
    .join(' ');
  return {
    status: 'graded',
    score,
    parts,
    misconception: m,
    feedback,
    expected: parts.map((p) => `${p.field}: ${p.expected}`).join('; '),
    steps: q.key.steps,
    ...withFigure(q),
  };
}

const invalid = (field: string, message: string): InvalidResult => ({ status: 'invalid', problems: [{ field, message }] });

function withFigure(q: Question): { figure?: Change } {
  const figure = answerFigureChange(q);
  return figure ? { figure } : {};
}

function changeFrom(values: Map<string, ParsedValue>): Change | InvalidResult {
  const action = values.get('action')?.value;
  switch (action) {
    case 'policy': {
      const policy = values.get('policy')?.value;
      return policy === 'Cluster' || policy === 'Local' ? { action, policy } : invalid('policy', 'must be Cluster or Local');
    }
    case 'move':
      return { action, pod: String(values.get('pod')?.value), node: String(values.get('node')?.value) };
    case 'replicas':
      return { action, replicas: Number(values.get('replicas')?.value) };
    case 'spread':
      return { action };
    default:
      return invalid('action', 'choose one of the options');
  }
}

function gradeFixIt(q: Question, values: Map<string, ParsedValue>): GradeResult {
  const fix = q.key.fixIt;
  if (!fix) throw new Error('not a fix-it question');
  const change = changeFrom(values);
  if ('status' in change) return change;
  let changed;
  try {
    changed = applyChange(q.scenario, change);
  } catch (e) {
    return invalid(ROOT_PATH, `the change cannot be made: ${(e as Error).message}`);
  }
  const run = runScenario(changed);
  if (!run.ok) return invalid(ROOT_PATH, `the cluster would not be valid after this change (${run.issues.map((i) => i.message).join('; ')})`);
  const answer = run.answer;
  const { score, failing } = goalMet(answer, fix.goal);
  const first = failing[0];
  const mid = first ? failMisconception(changed.service.spec.externalTrafficPolicy ?? 'Cluster', changed.cluster.proxyMode, first) : null;
  const m = mid ? misconception(mid) : null;
  const given = describeChange(change);
  const expected = describeChange(fix.witness);
  const result = failing.length === 0 ? 'the goal is reached' : `still not met: ${failing.map((p) => PROPERTY_TEXT[p]).join('; ')}`;
  return {
    status: 'graded',
    score,
    parts: [{ field: 'Change', score, expected, given }],
    misconception: m,
    feedback: [
      score === 1 ? `Correct: after "${given}" the engine finds the goal reached.` : `After "${given}" the engine finds: ${result}.`,
      m ? `This matches a common misconception: ${m.label}.` : '',
      score < 1 ? `One change that works: ${expected}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    expected: `Any change that reaches the goal, e.g. ${expected}`,
    steps: [`After your change (${given}): ${result}.`, ...clusterSteps(answer, fix.goal)],
  };
}

/** Exposed for callers that grade one typed share outside a question (drills' quick checks). */
export { parseShareInput };
