/**
 * Troubleshooting from symptoms (issue 13). A working cluster (a LoadBalancer Service in front of one Deployment)
 * with one fault of the catalogue (troubleshooting-faults.ts) injected; the learner sees what a real cluster would
 * show — `kubectl get`/`describe` and what curl printed, all from lib/troubleshoot (which reads the engine) — and
 * names the cause and the fix.
 *   intro     one obvious fault (selector, readiness, targetPort, a selector too broad); `kubectl get` and one curl
 *             through the balancer
 *   standard  every fault; `kubectl describe` of the Service and a Pod; a second curl to one node's NodePort
 *   expert    decoys (a Pod that is not ready while others are); a third curl to another node's NodePort
 * Every wrong option is a fault whose injection into the same working cluster gives another key (checked here by
 * the engine) and other evidence (checked by tests/lib/scenarios/troubleshooting-evidence.test.ts).
 */
import type { ScenarioInput } from '@/lib/engine';
import { stepsOf } from '@/lib/engine';
import {
  clusterOf,
  commandLine,
  curlCommand,
  curlOutcomes,
  kubectlDescribe,
  kubectlGet,
  type PodEvent,
  type PodRuntime,
  type Workload,
} from '@/lib/troubleshoot';
import type { MisconceptionId } from '../misconceptions';
import { clusterNaming, nodeIdentity, podName, replicaSetHash } from '../names';
import type { Rng } from '../random';
import type { Difficulty, Evidence } from '../types';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';
import { FAULTS, FIX_OF, keyOf, type Fault, type TroubleshootingAsk } from './troubleshooting-faults';

export { keyOf, FAULTS, type Fault, type TroubleshootingAsk } from './troubleshooting-faults';

/** A working cluster and what a fault needs to be injected into it. */
export interface TroubleBase {
  scenario: ScenarioInput;
  ask: TroubleshootingAsk;
  difficulty: Difficulty;
  /** The port the application serves on (the developers say so in the prompt). */
  listenPort: number;
  /** A wrong targetPort (the `target-port` fault). */
  wrongTargetPort: number;
  /** A selector that matches no Pod (the `selector` fault). */
  wrongSelector: Record<string, string>;
  /**
   * Another Deployment in the namespace whose Pods share a label with the app's (`tier`), with the selector that
   * keeps only that shared label (the `broad-selector` fault); null when the namespace runs the app alone.
   */
  other: { app: string; broadSelector: Record<string, string> } | null;
  /** The node whose NodePort the second curl dials (it has Pods in the working cluster); null at intro. */
  nodePortNode: string | null;
  /** Where the `local-no-endpoint` fault moves that node's Pods (a node the balancer curl goes through). */
  balancerNode: string;
  /** The proxying balancer's own address (the `proxy-balancer` fault). */
  balancerIP: string;
  /** The health-check node port a switch to Local allocates (the `local-no-endpoint` fault, from Cluster). */
  healthCheckNodePort: number;
}

const PORTS = [8080, 3000, 5000, 8000, 9090] as const;
/** The other Deployment of the namespace (none is a Service name of lib/scenarios/names), and the label it shares. */
const OTHER_APPS = ['admin', 'docs', 'status', 'blog', 'landing'] as const;
const TIERS = ['web', 'frontend', 'edge'] as const;
const PROBE = 'exec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=3';
/** The kubelet's event for a failing exec readiness probe, repeated since the Pod started (`age`). */
function notReadyEvent(age: string | undefined): PodEvent {
  return {
    type: 'Warning',
    reason: 'Unhealthy',
    age: `8s (x${age === '5m' ? 31 : 99} over ${age ?? '5m'})`,
    from: 'kubelet',
    message: "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory",
  };
}

function allPods(s: ScenarioInput): NonNullable<ScenarioInput['cluster']['pods']> {
  return s.cluster.pods ?? [];
}

/** Is this Pod one of the app's (the Deployment the Service is for), not the other Deployment's? */
function isApp(ask: TroubleshootingAsk, pod: { labels?: Record<string, string> }): boolean {
  return ask.app === undefined || pod.labels?.app === ask.app;
}

