/**
 * Read the rules (issue 14) — an excerpt of what kube-proxy v1.33 programs on one node (iptables-save, nft list
 * chain or ipvsadm -Ln, cut from lib/engine/rules' rendering), and a question answered by reading it:
 *   share       (every mode) the share of new connections entering the Service's chain that reach one Pod: chained
 *               per-rule probabilities in iptables, `numgen random mod N` in nftables, rr weights in IPVS (R-LB-1)
 *   masquerade  (every mode) whether a connection is marked for masquerade: KUBE-MARK-MASQ's conditions in
 *               iptables, `jump mark-for-masquerade` in nftables, the ipset-matching KUBE-MARK-MASQ rules IPVS mode
 *               writes (R-INT-2, R-EXT-1, R-EXT-4, R-EXT-5, R-EXT-6, R-X-4)
 *   verdict     (every mode) forwarded, dropped or rejected: no endpoints → REJECT (iptables filter, nftables
 *               no-endpoint map, IPVS: a virtual server without real servers answers ICMP port unreachable), Local
 *               without local endpoints → DROP (iptables, nftables; IPVS fills the virtual server with the Cluster
 *               set instead, R-X-4) (R-DROP-1, R-DROP-2, R-EXT-7)
 *   owner       which Service port a chain belongs to: iptables, the comment on its KUBE-SERVICES jump; nftables,
 *               the service-nodeports map entry for a node port; IPVS, the targetPort of a NodePort virtual server's
 *               real servers (R-NP-1)
 *   ready       (expert, every mode) what a not-ready Pod becoming ready changes: its share and the count of
 *               probability rules / numgen modulus / real servers (R-EP-1, R-LB-1)
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the ask's flow (share, masquerade, verdict,
 * ready) or kube-proxy's chain names (owner). The excerpt is carried in `ask.excerpt` for the independent oracle,
 * which reads only that text; keyOf never reads it.
 */
import { evaluate, type Answer, type EndpointModel, type Scenario, type ScenarioInput } from '@/lib/engine';
import { serviceChainNames, servicePortName } from '@/lib/engine/rules';
import { parseGenerated, runEngine, runGenerated } from '../engine-run';
import { buildLayout, type Layout, type LayoutNode, toScenarioInput } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import { podName, replicaSetHash } from '../names';
import type { Rng } from '../random';
import type { Alternative, Difficulty, Evidence, FieldKey, ResponseField } from '../types';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import {
  iptablesChainExcerpt,
  iptablesFlowExcerpt,
  ipvsExcerpt,
  ipvsFlowExcerpt,
  nftChainExcerpt,
  nftFlowExcerpt,
  nftMapExcerpt,
  type ExcerptMode,
} from './read-rules-excerpt';
import { distinctShares, shareDisplay } from './shares';
import { counted } from './wording';

export const READ_RULES_QUESTIONS = ['share', 'masquerade', 'verdict', 'owner', 'ready'] as const;
export type ReadRulesQuestion = (typeof READ_RULES_QUESTIONS)[number];

export interface ReadRulesAsk {
  question: ReadRulesQuestion;
  /** The node whose rules are shown. */
  node: string;
  /** The connection (engine traffic): `pod/<name>`, `node/<name>` or `external`, to a destination of the Service. */
  from: string;
  to: 'clusterIP' | 'nodePort' | 'loadBalancer';
  /** share: the Pod asked about; ready: the Pod that becomes ready. */
  pod?: string;
  /** owner (iptables): the hashed chain shown (KUBE-SVC-… / KUBE-EXT-…). */
  chain?: string;
  /** owner (nftables, IPVS): the node port whose map entry / virtual server is shown. */
  nodePort?: number;
  /** The excerpt the learner reads (the generator sets it; keyOf does not read it, the oracle does). */
  excerpt?: string;
}

const VERDICT_LABEL: Record<string, string> = {
  forwarded: 'Forwarded: DNATed to an endpoint',
  dropped: 'Dropped: the client times out',
  rejected: 'Rejected: the client sees "connection refused" at once',
};

