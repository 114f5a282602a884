/**
 * kube-proxy's per-feature iptables tests that state their expectations as packet flows, run unchanged against
 * our rendered rules with kube-proxy's own tracer (tracer.ts). Source: pkg/proxy/iptables/proxier_test.go (the
 * copy named in kube-proxy-cases.ts); each describe names the Go test it rebuilds, and the flows are copied from
 * it (names, addresses, outputs, masquerade).
 */
import type { Scenario } from '@/lib/engine/model';
import { renderIptablesServices } from '@/lib/engine/rules';
import { FAKE_PROXIER_OPTIONS, kubeProxyService, TEST_NODE } from './kube-proxy-cases';
import { runPacketFlowTests, type PacketFlowTest } from './tracer';

const testNodeIP = '192.168.0.2';
const testNodeIPAlt = '192.168.1.2';
const testExternalClient = '203.0.113.2';
const testExternalClientBlocked = '203.0.113.130';
const render = (scenarios: Scenario[]) => () =>
  renderIptablesServices(scenarios, TEST_NODE, FAKE_PROXIER_OPTIONS);
const tcp = (name: string | null, port: number, nodePort: number | null, targetPort = port) => ({
  name,
  port,
  targetPort,
  nodePort,
  protocol: 'TCP' as const,
});

describe('TestInternalExternalMasquerade', () => {
  // setupTest: svc1 LB (eTP Cluster), svc2 LB eTP Local, svc3 LB iTP Local; each with one endpoint here, one on "remote".
  const services = (cluster: { masqueradeAll?: boolean; detectLocal?: boolean }) => [
    kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster',
        clusterIP: '172.30.0.41',
        ports: [tcp('p80', 80, 3001)],
        healthCheckNodePort: 30001,
        ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
      },
      [
        { name: 'a', ip: '10.180.0.1', node: TEST_NODE },
        { name: 'b', ip: '10.180.1.1', node: 'node2' },
      ],
      cluster,
    ),
    kubeProxyService(
      {
        namespace: 'ns2',
        name: 'svc2',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.42',
        ports: [tcp('p80', 80, 3002)],
        healthCheckNodePort: 30002,
        ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }],
      },
      [
        { name: 'a', ip: '10.180.0.2', node: TEST_NODE },
        { name: 'b', ip: '10.180.1.2', node: 'node2' },
      ],
      cluster,
    ),
    kubeProxyService(
      {
        namespace: 'ns3',
        name: 'svc3',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.43',
        ports: [tcp('p80', 80, 3003)],
        healthCheckNodePort: 30003,
        ingress: [{ ip: '9.10.11.12', ipMode: 'VIP' }],
      },
      [
        { name: 'a', ip: '10.180.0.3', node: TEST_NODE },
        { name: 'b', ip: '10.180.1.3', node: 'node2' },
      ],
      cluster,
    ),
  ];
  const flowTests: PacketFlowTest[] = [
    {
      name: 'pod to ClusterIP',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: false,
    },
    {
      name: 'pod to NodePort',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'pod to LB',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to ClusterIP',
      sourceIP: testNodeIP,
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to NodePort',
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'localhost to NodePort',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3001,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to LB',
      sourceIP: testNodeIP,
      destIP: '1.2.3.4',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP',
      sourceIP: testExternalClient,
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to NodePort',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to LB',
      sourceIP: testExternalClient,
      destIP: '1.2.3.4',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'pod to ClusterIP with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.42',
      destPort: 80,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'pod to NodePort with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3002,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'pod to LB with eTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '5.6.7.8',
      destPort: 80,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'node to ClusterIP with eTP:Local',
      sourceIP: testNodeIP,
      destIP: '172.30.0.42',
      destPort: 80,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    // (kube-proxy's case dials 3001, svc1's NodePort, so it expects svc1's endpoints.)
    {
      name: 'node to NodePort with eTP:Local',
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'localhost to NodePort with eTP:Local',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3002,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'node to LB with eTP:Local',
      sourceIP: testNodeIP,
      destIP: '5.6.7.8',
      destPort: 80,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP with eTP:Local',
      sourceIP: testExternalClient,
      destIP: '172.30.0.42',
      destPort: 80,
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'external to NodePort with eTP:Local',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3002,
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'external to LB with eTP:Local',
      sourceIP: testExternalClient,
      destIP: '5.6.7.8',
      destPort: 80,
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'pod to ClusterIP with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: false,
    },
    {
      name: 'pod to NodePort with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3003,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'pod to LB with iTP:Local',
      sourceIP: '10.0.0.2',
      destIP: '9.10.11.12',
      destPort: 80,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'node to ClusterIP with iTP:Local',
      sourceIP: testNodeIP,
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'node to NodePort with iTP:Local',
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3003,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'localhost to NodePort with iTP:Local',
      sourceIP: '127.0.0.1',
      destIP: '127.0.0.1',
      destPort: 3003,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'node to LB with iTP:Local',
      sourceIP: testNodeIP,
      destIP: '9.10.11.12',
      destPort: 80,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP with iTP:Local',
      sourceIP: testExternalClient,
      destIP: '172.30.0.43',
      destPort: 80,
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'external to NodePort with iTP:Local',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3003,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'external to LB with iTP:Local',
      sourceIP: testExternalClient,
      destIP: '9.10.11.12',
      destPort: 80,
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
  ];
  const withOverrides = (overrides: Record<string, Partial<PacketFlowTest>>) => {
    const names = new Set(flowTests.map((f) => f.name));
    for (const name of Object.keys(overrides))
      if (!names.has(name)) throw new Error(`override for unknown flow ${name}`);
    return flowTests.map((f) => ({ ...f, ...overrides[f.name] }));
  };
  const noDetector = {
    'node to ClusterIP': { masq: false },
    'node to ClusterIP with eTP:Local': { masq: false },
    'node to ClusterIP with iTP:Local': { masq: false },
    'external to ClusterIP': { masq: false },
    'external to ClusterIP with eTP:Local': { masq: false },
    'external to ClusterIP with iTP:Local': { masq: false },
    'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
    'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
  };
  const masqueradeAll = {
    'pod to ClusterIP': { masq: true },
    'pod to ClusterIP with eTP:Local': { masq: true },
    'pod to ClusterIP with iTP:Local': { masq: true },
  };

  describe('base', () => runPacketFlowTests(render(services({})), flowTests));
  describe('no LocalTrafficDetector', () =>
    runPacketFlowTests(render(services({ detectLocal: false })), withOverrides(noDetector)));
  describe('masqueradeAll', () =>
    runPacketFlowTests(render(services({ masqueradeAll: true })), withOverrides(masqueradeAll)));
  describe('masqueradeAll, no LocalTrafficDetector', () =>
    runPacketFlowTests(
      render(services({ masqueradeAll: true, detectLocal: false })),
      withOverrides({
        ...masqueradeAll,
        'pod to NodePort with eTP:Local': noDetector['pod to NodePort with eTP:Local'],
        'pod to LB with eTP:Local': noDetector['pod to LB with eTP:Local'],
      }),
    ));
});

