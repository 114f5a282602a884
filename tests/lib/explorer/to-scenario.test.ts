import { readFileSync } from 'node:fs';
import { evaluate, parseScenario } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { DEFAULT_STATE, applyAction, decodeState, toScenario, type ExplorerState } from '@/lib/explorer';

function answerFor(state: ExplorerState, traffic?: 'nodePort') {
  const { input, focusFlow } = toScenario(state, { traffic });
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { answer: evaluate(parsed.scenario), focusFlow, scenario: parsed.scenario };
}

function articleAnswer(name: string) {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return evaluate(read.scenario);
}

const sorted = (r: Record<string, string> | null | undefined) => Object.values(r ?? {}).sort();

describe('explorer layout → engine scenario', () => {
  it('is a scenario the engine reads, for the default layout and after every kind of edit', () => {
    let state = DEFAULT_STATE;
    for (const action of [
      { type: 'drain', node: 1, drained: true },
      { type: 'podState', pod: 0, state: 'not-ready' },
      { type: 'source', source: { kind: 'pod', node: 2 } },
      { type: 'proxyMode', proxyMode: 'ipvs' },
    ] as const) {
      state = applyAction(state, action);
      expect(parseScenario(toScenario(state).input).ok).toBe(true);
    }
  });

  it.each([
    ['the uneven Local layout', '1.L.it.h.nk.abc.arararbr.ea', 'article-uneven-local'],
    ['the same layout under Cluster', '1.C.it.h.nk.abc.arararbr.ea', 'article-cluster-uneven'],
    ['the detection window', '1.L.it.a.nk.abc.arararbr.ea', 'article-uneven-window'],
    ['a weight-aware balancer', '1.L.it.w.nk.abc.arararbr.ea', 'article-uneven-weighted'],
  ])('gives %s the same node and Pod shares as the article scenario', (_name, layout, article) => {
    const decoded = decodeState(layout);
    if (!decoded.ok) throw new Error(decoded.issues[0]?.message);
    const { answer } = answerFor(decoded.state);
    const expected = articleAnswer(article);
    expect(answer.loadBalancer).toEqual(expected.loadBalancer);
    expect(sorted(answer.shares?.pods)).toEqual(sorted(expected.shares?.pods));
    expect(answer.shares?.dropped).toBe(expected.shares?.dropped);
    expect(answer.shares?.crossNode).toBe(expected.shares?.crossNode);
  });

  it.each([
    ['outside traffic follows the flow entering the chosen node', { kind: 'external', node: 1 }, 'external', 'node-b'],
    ['a client Pod sends from its node', { kind: 'pod', node: 2 }, 'pod/client', 'node-c'],
    ['a node sends from its host network', { kind: 'node', node: 0 }, 'node/node-a', 'node-a'],
  ] as const)('%s', (_name, source, from, node) => {
    const { answer, focusFlow } = answerFor({ ...DEFAULT_STATE, source });
    expect(answer.flows[focusFlow]?.from).toBe(from);
    expect(answer.flows[focusFlow]?.node).toBe(node);
  });

  it('sets a health-check node port only under Local', () => {
    expect(toScenario(DEFAULT_STATE).input.service.spec.healthCheckNodePort).toBeDefined();
    expect(toScenario({ ...DEFAULT_STATE, policy: 'Cluster' }).input.service.spec.healthCheckNodePort).toBeUndefined();
  });

  it('can evaluate the same layout as outside traffic dialled at each NodePort', () => {
    const { answer } = answerFor(DEFAULT_STATE, 'nodePort');
    expect(answer.flows.map((f) => [f.from, f.to, f.node])).toEqual([
      ['external', 'nodePort', 'node-a'],
      ['external', 'nodePort', 'node-b'],
      ['external', 'nodePort', 'node-c'],
    ]);
  });
});
