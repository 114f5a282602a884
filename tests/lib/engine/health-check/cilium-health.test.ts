/**
 * Cilium's kube-proxy replacement answers the health-check node port itself (routing-semantics.md §15,
 * R-HC-CIL-1…8). Expectations are written by hand from the rules; the byte-exact bodies are R-HC-CIL-6's
 * examples and Cilium's own pkg/loadbalancer/healthserver/testdata/healthserver.txtar.
 */
import fc from 'fast-check';
import { ciliumHealthBody, evaluate, parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';

function answer(input: ScenarioInput): Answer {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}

/** healthserver.txtar: Service test/echo (LB, eTP=Local, HCNP 40000), testnode has 10.244.1.1/.2, othernode .3/.4. */
function txtar(opts: {
  endpointSlice: 1 | 2;
  etp?: 'Local' | 'Cluster';
  healthCheckNodePort?: number;
}): ScenarioInput {
  const pods =
    opts.endpointSlice === 1
      ? [
          { name: 'echo-1', node: 'testnode', ip: '10.244.1.1', labels: { name: 'echo' } },
          { name: 'echo-2', node: 'testnode', ip: '10.244.1.2', labels: { name: 'echo' } },
          { name: 'echo-3', node: 'othernode', ip: '10.244.1.3', labels: { name: 'echo' } },
          { name: 'echo-4', node: 'othernode', ip: '10.244.1.4', labels: { name: 'echo' } },
        ]
      : [
          { name: 'echo-3', node: 'othernode', ip: '10.244.1.3', labels: { name: 'echo' } },
          { name: 'echo-4', node: 'othernode', ip: '10.244.1.4', labels: { name: 'echo' } },
        ];
  const etp = opts.etp ?? 'Local';
  return {
    cluster: {
      proxyMode: 'cilium-snat',
      nodes: [
        { name: 'testnode', ip: '1.1.1.1' },
        { name: 'othernode', ip: '1.1.1.2' },
      ],
      pods,
    },
    service: {
      metadata: { name: 'echo', namespace: 'test' },
      spec: {
        type: 'LoadBalancer',
        selector: { name: 'echo' },
        clusterIP: '10.96.50.104',
        externalTrafficPolicy: etp,
        internalTrafficPolicy: 'Local',
        ...(etp === 'Local' ? { healthCheckNodePort: opts.healthCheckNodePort ?? 40000 } : {}),
        ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30781, protocol: 'TCP' }],
      },
      status: { loadBalancer: { ingress: [{ ip: '172.16.1.1' }] } },
    },
  };
}

describe('R-HC-CIL-6 / R-HC-CIL-5: the body and headers, byte for byte', () => {
  it('healthserver.txtar healthserver.expected: 200, weight 2, the 66-byte compact body with a trailing newline', () => {
    const hc = answer(txtar({ endpointSlice: 1 })).healthChecks!;
    expect(hc.port).toBe(40000);
    expect(hc.nodes.testnode).toEqual({
      status: 200,
      headers: {
        'Content-Type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
        'X-Load-Balancing-Endpoint-Weight': '2',
      },
      body: '{"service":{"namespace":"test","name":"echo"},"localEndpoints":2}\n',
    });
    expect(new TextEncoder().encode(hc.nodes.testnode!.body)).toHaveLength(66);
  });

  it('healthserver.txtar healthserver-unhealthy.expected: no local backend → 503, weight 0, 66 bytes', () => {
    const hc = answer(txtar({ endpointSlice: 2 })).healthChecks!;
    expect(hc.nodes.testnode).toEqual({
      status: 503,
      headers: {
        'Content-Type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
        'X-Load-Balancing-Endpoint-Weight': '0',
      },
      body: '{"service":{"namespace":"test","name":"echo"},"localEndpoints":0}\n',
    });
    expect(hc.nodes.testnode!.body).toHaveLength(66);
    // The other node holds both backends.
    expect(hc.nodes.othernode!.status).toBe(200);
    expect(hc.nodes.othernode!.headers['X-Load-Balancing-Endpoint-Weight']).toBe('2');
  });

  it('R-HC-CIL-6 example 2: default/web with no local Active backend → 503 and the 68-byte body', () => {
    const a = answer({
      cluster: {
        proxyMode: 'cilium-dsr',
        nodes: [
          { name: 'node-a', ip: '10.0.1.10' },
          { name: 'node-b', ip: '10.0.1.11' },
        ],
        pods: [{ name: 'w', node: 'node-b', ip: '10.244.2.5' }],
      },
      service: {
        metadata: { name: 'web' },
        spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] },
      },
    });
    const body = '{"service":{"namespace":"default","name":"web"},"localEndpoints":0}\n';
    expect(body).toHaveLength(68);
    expect(a.healthChecks!.nodes['node-a']).toEqual({
      status: 503,
      headers: {
        'Content-Type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
        'X-Load-Balancing-Endpoint-Weight': '0',
      },
      body,
    });
  });
});

