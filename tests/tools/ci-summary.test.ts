/**
 * @jest-environment node
 *
 * .ci/summary.mjs turns Jest and Playwright JSON reports into the one line CI reads: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../.ci/summary.mjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ci-summary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(reports: Record<string, unknown>, extra: string[] = []) {
  const files = Object.entries(reports).map(([name, body]) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  });
  const result = spawnSync(process.execPath, [SCRIPT, ...files, ...extra.map((f) => path.join(dir, f))], {
    encoding: 'utf8',
  });
  return { line: result.stdout.trim(), status: result.status, stderr: result.stderr };
}

const jestReport = (passed: number, failed: number, crashed = 0) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numRuntimeErrorTestSuites: crashed,
});
const playwrightReport = (expected: number, unexpected: number, flaky = 0) => ({
  stats: { expected, unexpected, flaky, skipped: 0 },
  errors: [],
});

describe('.ci/summary.mjs', () => {
  it.each([
    [
      'all green',
      { 'a.json': jestReport(10, 0), 'b.json': jestReport(2, 0), 'e.json': playwrightReport(5, 0) },
      '17 passed, 0 failed',
      0,
    ],
    [
      'a failing Jest test',
      { 'a.json': jestReport(10, 1), 'e.json': playwrightReport(5, 0) },
      '15 passed, 1 failed',
      1,
    ],
    [
      'a failing browser test',
      { 'a.json': jestReport(3, 0), 'e.json': playwrightReport(4, 2) },
      '7 passed, 2 failed',
      1,
    ],
    ['a flaky browser test as a failure', { 'e.json': playwrightReport(4, 0, 1) }, '4 passed, 1 failed', 1],
    [
      'a suite that crashed before running as a failure',
      { 'a.json': jestReport(3, 0, 1) },
      '3 passed, 1 failed',
      1,
    ],
  ])('sums %s', (_name, reports, line, status) => {
    const out = run(reports);
    expect(out.line).toBe(line);
    expect(out.status).toBe(status);
  });

  it('fails, still printing the line, when a report is missing', () => {
    const out = run({ 'a.json': jestReport(3, 0) }, ['missing.json']);
    expect(out.line).toBe('3 passed, 0 failed');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('missing.json');
  });

  it.each([
    ['not JSON', '{oops'],
    ['neither format', { hello: 1 }],
  ])('fails on a report that is %s', (_name, body) => {
    const out = run({ 'a.json': jestReport(1, 0), 'bad.json': body });
    expect(out.line).toBe('1 passed, 0 failed');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('bad.json');
  });

  it('fails when Playwright reports a global error such as a web server that never started', () => {
    const report = {
      ...playwrightReport(0, 0),
      errors: [{ message: 'Error: Timed out waiting 60000ms from config.webServer.' }],
    };
    const out = run({ 'e.json': report });
    expect(out.line).toBe('0 passed, 0 failed');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('webServer');
  });
});
