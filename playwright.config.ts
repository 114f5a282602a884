import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, E2E_PORT } from './tests/e2e/support/browser';

/**
 * Browser suite: tests/e2e/*.e2e.ts in Debian's Chromium (never a downloaded browser).
 * With E2E_BASE_URL set, runs against that server (e.g. your dev server); otherwise starts the built app
 * (`next build` first) on 127.0.0.1:3102 with its own PGlite directory.
 */
const externalBaseURL = process.env.E2E_BASE_URL;
const baseURL = externalBaseURL || `http://127.0.0.1:${E2E_PORT}`;

// Several people run specs side by side in one work tree, and Playwright empties its outputDir at start;
// a per-run directory keeps one run from deleting another's traces. Workers inherit the id through env.
process.env.E2E_RUN_ID ??= process.env.CI ? 'ci' : `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.e2e.ts',
  // CI runs two tests at a time, any two (files that need their tests in order on one worker say so with
  // `test.describe.configure({ mode: 'default' })`), to stay well within its 20 minutes on two cores; the limits
  // below are hang guards, generous enough for a machine that busy. Locally: one worker.
  workers: process.env.CI ? 2 : 1,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: process.env.CI ? 90_000 : 30_000,
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  // .ci/run adds the JSON reporter on the command line (--reporter=list,json).
  reporter: 'list',
  outputDir: `test-results/${process.env.E2E_RUN_ID}`,
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    // A click or fill whose target never comes fails on its own, saying which locator it waited for, instead of
    // holding the test until its own timeout (a drills test once waited 300 s on a field that never came).
    actionTimeout: process.env.CI ? 30_000 : 15_000,
  },
  webServer: externalBaseURL
    ? undefined
    : {
        command: `node lib/serve/cli.js -p ${E2E_PORT} -H 127.0.0.1`,
        url: baseURL,
        reuseExistingServer: false,
        timeout: 60_000,
        env: { PGLITE_DIR: '.data-e2e', NEXT_TELEMETRY_DISABLED: '1' },
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
