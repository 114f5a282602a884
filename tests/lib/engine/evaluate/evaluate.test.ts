/**
 * `evaluate` assembles the answer of scenario-format.md; these tests check the assembly (the parts have their
 * own suites). Scenarios come from ENGINE-IO's reader where the contract text matters.
 */
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { buildScenario, seedScenario } from '../support/scenario-builder';

describe('evaluate: the answer contract', () => {
  it('has every top-level field, in the documented shapes', () => {
    const a = evaluate({ ...seedScenario({ etp: 'Local' }), name: 'Uneven pods under Local' });
    expect(Object.keys(a)).toEqual(['name', 'validation', 'service', 'endpoints', 'healthChecks', 'proxyHealth', 'loadBalancer', 'shares', 'flows']);
    expect(a.name).toBe('Uneven pods under Local');
    expect(a.validation).toEqual({ valid: true, errors: [] });
    expect(a.service).toEqual({ externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster', healthCheckNodePort: 32000, allocateLoadBalancerNodePorts: true });
    expect(a.endpoints[0]).toEqual({ pod: 'a-1', node: 'node-a', ip: '10.244.1.5', ready: true, serving: true, terminating: false });
    expect(a.proxyHealth).toEqual({ 'node-a': { healthz: 200, livez: 200 }, 'node-b': { healthz: 200, livez: 200 }, 'node-c': { healthz: 200, livez: 200 } });
    expect(a.flows.map((f) => [f.from, f.to, f.node, f.verdict])).toEqual([
      ['external', 'loadBalancer', 'node-a', 'forwarded'],
      ['external', 'loadBalancer', 'node-b', 'forwarded'],
      ['external', 'loadBalancer', 'node-c', 'dropped'],
    ]);
  });

  it('omits name when the scenario has none, and gives null shares and health checks for a NodePort Service', () => {
    const a = evaluate(buildScenario({ nodes: [{ name: 'n', ip: '10.0.0.1' }], pods: [{ name: 'p', node: 'n', ip: '10.1.0.1' }], service: { type: 'NodePort', ingress: [] } }));
    expect('name' in a).toBe(false);
    expect(a.loadBalancer).toBeNull();
    expect(a.shares).toBeNull();
    expect(a.healthChecks).toBeNull();
    expect(a.flows).toHaveLength(1);
  });

  it('reports an invalid Service through ENGINE-IO validation but still answers', () => {
    const s = seedScenario({ etp: 'Local' });
    const a = evaluate({ ...s, service: { ...s.service, externalTrafficPolicy: 'Foo' } });
    expect(a.validation.valid).toBe(false);
    expect(a.validation.errors).toContain('spec.externalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"');
    expect(a.flows).toHaveLength(3);
  });

  it('evaluates a scenario read from YAML end to end (seed layout, Local)', () => {
    const yaml = `
name: seed
cluster:
  clusterCIDR: 10.244.0.0/16
  nodes:
    - {name: node-a, ip: 10.0.1.10, podCIDR: 10.244.1.0/24}
    - {name: node-b, ip: 10.0.1.11, podCIDR: 10.244.2.0/24}
    - {name: node-c, ip: 10.0.1.12, podCIDR: 10.244.3.0/24}
  pods:
    - {name: a-1, node: node-a, ip: 10.244.1.5, labels: {app: web}}
    - {name: a-2, node: node-a, ip: 10.244.1.6, labels: {app: web}}
    - {name: a-3, node: node-a, ip: 10.244.1.7, labels: {app: web}}
    - {name: b-1, node: node-b, ip: 10.244.2.5, labels: {app: web}}
service:
  metadata: {name: web}
  spec:
    type: LoadBalancer
    selector: {app: web}
    externalTrafficPolicy: Local
    ports: [{port: 80, targetPort: 8080}]
  status:
    loadBalancer: {ingress: [{ip: 203.0.113.10}]}
`;
    const read = readScenarioText(yaml, 'yaml');
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const a = evaluate(read.scenario);
    expect(a.loadBalancer).toEqual({ 'node-a': '1/2', 'node-b': '1/2', 'node-c': '0' });
    expect(a.shares?.pods).toEqual({ 'a-1': '1/6', 'a-2': '1/6', 'a-3': '1/6', 'b-1': '1/2' });
    expect(a.healthChecks?.nodes['node-c']?.status).toBe(503);
  });
});