describe('TestExternalTrafficPolicyLocal', () => {
  const svc = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      clusterIP: '172.30.0.41',
      externalIPs: ['192.168.99.11'],
      ports: [tcp('p80', 80, 3001)],
      healthCheckNodePort: 30000,
      ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
    },
    [
      { name: 'a', ip: '10.180.0.1' },
      { name: 'b', ip: '10.180.2.1', node: TEST_NODE },
    ],
  );
  const both = '10.180.0.1:80, 10.180.2.1:80';
  runPacketFlowTests(render([svc]), [
    {
      name: 'pod to cluster IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: both,
      masq: false,
    },
    {
      name: 'pod to external IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: '192.168.99.11',
      destPort: 80,
      output: both,
      masq: false,
    },
    {
      name: 'external to external IP hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: '192.168.99.11',
      destPort: 80,
      output: '10.180.2.1:80',
      masq: false,
    },
    {
      name: 'pod to LB IP hits only both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: both,
      masq: false,
    },
    {
      name: 'external to LB IP hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: '1.2.3.4',
      destPort: 80,
      output: '10.180.2.1:80',
      masq: false,
    },
    {
      name: 'pod to NodePort hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
      masq: false,
    },
    {
      name: 'external to NodePort hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: '10.180.2.1:80',
      masq: false,
    },
  ]);
});

describe('TestExternalTrafficPolicyCluster', () => {
  const svc = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '172.30.0.41',
      externalIPs: ['192.168.99.11'],
      ports: [tcp('p80', 80, 3001)],
      ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
    },
    [
      { name: 'a', ip: '10.180.0.1' },
      { name: 'b', ip: '10.180.2.1', node: TEST_NODE },
    ],
  );
  const both = '10.180.0.1:80, 10.180.2.1:80';
  runPacketFlowTests(render([svc]), [
    {
      name: 'pod to cluster IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: both,
      masq: false,
    },
    {
      name: 'pod to external IP hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: '192.168.99.11',
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'external to external IP hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: '192.168.99.11',
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'pod to LB IP hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'external to LB IP hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: '1.2.3.4',
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'pod to NodePort hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
      masq: true,
    },
    {
      name: 'external to NodePort hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
      masq: true,
    },
  ]);
});

