/**
 * Fix-it changes and goals. A change is applied to the question's layout and the engine is run on the
 * result: the learner's change is graded by what the cluster then does, not by comparison with a key.
 * The layout travels inside the scenario, so the grader rebuilds it from the public ScenarioInput.
 */
import type { Answer, ScenarioInput } from '@/lib/engine';
import { runEngine } from './engine-run';
import { entryShare, receivingFlows } from '@/lib/engine';
import { failureReason, hasProperty, listText, PROPERTY_TEXT, type Property } from './properties';
import type { Change, FixGoal } from './types';

export const GOAL_PROPERTIES: Record<FixGoal, Property[]> = {
  'client-ip-no-drops': ['client-ip', 'no-drops'],
  'even-pod-load': ['even-pods', 'no-drops'],
  'no-drops': ['no-drops'],
  'no-cross-node': ['no-cross-node', 'no-drops'],
  'client-ip-even-load': ['client-ip', 'even-pods', 'no-drops'],
};

export const GOAL_TEXT: Record<FixGoal, string> = Object.fromEntries(
  Object.entries(GOAL_PROPERTIES).map(([g, ps]) => [g, ps.map((p) => PROPERTY_TEXT[p]).join(', and ')]),
) as Record<FixGoal, string>;

/** Fraction of the goal's checks the answer meets (1 = goal reached), and which ones fail. */
export function goalMet(answer: Answer, goal: FixGoal): { score: number; failing: Property[] } {
  const props = GOAL_PROPERTIES[goal];
  const failing = props.filter((p) => !hasProperty(answer, p));
  return { score: (props.length - failing.length) / props.length, failing };
}

type Pods = NonNullable<ScenarioInput['cluster']['pods']>;
type Pod = Pods[number];

function podCounts(input: ScenarioInput): Map<string, number> {
  const counts = new Map(input.cluster.nodes.map((n) => [n.name, 0]));
  for (const p of input.cluster.pods ?? []) if (p.node) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  return counts;
}

/** A free Pod IP on a node: its podCIDR's /24 with a host number not yet used. */
function freeIp(input: ScenarioInput, nodeName: string): string {
  const node = input.cluster.nodes.find((n) => n.name === nodeName);
  const base = (node?.podCIDR ?? '10.250.0.0/24').replace(/\.0\/24$/, '.');
  const used = new Set((input.cluster.pods ?? []).map((p) => p.ip));
  for (let h = 200; h < 255; h++) if (!used.has(`${base}${h}`)) return `${base}${h}`;
  throw new Error(`no free Pod IP on ${nodeName}`);
}

/**
 * The health-check port the API server would allocate on a flip to Local (R-API-4): any free port of the NodePort
 * range; a fixed one here, but never one of the Service's own NodePorts (the shared pool would refuse it).
 */
function freeHealthCheckPort(nodePorts: (number | undefined)[]): number {
  let port = 32123;
  while (nodePorts.includes(port)) port--;
  return port;
}

function ready(): Partial<Pod> {
  return { ready: true, terminating: false, serving: undefined };
}

