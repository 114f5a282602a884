/**
 * Kind 8 — does the API server accept this Service, and with which error (R-API-1..3)? The key is
 * `keyOf(scenario, {})`: what kubectl prints, from the engine's validation answer; wrong options are the other
 * R-API-3 messages, instantiated for this Service, so every option reads like something kubectl could print.
 * The prompt shows the Service manifest itself (one line of flow-style YAML: the UI renders a prompt as a
 * paragraph).
 */
import type { ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty } from '../types';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';

/** api-validation asks about the Service as given: no parameters. */
export type ApiValidationAsk = Record<string, never>;

export const ACCEPTED = 'accepted';

type Spec = NonNullable<ScenarioInput['service']>['spec'];

interface Variant {
  id: string;
  describe: string;
  apply(spec: Spec, hcnp: number): void;
  /** The misconception behind answering "accepted" for an invalid variant (a valid one's wrong options: valid-rejected). */
  misconception: MisconceptionId;
}

const VARIANTS: Variant[] = [
  {
    id: 'lb-local-ok',
    describe: 'type LoadBalancer, externalTrafficPolicy: Local, with a healthCheckNodePort',
    apply: (s, hcnp) => Object.assign(s, { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: hcnp }),
    misconception: 'valid-rejected',
  },
  {
    id: 'nodeport-local-ok',
    describe: 'type NodePort, externalTrafficPolicy: Local',
    apply: (s) => Object.assign(s, { type: 'NodePort', externalTrafficPolicy: 'Local' }),
    misconception: 'valid-rejected',
  },
  {
    id: 'clusterip-externalips-ok',
    describe: 'type ClusterIP with an externalIP, externalTrafficPolicy: Local',
    apply: (s) => Object.assign(s, { type: 'ClusterIP', externalTrafficPolicy: 'Local', externalIPs: ['192.0.2.50'] }),
    misconception: 'etp-on-clusterip',
  },
  {
    id: 'clusterip-etp',
    describe: 'type ClusterIP, externalTrafficPolicy set',
    apply: (s) => Object.assign(s, { type: 'ClusterIP', externalTrafficPolicy: 'Local' }),
    misconception: 'etp-on-clusterip',
  },
  {
    id: 'clusterip-etp-cluster',
    describe: 'type ClusterIP, externalTrafficPolicy: Cluster',
    apply: (s) => Object.assign(s, { type: 'ClusterIP', externalTrafficPolicy: 'Cluster' }),
    misconception: 'etp-on-clusterip',
  },
  {
    id: 'nodeport-hcnp',
    describe: 'type NodePort, externalTrafficPolicy: Local, with a healthCheckNodePort',
    apply: (s, hcnp) => Object.assign(s, { type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: hcnp }),
    misconception: 'hcnp-on-nodeport',
  },
  {
    id: 'lb-cluster-hcnp',
    describe: 'type LoadBalancer, externalTrafficPolicy: Cluster, with a healthCheckNodePort',
    apply: (s, hcnp) => Object.assign(s, { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: hcnp }),
    misconception: 'invalid-accepted',
  },
  {
    id: 'bad-value',
    describe: 'a lower-case policy value',
    apply: (s) => Object.assign(s, { type: 'LoadBalancer', externalTrafficPolicy: 'local' }),
    misconception: 'invalid-accepted',
  },
  {
    id: 'bad-itp',
    describe: 'an unsupported internalTrafficPolicy',
    apply: (s) => Object.assign(s, { type: 'NodePort', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'PreferLocal' }),
    misconception: 'invalid-accepted',
  },
  {
    id: 'nodeport-source-ranges',
    describe: 'type NodePort with loadBalancerSourceRanges',
    apply: (s) => Object.assign(s, { type: 'NodePort', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['192.0.2.0/24'] }),
    misconception: 'source-ranges-on-nodeport',
  },
  {
    id: 'nodeport-allocate',
    describe: 'type NodePort with allocateLoadBalancerNodePorts',
    apply: (s) => Object.assign(s, { type: 'NodePort', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: false }),
    misconception: 'invalid-accepted',
  },
];

/** The R-API-3 messages, for this Service's values: the pool of wrong options. */
function messagePool(spec: Spec, hcnp: number): string[] {
  const etp = typeof spec.externalTrafficPolicy === 'string' ? spec.externalTrafficPolicy : 'Local';
  return [
    `spec.externalTrafficPolicy: Invalid value: "${etp}": may only be set for externally-accessible services`,
    `spec.healthCheckNodePort: Invalid value: ${hcnp}: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
    `spec.externalTrafficPolicy: Unsupported value: "${etp}": supported values: "Cluster", "Local"`,
    'spec.healthCheckNodePort: Required value',
    "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    'spec.externalTrafficPolicy: Required value',
  ];
}

const INTERNAL = 'Internal error occurred: ';

/**
 * What the API server answers: field errors as kubectl prints a 422 (R-API-3; several in brackets, in the
 * server's order), or the registry's allocation failure as is (an HTTP 500, R-API-4 as corrected in §20).
 */
export function kubectlMessage(name: string, errors: string[]): string {
  const internal = errors.find((e) => e.startsWith(INTERNAL));
  if (internal) return internal;
  return `The Service "${name}" is invalid: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
}

/** The answer key: `accepted`, or kubectl's exact message (R-API-3). */
export function keyOf(scenario: ScenarioInput, ask: ApiValidationAsk): Record<string, string> {
  void ask;
  const errors = runEngine(scenario).validation.errors;
  return { validation: errors.length === 0 ? ACCEPTED : kubectlMessage(scenario.service.metadata.name, errors) };
}

function yamlScalar(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  return /^[A-Za-z][\w./-]*$/.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v) ? v : JSON.stringify(v);
}

