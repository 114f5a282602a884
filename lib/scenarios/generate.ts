/**
 * generateQuestion / generateSession / toPublicQuestion (the Questions contract). Each kind draws from
 * its own stream of the spec's seed; when a draw cannot make a fair question (e.g. the chosen flow is
 * dropped where a source IP is asked), the next attempt uses `seed#1`, `seed#2`, … — still a pure
 * function of the spec.
 */
import { conceptsForKind } from './concepts';
import { generateApiValidation } from './kinds/api-validation';
import { generateClientOutcome } from './kinds/client-outcome';
import { generateCrossNode } from './kinds/cross-node';
import { generateDns } from './kinds/dns';
import type { Draft, KindGenerator } from './kinds/draft';
import { generateFixIt } from './kinds/fix-it';
import { generateHealthCheck } from './kinds/health-check';
import { generateInCluster } from './kinds/in-cluster';
import { generateLbTargets } from './kinds/lb-targets';
import { generateLoadShare } from './kinds/load-share';
import { generatePolicyChoice } from './kinds/policy-choice';
import { generateReadRules } from './kinds/read-rules';
import { generateSessionAffinity } from './kinds/session-affinity';
import { generateSourceIp } from './kinds/source-ip';
import { generateTopology } from './kinds/topology';
import { generateTroubleshooting } from './kinds/troubleshooting';
import { Rng } from './random';
import type { PublicQuestion, Question, QuestionKind, QuestionSpec, SessionOptions } from './types';
import { DIFFICULTIES, QUESTION_KINDS } from './types';

const GENERATORS: Record<QuestionKind, KindGenerator> = {
  'source-ip': generateSourceIp,
  'health-check': generateHealthCheck,
  'load-share': generateLoadShare,
  'lb-targets': generateLbTargets,
  'client-outcome': generateClientOutcome,
  'cross-node': generateCrossNode,
  'policy-choice': generatePolicyChoice,
  'api-validation': generateApiValidation,
  'fix-it': generateFixIt,
  'in-cluster': generateInCluster,
  'session-affinity': generateSessionAffinity,
  topology: generateTopology,
  dns: generateDns,
  'read-rules': generateReadRules,
  troubleshooting: generateTroubleshooting,
};

/** The labels live in ./labels (pages that only name kinds load no generator); re-exported here as before. */
export { DIFFICULTY_LABELS, KIND_LABELS } from './labels';

const MAX_ATTEMPTS = 60;

/** A stable id for a spec: `kind:difficulty:seed`. */
export function questionId(spec: QuestionSpec): string {
  return `${spec.kind}:${spec.difficulty}:${spec.seed}`;
}

function checkSpec(spec: QuestionSpec): void {
  if (!QUESTION_KINDS.includes(spec.kind)) throw new Error(`unknown question kind "${String(spec.kind)}"`);
  if (!DIFFICULTIES.includes(spec.difficulty)) throw new Error(`unknown difficulty "${String(spec.difficulty)}"`);
  if (typeof spec.seed !== 'string' || spec.seed.length === 0) throw new Error('seed must be a non-empty string');
}

/** The question a spec determines. Pure: same spec → same question (deep-equal), in every runtime. */
export function generateQuestion(spec: QuestionSpec): Question {
  checkSpec(spec);
  const generate = GENERATORS[spec.kind];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rng = new Rng(`${spec.kind}|${spec.difficulty}|${spec.seed}${attempt ? `#${attempt}` : ''}`);
    const draft: Draft | null = generate(rng, spec.difficulty);
    if (draft) {
      return {
        id: questionId(spec),
        spec: { kind: spec.kind, difficulty: spec.difficulty, seed: spec.seed },
        title: draft.title,
        prompt: draft.prompt,
        ...(draft.evidence ? { evidence: draft.evidence } : {}),
        scenario: draft.scenario,
        response: draft.response,
        concepts: conceptsForKind(spec.kind),
        key: draft.key,
      };
    }
  }
  throw new Error(`could not generate a ${spec.kind} question for seed "${spec.seed}" in ${MAX_ATTEMPTS} attempts`);
}

/**
 * The specs of a session: `count` questions, kinds cycled in a seeded order (so a 9-question session
 * covers all 9 kinds), each with seed `<seed>-<index>`. Cheap: lets a page generate question by question.
 */
export function sessionSpecs(o: SessionOptions): QuestionSpec[] {
  if (o.kinds.length === 0) throw new Error('kinds must name at least one question kind');
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > 100) throw new Error('count must be an integer from 1 to 100');
  const rng = new Rng(`session|${o.seed}|${o.difficulty}|${o.kinds.join(',')}`);
  const order: QuestionKind[] = [];
  while (order.length < o.count) order.push(...rng.shuffle(o.kinds));
  return order.slice(0, o.count).map((kind, i) => ({ kind, difficulty: o.difficulty, seed: `${o.seed}-${i + 1}` }));
}

/** The questions of `sessionSpecs(o)`. Same options → same session. */
export function generateSession(o: SessionOptions): Question[] {
  return sessionSpecs(o).map(generateQuestion);
}

/** The question without its answer key: safe to send to a browser. */
export function toPublicQuestion(q: Question): PublicQuestion {
  return {
    id: q.id,
    spec: { ...q.spec },
    title: q.title,
    prompt: q.prompt,
    ...(q.evidence ? { evidence: q.evidence } : {}),
    scenario: q.scenario,
    response: q.response,
    concepts: [...q.concepts],
  };
}
