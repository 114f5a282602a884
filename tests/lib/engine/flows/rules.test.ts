/**
 * Rules whose behaviour is covered by the kube-proxy mirrors but deserve a test under their own name:
 * R-DROP-2, R-EP-3, R-EXT-2, R-EXT-3, R-PH-6 — each checks the verdict and that the step cites the rule.
 */
import { evaluate, trace } from '@/lib/engine';
import type { TrafficModel } from '@/lib/engine/model';
import { buildScenario } from '../support/scenario-builder';

const twoNodes = (o: { etp?: string; itp?: string; pods?: Parameters<typeof buildScenario>[0]['pods'] }) =>
  buildScenario({
    cluster: { clusterCIDR: '10.244.0.0/16' },
    nodes: [{ name: 'a', ip: '10.0.0.1', podCIDR: '10.244.1.0/24' }, { name: 'b', ip: '10.0.0.2', podCIDR: '10.244.2.0/24' }],
    pods: o.pods ?? [{ name: 'pa', node: 'a', ip: '10.244.1.5' }, { name: 'pb', node: 'b', ip: '10.244.2.5' }],
    service: { externalTrafficPolicy: o.etp ?? 'Cluster', internalTrafficPolicy: o.itp ?? 'Cluster' },
  });
const t = (from: string, to: TrafficModel['to'], node: string): TrafficModel => ({ from, to, node, ip: null });
const cites = (steps: string[], rule: string) => steps.some((s) => s.startsWith(`${rule}:`) || s.includes(`(${rule}`));

describe('rule by rule', () => {
  it('R-DROP-2: no local endpoint → DROP (timeout), but no endpoint at all → REJECT (refused)', () => {
    const noLocal = trace(twoNodes({ etp: 'Local', pods: [{ name: 'pa', node: 'a', ip: '10.244.1.5' }] }), t('external', 'nodePort', 'b'));
    expect(noLocal.verdict).toBe('dropped');
    expect(cites(noLocal.steps, 'R-DROP-2')).toBe(true);
    const none = trace(twoNodes({ etp: 'Local', pods: [] }), t('external', 'nodePort', 'b'));
    expect(none.verdict).toBe('rejected');
    expect(cites(none.steps, 'R-DROP-1')).toBe(true);
  });

  it('R-EP-3: one serving-terminating endpoint anywhere keeps hasAnyEndpoints true (no REJECT): a Local node without it drops', () => {
    const s = twoNodes({ etp: 'Local', pods: [{ name: 'old', node: 'a', ip: '10.244.1.5', ready: false, serving: true, terminating: true }] });
    expect(trace(s, t('external', 'loadBalancer', 'a')).verdict).toBe('forwarded');
    expect(trace(s, t('external', 'loadBalancer', 'b')).verdict).toBe('dropped');
    const gone = twoNodes({ etp: 'Local', pods: [{ name: 'old', node: 'a', ip: '10.244.1.5', ready: false, serving: false, terminating: true }] });
    expect(trace(gone, t('external', 'loadBalancer', 'b')).verdict).toBe('rejected');
  });

  it('R-EXT-2: under Cluster the endpoint is uniform over the whole Cluster set, local ones not preferred', () => {
    const r = trace(twoNodes({}), t('external', 'loadBalancer', 'a'));
    expect(r.backends.map((b) => [b.pod, b.probability])).toEqual([['pa', '1/2'], ['pb', '1/2']]);
    expect(cites(r.steps, 'R-EXT-2')).toBe(true);
  });

  it('R-EXT-3: internalTrafficPolicy Local does not limit NodePort or load-balancer traffic', () => {
    const r = trace(twoNodes({ itp: 'Local' }), t('external', 'loadBalancer', 'a'));
    expect(r.backends.map((b) => b.pod)).toEqual(['pa', 'pb']);
    expect(cites(r.steps, 'R-EXT-3')).toBe(true);
    const internal = trace(twoNodes({ itp: 'Local' }), t('pod/pa', 'clusterIP', 'a'));
    expect(internal.backends.map((b) => b.pod)).toEqual(['pa']);
  });

  it('R-PH-6: an eTP=Cluster balancer probes kube-proxy /healthz, so a node with an unhealthy proxy gets nothing', () => {
    const s = buildScenario({
      nodes: [{ name: 'a', ip: '10.0.0.1' }, { name: 'b', ip: '10.0.0.2', proxyHealthy: false }],
      pods: [{ name: 'pa', node: 'a', ip: '10.244.1.5' }, { name: 'pb', node: 'b', ip: '10.244.2.5' }],
      service: { externalTrafficPolicy: 'Cluster' },
    });
    const a = evaluate(s);
    expect(a.proxyHealth!.b).toEqual({ healthz: 503, livez: 503 });
    expect(a.loadBalancer).toEqual({ a: '1', b: '0' });
    // It does not test the data plane (kubernetes#134648): b's Pod is still chosen by a's rules.
    expect(a.shares?.pods).toEqual({ pa: '1/2', pb: '1/2' });
  });
});