/** A value as one line of flow-style YAML: {type: NodePort, ports: [{port: 80}]}. */
export function flowYaml(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowYaml).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${flowYaml(x)}`)
      .join(', ')}}`;
  return yamlScalar(v);
}

/** The manifest the learner applies: apiVersion, kind, metadata and spec (status is the cloud's, not theirs). */
export function manifestText(scenario: ScenarioInput): string {
  const { metadata, spec } = scenario.service;
  return flowYaml({ apiVersion: 'v1', kind: 'Service', metadata, spec });
}

export function generateApiValidation(rng: Rng, difficulty: Difficulty): Draft | null {
  const layout = buildLayout(rng, difficulty === 'expert' ? 'standard' : difficulty, { conditions: false });
  const pool = difficulty === 'intro' ? VARIANTS.filter((v) => !['bad-itp', 'nodeport-allocate', 'lb-cluster-hcnp'].includes(v.id)) : VARIANTS;
  const variant = rng.pick(pool);
  const scenario = toScenarioInput(layout);
  const spec = scenario.service.spec;
  delete spec.healthCheckNodePort;
  variant.apply(spec, layout.healthCheckNodePort);
  if (spec.type !== 'LoadBalancer') delete scenario.service.status;
  if (spec.type === 'ClusterIP') for (const p of spec.ports) delete p.nodePort;
  const answer = runEngine(scenario);
  // One error at most, so exactly one option is right.
  if (answer.validation.errors.length > 1) return null;
  const key = keyOf(scenario, {}).validation as string;
  const name = scenario.service.metadata.name;
  const right = key === ACCEPTED ? null : key;
  const wrong = rng
    .shuffle(messagePool(spec, layout.healthCheckNodePort).map((m) => kubectlMessage(name, [m])).filter((m) => m !== right))
    .slice(0, right ? 2 : 3);
  const options: OptionDraft[] = [
    {
      value: ACCEPTED,
      label: 'Accepted: the API server stores it',
      correct: right === null,
      misconception: right === null ? null : variant.misconception === 'valid-rejected' ? 'invalid-accepted' : variant.misconception,
    },
    ...(right ? [{ value: 'error-0', label: right, correct: true, misconception: null }] : []),
    ...wrong.map((m, i) => ({
      value: `error-${i + 1}`,
      label: m,
      correct: false,
      // Rejecting a valid Service is believing it breaks a rule; a wrong message for an invalid one is another rule.
      misconception: (right === null ? 'valid-rejected' : 'wrong-error') as MisconceptionId,
    })),
  ];
  const { field, key: fieldKey } = choiceField(rng, 'validation', 'What does kubectl apply report?', options);
  // Values must not reveal which option is right: renumber them in display order.
  const renumber = new Map(field.options.map((o, i) => [o.value, o.value === ACCEPTED ? ACCEPTED : `error-${String.fromCharCode(97 + i)}`]));
  field.options = field.options.map((o) => ({ ...o, value: renumber.get(o.value) ?? o.value }));
  fieldKey.expected = renumber.get(fieldKey.expected) ?? fieldKey.expected;
  fieldKey.alternatives = fieldKey.alternatives.map((a) => ({ ...a, value: renumber.get(a.value) ?? a.value }));
  const external = spec.type !== 'ClusterIP' || (spec.externalIPs ?? []).length > 0;
  return {
    title: 'Does the API server accept this Service?',
    prompt: `You apply this Service to the cluster shown: ${manifestText(scenario)} Does the API server accept it, and if not, which error does kubectl print?`,
    scenario,
    response: { fields: [field] },
    key: {
      fields: [fieldKey],
      steps: right
        ? [
            `The Service is type ${spec.type}${(spec.externalIPs ?? []).length ? ' with externalIPs' : ''}, so it is ${external ? '' : 'not '}externally accessible (R-API-1).`,
            `The API server rejects it (R-API-3) and answers: ${right}`,
          ]
        : [
            `The Service is type ${spec.type}${(spec.externalIPs ?? []).length ? ' with externalIPs' : ''}, so it is externally accessible and externalTrafficPolicy may be set (R-API-1).`,
            `After defaulting: externalTrafficPolicy ${answer.service.externalTrafficPolicy ?? 'unset'}, healthCheckNodePort ${answer.service.healthCheckNodePort ?? 'none'} (R-API-2).`,
          ],
      explanation: right
        ? `This Service (${variant.describe}) breaks a rule of the API server (R-API-3), which answers: ${right}`
        : `This Service (${variant.describe}) is valid: it is externally accessible and every traffic field it sets is allowed for type ${spec.type} (R-API-1, R-API-3), so the API server stores it.`,
      fixIt: null,
    },
  };
}
