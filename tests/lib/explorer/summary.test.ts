import { evaluate, parseScenario } from '@/lib/engine';
import {
  DEFAULT_STATE,
  applyAction,
  decodeState,
  resultSummary,
  toScenario,
  type ExplorerState,
} from '@/lib/explorer';

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

describe('resultSummary for inside traffic', () => {
  const decode = (code: string) => {
    const d = decodeState(code);
    if (!d.ok) throw new Error(d.issues[0]?.message);
    return d.state;
  };

  it('names the destination and spells out each Pod’s odds (a client Pod on node-c to the ClusterIP: 1/4 each)', () => {
    const state = decode('1.L.it.h.nk.abc.arararbr.pc.dc');
    const { answer, focusFlow } = run(state);
    expect(resultSummary(state, answer, focusFlow)).toContain(
      'Traffic from Pod client to the ClusterIP: served by 4 Pods (web-1: 1/4, web-2: 1/4, web-3: 1/4, web-4: 1/4)',
    );
  });

  it('says ClientIP odds are for the first connection and later ones stick, with the timeout', () => {
    const state = decode('1.L.it.h.nk.abc.arararbr.pc.dca60');
    const { answer, focusFlow } = run(state);
    expect(resultSummary(state, answer, focusFlow)).toContain(
      'ClientIP affinity: first-connection odds; the client then sticks to one Pod for 60 s',
    );
  });

  it('says when the sender’s node keeps its zone’s endpoints and when hints fall back', () => {
    const keeps = decode('1.L.it.h.nk.abc.arararbr.pb.dczabctc');
    const a = run(keeps);
    expect(resultSummary(keeps, a.answer, a.focusFlow)).toMatch(
      /web-4: 1\).*Hints: node-b keeps its zone’s endpoints/,
    );
    const falls = decode('1.L.it.h.nk.abc.arararbr.pc.dczabctc');
    const b = run(falls);
    expect(resultSummary(falls, b.answer, b.focusFlow)).toContain(
      'Hints fall back: node-c uses all endpoints',
    );
  });
});