function withSpec(
  s: ScenarioInput,
  spec: Partial<ScenarioInput['service']['spec']>,
  drop: Array<keyof ScenarioInput['service']['spec']> = [],
): ScenarioInput {
  const next = { ...s.service.spec, ...spec };
  for (const k of drop) delete next[k];
  return { ...s, service: { ...s.service, spec: next } };
}

/** The workload with `f` applied to the runtime of the Pods named in `only`. */
function withRuntime(w: Workload, only: Set<string>, f: (r: PodRuntime) => PodRuntime): Workload {
  return {
    ...w,
    pods: Object.fromEntries(Object.entries(w.pods ?? {}).map(([n, r]) => [n, only.has(n) ? f(r) : r])),
  };
}

/** The cluster with `fault` injected (pure: the same base and fault give the same question). */
export function applyFault(
  base: TroubleBase,
  fault: Fault,
): { scenario: ScenarioInput; ask: TroubleshootingAsk } {
  const s = base.scenario;
  const ask = base.ask;
  const mine = new Set(
    allPods(s)
      .filter((p) => isApp(ask, p))
      .map((p) => p.name),
  );
  switch (fault) {
    case 'selector':
      return { scenario: withSpec(s, { selector: { ...base.wrongSelector } }), ask };
    case 'readiness':
      return {
        scenario: {
          ...s,
          cluster: {
            ...s.cluster,
            pods: allPods(s).map((p) => (mine.has(p.name) ? { ...p, ready: false } : p)),
          },
        },
        ask: {
          ...ask,
          workload: withRuntime(ask.workload, mine, (r) => ({
            ...r,
            events: [notReadyEvent(ask.workload.age)],
          })),
        },
      };
    case 'target-port':
      return {
        scenario: withSpec(s, {
          ports: s.service.spec.ports.map((p) => ({ ...p, targetPort: base.wrongTargetPort })),
        }),
        ask,
      };
    case 'localhost-only':
      return {
        scenario: s,
        ask: {
          ...ask,
          workload: withRuntime(ask.workload, mine, (r) => ({
            ...r,
            listen: { address: '127.0.0.1', port: base.listenPort },
          })),
        },
      };
    case 'local-no-endpoint': {
      const target = base.balancerNode;
      const node = s.cluster.nodes.find((n) => n.name === target);
      const prefix = node?.podCIDR?.split('.').slice(0, 3).join('.');
      // New Pods get the next free addresses of the node's range, as the node IPAM would hand them out.
      let host =
        Math.max(
          1,
          ...allPods(s)
            .filter((p) => p.node === target)
            .map((p) => Number(p.ip.split('.')[3])),
        ) + 1;
      const pods = allPods(s).map((p) =>
        p.node === base.nodePortNode && mine.has(p.name)
          ? { ...p, node: target, ip: `${prefix}.${host++}` }
          : p,
      );
      const local = withSpec(s, {
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: s.service.spec.healthCheckNodePort ?? base.healthCheckNodePort,
      });
      return { scenario: { ...local, cluster: { ...local.cluster, pods } }, ask };
    }
    case 'snat-cluster':
      return { scenario: withSpec(s, { externalTrafficPolicy: 'Cluster' }, ['healthCheckNodePort']), ask };
    case 'proxy-balancer':
      return { scenario: { ...s, loadBalancer: { preservesClientIP: false, ip: base.balancerIP } }, ask };
    case 'broad-selector':
      if (!base.other)
        throw new Error('troubleshooting: broad-selector needs another Deployment in the namespace');
      return { scenario: withSpec(s, { selector: { ...base.other.broadSelector } }), ask };
  }
}

/**
 * The faults that make a question when injected into `base`, by construction (no engine run, so generation stays
 * cheap): the Local fault needs a NodePort curl to a node with Pods, the source-address faults a team that needs
 * the client address. tests/lib/scenarios/troubleshooting-evidence.test.ts checks with the engine that each one
 * gives its own key.
 */
