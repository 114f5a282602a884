/**
 * Nodes that behave alike, grouped: for clusters too large to draw node by node (an imported cluster of
 * hundreds of nodes). Two nodes are alike when they share zone, being-deleted state, their Pods by endpoint
 * state, the balancer's share and the health-check answer. Pure.
 */
import type { Answer, FlowAnswer, Scenario } from '@/lib/engine';
import { formatShare, parseShare, sumShares } from '@/lib/engine/fractions';
import { podState, type PodState } from './describe';

/** More nodes than this (or more Pods than GROUP_PODS_AT) and the explorer draws groups. */
export const GROUP_NODES_AT = 12;
export const GROUP_PODS_AT = 60;

export function drawsGroups(scenario: Scenario): boolean {
  return scenario.cluster.nodes.length > GROUP_NODES_AT || scenario.cluster.pods.length > GROUP_PODS_AT;
}

export interface NodeGroup {
  nodes: string[];
  zone: string | null;
  leaving: boolean;
  /** Each node's Pods by endpoint state. */
  pods: Partial<Record<PodState, number>>;
  /** Each node's share of the balancer's traffic (LoadBalancer Services). */
  lbShare: string | null;
  healthCheck: { status: number; weight: string } | null;
  /** The highlighted flow's probability summed over the Pods on these nodes. */
  flowShare: string | null;
  /** The node of this group where the highlighted flow enters or starts. */
  entry: string | null;
}

export function groupNodes(scenario: Scenario, answer: Answer | null, flow: FlowAnswer | undefined): NodeGroup[] {
  const podsOn = new Map<string, Partial<Record<PodState, number>>>();
  const podNode = new Map<string, string>();
  for (const p of scenario.cluster.pods) {
    if (p.node === null) continue;
    podNode.set(p.pod, p.node);
    const counts = podsOn.get(p.node) ?? {};
    const s = podState(p);
    counts[s] = (counts[s] ?? 0) + 1;
    podsOn.set(p.node, counts);
  }
  const flowByNode = new Map<string, string[]>();
  for (const b of flow?.backends ?? []) {
    const n = podNode.get(b.pod);
    if (n !== undefined && b.probability !== '0') flowByNode.set(n, [...(flowByNode.get(n) ?? []), b.probability]);
  }
  const entryNode = flow ? (flow.from.startsWith('node/') ? flow.from.slice(5) : flow.node) : null;
  const groups = new Map<string, NodeGroup & { flowShares: string[] }>();
  for (const n of scenario.cluster.nodes) {
    const pods = podsOn.get(n.name) ?? {};
    const hc = answer?.healthChecks?.nodes[n.name];
    const leaving = n.deleting || n.taints.includes('ToBeDeletedByClusterAutoscaler');
    const lbShare = answer?.loadBalancer?.[n.name] ?? null;
    const healthCheck = hc ? { status: hc.status, weight: hc.headers['X-Load-Balancing-Endpoint-Weight'] } : null;
    const key = JSON.stringify([n.zone, leaving, Object.entries(pods).sort(), lbShare, healthCheck]);
    let g = groups.get(key);
    if (!g) {
      g = { nodes: [], zone: n.zone, leaving, pods, lbShare, healthCheck, flowShare: null, entry: null, flowShares: [] };
      groups.set(key, g);
    }
    g.nodes.push(n.name);
    g.flowShares.push(...(flowByNode.get(n.name) ?? []));
    if (n.name === entryNode) g.entry = n.name;
  }
  return [...groups.values()].map(({ flowShares, ...g }) => ({
    ...g,
    flowShare: flow ? formatShare(sumShares(flowShares.map(parseShare))) : null,
  }));
}
