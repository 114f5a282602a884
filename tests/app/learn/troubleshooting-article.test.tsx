/** @jest-environment jsdom */
import { readdirSync, readFileSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import { parse } from 'yaml';
import { evaluate, type Answer, type ScenarioInput } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { iptablesSave, renderIptables } from '@/lib/engine/rules';
import {
  commandLine,
  curlCommand,
  curlFlow,
  kubectlDescribe,
  kubectlGet,
  type Workload,
} from '@/lib/troubleshoot';
import Article, * as articleModule from '@/content/troubleshooting.mdx';
import TroubleshootingPage from '@/app/learn/troubleshooting/page';
import { tocFromMdx } from '@/app/_components/article/headings';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

// The Pod-side facts the article states (its own exports: `export const … = { pods: … }`).
const { listensOn80, listensOnLoopback, probeFailing } = articleModule as unknown as Record<string, Workload>;

const source = readFileSync('content/troubleshooting.mdx', 'utf8');
const yamlOf = (name: string) => readFileSync(`content/scenarios/${name}.yaml`, 'utf8');
function answerOf(name: string): Answer {
  const read = readScenarioText(yamlOf(name), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return evaluate(read.scenario);
}
const at = (root: unknown, path: string) =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root);

interface Asked {
  name: string;
  workload?: Workload;
  get?: ('svc' | 'endpointslices' | 'pods')[];
  wide?: boolean;
  describe?: 'svc' | 'endpointslice' | 'pod';
  target?: string;
  curl?: number;
  backend?: string;
  connectTimeout?: number;
  rules?: string;
  grep?: string;
}

/** The command line and output for what a block was asked, computed here from the YAML, not by the component. */
function expected(asked: Asked): { command: string; output: string } {
  const input = parse(yamlOf(asked.name)) as ScenarioInput;
  if (asked.get)
    return {
      command: commandLine({ kind: 'get', resources: asked.get, wide: asked.wide }),
      output: kubectlGet(input, asked.get, { wide: asked.wide, workload: asked.workload }),
    };
  if (asked.describe)
    return {
      command: commandLine({ kind: 'describe', resource: asked.describe, name: asked.target! }),
      output: kubectlDescribe(input, asked.describe, asked.target!, asked.workload),
    };
  if (asked.rules) {
    const read = readScenarioText(yamlOf(asked.name), 'yaml');
    if (!read.ok) throw new Error('unreadable');
    const lines = iptablesSave(renderIptables(read.scenario, asked.rules)).split('\n');
    return {
      command: `iptables-save | grep -F '${asked.grep}'`,
      output: lines.filter((l) => l.includes(asked.grep!)).join('\n'),
    };
  }
  const options = { backend: asked.backend, connectTimeout: asked.connectTimeout };
  return {
    command: curlCommand(input, asked.curl!, options),
    output: curlFlow(input, asked.curl!, asked.workload, options).text,
  };
}

function terminals(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('figure[data-terminal]')].map((figure) => ({
    figure,
    asked: JSON.parse(figure.dataset.terminalProps ?? '{}') as Asked,
    command: figure.querySelector('[data-terminal-command]')?.textContent,
    output: figure.querySelector('[data-terminal-output]')?.textContent,
  }));
}