export function applicableFaults(base: TroubleBase): Fault[] {
  return FAULTS.filter((f) => {
    if (f === 'snat-cluster' || f === 'proxy-balancer') return base.ask.needsClientIp;
    if (f === 'local-no-endpoint') return base.nodePortNode !== null;
    if (f === 'broad-selector') return base.other !== null;
    return true;
  });
}

/** The working cluster: every curl answers, from a Pod that sees what the team expects. */
export function buildBase(rng: Rng, difficulty: Difficulty): TroubleBase | null {
  const naming = clusterNaming(rng);
  const [nMin, nMax] = ({ intro: [2, 3], standard: [3, 4], expert: [3, 5] } as const)[difficulty];
  const nodeCount = rng.int(nMin, nMax);
  const hostStart = rng.int(4, 40);
  const taken = new Set<string>();
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const id = nodeIdentity(rng, naming, i, hostStart + i * 3, taken);
    taken.add(id.name);
    return { name: id.name, ip: id.ip, podCIDR: `10.${naming.podOctet}.${i + 1}.0/24` };
  });
  const svc = naming.serviceName;
  const hash = replicaSetHash(rng);
  const podCount = rng.int(2, difficulty === 'intro' ? 3 : 5);
  const hosts = new Map<string, number>();
  const used = new Set<string>();
  // The first two Pods go to two different nodes, so a NodePort curl and the balancer curl can reach different ones.
  const placement = rng.sample(nodes, 2).concat(Array.from({ length: podCount - 2 }, () => rng.pick(nodes)));
  const pods = placement.map((node) => {
    const i = nodes.indexOf(node);
    const host = (hosts.get(node.name) ?? rng.int(4, 60)) + 1;
    hosts.set(node.name, host);
    let name = podName(rng, svc, hash);
    while (used.has(name)) name = podName(rng, svc, hash);
    used.add(name);
    return {
      name,
      node: node.name,
      ip: `10.${naming.podOctet}.${i + 1}.${host}`,
      labels: { app: svc } as Record<string, string>,
    };
  });
  const withPods = [...new Set(pods.map((p) => p.node))];
  const balancerNode = withPods[0]!;
  const nodePortNode = difficulty === 'intro' ? null : withPods[1]!;
  const needsClientIp = difficulty !== 'intro' && rng.chance(difficulty === 'expert' ? 0.55 : 0.4);
  const listenPort = rng.pick(PORTS);
  const wrongTargetPort = rng.pick([80, ...PORTS.filter((p) => p !== listenPort)]);
  const wrongSelector = rng.pick<Record<string, string>>([
    { app: `${svc}-app` },
    { app: `${svc}-server` },
    { app: svc, tier: 'backend' },
    { app: `${svc}s` },
  ]);
  const nodePort = rng.int(30000, 32767);
  const traffic: NonNullable<ScenarioInput['traffic']> = [
    { from: 'external', to: 'loadBalancer', node: balancerNode },
  ];
  if (nodePortNode) traffic.push({ from: 'external', to: 'nodePort', node: nodePortNode });
  if (difficulty === 'expert') {
    const third = rng.pick(nodes.filter((n) => n.name !== nodePortNode)).name;
    traffic.push({ from: 'external', to: 'nodePort', node: third });
  }
  const spec: ScenarioInput['service']['spec'] = {
    type: 'LoadBalancer',
    selector: { app: svc },
    clusterIP: naming.clusterIP,
    externalTrafficPolicy: needsClientIp ? 'Local' : 'Cluster',
    ports: [{ name: 'http', port: 80, targetPort: listenPort, nodePort, protocol: 'TCP' }],
  };
  let healthCheckNodePort = rng.int(30000, 32767);
  if (healthCheckNodePort === nodePort) healthCheckNodePort = nodePort === 32767 ? 30000 : nodePort + 1;
  if (needsClientIp) spec.healthCheckNodePort = healthCheckNodePort;
  // Under Local, every node a curl dials must have a Pod in the working cluster.
  if (needsClientIp && traffic.some((t) => !withPods.includes(t.node!))) return null;
  const runtime: PodRuntime = { listen: { address: '0.0.0.0', port: listenPort }, readinessProbe: PROBE };
  const workload: Workload = {
    age: rng.pick(['5m', '12m', '3h', '2d']),
    pods: Object.fromEntries(pods.map((p) => [p.name, { ...runtime }])),
  };
  // Expert decoy: one Pod not ready on a node that keeps a ready one (it changes no curl's outcome).
  if (difficulty === 'expert') {
    const crowded = pods.filter(
      (p) => p.node !== nodePortNode && pods.filter((q) => q.node === p.node).length >= 2,
    );
    const decoy = crowded.length > 0 && rng.chance(0.7) ? rng.pick(crowded) : null;
    if (decoy) {
      Object.assign(decoy, { ready: false });
      workload.pods![decoy.name] = { ...runtime, events: [notReadyEvent(workload.age)] };
    }
  }
  // Another Deployment whose Pods share the `tier` label (always at expert when the client address matters, so
  // the source-address faults have four causes to choose from): one of its Pods runs on the balancer's node.
  const withOther =
    rng.chance(difficulty === 'intro' ? 0.4 : 0.5) || (difficulty === 'expert' && needsClientIp);
  let other: TroubleBase['other'] = null;
  if (withOther) {
    const app = rng.pick(OTHER_APPS.filter((a) => a !== svc));
    const tier = rng.pick(TIERS);
    const otherHash = replicaSetHash(rng);
    const on = [nodes.find((n) => n.name === balancerNode)!, ...(rng.chance(0.5) ? [rng.pick(nodes)] : [])];
    for (const node of on) {
      const host = (hosts.get(node.name) ?? rng.int(4, 60)) + 1;
      hosts.set(node.name, host);
      const name = podName(rng, app, otherHash);
      pods.push({
        name,
        node: node.name,
        ip: `10.${naming.podOctet}.${nodes.indexOf(node) + 1}.${host}`,
        labels: { app, tier },
      });
      workload.pods![name] = { ...runtime };
    }
    for (const p of pods) if (p.labels.app === svc) p.labels.tier = tier;
    spec.selector = { app: svc, tier };
    other = { app, broadSelector: { tier } };
  }
  const scenario: ScenarioInput = {
    cluster: { proxyMode: 'iptables', clusterCIDR: naming.clusterCIDR, nodes, pods },
    service: {
      metadata: { name: svc, namespace: naming.namespace },
      spec,
      status: { loadBalancer: { ingress: [{ ip: naming.lbIP }] } },
    },
    client: { ip: naming.clientIP },
    traffic,
  };
  const base: TroubleBase = {
    scenario,
    ask: { workload, needsClientIp, app: svc },
    difficulty,
    listenPort,
    wrongTargetPort,
    wrongSelector,
    other,
    nodePortNode,
    balancerNode,
    balancerIP: `${naming.nodeSubnet}.250`,
    healthCheckNodePort,
  };
  // It works by construction (every curl answers as the team expects); the evidence test checks that with the engine.
  return base;
}

