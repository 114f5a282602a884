/**
 * kube-proxy's own packet-flow unit tests (pkg/proxy/nftables/proxier_test.go, same cases in iptables), each
 * translated into our scenario vocabulary: the fake node "test-node" (192.168.0.2, also 192.168.1.2 and the
 * external IP 192.168.99.11), a client pod 10.0.0.2 on it, cluster CIDR 10.0.0.0/8, external client
 * 203.0.113.2. One kube-proxy Service per scenario. Outputs are endpoint IPs (ports dropped), "DROP",
 * "REJECT" or "" (no rule).
 */
import type { ProxyMode } from '@/lib/engine/model';
import { buildScenario } from '../support/scenario-builder';
import { KP, kubeProxyFixture as fixture, packetFlow, type FixtureOptions } from '../support/packet-flow';
import { trace } from '@/lib/engine';

type Dest = 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';
type From = 'pod' | 'node' | 'external';

const FROM: Record<From, string> = { pod: 'pod/client', node: `node/${KP.nodeName}`, external: 'external' };

function flow(scenario: ReturnType<typeof fixture>, from: From, to: Dest, ip?: string) {
  return packetFlow(scenario, { from: FROM[from], to, node: KP.nodeName, ...(ip ? { ip } : {}) });
}

describe.each(['iptables', 'nftables'] as const)('TestInternalExternalMasquerade (%s)', (proxyMode) => {
  // svc1: eTP Cluster; svc2: eTP Local; svc3: iTP Local. Each has one endpoint on test-node and one on "remote".
  const services = {
    svc1: { ingress: '1.2.3.4', service: {}, local: '10.180.0.1', remote: '10.180.1.1' },
    svc2: { ingress: '5.6.7.8', service: { externalTrafficPolicy: 'Local' }, local: '10.180.0.2', remote: '10.180.1.2' },
    svc3: { ingress: '9.10.11.12', service: { internalTrafficPolicy: 'Local' }, local: '10.180.0.3', remote: '10.180.1.3' },
  } as const;
  type Svc = keyof typeof services;
  const both = (s: Svc) => `${services[s].local}, ${services[s].remote}`;
  const only = (s: Svc) => services[s].local;

  // [name, service, from, to, output, masq] — the base expectations (working detector, no masqueradeAll).
  // Note: upstream's "node to NodePort with eTP:Local" dials svc1's port (3001) by mistake; here it dials svc2.
  const base: Array<[string, Svc, From, Dest, string, boolean]> = [
    ['pod to ClusterIP', 'svc1', 'pod', 'clusterIP', both('svc1'), false],
    ['pod to NodePort', 'svc1', 'pod', 'nodePort', both('svc1'), true],
    ['pod to LB', 'svc1', 'pod', 'loadBalancer', both('svc1'), true],
    ['node to ClusterIP', 'svc1', 'node', 'clusterIP', both('svc1'), true],
    ['node to NodePort', 'svc1', 'node', 'nodePort', both('svc1'), true],
    ['node to LB', 'svc1', 'node', 'loadBalancer', both('svc1'), true],
    ['external to ClusterIP', 'svc1', 'external', 'clusterIP', both('svc1'), true],
    ['external to NodePort', 'svc1', 'external', 'nodePort', both('svc1'), true],
    ['external to LB', 'svc1', 'external', 'loadBalancer', both('svc1'), true],
    ['pod to ClusterIP with eTP:Local', 'svc2', 'pod', 'clusterIP', both('svc2'), false],
    ['pod to NodePort with eTP:Local', 'svc2', 'pod', 'nodePort', both('svc2'), false],
    ['pod to LB with eTP:Local', 'svc2', 'pod', 'loadBalancer', both('svc2'), false],
    ['node to ClusterIP with eTP:Local', 'svc2', 'node', 'clusterIP', both('svc2'), true],
    ['node to NodePort with eTP:Local', 'svc2', 'node', 'nodePort', both('svc2'), true],
    ['node to LB with eTP:Local', 'svc2', 'node', 'loadBalancer', both('svc2'), true],
    ['external to ClusterIP with eTP:Local', 'svc2', 'external', 'clusterIP', both('svc2'), true],
    ['external to NodePort with eTP:Local', 'svc2', 'external', 'nodePort', only('svc2'), false],
    ['external to LB with eTP:Local', 'svc2', 'external', 'loadBalancer', only('svc2'), false],
    ['pod to ClusterIP with iTP:Local', 'svc3', 'pod', 'clusterIP', only('svc3'), false],
    ['pod to NodePort with iTP:Local', 'svc3', 'pod', 'nodePort', both('svc3'), true],
    ['pod to LB with iTP:Local', 'svc3', 'pod', 'loadBalancer', both('svc3'), true],
    ['node to ClusterIP with iTP:Local', 'svc3', 'node', 'clusterIP', only('svc3'), true],
    ['node to NodePort with iTP:Local', 'svc3', 'node', 'nodePort', both('svc3'), true],
    ['node to LB with iTP:Local', 'svc3', 'node', 'loadBalancer', both('svc3'), true],
    ['external to ClusterIP with iTP:Local', 'svc3', 'external', 'clusterIP', only('svc3'), true],
    ['external to NodePort with iTP:Local', 'svc3', 'external', 'nodePort', both('svc3'), true],
    ['external to LB with iTP:Local', 'svc3', 'external', 'loadBalancer', both('svc3'), true],
  ];

  type Override = { output?: string; masq?: boolean };
  const noDetector: Record<string, Override> = {
    'node to ClusterIP': { masq: false },
    'node to ClusterIP with eTP:Local': { masq: false },
    'node to ClusterIP with iTP:Local': { masq: false },
    'external to ClusterIP': { masq: false },
    'external to ClusterIP with eTP:Local': { masq: false },
    'external to ClusterIP with iTP:Local': { masq: false },
    'pod to NodePort with eTP:Local': { output: only('svc2') },
    'pod to LB with eTP:Local': { output: only('svc2') },
  };
  const masqAll: Record<string, Override> = {
    'pod to ClusterIP': { masq: true },
    'pod to ClusterIP with eTP:Local': { masq: true },
    'pod to ClusterIP with iTP:Local': { masq: true },
  };
  const variants: Array<[string, boolean, boolean, Record<string, Override>]> = [
    ['base', false, true, {}],
    ['no LocalTrafficDetector (R-EXT-8, R-INT-2)', false, false, noDetector],
    ['masqueradeAll (R-INT-2)', true, true, masqAll],
    ['masqueradeAll, no LocalTrafficDetector', true, false, { ...masqAll, ...noDetector, 'node to ClusterIP': { masq: true }, 'node to ClusterIP with eTP:Local': { masq: true }, 'node to ClusterIP with iTP:Local': { masq: true }, 'external to ClusterIP': { masq: true }, 'external to ClusterIP with eTP:Local': { masq: true }, 'external to ClusterIP with iTP:Local': { masq: true } }],
  ];

  describe.each(variants)('%s', (_variant, masqueradeAll, detectLocal, overrides) => {
    const rows = base.map(([name, svc, from, to, output, masq]) => {
      const o = overrides[name] ?? {};
      return [name, svc, from, to, o.output ?? output, o.masq ?? masq] as const;
    });
    it.each(rows)('%s', (_name, svc, from, to, output, masq) => {
      const s = services[svc];
      const scenario = fixture({
        proxyMode,
        masqueradeAll,
        detectLocal,
        service: { clusterIP: '172.30.0.41', ingress: [{ ip: s.ingress, ipMode: 'VIP' }], ...s.service },
        endpoints: [
          { ip: s.local, node: KP.nodeName },
          { ip: s.remote, node: 'remote' },
        ],
      });
      expect(flow(scenario, from, to)).toEqual({ output, masq });
    });
  });
});

