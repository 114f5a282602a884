/**
 * kube-proxy's packet-flow test vocabulary (pkg/proxy/{iptables,nftables}/proxier_test.go runPacketFlowTests)
 * translated to ours: a flow's `output` is the sorted, comma-separated endpoint IPs it may reach, or "DROP",
 * "REJECT", "" (no rule matched) or "ASYMMETRIC: …"; `masq` is whether the masquerade mark was set.
 */
import { trace } from '@/lib/engine';
import type { ProxyMode, Scenario, ServiceModel, TrafficModel } from '@/lib/engine/model';
import { buildScenario, type PodSpec } from './scenario-builder';

/** kube-proxy's fake-proxier conventions (routing-semantics.md §14, KP-IPT-T). */
export const KP = {
  nodeName: 'test-node',
  nodeIP: '192.168.0.2',
  nodeIPAlt: '192.168.1.2',
  externalIP: '192.168.99.11',
  clusterCIDR: '10.0.0.0/8',
  podIP: '10.0.0.2',
  externalClient: '203.0.113.2',
  externalClientBlocked: '203.0.113.130',
} as const;

export interface PacketFlowResult {
  output: string;
  masq: boolean;
}

export function packetFlow(scenario: Scenario, t: Partial<TrafficModel> & Pick<TrafficModel, 'from' | 'to'>): PacketFlowResult {
  let node = t.node ?? null;
  if (node === null && t.from.startsWith('pod/')) node = scenario.cluster.pods.find((p) => `pod/${p.pod}` === t.from)?.node ?? null;
  if (node === null && t.from.startsWith('node/')) node = t.from.slice(5);
  const result = trace(scenario, { from: t.from, to: t.to, node, ip: t.ip ?? null });
  const ips = result.endpointSet.map((e) => e.ip).sort().join(', ');
  switch (result.verdict) {
    case 'forwarded':
      return { output: ips, masq: result.masquerade };
    case 'asymmetric':
      return { output: `ASYMMETRIC: ${ips}`, masq: result.masquerade };
    case 'dropped':
      return { output: 'DROP', masq: false };
    case 'rejected':
      return { output: 'REJECT', masq: false };
    case 'unmatched':
      return { output: '', masq: false };
    case 'unanswered':
      return { output: 'UNANSWERED', masq: false };
  }
}

export interface FixtureOptions {
  service: Partial<ServiceModel>;
  endpoints: Array<{ ip: string; node?: string | null; ready?: boolean; serving?: boolean; terminating?: boolean }>;
  proxyMode?: ProxyMode;
  detectLocal?: boolean;
  masqueradeAll?: boolean;
  clientIP?: string;
  nodePortAddresses?: 'all' | 'primary' | string[];
  localhostNodePorts?: boolean;
}

/** NewFakeProxier + one makeTestService + one makeTestEndpointSlice. */
export function kubeProxyFixture(o: FixtureOptions) {
  const remoteNodes = new Set(o.endpoints.map((e) => e.node).filter((n): n is string => !!n && n !== KP.nodeName));
  const pods: PodSpec[] = [
    { name: 'client', node: KP.nodeName, ip: KP.podIP, selected: false },
    ...o.endpoints.map((e, i) => ({ name: `ep-${i}`, node: e.node ?? null, ip: e.ip, ready: e.ready, serving: e.serving, terminating: e.terminating })),
  ];
  return buildScenario({
    cluster: {
      proxyMode: o.proxyMode ?? 'iptables',
      clusterCIDR: KP.clusterCIDR,
      detectLocal: o.detectLocal ?? true,
      masqueradeAll: o.masqueradeAll ?? false,
      ...(o.nodePortAddresses ? { nodePortAddresses: o.nodePortAddresses } : {}),
      ...(o.localhostNodePorts !== undefined ? { localhostNodePorts: o.localhostNodePorts } : {}),
    },
    nodes: [
      { name: KP.nodeName, ip: KP.nodeIP, extraIPs: [KP.nodeIPAlt, KP.externalIP], podCIDR: '10.180.0.0/24' },
      ...[...remoteNodes].map((name, i) => ({ name, ip: `192.168.0.${10 + i}` })),
    ],
    pods,
    service: { ports: [{ name: 'p80', port: 80, targetPort: 80, nodePort: 3001, protocol: 'TCP' }], ...o.service },
    clientIP: o.clientIP ?? KP.externalClient,
  });
}

