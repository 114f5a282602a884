/**
 * The engine tests' own helpers, tested as kube-proxy tests its fake proxier: the scenario builder must build
 * what the scenario reader builds from the same cluster written in the scenario format (so a builder default
 * never hides a bug), and packetFlow must translate each verdict into kube-proxy's packet-flow vocabulary.
 */
import { readFileSync } from 'node:fs';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { buildScenario, seedScenario } from './scenario-builder';
import { KP, kubeProxyFixture, packetFlow } from './packet-flow';

const SEED_YAML = readFileSync('content/scenarios/seed-uneven-local.yaml', 'utf8');

function read(yaml: string) {
  const r = readScenarioText(yaml, 'yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** The seed example's cluster, stated through the builder with only what the YAML states. */
function seedBuilt(over: { type?: 'LoadBalancer' | 'NodePort'; b1Ready?: boolean } = {}) {
  return buildScenario({
    name: 'Seed article — 3 nodes, Pods 3/1/0, Local',
    cluster: { proxyMode: 'iptables', clusterCIDR: '10.244.0.0/16' },
    nodes: [
      { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
      { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
      { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24' },
    ],
    pods: [
      { name: 'web-a1', node: 'node-a', ip: '10.244.1.11' },
      { name: 'web-a2', node: 'node-a', ip: '10.244.1.12' },
      { name: 'web-a3', node: 'node-a', ip: '10.244.1.13' },
      {
        name: 'web-b1',
        node: 'node-b',
        ip: '10.244.2.11',
        ...(over.b1Ready === false ? { ready: false } : {}),
      },
    ],
    service: {
      name: 'web-app',
      type: over.type ?? 'LoadBalancer',
      clusterIP: '10.96.0.20',
      externalTrafficPolicy: 'Local',
      ...(over.type === 'NodePort' ? {} : { healthCheckNodePort: 31234 }),
      ports: [{ name: null, port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
    },
    clientIP: '198.51.100.7',
  });
}

describe('buildScenario', () => {
  it('answers as the scenario reader does for the same cluster (the seed example)', () => {
    expect(evaluate(seedBuilt())).toEqual(evaluate(read(SEED_YAML)));
  });

  it('answers as the reader does for a NodePort Service (its default traffic: a client at every node)', () => {
    const yaml = SEED_YAML.replace('type: LoadBalancer', 'type: NodePort')
      .replace(/^\s*healthCheckNodePort: 31234\n/m, '')
      .replace(/^\s*status:\n\s*loadBalancer: .*\n/m, '');
    expect(evaluate(seedBuilt({ type: 'NodePort' }))).toEqual(evaluate(read(yaml)));
  });

  it('answers as the reader does for a Pod that is not ready (serving follows ready)', () => {
    const yaml = SEED_YAML.replace(
      '{name: web-b1, node: node-b, ip: 10.244.2.11, labels: {app: web}}',
      '{name: web-b1, node: node-b, ip: 10.244.2.11, labels: {app: web}, ready: false}',
    );
    expect(evaluate(seedBuilt({ b1Ready: false }))).toEqual(evaluate(read(yaml)));
    expect(evaluate(seedBuilt({ b1Ready: false }))).not.toEqual(evaluate(seedBuilt()));
  });

  it('seedScenario is the seed example: the same load-balancer split and Pod shares', () => {
    const seed = evaluate(read(SEED_YAML));
    const built = evaluate(seedScenario({ etp: 'Local' }));
    expect(built.loadBalancer).toEqual(seed.loadBalancer);
    expect(built.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(Object.values(built.shares?.pods ?? {}).sort()).toEqual(
      Object.values(seed.shares?.pods ?? {}).sort(),
    );
  });
});

describe('packetFlow and kubeProxyFixture', () => {
  const fixture = (etp: 'Cluster' | 'Local', endpoints: { ip: string; node?: string }[]) =>
    kubeProxyFixture({
      service: { type: 'NodePort', clusterIP: '172.30.0.41', externalTrafficPolicy: etp },
      endpoints,
    });

  it("builds kube-proxy's fake node, an unselected client Pod on it, and one node per remote endpoint node", () => {
    const s = fixture('Cluster', [
      { ip: '10.180.0.1', node: KP.nodeName },
      { ip: '10.180.1.1', node: 'host2' },
      { ip: '10.180.2.1', node: 'host3' },
    ]);
    expect(s.cluster.nodes.map((n) => [n.name, n.ip])).toEqual([
      [KP.nodeName, KP.nodeIP],
      ['host2', '192.168.0.10'],
      ['host3', '192.168.0.11'],
    ]);
    expect(s.cluster.nodes[0]?.extraIPs).toEqual([KP.nodeIPAlt, KP.externalIP]);
    expect(s.endpoints.map((e) => e.ip)).toEqual(['10.180.0.1', '10.180.1.1', '10.180.2.1']);
    expect(s.cluster.pods.find((p) => p.pod === 'client')).toMatchObject({
      node: KP.nodeName,
      ip: KP.podIP,
      selected: false,
    });
  });

  it('lists the endpoints a flow may reach sorted, and whether it was masqueraded', () => {
    const s = fixture('Cluster', [
      { ip: '10.180.2.1', node: 'host3' },
      { ip: '10.180.0.1', node: KP.nodeName },
    ]);
    expect(packetFlow(s, { from: 'pod/client', to: 'clusterIP' })).toEqual({
      output: '10.180.0.1, 10.180.2.1',
      masq: false,
    });
    // An external client on a Cluster NodePort is masqueraded (kube-proxy's KUBE-MARK-MASQ on KUBE-EXT-).
    expect(packetFlow(s, { from: 'external', to: 'nodePort', node: KP.nodeName })).toEqual({
      output: '10.180.0.1, 10.180.2.1',
      masq: true,
    });
  });

  it('says REJECT for a Service without endpoints and DROP for Local traffic at a node without one', () => {
    expect(packetFlow(fixture('Cluster', []), { from: 'pod/client', to: 'clusterIP' })).toEqual({
      output: 'REJECT',
      masq: false,
    });
    const remoteOnly = fixture('Local', [{ ip: '10.180.2.1', node: 'host3' }]);
    expect(packetFlow(remoteOnly, { from: 'external', to: 'nodePort', node: KP.nodeName })).toEqual({
      output: 'DROP',
      masq: false,
    });
  });

  it('finds the node of a pod/ or node/ source itself, and keeps an explicit one', () => {
    const s = fixture('Local', [{ ip: '10.180.2.1', node: 'host3' }]);
    // Local applies to external traffic only: from the fake node itself the remote endpoint is reachable.
    expect(packetFlow(s, { from: `node/${KP.nodeName}`, to: 'nodePort' })).toEqual(
      packetFlow(s, { from: `node/${KP.nodeName}`, to: 'nodePort', node: KP.nodeName }),
    );
    expect(packetFlow(s, { from: 'pod/client', to: 'clusterIP' }).output).toBe('10.180.2.1');
    expect(packetFlow(s, { from: 'external', to: 'nodePort', node: 'host3' }).output).toBe('10.180.2.1');
    expect(packetFlow(s, { from: 'external', to: 'nodePort', node: KP.nodeName }).output).toBe('DROP');
  });
});