describe.each(['iptables', 'nftables'] as const)('TestExternalTrafficPolicyLocal / Cluster (%s)', (proxyMode) => {
  // epIP1 has no nodeName (never local), epIP2 is on test-node.
  const make = (etp: 'Local' | 'Cluster') =>
    fixture({
      proxyMode,
      service: { externalTrafficPolicy: etp, clusterIP: '172.30.0.41', externalIPs: [KP.externalIP], ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] },
      endpoints: [{ ip: '10.180.0.1', node: null }, { ip: '10.180.2.1', node: KP.nodeName }],
    });
  const bothEps = '10.180.0.1, 10.180.2.1';
  it.each([
    ['R-INT-1: pod to cluster IP hits both endpoints, unmasqueraded', 'pod', 'clusterIP', bothEps, false],
    ['R-EXT-4: pod to external IP hits both endpoints, unmasqueraded', 'pod', 'externalIP', bothEps, false],
    ['R-EXT-6: external to external IP hits only local endpoint, unmasqueraded', 'external', 'externalIP', '10.180.2.1', false],
    ['R-EXT-4: pod to LB IP hits both endpoints, unmasqueraded', 'pod', 'loadBalancer', bothEps, false],
    ['R-EXT-6: external to LB IP hits only local endpoint, unmasqueraded', 'external', 'loadBalancer', '10.180.2.1', false],
    ['R-EXT-4: pod to NodePort hits both endpoints, unmasqueraded', 'pod', 'nodePort', bothEps, false],
    ['R-EXT-6: external to NodePort hits only local endpoint, unmasqueraded', 'external', 'nodePort', '10.180.2.1', false],
  ] as const)('eTP Local — %s', (_n, from, to, output, masq) => {
    expect(flow(make('Local'), from, to)).toEqual({ output, masq });
  });
  it.each([
    ['R-INT-2: pod to cluster IP hits both endpoints, unmasqueraded', 'pod', 'clusterIP', false],
    ['R-EXT-1: pod to external IP hits both endpoints, masqueraded', 'pod', 'externalIP', true],
    ['R-EXT-1: external to external IP hits both endpoints, masqueraded', 'external', 'externalIP', true],
    ['R-EXT-1: pod to LB IP hits both endpoints, masqueraded', 'pod', 'loadBalancer', true],
    ['R-EXT-1: external to LB IP hits both endpoints, masqueraded', 'external', 'loadBalancer', true],
    ['R-EXT-1: pod to NodePort hits both endpoints, masqueraded', 'pod', 'nodePort', true],
    ['R-EXT-1: external to NodePort hits both endpoints, masqueraded', 'external', 'nodePort', true],
  ] as const)('eTP Cluster — %s', (_n, from, to, masq) => {
    expect(flow(make('Cluster'), from, to)).toEqual({ output: bothEps, masq });
  });
});