/** The scenario with the ask's one connection as its traffic. */
/** The excerpt as the question shows it: its first line (`# command`) is the command, the rest what it printed. */
export function excerptEvidence(excerpt: string): Evidence {
  const newline = excerpt.indexOf('\n');
  return { command: excerpt.slice(0, newline).replace(/^# /, ''), output: excerpt.slice(newline + 1) };
}

export function withFlow(scenario: ScenarioInput, ask: ReadRulesAsk): ScenarioInput {
  return { ...scenario, traffic: [{ from: ask.from, to: ask.to, ...(ask.from === 'external' ? { node: ask.node } : {}) }] };
}

/** The engine's flow for the ask's connection; `answer` is the engine's answer for withFlow(scenario, ask), if at hand. */
function flowOf(scenario: ScenarioInput, ask: ReadRulesAsk, answer: Answer = runEngine(withFlow(scenario, ask))) {
  const flow = answer.flows[0];
  if (!flow) throw new Error('read-rules: the engine answered no flow');
  return flow;
}

const mode = (s: ScenarioInput): ExcerptMode => {
  const m = s.cluster.proxyMode ?? 'iptables';
  if (m !== 'iptables' && m !== 'nftables' && m !== 'ipvs') throw new Error(`read-rules: no kube-proxy rules in ${m} mode`);
  return m;
};

/** The number kube-proxy writes for m endpoints: iptables rules with --probability, nftables' modulus, IPVS real servers. */
function countOf(m: ExcerptMode, endpoints: number): number {
  return m === 'iptables' ? Math.max(endpoints - 1, 0) : endpoints;
}

/**
 * The key: share → `share` (exact fraction); masquerade → `masquerade` (yes | no); verdict → `verdict` (forwarded |
 * dropped | rejected); owner → `port` (the port name); ready → `share` of the Pod once ready and `count`.
 * `answer` is the engine's answer for withFlow(scenario, ask) when the caller has it (the generator does).
 */
export function keyOf(scenario: ScenarioInput, ask: ReadRulesAsk, answer?: Answer, parsed?: Scenario): Record<string, string> {
  const m = mode(scenario);
  switch (ask.question) {
    case 'share': {
      const flow = flowOf(scenario, ask, answer);
      return { share: flow.backends.find((b) => b.pod === ask.pod)?.probability ?? '0' };
    }
    case 'masquerade': {
      const flow = flowOf(scenario, ask, answer);
      if (flow.verdict !== 'forwarded') throw new Error('read-rules: masquerade asked of a connection not forwarded');
      return { masquerade: flow.masquerade ? 'yes' : 'no' };
    }
    case 'verdict': {
      const v = flowOf(scenario, ask, answer).verdict;
      if (!VERDICT_LABEL[v]) throw new Error(`read-rules: no option for verdict ${v}`);
      return { verdict: v };
    }
    case 'owner': {
      const svc = scenario.service;
      if (ask.nodePort !== undefined) {
        // R-NP-1: a node port is one Service port's (the Service as the engine reads it: spec.ports[].nodePort).
        const owner = svc.spec.ports.find((p) => p.nodePort === ask.nodePort);
        if (!owner?.name) throw new Error(`read-rules: no named port has node port ${ask.nodePort}`);
        return { port: owner.name };
      }
      const ns = svc.metadata.namespace ?? 'default';
      const port = svc.spec.ports.find((p) => {
        const names = serviceChainNames(servicePortName(ns, svc.metadata.name, p.name ?? null), (p.protocol ?? 'TCP').toLowerCase());
        return Object.values(names).includes(ask.chain ?? '');
      });
      if (!port?.name) throw new Error(`read-rules: no named port owns chain ${ask.chain}`);
      return { port: port.name };
    }
    case 'ready': {
      let after;
      if (parsed) after = flowOf(scenario, ask, evaluate(becameReady(parsed, ask.pod!)));
      else {
        const pods = (scenario.cluster.pods ?? []).map((p) =>
          p.name === ask.pod ? { ...p, ready: true, terminating: false, serving: true } : p,
        );
        after = flowOf({ ...scenario, cluster: { ...scenario.cluster, pods } }, ask);
      }
      const serving = after.backends.filter((b) => b.probability !== '0').length;
      return {
        share: after.backends.find((b) => b.pod === ask.pod)?.probability ?? '0',
        count: String(countOf(m, serving)),
      };
    }
  }
}

/**
 * The parsed scenario (withFlow(scenario, ask), read by the engine) with one Pod ready, serving and not terminating,
 * as the engine reads `ready: true, serving: true, terminating: false` (its endpoint too): the generator evaluates it
 * without reading the scenario a second time. keyOf without `parsed` edits the input and reads it instead (the
 * hand-derived cases and key-consistency tests take that path, so the two are checked against each other).
 */
function becameReady(s: Scenario, pod: string): Scenario {
  const flip = <T extends EndpointModel>(p: T): T => (p.pod === pod ? { ...p, ready: true, serving: true, terminating: false } : p);
  return { ...s, cluster: { ...s.cluster, pods: s.cluster.pods.map(flip) }, endpoints: s.endpoints.map(flip) };
}

const SECOND_PORTS = [
  { name: 'metrics', port: 9090, targetPort: 9100 },
  { name: 'grpc', port: 9000, targetPort: 50051 },
  { name: 'admin', port: 8081, targetPort: 9001 },
] as const;
const CLIENT_APPS = ['frontend', 'toolbox', 'api-gateway', 'reports'] as const;
const MODE_TEXT: Record<ExcerptMode, string> = { iptables: 'iptables', nftables: 'nftables', ipvs: 'IPVS' };

interface Built {
  layout: Layout;
  scenario: ScenarioInput;
  client: { name: string; ip: string; node: LayoutNode };
}

/** The layout's cluster in `m` mode with a client Pod (not selected) on `node`, and optionally a second named port. */
function scenarioOf(rng: Rng, layout: Layout, m: ExcerptMode, node: LayoutNode, twoPorts: boolean): Built {
  const base = toScenarioInput({ ...layout, proxyMode: m });
  // Never an app the Service selects: the client must not be one of its endpoints.
  const app = rng.pick(CLIENT_APPS.filter((a) => a !== layout.naming.serviceName));
  const client = { name: podName(rng, app, replicaSetHash(rng)), ip: `10.${layout.naming.podOctet}.${node.index + 1}.250`, node };
  const first = base.service.spec.ports[0]!;
  const second = rng.pick(SECOND_PORTS);
  const ports = twoPorts
    ? [
        { ...first, name: 'http' },
        {
          name: second.name,
          port: second.port,
          targetPort: second.targetPort,
          protocol: 'TCP' as const,
          ...(first.nodePort !== undefined ? { nodePort: first.nodePort + 1 } : {}),
        },
      ]
    : [first];
  const scenario: ScenarioInput = {
    ...base,
    cluster: { ...base.cluster, pods: [...(base.cluster.pods ?? []), { name: client.name, node: node.name, ip: client.ip, labels: { app } }] },
    service: { ...base.service, spec: { ...base.service.spec, ports } },
  };
  delete scenario.traffic;
  return { layout, scenario, client };
}

function podState(p: Layout['pods'][number]): string {
  return p.terminating ? (p.serving ? 'terminating, still serving' : 'terminating') : p.ready ? 'ready' : 'not ready';
}

/** The Pod's IP:8080 chain order (kube-proxy sorts endpoints by their "ip:port" string). */
function sortedEndpoints(ips: string[]): string[] {
  return ips.map((ip) => `${ip}:8080`).sort();
}

function shareKey(name: string, value: string, wrong: { value: string; misconception: MisconceptionId }[]): FieldKey {
  const alternatives: Alternative[] = [];
  for (const w of wrong)
    if (distinctShares(w.value, value) && !alternatives.some((a) => a.value === w.value)) alternatives.push(w);
  return { field: name, expected: value, display: shareDisplay(value), alternatives };
}

/** The generator and the ask it built the key from (the consistency and oracle tests replay both). */
export function buildReadRules(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: ReadRulesAsk } | null {
  const questions: ReadRulesQuestion[] =
    difficulty === 'intro'
      ? ['share', 'owner']
      : difficulty === 'standard'
        ? ['share', 'share', 'masquerade', 'verdict', 'owner']
        : ['share', 'masquerade', 'verdict', 'ready', 'ready', 'owner'];
  const question = rng.pick(questions);
  const m: ExcerptMode = difficulty === 'intro' ? 'iptables' : rng.pick(['iptables', 'nftables', 'ipvs'] as const);
  const layout = buildLayout(rng, difficulty, {
    conditions: difficulty !== 'intro',
    pods: [2, difficulty === 'intro' ? 4 : 5],
    ...(question === 'masquerade' || question === 'verdict' ? {} : { policy: 'Cluster' as const }),
  });
  const node = rng.pick(layout.nodes);
  const built = scenarioOf(rng, layout, m, node, question === 'owner');
  let scenario = built.scenario;
  const { naming } = layout;
  const svc = `${naming.namespace}/${naming.serviceName}`;
  const podIp = new Map(layout.pods.map((p) => [p.name, p.ip]));
  const ask: ReadRulesAsk = { question, node: node.name, from: `pod/${built.client.name}`, to: 'clusterIP' };
  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  let text: string;
  let explanation: string;
  let steps: string[] = [];
  const withTraffic = (s: ScenarioInput) => withFlow(s, ask);
  const clusterChain = () => serviceChainNames(servicePortName(naming.namespace, naming.serviceName, null), 'tcp').cluster;
  const serviceExcerpt = (run: Scenario): string | null => {
    try {
      if (m === 'iptables') {
        const out = iptablesChainExcerpt(run, node.name, clusterChain());
        return out.includes('\n-A ') ? out : null;
      }
      if (m === 'nftables') return nftChainExcerpt(run, node.name, 'service-', `-${svc}/tcp/`);
      return ipvsExcerpt(run, node.name, naming.clusterIP, 80);
    } catch {
      return null;
    }
  };
  const lbRule = m === 'iptables' ? 'R-LB-1' : m === 'nftables' ? 'R-LB-2' : 'R-LB-3';
  const podNode = new Map(layout.pods.map((p) => [p.name, p.node]));
  const excerptName = m === 'iptables' ? `chain ${clusterChain()}` : m === 'nftables' ? `its service chain` : `the virtual server ${naming.clusterIP}:80`;

  if (question === 'share') {
    const run = runGenerated(withTraffic(scenario));
    const excerpt = serviceExcerpt(run.scenario);
    if (!excerpt) return null;
    ask.excerpt = excerpt;
    const flow = flowOf(scenario, ask, run.answer);
    const inChain = flow.backends.filter((b) => b.probability !== '0');
    const outside = layout.pods.filter((p) => !inChain.some((b) => b.pod === p.name));
    const pod = outside.length > 0 && difficulty !== 'intro' && rng.chance(0.25) ? rng.pick(outside).name : rng.pick(inChain).pod;
    ask.pod = pod;
    const value = keyOf(scenario, ask, run.answer).share!;
    const order = sortedEndpoints(inChain.map((b) => podIp.get(b.pod)!));
    const position = order.indexOf(`${podIp.get(pod)}:8080`);
    const printed = position >= 0 && position < order.length - 1 ? `1/${order.length - position}` : '1';
    fields.push({ type: 'share', name: 'share', label: `Share of new connections to ${pod} (fraction or %)` });
    keys.push(
      shareKey('share', value, [
        ...(m === 'iptables' && position >= 0 ? [{ value: printed, misconception: 'rules-probability-is-share' as const }] : []),
        { value: `1/${layout.pods.length}`, misconception: 'not-ready-counted' },
      ]),
    );
    text = `Of the new connections from ${built.client.name} (${built.client.ip}) to the ClusterIP ${naming.clusterIP}:80, what share does ${pod} (${podIp.get(pod)}) receive?`;
    explanation =
      value === '0'
        ? `${pod} has no entry in ${excerptName}: kube-proxy only lists endpoints it may use (R-EP-1), so it receives nothing.`
        : order.length === 1
          ? `${excerptName} lists one endpoint, ${pod}, with no probability: it takes every new connection (${lbRule}).`
          : m === 'iptables'
          ? `The rules are tried in order and each --probability applies only to the connections the earlier rules left: kube-proxy writes 1/${order.length}, 1/${order.length - 1}, … and no probability on the last rule, so each of the ${counted(order.length, 'endpoint', 'endpoints')} gets ${value} (R-LB-1).`
          : m === 'nftables'
            ? `numgen random mod ${order.length} draws 0…${order.length - 1} uniformly and the vmap sends each number to one endpoint chain: ${value} each (R-LB-2).`
            : `The virtual server schedules round robin (rr) over real servers of equal weight 1: ${value} each (R-LB-3).`;
    steps = [
      value === '0'
        ? `R-EP-1: on ${node.name}, ${pod} (${podIp.get(pod)}, on ${podNode.get(pod)}) is not in ${excerptName}: it receives none of these connections.`
        : `${lbRule}: on ${node.name}, ${excerptName} lists ${counted(order.length, 'endpoint', 'endpoints')}; ${pod} (${podIp.get(pod)}, on ${podNode.get(pod)}) ${value === '1' ? 'is the only one and receives every new connection' : `is one of them and receives ${value} of new connections`}.`,
      ...flow.steps,
    ];
  } else if (question === 'ready') {
    const candidates = layout.pods.filter((p) => !p.ready && !p.terminating);
    if (candidates.length === 0 || !layout.pods.some((p) => p.ready && !p.terminating)) return null;
    const run = runGenerated(withTraffic(scenario));
    const excerpt = serviceExcerpt(run.scenario);
    if (!excerpt) return null;
    ask.excerpt = excerpt;
    ask.pod = rng.pick(candidates).name;
    const key = keyOf(scenario, ask, run.answer, run.scenario);
    const before = flowOf(scenario, ask, run.answer).backends.filter((b) => b.probability !== '0').length;
    fields.push({ type: 'share', name: 'share', label: `Share of new connections to ${ask.pod} once it is ready` });
    keys.push(shareKey('share', key.share!, [{ value: before > 0 ? `1/${before}` : '0', misconception: 'not-ready-counted' }]));
    const countLabel =
      m === 'iptables'
        ? `How many rules of ${clusterChain()} carry --probability then?`
        : m === 'nftables'
          ? 'What is N in "numgen random mod N" then?'
          : 'How many real servers does the virtual server list then?';
    fields.push({ type: 'integer', name: 'count', label: countLabel, min: 0, max: 50 });
    keys.push({
      field: 'count',
      expected: key.count!,
      display: key.count!,
      alternatives:
        m === 'iptables'
          ? [{ value: String(Number(key.count) + 1), misconception: 'rules-last-rule-probability' }]
          : [{ value: String(before), misconception: 'not-ready-counted' }],
    });
    steps = [
      `R-EP-1: once ready, ${ask.pod} (on ${podNode.get(ask.pod)}) joins the ${counted(before, 'endpoint', 'endpoints')} kube-proxy on ${node.name} uses for ${naming.clusterIP}:80.`,
      `${lbRule}: ${excerptName} is rewritten for ${counted(before + 1, 'endpoint', 'endpoints')}: ${key.share} each; ${countLabel.replace(/ then\?$/, '')}: ${key.count}.`,
    ];
    text = `${ask.pod} (${podIp.get(ask.pod)}) becomes ready. Once kube-proxy has resynced, what share of new connections from ${built.client.name} to ${naming.clusterIP}:80 does it receive, and ${countLabel.charAt(0).toLowerCase()}${countLabel.slice(1, -6)}?`;
    explanation = `A ready Pod joins the endpoints kube-proxy uses (R-EP-1): ${excerptName} is rewritten for ${counted(Number(key.count) + (m === 'iptables' ? 1 : 0), 'endpoint', 'endpoints')}, each with ${key.share} of new connections (${lbRule})${m === 'iptables' ? '; every rule but the last carries a --probability, recomputed as 1/n, 1/(n-1), …' : ''}.`;
  } else if (question === 'owner') {
    // The chain names need the parsed Service only, not the engine's answer.
    const run = parseGenerated(withTraffic(scenario));
    const ports = scenario.service.spec.ports;
    const external = layout.type === 'LoadBalancer' && difficulty !== 'intro' && rng.chance(0.4);
    const port = rng.pick(ports);
    const names = serviceChainNames(servicePortName(naming.namespace, naming.serviceName, port.name!), 'tcp');
    if (m === 'iptables') {
      ask.chain = external ? names.external : names.cluster;
      ask.excerpt = iptablesChainExcerpt(run, node.name, 'KUBE-SERVICES');
    } else {
      ask.to = 'nodePort';
      ask.nodePort = port.nodePort!;
      if (m === 'nftables') ask.excerpt = nftMapExcerpt(run, node.name, 'service-nodeports');
      else {
        ask.excerpt = ipvsExcerpt(run, node.name, node.ip, port.nodePort!);
        if (!ask.excerpt.includes('  -> ')) return null; // no real server: nothing to read the targetPort from
      }
    }
    const value = keyOf(scenario, ask).port!;
    const field = choiceField(
      rng,
      'port',
      `Which port of ${svc} does ${ask.chain} belong to?`,
      ports.map((p) => ({
        value: p.name!,
        label: `${p.name} (port ${p.port} → targetPort ${p.targetPort})`,
        correct: p.name === value,
        misconception: null,
      })),
    );
    fields.push(field.field);
    keys.push(field.key);
    const owned = ports.find((p) => p.name === value)!;
    if (m === 'iptables') {
      steps = [
        `${external ? 'R-EXT-1' : 'R-LB-1'}: on ${node.name}, the KUBE-SERVICES rule that jumps to ${ask.chain} carries the comment "${svc}:${value} ${external ? 'loadbalancer IP' : 'cluster IP'}": the chain is port ${value}'s ${external ? 'external' : 'ClusterIP'} chain.`,
      ];
      text = `Service ${svc} has two ports. Which of them does the chain ${ask.chain} belong to?`;
      explanation = `kube-proxy names a Service port's chains by a hash of "${servicePortName(naming.namespace, naming.serviceName, value)}" and the protocol, so the name alone says nothing; the comment on the KUBE-SERVICES rule that jumps to ${ask.chain} names the port (${svc}:${value}).`;
    } else if (m === 'nftables') {
      steps = [
        `R-NP-1: on ${node.name}, the service-nodeports map's element for TCP port ${ask.nodePort} goes (goto) to the external chain of ${naming.namespace}/${naming.serviceName}/tcp/${value}: node port ${ask.nodePort} is port ${value}'s.`,
      ];
      text = `Service ${svc} has two ports, each with a node port. Which of them receives connections to ${node.name}'s node port ${ask.nodePort}?`;
      explanation = `nftables mode names a Service port's chains "<hash>-<namespace>/<name>/<protocol>/<port name>", so the service-nodeports entry for tcp . ${ask.nodePort} names the port it goes to: ${value}.`;
    } else {
      steps = [
        `R-NP-1: on ${node.name}, the virtual server ${node.ip}:${ask.nodePort} forwards to real servers on port ${owned.targetPort}, port ${value}'s targetPort: node port ${ask.nodePort} is port ${value}'s.`,
      ];
      text = `Service ${svc} has two ports, each with a node port. Which of them does the virtual server ${node.ip}:${ask.nodePort} belong to?`;
      explanation = `ipvsadm shows no Service names: a NodePort virtual server's real servers listen on the Service port's targetPort (${owned.targetPort}), which says the port is ${value}.`;
    }
  } else {
    // masquerade / verdict (iptables): a connection whose path through nat and filter the excerpt shows.
    const local = layout.pods.filter((p) => p.node === node.name && p.ready && !p.terminating);
    const lbOrNodePort = (): 'loadBalancer' | 'nodePort' => (layout.type === 'LoadBalancer' ? 'loadBalancer' : 'nodePort');
    if (question === 'verdict') {
      const shape = rng.pick(difficulty === 'expert' ? (['none', 'local-empty', 'normal'] as const) : (['none', 'normal'] as const));
      if (shape === 'none') {
        const pods = (scenario.cluster.pods ?? []).map((p) =>
          p.name === built.client.name ? p : { ...p, ready: false, terminating: false },
        );
        scenario = { ...scenario, cluster: { ...scenario.cluster, pods } };
        if (rng.chance(0.5)) {
          ask.from = 'external';
          ask.to = lbOrNodePort();
        }
      } else if (shape === 'local-empty') {
        if (layout.policy !== 'Local' || local.length > 0) return null;
        ask.from = 'external';
        ask.to = lbOrNodePort();
      } else if (rng.chance(0.5)) {
        if (layout.policy === 'Local' && local.length === 0) return null;
        ask.from = 'external';
        ask.to = lbOrNodePort();
      }
    } else {
      const senders: Array<[string, ReadRulesAsk['to']]> = [
        [`pod/${built.client.name}`, 'clusterIP'],
        [`node/${node.name}`, 'clusterIP'],
        ['external', lbOrNodePort()],
        ...(difficulty === 'expert' && layout.type === 'LoadBalancer' && layout.policy === 'Local'
          ? ([
              [`pod/${built.client.name}`, 'loadBalancer'],
              [`node/${node.name}`, 'loadBalancer'],
            ] as Array<[string, ReadRulesAsk['to']]>)
          : []),
      ];
      [ask.from, ask.to] = rng.pick(senders);
    }
    const engineRun = runGenerated(withTraffic(scenario));
    const run = engineRun.scenario;
    const flow = flowOf(scenario, ask, engineRun.answer);
    if (question === 'masquerade' && flow.verdict !== 'forwarded') return null;
    // IPVS, Local, no local endpoint: forwarded unmasqueraded to a remote Pod whose reply bypasses this node (R-X-4);
    // the rules alone do not show the reply's path, so no verdict option fits.
    if (flow.verdict === 'asymmetric') return null;
    const source =
      ask.from === 'external' ? naming.clientIP : ask.from.startsWith('node/') ? node.ip : built.client.ip;
    const dest = ask.to === 'clusterIP' ? naming.clusterIP : ask.to === 'loadBalancer' ? naming.lbIP : node.ip;
    const port = ask.to === 'nodePort' ? String(layout.nodePort) : '80';
    const packet = { source, dest, port, nodeIPs: [node.ip] };
    try {
      ask.excerpt =
        m === 'iptables'
          ? iptablesFlowExcerpt(run, node.name, packet)
          : m === 'nftables'
            ? nftFlowExcerpt(run, node.name, packet)
            : ipvsFlowExcerpt(run, node.name, packet);
    } catch {
      return null; // e.g. no virtual server for that address on this node
    }
    const key = keyOf(scenario, ask, engineRun.answer);
    const sender =
      ask.from === 'external'
        ? `the external client ${naming.clientIP}`
        : ask.from.startsWith('node/')
          ? `a host-network process on ${node.name} (source ${node.ip}, a local address of the node)`
          : `Pod ${built.client.name} (${built.client.ip}) on ${node.name}`;
    const connection = `A new TCP connection from ${sender} to ${dest}:${port} reaches ${node.name}.`;
    steps = [
      m === 'iptables'
        ? `R-LB-6: on ${node.name} the connection enters nat KUBE-SERVICES, then the chains shown in order.`
        : m === 'nftables'
          ? `R-LB-6: on ${node.name} the connection enters the services chain (nat prerouting/output), then the chains shown in order.`
          : `R-LB-6: on ${node.name} the connection enters nat KUBE-SERVICES (its ipset matches) and the virtual server ${dest}:${port}.`,
      ...flow.steps,
    ];
    if (question === 'masquerade') {
      const yes = key.masquerade === 'yes';
      const wrong: MisconceptionId | null =
        ask.to === 'clusterIP'
          ? ask.from.startsWith('pod/')
            ? 'rules-clusterip-masquerades'
            : 'rules-masq-only-external'
          : ask.from === 'external'
            ? yes
              ? 'cluster-keeps-client-ip'
              : 'local-still-snats'
            : ask.from.startsWith('node/') && m !== 'ipvs' // IPVS: the LOCAL set RETURNs before any mark (R-X-4)
              ? 'local-keeps-ip-in-cluster'
              : null;
      const field = choiceField(
        rng,
        'masquerade',
        `Is it marked for masquerade (${m === 'nftables' ? 'mark-for-masquerade' : 'KUBE-MARK-MASQ'})?`,
        [
          { value: 'yes', label: 'Yes: the endpoint sees a node address as the source', correct: yes, misconception: yes ? null : wrong },
          { value: 'no', label: 'No: the endpoint sees the original source address', correct: !yes, misconception: yes ? wrong : null },
        ],
        { shuffle: false },
      );
      fields.push(field.field);
      keys.push(field.key);
      text = `${connection} Do these rules mark it for masquerade?`;
      explanation =
        m === 'iptables'
          ? yes
            ? `A KUBE-MARK-MASQ jump on its path matches it (its source/destination conditions hold), so KUBE-POSTROUTING masquerades it (R-INT-2, R-EXT-1, R-EXT-5).`
            : `No KUBE-MARK-MASQ jump on its path matches it: the ClusterIP rule masquerades only sources outside the cluster CIDR (! -s), and under Local external traffic goes to KUBE-SVL without a mark (R-INT-2, R-EXT-4, R-EXT-6).`
          : m === 'nftables'
            ? yes
              ? `A "jump mark-for-masquerade" on its path matches it (its saddr/fib conditions hold), so the masquerading chain masquerades it (R-INT-2, R-EXT-1, R-EXT-5).`
              : `No "jump mark-for-masquerade" on its path matches it: the service chain marks only sources outside the cluster CIDR (ip saddr !=), and under Local external traffic goes to the local- chain without a mark (R-INT-2, R-EXT-4, R-EXT-6).`
            : yes
              ? `In IPVS mode kube-proxy still masquerades with iptables: a KUBE-MARK-MASQ rule matches it by its ipsets (KUBE-CLUSTER-IP with ! -s the cluster CIDR, KUBE-NODE-PORT-TCP, KUBE-LOAD-BALANCER), so KUBE-POSTROUTING masquerades it (R-INT-2, R-EXT-1).`
              : `In IPVS mode kube-proxy masquerades with iptables, and no KUBE-MARK-MASQ rule matches it: the KUBE-CLUSTER-IP rule skips sources in the cluster CIDR, and under Local the KUBE-LOAD-BALANCER-LOCAL / KUBE-NODE-PORT-LOCAL-TCP sets RETURN before the mark (R-INT-2, R-X-4).`;
    } else {
      const v = key.verdict!;
      const field = choiceField(
        rng,
        'verdict',
        'What happens to the connection?',
        (['forwarded', 'dropped', 'rejected'] as const).map((o) => ({
          value: o,
          label: VERDICT_LABEL[o]!,
          correct: o === v,
          misconception: o === v ? null : v === 'rejected' && o === 'dropped' ? 'refusal-is-drop' : v === 'dropped' && o === 'rejected' ? 'drop-is-refusal' : null,
        })),
        { shuffle: false },
      );
      fields.push(field.field);
      keys.push(field.key);
      text = `${connection} What do these rules do with it?`;
      explanation =
        m === 'iptables'
          ? v === 'rejected'
            ? 'The Service has no usable endpoint: nat has no rule for it and filter rejects it ("has no endpoints" → REJECT), so the client is refused at once (R-DROP-1).'
            : v === 'dropped'
              ? 'Under externalTrafficPolicy: Local this node has no local endpoint: filter KUBE-EXTERNAL-SERVICES drops external traffic ("has no local endpoints" → DROP), and the client times out (R-DROP-2, R-EXT-7).'
              : 'The nat chains DNAT it to an endpoint and no filter rule refuses it.'
          : m === 'nftables'
            ? v === 'rejected'
              ? 'The Service has no usable endpoint: its entry in the no-endpoint map says reject (goto reject-chain), so the client is refused at once (R-DROP-1).'
              : v === 'dropped'
                ? 'Under externalTrafficPolicy: Local this node has no local endpoint: the no-endpoint map entry for this destination says drop, and the client times out (R-DROP-2, R-EXT-7).'
                : 'The service chains DNAT it to an endpoint and no no-endpoint map entry matches it.'
            : v === 'rejected'
              ? 'The virtual server has no real server: IPVS answers ICMP port unreachable, so the client is refused at once (R-DROP-1); the iptables filter rules let it through to IPVS (KUBE-IPVS-FILTER returns for Service addresses).'
              : 'The virtual server has real servers and IPVS forwards to one of them (R-LB-3); under Local a node without local endpoints gets the Cluster set, so IPVS never drops here (R-X-4).';
    }
  }

  const pods = layout.pods
    .map((p) => `${p.name} ${p.ip} on ${p.node} (${podState(p)})`)
    .join('; ');
  const typeText = `type ${layout.type === 'LoadBalancer' ? `LoadBalancer (ingress ${naming.lbIP}, nodePort ${layout.nodePort})` : `NodePort (nodePort ${layout.nodePort})`}`;
  const typeShown = question === 'owner' && m !== 'iptables' ? `type ${layout.type}` : typeText;
  const setup =
    `Service ${svc} is ${typeShown} with ClusterIP ${naming.clusterIP} and externalTrafficPolicy: ${layout.policy}; it selects app=${naming.serviceName}. ` +
    (question === 'verdict' || question === 'masquerade' ? '' : `Its Pods: ${pods}. `) +
    `The cluster CIDR is ${naming.clusterCIDR}; node ${node.name} has address ${node.ip}. kube-proxy runs in ${MODE_TEXT[m]} mode: below is what kube-proxy v1.33 programs on ${node.name} (${m === 'iptables' ? 'iptables-save' : m === 'nftables' ? 'nft list' : 'ipvsadm -Ln, with the ipsets and iptables rules IPVS mode uses'}), cut to the part the question is about.`;
  const titles: Record<ReadRulesQuestion, string> = {
    share: 'Read the rules: which share does a Pod get?',
    masquerade: 'Read the rules: is it masqueraded?',
    verdict: 'Read the rules: forwarded, dropped or rejected?',
    owner: 'Read the rules: whose chain is this?',
    ready: 'Read the rules: a Pod becomes ready',
  };
  return {
    ask,
    draft: {
      title: titles[question],
      prompt: `${setup} ${text}`,
      evidence: [excerptEvidence(ask.excerpt!)],
      scenario: withTraffic(scenario),
      response: { fields },
      key: { fields: keys, steps, explanation, fixIt: null },
    },
  };
}

export function generateReadRules(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildReadRules(rng, difficulty)?.draft ?? null;
}