describe('R-HC-CIL-6: the body length is 57 + len(ns) + len(name) + len(String(n))', () => {
  it('for any DNS-label names and count', () => {
    const label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/);
    fc.assert(
      fc.property(label, label, fc.nat({ max: 100000 }), (ns, name, n) => {
        const body = ciliumHealthBody(ns, name, n);
        expect(body).toHaveLength(57 + ns.length + name.length + String(n).length);
        expect(body.endsWith('}\n')).toBe(true);
        expect(JSON.parse(body)).toEqual({ service: { namespace: ns, name }, localEndpoints: n });
      }),
    );
  });
});

describe('R-HC-CIL-1: existence', () => {
  it('healthserver.txtar: switching the Service to Cluster closes the listener', () => {
    expect(answer(txtar({ endpointSlice: 1, etp: 'Cluster' })).healthChecks).toBeNull();
  });

  it('every node answers, with or without local backends', () => {
    expect(Object.keys(answer(txtar({ endpointSlice: 2 })).healthChecks!.nodes)).toEqual([
      'testnode',
      'othernode',
    ]);
  });
});

describe('R-HC-CIL-2 / R-HC-CIL-4: what is counted', () => {
  const base = (
    pods: NonNullable<ScenarioInput['cluster']['pods']>,
    ports: NonNullable<ScenarioInput['service']['spec']['ports']>,
    nodes = [
      { name: 'node-a', ip: '10.0.1.10', proxyHealthy: false },
      { name: 'node-b', ip: '10.0.1.11' },
    ],
  ): ScenarioInput => ({
    cluster: { proxyMode: 'cilium-snat', nodes, pods },
    service: {
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, ports },
    },
  });
  const weight = (a: Answer, node: string) =>
    a.healthChecks!.nodes[node]!.headers['X-Load-Balancing-Endpoint-Weight'];

  it('a Pod behind a two-port Service counts 2 (backends are address:port/protocol)', () => {
    const a = answer(
      base(
        [{ name: 'p', node: 'node-a', ip: '10.244.1.5' }],
        [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443, targetPort: 8443 },
        ],
      ),
    );
    expect(weight(a, 'node-a')).toBe('2');
    expect(a.healthChecks!.nodes['node-a']!.body).toBe(
      '{"service":{"namespace":"default","name":"web"},"localEndpoints":2}\n',
    );
  });

  it('two Service ports onto the same targetPort and protocol are one backend', () => {
    const a = answer(
      base(
        [{ name: 'p', node: 'node-a', ip: '10.244.1.5' }],
        [
          { name: 'a', port: 80, targetPort: 8080 },
          { name: 'b', port: 81, targetPort: 8080 },
        ],
      ),
    );
    expect(weight(a, 'node-a')).toBe('1');
  });

  it('an endpoint without nodeName counts on every node (kube-proxy never counts it)', () => {
    const a = answer(
      base(
        [
          { name: 'p', node: 'node-a', ip: '10.244.1.5' },
          { name: 'nowhere', ip: '10.250.0.9' },
        ],
        [{ port: 80 }],
      ),
    );
    expect([weight(a, 'node-a'), weight(a, 'node-b')]).toEqual(['2', '1']);
    expect(a.healthChecks!.nodes['node-b']!.status).toBe(200);
  });

  it('only Active (ready) backends count: serving-terminating and not-ready count 0', () => {
    const a = answer(
      base(
        [
          { name: 'term', node: 'node-a', ip: '10.244.1.5', ready: false, serving: true, terminating: true },
          { name: 'unready', node: 'node-a', ip: '10.244.1.6', ready: false },
          { name: 'ok', node: 'node-b', ip: '10.244.2.5' },
        ],
        [{ port: 80 }],
      ),
    );
    expect([a.healthChecks!.nodes['node-a']!.status, weight(a, 'node-a')]).toEqual([503, '0']);
  });

  it('no proxy-health term: kube-proxy staleness (proxyHealthy false) does not turn it to 503', () => {
    const a = answer(base([{ name: 'p', node: 'node-a', ip: '10.244.1.5' }], [{ port: 80 }]));
    expect(a.healthChecks!.nodes['node-a']!.status).toBe(200);
  });
});

