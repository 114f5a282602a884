/**
 * @jest-environment node
 *
 * Proves the lint wall around the domain core (eslint.config.mjs): lib/engine, lib/scenarios, lib/grading
 * and lib/import may not import React, Next, the database or Node I/O, and the error says why; the same
 * imports stay legal in app/. Runs the project's real ESLint config (`new ESLint({cwd}).lintText`) on
 * virtual files, in a child process (see lint-probes.mjs for why).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
}

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

const wallErrors = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'no-restricted-imports');

const PURE_DIRS = ['lib/engine', 'lib/scenarios', 'lib/grading', 'lib/import'] as const;

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

const TWO_IMPORTS = probe(
  "import { useState } from 'react';\nimport { eq } from 'drizzle-orm';\nexport const both = [useState, eq];\n",
  'lib/engine/deep/nested/probe.ts',
);

beforeAll(() => {
  const stdout = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  results = JSON.parse(stdout) as LintMessage[][];
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

  it.each(APP_CASES)('allows app/ code to import %s', (_module, messages) => {
    expect(wallErrors(messages())).toEqual([]);
    expect(messages().filter((m) => m.severity === 2)).toEqual([]);
  });

  it.each(PURE_OK_CASES)('lets %s import pure libraries and its own modules', (_dir, messages) => {
    expect(messages().filter((m) => m.severity === 2)).toEqual([]);
  });

  it('reports each forbidden import in a file on its own line', () => {
    expect([...new Set(wallErrors(TWO_IMPORTS()).map((m) => m.line))]).toEqual([1, 2]);
  });
});
