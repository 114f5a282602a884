import { evaluate, parseScenario } from '@/lib/engine';
import { DEFAULT_STATE, applyAction, resultSummary, toScenario, type ExplorerState } from '@/lib/explorer';

function run(state: ExplorerState) {
  const { input, focusFlow } = toScenario(state);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error('unreadable');
  return { answer: evaluate(parsed.scenario), focusFlow };
}

describe('resultSummary: the explorer’s one-line result', () => {
  it('states the engine’s dropped and cross-node shares and what the walked flow does', () => {
    const { answer, focusFlow } = run(DEFAULT_STATE);
    const line = resultSummary(DEFAULT_STATE, answer, focusFlow);
    expect(line).toContain(`${answer.shares?.dropped} of new connections dropped`);
    expect(line).toContain(`${answer.shares?.crossNode} cross nodes`);
    const served = answer.flows[focusFlow]!.backends.filter((b) => b.probability !== '0').length;
    expect(line).toContain(`Outside traffic entering node-a: served by ${served} Pod`);
    expect(line).toContain('the client’s own IP');
  });

  it('says a flow entering a node with no local Pod under Local is dropped', () => {
    const state = applyAction(DEFAULT_STATE, { type: 'source', source: { kind: 'external', node: 2 } });
    const { answer, focusFlow } = run(state);
    expect(answer.flows[focusFlow]?.verdict).toBe('dropped');
    expect(resultSummary(state, answer, focusFlow)).toContain('entering node-c: dropped');
  });

  it('names SNAT under Cluster', () => {
    const state = applyAction(DEFAULT_STATE, { type: 'policy', policy: 'Cluster' });
    const { answer, focusFlow } = run(state);
    expect(resultSummary(state, answer, focusFlow)).toMatch(/Cluster: .*SNAT/);
  });
});
