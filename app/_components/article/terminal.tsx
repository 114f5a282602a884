import { loadArticleScenario } from '@/lib/article';
import { rulesText } from '@/lib/engine/rules';
import {
  commandLine,
  curlCommand,
  curlFlow,
  kubectlDescribe,
  kubectlGet,
  type CurlResult,
  type DescribeResource,
  type GetResource,
  type Workload,
} from '@/lib/troubleshoot';

/**
 * What one command prints for a named scenario, as a terminal block: the prompt and command line, then the
 * output, both produced at build time by lib/troubleshoot from the engine's answer (and, for what happens inside a
 * Pod, the `workload` facts), or, for `rules`, by lib/engine/rules (`iptables-save` on a node, filtered as `grep -F`
 * filters it). Nothing here is typed by hand. Exactly one of `get`, `describe`, `curl` and `rules` says which
 * command; long lines scroll inside the block, never the page.
 */
export type TerminalProps = {
  name: string;
  /** Pod-side facts the scenario does not carry (where a container listens, probes, events). */
  workload?: Workload;
  /** A caption above the block (the command line is always in it). */
  caption?: string;
} & (
  | { get: readonly GetResource[]; wide?: boolean; describe?: never; curl?: never; rules?: never }
  | { describe: DescribeResource; target: string; get?: never; curl?: never; rules?: never }
  | { curl: number; backend?: string; connectTimeout?: number; get?: never; describe?: never; rules?: never }
  | { rules: string; grep: string; get?: never; describe?: never; curl?: never }
);

/** The command and its output for the props, from lib/troubleshoot. */
export function terminalSession(props: TerminalProps): {
  command: string;
  output: string;
  result?: CurlResult;
} {
  const { document } = loadArticleScenario(props.name);
  const scenario = document as unknown as Parameters<typeof kubectlGet>[0];
  if (props.get !== undefined) {
    return {
      command: commandLine({ kind: 'get', resources: props.get, wide: props.wide }),
      output: kubectlGet(scenario, props.get, { wide: props.wide, workload: props.workload }),
    };
  }
  if (props.rules !== undefined) {
    const { scenario: engineScenario } = loadArticleScenario(props.name);
    const saved = rulesText(engineScenario, props.rules, 'iptables', 'save').text;
    return {
      command: `iptables-save | grep -F '${props.grep}'`,
      output: saved
        .split('\n')
        .filter((line) => line.includes(props.grep))
        .join('\n'),
    };
  }
  if (props.describe !== undefined) {
    return {
      command: commandLine({ kind: 'describe', resource: props.describe, name: props.target }),
      output: kubectlDescribe(scenario, props.describe, props.target, props.workload),
    };
  }
  const options = { backend: props.backend, connectTimeout: props.connectTimeout };
  const result = curlFlow(scenario, props.curl, props.workload, options);
  return { command: curlCommand(scenario, props.curl, options), output: result.text, result };
}

/** A plain-language line for a curl attempt (the text equivalent a screen reader hears first). */
export function curlSummary(result: CurlResult): string {
  switch (result.outcome) {
    case 'answered':
      return `Answered by ${result.pod ?? 'a Pod'}, which saw the client address ${result.sourceIp ?? 'unknown'}.`;
    case 'refused':
      return 'Refused at once: nothing accepted the connection.';
    case 'timeout':
      return 'No answer: curl gave up after its connect timeout.';
  }
}

export function Terminal(props: TerminalProps) {
  const { command, output, result } = terminalSession(props);
  const summary = result ? curlSummary(result) : undefined;
  return (
    // data-terminal-props: what the block was asked for, so a test can recompute it from lib/troubleshoot on its own.
    <figure className="my-4" data-terminal={props.name} data-terminal-props={JSON.stringify(props)}>
      {(props.caption || summary) && (
        <figcaption className="mb-1 text-sm">
          {props.caption && <span className="block font-semibold">{props.caption}</span>}
          {summary && (
            <span className="block text-muted" data-terminal-outcome={result?.outcome}>
              {summary}
            </span>
          )}
        </figcaption>
      )}
      <pre
        className="overflow-x-auto rounded-lg border border-border bg-surface p-3 text-xs leading-relaxed"
        tabIndex={0}
        role="group"
        aria-label={`Terminal: ${command}`}
      >
        <code>
          <span aria-hidden="true" className="select-none text-muted">
            ${' '}
          </span>
          <span data-terminal-command>{command}</span>
          {'\n'}
          <span data-terminal-output>{output}</span>
        </code>
      </pre>
    </figure>
  );
}
