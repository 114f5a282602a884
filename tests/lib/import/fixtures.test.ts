/**
 * @jest-environment node
 *
 * The fixtures of tests/fixtures/import (realistic kubectl output of a kind, a GKE-like and an EKS-like cluster)
 * imported and evaluated; each answers exactly as the same layout written by hand (the *.scenario.yaml beside
 * it), compared on the engine's whole answer. The behaviour asserted is read off the layout and the rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, formatIssue, parseScenario, type Answer } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { formatImportIssue, importCluster } from '@/lib/import';

const DIR = join(process.cwd(), 'tests/fixtures/import');
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');

function imported(file: string) {
  const r = importCluster(text(file));
  if (!r.ok) throw new Error(r.issues.map(formatImportIssue).join('\n'));
  const parsed = parseScenario(r.scenario);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return { ...r, answer: evaluate(parsed.scenario) };
}
function byHand(file: string): Answer {
  const r = readScenarioText(text(file), 'yaml');
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return evaluate(r.scenario);
}
const unnamed = ({ name: _name, ...rest }: Answer) => rest;

describe.each([
  ['kind.yaml', 'kind.scenario.yaml'],
  ['gke.json', 'gke.scenario.yaml'],
  ['eks.yaml', 'eks.scenario.yaml'],
])('%s', (fixture, hand) => {
  it(`answers exactly as ${hand}, the same layout written by hand`, () => {
    expect(unnamed(imported(fixture).answer)).toEqual(unnamed(byHand(hand)));
  });
});

const KIND = { cp: 'kind-control-plane', w1: 'kind-worker', w2: 'kind-worker2' };
describe('kind: NodePort, Local, two Pods on kind-worker and one on kind-worker2', () => {
  const r = imported('kind.yaml');
  const flow = (node: string) => r.answer.flows.find((f) => f.node === node && f.to === 'nodePort');
  it('drops NodePort traffic on the control plane (no local endpoint) and keeps the client IP elsewhere (R-EXT-*)', () => {
    expect(flow(KIND.cp)?.verdict).toBe('dropped');
    expect(flow(KIND.w1)?.backends.map((b) => [b.pod, b.probability, b.sourceIpKind])).toEqual([
      ['web-7d4b9c8f6-2xkqp', '1/2', 'client'],
      ['web-7d4b9c8f6-8hrzn', '1/2', 'client'],
    ]);
    expect(flow(KIND.w2)?.backends.map((b) => [b.pod, b.probability])).toEqual([['web-7d4b9c8f6-qm5tw', '1']]);
  });
  it('reads kube-proxy\'s ConfigMap and never echoes the Secret', () => {
    expect(r.scenario.cluster).toMatchObject({ proxyMode: 'iptables', clusterCIDR: '10.244.0.0/16' });
    expect(JSON.stringify(r)).not.toMatch(/aHVudGVy|db-password/);
  });
});

describe('GKE-like: LoadBalancer, Local, three zones, a terminating Pod on the third node', () => {
  const r = imported('gke.json');
  const [n1, n2, n3] = r.scenario.cluster.nodes.map((n) => n.name as string);
  it('health checks pass only where a ready endpoint runs (R-HC-2/3), so the third node gets no traffic', () => {
    expect(r.answer.healthChecks?.port).toBe(31874);
    expect([n1, n2, n3].map((n) => r.answer.healthChecks?.nodes[n!]?.status)).toEqual([200, 200, 503]);
    expect(r.answer.loadBalancer?.[n3!]).toBe('0');
  });
  it('gives each node that passes an equal share, split over its local Pods', () => {
    expect(r.answer.shares?.pods).toMatchObject({ 'frontend-6b9f7c5d4-4hx2k': '1/4', 'frontend-6b9f7c5d4-9wqzr': '1/4', 'frontend-6b9f7c5d4-c7v5n': '1/2' });
  });
  it('keeps the zones and the terminating endpoint\'s conditions', () => {
    expect(r.scenario.cluster.nodes.map((n) => n.zone)).toEqual(['europe-west1-b', 'europe-west1-c', 'europe-west1-d']);
    expect(r.scenario.cluster.pods.find((p) => p.name === 'frontend-6b9f7c5d4-p2d8s')).toMatchObject({ ready: false, serving: true, terminating: true });
  });
});

describe('EKS-like: NLB with a hostname, Cluster policy, PreferClose over two zones', () => {
  const r = imported('eks.yaml');
  const [a1, , b1] = r.scenario.cluster.nodes.map((n) => n.name as string);
  // The NLB (instance targets) sends to the NodePort of the node it picks: ask the engine about those flows.
  const viaNodePort = parseScenario({ ...r.scenario, traffic: [a1, b1].map((node) => ({ from: 'external', to: 'nodePort', node })) });
  if (!viaNodePort.ok) throw new Error('the imported scenario with NodePort traffic is refused');
  const flows = evaluate(viaNodePort.scenario).flows;
  const flow = (node: string) => flows.find((f) => f.node === node);
  it('keeps traffic in the receiving node\'s zone (R-EP-5) over ready endpoints only', () => {
    expect(flow(a1!)?.backends.map((b) => [b.pod, b.probability])).toEqual([
      ['checkout-7f9c-abcde', '1/2'],
      ['checkout-7f9c-fghij', '1/2'],
    ]);
    expect(flow(b1!)?.backends.map((b) => [b.pod, b.probability])).toEqual([['checkout-7f9c-klmno', '1']]);
  });
  it('assumes the balancer family from the providerIDs and the Service annotation, and keeps the hostname ingress', () => {
    expect(Object.fromEntries(r.assumptions.map((a) => [a.field, a.value]))).toEqual({
      'cluster.proxyMode': 'iptables',
      'cluster.cni': 'aws-vpc',
      'loadBalancer.provider': 'aws-nlb',
    });
    expect(r.scenario.service).toMatchObject({ status: { loadBalancer: { ingress: [{ hostname: expect.stringMatching(/\.elb\.eu-west-1\.amazonaws\.com$/) }] } } });
  });
});
