import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * The wall. Two zones of lib/ run in the browser as well as on the server, so what they import is checked by
 * where it resolves to, not by how it is spelled (`../../db` and `@/lib/db` are the same module):
 *  - the pure domain core (engine, scenarios, grading, import, validation, troubleshoot): its answers depend on nothing but its
 *    inputs; it may import only itself and pure packages;
 *  - the browser modules (explorer, review, progress, learner): they may import the core and each other.
 * Neither may import React, Next, the database, server-only modules or Node builtins, and neither may use
 * `require` or a dynamic `import()`, whose target a lint rule cannot see.
 */
const CORE = ['lib/engine', 'lib/scenarios', 'lib/grading', 'lib/import', 'lib/validation', 'lib/troubleshoot'];
const BROWSER = ['lib/explorer', 'lib/review', 'lib/progress', 'lib/learner'];

/** Packages no walled module may import (a name matches itself and its subpaths); Node builtins are added below. */
const SERVER_OR_UI_PACKAGES = [
  'react',
  'react-dom',
  'next',
  '@next',
  'server-only',
  'pg',
  'drizzle-orm',
  '@electric-sql',
];

const CORE_MESSAGE =
  'lib/engine, lib/scenarios, lib/grading, lib/import, lib/validation and lib/troubleshoot are the pure domain core: they run in the browser and on the server and must not depend on React, Next, the database or Node I/O. Move this code to lib/<feature>/ or app/.';
const BROWSER_MESSAGE =
  'lib/explorer, lib/review, lib/progress and lib/learner run in the browser: they may use the pure core but must not depend on React, Next, the database, server modules or Node I/O. Move this code to lib/<feature>/ or app/.';

const under = (file, dir) => file === dir || file.startsWith(`${dir}/`);
const isBuiltin = (name) =>
  name.startsWith('node:') || builtinModules.includes(name.split('/')[0]) || builtinModules.includes(name);
const isDenied = (name) =>
  isBuiltin(name) || SERVER_OR_UI_PACKAGES.some((p) => name === p || name.startsWith(`${p}/`));

/** `wall/imports`: options { reach: repo folders this zone may import from, message: why }. */
const importsRule = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { reach: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { reach, message } = context.options[0];
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const report = (node, what) => context.report({ node, message: `${what}. ${message}` });

    /** Where a static specifier leads: a repo path ('lib/db/index'), a package name, or outside the repo. */
    function check(node, spec) {
      let target = null;
      if (spec.startsWith('.'))
        target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      else if (spec.startsWith('@/')) target = path.posix.normalize(spec.slice(2));
      else if (spec.startsWith('/')) return report(node, `"${spec}" is an absolute path`);
      if (target === null) {
        if (isDenied(spec)) report(node, `"${spec}" is not allowed here`);
        return;
      }
      if (target === '..' || target.startsWith('../'))
        return report(node, `"${spec}" leads out of the repository`);
      if (!reach.some((dir) => under(target, dir)))
        report(node, `"${spec}" resolves to ${target}, outside ${reach.join(', ')}`);
    }
    const literal = (source) => (source && typeof source.value === 'string' ? source.value : null);
    const checkSource = (node) => {
      const spec = literal(node.source);
      if (spec !== null) check(node, spec);
    };

    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression: (node) => report(node, 'dynamic import() hides its target from the wall'),
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference')
          report(node, '`import … = require()` is require');
      },
      TSImportType(node) {
        const spec = literal(node.argument?.literal ?? node.argument);
        if (spec !== null) check(node, spec);
      },
      'CallExpression[callee.type="Identifier"][callee.name="require"]': (node) =>
        report(node, 'require() is not allowed here'),
      'MemberExpression[object.type="Identifier"][object.name="require"]': (node) =>
        report(node, 'require.* is not allowed here'),
    };
  },
};

