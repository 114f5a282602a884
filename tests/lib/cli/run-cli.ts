/**
 * Runs the engine CLI for a test. `runCli` calls its main function in this process with the arguments and
 * standard input given and collects what it writes (fast: no tsx start-up per case); `spawnCli` starts the real
 * script with tsx, for the few tests that prove the process itself (exit status, standard streams).
 * `tempDir` makes a folder for scenario files and removes it after the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@/lib/cli/engine';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = process.cwd();

export function runCli(args: string[], input = ''): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdin: () => input,
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

export function spawnCli(args: string[], input?: string): CliRun {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/engine.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed in afterAll; `write(name, text)` puts a file in it and returns its path. */
export function tempDir(prefix: string): { dir: string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