describe('R-HC-CIL-7: nothing on :10256 unless kubeProxyReplacementHealthz', () => {
  const input = (enabled?: boolean): ScenarioInput => ({
    cluster: {
      proxyMode: 'cilium-snat',
      ...(enabled === undefined ? {} : { kubeProxyReplacementHealthz: enabled }),
      nodes: [
        { name: 'node-a', ip: '10.0.1.10', deleting: true },
        { name: 'node-b', ip: '10.0.1.11', taints: ['ToBeDeletedByClusterAutoscaler'], proxyHealthy: false },
        { name: 'node-c', ip: '10.0.1.12' },
      ],
      pods: [{ name: 'p', node: 'node-c', ip: '10.244.3.5' }],
    },
    service: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } },
  });

  it('proxyHealth is null by default', () => {
    expect(answer(input()).proxyHealth).toBeNull();
    expect(answer(input(false)).proxyHealth).toBeNull();
  });

  it('enabled: only /healthz, 503 only while the Node is being deleted (the autoscaler taint does not matter)', () => {
    expect(answer(input(true)).proxyHealth).toEqual({
      'node-a': { healthz: 503 },
      'node-b': { healthz: 200 },
      'node-c': { healthz: 200 },
    });
  });

  it('kube-proxy modes are unchanged: /healthz and /livez on every node', () => {
    const a = answer({ ...input(), cluster: { ...input().cluster, proxyMode: 'iptables' } });
    expect(a.proxyHealth).toEqual({
      'node-a': { healthz: 503, livez: 200 },
      'node-b': { healthz: 503, livez: 503 },
      'node-c': { healthz: 200, livez: 200 },
    });
  });
});

describe('R-HC-CIL-8: balancers under Cilium', () => {
  const lb = (
    etp: 'Local' | 'Cluster',
    balancing: 'healthy-nodes' | 'weighted',
    enabled = false,
  ): ScenarioInput => ({
    cluster: {
      proxyMode: 'cilium-snat',
      kubeProxyReplacementHealthz: enabled,
      nodes: [
        { name: 'node-a', ip: '10.0.1.10' },
        { name: 'node-b', ip: '10.0.1.11', deleting: true },
        { name: 'node-c', ip: '10.0.1.12' },
      ],
      pods: [
        { name: 'a1', node: 'node-a', ip: '10.244.1.5' },
        { name: 'a2', node: 'node-a', ip: '10.244.1.6' },
        { name: 'b1', node: 'node-b', ip: '10.244.2.5' },
      ],
    },
    service: {
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', externalTrafficPolicy: etp, ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    },
    loadBalancer: { balancing },
  });

  it('eTP=Cluster: a generic balancer probing :10256 finds nothing on any node, so every node fails and it fails open to equal shares', () => {
    expect(answer(lb('Cluster', 'healthy-nodes')).loadBalancer).toEqual({
      'node-a': '1/3',
      'node-b': '1/3',
      'node-c': '1/3',
    });
  });

  it('eTP=Cluster with kubeProxyReplacementHealthz: the deleting node fails /healthz and gets nothing', () => {
    expect(answer(lb('Cluster', 'healthy-nodes', true)).loadBalancer).toEqual({
      'node-a': '1/2',
      'node-b': '0',
      'node-c': '1/2',
    });
  });

  it('eTP=Local weighted: weights are Cilium counts (a deleting node still answers 200 with its backend)', () => {
    expect(answer(lb('Local', 'weighted')).loadBalancer).toEqual({
      'node-a': '2/3',
      'node-b': '1/3',
      'node-c': '0',
    });
  });
});
