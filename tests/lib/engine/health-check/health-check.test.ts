/**
 * The Service health-check node port (R-HC-1..5) and kube-proxy's /healthz and /livez (R-PH-1..5), mirroring
 * pkg/proxy/healthcheck/healthcheck_test.go (TestServer, tHandler, TestHealthzServer, TestLivezServer).
 */
import { evaluate, localReadyEndpointCount, proxyHealth, proxyHealthResponse, serviceHealthAnswer, serviceHealthBody } from '@/lib/engine';
import { buildScenario, seedScenario } from '../support/scenario-builder';

describe('R-HC-5: the body is byte-exact', () => {
  it('matches the tab-indented template with no trailing newline', () => {
    expect(serviceHealthBody('default', 'web', 3, true)).toBe(
      '{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "web"\n\t},\n\t"localEndpoints": 3,\n\t"serviceProxyHealthy": true\n}',
    );
  });
  it.each([
    ['default', 'wp-nginx-service', 1, true, 127],
    ['default', 'web', 0, false, 99 + 7 + 3 + 1 + 5],
    ['kube-system', 'a', 12, true, 99 + 11 + 1 + 2 + 4],
  ])('length for %s/%s, %i endpoints, healthy %s is %i (Content-Length seen in the wild: 127)', (ns, name, n, healthy, length) => {
    expect(serviceHealthBody(ns, name, n, healthy)).toHaveLength(length);
  });
});

describe('R-HC-3/R-HC-4: status and headers (TestServer / tHandler)', () => {
  it.each([
    ['no local endpoints → 503', 0, true, 503],
    ['one local endpoint → 200', 1, true, 200],
    ['seven endpoints but kube-proxy unhealthy → 503', 7, false, 503],
    ['none and unhealthy → 503', 0, false, 503],
  ] as const)('%s', (_n, count, healthy, status) => {
    const a = serviceHealthAnswer('ns', 'svc', count, healthy);
    expect(a.status).toBe(status);
    expect(a.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(count),
    });
    expect(JSON.parse(a.body)).toEqual({ service: { namespace: 'ns', name: 'svc' }, localEndpoints: count, serviceProxyHealthy: healthy });
  });
});

describe('R-HC-2: localEndpoints counts distinct IPs of ready local endpoints only', () => {
  const scenario = buildScenario({
    nodes: [{ name: 'n1', ip: '10.0.0.1' }, { name: 'n2', ip: '10.0.0.2' }],
    pods: [
      { name: 'ready-1', node: 'n1', ip: '10.1.0.1' },
      { name: 'ready-2', node: 'n1', ip: '10.1.0.2' },
      { name: 'serving-terminating', node: 'n1', ip: '10.1.0.3', ready: false, serving: true, terminating: true },
      { name: 'not-ready', node: 'n1', ip: '10.1.0.4', ready: false },
      { name: 'remote', node: 'n2', ip: '10.1.0.5' },
      { name: 'no-node', node: null, ip: '10.1.0.6' },
    ],
    service: { externalTrafficPolicy: 'Local' },
  });
  it('counts 2 on n1 and 1 on n2', () => {
    expect(localReadyEndpointCount(scenario.endpoints, 'n1')).toBe(2);
    expect(localReadyEndpointCount(scenario.endpoints, 'n2')).toBe(1);
  });
  it('counts an IP once even if listed twice (a Pod exposing two ports)', () => {
    const dup = [...scenario.endpoints, { ...scenario.endpoints[0]!, pod: 'same-ip' }];
    expect(localReadyEndpointCount(dup, 'n1')).toBe(2);
  });
  it('TestHealthCheckNodePortWhenTerminating: all terminating → 0 and 503, though traffic still flows to them', () => {
    const draining = buildScenario({
      nodes: [{ name: 'n1', ip: '10.0.0.1' }],
      pods: [1, 2, 3].map((i) => ({ name: `p${i}`, node: 'n1', ip: `10.1.0.${i}`, ready: false, serving: true, terminating: true })),
      service: { externalTrafficPolicy: 'Local' },
    });
    const a = evaluate(draining);
    expect(a.healthChecks?.nodes.n1?.status).toBe(503);
    expect(a.healthChecks?.nodes.n1?.headers['X-Load-Balancing-Endpoint-Weight']).toBe('0');
    expect(a.flows[0]?.verdict).toBe('forwarded');
  });
});

describe('R-HC-1: which Services have a health-check node port', () => {
  it.each([
    ['LoadBalancer + Local', 'LoadBalancer', 'Local', true],
    ['LoadBalancer + Cluster', 'LoadBalancer', 'Cluster', false],
    ['NodePort + Local (never has one)', 'NodePort', 'Local', false],
  ] as const)('%s', (_n, type, etp, has) => {
    const s = buildScenario({ nodes: [{ name: 'n1', ip: '10.0.0.1' }], pods: [{ name: 'p', node: 'n1', ip: '10.1.0.1' }], service: { type, externalTrafficPolicy: etp } });
    const a = evaluate(s);
    expect(a.healthChecks !== null).toBe(has);
    if (has) expect(a.healthChecks?.port).toBe(32000);
  });
  it('the seed layout: A 200 (weight 3), B 200 (weight 1), C 503 (weight 0) — every node answers', () => {
    const a = evaluate(seedScenario({ etp: 'Local' }));
    const nodes = a.healthChecks!.nodes;
    expect(Object.fromEntries(Object.entries(nodes).map(([k, v]) => [k, [v.status, v.headers['X-Load-Balancing-Endpoint-Weight']]]))).toEqual({
      'node-a': [200, '3'],
      'node-b': [200, '1'],
      'node-c': [503, '0'],
    });
  });
  it('R-HC-3: node deletion and the autoscaler taint do not change the health-check port', () => {
    const s = buildScenario({
      nodes: [{ name: 'n1', ip: '10.0.0.1', deleting: true, taints: ['ToBeDeletedByClusterAutoscaler'] }],
      pods: [{ name: 'p', node: 'n1', ip: '10.1.0.1' }],
      service: { externalTrafficPolicy: 'Local' },
    });
    const a = evaluate(s);
    expect(a.healthChecks?.nodes.n1?.status).toBe(200);
    expect(a.proxyHealth!.n1).toEqual({ healthz: 503, livez: 200 });
  });
});

