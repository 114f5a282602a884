/**
 * traceIpvsPacket (trace.ts): the iptables part kube-proxy writes in IPVS mode, walked with its ipset matches
 * (pkg/proxy/ipvs/proxier.go writeIptablesRules). Expected rules are written here from kube-proxy's rule shapes.
 */
import { parseScenario, type ScenarioInput } from '@/lib/engine';
import { renderIpvs, traceIpvsPacket } from '@/lib/engine/rules';

function scenario(policy: 'Cluster' | 'Local') {
  const input: ScenarioInput = {
    cluster: {
      proxyMode: 'ipvs',
      clusterCIDR: '10.244.0.0/16',
      nodes: [
        { name: 'node-a', ip: '10.0.0.11', podCIDR: '10.244.1.0/24' },
        { name: 'node-b', ip: '10.0.0.12', podCIDR: '10.244.2.0/24' },
      ],
      pods: [
        { name: 'web-1', node: 'node-a', ip: '10.244.1.10', labels: { app: 'web' } },
        { name: 'client', node: 'node-b', ip: '10.244.2.50', labels: { app: 'client' } },
      ],
    },
    service: {
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.40',
        externalTrafficPolicy: policy,
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
    },
    client: { ip: '203.0.113.9' },
  };
  const read = parseScenario(input);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return renderIpvs(read.scenario, 'node-a');
}

describe('traceIpvsPacket', () => {
  it('marks node traffic to a ClusterIP by the KUBE-CLUSTER-IP set and ! -s the cluster CIDR, not Pod traffic', () => {
    const r = scenario('Cluster');
    const node = traceIpvsPacket(r, '10.0.0.11', 'tcp', '10.96.0.40', '80', ['10.0.0.11']);
    expect(node.masq).toBe(true);
    expect(node.matches).toContain(
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
    );
    expect(node.matches).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000');
    const pod = traceIpvsPacket(r, '10.244.2.50', 'tcp', '10.96.0.40', '80', ['10.0.0.11']);
    expect(pod.masq).toBe(false);
    expect(pod.matches).toEqual([
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
    ]);
  });

  it('a NodePort: KUBE-NODE-PORT-TCP (bitmap:port) marks under Cluster; KUBE-NODE-PORT-LOCAL-TCP returns first under Local', () => {
    const cluster = traceIpvsPacket(scenario('Cluster'), '203.0.113.9', 'tcp', '10.0.0.11', '30080', ['10.0.0.11']);
    expect(cluster.masq).toBe(true);
    expect(cluster.matches.slice(0, 2)).toEqual([
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ]);
    const local = traceIpvsPacket(scenario('Local'), '203.0.113.9', 'tcp', '10.0.0.11', '30080', ['10.0.0.11']);
    expect(local.masq).toBe(false);
    expect(local.matches).toEqual([
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
    ]);
  });

  it('another port on the node is in no set: nothing matches past the LOCAL jump', () => {
    const other = traceIpvsPacket(scenario('Cluster'), '203.0.113.9', 'tcp', '10.0.0.11', '30099', ['10.0.0.11']);
    expect(other.masq).toBe(false);
    expect(other.matches).toEqual(['-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT']);
  });
});
