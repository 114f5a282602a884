/**
 * The cluster diagram shared by the article, the explorer and practice: an SVG of client, load balancer,
 * nodes (with their health-check answers) and Pods, with the engine's shares, SNAT and drop markers, plus
 * an accessible table that says the same thing. Pure props, no hooks: it renders as a Server Component
 * and inside client components alike.
 */
import type { Answer, Scenario } from '@/lib/engine';
import {
  POD_STATE_GLYPH,
  POD_STATE_LABEL,
  describeFlow,
  podState,
  type PodState,
} from './describe';
import { layoutDiagram, GEOMETRY, type Box } from './layout';
import { DiagramTable } from './diagram-table';
import css from './diagram.module.css';

export interface ClusterDiagramProps {
  scenario: Scenario;
  /** The engine's answer for `scenario`; null draws the layout alone (e.g. before the learner answers). */
  answer: Answer | null;
  /** Index into `answer.flows`: its backends are drawn with their probabilities. */
  highlightFlow?: number;
  title: string;
  /** Unique per page when two diagrams share a title. */
  id?: string;
}

const BALANCING_LABEL: Record<Scenario['loadBalancer']['balancing'], string> = {
  'healthy-nodes': 'equal over nodes passing its check',
  weighted: 'weighted by local endpoint count',
  'all-nodes': 'failing checks not yet noticed',
  'per-zone': 'per zone first, then over healthy nodes',
  'single-node': 'one announcing node receives everything',
  'announcing-nodes': 'equal over announcing nodes (ECMP)',
};

const POD_STROKE: Record<PodState, { colour: string; dash?: string }> = {
  ready: { colour: 'var(--ok)' },
  'not-ready': { colour: 'var(--bad)', dash: '6 4' },
  'terminating-serving': { colour: 'var(--warn)', dash: '2 3' },
  terminating: { colour: 'var(--warn)', dash: '2 3' },
  'not-selected': { colour: 'var(--muted)', dash: '1 5' },
};

/**
 * Characters that fit a node's or a Pod's name line. A longer name keeps its start and its last six characters
 * around a "…": generated names differ at the end (`web-7d9f8-x2k4q`), and questions name them. The full name
 * is the SVG title and is in the tables.
 */
const NODE_LABEL_CHARS = 22;
const POD_LABEL_CHARS = 19;
const KEPT_TAIL = 6;

