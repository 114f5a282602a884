/**
 * Troubleshooting (issue 13): for every generated question, the evidence shown tells the key from each wrong
 * cause offered. Each wrong cause is injected into the same working cluster instead of the true one: that question
 * must have the wrong cause as its key (the engine says so) and show other evidence (kubectl output or what curl
 * printed), so a learner who reads the evidence can rule it out. The working cluster itself shows no fault. The evidence is lib/troubleshoot's, never typed here.
 */
import { DIFFICULTIES } from '@/lib/scenarios';
import {
  applicableFaults,
  applyFault,
  buildTroubleshooting,
  evidenceOf,
  keyOf,
  type Fault,
} from '@/lib/scenarios/kinds/troubleshooting';
import { Rng } from '@/lib/scenarios/random';

const SEEDS = Number(process.env.TROUBLESHOOTING_EVIDENCE_SEEDS ?? 60);

function draw(difficulty: (typeof DIFFICULTIES)[number], seed: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const r = buildTroubleshooting(
      new Rng(`troubleshooting|${difficulty}|${seed}${attempt ? `#${attempt}` : ''}`),
      difficulty,
    );
    if (r) return r;
  }
  throw new Error(`no question for ${seed}`);
}

const text = (e: ReturnType<typeof evidenceOf>) => e.map((x) => `$ ${x.command}\n${x.output}`).join('\n');

describe.each([...DIFFICULTIES])('%s', (difficulty) => {
  it(`over ${SEEDS} seeds: every wrong cause gives another key and other evidence`, () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    let sourceAddress = 0;
    for (let i = 0; i < SEEDS; i++) {
      const { draft, base, fault } = draw(difficulty, `evidence-${i}`);
      seen.add(fault);
      // The working cluster works: no curl shows a fault (keyOf refuses it).
      expect(() => keyOf(base.scenario, base.ask)).toThrow('every curl works as expected');
      const shown = text(draft.evidence ?? []);
      if ((draft.evidence ?? []).some((e) => e.command.trim() === '' || e.output.trim() === ''))
        bad.push(`${i}: an empty command or output`);
      // Every fault the generator may inject into this cluster gives its own key (the engine's).
      for (const f of applicableFaults(base)) {
        const injected = applyFault(base, f);
        if (keyOf(injected.scenario, injected.ask).cause !== f)
          bad.push(`${i}: injecting ${f} does not give ${f}`);
      }
      const cause = draft.response.fields.find((f) => f.name === 'cause');
      if (cause?.type !== 'choice') throw new Error('no cause field');
      // Expert: a wrong source address has at least four causes to choose from (issue 13).
      if (difficulty === 'expert' && (fault === 'snat-cluster' || fault === 'proxy-balancer')) {
        sourceAddress++;
        if (cause.options.length < 4) bad.push(`${i}: ${fault} offers ${cause.options.length} causes`);
      }
      // A selector that is too broad: a curl shows the answer of a Pod that is not the app's (by its labels).
      if (fault === 'broad-selector') {
        const strangers = (draft.scenario.cluster.pods ?? [])
          .filter((p) => p.labels?.app !== base.ask.app)
          .map((p) => p.name);
        const answeredBy = (draft.evidence ?? [])
          .filter((e) => e.command.startsWith('curl'))
          .map((e) => /^hostname: (\S+)$/m.exec(e.output)?.[1]);
        if (!answeredBy.some((pod) => pod !== undefined && strangers.includes(pod)))
          bad.push(
            `${i}: broad-selector, but no curl is answered by another app's Pod (${answeredBy.join(', ')})`,
          );
      }
      for (const o of cause.options) {
        if (o.value === fault) continue;
        const wrong = applyFault(base, o.value as Fault);
        if (keyOf(wrong.scenario, wrong.ask).cause !== o.value)
          bad.push(`${i}: injecting ${o.value} does not give ${o.value}`);
        if (text(evidenceOf(base, wrong.scenario, wrong.ask)) === shown)
          bad.push(`${i}: ${fault} and ${o.value} show the same evidence`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(difficulty === 'intro' ? 4 : 7);
    expect(seen.has('broad-selector')).toBe(true);
    if (difficulty === 'expert') expect(sourceAddress).toBeGreaterThan(0);
  });
});
