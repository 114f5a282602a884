/**
 * @jest-environment node
 *
 * Proves the lint wall (eslint.config.mjs, rule `wall/imports`): the pure core (lib/engine, lib/scenarios,
 * lib/grading, lib/import, lib/validation) and the browser modules (lib/explorer, lib/review, lib/progress,
 * lib/learner) may not import React, Next, the database, server modules or Node I/O, however the import is
 * spelled (relative, `@/`, dynamic, require), and the error says why; the same imports stay legal in app/. Runs the project's real ESLint config (`new ESLint({cwd}).lintText`) on
 * virtual files, in a child process (see lint-probes.mjs for why).
 */
import { lintProbes, type LintMessage } from './probes';

const probes: { code: string; filePath: string }[] = [];
let results: LintMessage[][] | undefined;

/** Registers a probe while tests are collected; beforeAll lints every probe in one ESLint process. */
function probe(code: string, filePath: string): () => LintMessage[] {
  const index = probes.push({ code, filePath }) - 1;
  return () => {
    const messages = results?.[index];
    if (!messages) throw new Error(`no lint result for probe ${index} (${filePath})`);
    return messages;
  };
}

const wallErrors = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'wall/imports');

const PURE_DIRS = ['lib/engine', 'lib/scenarios', 'lib/grading', 'lib/import', 'lib/validation', 'lib/troubleshoot'] as const;
const BROWSER_DIRS = ['lib/explorer', 'lib/review', 'lib/progress', 'lib/learner'] as const;

