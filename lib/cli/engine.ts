/**
 * The engine's command line (scenario-format.md):
 *
 *   npm run --silent engine -- evaluate FILE    the full answer
 *   npm run --silent engine -- validate FILE    only the API server's checks: {name?, validation, service, update?}
 *
 * FILE is .yaml/.yml or .json (other extensions, and "-" for standard input, are sniffed: a text that parses as
 * JSON is JSON, anything else YAML). The answer is printed as JSON (2-space indent) on stdout, exit 0.
 * An unreadable scenario prints one message naming every bad field path and its line on stderr, exit 2;
 * usage errors and unreadable files exit 2 as well; an unexpected failure prints one line and exits 1.
 * Never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  evaluate,
  formatIssue,
  readScenarioText,
  serviceAnswer,
  validateService,
  type Scenario,
  type ScenarioFormat,
} from '@/lib/engine';

const USAGE = `usage: npm run --silent engine -- evaluate FILE
       npm run --silent engine -- validate FILE

  evaluate   print the engine's answer for the scenario (routing, shares, health checks, flows)
  validate   print only the API server's checks of the Service: {name?, validation, service, update?}
  FILE       a scenario in YAML (.yaml, .yml) or JSON (.json); "-" reads standard input
`;

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

type Command = 'evaluate' | 'validate';

function run(argv: readonly string[], io: { stdin: () => string; readFile: (path: string) => string }): { stdout: string } {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) return { stdout: USAGE };
  const [command, file, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'validate')
    throw new ExitError(`engine: ${command === undefined ? 'missing command' : `unknown command "${command}"`}\n${USAGE}`, 2);
  if (file === undefined) throw new ExitError(`engine: ${command} needs a FILE\n${USAGE}`, 2);
  if (rest.length > 0) throw new ExitError(`engine: unexpected argument "${rest[0]}"\n${USAGE}`, 2);

  const text = file === '-' ? io.stdin() : readScenarioFile(file, io.readFile);
  const name = file === '-' ? 'standard input' : file;
  const result = readScenarioText(text, formatOf(file, text));
  if (!result.ok) {
    const lines = result.issues.map((i) => `  ${formatIssue(i)}`);
    const count = result.issues.length === 1 ? 'a problem' : `${result.issues.length} problems`;
    throw new ExitError(`engine: ${name} is not a readable scenario (${count}):\n${lines.join('\n')}\n`, 2);
  }
  const answer = respond(command, result.scenario);
  return { stdout: `${JSON.stringify(answer, null, 2)}\n` };
}

function respond(command: Command, scenario: Scenario): unknown {
  if (command === 'validate') {
    const named = scenario.name === null ? {} : { name: scenario.name };
    const update = scenario.update ? { update: scenario.update } : {};
    return { ...named, validation: validateService(scenario), service: serviceAnswer(scenario.service), ...update };
  }
  return evaluate(scenario);
}

function readScenarioFile(file: string, readFile: (path: string) => string): string {
  try {
    return readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new ExitError(`engine: cannot read ${file}: ${why}\n`, 2);
  }
}

function formatOf(file: string, text: string): ScenarioFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  const head = text.trimStart()[0];
  if (head === '{' || head === '[') {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'yaml';
    }
  }
  return 'yaml';
}

function main(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    const { stdout } = run(process.argv.slice(2), {
      stdin: () => readFileSync(0, 'utf8'),
      readFile: (path) => readFileSync(path, 'utf8'),
    });
    process.stdout.write(stdout);
    process.exitCode = 0;
  } catch (e) {
    if (e instanceof ExitError) {
      process.stderr.write(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      process.exitCode = e.code;
    } else {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`engine: internal error: ${message.split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  }
}

main();
