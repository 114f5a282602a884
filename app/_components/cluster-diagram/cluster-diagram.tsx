/**
 * The cluster diagram shared by the article, the explorer and practice: an SVG of client, load balancer,
 * nodes (with their health-check answers) and Pods, with the engine's shares, SNAT and drop markers, plus
 * an accessible table that says the same thing. Pure props, no hooks: it renders as a Server Component
 * and inside client components alike.
 *
 * Two arrangements are rendered (layout.ts): a row of nodes and a stack of nodes. CSS container queries show
 * the row when it fits its box at 90 % scale or more, the stack otherwise, so the whole figure, and with it
 * the highlighted flow, is always in view and its text never shrinks below ~10 px.
 */
import type { Answer, FlowAnswer, Scenario } from '@/lib/engine';
import { externalFlowsAt } from '@/lib/engine/queries';
import { POD_STATE_GLYPH, POD_STATE_LABEL, describeFlow, podState, type PodState } from './describe';
import { fitToWidth, layoutDiagram, shorten, textWidth, topOf, type Box, type DiagramLayout, type Variant } from './layout';
import { DiagramTable } from './diagram-table';
import { DIAGRAM_CLASS as css, columnsClass } from './classes';
import { RENDER_LATER } from '../render-later/class-names';

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
  'per-zone': 'cross-zone off: per zone, then per node',
  'single-node': 'one announcing node receives everything',
  'announcing-nodes': 'equal over announcing nodes (ECMP)',
};

/** The balancer family named in the figure (R-LBK-10), so a question's diagram says what its prompt says. */
export const PROVIDER_LABEL: Record<Scenario['loadBalancer']['provider'], string> = {
  generic: 'Load balancer',
  gcp: 'GCP passthrough NLB',
  'aws-nlb': 'AWS NLB',
  'aws-clb': 'AWS classic LB',
  azure: 'Azure Standard LB',
  'metallb-l2': 'MetalLB (layer 2)',
  'metallb-bgp': 'MetalLB (BGP)',
};

/** The balancer's two lines under its name: its split (naming the layer-2 leader) and whether it keeps the client IP. */
export function balancerLines(scenario: Scenario, answer: Answer | null): string[] {
  const lb = scenario.loadBalancer;
  const leader = lb.balancing === 'single-node' ? Object.entries(answer?.loadBalancer ?? {}).find(([, s]) => s === '1')?.[0] : undefined;
  return [
    lb.targets === 'pods' ? 'IP targets: straight to Pods' : leader ? `leader ${leader} receives everything` : BALANCING_LABEL[lb.balancing],
    lb.preservesClientIP ? 'passes the client IP through' : `proxies from ${lb.ip}`,
  ];
}

const POD_STROKE: Record<PodState, { colour: string; dash?: string }> = {
  ready: { colour: 'var(--ok)' },
  'not-ready': { colour: 'var(--bad)', dash: '6 4' },
  'terminating-serving': { colour: 'var(--warn)', dash: '2 3' },
  terminating: { colour: 'var(--warn)', dash: '2 3' },
  'not-selected': { colour: 'var(--muted)', dash: '1 5' },
};

/** `text` in at most `max` characters, keeping its start and its distinguishing end (see layout.ts). */
export const fitLabel = shorten;

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'diagram';
}

/** Whether kube-proxy runs at all: Cilium's replacement has no kube-proxy, so no :10256/healthz. */
export function runsKubeProxy(scenario: Scenario): boolean {
  return !scenario.cluster.proxyMode.startsWith('cilium');
}

const centreX = (b: Box) => b.x + b.width / 2;
const PAD = 10;
/** Stack: the x of the balancer's trunk line in the left gutter. */
const TRUNK = 5;
const SMALL = 11;
const NORMAL = 12;
/** Row: a zone's label stays left of its first node's centre, clear of the balancer's share label beside the arrowhead. */
const ZONE_LABEL_ROOM = 66;
/** From a node's arrowhead to its share label beside it (row); a zone label keeps clear of both. */
const SHARE_LABEL_GAP = 7;

