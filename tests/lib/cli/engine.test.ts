import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { runCli as cli, spawnCli, tempDir } from './run-cli';

const ROOT = process.cwd();
const SEED = 'content/scenarios/seed-uneven-local.yaml';
const { dir: tmp, write } = tempDir('engine-cli-');

const seedText = readFileSync(join(ROOT, SEED), 'utf8');
const expectedAnswer = (() => {
  const r = readScenarioText(seedText, 'yaml');
  if (!r.ok) throw new Error('seed example must be readable');
  return `${JSON.stringify(evaluate(r.scenario), null, 2)}\n`;
})();

describe('engine CLI: the real process (tsx)', () => {
  jest.setTimeout(60_000);

  it('evaluate - reads standard input, prints the answer on stdout and exits 0', () => {
    expect(spawnCli(['evaluate', '-'], seedText)).toEqual({ code: 0, stdout: expectedAnswer, stderr: '' });
  });

  it('a refusal exits 2 with one message on stderr and nothing on stdout', () => {
    const missing = join(tmp, 'missing.yaml');
    expect(spawnCli(['evaluate', missing])).toEqual({ code: 2, stdout: '', stderr: `engine: cannot read ${missing}: no such file\n` });
  });
});

describe('engine CLI: answers', () => {
  it('evaluate FILE prints the answer as 2-space JSON and exits 0', () => {
    const r = cli(['evaluate', SEED]);
    expect(r).toEqual({ code: 0, stdout: expectedAnswer, stderr: '' });
  });

  it.each([
    ['YAML on standard input', seedText],
    ['JSON on standard input', JSON.stringify(readScenarioJson())],
  ])('evaluate - reads %s', (_name, input) => {
    expect(cli(['evaluate', '-'], input)).toMatchObject({ code: 0, stdout: expectedAnswer });
  });

  it('evaluate reads a .json file as JSON', () => {
    const path = write('seed.json', JSON.stringify(readScenarioJson(), null, 2));
    expect(cli(['evaluate', path])).toMatchObject({ code: 0, stdout: expectedAnswer });
  });

  it('validate FILE prints only {name, validation, service}', () => {
    const r = cli(['validate', 'content/scenarios/invalid-local-on-clusterip.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'Local on a ClusterIP Service is refused',
      validation: {
        valid: false,
        errors: [
          'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
          "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ],
      },
      service: { externalTrafficPolicy: null, internalTrafficPolicy: 'Cluster', healthCheckNodePort: null, allocateLoadBalancerNodePorts: null },
    });
  });
});

describe('engine CLI: updates (R-API-UPD-9)', () => {
  it('validate prints the update block: Local → Cluster releases and wipes the health-check port', () => {
    // The request keeps healthCheckNodePort 31234, as kubectl apply does; hand-derived from R-API-UPD-4.
    const text = seedText
      .replace('externalTrafficPolicy: Local', 'externalTrafficPolicy: Cluster')
      .concat('previous:\n  metadata: {name: web-app}\n  spec: {type: LoadBalancer, externalTrafficPolicy: Local, healthCheckNodePort: 31234, ports: [{port: 80, nodePort: 30080}]}\n');
    const r = cli(['validate', write('update.yaml', text)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).update).toEqual({
      httpStatus: 200,
      message: '',
      errors: [],
      stored: { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: 0, nodePorts: { '80': 30080 }, allocateLoadBalancerNodePorts: true, loadBalancerStatus: 'kept' },
      allocated: { nodePorts: [], healthCheckNodePort: null },
      released: { nodePorts: [], healthCheckNodePort: 31234 },
      wiped: ['spec.healthCheckNodePort'],
    });
  });
});

describe('engine CLI: refusals exit 2 with one message on stderr, never a stack trace', () => {
  it.each([
    ['an unknown field', seedText.replace('podCIDR: 10.244.2.0/24', 'podCidr: 10.244.2.0/24'), /cluster\.nodes\[1\]\.podCidr \(line 12\): unknown field "podCidr"/],
    ['a pod on a missing node', seedText.replace('node: node-b', 'node: node-x'), /cluster\.pods\[3\]\.node \(line 18\): node "node-x" does not exist/],
    ['a YAML syntax error', seedText.replace('ports: [{port: 80, targetPort: 8080, nodePort: 30080}]', 'ports: [{port: 80'), /YAML syntax error at line \d+/],
    ['a duplicate pod IP', seedText.replace('ip: 10.244.1.12', 'ip: 10.244.1.11'), /cluster\.pods\[1\]\.ip \(line 16\): duplicate IP 10\.244\.1\.11/],
    // A node's loopback is reachable only from that node (R-NP-1).
    [
      "node-a dialling node-b's 127.0.0.1",
      `${seedText}traffic: [{from: node/node-a, to: nodePort, node: node-b, ip: 127.0.0.1}]\n`,
      /traffic\[0\]\.ip \(line 31\): 127\.0\.0\.1 is the loopback address of node\/node-a itself/,
    ],
    ['an external client dialling 127.0.0.1', `${seedText}traffic: [{from: external, to: nodePort, ip: 127.0.0.1}]\n`, /traffic\[0\]\.ip \(line 31\): an external client cannot reach/],
    [
      'a tunnelling plugin on a node without podCIDR or tunnelIP (R-CNI-5)',
      seedText.replace('proxyMode: iptables', 'proxyMode: iptables\n  cni: calico-ipip').replace('{name: node-b, ip: 10.0.1.11, podCIDR: 10.244.2.0/24}', '{name: node-b, ip: 10.0.1.11}'),
      /cluster\.nodes\[1\]\.tunnelIP \(line 13\): is required: cluster\.cni tunnels between nodes/,
    ],
  ])('%s', (name, text, message) => {
    const r = cli(['evaluate', write(`${name.replace(/\W+/g, '-')}.yaml`, text)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^engine: .* is not a readable scenario/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file that does not exist', () => {
    const r = cli(['validate', join(tmp, 'missing.yaml')]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/cannot read .*missing\.yaml: no such file/);
  });

  it.each([
    ['no arguments', [], /missing command/],
    ['an unknown command', ['simulate', SEED], /unknown command "simulate"/],
    ['a missing FILE', ['evaluate'], /evaluate needs a FILE/],
    ['an extra argument', ['evaluate', SEED, 'more'], /unexpected argument "more"/],
  ])('usage error: %s', (_name, args, message) => {
    const r = cli(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: npm run --silent engine -- evaluate FILE/);
  });

  it('--help prints the usage on stdout and exits 0', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: /), stderr: '' });
  });
});

/** The same scenario as the YAML example, as a plain value (YAML 1.2 → JSON). */
function readScenarioJson(): unknown {
  return parseYaml(seedText);
}
