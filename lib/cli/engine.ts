/**
 * The engine's command line (scenario-format.md):
 *
 *   npm run --silent engine -- evaluate FILE    the full answer
 *   npm run --silent engine -- validate FILE    only the API server's checks: {name?, validation, service, update?}
 *   npm run --silent engine -- import FILE [--service NAMESPACE/NAME]
 *                                               kubectl output → a scenario (YAML) on stdout; the defaults it
 *                                               assumed (balancer family, network plugin, …) on stderr
 *   npm run --silent engine -- rules FILE --node NAME [--mode iptables|nftables|ipvs] [--format restore|save|list]
 *                                               what kube-proxy programs on that node (lib/engine/rules), as text
 *
 * FILE is .yaml/.yml or .json (other extensions, and "-" for standard input, are sniffed: a text that parses as
 * JSON is JSON, anything else YAML). The answer is printed as JSON (2-space indent) on stdout, exit 0.
 * An unreadable scenario prints one message naming every bad field path and its line on stderr, exit 2;
 * usage errors and unreadable files exit 2 as well; an unexpected failure prints one line and exits 1.
 * Never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { RULE_MODES, rulesText, RulesError, type RulesFormat, type RulesMode as RuleMode } from '@/lib/engine/rules';
import { issuesText, serviceAnswer, validateService, type Scenario, type Issue } from '@/lib/engine';
import { readScenario, runScenarioText, type ScenarioFormat } from '@/lib/engine/text';
import { formatImportIssue, importCluster } from '@/lib/import';
import { stringify } from 'yaml';

const USAGE = `usage: npm run --silent engine -- evaluate FILE
       npm run --silent engine -- validate FILE
       npm run --silent engine -- import FILE [--service NAMESPACE/NAME]
       npm run --silent engine -- rules FILE --node NAME [--mode iptables|nftables|ipvs] [--format restore|save|list]

  evaluate   print the engine's answer for the scenario (routing, shares, health checks, flows)
  validate   print only the API server's checks of the Service: {name?, validation, service, update?}
  rules      print what kube-proxy programs on node NAME (iptables: the filter and nat tables as it writes
             them to iptables-restore; nftables: the ip kube-proxy table as the transaction it sends to nft);
             ipvs: ipvsadm -Ln, ipset save and its iptables-restore part);
             --mode defaults to the scenario's proxyMode; --format save (iptables) prints the tables as
             iptables-save shows them on the node, --format list (nftables) as nft list table does
  import     print a scenario (YAML) for one Service of a real cluster, from what
             kubectl get nodes,pods,services,endpointslices -A -o yaml (or -o json) prints;
             the defaults it had to assume are listed on standard error
  FILE       a scenario in YAML (.yaml, .yml) or JSON (.json); "-" reads standard input
             (for import: kubectl's output)
`;

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function run(argv: readonly string[], io: { stdin: () => string; readFile: (path: string) => string }): { stdout: string; stderr?: string } {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) return { stdout: USAGE };
  if (argv[0] === 'import') return runImport(argv.slice(1), io);
  const [command, file, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'validate' && command !== 'rules')
    throw new ExitError(`engine: ${command === undefined ? 'missing command' : `unknown command "${command}"`}\n${USAGE}`, 2);
  if (file === undefined) throw new ExitError(`engine: ${command} needs a FILE\n${USAGE}`, 2);
  const flags = command === 'rules' ? rulesFlags(rest) : null;
  if (!flags && rest.length > 0) throw new ExitError(`engine: unexpected argument "${rest[0]}"\n${USAGE}`, 2);

  const text = file === '-' ? io.stdin() : readScenarioFile(file, io.readFile);
  const name = file === '-' ? 'standard input' : file;
  const format = formatOf(file, text);
  // evaluate goes through the engine's one door; validate and rules need only its reading half.
  if (command === 'evaluate') {
    const run = runScenarioText(text, { format });
    if (!run.ok) throw unreadable(name, run.issues);
    return { stdout: `${JSON.stringify(run.answer, null, 2)}\n` };
  }
  const result = readScenario(text, { format });
  if (!result.ok) throw unreadable(name, result.issues);
  if (flags) return rules(result.scenario, flags);
  return { stdout: `${JSON.stringify(validation(result.scenario), null, 2)}\n` };
}

function unreadable(name: string, issues: readonly Issue[]): ExitError {
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return new ExitError(`engine: ${name} is not a readable scenario (${count}):\n  ${issuesText(issues, '\n  ')}\n`, 2);
}

/** `import FILE [--service NAMESPACE/NAME]` (options before or after FILE). */
function runImport(args: readonly string[], io: { stdin: () => string; readFile: (path: string) => string }): { stdout: string; stderr: string } {
  let file: string | undefined;
  let service: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--service' || a.startsWith('--service=')) {
      const v = a === '--service' ? args[++i] : a.slice('--service='.length);
      if (v === undefined || v === '') throw new ExitError(`engine: --service needs NAMESPACE/NAME\n${USAGE}`, 2);
      service = v;
    } else if (a.startsWith('--') && a !== '-') throw new ExitError(`engine: unknown option "${a}"\n${USAGE}`, 2);
    else if (file === undefined) file = a;
    else throw new ExitError(`engine: unexpected argument "${a}"\n${USAGE}`, 2);
  }
  if (file === undefined) throw new ExitError(`engine: import needs a FILE\n${USAGE}`, 2);
  const text = file === '-' ? io.stdin() : readScenarioFile(file, io.readFile);
  const name = file === '-' ? 'standard input' : file;
  const r = importCluster(text, service === undefined ? {} : { service });
  if (!r.ok) {
    const count = r.issues.length === 1 ? 'a problem' : `${r.issues.length} problems`;
    throw new ExitError(`engine: cannot import ${name} (${count}):\n${r.issues.map((i) => `  ${formatImportIssue(i)}`).join('\n')}\n`, 2);
  }
  const lines = [
    `engine: imported Service ${r.service} from ${name}`,
    ...r.assumptions.map((a) => `engine: assumed ${a.field}: ${a.value} (${a.why})`),
    ...r.notes.map((n) => `engine: note: ${n}`),
  ];
  return { stdout: stringify(r.scenario, { lineWidth: 0 }), stderr: `${lines.join('\n')}\n` };
}