/** The zones and their nodes, in node order ("zone-a: node-a, node-b"); null when no node has a zone. */
export function zonesText(scenario: Scenario): string | null {
  const byZone = new Map<string, string[]>();
  for (const n of scenario.cluster.nodes) if (n.zone) byZone.set(n.zone, [...(byZone.get(n.zone) ?? []), n.name]);
  if (byZone.size === 0) return null;
  return [...byZone].map(([zone, nodes]) => `${zone}: ${nodes.join(', ')}`).join('; ');
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
  const zones = zonesText(scenario);
  if (zones) parts.push(`Zones: ${zones}.`);
  if (answer?.shares) parts.push(`Dropped: ${answer.shares.dropped}. Rejected: ${answer.shares.rejected}. Crossing nodes: ${answer.shares.crossNode}.`);
  parts.push('The table below gives every value.');
  return parts.join(' ');
}

/** The node a flow starts from or enters at, and the sending Pod when it comes from one. */
function flowOrigin(flow: FlowAnswer): { node: string | null; pod: string | null } {
  if (flow.from.startsWith('pod/')) return { node: flow.node, pod: flow.from.slice(4) };
  return { node: flow.node, pod: null };
}

interface SvgProps {
  scenario: Scenario;
  answer: Answer | null;
  flow: FlowAnswer | undefined;
  title: string;
  base: string;
  variant: Variant;
}