export function fitLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - KEPT_TAIL - 1)}…${text.slice(-KEPT_TAIL)}`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'diagram';
}

function centreX(b: Box) {
  return b.x + b.width / 2;
}

/** One sentence for the SVG's accessible description. */
export function summarize(scenario: Scenario, answer: Answer | null): string {
  const s = scenario.service;
  const policy = answer?.service.externalTrafficPolicy ?? s.externalTrafficPolicy ?? 'unset';
  const parts = [
    `${scenario.cluster.nodes.length} nodes and ${scenario.cluster.pods.length} Pods; ${s.type} Service ${s.name} with externalTrafficPolicy ${policy}.`,
  ];
  if (answer?.loadBalancer) {
    parts.push(
      'The load balancer sends ' +
        Object.entries(answer.loadBalancer)
          .map(([n, share]) => `${share} to ${n}`)
          .join(', ') +
        '.',
    );
  }
  if (answer?.shares) parts.push(`Dropped: ${answer.shares.dropped}. Rejected: ${answer.shares.rejected}. Crossing nodes: ${answer.shares.crossNode}.`);
  parts.push('The table below gives every value.');
  return parts.join(' ');
}

export function ClusterDiagram({ scenario, answer, highlightFlow, title, id }: ClusterDiagramProps) {
  const base = id ?? slug(title);
  const L = layoutDiagram(scenario);
  const g = GEOMETRY;
  const arrow = `${base}-arrow`;
  const flow = highlightFlow !== undefined ? answer?.flows[highlightFlow] : undefined;
  const podBox = new Map(L.pods.map((p) => [p.name, p.box]));
  const nodeBox = new Map(L.nodes.map((n) => [n.name, n.box]));
  const flowProbability = new Map(flow?.backends.map((b) => [b.pod, b.probability]) ?? []);
  const podModel = new Map(scenario.cluster.pods.map((p) => [p.pod, p]));
  const showLb = scenario.service.type === 'LoadBalancer';
  const lbLines = [
    scenario.loadBalancer.targets === 'pods' ? 'IP targets: straight to Pods' : BALANCING_LABEL[scenario.loadBalancer.balancing],
    scenario.loadBalancer.preservesClientIP ? 'passes the client IP through' : `proxies from ${scenario.loadBalancer.ip}`,
  ];

  return (
    <figure className={`my-6 ${css.lazy}`} aria-labelledby={`${base}-caption`}>
      <div
        role="region"
        aria-label={`${title}: diagram (scrolls sideways)`}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-border bg-bg p-2"
      >
        <svg
          viewBox={`0 0 ${L.width} ${L.height}`}
          width={L.width}
          height={L.height}
          style={{ minWidth: Math.min(L.width, 560), width: '100%', height: 'auto' }}
          role="img"
          aria-labelledby={`${base}-title`}
          aria-describedby={`${base}-desc`}
          className="text-fg"
          fontSize={12}
          fontFamily="inherit"
        >
          <title id={`${base}-title`}>{title}</title>
          <desc id={`${base}-desc`}>{summarize(scenario, answer)}</desc>
          <defs>
            <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
            </marker>
          </defs>

          {/* Client and load balancer */}
          <g>
            <rect {...L.client} rx={8} fill="var(--surface)" stroke="currentColor" />
            <text x={centreX(L.client)} y={L.client.y + 18} textAnchor="middle" fontWeight={600} fill="currentColor">
              Client
            </text>
            <text x={centreX(L.client)} y={L.client.y + 34} textAnchor="middle" fill="currentColor">
              {scenario.client.ip}
            </text>
          </g>
          {showLb && (
            <g>
              <line
                x1={centreX(L.client)}
                y1={L.client.y + L.client.height}
                x2={centreX(L.loadBalancer)}
                y2={L.loadBalancer.y - 2}
                stroke="currentColor"
                markerEnd={`url(#${arrow})`}
              />
              <rect {...L.loadBalancer} rx={8} fill="var(--surface)" stroke="currentColor" />
              <text x={centreX(L.loadBalancer)} y={L.loadBalancer.y + 17} textAnchor="middle" fontWeight={600} fill="currentColor">
                Load balancer
              </text>
              <text x={centreX(L.loadBalancer)} y={L.loadBalancer.y + 33} textAnchor="middle" fill="currentColor" fontSize={11}>
                {lbLines[0]}
              </text>
              <text x={L.loadBalancer.x + L.loadBalancer.width + 8} y={L.loadBalancer.y + 26} fill="var(--muted)" fontSize={11}>
                {lbLines[1]}
              </text>
            </g>
          )}

          {/* Load balancer → node arrows with the share of new connections */}
          {showLb &&
            L.nodes.map((n) => {
              if (n.name === null) return null;
              const share = answer?.loadBalancer?.[n.name];
              const zero = share === '0';
              const x1 = centreX(L.loadBalancer);
              const y1 = L.loadBalancer.y + L.loadBalancer.height;
              const x2 = centreX(n.box);
              const y2 = n.box.y - 2;
              return (
                <g key={`lb-${n.name}`}>
                  <line
                    x1={x1}
                    y1={y1}
                    x2={x2}
                    y2={y2}
                    stroke={zero ? 'var(--muted)' : 'currentColor'}
                    strokeDasharray={zero ? '4 4' : undefined}
                    strokeWidth={zero ? 1 : 1.5}
                    markerEnd={`url(#${arrow})`}
                  />
                  {share !== undefined && (
                    <text
                      x={x1 + (x2 - x1) * 0.62}
                      y={y1 + (y2 - y1) * 0.62}
                      dx={x2 >= x1 ? 6 : -6}
                      textAnchor={x2 >= x1 ? 'start' : 'end'}
                      fontWeight={700}
                      fill="currentColor"
                      stroke="var(--bg)"
                      strokeWidth={4}
                      paintOrder="stroke"
                    >
                      {share}
                    </text>
                  )}
                </g>
              );
            })}

          {/* Nodes */}
          {L.nodes.map((n) => {
            const model = n.name === null ? null : scenario.cluster.nodes.find((m) => m.name === n.name);
            const hc = n.name !== null ? answer?.healthChecks?.nodes[n.name] : undefined;
            const healthz = n.name !== null ? answer?.proxyHealth?.[n.name]?.healthz : undefined;
            const ext = n.name !== null ? answer?.flows.filter((f) => f.from === 'external' && f.node === n.name) ?? [] : [];
            const dropped = ext.some((f) => f.verdict === 'dropped');
            const rejected = ext.some((f) => f.verdict === 'rejected');
            const snat = ext.some((f) => f.verdict === 'forwarded' && f.masquerade);
            const leaving = model !== null && model !== undefined && (model.deleting || model.taints.includes('ToBeDeletedByClusterAutoscaler'));
            const b = n.box;
            return (
              <g key={`node-${n.label}`}>
                <rect {...b} rx={10} fill="var(--surface)" stroke="currentColor" strokeDasharray={leaving ? '8 4' : undefined} />
                <text x={b.x + 10} y={b.y + 18} fontWeight={700} fill="currentColor">
                  <title>{n.label}</title>
                  {fitLabel(n.label, NODE_LABEL_CHARS)}
                </text>
                {leaving && (
                  <text x={b.x + 10} y={b.y + 82} fontWeight={600} fontSize={11} fill="var(--warn)">
                    ⚠ being deleted
                  </text>
                )}
                {model && (
                  <text x={b.x + 10} y={b.y + 33} fill="var(--muted)" fontSize={11}>
                    {model.ip}
                  </text>
                )}
                {hc && (
                  <text x={b.x + 10} y={b.y + 50} fill={hc.status === 200 ? 'var(--ok)' : 'var(--bad)'} fontWeight={600}>
                    {`HC :${answer?.healthChecks?.port} → ${hc.status}${hc.status === 200 ? ' ✓' : ' ✗'} · ${hc.headers['X-Load-Balancing-Endpoint-Weight']}`}
                  </text>
                )}
                {healthz !== undefined && (
                  <text x={b.x + 10} y={b.y + 66} fill="var(--muted)" fontSize={11}>
                    {`/healthz :10256 → ${healthz}`}
                  </text>
                )}
                {(dropped || rejected || snat) && (
                  <text
                    x={b.x + b.width - 10}
                    y={b.y + 66}
                    textAnchor="end"
                    fontWeight={700}
                    fontSize={11}
                    fill={dropped || rejected ? 'var(--bad)' : 'var(--warn)'}
                  >
                    {[snat ? '⇄ SNAT' : '', dropped ? '✕ DROP' : '', rejected ? '⊘ REJECT' : ''].filter(Boolean).join(' ')}
                  </text>
                )}
              </g>
            );
          })}

          {/* Pods */}
          {L.pods.map((p) => {
            const pod = podModel.get(p.name);
            if (!pod) return null;
            const state = podState(pod);
            const stroke = POD_STROKE[state];
            const share = answer?.shares?.pods[p.name];
            const b = p.box;
            return (
              <g key={`pod-${p.name}`}>
                <rect {...b} rx={6} fill="var(--bg)" stroke={stroke.colour} strokeWidth={2} strokeDasharray={stroke.dash} />
                <text x={b.x + 8} y={b.y + 17} fontWeight={600} fill="currentColor">
                  <title>{p.name}</title>
                  {`${POD_STATE_GLYPH[state]} ${fitLabel(p.name, POD_LABEL_CHARS)}`}
                </text>
                {share !== undefined && (
                  <text x={b.x + b.width - 8} y={b.y + 32} textAnchor="end" fontWeight={700} fill="currentColor">
                    {share}
                  </text>
                )}
                <text x={b.x + 8} y={b.y + 32} fontSize={11} fill="currentColor">
                  {POD_STATE_LABEL[state]}
                </text>
                <text x={b.x + 8} y={b.y + 47} fontSize={11} fill="var(--muted)">
                  {pod.ip}
                </text>
                {flowProbability.has(p.name) && (
                  <text x={b.x + b.width - 8} y={b.y + 47} textAnchor="end" fontSize={11} fontWeight={700} className="text-accent" fill="currentColor">
                    {`→ ${flowProbability.get(p.name)}`}
                  </text>
                )}
              </g>
            );
          })}

          {/* The highlighted flow: the entry node to each backend, with its probability */}
          {flow && (
            <g className="text-accent">
              {flow.backends.map((bk) => {
                const target = podBox.get(bk.pod);
                const from = nodeBox.get(flow.node);
                if (!target || !from) return null;
                const x1 = centreX(from);
                const y1 = from.y + g.nodeHeader - 14;
                const x2 = target.x + (centreX(from) < centreX(target) ? 4 : target.width - 4);
                const y2 = target.y + target.height / 2;
                const same = from.x === target.x - 8;
                const d = same
                  ? `M${from.x + 4},${y1} C${from.x - 6},${y1 + 20} ${from.x - 6},${y2} ${target.x},${y2}`
                  : `M${x1},${y1} C${x1},${y1 + 30} ${x2},${y2 - 30} ${x2},${y2}`;
                return (
                  <g key={`flow-${bk.pod}`}>
                    <path d={d} fill="none" stroke="currentColor" strokeWidth={2} markerEnd={`url(#${arrow})`} />
                  </g>
                );
              })}
            </g>
          )}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-muted">
        <span id={`${base}-caption`}>
          {title}
          {flow ? ` — highlighted: ${describeFlow(flow)}.` : ''}
        </span>
        <span className="block text-xs">
          Key: ✓ ready, ✗ not ready, ↓ terminating (dashed and dotted outlines); the number at a Pod’s top right is its share of all
          load-balancer traffic, → its probability in the highlighted flow; HC is the health-check node port’s status · local
          endpoints; ⇄ SNAT, ✕ DROP and ⊘ REJECT mark what happens to outside traffic entering the node.
        </span>
      </figcaption>
      <DiagramTable scenario={scenario} answer={answer} title={title} flow={flow} />
    </figure>
  );
}

