/**
 * Pure geometry of the cluster diagram: client and load balancer on top, one column per node below, the
 * node's Pods stacked inside it. The SVG scales through its viewBox; a minimum width keeps text readable
 * and the surrounding region scrolls horizontally on narrow screens.
 */
import type { Scenario } from '@/lib/engine';
import { nodeColumns } from './describe';

export const GEOMETRY = {
  nodeWidth: 196,
  gap: 20,
  topBoxWidth: 220,
  topBoxHeight: 44,
  clientY: 8,
  lbY: 92,
  nodeY: 200,
  nodeHeader: 92,
  podHeight: 54,
  podGap: 8,
  bottomPad: 14,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  client: Box;
  loadBalancer: Box;
  nodes: { name: string | null; label: string; box: Box }[];
  pods: { name: string; node: string | null; box: Box }[];
}

export function layoutDiagram(scenario: Scenario): DiagramLayout {
  const g = GEOMETRY;
  const cols = nodeColumns(scenario);
  const podsByNode = new Map<string | null, string[]>(cols.map((c) => [c.name, []]));
  for (const pod of scenario.cluster.pods) podsByNode.get(pod.node)?.push(pod.pod);
  const maxPods = Math.max(1, ...[...podsByNode.values()].map((p) => p.length));
  const nodeHeight = g.nodeHeader + maxPods * (g.podHeight + g.podGap) + g.bottomPad;
  const width = Math.max(cols.length * (g.nodeWidth + g.gap) + g.gap, g.topBoxWidth * 2 + g.gap * 3);
  const centre = width / 2;

  const nodes = cols.map((c, i) => ({
    ...c,
    box: { x: g.gap + i * (g.nodeWidth + g.gap), y: g.nodeY, width: g.nodeWidth, height: nodeHeight },
  }));
  const pods = nodes.flatMap((n) =>
    (podsByNode.get(n.name) ?? []).map((name, j) => ({
      name,
      node: n.name,
      box: {
        x: n.box.x + 8,
        y: n.box.y + g.nodeHeader + j * (g.podHeight + g.podGap),
        width: n.box.width - 16,
        height: g.podHeight,
      },
    })),
  );
  return {
    width,
    height: g.nodeY + nodeHeight + 8,
    client: { x: centre - g.topBoxWidth / 2, y: g.clientY, width: g.topBoxWidth, height: g.topBoxHeight },
    loadBalancer: { x: centre - g.topBoxWidth / 2, y: g.lbY, width: g.topBoxWidth, height: g.topBoxHeight },
    nodes,
    pods,
  };
}