function DiagramSvg({ scenario, answer, flow, title, base, variant }: SvgProps) {
  const top = topOf(scenario, flow);
  const L: DiagramLayout = layoutDiagram(scenario, variant, top);
  const id = `${base}-${variant}`;
  const arrow = `${id}-arrow`;
  const podBox = new Map(L.pods.map((p) => [p.name, p.box]));
  const nodeBox = new Map(L.nodes.map((n) => [n.name, n.box]));
  const flowProbability = new Map(flow?.backends.filter((b) => b.probability !== '0').map((b) => [b.pod, b.probability]) ?? []);
  const podModel = new Map(scenario.cluster.pods.map((p) => [p.pod, p]));
  const origin = flow ? flowOrigin(flow) : null;
  const senderNode = flow && flow.from.startsWith('node/') ? flow.from.slice(5) : null;
  const kubeProxy = runsKubeProxy(scenario);
  // Nodes the outside traffic enters (for a NodePort or external-IP Service, the client's arrows).
  const entered = new Set(scenario.traffic.filter((t) => t.from === 'external' && t.node).map((t) => t.node));
  const lbLines = balancerLines(scenario, answer);
  const perZone = scenario.loadBalancer.balancing === 'per-zone';
  const stack = variant === 'stack';
  const source = top === 'lb' ? L.loadBalancer : L.client;

  /** Where outside traffic goes from the top box to a node: a straight arrow (row) or a trunk branch (stack). */
  const topArrow = (b: Box) =>
    stack
      ? `M${TRUNK},${b.y + 26} H${b.x - 1}`
      : `M${centreX(source)},${source.y + source.height} L${centreX(b)},${b.y - 1}`;

  /**
   * Where a zone's label goes in its band. Row: at the top left, unless the zone lies right of the top box: then the
   * arrows into its nodes come down from the left and would cross a label there, so it goes to the top right, clear
   * of the last node's arrow and of the share label beside that arrowhead. Stack: the whole band.
   */
  const zoneLabelPlace = (z: DiagramLayout['zones'][number]): { x: number; anchor: 'start' | 'end'; room: number } => {
    if (stack) return { x: z.box.x + 6, anchor: 'start', room: z.box.width - 12 };
    const members = L.nodes.filter((n) => n.name !== null && z.nodes.includes(n.name));
    const first = members[0];
    const last = members[members.length - 1];
    if (top === 'none' || !first || !last || centreX(first.box) < centreX(source)) return { x: z.box.x + 6, anchor: 'start', room: ZONE_LABEL_ROOM };
    const share = top === 'lb' && last.name !== null ? (answer?.loadBalancer?.[last.name] ?? '') : '';
    const right = z.box.x + z.box.width - 6;
    const clear = centreX(last.box) + SHARE_LABEL_GAP + (share ? textWidth(share, NORMAL, true) + 6 : 0);
    return { x: right, anchor: 'end', room: Math.max(24, right - clear) };
  };

  /** The highlighted flow from its origin to one backend, through gutters and channels only. */
  const flowPath = (target: Box, targetNode: Box): string | null => {
    if (!origin) return null;
    const from = nodeBox.get(origin.node);
    const senderPod = origin.pod ? podBox.get(origin.pod) : undefined;
    if (!from) return null;
    const midY = target.y + target.height / 2;
    if (stack) {
      const start = senderPod ? `M${senderPod.x + senderPod.width},${senderPod.y + senderPod.height / 2}` : `M${from.x + from.width},${from.y + 18}`;
      return `${start} H${L.lane} V${midY} H${target.x + target.width}`;
    }
    const start = senderPod
      ? `M${senderPod.x + senderPod.width},${senderPod.y + senderPod.height / 2} H${from.x + from.width - 4} V${from.y + from.height}`
      : `M${centreX(from)},${from.y + from.height}`;
    return `${start} V${L.lane} H${targetNode.x + 4} V${midY} H${target.x}`;
  };

  return (
    <svg
      viewBox={`0 0 ${L.width} ${L.height}`}
      width={L.width}
      height={L.height}
      style={{ maxWidth: stack ? L.width * 1.35 : L.width * 1.2 }}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className={`${css.svg} text-fg`}
      data-variant={variant}
      fontSize={NORMAL}
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summarize(scenario, answer)}</desc>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
        <marker id={`${arrow}-accent`} viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="var(--accent)" />
        </marker>
      </defs>

      {/* Client, load balancer, and the arrows to the nodes with each node's share of new connections */}
      {top !== 'none' && (
        <g data-box="client">
          <rect {...L.client} rx={8} fill="var(--surface)" stroke="currentColor" />
          <text x={centreX(L.client)} y={L.client.y + 18} textAnchor="middle" fontWeight={600} fill="currentColor">
            Client
          </text>
          <text x={centreX(L.client)} y={L.client.y + 34} textAnchor="middle" fill="currentColor">
            {scenario.client.ip}
          </text>
        </g>
      )}
      {top === 'lb' && (
        <>
          <path
            data-line
            d={`M${centreX(L.client)},${L.client.y + L.client.height} V${L.loadBalancer.y - 1}`}
            stroke="currentColor"
            markerEnd={`url(#${arrow})`}
          />
          <g data-box="load-balancer">
            <rect {...L.loadBalancer} rx={8} fill="var(--surface)" stroke="currentColor" />
            <text x={centreX(L.loadBalancer)} y={L.loadBalancer.y + 17} textAnchor="middle" fontWeight={600} fill="currentColor">
              {PROVIDER_LABEL[scenario.loadBalancer.provider]}
            </text>
            {lbLines.map((line, i) => (
              <text key={i} x={centreX(L.loadBalancer)} y={L.loadBalancer.y + 33 + i * 15} textAnchor="middle" fill={i === 0 ? 'currentColor' : 'var(--muted)'} fontSize={SMALL}>
                {fitToWidth(line, L.loadBalancer.width - 2 * PAD, SMALL)}
              </text>
            ))}
          </g>
        </>
      )}
      {top !== 'none' && stack && (
        <path
          data-line
          d={`M${source.x},${source.y + source.height / 2} H${TRUNK} V${Math.max(...L.nodes.filter((n) => n.name !== null && (top === 'lb' || entered.has(n.name))).map((n) => n.box.y + 26), source.y + source.height)}`}
          fill="none"
          stroke="currentColor"
        />
      )}
      {top !== 'none' &&
        L.nodes.map((n) => {
          if (n.name === null || (top === 'client' && !entered.has(n.name))) return null;
          const share = top === 'lb' ? answer?.loadBalancer?.[n.name] : undefined;
          const zero = share === '0';
          const entering = flow?.from === 'external' && flow.node === n.name;
          const d = topArrow(n.box);
          let label: { x: number; y: number; anchor: 'start' | 'end' } | null = null;
          if (share !== undefined) {
            if (stack) label = { x: TRUNK + 6, y: n.box.y + 18, anchor: 'start' };
            else {
              // Beside the arrowhead, on the side the line does not come from.
              const x1 = centreX(source);
              const x2 = centreX(n.box);
              label = { x: x2 + (x2 >= x1 ? SHARE_LABEL_GAP : -SHARE_LABEL_GAP), y: n.box.y - 5, anchor: x2 >= x1 ? 'start' : 'end' };
            }
          }
          return (
            <g key={`lb-${n.name}`} className={entering ? 'text-accent' : undefined}>
              <path
                data-line
                d={d}
                fill="none"
                stroke={zero ? 'var(--muted)' : 'currentColor'}
                strokeDasharray={zero ? '4 4' : undefined}
                strokeWidth={entering ? 2.5 : zero ? 1 : 1.5}
                markerEnd={`url(#${arrow}${entering ? '-accent' : ''})`}
              />
              {label && (
                <text x={label.x} y={label.y} textAnchor={label.anchor} fontWeight={700} fontSize={stack ? SMALL : NORMAL} fill="currentColor" stroke="var(--bg)" strokeWidth={4} paintOrder="stroke">
                  {share}
                </text>
              )}
            </g>
          );
        })}

      {/* Zones: a dotted box per run of nodes in the same zone, labelled with the zone */}
      {L.zones.map((z, i) => {
        const label = zoneLabelPlace(z);
        return (
          <g key={`zone-${i}`} data-box="zone">
            <rect {...z.box} rx={12} fill="none" stroke="var(--muted)" strokeDasharray="2 3" />
            <text x={label.x} y={z.box.y + 13} textAnchor={label.anchor} fontSize={SMALL} fill="var(--muted)">
              <title>{`zone ${z.zone}: ${z.nodes.join(', ')}`}</title>
              {fitToWidth(z.zone, label.room, SMALL)}
            </text>
          </g>
        );
      })}

      {/* Nodes */}
      {L.nodes.map((n) => {
        const model = n.name === null ? null : scenario.cluster.nodes.find((m) => m.name === n.name);
        const hc = n.name !== null ? answer?.healthChecks?.nodes[n.name] : undefined;
        const healthz = n.name !== null && kubeProxy ? answer?.proxyHealth?.[n.name]?.healthz : undefined;
        const ext = n.name !== null ? (answer ? externalFlowsAt(answer, n.name) : []) : [];
        const dropped = ext.some((f) => f.verdict === 'dropped');
        const rejected = ext.some((f) => f.verdict === 'rejected');
        const snat = ext.some((f) => f.verdict === 'forwarded' && f.masquerade);
        const leaving = !!model && (model.deleting || model.taints.includes('ToBeDeletedByClusterAutoscaler'));
        const sender = n.name !== null && n.name === senderNode;
        const b = n.box;
        const inner = b.width - 2 * PAD;
        const senderText = 'sender ⇢';
        const nameRoom = inner - (sender ? textWidth(senderText, SMALL, true) + 8 : 0);
        const leavingText = '⚠ being deleted';
        const marks = [snat ? '⇄ SNAT' : '', dropped ? '✕ DROP' : '', rejected ? '⊘ REJECT' : ''].filter(Boolean).join(' ');
        return (
          <g key={`node-${n.label}`} data-box="node">
            <rect {...b} rx={10} fill="var(--surface)" stroke={sender ? 'var(--accent)' : 'currentColor'} strokeWidth={sender ? 2.5 : 1} strokeDasharray={leaving ? '8 4' : undefined} />
            <text x={b.x + PAD} y={b.y + 18} fontWeight={700} fill="currentColor">
              <title>{n.label}</title>
              {fitToWidth(n.label, nameRoom, NORMAL, true)}
            </text>
            {sender && (
              <text x={b.x + b.width - PAD} y={b.y + 18} textAnchor="end" fontWeight={700} fontSize={SMALL} className="text-accent" fill="currentColor">
                {senderText}
              </text>
            )}
            {model && (
              <text x={b.x + PAD} y={b.y + 33} fill="var(--muted)" fontSize={SMALL}>
                {perZone && model.zone ? fitToWidth(`${model.ip} · ${model.zone}`, inner, SMALL) : model.ip}
              </text>
            )}
            {leaving && (
              <text x={b.x + b.width - PAD} y={b.y + 33} textAnchor="end" fontWeight={600} fontSize={SMALL} fill="var(--warn)">
                {leavingText}
              </text>
            )}
            {hc && (
              <text x={b.x + PAD} y={b.y + 50} fill={hc.status === 200 ? 'var(--ok)' : 'var(--bad)'} fontWeight={600}>
                {fitToWidth(`HC :${answer?.healthChecks?.port} → ${hc.status}${hc.status === 200 ? ' ✓' : ' ✗'} · ${hc.headers['X-Load-Balancing-Endpoint-Weight']}`, inner, NORMAL, true)}
              </text>
            )}
            {healthz !== undefined && (
              <text x={b.x + PAD} y={b.y + 66} fill="var(--muted)" fontSize={SMALL}>
                {`/healthz :10256 → ${healthz}`}
              </text>
            )}
            {marks && (
              <text x={b.x + PAD} y={b.y + 82} fontWeight={700} fontSize={SMALL} fill={dropped || rejected ? 'var(--bad)' : 'var(--warn)'}>
                {marks}
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
        const inner = b.width - 16;
        const sender = origin?.pod === p.name;
        const probability = flowProbability.get(p.name);
        const rightL3 = probability !== undefined ? `→ ${probability}` : sender ? 'sender ⇢' : null;
        const shareRoom = share !== undefined ? textWidth(share, NORMAL, true) + 8 : 0;
        return (
          <g key={`pod-${p.name}`} data-box="pod">
            <rect {...b} rx={6} fill="var(--bg)" stroke={sender ? 'var(--accent)' : stroke.colour} strokeWidth={sender ? 3 : 2} strokeDasharray={sender ? undefined : stroke.dash} />
            <text x={b.x + 8} y={b.y + 17} fontWeight={600} fill="currentColor">
              <title>{p.name}</title>
              {`${POD_STATE_GLYPH[state]} ${fitToWidth(p.name, inner - textWidth(`${POD_STATE_GLYPH[state]} `, NORMAL, true), NORMAL, true)}`}
            </text>
            {share !== undefined && (
              <text x={b.x + b.width - 8} y={b.y + 32} textAnchor="end" fontWeight={700} fill="currentColor">
                {share}
              </text>
            )}
            <text x={b.x + 8} y={b.y + 32} fontSize={SMALL} fill="currentColor">
              {fitToWidth(POD_STATE_LABEL[state], inner - shareRoom, SMALL)}
            </text>
            <text x={b.x + 8} y={b.y + 47} fontSize={SMALL} fill="var(--muted)">
              {pod.ip}
            </text>
            {rightL3 && (
              <text x={b.x + b.width - 8} y={b.y + 47} textAnchor="end" fontSize={SMALL} fontWeight={700} className="text-accent" fill="currentColor">
                {rightL3}
              </text>
            )}
          </g>
        );
      })}

      {/* The highlighted flow: from where it enters (or the sender) to each backend, with its probability */}
      {flow && (
        <g className="text-accent">
          {flow.backends
            .filter((bk) => bk.probability !== '0')
            .map((bk) => {
              const target = podBox.get(bk.pod);
              const targetNode = nodeBox.get(podModel.get(bk.pod)?.node ?? null);
              const d = target && targetNode ? flowPath(target, targetNode) : null;
              if (!d) return null;
              return <path key={`flow-${bk.pod}`} data-line data-flow d={d} fill="none" stroke="currentColor" strokeWidth={2} markerEnd={`url(#${arrow}-accent)`} />;
            })}
        </g>
      )}
    </svg>
  );
}

export function ClusterDiagram({ scenario, answer, highlightFlow, title, id }: ClusterDiagramProps) {
  const base = id ?? slug(title);
  const flow = highlightFlow !== undefined ? answer?.flows[highlightFlow] : undefined;
  const columns = Math.min(7, Math.max(1, scenario.cluster.nodes.length + (scenario.cluster.pods.some((p) => p.node === null) ? 1 : 0)));
  const kubeProxy = runsKubeProxy(scenario);
  const fromInside = flow !== undefined && flow.from !== 'external';
  const zoned = zonesText(scenario) !== null;
  return (
    <figure className={`my-6 ${RENDER_LATER}`} aria-labelledby={`${base}-caption`} data-diagram>
      <div className={`rounded-lg border border-border bg-bg p-2 ${css.box} ${columnsClass(columns)}`}>
        <DiagramSvg scenario={scenario} answer={answer} flow={flow} title={title} base={base} variant="row" />
        <DiagramSvg scenario={scenario} answer={answer} flow={flow} title={title} base={base} variant="stack" />
      </div>
      <figcaption className="mt-2 text-sm text-muted">
        <span id={`${base}-caption`}>
          {title}
          {flow ? ` — highlighted: ${describeFlow(flow)}.` : ''}
        </span>
        <span className="block text-xs">
          {`Key: ✓ ready, ✗ not ready, ↓ terminating (dashed and dotted outlines); the number at a Pod’s right is its share of all load-balancer traffic, → its probability in the highlighted flow${fromInside ? ', which starts at the sender (outlined)' : ''}; HC is the health-check node port’s status · local endpoints${kubeProxy ? '; /healthz is kube-proxy’s own health' : ''}; ⇄ SNAT, ✕ DROP and ⊘ REJECT mark what happens to outside traffic entering the node${zoned ? '; a dotted box groups the nodes of one zone, named in its top corner' : ''}.`}
        </span>
      </figcaption>
      <DiagramTable scenario={scenario} answer={answer} title={title} flow={flow} />
    </figure>
  );
}