function clean(p: Pod): Pod {
  const out = { ...p };
  for (const k of Object.keys(out) as (keyof Pod)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/**
 * The scenario after one change. Throws (with a learner-facing message) when the change names a Pod or
 * node that does not exist; the grader turns that into an invalid answer.
 */
export function applyChange(input: ScenarioInput, change: Change): ScenarioInput {
  const next: ScenarioInput = JSON.parse(JSON.stringify(input)) as ScenarioInput;
  const pods: Pods = next.cluster.pods ?? [];
  next.cluster.pods = pods;
  const spec = next.service.spec;
  switch (change.action) {
    case 'policy': {
      spec.externalTrafficPolicy = change.policy;
      if (spec.type === 'LoadBalancer' && change.policy === 'Local') spec.healthCheckNodePort ??= freeHealthCheckPort(spec.ports.map((p) => p.nodePort));
      if (change.policy === 'Cluster') delete spec.healthCheckNodePort;
      return next;
    }
    case 'move': {
      const pod = pods.find((p) => p.name === change.pod);
      if (!pod) throw new Error(`there is no Pod named ${change.pod}`);
      if (!next.cluster.nodes.some((n) => n.name === change.node)) throw new Error(`there is no node named ${change.node}`);
      if (pod.node === change.node) return next;
      pod.ip = freeIp(next, change.node);
      pod.node = change.node;
      // A rescheduled Pod starts fresh; the new one becomes ready.
      Object.assign(pod, ready());
      next.cluster.pods = pods.map(clean);
      return next;
    }
    case 'replicas': {
      const labels = pods[0]?.labels ?? { ...(spec.selector ?? {}) };
      const prefix = (pods[0]?.name ?? `${next.service.metadata.name}-x-`).replace(/-[^-]+$/, '-');
      let added = 0;
      while (pods.length < change.replicas) {
        const counts = podCounts(next);
        const target = [...counts.entries()].sort((a, b) => a[1] - b[1])[0]?.[0] as string;
        pods.push({ name: `${prefix}new${++added}`, node: target, ip: freeIp(next, target), labels: { ...labels } });
      }
      while (pods.length > change.replicas) {
        const counts = podCounts(next);
        const crowded = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
        const idx = pods.map((p) => p.node).lastIndexOf(crowded);
        pods.splice(idx >= 0 ? idx : pods.length - 1, 1);
      }
      return next;
    }
    case 'spread': {
      const names = next.cluster.nodes.map((n) => n.name);
      const moved = pods.map((p, i) => ({ ...p, node: names[i % names.length] as string }));
      next.cluster.pods = [];
      for (const p of moved) {
        const orig = pods.find((x) => x.name === p.name);
        const staysPut = orig?.node === p.node;
        next.cluster.pods.push(staysPut ? p : { ...p, ip: freeIp(next, p.node as string) });
      }
      return next;
    }
  }
}

export function describeChange(change: Change): string {
  switch (change.action) {
    case 'policy':
      return `set externalTrafficPolicy: ${change.policy}`;
    case 'move':
      return `move ${change.pod} to ${change.node}`;
    case 'replicas':
      return `scale to ${change.replicas} replica${change.replicas === 1 ? '' : 's'}`;
    case 'spread':
      return 'spread the Pods evenly over the nodes';
  }
}

/**
 * Whether `change` makes the cluster reach `goal` (the engine runs the changed cluster). A change the API server
 * would refuse (R-API-3/4) reaches nothing, whatever the data plane would then do.
 */
export function judge(input: ScenarioInput, goal: FixGoal, change: Change): boolean {
  return reaches(runEngine(applyChange(input, change)), goal);
}

/** judge's verdict on the engine's answer for the changed cluster. */
export function reaches(changed: Answer, goal: FixGoal): boolean {
  return changed.validation.valid && goalMet(changed, goal).score === 1;
}

/**
 * The steps a learner reads about a cluster (before or after a change): why each failing requirement fails,
 * the nodes the balancer sends nothing to, then the rule steps of the flows the balancer does send — never
 * the flow of a node that receives nothing (its DROP is not something the clients meet).
 */
/** One sentence per requirement of `goal` that `answer` fails, naming the node or Pod that shows it. */
export function notMet(answer: Answer, goal: FixGoal): string[] {
  return goalMet(answer, goal).failing.map((p) => `“${PROPERTY_TEXT[p]}” fails: ${failureReason(answer, p)}.`);
}

export function clusterSteps(answer: Answer, goal: FixGoal, max = 12): string[] {
  const skipped = answer.flows
    .filter((f) => f.from === 'external' && f.to === 'loadBalancer' && f.node && entryShare(answer, f.node).equals(0))
    .map((f) => f.node as string);
  const seen = new Set<string>();
  const flowSteps: string[] = [];
  for (const f of receivingFlows(answer))
    for (const s of f.steps)
      if (!seen.has(s)) {
        seen.add(s);
        flowSteps.push(s);
      }
  return [
    ...notMet(answer, goal),
    ...(skipped.length > 0 ? [`The balancer sends nothing to ${listText(skipped)}: ${skipped.length === 1 ? 'it fails' : 'they fail'} its health check (R-LB-6).`] : []),
    ...flowSteps.slice(0, max),
  ];
}

export function evaluateChange(input: ScenarioInput, change: Change, goal: FixGoal): { answer: Answer; score: number; failing: Property[] } {
  const answer = runEngine(applyChange(input, change));
  return { answer, ...goalMet(answer, goal) };
}
