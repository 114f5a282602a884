/**
 * Kind 7 — which policy meets stated requirements. The engine evaluates the same cluster under Cluster
 * and under Local (`keyOf`); the options (Cluster / Local / either / neither) are mutually exclusive, so
 * exactly one is correct by construction. The properties are read over the balancer's traffic only
 * (properties.ts): under IPVS a node without a local endpoint that still receives traffic forwards it to
 * another node (R-X-4), so Local then fails "no extra hop" as well as "no drops".
 */
import type { Answer, ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { applyChange } from '../fix-it';
import { buildLayout, describeSetup, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import { failMisconception, failureReason, hasProperty, PROPERTIES, PROPERTY_TEXT, successReason, type Property } from '../properties';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { dataPlaneSentence } from './stated';

type Policy = 'Cluster' | 'Local';
export type PolicyVerdict = Policy | 'either' | 'neither';

export interface PolicyChoiceAsk {
  /** The requirements the team states. */
  required: Property[];
}

/** Answers per scenario object: keyOf and the generator's explanation read the same two runs. */
const byScenario = new WeakMap<ScenarioInput, Record<Policy, Answer>>();

/** The same cluster under each policy (the scenario's own policy is irrelevant). */
export function answersByPolicy(scenario: ScenarioInput): Record<Policy, Answer> {
  const known = byScenario.get(scenario);
  if (known) return known;
  const answers = {
    Cluster: runEngine(applyChange(scenario, { action: 'policy', policy: 'Cluster' })),
    Local: runEngine(applyChange(scenario, { action: 'policy', policy: 'Local' })),
  };
  byScenario.set(scenario, answers);
  return answers;
}

function verdictFrom(answers: Record<Policy, Answer>, required: Property[]): PolicyVerdict {
  const meets = (p: Policy) => required.every((r) => hasProperty(answers[p], r));
  const c = meets('Cluster');
  const l = meets('Local');
  return c && l ? 'either' : c ? 'Cluster' : l ? 'Local' : 'neither';
}

/** The answer key: which policy meets every requirement of `ask`. */
export function keyOf(scenario: ScenarioInput, ask: PolicyChoiceAsk): Record<string, string> {
  return { policy: verdictFrom(answersByPolicy(scenario), ask.required) };
}

export function generatePolicyChoice(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty, { policy: 'Cluster', families: true });
  const scenario = toScenarioInput(layout);
  const picked = rng.sample(PROPERTIES, rng.int(1, difficulty === 'intro' ? 2 : 3));
  const required = PROPERTIES.filter((p) => picked.includes(p));
  const correct = keyOf(scenario, { required }).policy as PolicyVerdict;
  const answers = answersByPolicy(scenario);
  const failing = (p: Policy): Property | undefined => required.find((x) => !hasProperty(answers[p], x));
  const mis = (p: Policy): MisconceptionId | null => {
    const f = failing(p);
    return f ? failMisconception(p, layout.proxyMode, f) : null;
  };
  const choice = choiceField(
    rng,
    'policy',
    'Which externalTrafficPolicy meets every requirement?',
    [
      { value: 'Cluster', label: 'externalTrafficPolicy: Cluster', correct: correct === 'Cluster', misconception: mis('Cluster') },
      { value: 'Local', label: 'externalTrafficPolicy: Local', correct: correct === 'Local', misconception: mis('Local') },
      { value: 'either', label: 'Either policy', correct: correct === 'either', misconception: mis('Cluster') ?? mis('Local') },
      { value: 'neither', label: 'Neither policy meets all of them', correct: correct === 'neither', misconception: null },
    ],
    { shuffle: false },
  );
  const lines = (['Cluster', 'Local'] as const).map(
    (p) =>
      `Under ${p}: ${required
        .map((x) => `${PROPERTY_TEXT[x]} — ${hasProperty(answers[p], x) ? `yes: ${successReason(answers[p], x)}` : `no: ${failureReason(answers[p], x)}`}`)
        .join('; ')}.`,
  );
  const verdictText: Record<PolicyVerdict, string> = {
    Cluster: 'Only Cluster meets every requirement.',
    Local: 'Only Local meets every requirement.',
    either: 'Both policies meet every requirement here.',
    neither: 'Neither policy meets every requirement.',
  };
  const why = (['Cluster', 'Local'] as const)
    .map((p) => {
      const f = failing(p);
      if (f) return `${p} fails because ${failureReason(answers[p], f)}.`;
      return required.length === 1
        ? `${p} meets it: ${successReason(answers[p], required[0] as Property)}.`
        : `${p} meets all ${required.length}.`;
    })
    .join(' ');
  const weightedNote =
    layout.balancing === 'weighted' ? ' Under Cluster there is no health-check node port, so the balancer then splits evenly over the nodes passing its check.' : '';
  return {
    title: 'Which policy meets the requirements?',
    prompt: `${describeSetup(layout, { bothPolicies: true })}${weightedNote}${dataPlaneSentence(layout)} The team requires that ${required.map((r) => PROPERTY_TEXT[r]).join(', and that ')}. Which externalTrafficPolicy meets every requirement for this cluster (whatever it uses today)?`,
    scenario,
    response: { fields: [choice.field] },
    key: {
      fields: [choice.key],
      steps: [...lines, "Each line is the engine's answer for this cluster under that policy, over the connections the balancer sends (R-EXT-1, R-EXT-6, R-LB-6, R-X-1, R-X-2, R-X-4)."],
      explanation: `${why} ${verdictText[correct]}`,
      fixIt: null,
    },
  };
}
