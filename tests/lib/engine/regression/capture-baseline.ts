/**
 * Writes the regression baseline of `regression.test.ts`: the engine's answers to existing scenarios, captured
 * from the engine as it was before the network-plugin (R-CNI) and balancer-family (R-LBK) rules were added, so
 * that those additions can be shown not to change any answer to a scenario that does not use them.
 *
 *   npx tsx tests/lib/engine/regression/capture-baseline.ts
 *
 * Three groups, each stored with its scenario input (the test does not regenerate anything):
 * - content: every scenario file in content/scenarios;
 * - generated: the scenarios of questions from lib/scenarios (every kind × difficulty, a few seeds);
 * - random: deterministic random layouts covering every proxy mode, policy, balancing, sender and hairpin.
 * Run it only to re-baseline deliberately (and say why in the commit): it overwrites baseline/*.json.gz (gzipped JSON: the steps
 * repeat a lot and the random group alone is 4 MB as text).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { evaluate, parseScenario, type ScenarioInput } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { generateQuestion } from '@/lib/scenarios';
import { DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios/types';
import type { BaselineCase } from './baseline-case';
import { randomScenarios } from './random-scenarios';

const ROOT = process.cwd();
const OUT = join(ROOT, 'tests/lib/engine/regression/baseline');

type Case = BaselineCase;

function answerOf(input: unknown): unknown {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}

function content(): Case[] {
  const dir = join(ROOT, 'content/scenarios');
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const format = f.endsWith('.json') ? 'json' : 'yaml';
      const r = readScenarioText(text, format);
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.issues)}`);
      return { id: `content/scenarios/${f}`, text, format, answer: evaluate(r.scenario) };
    });
}

function generated(): Case[] {
  const out: Case[] = [];
  for (const kind of QUESTION_KINDS)
    for (const difficulty of DIFFICULTIES)
      for (const seed of ['r1', 'r2', 'r3']) {
        const q = generateQuestion({ kind, difficulty, seed });
        const scenario = q.scenario as ScenarioInput;
        out.push({ id: `${kind}:${difficulty}:${seed}`, scenario, answer: answerOf(scenario) });
      }
  return out;
}

function random(): Case[] {
  return randomScenarios(160).map((scenario, i) => ({ id: `random-${i}`, scenario, answer: answerOf(scenario) }));
}

mkdirSync(OUT, { recursive: true });
for (const [name, cases] of [
  ['content', content()],
  ['generated', generated()],
  ['random', random()],
] as const) {
  writeFileSync(join(OUT, `${name}.json.gz`), gzipSync(`${JSON.stringify(cases)}\n`, { level: 9 }));
  process.stdout.write(`${name}: ${cases.length} cases\n`);
}