/** The commands the learner sees, and their output (lib/troubleshoot), for a difficulty. */
export function evidenceOf(base: TroubleBase, scenario: ScenarioInput, ask: TroubleshootingAsk): Evidence[] {
  const svc = scenario.service.metadata.name;
  const workload = ask.workload;
  const out: Evidence[] = [
    {
      command: commandLine({ kind: 'get', resources: ['svc', 'endpointslices', 'pods'], wide: true }),
      output: kubectlGet(scenario, ['svc', 'endpointslices', 'pods'], { wide: true, workload }),
    },
  ];
  if (base.difficulty !== 'intro') {
    const pod = allPods(base.scenario).find((p) => isApp(ask, p))!.name;
    out.push({
      command: commandLine({ kind: 'describe', resource: 'svc', name: svc }),
      output: kubectlDescribe(scenario, 'svc', svc, workload),
    });
    out.push({
      command: commandLine({ kind: 'describe', resource: 'pod', name: pod }),
      output: kubectlDescribe(scenario, 'pod', pod, workload),
    });
  }
  // Each curl is one attempt; several curls are answered by different Pods where the flow may reach several. An
  // attempt answered by another app's Pod is the one shown when there is one (the attempt the team reports).
  const appOf = new Map(allPods(scenario).map((p) => [p.name, p.labels?.app]));
  (scenario.traffic ?? []).forEach((_t, i) => {
    const outcomes = curlOutcomes(scenario, i, workload);
    const wrongPod =
      ask.app === undefined
        ? -1
        : outcomes.findIndex((o) => o.result.pod !== undefined && appOf.get(o.result.pod) !== ask.app);
    const shown = outcomes[wrongPod >= 0 ? wrongPod : i % outcomes.length]!;
    out.push({ command: curlCommand(scenario, i), output: shown.result.text });
  });
  return out;
}

