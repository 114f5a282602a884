/**
 * Existing scenarios are answered exactly as before (issue 12, Engine items 7 and 8: "a scenario without them is
 * answered exactly as before"). The baseline (baseline/*.json.gz) was written by capture-baseline.ts from the
 * engine before R-CNI and R-LBK were added (commit "Regression baseline …"); each case stores its scenario input,
 * so nothing here regenerates it. Every answer must be deep-equal, steps included.
 * Re-baselined once, deliberately, when engine-a's rules (R-API-2 allocateLoadBalancerNodePorts, R-HC-CIL-7 proxyHealth
 * null under cilium-*, R-NP-2, steps citing their R- rule) were merged: the merged engine's answers to all 270 inputs
 * were checked identical to engine-a's engine alone (so R-CNI/R-LBK change nothing without their fields), then stored.
 * Re-stored a second time for wording only (issue 12, "engine step text plural slips"): number agreement fixed at the
 * source in lib/engine/flows ("1 of the 2 eligible endpoints is on another node", "the only eligible endpoint …, so
 * all new connections …", "(1 endpoint on any node)"); restore-answers.ts kept every input and refused any change
 * outside the steps (148 of 270 answers changed, steps only, same number of steps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { evaluate, parseScenario } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import type { BaselineCase } from './baseline-case';

type Case = BaselineCase;

const DIR = join(process.cwd(), 'tests/lib/engine/regression/baseline');
const load = (group: string): Case[] => JSON.parse(gunzipSync(readFileSync(join(DIR, `${group}.json.gz`))).toString('utf8')) as Case[];

function answerOf(c: Case): unknown {
  const r = c.text !== undefined ? readScenarioText(c.text, c.format ?? 'yaml') : parseScenario(c.scenario);
  if (!r.ok) throw new Error(`${c.id}: ${JSON.stringify(r.issues)}`);
  // Through JSON, as the baseline was stored (drops undefined, normalises -0).
  return JSON.parse(JSON.stringify(evaluate(r.scenario))) as unknown;
}

describe.each(['content', 'generated', 'random'])('regression baseline: %s', (group) => {
  const cases = load(group);

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s is answered as before', (_id, c) => {
    expect(answerOf(c)).toEqual(c.answer);
  });
});
