/**
 * Lints virtual files with the project's real ESLint config, in a child process (lint-probes.mjs says why), and
 * returns one message list per probe. Shared by the lint-wall suites.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
}

export function lintProbes(probes: readonly { code: string; filePath: string }[]): LintMessage[][] {
  const stdout = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    cwd: path.resolve(__dirname, '../..'),
    input: JSON.stringify(probes),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as LintMessage[][];
}
