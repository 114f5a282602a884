import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, type Answer, type FlowAnswer } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';

const DIR = join(process.cwd(), 'content/scenarios');
const files = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f));
/** The engine engineer's examples (article-*.yaml belong to the learn engineer). */
const examples = files.filter((f) => !f.startsWith('article-'));

function answer(file: string): Answer {
  const text = readFileSync(join(DIR, file), 'utf8');
  const r = readScenarioText(text, file.endsWith('.json') ? 'json' : 'yaml');
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
  return evaluate(r.scenario);
}

const flowAt = (a: Answer, node: string, to = 'loadBalancer'): FlowAnswer => {
  const f = a.flows.find((x) => x.node === node && x.to === to);
  if (!f) throw new Error(`no flow to ${to} at ${node}`);
  return f;
};

describe('content/scenarios', () => {
  it.each(files)('%s is a readable scenario the engine answers', (file) => {
    const a = answer(file);
    expect(a.flows.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s opens with a comment saying what it teaches', (file) => {
    expect(readFileSync(join(DIR, file), 'utf8')).toMatch(/^# Teaches: \S/);
  });
});

describe('example scenarios: key facts', () => {
  it('seed layout 3/1/0 under Local: LB 1/2, 1/2, 0; Pods 1/6, 1/6, 1/6, 1/2; node-c answers 503', () => {
    const a = answer('seed-uneven-local.yaml');
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/6', 'web-a2': '1/6', 'web-a3': '1/6', 'web-b1': '1/2' });
    expect(a.healthChecks?.nodes['node-c']?.status).toBe(503);
    expect(a.healthChecks?.nodes['node-a']?.headers['X-Load-Balancing-Endpoint-Weight']).toBe('3');
    expect(a.flows.every((f) => !f.masquerade && f.backends.every((b) => b.sourceIp === '198.51.100.7'))).toBe(true);
  });

  it('seed layout 1/1/0 under Local: LB 1/2, 1/2, 0; each Pod 1/2', () => {
    const a = answer('seed-two-pods-local.yaml');
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/2', 'web-b1': '1/2' });
  });

  it('seed layout under Cluster: every Pod 1/4, 2/3 cross nodes, every flow masqueraded to node or bridge IP', () => {
    const a = answer('seed-uneven-cluster-snat.yaml');
    expect(a.shares?.pods).toEqual({ 'web-a1': '1/4', 'web-a2': '1/4', 'web-a3': '1/4', 'web-b1': '1/4' });
    expect(a.shares?.crossNode).toBe('2/3');
    expect(a.flows.every((f) => f.masquerade)).toBe(true);
    const onA = flowAt(a, 'node-a').backends;
    expect(onA.find((b) => b.pod === 'web-a1')).toMatchObject({ sourceIp: '10.244.1.1', sourceIpKind: 'bridge', crossesNodes: false });
    expect(onA.find((b) => b.pod === 'web-b1')).toMatchObject({ sourceIp: '10.0.1.10', sourceIpKind: 'node', crossesNodes: true });
  });

  it('terminating drain: node-b answers 503 yet serves arriving traffic from its terminating Pod', () => {
    const a = answer('terminating-drain.yaml');
    expect(a.healthChecks?.nodes['node-b']).toMatchObject({ status: 503, headers: { 'X-Load-Balancing-Endpoint-Weight': '0' } });
    expect(flowAt(a, 'node-b')).toMatchObject({ verdict: 'forwarded', backends: [expect.objectContaining({ pod: 'web-b1', probability: '1' })] });
    expect(a.shares?.dropped).toBe('0');
  });

  it('in-cluster client to a Local LB IP: short-circuited to all 4 Pods, not masqueraded, Pod IP kept', () => {
    const [flow] = answer('in-cluster-client-local.yaml').flows;
    expect(flow).toMatchObject({ from: 'pod/client', node: 'node-c', verdict: 'forwarded', masquerade: false });
    expect(flow?.backends.map((b) => [b.probability, b.sourceIp, b.sourceIpKind])).toEqual(Array(4).fill(['1/4', '10.244.3.50', 'client']));
    expect(flow?.steps.some((s) => s.includes('R-EXT-4'))).toBe(true);
  });

  it('Cilium DSR under Cluster: remote backends keep the client IP, nothing masqueraded', () => {
    const a = answer('cilium-dsr.yaml');
    const remote = flowAt(a, 'node-a').backends.find((b) => b.pod === 'web-b1');
    expect(remote).toMatchObject({ crossesNodes: true, sourceIp: '198.51.100.7', sourceIpKind: 'client' });
    expect(a.flows.every((f) => !f.masquerade)).toBe(true);
  });

  it('no endpoints: every flow is rejected (refused), not dropped', () => {
    expect(answer('no-endpoints-reject.yaml').flows.map((f) => f.verdict)).toEqual(['rejected', 'rejected']);
  });

  it('loadBalancerSourceRanges: the LB IP drops the client, the NodePort lets it through', () => {
    const a = answer('source-ranges.yaml');
    expect(a.flows.map((f) => [f.to, f.verdict])).toEqual([
      ['loadBalancer', 'dropped'],
      ['nodePort', 'forwarded'],
    ]);
    expect(a.shares?.dropped).toBe('1');
  });

  it('ipMode Proxy: the Pod call leaves for the balancer and the backend sees the client node IP', () => {
    const [flow] = answer('ipmode-proxy.yaml').flows;
    expect(flow?.backends).toEqual([expect.objectContaining({ pod: 'web-a1', sourceIp: '10.0.1.11' })]);
    expect(flow?.steps[0]).toMatch(/R-LBIP-1/);
  });

  it('Local on a ClusterIP Service: answered, with the API server messages', () => {
    expect(answer('invalid-local-on-clusterip.yaml').validation).toEqual({
      valid: false,
      errors: [
        'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
        "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ],
    });
  });
});
