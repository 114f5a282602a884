'use client';
/**
 * "Rules on node X" (issue 14): what kube-proxy would program on one node for the current layout — iptables
 * (iptables-restore input), nftables (`nft list table ip kube-proxy`) or IPVS (`ipvsadm -Ln`, ipsets, iptables) —
 * rendered in the browser by lib/engine/rules. In every mode the lines the focused flow traverses are highlighted
 * (iptables and nftables traced rule by rule; IPVS its virtual server, real servers, ipset entries and the iptables
 * rules IPVS mode uses for it: KUBE-SERVICES' set matches, KUBE-MARK-MASQ, KUBE-POSTROUTING) and each
 * step of its packet walk links to the lines it is about.
 */
import { useId, useState } from 'react';
import type { Answer, Scenario } from '@/lib/engine';
import {
  RULE_MODES,
  RulesError,
  flowRules,
  flowRulesIpvs,
  flowRulesNft,
  renderIptables,
  renderIpvs,
  rulesText,
  type RulesMode,
} from '@/lib/engine/rules';

const MODE_LABEL: Record<RulesMode, string> = {
  iptables: 'iptables',
  nftables: 'nftables (nft list table)',
  ipvs: 'IPVS (ipvsadm -Ln)',
};

interface Rendered {
  lines: string[];
  notes: string[];
  /** Indexes of traversed lines. */
  traversed: Set<number>;
  /** Packet-walk steps with the line indexes each is about. */
  steps: { step: string; lines: number[] }[] | null;
}

function renderFor(
  scenario: Scenario,
  answer: Answer,
  focusFlow: number,
  mode: RulesMode,
  node: string,
): Rendered | string {
  try {
    const flow = answer.flows[focusFlow];
    if (mode !== 'iptables') {
      const ipvs = mode === 'ipvs' ? renderIpvs(scenario, node) : null;
      const { text, notes } = ipvs ?? rulesText(scenario, node, mode, 'list');
      const lines = text.replace(/\n$/, '').split('\n');
      const traced = !flow ? null : ipvs ? flowRulesIpvs(scenario, flow, focusFlow, ipvs) : flowRulesNft(scenario, flow, focusFlow, node, lines);
      return { lines, notes, traversed: new Set(traced?.lines ?? []), steps: traced?.steps ?? null };
    }
    const rendering = renderIptables(scenario, node);
    const lines = rendering.text.replace(/\n$/, '').split('\n');
    const traced = flow ? flowRules(scenario, flow, focusFlow, rendering) : null;
    const indexOf = new Map(lines.map((l, i) => [l, i]));
    const at = (ls: string[]) => ls.map((l) => indexOf.get(l)).filter((i): i is number => i !== undefined);
    return {
      lines,
      notes: rendering.notes,
      traversed: new Set(traced ? at(traced.lines) : []),
      steps: traced ? traced.steps.map((s) => ({ step: s.step, lines: at(s.lines) })) : null,
    };
  } catch (e) {
    if (e instanceof RulesError) return e.message.replace(/^rules: /, '');
    throw e;
  }
}

export function RulesPanel({
  scenario,
  answer,
  focusFlow,
}: {
  scenario: Scenario;
  answer: Answer;
  focusFlow: number;
}) {
  const id = useId();
  const nodes = scenario.cluster.nodes.map((n) => n.name);
  const flowNode = answer.flows[focusFlow]?.node ?? null;
  const defaultMode = (RULE_MODES as readonly string[]).includes(scenario.cluster.proxyMode)
    ? (scenario.cluster.proxyMode as RulesMode)
    : 'iptables';
  const [mode, setMode] = useState<RulesMode>(defaultMode);
  const [chosenNode, setNode] = useState<string | null>(null);
  const node = chosenNode !== null && nodes.includes(chosenNode) ? chosenNode : (flowNode ?? nodes[0] ?? '');
  const [copied, setCopied] = useState(false);
  // The React Compiler memoises this render (a layout's rules take a few milliseconds).
  const rendered = renderFor(scenario, answer, focusFlow, mode, node);
  const lineId = (i: number) => `${id}-line-${i + 1}`;
  const title = `Rules on node ${node}`;

  const copy = async () => {
    if (typeof rendered === 'string') return;
    await navigator.clipboard.writeText(`${rendered.lines.join('\n')}\n`);
    setCopied(true);
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="my-4 flex min-w-0 flex-col gap-2 rounded-lg border border-border p-3"
      data-rules-panel
    >
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h3>
      <p className="text-sm text-muted">
        What kube-proxy (v1.33) would program on this node for the current layout, computed in your browser.
      </p>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span>Rules of proxy mode</span>
          <select
            className="rounded border border-border bg-bg p-1"
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as RulesMode);
              setCopied(false);
            }}
          >
            {RULE_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>Rules on node</span>
          <select
            className="rounded border border-border bg-bg p-1"
            value={node}
            onChange={(e) => {
              setNode(e.target.value);
              setCopied(false);
            }}
          >
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rounded border border-border px-2 py-1 font-semibold"
          onClick={() => void copy()}
          disabled={typeof rendered === 'string'}
        >
          Copy rules
        </button>
        <span aria-live="polite" className="text-muted">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
      {typeof rendered === 'string' ? (
        <p role="alert" className="text-bad">{`These rules cannot be shown: ${rendered}`}</p>
      ) : (
        <>
          {rendered.steps && (
            <div className="text-sm">
              <p className="font-semibold">
                The focused flow on {node}: each step and the rules it uses (highlighted below)
              </p>
              <ol className="my-1 list-decimal pl-6">
                {rendered.steps.map((s, i) => (
                  <li key={i}>
                    {s.step}{' '}
                    {s.lines.length > 0 && (
                      <span>
                        {'('}
                        {s.lines.map((l, j) => (
                          <span key={l}>
                            {j > 0 && ', '}
                            <a className="text-accent underline" href={`#${lineId(l)}`}>{`line ${l + 1}`}</a>
                          </span>
                        ))}
                        {')'}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {!rendered.steps && (
            <p className="text-sm text-muted">
              The focused flow does not enter {node}; pick its node to see the rules it traverses.
            </p>
          )}
          <pre
            className="max-h-[32rem] max-w-full min-w-0 overflow-auto rounded bg-surface p-2 text-xs"
            tabIndex={0}
            role="region"
            aria-label={`${title}: ${MODE_LABEL[mode]}`}
            data-rules-text
          >
            <code>
              {rendered.lines.map((l, i) => (
                <span
                  key={i}
                  id={lineId(i)}
                  data-traversed={rendered.traversed.has(i) || undefined}
                  className={`block scroll-mt-2 ${rendered.traversed.has(i) ? 'bg-accent/20 font-semibold' : ''}`}
                >
                  {l}
                </span>
              ))}
            </code>
          </pre>
          {rendered.notes.map((n) => (
            <p key={n} className="text-xs text-muted">
              {n}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
