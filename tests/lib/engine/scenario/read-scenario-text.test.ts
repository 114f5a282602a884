import { LIMITS, type Issue } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';

/** A valid two-node scenario, one field per line so that line numbers are easy to read off. */
const BASE = `name: base
cluster:
  nodes:
    - name: node-a
      ip: 10.0.1.10
      podCIDR: 10.244.1.0/24
    - name: node-b
      ip: 10.0.1.11
      podCIDR: 10.244.2.0/24
  pods:
    - name: web-1
      node: node-a
      ip: 10.244.1.5
      labels: {app: web}
    - name: web-2
      node: node-b
      ip: 10.244.2.5
      labels: {app: web}
service:
  metadata: {name: web}
  spec:
    type: LoadBalancer
    selector: {app: web}
    ports: [{port: 80}]
  status:
    loadBalancer: {ingress: [{ip: 203.0.113.10}]}
`;

function issuesOf(text: string, format: 'yaml' | 'json' = 'yaml'): Issue[] {
  const r = readScenarioText(text, format);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.issues;
}

describe('readScenarioText accepts', () => {
  it('the base YAML scenario', () => {
    const r = readScenarioText(BASE, 'yaml');
    expect(r.ok).toBe(true);
  });

  it('the same scenario written as JSON', () => {
    const json = JSON.stringify({
      cluster: { nodes: [{ name: 'node-a', ip: '10.0.1.10' }] },
      service: { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } },
    });
    const r = readScenarioText(json, 'json');
    expect(r.ok && r.scenario.service.type).toBe('NodePort');
  });
});