describe('R-PH-1..4: /healthz and /livez on :10256 (TestHealthzServer / TestLivezServer)', () => {
  const node = (o: { proxyHealthy?: boolean; deleting?: boolean; taints?: string[] }) => ({
    name: 'n', ip: '10.0.0.1', extraIPs: [], podCIDR: null, bridgeIP: '10.0.0.1', zone: null,
    taints: o.taints ?? [], deleting: o.deleting ?? false, proxyHealthy: o.proxyHealthy ?? true, tunnelIP: null, labels: {},
  });
  it.each([
    ['R-PH-2: healthy proxy, eligible node', {}, 200, 200],
    ['R-PH-2: stale proxy updates', { proxyHealthy: false }, 503, 503],
    ['R-PH-3: node being deleted', { deleting: true }, 503, 200],
    ['R-PH-3: ToBeDeletedByClusterAutoscaler taint', { taints: ['ToBeDeletedByClusterAutoscaler'] }, 503, 200],
    ['R-PH-3: other taints (and cordoning) do not matter', { taints: ['node.kubernetes.io/unschedulable'] }, 200, 200],
    ['R-PH-4: livez ignores node state but not proxy health', { proxyHealthy: false, deleting: true }, 503, 503],
  ] as const)('%s', (_n, o, healthz, livez) => {
    expect(proxyHealth(node(o as { proxyHealthy?: boolean; deleting?: boolean; taints?: string[] }))).toEqual({ healthz, livez });
  });
});

describe('R-PH-5: /healthz and /livez bodies (compact JSON, timestamps as inputs)', () => {
  const times = { now: '2026-11-25T08:00:00.123456789Z', lastUpdated: '2026-11-25T07:58:00.000000001Z' };
  const node = (o: { proxyHealthy?: boolean; deleting?: boolean }) => ({
    name: 'n', ip: '10.0.0.1', extraIPs: [], podCIDR: null, bridgeIP: '10.0.0.1', zone: null,
    taints: [], deleting: o.deleting ?? false, proxyHealthy: o.proxyHealthy ?? true, tunnelIP: null, labels: {},
  });
  it('healthy /healthz: 200, lastUpdated is the current time', () => {
    const r = proxyHealthResponse(node({}), '/healthz', times);
    expect(r.status).toBe(200);
    expect(r.headers).toEqual({ 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' });
    expect(r.body).toBe(
      '{"lastUpdated":"2026-11-25T08:00:00.123456789Z","currentTime":"2026-11-25T08:00:00.123456789Z","nodeEligible":true,"healthy":true,"status":{"IPv4":{"lastUpdated":"2026-11-25T07:58:00.000000001Z","healthy":true}}}',
    );
  });
  it('deleting node: /healthz 503 with nodeEligible false but healthy true; /livez 200 without nodeEligible', () => {
    const healthz = proxyHealthResponse(node({ deleting: true }), '/healthz', times);
    expect(healthz.status).toBe(503);
    expect(JSON.parse(healthz.body)).toMatchObject({ lastUpdated: times.lastUpdated, nodeEligible: false, healthy: true });
    const livez = proxyHealthResponse(node({ deleting: true }), '/livez', times);
    expect(livez.status).toBe(200);
    expect(Object.keys(JSON.parse(livez.body))).toEqual(['lastUpdated', 'currentTime', 'healthy', 'status']);
  });
  it('stale proxy: both 503, healthy false', () => {
    expect(proxyHealthResponse(node({ proxyHealthy: false }), '/livez', times)).toMatchObject({ status: 503 });
    expect(JSON.parse(proxyHealthResponse(node({ proxyHealthy: false }), '/healthz', times).body).healthy).toBe(false);
  });
});

describe('R-FW-2: loadBalancerSourceRanges never touch the health-check port', () => {
  it('a blocked client is dropped on the LB IP while every node still answers the health check', () => {
    const s = buildScenario({
      nodes: [{ name: 'n1', ip: '10.0.0.1' }],
      pods: [{ name: 'p', node: 'n1', ip: '10.1.0.1' }],
      service: { externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['192.0.2.0/24'] },
      clientIP: '203.0.113.2',
    });
    const a = evaluate(s);
    expect(a.flows[0]?.verdict).toBe('dropped');
    expect(a.flows[0]?.steps.at(-1)).toMatch(/^R-FW-1/);
    expect(a.healthChecks?.nodes.n1?.status).toBe(200);
  });
});