/** Each forbidden import, written so no other rule (unused vars, type-only imports) has anything to say. */
const FORBIDDEN: { module: string; code: string }[] = [
  { module: 'react', code: "import { useState } from 'react';\nexport const hook = useState;\n" },
  { module: 'next/link', code: "import Link from 'next/link';\nexport const link = Link;\n" },
  {
    module: 'next/navigation',
    code: "import { redirect } from 'next/navigation';\nexport const go = redirect;\n",
  },
  { module: 'drizzle-orm', code: "import { eq } from 'drizzle-orm';\nexport const equals = eq;\n" },
  {
    module: '@electric-sql/pglite',
    code: "import { PGlite } from '@electric-sql/pglite';\nexport const Db = PGlite;\n",
  },
  { module: 'pg', code: "import pg from 'pg';\nexport const client = pg;\n" },
  { module: 'node:fs', code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n" },
  { module: 'fs', code: "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n" },
  { module: 'node:path', code: "import path from 'node:path';\nexport const join = path.join;\n" },
  { module: '@/lib/db', code: "import * as db from '@/lib/db';\nexport const store = db;\n" },
  { module: 'server-only', code: "import 'server-only';\nexport const x = 1;\n" },
  { module: 'react (as a re-export)', code: "export { useState } from 'react';\n" },
];

const PURE_CASES = PURE_DIRS.flatMap((dir) =>
  FORBIDDEN.map((f) => [dir, f.module, probe(f.code, `${dir}/wall-probe.ts`)] as const),
);

const BROWSER_CASES = BROWSER_DIRS.flatMap((dir) =>
  FORBIDDEN.map((f) => [dir, f.module, probe(f.code, `${dir}/wall-probe.ts`)] as const),
);

const APP_CASES = FORBIDDEN.map((f) => [f.module, probe(f.code, 'app/wall-probe/page-helper.ts')] as const);

const PURE_OK_CODE = [
  "import Fraction from 'fraction.js';",
  "import { z } from 'zod';",
  "import type { Scenario } from '@/lib/engine/model';",
  "import { helper } from './helper';",
  'export const parts = [Fraction, z, helper];',
  'export type S = Scenario;',
  '',
].join('\n');
const PURE_OK_CASES = PURE_DIRS.map((dir) => [dir, probe(PURE_OK_CODE, `${dir}/wall-probe.ts`)] as const);

const BROWSER_OK_CODE = [
  "import { createEmptyCard } from 'ts-fsrs';",
  "import { stringify } from 'yaml';",
  "import * as z from '@/lib/validation/zod-mini';",
  "import { evaluate } from '@/lib/engine';",
  "import * as scenarios from '../scenarios';",
  "import * as review from '@/lib/review';",
  'export const parts = [createEmptyCard, stringify, z, evaluate, scenarios, review];',
  '',
].join('\n');
const BROWSER_OK_CASES = BROWSER_DIRS.map(
  (dir) => [dir, probe(BROWSER_OK_CODE, `${dir}/wall-probe.ts`)] as const,
);

/** The core may not lean on the browser modules: they are features built on it. */
const CORE_TO_BROWSER = probe(
  "import * as review from '@/lib/review';\nexport const r = review;\n",
  'lib/engine/wall-probe.ts',
);

/**
 * The holes the first wall had: each probe is a file inside a walled directory that reaches a server module in a
 * way a list of module names does not see. [where the probe file lives, what it does, its code]
 */
const HOLES: { file: string; what: string; code: string }[] = [
  {
    file: 'lib/engine/flows/wall-probe.ts',
    what: 'climbs to lib/db with ../../db',
    code: "import { db } from '../../db';\nexport const store = db;\n",
  },
  {
    file: 'lib/engine/flows/wall-probe.ts',
    what: 'climbs to lib/drills with ../../drills/attempts',
    code: "import * as a from '../../drills/attempts';\nexport const x = a;\n",
  },
  {
    file: 'lib/scenarios/wall-probe.ts',
    what: 'climbs to lib/env with ../env',
    code: "import * as env from '../env';\nexport const x = env;\n",
  },
  {
    file: 'lib/grading/wall-probe.ts',
    what: 'climbs into app/ with ../../app/layout',
    code: "import * as l from '../../app/layout';\nexport const x = l;\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: 'imports @/lib/drills',
    code: "import * as drills from '@/lib/drills';\nexport const x = drills;\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: 'imports @/lib/env',
    code: "import * as env from '@/lib/env';\nexport const x = env;\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: "imports the builtin 'crypto' without node:",
    code: "import { createHash } from 'crypto';\nexport const h = createHash;\n",
  },
  {
    file: 'lib/import/wall-probe.ts',
    what: "imports the builtin 'url' without node:",
    code: "import { URL as U } from 'url';\nexport const u = U;\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: 'loads @/lib/db with a dynamic import()',
    code: "export const load = () => import('@/lib/db');\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: 'loads a computed module with a dynamic import()',
    code: "const m = 'fs';\nexport const load = () => import(m);\n",
  },
  {
    file: 'lib/scenarios/wall-probe.ts',
    what: "calls require('fs')",
    code: "export const fs: unknown = require('fs');\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: "uses import … = require('fs')",
    code: "import fs = require('fs');\nexport const read = fs.readFileSync;\n",
  },
  {
    file: 'lib/engine/wall-probe.ts',
    what: 're-exports everything from @/lib/drills',
    code: "export * from '@/lib/drills';\n",
  },
  {
    file: 'lib/review/wall-probe.ts',
    what: '(browser module) imports @/lib/db',
    code: "import * as db from '@/lib/db';\nexport const store = db;\n",
  },
  {
    file: 'lib/progress/wall-probe.ts',
    what: '(browser module) imports node:fs',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  },
  {
    file: 'lib/explorer/wall-probe.ts',
    what: "(browser module) imports 'server-only'",
    code: "import 'server-only';\nexport const x = 1;\n",
  },
  {
    file: 'lib/learner/wall-probe.ts',
    what: '(browser module) climbs to lib/drills with ../drills',
    code: "import * as d from '../drills';\nexport const x = d;\n",
  },
  {
    file: 'lib/learner/wall-probe.ts',
    what: '(browser module) imports next/headers',
    code: "import { cookies } from 'next/headers';\nexport const c = cookies;\n",
  },
];
const HOLE_CASES = HOLES.map((h) => [h.file, h.what, probe(h.code, h.file)] as const);

const TWO_IMPORTS = probe(
  "import { useState } from 'react';\nimport { eq } from 'drizzle-orm';\nexport const both = [useState, eq];\n",
  'lib/engine/deep/nested/probe.ts',
);

beforeAll(() => {
  results = lintProbes(probes);
}, 60_000);

describe('the pure-core lint wall', () => {
  it.each(PURE_CASES)('forbids %s from importing %s, and says why', (_dir, _module, messages) => {
    // node:* modules match both a path and a pattern in the config, so there may be two reports; all must hold.
    const walls = wallErrors(messages());
    expect(walls.length).toBeGreaterThanOrEqual(1);
    for (const wall of walls) {
      expect(wall.severity).toBe(2);
      expect(wall.line).toBe(1);
      expect(wall.message).toMatch(/pure domain core/);
      expect(wall.message).toMatch(/must not depend on React, Next, the database or Node I\/O/);
    }
  });

  it.each(BROWSER_CASES)(
    'forbids the browser module %s from importing %s, and says why',
    (_dir, _module, messages) => {
      const walls = wallErrors(messages());
      expect(walls.length).toBeGreaterThanOrEqual(1);
      for (const wall of walls) {
        expect(wall.severity).toBe(2);
        expect(wall.line).toBe(1);
        expect(wall.message).toMatch(
          /run in the browser: they may use the pure core but must not depend on React, Next, the database, server modules or Node I\/O/,
        );
      }
    },
  );

  it.each(BROWSER_OK_CASES)(
    'lets the browser module %s import the core, other browser modules and pure packages',
    (_dir, messages) => {
      expect(messages().filter((m) => m.severity === 2)).toEqual([]);
    },
  );

  it('forbids the core from importing a browser module, naming where the import resolves', () => {
    const [wall, ...more] = wallErrors(CORE_TO_BROWSER());
    expect(more).toEqual([]);
    expect(wall?.message).toMatch(
      /^"@\/lib\/review" resolves to lib\/review, outside lib\/engine, lib\/scenarios/,
    );
  });

  it.each(APP_CASES)('allows app/ code to import %s', (_module, messages) => {
    expect(wallErrors(messages())).toEqual([]);
    expect(messages().filter((m) => m.severity === 2)).toEqual([]);
  });

  it.each(PURE_OK_CASES)('lets %s import pure libraries and its own modules', (_dir, messages) => {
    expect(messages().filter((m) => m.severity === 2)).toEqual([]);
  });

  it.each(HOLE_CASES)('%s %s: the wall reports it', (_file, _what, messages) => {
    const walls = wallErrors(messages());
    expect(walls.length).toBeGreaterThanOrEqual(1);
    for (const wall of walls) expect(wall.severity).toBe(2);
  });

  it('reports each forbidden import in a file on its own line', () => {
    expect([...new Set(wallErrors(TWO_IMPORTS()).map((m) => m.line))]).toEqual([1, 2]);
  });
});
