/**
 * The source IP the Pod sees (R-SRC-1..3), crossing nodes (R-X-1..3), session affinity (R-LB-5), and that every
 * step names its rule.
 */
import { evaluate, trace } from '@/lib/engine';
import type { ServiceModel, TrafficModel } from '@/lib/engine/model';
import { buildScenario, seedScenario } from '../support/scenario-builder';

const t = (from: string, to: TrafficModel['to'], node: string | null, ip: string | null = null): TrafficModel => ({ from, to, node, ip });

describe('R-SRC-1 / R-SRC-2: what the Pod sees', () => {
  it('R-SRC-2: NodePort under Cluster — the docs example: bridge IP for the local Pod, node IP for remote ones', () => {
    const r = trace(seedScenario({ etp: 'Cluster' }), t('external', 'nodePort', 'node-a'));
    expect(r.backends.map((b) => [b.pod, b.sourceIp, b.sourceIpKind])).toEqual([
      ['a-1', '10.244.1.1', 'bridge'],
      ['a-2', '10.244.1.1', 'bridge'],
      ['a-3', '10.244.1.1', 'bridge'],
      ['b-1', '10.0.1.10', 'node'],
    ]);
  });
  it('R-SRC-1: NodePort under Local — the client IP', () => {
    const r = trace(seedScenario({ etp: 'Local' }), t('external', 'nodePort', 'node-b'));
    expect(r.backends.map((b) => [b.pod, b.sourceIp, b.sourceIpKind])).toEqual([['b-1', '198.51.100.7', 'client']]);
  });
  it('R-SRC-1: a pod short-circuited to the LB IP keeps its own IP (R-EXT-4)', () => {
    const s = seedScenario({ etp: 'Local' });
    const withClient = { ...s, cluster: { ...s.cluster, pods: [...s.cluster.pods, { pod: 'client', node: 'node-c', ip: '10.244.3.9', zone: null, ready: true, serving: true, terminating: false, labels: {}, selected: false }] } };
    const r = trace(withClient, t('pod/client', 'loadBalancer', 'node-c'));
    expect(new Set(r.backends.map((b) => `${b.sourceIpKind}:${b.sourceIp}`))).toEqual(new Set(['client:10.244.3.9']));
  });
});

describe('R-X-1..3: crossing nodes', () => {
  it('R-X-1: eTP Local from outside never crosses', () => {
    const r = trace(seedScenario({ etp: 'Local' }), t('external', 'loadBalancer', 'node-a'));
    expect(r.backends.every((b) => !b.crossesNodes)).toBe(true);
    expect(r.steps.some((s) => s.startsWith('R-X-1'))).toBe(true);
  });
  it('R-X-2: eTP Cluster on node-b: 3 of 4 endpoints are elsewhere', () => {
    const r = trace(seedScenario({ etp: 'Cluster' }), t('external', 'loadBalancer', 'node-b'));
    expect(r.backends.filter((b) => b.crossesNodes)).toHaveLength(3);
    expect(r.steps.find((s) => s.startsWith('R-X-2'))).toContain('3/4');
  });
  it('R-X-3: a pod short-circuited under Local may cross nodes, without SNAT', () => {
    const s = buildScenario({
      cluster: { clusterCIDR: '10.244.0.0/16' },
      nodes: [{ name: 'a', ip: '10.0.0.1' }, { name: 'b', ip: '10.0.0.2' }],
      pods: [{ name: 'srv', node: 'b', ip: '10.244.2.5' }, { name: 'cli', node: 'a', ip: '10.244.1.5', selected: false }],
      service: { externalTrafficPolicy: 'Local' },
    });
    const r = trace(s, t('pod/cli', 'loadBalancer', 'a'));
    expect(r.backends).toMatchObject([{ crossesNodes: true, sourceIpKind: 'client', sourceIp: '10.244.1.5' }]);
    expect(r.steps.some((x) => x.startsWith('R-X-3'))).toBe(true);
  });
});

describe('R-EXT-6: another node\'s host network is an outside client', () => {
  it('node/node-c dialling node-b:nodePort gets only node-b\'s endpoints, unmasqueraded', () => {
    const r = trace(seedScenario({ etp: 'Local' }), t('node/node-c', 'nodePort', 'node-b'));
    expect(r.masquerade).toBe(false);
    expect(r.backends.map((b) => [b.pod, b.sourceIp])).toEqual([['b-1', '10.0.1.12']]);
  });
});

describe('R-LB-5: session affinity ClientIP', () => {
  it('keeps the first-choice probabilities uniform and explains stickiness per node', () => {
    const s = seedScenario({ etp: 'Cluster' });
    const sticky = { ...s, service: { ...s.service, sessionAffinity: 'ClientIP' as const, sessionAffinityTimeoutSeconds: 600 } };
    const r = trace(sticky, t('external', 'loadBalancer', 'node-a'));
    expect(r.backends.map((b) => b.probability)).toEqual(['1/4', '1/4', '1/4', '1/4']);
    const step = r.steps.find((x) => x.startsWith('R-LB-5'));
    expect(step).toContain('600 s');
    expect(step).toContain('per node');
  });
});

describe('unmatched destinations', () => {
  const clusterIPOnly = { type: 'ClusterIP' as const, ports: [{ name: null, port: 80, targetPort: 8080, nodePort: null, protocol: 'TCP' as const }], ingress: [] };
  it.each([
    ['a ClusterIP Service has no NodePort', 'R-NP-1', clusterIPOnly, t('external', 'nodePort', 'node-a')],
    ['a ClusterIP Service has no load balancer', 'R-LB-6', clusterIPOnly, t('external', 'loadBalancer', 'node-a')],
    ['no externalIPs', 'R-EXT-1', {}, t('external', 'externalIP', 'node-a')],
    ['headless Service', 'R-INT-1', { ...clusterIPOnly, clusterIP: 'None' }, t('pod/a-1', 'clusterIP', 'node-a')],
    ['LB without an ingress IP', 'R-LBIP-1', { ingress: [] }, t('external', 'loadBalancer', 'node-a')],
    ["an address that is not the node's", 'R-NP-1', {}, t('external', 'nodePort', 'node-a', '10.0.1.11')],
  ] as const)('%s → unmatched, citing %s', (_n, rule, service, traffic) => {
    const s = seedScenario({ etp: 'Cluster' });
    const scenario = { ...s, service: { ...s.service, ...(service as Partial<ServiceModel>) } };
    const r = trace(scenario, traffic);
    expect(r.verdict).toBe('unmatched');
    expect(r.steps[r.steps.length - 1]).toMatch(new RegExp(`^${rule}:`));
  });
});

describe('every step names its rule', () => {
  it.each(['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const)('%s', (proxyMode) => {
    for (const etp of ['Local', 'Cluster'] as const) {
      const a = evaluate(seedScenario({ etp, proxyMode }));
      for (const f of a.flows) {
        expect(f.steps.length).toBeGreaterThan(0);
        for (const step of f.steps) expect(step).toMatch(/^R-[A-Z]+(-[A-Z]+)?-\d+: \S/);
      }
    }
  });
});