describe('readScenarioText refuses, naming the field path and line', () => {
  it.each([
    ['YAML syntax error', BASE.replace('ports: [{port: 80}]', 'ports: [{port: 80}'), '', 25, /YAML syntax error at line \d+, column \d+/],
    ['a duplicate YAML key', BASE.replace('      ip: 10.0.1.11\n', '      ip: 10.0.1.11\n      ip: 10.0.1.12\n'), '', 9, /YAML syntax error.*unique/i],
    ['an unknown field, with a suggestion', BASE.replace('podCIDR: 10.244.2.0/24', 'podCidr: 10.244.2.0/24'), 'cluster.nodes[1].podCidr', 9, /unknown field "podCidr" \(did you mean "podCIDR"\?\)/],
    ['an unknown top-level field', `${BASE}trafic: []\n`, 'trafic', 27, /unknown field "trafic" \(did you mean "traffic"\?\)/],
    ['a wrong type', BASE.replace('ports: [{port: 80}]', 'ports: [{port: eighty}]'), 'service.spec.ports[0].port', 24, /must be a number, got "eighty"/],
    ['a boolean written as a string', BASE.replace('      labels: {app: web}\n    - name: web-2', '      ready: "yes"\n      labels: {app: web}\n    - name: web-2'), 'cluster.pods[0].ready', 14, /must be a boolean, got "yes"/],
    ['a bad IP', BASE.replace('ip: 10.244.2.5', 'ip: 10.244.2.500'), 'cluster.pods[1].ip', 17, /IPv4 address.*"10\.244\.2\.500"/],
    ['a bad CIDR', BASE.replace('podCIDR: 10.244.1.0/24', 'podCIDR: 10.244.1.0/33'), 'cluster.nodes[0].podCIDR', 6, /IPv4 CIDR.*"10\.244\.1\.0\/33"/],
    ['a missing required field', BASE.replace('  metadata: {name: web}\n', ''), 'service.metadata', 19, /is required/],
    ['a bad enum value', BASE.replace('type: LoadBalancer', 'type: Loadbalancer'), 'service.spec.type', 22, /must be one of "ClusterIP", "NodePort", "LoadBalancer", got "Loadbalancer"/],
    ['a pod on a node that does not exist', BASE.replace('node: node-b', 'node: node-z'), 'cluster.pods[1].node', 16, /node "node-z" does not exist/],
    ['a duplicate node name', BASE.replace('name: node-b', 'name: node-a').replace('node: node-b', 'node: node-a').replace('10.244.2.5', '10.244.1.6'), 'cluster.nodes[1].name', 7, /duplicate node name "node-a": already used at cluster\.nodes\[0\]\.name/],
    ['a duplicate pod name', BASE.replace('name: web-2', 'name: web-1'), 'cluster.pods[1].name', 15, /duplicate pod name "web-1"/],
    ['a pod IP used by another pod', BASE.replace('node: node-b\n      ip: 10.244.2.5', 'node: node-a\n      ip: 10.244.1.5'), 'cluster.pods[1].ip', 17, /duplicate IP 10\.244\.1\.5: already used by cluster\.pods\[0\]\.ip/],
    ['a pod IP equal to a node IP', BASE.replace('ip: 10.244.2.5', 'ip: 10.0.1.10').replace('podCIDR: 10.244.2.0/24', 'podCIDR: 10.0.1.0/24'), 'cluster.pods[1].ip', 17, /duplicate IP 10\.0\.1\.10: already used by cluster\.nodes\[0\]\.ip/],
    ['traffic from a pod that does not exist', `${BASE}traffic:\n  - {from: pod/web-9, to: clusterIP}\n`, 'traffic[0].from', 28, /pod "web-9" does not exist/],
    ['traffic received by a node that does not exist', `${BASE}traffic:\n  - {from: external, to: nodePort, node: node-q}\n`, 'traffic[0].node', 28, /node "node-q" does not exist/],
    ['traffic to an IP that is not an ingress IP', `${BASE}traffic:\n  - {from: external, to: loadBalancer, ip: 1.2.3.4}\n`, 'traffic[0].ip', 28, /not one of the Service's load-balancer ingress IPs \(203\.0\.113\.10\)/],
    ['more nodes than the documented limit', null, 'cluster.nodes', 2, /at most 1000 are allowed/],
  ])('%s', (_name, text, path, line, message) => {
    const source =
      text ??
      `cluster:\n  nodes:\n${Array.from({ length: LIMITS.nodes + 1 }, (_, i) => `    - {name: n${i}, ip: 10.1.${Math.floor(i / 250)}.${(i % 250) + 1}}`).join('\n')}\nservice:\n  metadata: {name: web}\n  spec: {ports: [{port: 80}]}\n`;
    const issues = issuesOf(source);
    const issue = issues.find((i) => i.path === path && message.test(i.message));
    expect({ found: issue !== undefined, issues }).toMatchObject({ found: true });
    expect(issue?.line).toBe(line);
  });

  it('reports every failing field, not just the first', () => {
    const text = BASE.replace('ip: 10.0.1.10', 'ip: ten').replace('podCIDR: 10.244.2.0/24', 'podCidr: x').replace('port: 80', 'port: 0');
    expect(issuesOf(text).map((i) => i.path)).toEqual(
      expect.arrayContaining(['cluster.nodes[0].ip', 'cluster.nodes[1].podCidr', 'service.spec.ports[0].port']),
    );
  });

  it.each([
    ['a trailing comma', '{\n  "cluster": {},\n}', 3, 1, /trailing comma/],
    ['a missing value', '{"cluster": }', 1, 13, /where a value should be/],
    ['an unterminated object', '{\n  "cluster": {"nodes": []}\n', 3, 1, /end of the text/],
  ])('JSON with %s, naming its line and column', (_name, text, line, col, message) => {
    const [issue] = issuesOf(text, 'json');
    expect(issue?.line).toBe(line);
    expect(issue?.message).toMatch(new RegExp(`line ${line}, column ${col}`));
    expect(issue?.message).toMatch(message);
  });

  it('locates schema problems in JSON text by line too', () => {
    const json = '{\n  "cluster": {\n    "nodes": [{"name": "a", "ip": "10.0.0.300"}]\n  },\n  "service": {"metadata": {"name": "web"}, "spec": {"ports": [{"port": 80}]}}\n}';
    const [issue] = issuesOf(json, 'json');
    expect(issue).toMatchObject({ path: 'cluster.nodes[0].ip', line: 3 });
  });

  it.each([
    ['an empty text', '   \n'],
    ['a scalar document', 'just a string\n'],
    ['two YAML documents', `${BASE}---\n${BASE}`],
  ])('%s', (_name, text) => {
    expect(issuesOf(text).length).toBeGreaterThan(0);
  });

  it('refuses a text over LIMITS.textBytes without parsing it', () => {
    const [issue] = issuesOf(`# ${'x'.repeat(LIMITS.textBytes)}\n${BASE}`);
    expect(issue?.message).toMatch(/at most 5242880 are read/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`))
      .join('\n');
    expect(issuesOf(bomb)[0]?.message).toMatch(/could not be converted|alias/i);
  });

  it('refuses a scenario whose flows × endpoints exceed LIMITS.flowBackends', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ name: `n${i}`, ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
    const pods = Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, ip: `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
    const json = JSON.stringify({ cluster: { nodes, pods }, service: { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } } });
    expect(issuesOf(json, 'json')).toEqual([expect.objectContaining({ path: 'traffic', message: expect.stringMatching(/LIMITS\.flowBackends/) })]);
  });
});
