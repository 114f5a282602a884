import { parseScenario, type Scenario, type ScenarioInput } from '@/lib/engine';

type Spec = ScenarioInput['service']['spec'];

function scenario(over: { spec?: Partial<Spec>; cluster?: Partial<ScenarioInput['cluster']>; rest?: Partial<ScenarioInput> } = {}): Scenario {
  const input: ScenarioInput = {
    cluster: {
      nodes: [
        { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24', zone: 'zone-a' },
        { name: 'node-b', ip: '10.0.1.11' },
      ],
      pods: [
        { name: 'web-1', node: 'node-a', ip: '10.244.1.5', labels: { app: 'web' } },
        { name: 'db-1', node: 'node-b', ip: '10.244.2.5', labels: { app: 'db' } },
        { name: 'web-2', node: 'node-b', ip: '10.244.2.6', labels: { app: 'web' } },
      ],
      ...over.cluster,
    },
    service: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }], ...over.spec } },
    ...over.rest,
  };
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('parseScenario fills every default', () => {
  it('bridgeIP is the first address of podCIDR, else the node IP', () => {
    expect(scenario().cluster.nodes.map((n) => n.bridgeIP)).toEqual(['10.244.1.1', '10.0.1.11']);
  });

  it.each([
    ['iptables', 'all'],
    ['nftables', 'primary'],
    ['ipvs', 'all'],
    ['cilium-snat', 'all'],
  ] as const)('nodePortAddresses under %s defaults to %s', (proxyMode, expected) => {
    expect(scenario({ cluster: { proxyMode } }).cluster.nodePortAddresses).toBe(expected);
  });

  it.each([
    ['nothing written', {}, { ready: true, serving: true, terminating: false }],
    ['ready: false', { ready: false }, { ready: false, serving: false, terminating: false }],
    ['terminating only (ready keeps its documented default)', { terminating: true }, { ready: true, serving: true, terminating: true }],
    ['terminating and not ready (serving follows ready)', { terminating: true, ready: false }, { ready: false, serving: false, terminating: true }],
    ['explicit values', { ready: true, serving: false, terminating: true }, { ready: true, serving: false, terminating: true }],
  ])('endpoint conditions with %s', (_name, conditions, expected) => {
    const s = scenario({ cluster: { pods: [{ name: 'p', node: 'node-a', ip: '10.244.1.9', labels: { app: 'web' }, ...conditions }] } });
    expect(s.endpoints[0]).toMatchObject(expected);
  });

  it('endpoints are the Pods the selector matches, in scenario order, with the node zone', () => {
    const s = scenario();
    expect(s.endpoints.map((e) => [e.pod, e.zone])).toEqual([
      ['web-1', 'zone-a'],
      ['web-2', null],
    ]);
    expect(s.cluster.pods.map((p) => p.selected)).toEqual([true, false, true]);
  });

  it('no selector selects every Pod', () => {
    expect(scenario({ spec: { selector: undefined } }).endpoints.map((e) => e.pod)).toEqual(['web-1', 'db-1', 'web-2']);
  });

  it.each([
    ['LoadBalancer', {}, 'Cluster'],
    ['NodePort', { type: 'NodePort' }, 'Cluster'],
    ['ClusterIP', { type: 'ClusterIP' }, null],
    ['ClusterIP with externalIPs', { type: 'ClusterIP', externalIPs: ['192.168.99.11'] }, 'Cluster'],
    ['ClusterIP with Local written', { type: 'ClusterIP', externalTrafficPolicy: 'Local' }, 'Local'],
    ['an empty string (same as unset in the API)', { externalTrafficPolicy: '' }, 'Cluster'],
  ] as const)('externalTrafficPolicy on %s defaults like the API server (R-API-2)', (_n, spec, expected) => {
    expect(scenario({ spec: spec as Partial<Spec> }).service.externalTrafficPolicy).toBe(expected);
  });

  it('internalTrafficPolicy defaults to Cluster and allocateLoadBalancerNodePorts to true on a LoadBalancer', () => {
    const s = scenario().service;
    expect([s.internalTrafficPolicy, s.allocateLoadBalancerNodePorts]).toEqual(['Cluster', true]);
    expect(scenario({ spec: { type: 'NodePort' } }).service.allocateLoadBalancerNodePorts).toBeNull();
  });

  it('allocates missing NodePorts and a missing health-check port from 30000, skipping ports in use (R-API-4)', () => {
    const s = scenario({ spec: { externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30000 }, { port: 443, name: 'https' }] } }).service;
    expect(s.ports.map((p) => p.nodePort)).toEqual([30000, 30001]);
    expect(s.healthCheckNodePort).toBe(30002);
  });

  it('keeps an explicit healthCheckNodePort of 0, and allocates none when not LoadBalancer + Local', () => {
    expect(scenario({ spec: { externalTrafficPolicy: 'Local', healthCheckNodePort: 0 } }).service.healthCheckNodePort).toBe(0);
    expect(scenario({ spec: { type: 'NodePort', externalTrafficPolicy: 'Local' } }).service.healthCheckNodePort).toBe(0);
  });

  it('allocates no NodePorts for a ClusterIP Service or when allocateLoadBalancerNodePorts is false', () => {
    expect(scenario({ spec: { type: 'ClusterIP' } }).service.ports[0]?.nodePort).toBeNull();
    expect(scenario({ spec: { allocateLoadBalancerNodePorts: false } }).service.ports[0]?.nodePort).toBeNull();
  });

  it('allocates a clusterIP when unset and maps headless "None" to null', () => {
    expect(scenario().service.clusterIP).toBe('10.96.0.10');
    expect(scenario({ spec: { clusterIP: 'None' } }).service.clusterIP).toBeNull();
    expect(scenario({ spec: { clusterIP: '10.96.5.5' } }).service.clusterIP).toBe('10.96.5.5');
  });

  it('targetPort defaults to port, ipMode to VIP, session affinity timeout to 10800 s', () => {
    const s = scenario({ rest: { service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } } } }).service;
    expect([s.ports[0]?.targetPort, s.ingress[0]?.ipMode, s.sessionAffinityTimeoutSeconds]).toEqual([80, 'VIP', 10800]);
  });
});

