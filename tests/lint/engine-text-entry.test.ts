/**
 * @jest-environment node
 *
 * Proves the engine's entry wall (eslint.config.mjs, rule `wall/text-entry`; contract in lib/engine/text.ts):
 * browser code — 'use client' modules, the browser modules, the pure core outside lib/engine — and lib/engine's
 * own barrel may not import the text entry (YAML reader) statically, however it is spelled; servers, the CLI
 * and content loaders may, a type-only import is free (no code), and a client may load it on demand.
 * Runs the project's real ESLint config on virtual files in a child process (lint-probes.mjs).
 */
import { lintProbes, type LintMessage } from './probes';

const USE = "import { runScenarioText } from '@/lib/engine/text';\nexport const r = runScenarioText;\n";
const CLIENT = `'use client';\n${USE}`;

/** [case, file, code, fires] */
const CASES: [string, string, string, boolean][] = [
  ["a 'use client' component importing @/lib/engine/text", 'app/probe/widget.tsx', CLIENT, true],
  ["a 'use client' module importing the reader file itself", 'app/probe/widget.tsx', "'use client';\nimport { readScenarioText } from '@/lib/engine/scenario/read';\nexport const r = readScenarioText;\n", true],
  ['a browser module (lib/explorer) importing it', 'lib/explorer/probe.ts', USE, true],
  ['the core (lib/scenarios) climbing to it relatively', 'lib/scenarios/probe.ts', "import { runScenarioText } from '../engine/text';\nexport const r = runScenarioText;\n", true],
  ['the core (lib/grading) reaching run-text.ts', 'lib/grading/probe.ts', "import { runScenarioText } from '@/lib/engine/run/run-text';\nexport const r = runScenarioText;\n", true],
  ["lib/engine's barrel re-exporting the reader", 'lib/engine/probe.ts', "export * from './scenario/read';\n", true],
  ['a server page (no directive) importing it', 'app/probe/page.tsx', USE, false],
  ['the article loader (lib/article) importing it', 'lib/article/probe.ts', USE, false],
  ['the CLI importing it', 'lib/cli/probe.ts', USE, false],
  ['the text entry itself re-exporting the reader', 'lib/engine/text.ts', "export * from './scenario/read';\n", false],
  ['a browser module importing only a type from it', 'lib/explorer/probe.ts', "import type { ScenarioFormat } from '@/lib/engine/text';\nexport type F = ScenarioFormat;\n", false],
  ["a 'use client' module loading it on demand", 'app/probe/widget.tsx', "'use client';\nexport const load = () => import('@/lib/engine/text');\n", false],
  ["a 'use client' module importing the value entry", 'app/probe/widget.tsx', "'use client';\nimport { runScenario } from '@/lib/engine';\nexport const r = runScenario;\n", false],
];

let results: LintMessage[][] = [];

beforeAll(() => {
  results = lintProbes(CASES.map(([, filePath, code]) => ({ code, filePath })));
}, 60_000);

describe('the engine text-entry wall', () => {
  it.each(CASES.map((c, i) => [c[0], c[3], i] as const))('%s: fires = %s', (_what, fires, i) => {
    const messages = results[i] ?? [];
    const walls = messages.filter((m) => m.ruleId === 'wall/text-entry');
    if (fires) {
      expect(walls).toHaveLength(1);
      expect(walls[0]).toMatchObject({ severity: 2 });
      expect(walls[0]?.message).toMatch(/is the engine's text entry\. .*evaluates scenarios as values through @\/lib\/engine/);
    } else {
      expect(walls).toEqual([]);
    }
    // Nothing else in the probe is an error (other rules, e.g. the pure-core wall, have nothing to say).
    expect(messages.filter((m) => m.severity === 2 && m.ruleId !== 'wall/text-entry')).toEqual([]);
  });
});
