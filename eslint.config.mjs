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

const wall = { rules: { imports: importsRule } };

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
