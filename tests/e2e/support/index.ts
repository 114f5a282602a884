/** Shared helpers for every browser spec: `import { expectNoAxeViolations, screenshot } from './support'`. */
export { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumLaunchOptions, E2E_PORT } from './browser';
export { expectNoAxeViolations } from './axe';
export { screenshot, SCREENSHOT_DIR, SCREENSHOT_WIDTHS, SCREENSHOTS_ON } from './screenshot';
export { currentTheme, useSystemTheme, type Theme } from './theme';
export { watchConsoleErrors } from './console';
export { layoutShift } from './layout-shift';
export { contentDrawn } from './content-drawn';