describe('TestLoadBalancer (loadBalancerSourceRanges firewall)', () => {
  const svc = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '172.30.0.41',
      ports: [tcp('p80', 80, 3001)],
      ingress: [
        { ip: '1.2.3.4', ipMode: 'VIP' },
        { ip: '5.6.7.8', ipMode: 'VIP' },
      ],
      loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'],
    },
    [{ name: 'a', ip: '10.180.0.1' }],
  );
  const ep = '10.180.0.1:80';
  runPacketFlowTests(render([svc]), [
    {
      name: 'pod to cluster IP',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: ep,
      masq: false,
    },
    {
      name: 'external to nodePort',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: 'nodePort bypasses LoadBalancerSourceRanges',
      sourceIP: testExternalClientBlocked,
      destIP: testNodeIP,
      destPort: 3001,
      output: ep,
      masq: true,
    },
    {
      name: 'accepted external to LB1',
      sourceIP: testExternalClient,
      destIP: '1.2.3.4',
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: 'accepted external to LB2',
      sourceIP: testExternalClient,
      destIP: '5.6.7.8',
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: 'blocked external to LB1',
      sourceIP: testExternalClientBlocked,
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'blocked external to LB2',
      sourceIP: testExternalClientBlocked,
      destIP: '5.6.7.8',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'pod to LB1 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'pod to LB2 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: '5.6.7.8',
      destPort: 80,
      output: 'DROP',
    },
    {
      name: 'node to LB1 (allowed by LoadBalancerSourceRanges)',
      sourceIP: testNodeIP,
      destIP: '1.2.3.4',
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: 'node to LB2 (allowed by LoadBalancerSourceRanges)',
      sourceIP: testNodeIP,
      destIP: '5.6.7.8',
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: 'same node to LB1, SNATted to LB1 (implicitly allowed)',
      sourceIP: '1.2.3.4',
      destIP: '1.2.3.4',
      destPort: 80,
      output: ep,
      masq: true,
    },
    {
      name: 'same node to LB2, SNATted to LB2 (implicitly allowed)',
      sourceIP: '5.6.7.8',
      destIP: '5.6.7.8',
      destPort: 80,
      output: ep,
      masq: true,
    },
  ]);
});

describe('TestNoEndpointsReject', () => {
  const svc = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '172.30.0.41',
      externalIPs: ['192.168.99.11'],
      ports: [tcp('p80', 80, 3001)],
      ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
    },
    [],
  );
  runPacketFlowTests(render([svc]), [
    {
      name: 'pod to cluster IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'external to external IP with no endpoints',
      sourceIP: testExternalClient,
      destIP: '192.168.99.11',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'pod to NodePort with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: 'REJECT',
    },
    {
      name: 'external to NodePort with no endpoints',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: 'REJECT',
    },
    {
      name: 'pod to LoadBalancer IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: 'external to LoadBalancer IP with no endpoints',
      sourceIP: testExternalClient,
      destIP: '1.2.3.4',
      destPort: 80,
      output: 'REJECT',
    },
  ]);
});

describe('TestClusterIPGeneral (several named ports, TCP/UDP/SCTP on one port number, hairpin)', () => {
  const svc1 = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'ClusterIP',
      clusterIP: '172.30.0.41',
      ports: [tcp('http', 80, null)],
    },
    [{ name: 'a', ip: '10.180.0.1', node: TEST_NODE }],
  );
  const svc2 = kubeProxyService(
    {
      namespace: 'ns2',
      name: 'svc2',
      type: 'ClusterIP',
      clusterIP: '172.30.0.42',
      ports: [
        tcp('http', 80, null),
        tcp('https', 443, null, 8443),
        { name: 'dns-udp', port: 53, targetPort: 53, nodePort: null, protocol: 'UDP' },
        tcp('dns-tcp', 53, null, 5353),
        { name: 'dns-sctp', port: 53, targetPort: 53, nodePort: null, protocol: 'SCTP' },
      ],
    },
    [
      { name: 'a', ip: '10.180.0.1', node: TEST_NODE },
      { name: 'b', ip: '10.180.2.1', node: 'node2' },
    ],
  );
  runPacketFlowTests(render([svc1, svc2]), [
    {
      name: 'simple clusterIP',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80',
      masq: false,
    },
    {
      name: 'hairpin to cluster IP',
      sourceIP: '10.180.0.1',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80',
      masq: true,
    },
    {
      name: 'clusterIP with multiple endpoints',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 80,
      output: '10.180.0.1:80, 10.180.2.1:80',
      masq: false,
    },
    {
      name: 'clusterIP with TargetPort',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 443,
      output: '10.180.0.1:8443, 10.180.2.1:8443',
      masq: false,
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP)',
      sourceIP: '10.180.0.2',
      protocol: 'TCP',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:5353, 10.180.2.1:5353',
      masq: false,
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (UDP)',
      sourceIP: '10.180.0.2',
      protocol: 'UDP',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
      masq: false,
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (SCTP)',
      sourceIP: '10.180.0.2',
      protocol: 'SCTP',
      destIP: '172.30.0.42',
      destPort: 53,
      output: '10.180.0.1:53, 10.180.2.1:53',
      masq: false,
    },
    {
      name: 'TCP-only port does not match UDP traffic',
      sourceIP: '10.180.0.2',
      protocol: 'UDP',
      destIP: '172.30.0.42',
      destPort: 80,
      output: '',
    },
    {
      name: "svc1 does not accept svc2's ports",
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 443,
      output: '',
    },
  ]);
});

