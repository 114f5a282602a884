/**
 * The rendered rules agree with the engine: for every flow the engine answers (external → LB IP / NodePort,
 * pod → ClusterIP, node → LB IP), kube-proxy's tracer run over the rules rendered for the receiving node reaches
 * the same backends, the same verdict (DROP / REJECT) and the same masquerade decision. Layouts: the seed article
 * (Local and Cluster), iTP Local, masquerade-all, no detector, terminating-only endpoints, no endpoints, and
 * loadBalancerSourceRanges.
 */
import { evaluate } from '@/lib/engine';
import type { Scenario } from '@/lib/engine/model';
import { renderIptables } from '@/lib/engine/rules';
import { buildScenario, type ScenarioSpec } from '../support/scenario-builder';
import { tracePacket } from './tracer';

const nodes = [
  { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
  { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
  { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24' },
];
const pods = [
  { name: 'a-1', node: 'node-a', ip: '10.244.1.5' },
  { name: 'a-2', node: 'node-a', ip: '10.244.1.6' },
  { name: 'b-1', node: 'node-b', ip: '10.244.2.5' },
];
// Senders that are not endpoints: the tracer follows every endpoint branch, so a sender that is itself an
// endpoint would pick up that endpoint's hairpin masquerade (R-HP-1), which the engine reports per backend.
const clients = [
  { name: 'client-a', node: 'node-a', ip: '10.244.1.100', selected: false },
  { name: 'client-b', node: 'node-b', ip: '10.244.2.100', selected: false },
];
const traffic: NonNullable<ScenarioSpec['traffic']> = [
  ...nodes.map((n) => ({ from: 'external', to: 'loadBalancer' as const, node: n.name })),
  ...nodes.map((n) => ({ from: 'external', to: 'nodePort' as const, node: n.name })),
  { from: 'pod/client-a', to: 'clusterIP' as const },
  { from: 'pod/client-b', to: 'loadBalancer' as const },
  { from: 'node/node-c', to: 'loadBalancer' as const },
  { from: 'node/node-a', to: 'clusterIP' as const },
];

function layout(name: string, spec: Partial<ScenarioSpec>): [string, Scenario] {
  return [
    name,
    buildScenario({
      cluster: { clusterCIDR: '10.244.0.0/16', ...spec.cluster },
      nodes,
      pods: [...(spec.pods ?? pods), ...clients],
      service: { type: 'LoadBalancer', ...spec.service },
      traffic,
    }),
  ];
}

const layouts: Array<[string, Scenario]> = [
  layout('eTP Local', { service: { externalTrafficPolicy: 'Local' } }),
  layout('eTP Cluster', { service: { externalTrafficPolicy: 'Cluster' } }),
  layout('iTP Local', { service: { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Local' } }),
  layout('masquerade-all, eTP Local', {
    cluster: { masqueradeAll: true },
    service: { externalTrafficPolicy: 'Local' },
  }),
  layout('no detector, eTP Local', {
    cluster: { detectLocal: false },
    service: { externalTrafficPolicy: 'Local' },
  }),
  layout('only terminating endpoints, eTP Local', {
    pods: pods.map((p) => ({ ...p, ready: false, serving: true, terminating: true })),
    service: { externalTrafficPolicy: 'Local' },
  }),
  layout('no endpoints', {
    pods: pods.map((p) => ({ ...p, ready: false, serving: false })),
    service: { externalTrafficPolicy: 'Cluster' },
  }),
  layout('source ranges without the client', {
    service: { externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['192.0.2.0/24'] },
  }),
];

describe.each(layouts)('%s: engine flows = rules traced on the receiving node', (_name, scenario) => {
  const answer = evaluate(scenario);
  const service = scenario.service;
  const port = service.ports[0]!;
  const lbIP = service.ingress[0]!.ip;
  const ipOf = (from: string): string => {
    if (from === 'external') return scenario.client.ip;
    if (from.startsWith('pod/')) return scenario.cluster.pods.find((p) => p.pod === from.slice(4))!.ip;
    return scenario.cluster.nodes.find((n) => n.name === from.slice(5))!.ip;
  };
  it.each(answer.flows.map((f, i) => [`${f.from} → ${f.to} on ${f.node}`, i] as const))('%s', (_label, i) => {
    const flow = answer.flows[i]!;
    const node = scenario.cluster.nodes.find((n) => n.name === flow.node)!;
    const [dest, dport] =
      flow.to === 'clusterIP'
        ? [service.clusterIP!, port.port]
        : flow.to === 'nodePort'
          ? [node.ip, port.nodePort!]
          : [lbIP, port.port];
    const traced = tracePacket(
      renderIptables(scenario, node.name),
      ipOf(flow.from),
      'tcp',
      dest,
      String(dport),
      [node.ip, ...node.extraIPs],
    );
    const expected =
      flow.verdict === 'dropped'
        ? 'DROP'
        : flow.verdict === 'rejected'
          ? 'REJECT'
          : flow.backends
              .map((b) => `${scenario.cluster.pods.find((p) => p.pod === b.pod)!.ip}:${port.targetPort}`)
              .sort()
              .join(', ');
    expect(traced.output).toBe(expected);
    if (flow.verdict === 'forwarded') expect(traced.masq).toBe(flow.masquerade);
  });
});
