/**
 * The cluster diagram for many nodes: one card per group of nodes that behave alike (groups.ts) instead of one
 * box per node and Pod, so that a cluster of hundreds of nodes and thousands of Pods stays readable and cheap
 * to draw. Text only (no SVG): each card says everything it shows. Pure props, no hooks.
 */
import type { Answer, FlowAnswer, Scenario } from '@/lib/engine';
import { POD_STATE_GLYPH, POD_STATE_LABEL, describeFlow, type PodState } from './describe';
import { groupNodes } from './groups';

/** Cards drawn; the remaining groups are counted in one line. */
export const MAX_GROUP_CARDS = 24;

const STATE_ORDER: PodState[] = ['ready', 'not-ready', 'terminating-serving', 'terminating', 'not-selected'];

function podsText(pods: Partial<Record<PodState, number>>): string {
  const parts = STATE_ORDER.filter((s) => pods[s]).map((s) => `${pods[s]} ${POD_STATE_GLYPH[s]} ${POD_STATE_LABEL[s]}`);
  return parts.length === 0 ? 'no Pods of the Service' : parts.join(', ');
}

function nodesText(nodes: string[]): string {
  if (nodes.length === 1) return nodes[0]!;
  if (nodes.length === 2) return `${nodes[0]} and ${nodes[1]}`;
  return `${nodes[0]} … ${nodes[nodes.length - 1]}`;
}

export function GroupedClusterDiagram({ scenario, answer, highlightFlow, title, id }: { scenario: Scenario; answer: Answer | null; highlightFlow?: number; title: string; id: string }) {
  const flow: FlowAnswer | undefined = highlightFlow !== undefined ? answer?.flows[highlightFlow] : undefined;
  const groups = groupNodes(scenario, answer, flow);
  const shown = groups.slice(0, MAX_GROUP_CARDS);
  const hidden = groups.slice(MAX_GROUP_CARDS);
  const hiddenNodes = hidden.reduce((n, g) => n + g.nodes.length, 0);
  const lb = scenario.service.type === 'LoadBalancer';
  return (
    <figure className="my-6" aria-labelledby={`${id}-caption`} data-diagram data-grouped>
      <div className="rounded-lg border border-border bg-bg p-2">
        <p className="mx-auto mb-2 w-fit rounded-lg border border-border bg-surface px-3 py-1 text-center text-sm">
          {lb
            ? `Client ${scenario.client.ip} → load balancer (${scenario.loadBalancer.provider}, ${scenario.loadBalancer.balancing})`
            : `Client ${scenario.client.ip} → ${scenario.service.type === 'NodePort' ? 'each node’s NodePort' : 'the Service'}`}
        </p>
        <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3" aria-label={`${title}: groups of nodes`}>
          {shown.map((g) => (
            <li key={g.nodes[0]} data-group className={`rounded-lg border bg-surface p-2 text-sm ${g.entry ? 'border-2 border-accent' : 'border-border'} ${g.leaving ? 'border-dashed' : ''}`}>
              <p className="font-semibold">
                {`${g.nodes.length} node${g.nodes.length === 1 ? '' : 's'}${g.zone ? ` in ${g.zone}` : ''}`}
                {g.leaving && <span className="text-warn">{' · ⚠ being deleted'}</span>}
              </p>
              <p className="break-all text-muted">{nodesText(g.nodes)}</p>
              <p>{`Each: ${podsText(g.pods)}`}</p>
              {g.lbShare !== null && <p>{`Balancer sends each ${g.lbShare}`}</p>}
              {g.healthCheck && (
                <p className={g.healthCheck.status === 200 ? 'text-ok' : 'text-bad'}>
                  {`HC :${answer?.healthChecks?.port} → ${g.healthCheck.status}${g.healthCheck.status === 200 ? ' ✓' : ' ✗'} · weight ${g.healthCheck.weight}`}
                </p>
              )}
              {g.entry && <p className="font-semibold text-accent">{`Highlighted flow enters at ${g.entry}`}</p>}
              {g.flowShare !== null && g.flowShare !== '0' && <p className="text-accent">{`→ ${g.flowShare} of the highlighted flow lands on these nodes’ Pods`}</p>}
            </li>
          ))}
        </ul>
        {hidden.length > 0 && <p className="mt-2 text-sm">{`…and ${hiddenNodes} more nodes in ${hidden.length} other groups.`}</p>}
      </div>
      <figcaption className="mt-2 text-sm text-muted">
        <span id={`${id}-caption`}>
          {`${title}: ${scenario.cluster.nodes.length} nodes in ${groups.length} group${groups.length === 1 ? '' : 's'} of nodes that behave alike (zone, Pods by state, balancer share, health check)`}
          {flow ? ` — highlighted: ${describeFlow(flow)}.` : '.'}
        </span>
      </figcaption>
    </figure>
  );
}
