/**
 * Debian's Chromium and the flags it needs here. Nothing in this project downloads a browser:
 * CHROME_PATH overrides the binary for machines where Chromium lives elsewhere.
 */
import CHROMIUM from './chromium.json';

export const CHROMIUM_PATH = process.env.CHROME_PATH || CHROMIUM.path;

/**
 * Flags for a headless, offline, sandbox-less run (CI runs as root). They live, with the default path, in
 * chromium.json so that the Lighthouse script (tests/tools/lighthouse.mjs, plain Node) launches the same browser.
 */
export const CHROMIUM_ARGS: readonly string[] = CHROMIUM.args;

/** For `use.launchOptions` in playwright.config.ts, or `chromium.launch()` from playwright-core. */
export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS],
};

/** The port `playwright test` starts the production server (`npm start`) on when E2E_BASE_URL is not given. */
export const E2E_PORT = 3102;
