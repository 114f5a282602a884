/**
 * Issue #12 item 6: every step of every flow cites an R- rule. Walks random scenarios built as scenario
 * documents (so the reader's defaults and refusals take part) over every proxy mode, sender, destination and
 * the knobs that open rarer paths (nodePortAddresses of both families, localhostNodePorts, ipMode Proxy,
 * source ranges, headless, externalIPs, endpoints without nodeName), and every scenario under content/scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { evaluate, parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';

const RULE = /R-[A-Z]/;
/** A step starts with the rule it applies: "R-EXT-6: …". */
const LEADING_RULE = /^R-[A-Z]+(-[A-Z0-9]+)*: \S/;

function expectEveryStepCitesARule(answer: Answer, where: string): void {
  for (const f of answer.flows) {
    expect(f.steps.length).toBeGreaterThan(0);
    for (const step of f.steps) {
      if (!RULE.test(step) || !LEADING_RULE.test(step))
        throw new Error(
          `${where}: ${f.from} → ${f.to} on ${f.node}: step without a leading R- rule: ${step}`,
        );
    }
  }
}

const MODES = ['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const;
const DESTINATIONS = ['loadBalancer', 'nodePort', 'externalIP', 'clusterIP'] as const;

const scenarioArb = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 3 }),
    pods: fc.array(
      fc.record({
        node: fc.integer({ min: -1, max: 2 }),
        ready: fc.boolean(),
        terminating: fc.boolean(),
        serving: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    mode: fc.constantFrom(...MODES),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer' as const),
    etp: fc.constantFrom('Local', 'Cluster'),
    itp: fc.constantFrom('Local', 'Cluster'),
    nodePortAddresses: fc.constantFrom<ScenarioInput['cluster']['nodePortAddresses']>(
      undefined,
      'all',
      'primary',
      ['10.0.0.0/24'],
      ['2001:db8::/64'],
      ['127.0.0.0/8', '2001:db8::/64'],
    ),
    localhostNodePorts: fc.boolean(),
    detectLocal: fc.boolean(),
    ipMode: fc.constantFrom('VIP', 'Proxy' as const),
    sourceRanges: fc.boolean(),
    externalIP: fc.boolean(),
    headless: fc.boolean(),
    affinity: fc.boolean(),
    targets: fc.constantFrom('nodes', 'pods' as const),
    preservesClientIP: fc.boolean(),
    trafficDistribution: fc.constantFrom(undefined, 'PreferClose', 'PreferSameNode'),
  })
  .map((r): ScenarioInput => {
    const nodes = Array.from({ length: r.nodeCount }, (_, i) => ({
      name: `n${i}`,
      ip: `10.0.0.${i + 1}`,
      podCIDR: `10.244.${i}.0/24`,
      zone: `z${i % 2}`,
      extraIPs: [`10.0.1.${i + 1}`],
    }));
    const pods = r.pods.map((p, i) => {
      const node = p.node < 0 ? undefined : `n${p.node % r.nodeCount}`;
      return {
        name: `p${i}`,
        ...(node ? { node } : {}),
        ip: node ? `10.244.${p.node % r.nodeCount}.${i + 10}` : `10.250.0.${i + 1}`,
        labels: { app: 'web' },
        ready: p.ready && !p.terminating,
        terminating: p.terminating,
        serving: p.ready && !p.terminating ? true : p.serving,
      };
    });
    pods.push({
      name: 'client',
      node: 'n0',
      ip: '10.244.0.200',
      labels: { app: 'client' },
      ready: true,
      terminating: false,
      serving: true,
    });
    const external = r.type !== 'ClusterIP' || r.externalIP;
    const senders = ['external', 'pod/client', 'node/n0', 'localhost'];
    const traffic = nodes.flatMap((n) =>
      DESTINATIONS.filter((to) => to !== 'externalIP' || r.externalIP).flatMap((to) =>
        senders.map((from) => {
          if (to === 'nodePort' && from === 'pod/client') return { from, to, node: n.name, ip: '127.0.0.1' };
          // In-cluster senders reach VIPs through their own node's rules (the reader refuses another node).
          if (from !== 'external' && from !== 'localhost' && (to === 'clusterIP' || to === 'externalIP'))
            return { from, to };
          return { from, to, node: n.name };
        }),
      ),
    );
    return {
      cluster: {
        proxyMode: r.mode,
        clusterCIDR: '10.244.0.0/16',
        detectLocal: r.detectLocal,
        localhostNodePorts: r.localhostNodePorts,
        ...(r.nodePortAddresses ? { nodePortAddresses: r.nodePortAddresses } : {}),
        nodes,
        pods,
      },
      service: {
        metadata: { name: 'web' },
        spec: {
          type: r.type,
          selector: { app: 'web' },
          ...(r.headless && r.type === 'ClusterIP' ? { clusterIP: 'None' } : {}),
          ...(external ? { externalTrafficPolicy: r.etp } : {}),
          internalTrafficPolicy: r.itp,
          ...(r.externalIP ? { externalIPs: ['192.0.2.50'] } : {}),
          ...(r.sourceRanges && r.type === 'LoadBalancer'
            ? { loadBalancerSourceRanges: ['198.51.100.0/24'] }
            : {}),
          ...(r.affinity ? { sessionAffinity: 'ClientIP' as const } : {}),
          ...(r.trafficDistribution ? { trafficDistribution: r.trafficDistribution } : {}),
          ports: [{ port: 80, targetPort: 8080 }],
        },
        status: {
          loadBalancer: {
            ingress: r.type === 'LoadBalancer' ? [{ ip: '203.0.113.10', ipMode: r.ipMode }] : [],
          },
        },
      },
      loadBalancer: { targets: r.targets, preservesClientIP: r.preservesClientIP },
      client: { ip: '198.51.100.7' },
      traffic,
    };
  });

describe('every step cites an R- rule (issue #12 item 6)', () => {
  it('over random scenarios in every proxy mode', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = parseScenario(input);
        if (!r.ok) throw new Error(`generator wrote an unreadable scenario: ${JSON.stringify(r.issues)}`);
        expectEveryStepCitesARule(evaluate(r.scenario), 'random scenario');
      }),
      { numRuns: 400 },
    );
  });

  it('in every scenario under content/scenarios', () => {
    const dir = join(process.cwd(), 'content/scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const r = readScenarioText(readFileSync(join(dir, f), 'utf8'), 'yaml');
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.issues)}`);
      expectEveryStepCitesARule(evaluate(r.scenario), f);
    }
  });
});
