/**
 * "Rules on node X" (issue 14): what kube-proxy would program on one node for the current layout — iptables
 * (iptables-restore input), nftables (`nft list table ip kube-proxy`) or IPVS (`ipvsadm -Ln`, ipsets, iptables) —
 * rendered by lib/engine/rules. In every mode the lines the focused flow traverses are highlighted (iptables and
 * nftables traced rule by rule; IPVS its virtual server, real servers, ipset entries and the iptables rules IPVS
 * mode uses for it: KUBE-SERVICES' set matches, KUBE-MARK-MASQ, KUBE-POSTROUTING) and each step of its packet
 * walk links to the lines it is about.
 *
 * The panel's markup, without state (no hooks); rules-panel.tsx holds its choices, rules-render.ts computes what
 * it shows.
 */
import type { Answer, Scenario } from '@/lib/engine';
import { RENDER_LATER } from '@/app/_components/render-later/class-names';
import type { RulesMode } from '@/lib/engine/rules';
import type { Rendered } from './rules-render';

const MODE_LABEL: Record<RulesMode, string> = {
  iptables: 'iptables',
  nftables: 'nftables (nft list table)',
  ipvs: 'IPVS (ipvsadm -Ln)',
};
/**
 * The modes whose rules the panel shows: lib/engine/rules' RULE_MODES, as MODE_LABEL's keys (checked against
 * RulesMode by the compiler). Importing the constant from that barrel brings the renderers into this chunk (+19 KiB).
 */
const MODES = Object.keys(MODE_LABEL) as RulesMode[];

/** The panel's mode when none is chosen: the layout's own, where rules are rendered for it. */
export function defaultRulesMode(scenario: Scenario): RulesMode {
  return (MODES as readonly string[]).includes(scenario.cluster.proxyMode) ? (scenario.cluster.proxyMode as RulesMode) : 'iptables';
}

/** The panel's node when none is chosen: the focused flow's, else the first. */
export function defaultRulesNode(scenario: Scenario, answer: Answer, focusFlow: number): string {
  return answer.flows[focusFlow]?.node ?? scenario.cluster.nodes[0]?.name ?? '';
}

export interface RulesViewProps {
  /** Prefix of the panel's element ids. */
  id: string;
  nodes: string[];
  mode: RulesMode;
  node: string;
  rendered: Rendered | string;
  copied: boolean;
  /** Absent: the controls are disabled (before the rule renderers have arrived). */
  on?: { mode: (mode: RulesMode) => void; node: (node: string) => void; copy: () => void };
}

export function RulesView({ id, nodes, mode, node, rendered, copied, on }: RulesViewProps) {
  const lineId = (i: number) => `${id}-line-${i + 1}`;
  const title = `Rules on node ${node}`;
  const traversed = new Set(typeof rendered === 'string' ? [] : rendered.traversed);
  return (
    <section
      aria-labelledby={`${id}-heading`}
      // Below the fold on load: rendered later (its estimated height, until then, about its usual one).
      className={`my-4 flex min-w-0 flex-col gap-2 rounded-lg border border-border p-3 [--later-height:1000px] ${RENDER_LATER}`}
      data-rules-panel
    >
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h3>
      <p className="text-sm text-muted">
        What kube-proxy (v1.33) would program on this node for the current layout.
      </p>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span>Rules of proxy mode</span>
          <select
            className="rounded border border-border bg-bg p-1"
            value={mode}
            disabled={!on}
            onChange={on && ((e) => on.mode(e.target.value as RulesMode))}
          >
            {MODES.map((m) => (
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
            disabled={!on}
            onChange={on && ((e) => on.node(e.target.value))}
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
          onClick={on?.copy}
          disabled={!on || typeof rendered === 'string'}
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
                  data-traversed={traversed.has(i) || undefined}
                  className={`block scroll-mt-2 ${traversed.has(i) ? 'bg-accent/20 font-semibold' : ''}`}
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
