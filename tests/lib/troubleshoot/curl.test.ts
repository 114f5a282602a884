/**
 * What curl prints for a flow (RULES.md R-SYM-1…8). Verdicts, backends and source addresses are read from the
 * engine's answer (runScenario) as the independent side; curl's texts are curl 8.20.0's, written out here.
 */
import { runScenario, type ScenarioInput } from '@/lib/engine';
import { curlCommand, curlFlow, curlOutcomes } from '@/lib/troubleshoot';
import { scenario, web, CLIENT, TWO_WEB } from './fixtures';

const REFUSED = (host: string, port: number) =>
  `curl: (7) Failed to connect to ${host} port ${port} after 2 ms: Could not connect to server`;
const TIMEOUT_5S = 'curl: (28) Connection timed out after 5001 milliseconds';

function answerOf(s: ScenarioInput) {
  const run = runScenario(s);
  if (!run.ok) throw new Error('scenario does not read');
  return run.answer;
}

const fromClient = [{ from: 'pod/client', to: 'clusterIP' as const }];

describe('R-SYM-5: forwarded to listening Pods', () => {
  const s = scenario({}, TWO_WEB, { traffic: fromClient });

  it("every backend is an outcome with the engine's probability, naming the Pod and the address it saw", () => {
    const flow = answerOf(s).flows[0]!;
    expect(flow.verdict).toBe('forwarded');
    expect(curlOutcomes(s, 0)).toEqual(
      flow.backends.map((b) => ({
        probability: b.probability,
        result: {
          outcome: 'answered',
          pod: b.pod,
          sourceIp: b.sourceIp,
          text: `hostname: ${b.pod}\nclient: ${b.sourceIp}`,
        },
      })),
    );
    expect(flow.backends.map((b) => [b.pod, b.probability, b.sourceIp])).toEqual([
      ['web-1', '1/2', '10.244.1.9'],
      ['web-2', '1/2', '10.244.1.9'],
    ]);
  });

  it('one attempt: the backend asked for, else the likeliest, the first of equals', () => {
    expect(curlFlow(s, 0).pod).toBe('web-1');
    expect(curlFlow(s, 0, undefined, { backend: 'web-2' })).toEqual({
      outcome: 'answered',
      pod: 'web-2',
      sourceIp: '10.244.1.9',
      text: 'hostname: web-2\nclient: 10.244.1.9',
    });
    expect(() => curlFlow(s, 0, undefined, { backend: 'client' })).toThrow(
      '"client" is not a possible backend of flow 0 (possible: web-1, web-2)',
    );
  });

  it('from outside to a NodePort under eTP Cluster: every Pod, masqueraded, as the engine says', () => {
    const pods = [
      web('web-1', 'node-a', '10.244.1.5'),
      web('web-2', 'node-b', '10.244.2.7'),
      web('web-3', 'node-b', '10.244.2.8'),
    ];
    const np = scenario(
      { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
      pods,
      {
        traffic: [{ from: 'external', to: 'nodePort', node: 'node-a' }],
        client: { ip: '198.51.100.7' },
      },
    );
    const flow = answerOf(np).flows[0]!;
    const outcomes = curlOutcomes(np, 0);
    expect(outcomes.map((o) => [o.result.pod, o.probability, o.result.sourceIp])).toEqual(
      flow.backends.map((b) => [b.pod, b.probability, b.sourceIp]),
    );
    // Masqueraded under eTP Cluster: the Pod sees a node-side address, not the client (R-SRC-*).
    expect(outcomes.every((o) => o.result.sourceIp !== '198.51.100.7')).toBe(true);
    expect(curlCommand(np, 0)).toBe('curl -sS --connect-timeout 5 http://10.0.1.10:30080/');
  });
});

describe('R-SYM-1: rejected → refused', () => {
  it('a Service with no endpoints: kube-proxy REJECTs, curl fails at once', () => {
    const s = scenario({ selector: { app: 'nothing' } }, TWO_WEB, { traffic: fromClient });
    expect(answerOf(s).flows[0]!.verdict).toBe('rejected');
    expect(curlFlow(s, 0)).toEqual({ outcome: 'refused', text: REFUSED('10.96.0.10', 80) });
    expect(curlOutcomes(s, 0)).toEqual([
      { probability: '1', result: { outcome: 'refused', text: REFUSED('10.96.0.10', 80) } },
    ]);
    expect(curlCommand(s, 0)).toBe('kubectl exec client -- curl -sS --connect-timeout 5 http://10.96.0.10/');
  });
});

describe('R-SYM-2: dropped → timeout', () => {
  const s = scenario(
    {
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    },
    [web('web-1', 'node-a', '10.244.1.5'), CLIENT],
  );
  it('eTP Local on a node without a local endpoint: the SYN is dropped, curl waits out --connect-timeout', () => {
    const flows = answerOf(s).flows;
    const b = flows.findIndex((f) => f.node === 'node-b');
    expect(flows[b]!.verdict).toBe('dropped');
    expect(curlFlow(s, b)).toEqual({ outcome: 'timeout', text: TIMEOUT_5S });
    expect(curlFlow(s, b, undefined, { connectTimeout: 3 }).text).toBe(
      'curl: (28) Connection timed out after 3001 milliseconds',
    );
    expect(curlCommand(s, b, { connectTimeout: 3 })).toBe(
      'curl -sS --connect-timeout 3 http://10.0.1.11:30080/',
    );
  });
});

describe('R-SYM-3: asymmetric → timeout', () => {
  it('IPVS under eTP Local, from outside to a node without a local endpoint', () => {
    const s = scenario(
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      [web('web-1', 'node-a', '10.244.1.5')],
      {
        cluster: { proxyMode: 'ipvs', clusterCIDR: '10.244.0.0/16' },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
        traffic: [{ from: 'external', to: 'loadBalancer', node: 'node-b' }],
      },
    );
    expect(answerOf(s).flows[0]!.verdict).toBe('asymmetric');
    expect(curlOutcomes(s, 0)).toEqual([
      { probability: '1', result: { outcome: 'timeout', text: TIMEOUT_5S } },
    ]);
    expect(curlCommand(s, 0)).toBe('curl -sS --connect-timeout 5 http://203.0.113.10/');
  });
});

describe('R-SYM-4: forwarded to a Pod that does not listen there → refused', () => {
  const s = scenario({}, TWO_WEB, { traffic: fromClient });

  it('a container on another port than the targetPort ("wrong targetPort")', () => {
    const workload = { pods: { 'web-1': { listen: { address: '0.0.0.0' as const, port: 80 } } } };
    expect(curlOutcomes(s, 0, workload)).toEqual([
      { probability: '1/2', result: { outcome: 'refused', text: REFUSED('10.96.0.10', 80) } },
      {
        probability: '1/2',
        result: {
          outcome: 'answered',
          pod: 'web-2',
          sourceIp: '10.244.1.9',
          text: 'hostname: web-2\nclient: 10.244.1.9',
        },
      },
    ]);
  });

  it('a container listening on 127.0.0.1 only ("listens on localhost")', () => {
    const workload = { pods: { 'web-2': { listen: { address: '127.0.0.1' as const, port: 8080 } } } };
    expect(curlFlow(s, 0, workload, { backend: 'web-2' })).toEqual({
      outcome: 'refused',
      text: REFUSED('10.96.0.10', 80),
    });
    expect(curlFlow(s, 0, workload, { backend: 'web-1' }).outcome).toBe('answered');
  });

  it("a named targetPort goes to the Pod's containerPort of that name", () => {
    const named = scenario({ ports: [{ port: 80, targetPort: 'http' }] }, TWO_WEB, { traffic: fromClient });
    // Default: the container declares and listens on 8080.
    expect(curlOutcomes(named, 0).map((o) => o.result.outcome)).toEqual(['answered', 'answered']);
    const workload = {
      pods: {
        'web-1': { containerPort: 9090, listen: { address: '0.0.0.0' as const, port: 9090 } },
        'web-2': { containerPort: 9090, listen: { address: '0.0.0.0' as const, port: 8080 } },
      },
    };
    expect(curlOutcomes(named, 0, workload).map((o) => o.result.outcome)).toEqual(['answered', 'refused']);
  });
});

describe('R-SYM-7: unmatched → what owns the address', () => {
  it('a node address where kube-proxy does not answer the NodePort: the host resets, refused', () => {
    const s = scenario(
      { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
      TWO_WEB,
      {
        cluster: {
          proxyMode: 'nftables',
          nodes: [
            { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24', extraIPs: ['192.168.99.11'] },
            { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
          ],
        },
        traffic: [{ from: 'external', to: 'nodePort', node: 'node-a', ip: '192.168.99.11' }],
      },
    );
    expect(answerOf(s).flows[0]!.verdict).toBe('unmatched');
    expect(curlFlow(s, 0)).toEqual({ outcome: 'refused', text: REFUSED('192.168.99.11', 30080) });
  });

  it('a ClusterIP dialled from outside under Cilium: nothing owns it, timeout', () => {
    const s = scenario({}, TWO_WEB, {
      cluster: { proxyMode: 'cilium-snat' },
      traffic: [{ from: 'external', to: 'clusterIP', node: 'node-a' }],
    });
    expect(answerOf(s).flows[0]!.verdict).toBe('unmatched');
    expect(curlFlow(s, 0)).toEqual({ outcome: 'timeout', text: TIMEOUT_5S });
  });
});

describe('R-SYM-8: a port the Service does not have', () => {
  const withMode = (proxyMode: 'iptables' | 'nftables' | 'ipvs') =>
    scenario({}, TWO_WEB, { cluster: { proxyMode }, traffic: fromClient });

  it("ClusterIP: iptables has no rule (timeout), nftables rejects, IPVS's kube-ipvs0 address resets (refused)", () => {
    expect(curlFlow(withMode('iptables'), 0, undefined, { port: 8080 })).toEqual({
      outcome: 'timeout',
      text: TIMEOUT_5S,
    });
    expect(curlFlow(withMode('nftables'), 0, undefined, { port: 8080 })).toEqual({
      outcome: 'refused',
      text: REFUSED('10.96.0.10', 8080),
    });
    expect(curlFlow(withMode('ipvs'), 0, undefined, { port: 8080 })).toEqual({
      outcome: 'refused',
      text: REFUSED('10.96.0.10', 8080),
    });
    expect(curlCommand(withMode('iptables'), 0, { port: 8080 })).toBe(
      'kubectl exec client -- curl -sS --connect-timeout 5 http://10.96.0.10:8080/',
    );
  });

  it("NodePort: the node's own stack resets a port nothing listens on", () => {
    const s = scenario({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    expect(curlFlow(s, 0, undefined, { port: 30081 })).toEqual({
      outcome: 'refused',
      text: REFUSED('10.0.1.10', 30081),
    });
  });

  it("another of the Service's ports follows the flow with that port's targetPort", () => {
    const s = scenario(
      {
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'admin', port: 81, targetPort: 9000 },
        ],
      },
      TWO_WEB,
      { traffic: fromClient },
    );
    // The containers listen on 8080 (the first port's targetPort), so port 81 → 9000 is refused by each Pod.
    expect(curlOutcomes(s, 0, undefined, { port: 81 }).map((o) => o.result.outcome)).toEqual([
      'refused',
      'refused',
    ]);
    expect(curlOutcomes(s, 0, undefined, { port: 80 }).map((o) => o.result.outcome)).toEqual([
      'answered',
      'answered',
    ]);
  });
});

describe('bad input', () => {
  it('a flow that does not exist is named with the range', () => {
    expect(() => curlFlow(scenario({}, TWO_WEB, { traffic: fromClient }), 3)).toThrow(
      'flow 3 does not exist (the scenario has 1 flows, 0…0)',
    );
  });
  it('a flow with no address to dial (headless, pending balancer) is an error, not a made-up curl line', () => {
    const headless = scenario({ clusterIP: 'None' }, TWO_WEB, { traffic: fromClient });
    expect(() => curlFlow(headless, 0)).toThrow('flow 0 has no address to dial: the Service is headless');
    const pending = scenario(
      { type: 'LoadBalancer', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
      TWO_WEB,
      {
        traffic: [{ from: 'external', to: 'loadBalancer', node: 'node-a' }],
      },
    );
    expect(() => curlCommand(pending, 0)).toThrow(
      'flow 0 has no address to dial: the load balancer has no ingress yet',
    );
  });
  it('an unreadable scenario names the field', () => {
    expect(() => curlFlow(scenario({}, [{ name: 'x', ip: 'nope' }]), 0)).toThrow(/cluster\.pods\[0\]\.ip/);
  });
});
