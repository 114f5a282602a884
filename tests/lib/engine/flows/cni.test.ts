/**
 * R-CNI-1…5: which address a masqueraded packet carries, per network plugin. Every expectation below was derived
 * by hand from routing-semantics.md §16 (the R-CNI-5 table) for this layout, not computed by the engine:
 *
 *   node-a 10.0.1.10, podCIDR 10.244.1.0/24 → bridge/gateway 10.244.1.1, default tunnel address 10.244.1.0
 *   node-b 10.0.1.11, podCIDR 10.244.2.0/24
 *   web-a on node-a (10.244.1.11), web-b on node-b (10.244.2.11), web-x with no nodeName (10.250.0.5)
 *   NodePort Service, externalTrafficPolicy Cluster: external → node-a:30080 is masqueraded (R-EXT-1) toward every
 *   backend, so web-a shows the same-node rule, web-b and web-x the other-node rule.
 */
import { evaluate, parseScenario, type BackendAnswer, type ScenarioInput } from '@/lib/engine';

type Cni = NonNullable<ScenarioInput['cluster']['cni']>;
type Node = ScenarioInput['cluster']['nodes'][number];

const NODES: Node[] = [
  { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
  { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
];

function input(o: { cni?: Cni; nodes?: Node[]; proxyMode?: ScenarioInput['cluster']['proxyMode']; traffic?: ScenarioInput['traffic'] } = {}): ScenarioInput {
  return {
    cluster: {
      proxyMode: o.proxyMode ?? 'iptables',
      clusterCIDR: '10.0.0.0/8',
      ...(o.cni !== undefined ? { cni: o.cni } : {}),
      nodes: o.nodes ?? NODES,
      pods: [
        { name: 'web-a', node: 'node-a', ip: '10.244.1.11', labels: { app: 'web' } },
        { name: 'web-b', node: 'node-b', ip: '10.244.2.11', labels: { app: 'web' } },
        { name: 'web-x', ip: '10.250.0.5', labels: { app: 'web' } },
      ],
    },
    service: {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.0.20', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
    },
    client: { ip: '198.51.100.7' },
    traffic: o.traffic ?? [{ from: 'external', to: 'nodePort', node: 'node-a' }],
  };
}

function backends(i: ScenarioInput, flow = 0): Record<string, Pick<BackendAnswer, 'sourceIp' | 'sourceIpKind'>> {
  const r = parseScenario(i);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const f = evaluate(r.scenario).flows[flow]!;
  return Object.fromEntries(f.backends.map((b) => [b.pod, { sourceIp: b.sourceIp, sourceIpKind: b.sourceIpKind }]));
}

const bridge = { sourceIp: '10.244.1.1', sourceIpKind: 'bridge' };
const nodeIp = { sourceIp: '10.0.1.10', sourceIpKind: 'node' };
const tunnel = { sourceIp: '10.244.1.0', sourceIpKind: 'tunnel' };

describe('R-CNI-5: every preset, same-node / other-node / no-nodeName backends (iptables, masqueraded)', () => {
  it.each([
    // preset,            web-a (same node), web-b (other node), web-x (no nodeName: treated as another node)
    ['kubenet', bridge, nodeIp, nodeIp],
    ['bridge', bridge, nodeIp, nodeIp],
    ['flannel-host-gw', bridge, nodeIp, nodeIp],
    ['flannel-vxlan', bridge, tunnel, tunnel],
    ['kindnet', bridge, nodeIp, nodeIp],
    ['gke', bridge, nodeIp, nodeIp],
    ['calico-bgp', nodeIp, nodeIp, nodeIp],
    ['aws-vpc', nodeIp, nodeIp, nodeIp],
    ['calico-ipip', nodeIp, tunnel, tunnel],
    ['calico-vxlan', nodeIp, tunnel, tunnel],
  ] as const)('%s', (cni, webA, webB, webX) => {
    expect(backends(input({ cni }))).toEqual({ 'web-a': webA, 'web-b': webB, 'web-x': webX });
  });

  it.each([
    [{ podInterface: 'bridge', interNode: 'direct' }, bridge, nodeIp],
    [{ podInterface: 'bridge', interNode: 'tunnel' }, bridge, tunnel],
    [{ podInterface: 'veth-gateway', interNode: 'direct' }, bridge, nodeIp],
    [{ podInterface: 'veth-gateway', interNode: 'tunnel' }, bridge, tunnel],
    [{ podInterface: 'veth-unnumbered', interNode: 'direct' }, nodeIp, nodeIp],
    [{ podInterface: 'veth-unnumbered', interNode: 'tunnel' }, nodeIp, tunnel],
    [{}, bridge, nodeIp],
    [{ interNode: 'tunnel' }, bridge, tunnel],
  ] as const)('object form %j', (cni, webA, webB) => {
    expect(backends(input({ cni }))).toMatchObject({ 'web-a': webA, 'web-b': webB });
  });

  it('no cni: {bridge, direct}, as before R-CNI', () => {
    expect(backends(input())).toEqual({ 'web-a': bridge, 'web-b': nodeIp, 'web-x': nodeIp });
  });
});

describe('R-CNI-5: tunnelIP', () => {
  const calicoNodes: Node[] = [
    { name: 'node-a', ip: '10.0.1.10', tunnelIP: '192.168.77.64' },
    { name: 'node-b', ip: '10.0.1.11', tunnelIP: '192.168.80.0' },
  ];

  it('an explicit tunnelIP is the source toward other nodes (Calico IPIP: an address of its IPAM block, no podCIDR)', () => {
    expect(backends(input({ cni: 'calico-ipip', nodes: calicoNodes }))).toEqual({
      'web-a': nodeIp,
      'web-b': { sourceIp: '192.168.77.64', sourceIpKind: 'tunnel' },
      'web-x': { sourceIp: '192.168.77.64', sourceIpKind: 'tunnel' },
    });
  });

  it('an explicit tunnelIP wins over the podCIDR default', () => {
    const nodes: Node[] = [{ ...NODES[0]!, tunnelIP: '10.244.1.128' }, NODES[1]!];
    expect(backends(input({ cni: 'flannel-vxlan', nodes }))['web-b']).toEqual({ sourceIp: '10.244.1.128', sourceIpKind: 'tunnel' });
  });

  it('a tunnelling plugin on a node with no podCIDR and no tunnelIP is refused, naming the field', () => {
    const nodes: Node[] = [NODES[0]!, { name: 'node-b', ip: '10.0.1.11' }];
    const r = parseScenario(input({ cni: 'calico-vxlan', nodes }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ path: 'cluster.nodes[1].tunnelIP', message: expect.stringContaining('is required') }]);
    expect(r.issues[0]!.message).toContain('node "node-b" has no podCIDR');
  });

  it('without a tunnel, a node with no podCIDR needs no tunnelIP', () => {
    const nodes: Node[] = [NODES[0]!, { name: 'node-b', ip: '10.0.1.11' }];
    expect(parseScenario(input({ cni: 'calico-bgp', nodes })).ok).toBe(true);
  });

  it('an explicit tunnelIP must not be another address of the scenario', () => {
    const nodes: Node[] = [{ ...NODES[0]!, tunnelIP: '10.0.1.11' }, NODES[1]!];
    const r = parseScenario(input({ cni: 'flannel-vxlan', nodes }));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['cluster.nodes[0].tunnelIP']);
  });

  it('an unknown preset is refused with the list of presets; an unknown key of the object form is named', () => {
    const r1 = parseScenario(input({ cni: 'flanel-vxlan' as Cni }));
    expect(r1.ok ? [] : r1.issues).toEqual([{ path: 'cluster.cni', message: expect.stringContaining('"flannel-vxlan"') }]);
    const r2 = parseScenario(input({ cni: { podInterfase: 'bridge' } as unknown as Cni }));
    expect(r2.ok ? [] : r2.issues).toEqual([{ path: 'cluster.cni.podInterfase', message: 'unknown field "podInterfase" (did you mean "podInterface"?)' }]);
  });
});

