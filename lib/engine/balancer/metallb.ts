/**
 * MetalLB (R-LBK-7 layer 2, R-LBK-8 BGP): which nodes announce the Service's address. MetalLB runs no health
 * checks; a speaker decides from the EndpointSlices (MLB-EPS EndpointCanServe: ready unset/true, or serving).
 *
 * - Eligible speakers: `loadBalancer.speakers` (default every node) minus nodes labelled
 *   node.kubernetes.io/exclude-from-external-load-balancers. If no endpoint anywhere can serve, nobody announces.
 * - externalTrafficPolicy Local: only nodes with a servable endpoint whose nodeName is that node (serving-
 *   terminating endpoints count; an endpoint without nodeName never does).
 * - Layer 2: the leader is the first eligible node sorted by preferredNodes score (descending), then bytewise by
 *   sha256(nodeName + "#" + first ingress IP); it alone answers ARP and receives everything.
 * - BGP: every eligible node announces; the router spreads flows equally over them (ECMP).
 */
import type { EngineContext } from '../context';
import type { EndpointModel, NodeModel } from '../model';
import { sha256Hex } from './sha256';
import { EXCLUDE_LABEL } from './targets';

export interface Announcement {
  /** The nodes announcing the address, in announcement order (layer 2: the leader first). */
  nodes: NodeModel[];
  /** Why nobody announces (when `nodes` is empty), or how the set was restricted. */
  reason: string;
  /** Layer 2: the candidates in leader order, with their hash prefixes, for the steps. */
  order: Array<{ node: NodeModel; score: number; hash: string }>;
}

const canServe = (e: EndpointModel) => e.ready || e.serving;

function eligible(ctx: EngineContext): { nodes: NodeModel[]; reason: string } {
  const { scenario, flags } = ctx;
  const speakers = new Set(scenario.loadBalancer.speakers);
  let nodes = scenario.cluster.nodes.filter((n) => speakers.has(n.name) && !(EXCLUDE_LABEL in n.labels));
  if (nodes.length === 0) return { nodes, reason: 'no node runs an eligible speaker (loadBalancer.speakers, minus nodes excluded from external load balancers)' };
  if (!scenario.endpoints.some(canServe)) return { nodes: [], reason: 'no endpoint anywhere can serve (ready or serving)' };
  if (flags.externalPolicyLocal) {
    const withLocal = new Set(scenario.endpoints.filter((e) => e.node !== null && canServe(e)).map((e) => e.node));
    nodes = nodes.filter((n) => withLocal.has(n.name));
    return {
      nodes,
      reason: nodes.length === 0 ? 'externalTrafficPolicy is Local and no speaker node has a servable local endpoint' : 'externalTrafficPolicy is Local, so only speaker nodes with a servable local endpoint',
    };
  }
  return { nodes, reason: 'every eligible speaker' };
}

/** R-LBK-7: the layer-2 leader order (empty when nobody may announce). */
export function layer2Announcement(ctx: EngineContext): Announcement {
  const ip = ctx.scenario.service.ingress[0]?.ip;
  if (ip === undefined) return { nodes: [], reason: 'the Service has no ingress IP to announce', order: [] };
  const e = eligible(ctx);
  const scores = ctx.scenario.loadBalancer.preferredNodes;
  const order = e.nodes
    .map((node) => ({ node, score: scores[node.name] ?? 0, hash: sha256Hex(`${node.name}#${ip}`) }))
    .sort((a, b) => b.score - a.score || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return { nodes: order.slice(0, 1).map((o) => o.node), reason: e.reason, order };
}

/** R-LBK-8: the nodes announcing the route. */
export function bgpAnnouncement(ctx: EngineContext): Announcement {
  if (ctx.scenario.service.ingress[0] === undefined) return { nodes: [], reason: 'the Service has no ingress IP to announce', order: [] };
  const e = eligible(ctx);
  return { nodes: e.nodes, reason: e.reason, order: [] };
}
