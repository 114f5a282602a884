/**
 * kube-proxy's own test inputs rebuilt as engine scenarios (shared by the iptables case tests).
 *
 * Source: kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go, the stored copy of the v1.31–v1.33 line (the
 * one whose NewFakeProxier sets nfAcctCounters and whose TestOverallIPTablesRules registers metrics with
 * kubeproxyconfig.ProxyModeIPTables; the index used to read it does not expose its commit hash).
 *
 * NewFakeProxier conventions: node "test-node" 192.168.0.2 (also 192.168.1.2 and 192.168.99.11 on eth0),
 * pod CIDR 10.0.0.0/8 (DetectLocalByCIDR), masquerade mark 0x4000, localhost NodePorts on, nodePortAddresses
 * unset (every local address), nfacct counters present, iptables without --random-fully.
 */
import type { Scenario, ServiceModel } from '@/lib/engine/model';
import type { IptablesOptions } from '@/lib/engine/rules';
import { buildScenario, type PodSpec } from '../support/scenario-builder';

export const FAKE_PROXIER_OPTIONS: IptablesOptions = {
  masqueradeMark: '0x4000',
  randomFully: false,
  nfacct: true,
};
export const TEST_NODE = 'test-node';

/** One Service of a kube-proxy test, with the endpoints of its EndpointSlice. */
export function kubeProxyService(
  service: Partial<ServiceModel> & Pick<ServiceModel, 'namespace' | 'name'>,
  endpoints: PodSpec[],
  cluster: { masqueradeAll?: boolean; detectLocal?: boolean; localhostNodePorts?: boolean } = {},
): Scenario {
  return buildScenario({
    cluster: { clusterCIDR: '10.0.0.0/8', ...cluster },
    nodes: [
      { name: TEST_NODE, ip: '192.168.0.2', extraIPs: ['192.168.1.2', '192.168.99.11'] },
      { name: 'node2', ip: '192.168.0.3' },
    ],
    pods: endpoints,
    service: { healthCheckNodePort: 0, ingress: [], ...service },
  });
}

const tcp = (name: string | null, port: number, nodePort: number | null, targetPort = port) => ({
  name,
  port,
  targetPort,
  nodePort,
  protocol: 'TCP' as const,
});

/** TestOverallIPTablesRules: six Services (ClusterIP, LB Local, NodePort, externalIP, LB Cluster with source ranges and affinity, no endpoints). */
export function overallIPTablesRulesServices(): Scenario[] {
  return [
    kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'ClusterIP',
        clusterIP: '172.30.0.41',
        ports: [tcp('p80', 80, null)],
      },
      [{ name: 'ep1', ip: '10.180.0.1' }],
    ),
    kubeProxyService(
      {
        namespace: 'ns2',
        name: 'svc2',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.42',
        ports: [tcp('p80', 80, 3001)],
        ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }],
        externalIPs: ['192.168.99.22'],
        healthCheckNodePort: 30000,
      },
      // No nodeName: non-local, so this node has no local endpoint.
      [{ name: 'ep2', ip: '10.180.0.2' }],
    ),
    kubeProxyService(
      {
        namespace: 'ns3',
        name: 'svc3',
        type: 'NodePort',
        clusterIP: '172.30.0.43',
        ports: [tcp('p80', 80, 3003)],
      },
      [{ name: 'ep3', ip: '10.180.0.3' }],
    ),
    kubeProxyService(
      {
        namespace: 'ns4',
        name: 'svc4',
        type: 'NodePort',
        clusterIP: '172.30.0.44',
        externalIPs: ['192.168.99.33'],
        ports: [tcp('p80', 80, null)],
      },
      [
        { name: 'ep4', ip: '10.180.0.4' },
        { name: 'ep5', ip: '10.180.0.5', node: TEST_NODE },
      ],
    ),
    kubeProxyService(
      {
        namespace: 'ns5',
        name: 'svc5',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster',
        clusterIP: '172.30.0.45',
        ports: [tcp('p80', 80, 3002)],
        ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }],
        healthCheckNodePort: 30000,
        loadBalancerSourceRanges: [' 203.0.113.0/25'],
        sessionAffinity: 'ClientIP',
        sessionAffinityTimeoutSeconds: 10800,
      },
      [{ name: 'ep6', ip: '10.180.0.3' }],
    ),
    kubeProxyService(
      {
        namespace: 'ns6',
        name: 'svc6',
        type: 'ClusterIP',
        clusterIP: '172.30.0.46',
        ports: [tcp('p80', 80, null)],
      },
      [],
    ),
  ];
}