describe('R-CNI-4: hairpin follows the same-node rule', () => {
  // pod/web-a → ClusterIP: a pod source is not masqueraded (R-INT-2), except toward itself (R-HP-1).
  const hairpin = (cni?: Cni) => backends(input({ cni, traffic: [{ from: 'pod/web-a', to: 'clusterIP' }] }));
  const kept = { sourceIp: '10.244.1.11', sourceIpKind: 'client' };

  it.each([
    ['flannel-vxlan', bridge],
    ['kindnet', bridge],
    ['calico-ipip', nodeIp],
    ['aws-vpc', nodeIp],
  ] as const)('%s', (cni, webA) => {
    expect(hairpin(cni)).toEqual({ 'web-a': webA, 'web-b': kept, 'web-x': kept });
  });
});

describe('R-CNI: which data planes', () => {
  it('IPVS and nftables masquerade with the kernel too (flannel-vxlan: tunnel address toward node-b)', () => {
    expect(backends(input({ cni: 'flannel-vxlan', proxyMode: 'ipvs' }))['web-b']).toEqual(tunnel);
    expect(backends(input({ cni: 'calico-bgp', proxyMode: 'nftables' }))['web-a']).toEqual(nodeIp);
  });

  it('Cilium (kube-proxy replacement) is not R-CNI: SNAT mode still shows the node IP to a remote backend, the client IP to a local one', () => {
    expect(backends(input({ cni: 'flannel-vxlan', proxyMode: 'cilium-snat' }))).toEqual({
      'web-a': { sourceIp: '198.51.100.7', sourceIpKind: 'client' },
      'web-b': nodeIp,
      'web-x': nodeIp,
    });
  });
});

describe('R-CNI steps', () => {
  const steps = (cni?: Cni, traffic?: ScenarioInput['traffic']) => {
    const r = parseScenario(input({ cni, traffic }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return evaluate(r.scenario).flows[0]!.steps.join('\n');
  };

  it('a declared plugin is named with its rule for both directions', () => {
    const s = steps('flannel-vxlan');
    expect(s).toContain("a Pod on another node sees node-a's tunnel address 10.244.1.0 (R-CNI-3: flannel-vxlan");
    expect(s).toContain('a Pod on node-a sees its bridge IP 10.244.1.1 (R-CNI-2:');
    expect(steps('calico-bgp')).toContain("a Pod on node-a sees node-a's IP 10.0.1.10 (R-CNI-2: calico-bgp's host-side veth has no IPv4 address");
    expect(steps('kindnet')).toContain('a Pod on node-a sees its Pod-subnet gateway 10.244.1.1 (R-CNI-2: kindnet');
  });

  it('the hairpin step cites R-CNI-4 when a plugin is declared, and not otherwise', () => {
    expect(steps('calico-ipip', [{ from: 'pod/web-a', to: 'clusterIP' }])).toContain('it sees 10.0.1.10 (R-CNI-4:');
    expect(steps(undefined, [{ from: 'pod/web-a', to: 'clusterIP' }])).not.toContain('R-CNI');
  });

  it('no plugin declared: no R-CNI in the steps', () => {
    expect(steps()).not.toContain('R-CNI');
  });
});