/** Which wrong cause a misconception leads to, for each true cause (only these are offered). */
const WRONG_CAUSES: Record<Fault, Partial<Record<Fault, MisconceptionId>>> = {
  selector: {
    readiness: 'ts-no-endpoints-means-not-ready',
    'target-port': 'ts-refused-blames-the-pod',
    'localhost-only': 'ts-refused-blames-the-pod',
    'local-no-endpoint': 'drop-is-refusal',
  },
  readiness: {
    selector: 'ts-no-endpoints-means-selector',
    'target-port': 'ts-refused-blames-the-pod',
    'localhost-only': 'ts-refused-blames-the-pod',
    'local-no-endpoint': 'drop-is-refusal',
  },
  'target-port': {
    selector: 'ts-refused-means-no-endpoints',
    readiness: 'ts-refused-means-no-endpoints',
    'localhost-only': 'ts-bind-address-before-port',
    'local-no-endpoint': 'drop-is-refusal',
  },
  'localhost-only': {
    selector: 'ts-refused-means-no-endpoints',
    readiness: 'ts-refused-means-no-endpoints',
    'target-port': 'ts-refused-means-wrong-port',
    'local-no-endpoint': 'drop-is-refusal',
  },
  'local-no-endpoint': {
    selector: 'refusal-is-drop',
    readiness: 'refusal-is-drop',
    'target-port': 'ts-timeout-blames-the-pod',
    'localhost-only': 'ts-timeout-blames-the-pod',
  },
  'snat-cluster': {
    'proxy-balancer': 'cluster-keeps-client-ip',
    'local-no-endpoint': 'ts-local-forwards-with-snat',
    'broad-selector': 'ts-wrong-client-means-wrong-pod',
  },
  'proxy-balancer': {
    'snat-cluster': 'ts-proxy-is-snat',
    'local-no-endpoint': 'ts-local-forwards-with-snat',
    'broad-selector': 'ts-wrong-client-means-wrong-pod',
  },
  // Not `selector`: its fix (set the selector to the app's labels) would fix a selector that is too broad as well.
  'broad-selector': {
    readiness: 'ts-wrong-pod-means-not-ready',
    'target-port': 'ts-target-port-picks-the-app',
  },
};

