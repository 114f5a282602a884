import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The wall around the domain core. lib/engine, lib/scenarios, lib/grading and lib/import are pure: they run in the
 * browser (explorer, practice) and on the server (drills), and their answers must depend on nothing but
 * their inputs. So they may not import UI frameworks, the database or Node I/O.
 */
const PURE_CORE_MESSAGE =
  'lib/engine, lib/scenarios, lib/grading and lib/import are the pure domain core: they run in the browser and on the server and must not depend on React, Next, the database or Node I/O. Move this code to lib/<feature>/ or app/.';

export const pureCoreRestriction = {
  paths: [
    { name: 'react', message: PURE_CORE_MESSAGE },
    { name: 'react-dom', message: PURE_CORE_MESSAGE },
    { name: 'server-only', message: PURE_CORE_MESSAGE },
    { name: 'pg', message: PURE_CORE_MESSAGE },
    ...['fs', 'fs/promises', 'path', 'os', 'child_process', 'net', 'http', 'https', 'worker_threads', 'process'].flatMap(
      (m) => [
        { name: m, message: PURE_CORE_MESSAGE },
        { name: `node:${m}`, message: PURE_CORE_MESSAGE },
      ],
    ),
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*', 'next', 'next/*', '@next/*'], message: PURE_CORE_MESSAGE },
    { group: ['drizzle-orm', 'drizzle-orm/*', '@electric-sql/*', 'pg/*'], message: PURE_CORE_MESSAGE },
    { group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', '../db', '../db/*', '../../db/*'], message: PURE_CORE_MESSAGE },
    { group: ['node:*'], message: PURE_CORE_MESSAGE },
  ],
};

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
    files: ['lib/engine/**', 'lib/scenarios/**', 'lib/grading/**', 'lib/import/**'],
    rules: { 'no-restricted-imports': ['error', pureCoreRestriction] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores(['.next/**', '.next-*/**', 'node_modules/**', 'next-env.d.ts', '.data*/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**']),
]);