describe.each(['iptables', 'nftables', 'ipvs'] as const)('TestNoEndpointsReject (%s): R-DROP-1 rejects every destination', (proxyMode) => {
  const scenario = fixture({
    proxyMode,
    service: { clusterIP: '172.30.0.41', externalIPs: [KP.externalIP], ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] },
    endpoints: [],
  });
  it.each([
    ['pod to cluster IP with no endpoints', 'pod', 'clusterIP'],
    ['external to external IP with no endpoints', 'external', 'externalIP'],
    ['pod to NodePort with no endpoints', 'pod', 'nodePort'],
    ['external to NodePort with no endpoints', 'external', 'nodePort'],
    ['pod to LoadBalancer IP with no endpoints', 'pod', 'loadBalancer'],
    ['external to LoadBalancer IP with no endpoints', 'external', 'loadBalancer'],
  ] as const)('%s', (_n, from, to) => {
    expect(flow(scenario, from, to).output).toBe('REJECT');
  });
});

describe.each(['iptables', 'nftables'] as const)('TestLoadBalancer (%s): R-FW-1 loadBalancerSourceRanges', (proxyMode) => {
  const make = (clientIP: string) =>
    fixture({
      proxyMode,
      clientIP,
      service: {
        clusterIP: '172.30.0.41',
        ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }, { ip: '5.6.7.8', ipMode: 'VIP' }],
        // Upstream's regression test: excess whitespace in a range is ignored.
        loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'],
      },
      endpoints: [{ ip: '10.180.0.1', node: null }],
    });
  const ep = '10.180.0.1';
  it.each([
    ['pod to cluster IP', KP.externalClient, 'pod', 'clusterIP', undefined, ep, false],
    ['external to nodePort', KP.externalClient, 'external', 'nodePort', undefined, ep, true],
    ['nodePort bypasses LoadBalancerSourceRanges', KP.externalClientBlocked, 'external', 'nodePort', undefined, ep, true],
    ['accepted external to LB1', KP.externalClient, 'external', 'loadBalancer', '1.2.3.4', ep, true],
    ['accepted external to LB2', KP.externalClient, 'external', 'loadBalancer', '5.6.7.8', ep, true],
    ['blocked external to LB1', KP.externalClientBlocked, 'external', 'loadBalancer', '1.2.3.4', 'DROP', false],
    ['blocked external to LB2', KP.externalClientBlocked, 'external', 'loadBalancer', '5.6.7.8', 'DROP', false],
    ['pod to LB1 (blocked by LoadBalancerSourceRanges)', KP.externalClient, 'pod', 'loadBalancer', '1.2.3.4', 'DROP', false],
    ['pod to LB2 (blocked by LoadBalancerSourceRanges)', KP.externalClient, 'pod', 'loadBalancer', '5.6.7.8', 'DROP', false],
    ['node to LB1 (allowed by LoadBalancerSourceRanges)', KP.externalClient, 'node', 'loadBalancer', '1.2.3.4', ep, true],
    ['node to LB2 (allowed by LoadBalancerSourceRanges)', KP.externalClient, 'node', 'loadBalancer', '5.6.7.8', ep, true],
  ] as const)('%s', (_n, clientIP, from, to, ip, output, masq) => {
    expect(flow(make(clientIP), from, to, ip)).toEqual({ output, masq });
  });
});

