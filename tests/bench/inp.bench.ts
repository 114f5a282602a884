/**
 * `npm run bench:inp`: Interaction to Next Paint in Chromium (issue 18's target: an explorer change on a
 * 50-node / 500-Pod layout, and a practice answer graded and its feedback painted, within 50 ms). Builds nothing:
 * run `npm run build` first. It runs the browser spec tests/e2e/interaction.e2e.ts (which measures, interleaved,
 * each interaction and a baseline click on the same page's heading) against the built app — Playwright starts
 * the production server, or set E2E_BASE_URL to a running server — and prints the medians beside the baselines.
 * Exits 1 when a median misses the target. INP_RUNS sets the interactions per figure (at least 5; default 7).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { INP_OUT, type Figure, type InpReport } from '../e2e/support/interaction';

const TARGET_MS = 50;
const distDir = process.env.NEXT_DIST_DIR ?? '.next';

if (!process.env.E2E_BASE_URL && !existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`No build in ${distDir}: run \`npm run build\` first (this bench builds nothing), or set E2E_BASE_URL to a running server.`);
  process.exit(1);
}
rmSync(INP_OUT, { force: true });
const run = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', 'tests/e2e/interaction.e2e.ts'], { stdio: 'inherit', env: process.env });
if (run.status !== 0 || !existsSync(INP_OUT)) {
  console.error('The interaction spec failed: no figures.');
  process.exit(1);
}

const report = JSON.parse(readFileSync(INP_OUT, 'utf8')) as InpReport;
const show = (f: Figure) => (f === null ? `< ${report.thresholdMs} ms` : `${f} ms`);
console.log(`\nInteraction to Next Paint (Chromium Event Timing, longest entry of each interaction), ${report.measuredAt}:`);
let missed = false;
for (const [name, { median, runs, mainThreadCpuMedianMs: cpu }] of Object.entries(report.figures)) {
  const baseline = name.startsWith('baseline');
  const ok = baseline || median === null || median <= TARGET_MS;
  missed ||= !ok;
  const verdict = baseline ? '(the floor on this machine, in the same run)' : `(target ≤ ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'})`;
  console.log(`  ${name}: median ${show(median)} over ${runs.length} ${verdict}; runs ${runs.map(show).join(', ')}`);
  console.log(`    main-thread CPU over the interaction and the test's polling (trace, median): ${cpu} ms`);
}
process.exitCode = missed ? 1 : 0;
