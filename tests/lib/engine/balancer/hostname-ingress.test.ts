/**
 * R-LBK-9: a balancer known only by hostname (AWS writes `ingress: [{hostname}]`, no ip). kube-proxy programs no
 * rule for it, so an in-cluster caller's packet goes out to the balancer and comes back as an external flow whose
 * client is the sender, entering the node the balancer picks; under Local it is dropped on a node without a local
 * endpoint (nothing short-circuits it). Expectations derived by hand from §17 and §3.
 *
 * Layout: node-a (zone-a) runs web-a1, node-b (zone-a) runs only the client Pod, node-c (zone-b) runs web-c1;
 * AWS NLB, cross-zone off. LB shares (R-LBK-3, Local): zone-a's healthy targets {node-a}, zone-b's {node-c} → A 1/2,
 * B 0, C 1/2.
 */
import { evaluate, parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';

const HOST = 'k8s-default-web-0123456789.elb.eu-west-1.amazonaws.com';

function input(o: { policy?: 'Local' | 'Cluster'; lb?: ScenarioInput['loadBalancer']; ingress?: unknown[]; traffic?: ScenarioInput['traffic']; proxyMode?: ScenarioInput['cluster']['proxyMode'] } = {}): ScenarioInput {
  const policy = o.policy ?? 'Local';
  return {
    cluster: {
      proxyMode: o.proxyMode ?? 'iptables',
      clusterCIDR: '10.244.0.0/16',
      nodes: [
        { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24', zone: 'zone-a' },
        { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24', zone: 'zone-a' },
        { name: 'node-c', ip: '10.0.1.12', podCIDR: '10.244.3.0/24', zone: 'zone-b' },
      ],
      pods: [
        { name: 'web-a1', node: 'node-a', ip: '10.244.1.11', labels: { app: 'web' } },
        { name: 'web-c1', node: 'node-c', ip: '10.244.3.11', labels: { app: 'web' } },
        { name: 'client', node: 'node-b', ip: '10.244.2.50', labels: { app: 'client' } },
      ],
    },
    service: {
      metadata: { name: 'web' },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.20',
        externalTrafficPolicy: policy,
        ...(policy === 'Local' ? { healthCheckNodePort: 32000 } : {}),
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      status: { loadBalancer: { ingress: (o.ingress ?? [{ hostname: HOST }]) as Array<{ hostname: string }> } },
    },
    loadBalancer: o.lb ?? { provider: 'aws-nlb' },
    client: { ip: '198.51.100.7' },
    traffic: o.traffic ?? [{ from: 'pod/client', to: 'loadBalancer' }],
  };
}

function answer(i: ScenarioInput): Answer {
  const r = parseScenario(i);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}

describe('R-LBK-9: hostname-only ingress', () => {
  it('a Pod calling the balancer: one flow per node the balancer may pick; Local drops it where there is no local endpoint', () => {
    const a = answer(input());
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '0', 'node-c': '1/2' });
    expect(a.flows.map((f) => [f.node, f.verdict, f.masquerade, f.backends.map((b) => [b.pod, b.probability, b.sourceIp, b.sourceIpKind])])).toEqual([
      ['node-a', 'forwarded', false, [['web-a1', '1', '10.244.2.50', 'client']]],
      ['node-b', 'dropped', false, []],
      ['node-c', 'forwarded', false, [['web-c1', '1', '10.244.2.50', 'client']]],
    ]);
    const steps = a.flows[1]!.steps;
    expect(steps[0]).toBe(
      `R-LBK-9: the balancer is known only by its hostname ${HOST}; kube-proxy programs no rule for an ingress entry without an IP, so there is no rule for the balancer's address on the sender's node node-b: pod client (10.244.2.50)'s packet goes out to the balancer, which sees it from 10.244.2.50, and comes back as external traffic.`,
    );
    expect(steps.join('\n')).toContain('R-EXT-7: node-b has no usable local endpoint');
    expect(steps.join('\n')).not.toContain('R-EXT-4');
  });

  it('contrast: with an ingress IP the same Pod is short-circuited on its own node to every endpoint (R-EXT-4)', () => {
    const a = answer(input({ ingress: [{ ip: '203.0.113.10' }], traffic: [{ from: 'pod/client', to: 'loadBalancer' }] }));
    expect(a.flows).toHaveLength(1);
    expect(a.flows[0]).toMatchObject({ node: 'node-b', verdict: 'forwarded', masquerade: false });
    expect(a.flows[0]!.backends.map((b) => [b.pod, b.probability])).toEqual([
      ['web-a1', '1/2'],
      ['web-c1', '1/2'],
    ]);
  });

  it('a host process: the balancer sees the node IP; on its own node it is not treated as local (no R-EXT-5)', () => {
    const a = answer(input({ traffic: [{ from: 'node/node-b', to: 'loadBalancer', node: 'node-b' }] }));
    expect(a.flows).toHaveLength(1);
    expect(a.flows[0]).toMatchObject({ node: 'node-b', verdict: 'dropped' });
    expect(a.flows[0]!.steps[0]).toContain('which sees it from 10.0.1.11');
  });

  it('Cluster: masqueraded on the entry node like any external NodePort hit (R-EXT-1)', () => {
    const a = answer(input({ policy: 'Cluster', traffic: [{ from: 'pod/client', to: 'loadBalancer', node: 'node-a' }] }));
    expect(a.flows[0]!.verdict).toBe('forwarded');
    expect(a.flows[0]!.backends.map((b) => [b.pod, b.sourceIp, b.sourceIpKind])).toEqual([
      ['web-a1', '10.244.1.1', 'bridge'],
      ['web-c1', '10.0.1.10', 'node'],
    ]);
  });

  it('external clients: the balancer forwards to the NodePort of the node it picks', () => {
    const a = answer(input({ traffic: [{ from: 'external', to: 'loadBalancer' }] }));
    expect(a.flows.map((f) => [f.node, f.verdict])).toEqual([
      ['node-a', 'forwarded'],
      ['node-b', 'dropped'],
      ['node-c', 'forwarded'],
    ]);
    expect(a.flows[0]!.steps.join('\n')).toContain('R-LBK-9: the balancer forwards to node-a:30080');
    expect(a.shares).toMatchObject({ pods: { 'web-a1': '1/2', 'web-c1': '1/2' }, dropped: '0' });
  });

  it('IP targets (AWS LBC IP mode): straight to the Pods, per zone, from the NLB address', () => {
    const a = answer(input({ lb: { provider: 'aws-nlb', targets: 'pods' } }));
    expect(a.flows).toHaveLength(3);
    expect(a.flows[0]!.steps[0]).toMatch(/^R-LBK-9: /);
    expect(a.flows[0]!.backends.map((b) => [b.pod, b.probability, b.sourceIp, b.sourceIpKind])).toEqual([
      ['web-a1', '1/2', '10.0.0.250', 'loadBalancer'],
      ['web-c1', '1/2', '10.0.0.250', 'loadBalancer'],
    ]);
  });

  it('Cilium skips hostname-only entries too: the flow goes out and back', () => {
    const a = answer(input({ proxyMode: 'cilium-snat', traffic: [{ from: 'pod/client', to: 'loadBalancer', node: 'node-b' }] }));
    expect(a.flows[0]).toMatchObject({ node: 'node-b', verdict: 'dropped' });
  });

  it('reading: an entry may have a hostname and no ip; an entry with neither, or a traffic ip, is refused', () => {
    const none = parseScenario(input({ ingress: [{}] }));
    expect(none.ok ? [] : none.issues).toEqual([{ path: 'service.status.loadBalancer.ingress[0]', message: 'an ingress entry needs an ip or a hostname' }]);
    const ip = parseScenario(input({ traffic: [{ from: 'pod/client', to: 'loadBalancer', ip: '203.0.113.10' }] }));
    expect(ip.ok ? [] : ip.issues.map((i) => i.path)).toEqual(['traffic[0].ip']);
    expect(ip.ok ? '' : ip.issues[0]!.message).toContain('known only by hostname');
  });
});