describe('TestNodePorts: R-NP-1 NodePort addresses', () => {
  const make = (proxyMode: ProxyMode, extra: Partial<FixtureOptions> = {}) =>
    fixture({
      proxyMode,
      service: { type: 'NodePort', clusterIP: '172.30.0.41', ingress: [] },
      endpoints: [{ ip: '10.180.0.1', node: null }, { ip: '10.180.2.1', node: KP.nodeName }],
      ...extra,
    });
  const output = '10.180.0.1, 10.180.2.1';
  it.each([
    ['iptables', 'pod', 'clusterIP', '172.30.0.41', output, false, {}],
    ['iptables', 'external', 'nodePort', KP.nodeIP, output, true, {}],
    ['iptables', 'node', 'nodePort', KP.nodeIP, output, true, {}],
    ['iptables (all local addresses)', 'external', 'nodePort', KP.nodeIPAlt, output, true, {}],
    ['nftables', 'pod', 'clusterIP', '172.30.0.41', output, false, {}],
    ['nftables', 'external', 'nodePort', KP.nodeIP, output, true, {}],
    ['nftables', 'node', 'nodePort', KP.nodeIP, output, true, {}],
    ['nftables: secondary nodeIP ignores NodePorts (primary)', 'external', 'nodePort', KP.nodeIPAlt, '', false, {}],
    ['nftables, multiple nodeport-addresses: external to nodePort on secondary IP', 'external', 'nodePort', KP.nodeIPAlt, output, true, { nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24'] }],
    ['iptables, nodeport-addresses 192.168.0.0/24: secondary IP ignored', 'external', 'nodePort', KP.nodeIPAlt, '', false, { nodePortAddresses: ['192.168.0.0/24'] }],
  ] as const)('%s: %s to %s %s', (label, from, to, ip, out, masq, extra) => {
    const mode: ProxyMode = label.startsWith('nftables') ? 'nftables' : 'iptables';
    expect(flow(make(mode, extra as Partial<FixtureOptions>), from, to, ip)).toEqual({ output: out, masq });
  });

  it.each([
    ['R-NP-1: iptables answers 127.0.0.1:nodePort, masqueraded', 'iptables', {}, output, true],
    ['R-NP-1: iptables with localhostNodePorts false does not', 'iptables', { localhostNodePorts: false }, '', false],
    ['R-NP-1: iptables with nodePortAddresses excluding 127.0.0.0/8 does not', 'iptables', { nodePortAddresses: ['192.168.0.0/24'] }, '', false],
    ['R-NP-1: iptables with nodePortAddresses including 127.0.0.0/8 does', 'iptables', { nodePortAddresses: ['127.0.0.0/8'] }, output, true],
    ['R-NP-1: nftables never answers localhost NodePorts', 'nftables', {}, '', false],
    ['R-NP-1: nftables even with nodePortAddresses all', 'nftables', { nodePortAddresses: 'all' }, '', false],
    ['§11: IPVS does not answer localhost NodePorts', 'ipvs', {}, '', false],
  ] as const)('%s', (_n, mode, extra, out, masq) => {
    const scenario = make(mode, extra as Partial<FixtureOptions>);
    expect(packetFlow(scenario, { from: 'localhost', to: 'nodePort', node: KP.nodeName, ip: '127.0.0.1' })).toEqual({ output: out, masq });
  });

  it('R-EXT-5: localhost to an eTP=Local NodePort gets the Cluster set, masqueraded', () => {
    const scenario = fixture({
      service: { type: 'NodePort', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.41', ingress: [] },
      endpoints: [{ ip: '10.180.0.1', node: null }],
    });
    expect(packetFlow(scenario, { from: 'localhost', to: 'nodePort', node: KP.nodeName, ip: '127.0.0.1' })).toEqual({ output: '10.180.0.1', masq: true });
  });
});

describe.each(['iptables', 'nftables'] as const)('TestTerminatingEndpointsTrafficPolicyLocal (%s): R-EP-2, R-EXT-7, R-DROP-1', (proxyMode) => {
  const svc = { clusterIP: '172.30.1.1', externalTrafficPolicy: 'Local', ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' as const }] };
  const T = KP.nodeName;
  it.each([
    [
      'ready endpoints exist',
      [
        { ip: '10.0.1.1', node: T, ready: true, serving: true, terminating: false },
        { ip: '10.0.1.2', node: T, ready: true, serving: true, terminating: false },
        { ip: '10.0.1.3', node: T, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', node: T, ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', node: 'node-1', ready: true, serving: true, terminating: false },
      ],
      '10.0.1.1, 10.0.1.2, 10.0.1.5',
      '10.0.1.1, 10.0.1.2',
    ],
    [
      'only terminating endpoints exist',
      [
        { ip: '10.0.1.2', node: T, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.3', node: T, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', node: T, ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', node: 'node-1', ready: true, serving: true, terminating: false },
      ],
      '10.0.1.5',
      '10.0.1.2, 10.0.1.3',
    ],
    [
      'terminating endpoints on remote node',
      [{ ip: '10.0.1.5', node: 'node-1', ready: false, serving: true, terminating: true }],
      '10.0.1.5',
      'DROP',
    ],
    [
      'no usable endpoints on any node',
      [
        { ip: '10.0.1.5', node: T, ready: false, serving: false, terminating: true },
        { ip: '10.0.1.6', node: 'node-1', ready: false, serving: false, terminating: true },
      ],
      'REJECT',
      'REJECT',
    ],
    ['endpoints deleted', [], 'REJECT', 'REJECT'],
  ] as const)('%s', (_n, endpoints, podToClusterIP, externalToLB) => {
    const scenario = fixture({ proxyMode, service: svc, endpoints: [...endpoints] });
    expect(flow(scenario, 'pod', 'clusterIP').output).toBe(podToClusterIP);
    expect(flow(scenario, 'external', 'loadBalancer')).toEqual({ output: externalToLB, masq: false });
  });
});

describe.each(['iptables', 'nftables'] as const)('TestTerminatingEndpointsTrafficPolicyCluster (%s): R-EP-1', (proxyMode) => {
  const svc = { clusterIP: '172.30.1.1', externalTrafficPolicy: 'Cluster', ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' as const }] };
  const T = KP.nodeName;
  it.each([
    [
      'ready endpoints exist',
      [
        { ip: '10.0.1.1', node: T, ready: true, serving: true, terminating: false },
        { ip: '10.0.1.2', node: T, ready: true, serving: true, terminating: false },
        { ip: '10.0.1.3', node: 'another-node', ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', node: 'another-node', ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', node: 'another-node', ready: true, serving: true, terminating: false },
      ],
      '10.0.1.1, 10.0.1.2, 10.0.1.5',
    ],
    [
      'only terminating endpoints exist',
      [
        { ip: '10.0.1.2', node: T, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.3', node: T, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', node: 'another-node', ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', node: 'another-node', ready: false, serving: true, terminating: true },
      ],
      '10.0.1.2, 10.0.1.3, 10.0.1.5',
    ],
    ['terminating endpoints on remote node', [{ ip: '10.0.1.5', node: 'node-1', ready: false, serving: true, terminating: true }], '10.0.1.5'],
    [
      'no usable endpoints on any node',
      [
        { ip: '10.0.1.5', node: T, ready: false, serving: false, terminating: true },
        { ip: '10.0.1.6', node: 'node-1', ready: false, serving: false, terminating: true },
      ],
      'REJECT',
    ],
  ] as const)('%s', (_n, endpoints, output) => {
    const scenario = fixture({ proxyMode, service: svc, endpoints: [...endpoints] });
    expect(flow(scenario, 'pod', 'clusterIP')).toEqual({ output, masq: false });
    expect(flow(scenario, 'external', 'loadBalancer')).toEqual({ output, masq: output !== 'REJECT' });
  });
});

describe.each(['iptables', 'nftables'] as const)('TestInternalTrafficPolicy (%s): R-INT-1, R-INT-3', (proxyMode) => {
  const T = KP.nodeName;
  it.each([
    ['internalTrafficPolicy is cluster', 'Cluster', [T, 'node1', 'node2'], '10.0.1.1, 10.0.1.2, 10.0.1.3'],
    ['internalTrafficPolicy is local and there is one local endpoint', 'Local', [T, 'node1', 'node2'], '10.0.1.1'],
    ['internalTrafficPolicy is local and there are multiple local endpoints', 'Local', [T, T, 'node2'], '10.0.1.1, 10.0.1.2'],
    ['internalTrafficPolicy is local and there are no local endpoints', 'Local', ['node0', 'node1', 'node2'], 'DROP'],
  ] as const)('%s', (_n, itp, nodes, output) => {
    const scenario = fixture({
      proxyMode,
      service: { type: 'ClusterIP', clusterIP: '172.30.1.1', internalTrafficPolicy: itp, ingress: [] },
      endpoints: nodes.map((node, i) => ({ ip: `10.0.1.${i + 1}`, node })),
    });
    expect(flow(scenario, 'pod', 'clusterIP')).toEqual({ output, masq: false });
    const deleted = fixture({ proxyMode, service: { type: 'ClusterIP', clusterIP: '172.30.1.1', internalTrafficPolicy: itp, ingress: [] }, endpoints: [] });
    expect(flow(deleted, 'pod', 'clusterIP').output).toBe('REJECT');
  });
});

describe('TestClusterIPGeneral: R-HP-1 hairpin', () => {
  const scenario = buildScenario({
    cluster: { clusterCIDR: KP.clusterCIDR },
    nodes: [{ name: KP.nodeName, ip: KP.nodeIP, podCIDR: '10.180.0.0/24' }, { name: 'node2', ip: '192.168.0.3', podCIDR: '10.180.2.0/24' }],
    pods: [
      { name: 'ep-local', node: KP.nodeName, ip: '10.180.0.1' },
      { name: 'client', node: KP.nodeName, ip: '10.180.0.2', selected: false },
    ],
    service: { type: 'ClusterIP', clusterIP: '172.30.0.41', ingress: [] },
  });
  it('simple clusterIP is not masqueraded', () => {
    expect(packetFlow(scenario, { from: 'pod/client', to: 'clusterIP' })).toEqual({ output: '10.180.0.1', masq: false });
  });
  it('hairpin to cluster IP is masqueraded, and the Pod sees its bridge IP', () => {
    expect(packetFlow(scenario, { from: 'pod/ep-local', to: 'clusterIP' })).toEqual({ output: '10.180.0.1', masq: true });
    const t = trace(scenario, { from: 'pod/ep-local', to: 'clusterIP', node: KP.nodeName, ip: null });
    expect(t.backends.map((b) => [b.sourceIp, b.sourceIpKind])).toEqual([['10.180.0.1', 'bridge']]);
    expect(t.steps.some((s) => s.startsWith('R-HP-1'))).toBe(true);
  });
  it('with several endpoints only the hairpin choice is masqueraded', () => {
    const two = buildScenario({
      cluster: { clusterCIDR: KP.clusterCIDR },
      nodes: [{ name: KP.nodeName, ip: KP.nodeIP, podCIDR: '10.180.0.0/24' }, { name: 'node2', ip: '192.168.0.3', podCIDR: '10.180.2.0/24' }],
      pods: [
        { name: 'ep-local', node: KP.nodeName, ip: '10.180.0.1' },
        { name: 'ep-remote', node: 'node2', ip: '10.180.2.1' },
      ],
      service: { type: 'ClusterIP', clusterIP: '172.30.0.41', ingress: [] },
    });
    const t = trace(two, { from: 'pod/ep-local', to: 'clusterIP', node: KP.nodeName, ip: null });
    expect(t.masquerade).toBe(false);
    expect(t.backends.map((b) => [b.pod, b.sourceIp, b.sourceIpKind])).toEqual([
      ['ep-local', '10.180.0.1', 'bridge'],
      ['ep-remote', '10.180.0.1', 'client'],
    ]);
  });
});

describe('TestLoadBalancerIngressRouteTypeProxy: R-LBIP-1 ipMode Proxy is not programmed', () => {
  const make = (ipMode: 'VIP' | 'Proxy') =>
    buildScenario({
      cluster: { clusterCIDR: KP.clusterCIDR },
      nodes: [{ name: KP.nodeName, ip: KP.nodeIP }, { name: 'node2', ip: '192.168.0.3' }, { name: 'node3', ip: '192.168.0.4' }],
      pods: [
        { name: 'client', node: KP.nodeName, ip: KP.podIP, selected: false },
        { name: 'ep', node: 'node2', ip: '10.180.0.1' },
      ],
      service: { clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ingress: [{ ip: '1.2.3.4', ipMode }] },
    });
  it('with ipMode VIP a pod is short-circuited to every endpoint (R-EXT-4), whichever node is named', () => {
    expect(packetFlow(make('VIP'), { from: 'pod/client', to: 'loadBalancer' })).toEqual({ output: '10.180.0.1', masq: false });
    expect(packetFlow(make('VIP'), { from: 'pod/client', to: 'loadBalancer', node: 'node3' })).toEqual({ output: '10.180.0.1', masq: false });
  });
  it.each([
    ['the balancer picks node2 (has the endpoint): Local set, client kept', 'node2', { output: '10.180.0.1', masq: false }],
    ['the balancer picks node3 (no local endpoint): dropped (R-EXT-7)', 'node3', { output: 'DROP', masq: false }],
    ["the balancer picks the sender's own node: its own IP is local (R-EXT-5)", KP.nodeName, { output: '10.180.0.1', masq: true }],
  ] as const)('with ipMode Proxy the pod\'s packet leaves for the balancer and returns SNATed to its node IP: %s', (_n, node, expected) => {
    expect(packetFlow(make('Proxy'), { from: 'pod/client', to: 'loadBalancer', node })).toEqual(expected);
  });
});
