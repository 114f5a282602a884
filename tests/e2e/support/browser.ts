/**
 * Debian's Chromium and the flags it needs here. Nothing in this project downloads a browser:
 * CHROME_PATH overrides the binary for machines where Chromium lives elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for a headless, offline, sandbox-less run (CI runs as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** For `use.launchOptions` in playwright.config.ts, or `chromium.launch()` from playwright-core. */
export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS],
};

/** The port `playwright test` starts `next start` on when E2E_BASE_URL is not given. */
export const E2E_PORT = 3102;