function causeLabel(f: Fault, base: TroubleBase): string {
  const sel = Object.entries(base.scenario.service.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  switch (f) {
    case 'selector':
      return `The Service's selector matches none of the Pods (their labels are ${sel})`;
    case 'readiness':
      return 'The Pods fail their readiness probe, so none is a ready endpoint';
    case 'target-port':
      return `The Service's targetPort is not the port the app listens on (${base.listenPort})`;
    case 'localhost-only':
      return 'The app listens on 127.0.0.1 only, so connections to the Pod IP are refused';
    case 'local-no-endpoint':
      return 'externalTrafficPolicy: Local and no ready Pod on the node dialled: kube-proxy drops';
    case 'snat-cluster':
      return 'externalTrafficPolicy: Cluster masquerades the traffic to a node address';
    case 'proxy-balancer':
      return "The balancer is a proxy: the Pod sees the balancer's own connection";
    case 'broad-selector':
      return "The Service's selector is too broad: it also selects another app's Pods, which share a label with the app's";
  }
}

function fixLabel(f: Fault, base: TroubleBase, droppedNode: string | null): string {
  const sel = Object.entries(base.scenario.service.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  switch (f) {
    case 'selector':
      return `Change the Service's selector to ${sel}`;
    case 'readiness':
      return 'Make the readiness probe pass (fix what it checks); only ready Pods become endpoints';
    case 'target-port':
      return `Set the Service's targetPort to ${base.listenPort}`;
    case 'localhost-only':
      return 'Make the app listen on 0.0.0.0 (every address), not 127.0.0.1';
    case 'local-no-endpoint':
      return `Set externalTrafficPolicy: Cluster, or run a ready Pod on ${droppedNode ?? base.nodePortNode ?? 'every node'}`;
    case 'snat-cluster':
      return 'Set externalTrafficPolicy: Local (the balancer then sends only to nodes with a ready Pod)';
    case 'proxy-balancer':
      return 'Use a passthrough balancer, or have it send the client address (PROXY protocol, X-Forwarded-For) and read that';
    case 'broad-selector':
      return `Narrow the Service's selector: add the app's own label, app=${base.ask.app ?? base.scenario.service.metadata.name}`;
  }
}

const EXPLAIN: Record<Fault, string> = {
  selector:
    'The EndpointSlice has no endpoint: the Service selects no Pod, although the Pods are running and ready (READY 1/1). With no endpoint at all kube-proxy REJECTs, so curl is refused at once (R-DROP-1).',
  readiness:
    'The Pods match the selector but are not ready (READY 0/1, the readiness probe fails), so the EndpointSlice lists them not ready and kube-proxy has no usable endpoint: it REJECTs, and curl is refused at once (R-EP-4, R-DROP-1).',
  'target-port':
    "The Pods are ready endpoints, so kube-proxy forwards the connection (R-EP-1), but to the endpoint's port, the Service's targetPort, where nothing listens: the Pod's kernel answers with a reset and curl says \"connection refused\" (R-SYM-4).",
  'localhost-only':
    "The Pods are ready endpoints and the targetPort is the app's port, so kube-proxy forwards the connection to the Pod IP (R-EP-1); the app listens on 127.0.0.1 only, so the Pod's kernel resets the connection: refused (R-SYM-4). The readiness probe is an exec probe, which does not notice.",
  'local-no-endpoint':
    'Under externalTrafficPolicy: Local a node without a ready local endpoint drops external traffic silently, even though other nodes have endpoints (R-EXT-7): the curl to that node times out, while the balancer, whose health check fails on that node, keeps working (R-DROP-2).',
  'snat-cluster':
    "Under externalTrafficPolicy: Cluster kube-proxy masquerades every external connection, local Pod or not (R-EXT-1): the Pod sees a node address instead of the client's. Local keeps the client address (R-EXT-6).",
  'proxy-balancer':
    "The balancer is a proxy: it opens its own connection to the node, so kube-proxy sees and the Pod gets the balancer's address whatever the policy (R-SRC-3). The direct NodePort curl, under Local, keeps the client address.",
  'broad-selector':
    "The Service selects every ready Pod whose labels include its selector, whichever Deployment runs it (R-EP-1): the selector keeps only a label the other app's Pods share, so the EndpointSlice lists their addresses too and kube-proxy spreads connections over all of them (R-LB-1). Some requests are answered by the other app's Pod: its hostname is in curl's output, its address among the endpoints.",
};

function symptomText(needsClientIp: boolean): string {
  return needsClientIp
    ? 'The application logs and allow-lists the address of every client, so it must see the clients\u2019 own addresses.'
    : 'Clients should get an answer from one of the Pods.';
}

/** The generator, with what the tests replay: the ask the key was built from and the working cluster and fault. */
export function buildTroubleshooting(
  rng: Rng,
  difficulty: Difficulty,
): { draft: Draft; ask: TroubleshootingAsk; base: TroubleBase; fault: Fault } | null {
  const base = buildBase(rng, difficulty);
  if (!base) return null;
  const applicable = applicableFaults(base);
  const pool =
    difficulty === 'intro'
      ? applicable.filter(
          (f) => f === 'selector' || f === 'readiness' || f === 'target-port' || f === 'broad-selector',
        )
      : applicable;
  if (pool.length === 0) return null;
  // Expert leans on the subtle faults.
  const subtle = pool.filter(
    (f) =>
      f === 'local-no-endpoint' ||
      f === 'localhost-only' ||
      f === 'snat-cluster' ||
      f === 'proxy-balancer' ||
      f === 'broad-selector',
  );
  const fault =
    difficulty === 'expert' && subtle.length > 0 && rng.chance(0.6) ? rng.pick(subtle) : rng.pick(pool);
  const { scenario, ask } = applyFault(base, fault);
  // The evidence layer's own (cached) run of this scenario object: one engine run serves the key and the evidence.
  const answer = clusterOf(scenario).answer;
  const expected = keyOf(scenario, ask, answer);
  if (expected.cause !== fault) return null;

  const wrong = Object.entries(WRONG_CAUSES[fault]).filter(([f]) => applicable.includes(f as Fault)) as Array<
    [Fault, MisconceptionId]
  >;
  const shown = rng.sample(wrong, Math.min(wrong.length, difficulty === 'intro' ? 2 : 4));
  if (shown.length === 0) return null;
  const droppedFlow = answer.flows.find((f) => f.verdict === 'dropped');
  const droppedNode = droppedFlow?.node ?? null;
  const causeOptions: OptionDraft[] = [
    { value: fault, label: causeLabel(fault, base), correct: true, misconception: null },
    ...shown.map(([f, m]) => ({ value: f, label: causeLabel(f, base), correct: false, misconception: m })),
  ];
  const fixOptions: OptionDraft[] = [
    { value: FIX_OF[fault], label: fixLabel(fault, base, droppedNode), correct: true, misconception: null },
    ...shown.map(([f, m]) => ({
      value: FIX_OF[f],
      label: fixLabel(f, base, droppedNode),
      correct: false,
      misconception: m,
    })),
    ...(fault === 'target-port'
      ? [
          {
            value: 'set-port',
            label: `Set the Service's port to ${base.listenPort}`,
            correct: false,
            misconception: 'ts-port-is-target-port' as MisconceptionId,
          },
        ]
      : []),
  ];
  const cause = choiceField(rng, 'cause', 'What is the cause?', causeOptions);
  const fix = choiceField(rng, 'fix', 'What fixes it?', fixOptions);

  const svc = `${scenario.service.metadata.namespace}/${scenario.service.metadata.name}`;
  const lbText =
    scenario.loadBalancer?.preservesClientIP === false
      ? `The balancer is a proxy: it opens its own connection to the node, from its address ${base.balancerIP}.`
      : 'The cloud load balancer splits new connections evenly over the nodes that pass its health check, and keeps the client\u2019s address.';
  const prompt =
    `Service ${svc} (type LoadBalancer, external address ${scenario.service.status?.loadBalancer?.ingress?.[0]?.ip ?? ''}, port 80) should send clients to the Pods of the ${scenario.service.metadata.name} Deployment; its developers say the app serves HTTP on port ${base.listenPort}. ` +
    `kube-proxy runs in iptables mode. ${lbText} ${symptomText(ask.needsClientIp)} ` +
    `From a client at ${scenario.client?.ip}, something is wrong. You run the commands below. What is the cause, and what fixes it?`;
  return {
    ask,
    base,
    fault,
    draft: {
      title: 'Troubleshooting: what is wrong with this Service?',
      prompt,
      scenario,
      evidence: evidenceOf(base, scenario, ask),
      response: { fields: [cause.field, fix.field] },
      key: {
        fields: [cause.key, fix.key],
        steps: [
          ...stepsOf(answer.flows),
          `${EXPLAIN[fault].match(/R-[A-Z]+-\d+/)?.[0] ?? 'R-EP-1'}: ${causeLabel(fault, base)}.`,
        ],
        explanation: `${EXPLAIN[fault]} Fix: ${fixLabel(fault, base, droppedNode)}.`,
        fixIt: null,
      },
    },
  };
}

export function generateTroubleshooting(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildTroubleshooting(rng, difficulty)?.draft ?? null;
}
