/**
 * Where the data planes differ (routing-semantics.md §11): nftables, IPVS (R-X-4, R-LB-3), Cilium SNAT and
 * DSR. Layout: node-a holds a-1, node-b holds b-1, node-c holds nothing; client pod c-pod on node-c.
 */
import { trace } from '@/lib/engine';
import type { ProxyMode, TrafficModel } from '@/lib/engine/model';
import { buildScenario } from '../support/scenario-builder';

const make = (proxyMode: ProxyMode, etp: 'Local' | 'Cluster') =>
  buildScenario({
    cluster: { proxyMode, clusterCIDR: '10.244.0.0/16' },
    nodes: [
      { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
      { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
      { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24' },
    ],
    pods: [
      { name: 'a-1', node: 'node-a', ip: '10.244.1.5' },
      { name: 'b-1', node: 'node-b', ip: '10.244.2.5' },
      { name: 'c-pod', node: 'node-c', ip: '10.244.3.5', selected: false },
    ],
    service: { externalTrafficPolicy: etp },
    clientIP: '198.51.100.7',
  });
const t = (from: string, to: TrafficModel['to'], node: string): TrafficModel => ({ from, to, node, ip: null });
const summary = (r: ReturnType<typeof trace>) => ({
  verdict: r.verdict,
  masquerade: r.masquerade,
  backends: r.backends.map((b) => `${b.pod}:${b.sourceIpKind}:${b.sourceIp}`),
});

describe('R-X-4 / R-LB-3: IPVS under eTP=Local', () => {
  it('a node with local endpoints: only those, not masqueraded, even for pods (no short-circuit)', () => {
    expect(summary(trace(make('ipvs', 'Local'), t('external', 'loadBalancer', 'node-a')))).toEqual({
      verdict: 'forwarded', masquerade: false, backends: ['a-1:client:198.51.100.7'],
    });
  });
  it('a node without: the whole Cluster set, unmasqueraded — asymmetric for outside clients', () => {
    const r = trace(make('ipvs', 'Local'), t('external', 'loadBalancer', 'node-c'));
    expect(summary(r)).toEqual({ verdict: 'asymmetric', masquerade: false, backends: ['a-1:client:198.51.100.7', 'b-1:client:198.51.100.7'] });
    expect(r.steps.filter((s) => s.startsWith('R-X-4'))).toHaveLength(2);
    expect(r.steps.some((s) => s.startsWith('R-LB-3'))).toBe(true);
  });
  it('a pod on that node reaches the Cluster set symmetrically (the DNAT happened on its own node)', () => {
    expect(trace(make('ipvs', 'Local'), t('pod/c-pod', 'loadBalancer', 'node-c')).verdict).toBe('forwarded');
  });
  it('under Cluster IPVS masquerades external traffic like iptables (R-EXT-1)', () => {
    expect(trace(make('ipvs', 'Cluster'), t('external', 'nodePort', 'node-c')).masquerade).toBe(true);
  });
});

describe('§11: Cilium kube-proxy replacement', () => {
  it('SNAT mode under Cluster: a local backend sees the client, a remote one the node IP', () => {
    const r = trace(make('cilium-snat', 'Cluster'), t('external', 'loadBalancer', 'node-a'));
    expect(summary(r)).toEqual({ verdict: 'forwarded', masquerade: false, backends: ['a-1:client:198.51.100.7', 'b-1:node:10.0.1.10'] });
  });
  it('SNAT mode on a node with only remote backends: every backend SNATed, so the flow is masqueraded', () => {
    expect(summary(trace(make('cilium-snat', 'Cluster'), t('external', 'loadBalancer', 'node-c')))).toEqual({
      verdict: 'forwarded', masquerade: true, backends: ['a-1:node:10.0.1.12', 'b-1:node:10.0.1.12'],
    });
  });
  it('DSR mode: remote backends see the client IP too', () => {
    const r = trace(make('cilium-dsr', 'Cluster'), t('external', 'loadBalancer', 'node-c'));
    expect(summary(r)).toEqual({ verdict: 'forwarded', masquerade: false, backends: ['a-1:client:198.51.100.7', 'b-1:client:198.51.100.7'] });
    expect(r.steps.some((s) => s.includes('DSR'))).toBe(true);
  });
  it('eTP Local: outside clients are dropped on a node without local backends (R-EXT-7)', () => {
    expect(trace(make('cilium-snat', 'Local'), t('external', 'loadBalancer', 'node-c')).verdict).toBe('dropped');
  });
  it('eTP Local: in-cluster access works from nodes without local backends (socket LB, no SNAT)', () => {
    expect(summary(trace(make('cilium-snat', 'Local'), t('pod/c-pod', 'loadBalancer', 'node-c')))).toEqual({
      verdict: 'forwarded', masquerade: false, backends: ['a-1:client:10.244.3.5', 'b-1:client:10.244.3.5'],
    });
  });
  it('the ClusterIP is not reachable from outside the cluster', () => {
    expect(trace(make('cilium-snat', 'Cluster'), t('external', 'clusterIP', 'node-a')).verdict).toBe('unmatched');
  });
  it('a node reaching the ClusterIP is not masqueraded (socket-level translation)', () => {
    expect(trace(make('cilium-dsr', 'Cluster'), t('node/node-a', 'clusterIP', 'node-a')).masquerade).toBe(false);
  });
});

describe('R-EXT-4 with nftables: the ≥1.34 behaviour is assumed and said', () => {
  it('a pod on a node without local endpoints reaches the Cluster set, unmasqueraded, with a note', () => {
    const r = trace(make('nftables', 'Local'), t('pod/c-pod', 'loadBalancer', 'node-c'));
    expect(summary(r)).toEqual({ verdict: 'forwarded', masquerade: false, backends: ['a-1:client:10.244.3.5', 'b-1:client:10.244.3.5'] });
    expect(r.steps.find((s) => s.startsWith('R-EXT-4'))).toContain('PR #132456');
  });
});

describe('R-LB-1 / R-LB-2: how each mode names its uniform choice', () => {
  it.each([
    ['iptables', /^R-LB-1: iptables/],
    ['nftables', /^R-LB-2: nftables/],
    ['ipvs', /^R-LB-3: IPVS/],
    ['cilium-snat', /^R-LB-4: Cilium \(§11\) picks/],
  ] as const)('%s', (mode, pattern) => {
    const r = trace(make(mode, 'Cluster'), t('external', 'loadBalancer', 'node-a'));
    expect(r.steps.some((s) => pattern.test(s))).toBe(true);
    expect(r.backends.map((b) => b.probability)).toEqual(['1/2', '1/2']);
  });
});
