// Jest 30 through next/jest. Every suite lives under tests/, mirroring lib/ and app/.
// Component tests opt into jsdom with a `@jest-environment jsdom` docblock; the default is node.
const nextJest = require('next/jest.js');

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json', 'mdx'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1', '^server-only$': '<rootDir>/tests/support/server-only-stub.js' },
  setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  // A guard against hangs, not a speed check: component suites rendering the engine's figures take seconds
  // when CI's two cores are busy, and a 5 s default failed them there (speed is measured in the benches).
  testTimeout: 30_000,
};

module.exports = async () => {
  const resolved = await createJestConfig(config)();
  return {
    ...resolved,
    transform: { '\\.mdx$': '<rootDir>/tests/support/mdx-transformer.js', ...resolved.transform },
    // ESM-only packages that must be transformed.
    transformIgnorePatterns: ['/node_modules/(?!(yaml|pure-rand|fraction\\.js|ts-fsrs)/)'],
  };
};