describe('TestNodePorts (IPv4 cases)', () => {
  const svc = (cluster: { localhostNodePorts: boolean }, nodePortAddresses?: string[]) => {
    const s = kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'NodePort',
        clusterIP: '172.30.0.41',
        ports: [tcp('p80', 80, 3001)],
      },
      [
        { name: 'a', ip: '10.180.0.1' },
        { name: 'b', ip: '10.180.2.1', node: TEST_NODE },
      ],
      cluster,
    );
    if (nodePortAddresses) s.cluster.nodePortAddresses = nodePortAddresses;
    return s;
  };
  const output = '10.180.0.1:80, 10.180.2.1:80';
  const basic: PacketFlowTest[] = [
    {
      name: 'pod to cluster IP',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output,
      masq: false,
    },
    {
      name: 'external to nodePort',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output,
      masq: true,
    },
    {
      name: 'node to nodePort',
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output,
      masq: true,
    },
  ];
  const localhostOK = {
    name: 'localhost to nodePort gets masqueraded',
    sourceIP: '127.0.0.1',
    destIP: '127.0.0.1',
    destPort: 3001,
    output,
    masq: true,
  };
  const localhostIgnored = {
    name: 'localhost to nodePort is ignored',
    sourceIP: '127.0.0.1',
    destIP: '127.0.0.1',
    destPort: 3001,
    output: '',
  };
  const altOK = {
    name: 'external to nodePort on secondary IP',
    sourceIP: testExternalClient,
    destIP: testNodeIPAlt,
    destPort: 3001,
    output,
    masq: true,
  };
  const altIgnored = {
    name: 'secondary nodeIP ignores NodePorts',
    sourceIP: testExternalClient,
    destIP: testNodeIPAlt,
    destPort: 3001,
    output: '',
  };

  describe('ipv4, localhost-nodeports enabled', () =>
    runPacketFlowTests(render([svc({ localhostNodePorts: true })]), [...basic, localhostOK, altOK]));
  describe('ipv4, localhost-nodeports disabled', () =>
    runPacketFlowTests(render([svc({ localhostNodePorts: false })]), [...basic, localhostIgnored, altOK]));
  describe('ipv4, localhost-nodeports disabled, localhost in nodeport-addresses', () =>
    runPacketFlowTests(render([svc({ localhostNodePorts: false }, ['192.168.0.0/24', '127.0.0.1/32'])]), [
      ...basic,
      localhostIgnored,
      altIgnored,
    ]));
  describe('ipv4, localhost-nodeports enabled, multiple nodeport-addresses', () =>
    runPacketFlowTests(
      render([svc({ localhostNodePorts: false }, ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'])]),
      [...basic, localhostIgnored, altOK],
    ));

  it('fills KUBE-FIREWALL (anti-martian rule) only with localhost NodePorts', () => {
    const firewall = (localhostNodePorts: boolean) =>
      render([svc({ localhostNodePorts })])()
        .filter.rules.filter((r) => r.chain === 'KUBE-FIREWALL')
        .map((r) => r.line);
    expect(firewall(true)).toEqual([
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ]);
    expect(firewall(false)).toEqual([]);
  });
});

describe('TestHealthCheckNodePort', () => {
  const svc = kubeProxyService(
    {
      namespace: 'ns1',
      name: 'svc1',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      clusterIP: '172.30.0.42',
      ports: [tcp('p80', 80, 3001)],
      healthCheckNodePort: 30000,
    },
    [],
  );
  svc.cluster.nodePortAddresses = ['127.0.0.0/8'];
  runPacketFlowTests(render([svc]), [
    {
      name: 'firewall accepts HealthCheckNodePort',
      sourceIP: '1.2.3.4',
      destIP: testNodeIP,
      destPort: 30000,
      output: 'ACCEPT',
      masq: false,
    },
  ]);
});
