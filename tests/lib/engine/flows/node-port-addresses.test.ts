/**
 * nodePortAddresses and loopback NodePorts (routing-semantics.md §19, R-NP-2, R-NP-3; R-NP-1 for a Pod's own
 * loopback). Expected outputs are written by hand from the rules; the TestOnlyLocalNodePorts block rebuilds
 * kube-proxy's own test (pkg/proxy/iptables/proxier_test.go TestOnlyLocalNodePorts, onlyLocalNodePorts).
 */
import { parseScenario, trace, type ScenarioInput } from '@/lib/engine';
import { KP, kubeProxyFixture, packetFlow, type FixtureOptions } from '../support/packet-flow';

type Options = Omit<FixtureOptions, 'service'> & { service?: FixtureOptions['service'] };

/** kube-proxy's fake node "test-node" (192.168.0.2, also 192.168.1.2), a client pod 10.0.0.2, NodePort 3001. */
function fixture(o: Options) {
  return kubeProxyFixture({
    ...o,
    service: { type: 'NodePort', clusterIP: '172.30.0.41', ingress: [], ...o.service },
  });
}

const at = (scenario: ReturnType<typeof fixture>, from: string, ip: string) =>
  packetFlow(scenario, { from, to: 'nodePort', node: KP.nodeName, ip });

describe('TestOnlyLocalNodePorts (iptables): nodePortAddresses [192.168.0.0/24, 2001:db8::/64], localhostNodePorts false', () => {
  const scenario = fixture({
    service: { externalTrafficPolicy: 'Local' },
    endpoints: [
      { ip: '10.180.0.1', node: null },
      { ip: '10.180.2.1', node: KP.nodeName },
    ],
    nodePortAddresses: ['192.168.0.0/24', '2001:db8::/64'],
    localhostNodePorts: false,
  });

  it('pod to cluster IP hits both endpoints', () => {
    expect(packetFlow(scenario, { from: 'pod/client', to: 'clusterIP' })).toEqual({
      output: '10.180.0.1, 10.180.2.1',
      masq: false,
    });
  });
  it('external to NodePort hits only the local endpoint (the IPv6 entry is ignored, not an error: R-NP-3)', () => {
    expect(at(scenario, 'external', KP.nodeIP)).toEqual({ output: '10.180.2.1', masq: false });
  });
  it("pod to localhost doesn't work", () => {
    expect(at(scenario, 'pod/client', '127.0.0.1')).toEqual({ output: '', masq: false });
  });
  it('pod to NodePort hits both endpoints', () => {
    expect(at(scenario, 'pod/client', KP.nodeIP)).toEqual({ output: '10.180.0.1, 10.180.2.1', masq: false });
  });
  it('R-NP-2: the secondary IP is outside nodePortAddresses and a local endpoint exists, so no filter rule matches either', () => {
    expect(at(scenario, 'external', KP.nodeIPAlt)).toEqual({ output: '', masq: false });
  });
});

