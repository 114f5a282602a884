/**
 * Re-stores the regression baseline's answers after a deliberate wording change in the engine's steps, keeping
 * every stored scenario input as it is (capture-baseline.ts would regenerate the inputs too):
 *
 *   npx tsx tests/lib/engine/regression/restore-answers.ts          # report only
 *   npx tsx tests/lib/engine/regression/restore-answers.ts --write  # report, then overwrite baseline/*.json.gz
 *
 * It refuses to write unless the answers differ in step text only (every other field deep-equal, the same number
 * of steps per flow), and prints each distinct changed sentence pair, so the commit can show the diff is wording.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { evaluate, parseScenario } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import type { BaselineCase } from './baseline-case';

const DIR = join(process.cwd(), 'tests/lib/engine/regression/baseline');
const write = process.argv.includes('--write');

/** Every `steps` array in an answer, in order, replaced by a marker (to compare the rest). */
function withoutSteps(v: unknown, steps: string[][]): unknown {
  if (Array.isArray(v)) return v.map((x) => withoutSteps(x, steps));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'steps' && Array.isArray(x)) {
        steps.push(x as string[]);
        out[k] = (x as string[]).length;
      } else out[k] = withoutSteps(x, steps);
    }
    return out;
  }
  return v;
}

let refused = false;
const pairs = new Map<string, number>();
for (const group of ['content', 'generated', 'random']) {
  const file = join(DIR, `${group}.json.gz`);
  const cases = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as BaselineCase[];
  let changed = 0;
  for (const c of cases) {
    const r = c.text !== undefined ? readScenarioText(c.text, c.format ?? 'yaml') : parseScenario(c.scenario);
    if (!r.ok) throw new Error(`${c.id}: ${JSON.stringify(r.issues)}`);
    const now = JSON.parse(JSON.stringify(evaluate(r.scenario))) as unknown;
    if (isDeepStrictEqual(now, c.answer)) continue;
    changed++;
    const oldSteps: string[][] = [];
    const newSteps: string[][] = [];
    if (!isDeepStrictEqual(withoutSteps(c.answer, oldSteps), withoutSteps(now, newSteps))) {
      console.log(`${group} ${c.id}: differs outside the steps`);
      refused = true;
    }
    oldSteps.forEach((list, i) =>
      list.forEach((s, j) => {
        const t = newSteps[i]?.[j];
        if (t !== s) pairs.set(`- ${s}\n+ ${t}`, (pairs.get(`- ${s}\n+ ${t}`) ?? 0) + 1);
      }),
    );
    c.answer = now;
  }
  console.log(`${group}: ${cases.length} cases, ${changed} changed`);
  if (write && !refused && changed > 0) writeFileSync(file, gzipSync(`${JSON.stringify(cases)}\n`, { level: 9 }));
}
const generic = new Map<string, number>();
for (const [p, n] of pairs) {
  const shape = p
    .replace(/\b\d+\.\d+\.\d+\.\d+\b/g, 'IP')
    .replace(/entering \S+ cross/g, 'entering NODE cross')
    .replace(/\b\d+\/\d+\b/g, 'F')
    .replace(/\b\d+ (of the|eligible)/g, 'N $1')
    .replace(/\(nftables: [^)]*\)/g, '(NOTE)');
  generic.set(shape, (generic.get(shape) ?? 0) + n);
}
console.log(`${pairs.size} distinct changed sentences; by shape:`);
for (const [p, n] of generic) console.log(`${n}×\n${p}`);
if (refused) {
  console.log('refused: the answers differ outside the steps');
  process.exitCode = 1;
}