describe('the troubleshooting article', () => {
  it('renders as the page, with one h1 and a section per symptom', () => {
    render(<TroubleshootingPage />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const section of [
      'TL;DR',
      'Refused at once',
      'A timeout',
      'Answered, but the logs show a node address',
      'Answered by an unexpected Pod, or uneven load',
      'A name that does not resolve',
      'The checklist',
      'Key takeaways',
    ]) {
      expect(h2).toContain(section);
    }
  });

  it('shows every inline fact exactly as the engine computes it', () => {
    const { container } = render(<Article />);
    const facts = [...container.querySelectorAll<HTMLElement>('[data-fact]')];
    expect(facts.length).toBe((source.match(/<Fact /g) ?? []).length);
    expect(facts.length).toBeGreaterThan(10);
    for (const el of facts) {
      const [name, path] = (el.dataset.fact ?? '').split(':') as [string, string];
      expect({ fact: el.dataset.fact, text: el.textContent }).toEqual({
        fact: el.dataset.fact,
        text: String(at(answerOf(name), path)),
      });
    }
  });

  it('prints every kubectl, curl and iptables block from lib/troubleshoot and the engine, none typed by hand', () => {
    const { container } = render(<Article />);
    const blocks = terminals(container);
    expect(blocks.length).toBe((source.match(/<Terminal /g) ?? []).length);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      const want = expected(block.asked);
      expect({ asked: block.asked, command: block.command, output: block.output }).toEqual({
        asked: block.asked,
        ...want,
      });
      expect(want.command).not.toBe('');
      // An accessible name that says which command it is.
      expect(
        within(block.figure).getByRole('group', { name: `Terminal: ${want.command}` }),
      ).toBeInTheDocument();
    }
    // The Pod-side facts are the article's own exports, passed unchanged.
    const workloads = blocks.map((b) => b.asked.workload).filter(Boolean);
    expect(workloads).toEqual(expect.arrayContaining([probeFailing, listensOn80, listensOnLoopback]));
    // No output typed into the prose: no fenced blocks, no curl or kubectl table text outside the figures.
    expect(source).not.toMatch(/```/);
    expect(source).not.toMatch(/curl: \(\d+\)|NAME\s+TYPE\s+CLUSTER-IP|ADDRESSTYPE/);
  });

  it('says what the engine and the evidence layer say where the prose states a verdict', () => {
    // Refused at once, two causes with kube-proxy's REJECT; the Pod's reset when kube-proxy forwards.
    expect(answerOf('trouble-selector-mismatch').endpoints).toEqual([]);
    expect(answerOf('trouble-selector-mismatch').flows[0]!.verdict).toBe('rejected');
    expect(answerOf('trouble-not-ready').endpoints.map((e) => [e.pod, e.ready, e.serving])).toEqual([
      ['web-1', false, false],
      ['web-2', false, false],
    ]);
    expect(answerOf('trouble-not-ready').flows[0]!.verdict).toBe('rejected');
    expect(answerOf('trouble-healthy').flows[0]!.verdict).toBe('forwarded');
    const healthy = parse(yamlOf('trouble-healthy')) as ScenarioInput;
    expect(curlFlow(healthy, 0, listensOn80!).outcome).toBe('refused');
    expect(curlFlow(healthy, 0, listensOnLoopback!).outcome).toBe('refused');
    expect(curlFlow(healthy, 0).outcome).toBe('answered');
    // What the prose reads in the tables: an empty slice for the selector typo, Pods 0/1 Running when not ready.
    const slices = (name: string) => kubectlGet(parse(yamlOf(name)) as ScenarioInput, ['endpointslices']);
    expect(slices('trouble-selector-mismatch')).toMatch(/<unset>\s+<unset>/);
    expect(slices('trouble-not-ready')).toContain('10.244.1.10,10.244.2.10');
    expect(kubectlGet(parse(yamlOf('trouble-not-ready')) as ScenarioInput, ['pods'])).toMatch(
      /web-1\s+0\/1\s+Running/,
    );
    // A timeout under Local on the node without a Pod; answered on the node with one.
    expect(answerOf('trouble-local-drop').flows.map((f) => [f.node, f.verdict])).toEqual([
      ['node-c', 'dropped'],
      ['node-a', 'forwarded'],
    ]);
    const drop = parse(yamlOf('trouble-local-drop')) as ScenarioInput;
    expect([curlFlow(drop, 0).outcome, curlFlow(drop, 1).outcome]).toEqual(['timeout', 'answered']);
    // Addresses: Cluster masquerades, Local keeps the client, a proxying balancer replaces it.
    expect(answerOf('trouble-cluster-snat').flows[0]!.backends.map((b) => b.sourceIpKind)).toEqual([
      'bridge',
      'node',
    ]);
    expect(answerOf('trouble-local-keeps-client').flows[0]!.backends[0]!.sourceIpKind).toBe('client');
    expect(answerOf('trouble-proxy-lb').flows[0]!.backends[0]!.sourceIpKind).toBe('loadBalancer');
    // A selector too broad: the other app's Pod is an endpoint like the app's own, and answers its share.
    expect(answerOf('trouble-broad-selector').flows[0]!.backends.map((b) => [b.pod, b.probability])).toEqual([
      ['web-1', '1/3'],
      ['web-2', '1/3'],
      ['admin-1', '1/3'],
    ]);
    expect(
      curlFlow(parse(yamlOf('trouble-broad-selector')) as ScenarioInput, 0, undefined, { backend: 'admin-1' })
        .text,
    ).toMatch(/^hostname: admin-1$/m);
  });

  it('draws every figure from a scenario that exists, and uses every trouble- scenario', () => {
    const named = new Set([...source.matchAll(/name="([a-z0-9-]+)"/g)].map((m) => m[1]));
    const files = readdirSync('content/scenarios')
      .filter((f) => f.startsWith('trouble-'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect([...named].sort()).toEqual(files.sort());
  });

  it('links to sections of the other articles that exist', () => {
    const links = [...source.matchAll(/\]\((\/learn\/[a-z-]+)#([a-z0-9-]+)\)/g)].map(
      (m) => [m[1]!, m[2]!] as const,
    );
    expect(links.length).toBeGreaterThan(1);
    const files: Record<string, string> = {
      '/learn/inside-the-cluster': 'inside-the-cluster.mdx',
      '/learn/external-traffic-policy': 'external-traffic-policy.mdx',
    };
    for (const [route, anchor] of links) {
      const ids = tocFromMdx(readFileSync(`content/${files[route]}`, 'utf8')).map((e) => e.id);
      expect({ route, anchor, found: ids.includes(anchor) }).toEqual({ route, anchor, found: true });
    }
  });
});
