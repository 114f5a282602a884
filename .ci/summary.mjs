// Prints ONE plain line "N passed, N failed" summed over Jest JSON (--json --outputFile) and Playwright JSON
// reporter files given as arguments. Exits 1 if anything failed or a report is missing or unreadable.
//   Jest:       numPassedTests / numFailedTests (+1 failed per suite that crashed before running tests)
//   Playwright: stats.expected / stats.unexpected + stats.flaky
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let broken = false;

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`[ci] no report ${file} (that step did not run or crashed)`);
    broken = true;
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`[ci] unreadable report ${file}: ${error.message}`);
    broken = true;
    continue;
  }
  if (typeof report.numPassedTests === 'number') {
    const crashed = report.numRuntimeErrorTestSuites ?? 0;
    passed += report.numPassedTests;
    failed += report.numFailedTests + crashed;
    console.error(
      `[ci] ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
        (crashed ? `, ${crashed} suite(s) failed to run` : ''),
    );
  } else if (report.stats && typeof report.stats.expected === 'number') {
    const { expected, unexpected, flaky, skipped } = report.stats;
    passed += expected;
    failed += unexpected + flaky;
    console.error(
      `[ci] ${file}: ${expected} passed, ${unexpected} failed, ${flaky} flaky, ${skipped} skipped`,
    );
    for (const error of report.errors ?? []) {
      console.error(`[ci] ${file}: ${error.message?.split('\n')[0] ?? 'error'}`);
      broken = true;
    }
  } else {
    console.error(`[ci] ${file} is neither a Jest nor a Playwright JSON report`);
    broken = true;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || broken ? 1 : 0;