describe('parseScenario default traffic (scenario-format.md)', () => {
  it('LoadBalancer: external → loadBalancer once per node, to the first ingress IP', () => {
    const s = scenario({ rest: { service: { metadata: { name: 'w' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } } } });
    expect(s.traffic).toEqual([
      { from: 'external', to: 'loadBalancer', node: 'node-a', ip: '203.0.113.10' },
      { from: 'external', to: 'loadBalancer', node: 'node-b', ip: '203.0.113.10' },
    ]);
  });

  it('NodePort: external → nodePort once per node, on the node IP', () => {
    expect(scenario({ spec: { type: 'NodePort' } }).traffic).toEqual([
      { from: 'external', to: 'nodePort', node: 'node-a', ip: '10.0.1.10' },
      { from: 'external', to: 'nodePort', node: 'node-b', ip: '10.0.1.11' },
    ]);
  });

  it('ClusterIP: pod → clusterIP from the first Pod, or from the first node when there is no Pod', () => {
    expect(scenario({ spec: { type: 'ClusterIP', clusterIP: '10.96.0.20' } }).traffic).toEqual([
      { from: 'pod/web-1', to: 'clusterIP', node: 'node-a', ip: '10.96.0.20' },
    ]);
    expect(scenario({ spec: { type: 'ClusterIP', clusterIP: '10.96.0.20' }, cluster: { pods: [] } }).traffic).toEqual([
      { from: 'node/node-a', to: 'clusterIP', node: 'node-a', ip: '10.96.0.20' },
    ]);
  });
});

describe('parseScenario written traffic', () => {
  const withTraffic = (traffic: NonNullable<ScenarioInput['traffic']>, spec: Partial<Spec> = {}) =>
    scenario({ spec: { externalIPs: ['192.168.99.11'], ...spec }, rest: { traffic } }).traffic;

  it('a pod sender is received on its own node by default', () => {
    expect(withTraffic([{ from: 'pod/web-2', to: 'nodePort' }])).toEqual([{ from: 'pod/web-2', to: 'nodePort', node: 'node-b', ip: '10.0.1.11' }]);
  });

  it('an external flow without a node becomes one flow per node', () => {
    expect(withTraffic([{ from: 'external', to: 'nodePort' }]).map((t) => t.node)).toEqual(['node-a', 'node-b']);
  });

  it('an external flow to an address one node owns is received by that node', () => {
    const s = scenario({
      spec: { externalIPs: ['192.168.99.11'] },
      cluster: { nodes: [{ name: 'node-a', ip: '10.0.1.10', extraIPs: ['192.168.99.11'] }, { name: 'node-b', ip: '10.0.1.11' }], pods: [] },
      rest: { traffic: [{ from: 'external', to: 'externalIP' }] },
    });
    expect(s.traffic).toEqual([{ from: 'external', to: 'externalIP', node: 'node-a', ip: '192.168.99.11' }]);
  });

  it('localhost dials 127.0.0.1 by default', () => {
    expect(withTraffic([{ from: 'localhost', to: 'nodePort', node: 'node-a' }])).toEqual([{ from: 'localhost', to: 'nodePort', node: 'node-a', ip: '127.0.0.1' }]);
  });

  it.each([
    ['a clusterIP flow received away from the sender', [{ from: 'pod/web-1', to: 'clusterIP', node: 'node-b' }], 'traffic[0].node', /sender's node/],
    ['an externalIP the Service does not have', [{ from: 'external', to: 'externalIP', ip: '192.168.99.12' }], 'traffic[0].ip', /not one of service\.spec\.externalIPs/],
    ['a NodePort dialled on another node address', [{ from: 'external', to: 'nodePort', node: 'node-a', ip: '10.0.1.11' }], 'traffic[0].ip', /not an address of node "node-a"/],
    ['a node sender that does not exist', [{ from: 'node/node-x', to: 'clusterIP' }], 'traffic[0].from', /node "node-x" does not exist/],
  ] as const)('refuses %s', (_name, traffic, path, message) => {
    const r = parseScenario({
      cluster: { nodes: [{ name: 'node-a', ip: '10.0.1.10' }, { name: 'node-b', ip: '10.0.1.11' }], pods: [{ name: 'web-1', node: 'node-a', ip: '10.244.1.5' }] },
      service: { metadata: { name: 'web' }, spec: { type: 'NodePort', externalIPs: ['192.168.99.11'], ports: [{ port: 80 }] } },
      traffic: [...traffic],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it('issues from a JS value carry paths but no line', () => {
    const r = parseScenario({ cluster: { nodes: [{ name: 'a', ip: 'x' }] }, service: { metadata: { name: 'w' }, spec: { ports: [{ port: 80 }] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: 'cluster.nodes[0].ip', message: expect.stringContaining('"x"') }]);
  });

  it('refuses a value that is not a mapping', () => {
    expect(parseScenario([1, 2])).toEqual({ ok: false, issues: [expect.objectContaining({ path: '' })] });
  });
});
