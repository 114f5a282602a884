/**
 * The engine's one door: a value in (lib/engine: runScenario) or text in (lib/engine/text: runScenarioText), the
 * Scenario and its Answer (or every issue) out.
 */
import { parse } from 'yaml';
import { evaluate, issuesText, parseScenario, runScenario } from '@/lib/engine';
import { readScenario, runScenarioText } from '@/lib/engine/text';

const YAML = `name: door
cluster:
  nodes:
    - name: node-a
      ip: 10.0.1.10
    - name: node-b
      ip: 10.0.1.11
  pods:
    - name: web-1
      node: node-a
      ip: 10.244.1.5
      labels: {app: web}
service:
  metadata: {name: web}
  spec:
    type: LoadBalancer
    externalTrafficPolicy: Local
    selector: {app: web}
    ports: [{port: 80}]
  status:
    loadBalancer: {ingress: [{ip: 203.0.113.10}]}
`;

describe('runScenarioText and runScenario', () => {
  it('reads YAML text and evaluates it: node-b has no local endpoint under eTP Local, so it drops (R-EXT-2)', () => {
    const run = runScenarioText(YAML);
    if (!run.ok) throw new Error(issuesText(run.issues));
    expect(run.scenario.name).toBe('door');
    const byNode = Object.fromEntries(run.answer.flows.map((f) => [f.node, f.verdict]));
    expect(byNode).toEqual({ 'node-a': 'forwarded', 'node-b': 'dropped' });
  });

  it('takes the same scenario as a value (runScenario) and gives the same answer', () => {
    const fromText = runScenarioText(YAML);
    const fromValue = runScenario(parse(YAML));
    expect(fromValue.ok && fromText.ok).toBe(true);
    if (fromValue.ok && fromText.ok) expect(fromValue.answer).toEqual(fromText.answer);
  });

  it('reads JSON text when told the format', () => {
    const run = runScenarioText(JSON.stringify(parse(YAML)), { format: 'json' });
    expect(run.ok).toBe(true);
  });

  it('returns every issue with its path and line instead of an answer', () => {
    const run = runScenarioText(YAML.replace('ip: 10.244.1.5', 'ip: 10.244.1.500'));
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues).toHaveLength(1);
    expect(run.issues[0]).toMatchObject({ path: 'cluster.pods[0].ip', line: 11 });
    expect(issuesText(run.issues)).toMatch(/^cluster\.pods\[0\]\.ip \(line 11\): /);
  });

  it('gives a value its path without a line', () => {
    const doc = parse(YAML) as { service: { spec: { type: string } } };
    doc.service.spec.type = 'Balancer';
    const run = runScenario(doc);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.issues.map((i) => [i.path, i.line])).toEqual([['service.spec.type', undefined]]);
  });

  it('refuses text given to the value door, naming the text door', () => {
    const run = runScenario(YAML);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(issuesText(run.issues)).toMatch(/^scenario: scenario text is read by runScenarioText \(lib\/engine\/text\)/);
  });
});

describe('readScenario', () => {
  it('is the reading half: the same Scenario the door evaluates', () => {
    const read = readScenario(parse(YAML));
    const parsed = parseScenario(parse(YAML));
    expect(read).toEqual(parsed);
    if (read.ok) expect(runScenarioText(YAML)).toMatchObject({ ok: true, answer: evaluate(read.scenario) });
  });

  it('reads text as runScenarioText does', () => {
    const read = readScenario(YAML);
    const run = runScenarioText(YAML);
    expect(read.ok && run.ok).toBe(true);
    if (read.ok && run.ok) expect(read.scenario).toEqual(run.scenario);
  });
});