describe('R-NP-3: a list with no IPv4 CIDR means every address', () => {
  const endpoints = [{ ip: '10.180.0.1', node: KP.nodeName }];
  it.each(['iptables', 'nftables'] as const)(
    '%s: nodePortAddresses [2001:db8::/64] answers on the secondary IP',
    (proxyMode) => {
      const s = fixture({ proxyMode, endpoints, nodePortAddresses: ['2001:db8::/64'] });
      expect(at(s, 'external', KP.nodeIPAlt)).toEqual({ output: '10.180.0.1', masq: true });
      const steps = trace(s, { from: 'external', to: 'nodePort', node: KP.nodeName, ip: KP.nodeIPAlt }).steps;
      expect(steps.some((x) => x.includes('R-NP-3'))).toBe(true);
    },
  );
  it('iptables: match-all includes 127.0.0.1 when localhostNodePorts is on', () => {
    expect(
      at(fixture({ endpoints, nodePortAddresses: ['2001:db8::/64'] }), 'localhost', '127.0.0.1'),
    ).toEqual({ output: '10.180.0.1', masq: true });
  });
  it('the reader accepts CIDRs of both families and names a bad one', () => {
    const input = (nodePortAddresses: string[]): ScenarioInput => ({
      cluster: { nodePortAddresses, nodes: [{ name: 'n', ip: '10.0.0.1' }] },
      service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    const ok = parseScenario(input(['10.0.0.0/8', '2001:db8::/64']));
    expect(ok.ok && ok.scenario.cluster.nodePortAddresses).toEqual(['10.0.0.0/8', '2001:db8::/64']);
    expect(parseScenario(input(['10.0.0.0/8', 'nonsense']))).toEqual({
      ok: false,
      issues: [
        {
          path: 'cluster.nodePortAddresses[1]',
          message: 'must be a CIDR such as 10.0.1.0/24 or 2001:db8::/64',
        },
      ],
    });
  });
});

describe('R-NP-2: the iptables no-endpoint filter rule ignores nodePortAddresses and localhostNodePorts', () => {
  const cases: Array<[string, Options, string, string, string]> = [
    // [name, fixture, sender, destination, output]
    [
      'no endpoints at all, address outside nodePortAddresses → REJECT',
      { endpoints: [], nodePortAddresses: ['192.168.0.0/24'] },
      'external',
      KP.nodeIPAlt,
      'REJECT',
    ],
    [
      'eTP=Local without a local endpoint, outside nodePortAddresses → DROP',
      {
        service: { externalTrafficPolicy: 'Local' },
        endpoints: [{ ip: '10.180.3.1', node: 'other' }],
        nodePortAddresses: ['192.168.0.0/24'],
      },
      'external',
      KP.nodeIPAlt,
      'DROP',
    ],
    [
      'eTP=Local without a local endpoint: a pod is dropped too (no NAT rule short-circuits it)',
      {
        service: { externalTrafficPolicy: 'Local' },
        endpoints: [{ ip: '10.180.3.1', node: 'other' }],
        nodePortAddresses: ['192.168.0.0/24'],
      },
      'pod/client',
      KP.nodeIPAlt,
      'DROP',
    ],
    [
      '127.0.0.1 with localhostNodePorts false and no endpoints → REJECT',
      { endpoints: [], localhostNodePorts: false },
      'localhost',
      '127.0.0.1',
      'REJECT',
    ],
    [
      '127.0.0.1 with localhostNodePorts false, eTP=Local, no local endpoint → DROP',
      {
        service: { externalTrafficPolicy: 'Local' },
        endpoints: [{ ip: '10.180.3.1', node: 'other' }],
        localhostNodePorts: false,
      },
      'localhost',
      '127.0.0.1',
      'DROP',
    ],
    [
      '127.0.0.1 outside nodePortAddresses, no endpoints → REJECT',
      { endpoints: [], nodePortAddresses: ['192.168.0.0/24'] },
      'localhost',
      '127.0.0.1',
      'REJECT',
    ],
    [
      'usable endpoints under Cluster: nothing matches, the host stack answers',
      { endpoints: [{ ip: '10.180.3.1', node: 'other' }], nodePortAddresses: ['192.168.0.0/24'] },
      'external',
      KP.nodeIPAlt,
      '',
    ],
    [
      'inside nodePortAddresses with no endpoints: REJECT as before (R-DROP-1)',
      { endpoints: [], nodePortAddresses: ['192.168.0.0/24'] },
      'external',
      KP.nodeIP,
      'REJECT',
    ],
  ];
  it.each(cases)('iptables: %s', (_name, o, from, ip, output) => {
    expect(at(fixture(o), from, ip)).toEqual({ output, masq: false });
  });

  it.each(cases.filter(([, , , ip]) => ip === KP.nodeIPAlt))(
    'nftables has no such rule outside nodePortAddresses: %s → no rule',
    (_name, o, from, ip) => {
      expect(at(fixture({ ...o, proxyMode: 'nftables' }), from, ip)).toEqual({ output: '', masq: false });
    },
  );

  it('the step names R-NP-2 and the filter rule', () => {
    const t = trace(fixture({ endpoints: [], nodePortAddresses: ['192.168.0.0/24'] }), {
      from: 'external',
      to: 'nodePort',
      node: KP.nodeName,
      ip: KP.nodeIPAlt,
    });
    expect(t.verdict).toBe('rejected');
    expect(t.steps.join(' ')).toMatch(/R-NP-2: .*KUBE-EXTERNAL-SERVICES/);
  });
});

describe('R-NP-1: a Pod dialling 127.0.0.1:nodePort reaches its own network namespace', () => {
  it.each(['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const)(
    '%s: unmatched, never forwarded',
    (proxyMode) => {
      const t = trace(fixture({ proxyMode, endpoints: [{ ip: '10.180.0.1', node: KP.nodeName }] }), {
        from: 'pod/client',
        to: 'nodePort',
        node: KP.nodeName,
        ip: '127.0.0.1',
      });
      expect([t.verdict, t.backends]).toEqual(['unmatched', []]);
      expect(t.steps.join(' ')).toMatch(/R-NP-1: .*its own network namespace/);
    },
  );
});

describe('impossible loopback input is refused by the reader (item 5)', () => {
  const input = (traffic: NonNullable<ScenarioInput['traffic']>): ScenarioInput => ({
    cluster: {
      nodes: [
        { name: 'node-a', ip: '10.0.1.10' },
        { name: 'node-b', ip: '10.0.1.11' },
      ],
      pods: [{ name: 'p', node: 'node-a', ip: '10.244.1.5' }],
    },
    service: { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } },
    traffic,
  });

  it("node/node-a to node-b's 127.0.0.1", () => {
    const r = parseScenario(
      input([{ from: 'node/node-a', to: 'nodePort', node: 'node-b', ip: '127.0.0.1' }]),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      {
        path: 'traffic[0].ip',
        message:
          '127.0.0.1 is the loopback address of node/node-a itself; traffic from node/node-a cannot reach the loopback of node "node-b" (use from: node/node-b or from: localhost with node: node-b)',
      },
    ]);
  });

  it('an external client to 127.0.0.1', () => {
    const r = parseScenario(input([{ from: 'external', to: 'nodePort', node: 'node-a', ip: '127.0.0.1' }]));
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['traffic[0].ip']);
  });

  it("a node's own loopback and a Pod's loopback are accepted", () => {
    const r = parseScenario(
      input([
        { from: 'node/node-a', to: 'nodePort', ip: '127.0.0.1' },
        { from: 'pod/p', to: 'nodePort', ip: '127.0.0.1' },
      ]),
    );
    expect(r.ok).toBe(true);
  });
});