/**
 * `wall/text-entry`: the engine has two entries (lib/engine/text.ts has the contract). lib/engine is the public
 * face for scenarios as values; lib/engine/text reads YAML/JSON text with the `yaml` package. Browser code must
 * not import the text entry statically, or every interactive route ships `yaml` on its first load (issue 18);
 * a page that reads text in the browser loads it with a dynamic import() once it has text. Checked where it is
 * practical to know the code runs in the browser: 'use client' modules, the browser modules, the pure core
 * (which browsers bundle) outside lib/engine, and lib/engine's own files (so its barrel stays free of it).
 * A helper imported only by client modules is not seen here; the bundle budgets (tests/e2e) catch that.
 * Options: { useClientOnly: check only files that start with 'use client' }.
 */
const TEXT_ENTRY = ['lib/engine/text', 'lib/engine/scenario/read', 'lib/engine/run/run-text'];
const TEXT_ENTRY_MESSAGE =
  'lib/engine/text (the YAML/JSON scenario reader) is for servers, the CLI and tests: browser code evaluates scenarios as values through @/lib/engine (runScenario, parseScenario), or loads the text entry on demand with a dynamic import() (issue 18).';
const textEntryRule = {
  meta: {
    type: 'problem',
    schema: [
      { type: 'object', properties: { useClientOnly: { type: 'boolean' } }, additionalProperties: false },
    ],
  },
  create(context) {
    const { useClientOnly = false } = context.options[0] ?? {};
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const isTextEntry = (target) => {
      const bare = target.replace(/\.(ts|tsx|js|mjs)$/, '').replace(/\/index$/, '');
      return TEXT_ENTRY.includes(bare);
    };
    let active = !useClientOnly;
    function check(node) {
      const spec = node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (!active || spec === null) return;
      let target = null;
      if (spec.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      else if (spec.startsWith('@/')) target = path.posix.normalize(spec.slice(2));
      if (target !== null && isTextEntry(target))
        context.report({ node, message: `"${spec}" is the engine's text entry. ${TEXT_ENTRY_MESSAGE}` });
    }
    return {
      Program(node) {
        if (useClientOnly) active = node.body.some((s) => s.type === 'ExpressionStatement' && s.directive === 'use client');
      },
      ImportDeclaration: (node) => {
        // A type-only import brings no code into a bundle.
        if (node.importKind !== 'type') check(node);
      },
      ExportNamedDeclaration: (node) => {
        if (node.exportKind !== 'type') check(node);
      },
      ExportAllDeclaration: (node) => {
        if (node.exportKind !== 'type') check(node);
      },
    };
  },
};

const wall = { rules: { imports: importsRule, 'text-entry': textEntryRule } };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: CORE.map((dir) => `${dir}/**`),
    plugins: { wall },
    rules: { 'wall/imports': ['error', { reach: CORE, message: CORE_MESSAGE }] },
  },
  {
    files: BROWSER.map((dir) => `${dir}/**`),
    plugins: { wall },
    rules: { 'wall/imports': ['error', { reach: [...CORE, ...BROWSER], message: BROWSER_MESSAGE }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { wall },
    rules: { 'wall/text-entry': ['error', { useClientOnly: true }] },
  },
  {
    files: [...CORE.filter((dir) => dir !== 'lib/engine'), ...BROWSER].map((dir) => `${dir}/**`),
    plugins: { wall },
    rules: { 'wall/text-entry': ['error', { useClientOnly: false }] },
  },
  {
    // Inside the engine only the text entry's own files reach the reader.
    files: ['lib/engine/**'],
    ignores: ['lib/engine/text.ts', 'lib/engine/run/run-text.ts', 'lib/engine/scenario/read.ts'],
    plugins: { wall },
    rules: { 'wall/text-entry': ['error', { useClientOnly: false }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'next-env.d.ts',
    '.data*/**',
    'test-results/**',
    'playwright-report/**',
    'tests/fixtures/lint/**',
  ]),
]);