/** `rules` flags: --node NAME (required), --mode MODE (optional); "--flag=value" is accepted too. */
function rulesFlags(args: readonly string[]): RulesFlags {
  let node: string | null = null;
  let mode: RuleMode | null = null;
  let format: RulesFormat | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--node' && flag !== '--mode' && flag !== '--format') throw new ExitError(`engine: unexpected argument "${arg}"\n${USAGE}`, 2);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new ExitError(`engine: ${flag} needs a value\n${USAGE}`, 2);
    if (flag === '--node') node = value;
    else if (flag === '--format') {
      if (value !== 'restore' && value !== 'save' && value !== 'list') throw new ExitError(`engine: --format must be restore, save or list (got "${value}")\n`, 2);
      format = value;
    } else if ((RULE_MODES as readonly string[]).includes(value)) mode = value as RuleMode;
    else throw new ExitError(`engine: --mode must be one of ${RULE_MODES.join(', ')} (got "${value}")\n`, 2);
  }
  if (node === null) throw new ExitError(`engine: rules needs --node NAME\n${USAGE}`, 2);
  return { node, mode, format };
}

interface RulesFlags {
  node: string;
  mode: RuleMode | null;
  /** null: the mode's default (RULE_FORMATS). */
  format: RulesFormat | null;
}

/** Renders kube-proxy's rules for one node; the notes (assumptions) go to stderr as "# " lines. */
function rules(scenario: Scenario, flags: RulesFlags): { stdout: string; stderr: string } {
  const scenarioMode = scenario.cluster.proxyMode;
  const mode = flags.mode ?? ((RULE_MODES as readonly string[]).includes(scenarioMode) ? (scenarioMode as RuleMode) : null);
  if (mode === null)
    throw new ExitError(`engine: the scenario's proxyMode is ${scenarioMode}, where kube-proxy does not program the node; pass --mode iptables to see what it would program\n`, 2);
  try {
    const { text, notes } = rulesText(scenario, flags.node, mode, flags.format ?? undefined);
    return { stdout: text, stderr: notes.map((n) => `# ${n}\n`).join('') };
  } catch (e) {
    if (e instanceof RulesError) throw new ExitError(`engine: ${e.message.replace(/^rules: /, '')}\n`, 2);
    throw e;
  }
}

/** `validate`: only the API server's checks. */
function validation(scenario: Scenario): unknown {
  const named = scenario.name === null ? {} : { name: scenario.name };
  const update = scenario.update ? { update: scenario.update } : {};
  return { ...named, validation: validateService(scenario), service: serviceAnswer(scenario.service), ...update };
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

/** What the CLI touches of its process; tests pass their own to run it in-process. */
export interface CliIo {
  stdin: () => string;
  readFile: (path: string) => string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one command line (without `node` and the script) and returns the exit code; never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const { stdout, stderr } = run(argv, io);
    if (stderr) io.stderr(stderr);
    io.stdout(stdout);
    return 0;
  } catch (e) {
    if (e instanceof ExitError) {
      io.stderr(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return e.code;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`engine: internal error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

// Run only as the entry script (tsx runs this file as CommonJS), not when a test imports main.
if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  process.exitCode = main(process.argv.slice(2), {
    stdin: () => readFileSync(0, 'utf8'),
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
