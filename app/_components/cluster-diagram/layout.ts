/**
 * Pure geometry of the cluster diagram, in two arrangements drawn side by side in the HTML (CSS container
 * queries show the one that fits its box, so no figure scrolls and no text is scaled below ~10 px):
 *
 * - `row`: client and load balancer on top, one column per node below, the node's Pods stacked inside it.
 * - `stack`: the nodes one under another (for phones); the balancer's arrows leave from a trunk in the left
 *   gutter, the highlighted flow runs in a lane in the right gutter.
 *
 * Lines never cross text: flow paths run in gutters, lanes and the 8-unit channels between a node's edge and
 * its Pods. Text widths are estimated (`textWidth`), and labels are shortened to the width they have.
 */
import type { FlowAnswer, Scenario } from '@/lib/engine';
import { nodeColumns } from './describe';

export type Variant = 'row' | 'stack';
/** What sits above the nodes: the client and the load balancer, the client alone, or nothing (traffic from inside). */
export type Top = 'lb' | 'client' | 'none';

export const GEOMETRY = {
  /** Row: node width and the gap between nodes. */
  nodeWidth: 196,
  gap: 20,
  /** Stack: total width, left gutter (balancer trunk and its share labels) and right gutter (flow lane). */
  stackWidth: 320,
  leftGutter: 52,
  rightGutter: 14,
  stackGap: 16,
  clientWidth: 200,
  clientHeight: 44,
  lbWidth: 240,
  lbHeight: 58,
  clientY: 8,
  lbY: 84,
  nodeHeader: 92,
  podHeight: 54,
  podGap: 8,
  podInset: 8,
  bottomPad: 14,
  /** Space below the row's nodes for the flow lane. */
  laneSpace: 24,
  /** Row layouts narrower than this still get this width, so the top boxes fit. */
  minRowWidth: 320,
  /** When nodes carry zones: the band above a zone's nodes for its label, and the box's margin around them. */
  zoneBand: 20,
  zoneMargin: 8,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramLayout {
  variant: Variant;
  top: Top;
  width: number;
  height: number;
  client: Box;
  loadBalancer: Box;
  nodes: { name: string | null; label: string; box: Box }[];
  pods: { name: string; node: string | null; box: Box }[];
  /**
   * One labelled box per run of neighbouring nodes in the same zone (topology.kubernetes.io/zone), in node
   * order; nodes without a zone are in none. Empty when no node has a zone.
   */
  zones: { zone: string; nodes: string[]; box: Box }[];
  /** Row: the y of the lane under the nodes; stack: the x of the lane in the right gutter. */
  lane: number;
}

/** The zone of each node column (null for none, and for the pseudo-node of Pods without a node). */
function zoneOf(scenario: Scenario, node: string | null): string | null {
  if (node === null) return null;
  return scenario.cluster.nodes.find((n) => n.name === node)?.zone ?? null;
}

/** Runs of neighbouring nodes with the same zone, each with the box around its nodes (`margin` on the sides and below, the label band above). */
function zoneBoxes(
  scenario: Scenario,
  nodes: { name: string | null; box: Box }[],
  margin: number,
): DiagramLayout['zones'] {
  const g = GEOMETRY;
  const zones: DiagramLayout['zones'] = [];
  let run: { zone: string; members: { name: string | null; box: Box }[] } | null = null;
  const close = () => {
    if (!run) return;
    const first = run.members[0]!.box;
    const last = run.members[run.members.length - 1]!.box;
    const x = Math.min(first.x, last.x) - margin;
    const y = first.y - g.zoneBand;
    const right = Math.max(first.x + first.width, last.x + last.width) + margin;
    const bottom = Math.max(...run.members.map((m) => m.box.y + m.box.height)) + 6;
    zones.push({ zone: run.zone, nodes: run.members.map((m) => m.name ?? ''), box: { x, y, width: right - x, height: bottom - y } });
    run = null;
  };
  for (const n of nodes) {
    const zone = zoneOf(scenario, n.name);
    if (run && run.zone === zone) run.members.push(n);
    else {
      close();
      if (zone !== null) run = { zone, members: [n] };
    }
  }
  close();
  return zones;
}

/** Row width for `columns` node columns (the container-query thresholds in diagram.css follow it). */
export function rowWidth(columns: number): number {
  const g = GEOMETRY;
  return Math.max(columns * (g.nodeWidth + g.gap) + g.gap, g.minRowWidth);
}

/** Which top to draw: nothing outside the cluster when the traffic shown comes from a Pod or a node. */
export function topOf(scenario: Scenario, flow: FlowAnswer | undefined): Top {
  const internal = flow
    ? flow.from !== 'external'
    : scenario.traffic.length > 0 && scenario.traffic.every((t) => t.from !== 'external');
  if (internal) return 'none';
  return scenario.service.type === 'LoadBalancer' ? 'lb' : 'client';
}

function nodesY(top: Top): number {
  const g = GEOMETRY;
  if (top === 'lb') return g.lbY + g.lbHeight + 58;
  if (top === 'client') return g.clientY + g.clientHeight + 60;
  return 8;
}

function podsOf(scenario: Scenario) {
  const cols = nodeColumns(scenario);
  const podsByNode = new Map<string | null, string[]>(cols.map((c) => [c.name, []]));
  for (const pod of scenario.cluster.pods) podsByNode.get(pod.node)?.push(pod.pod);
  return { cols, podsByNode };
}

function nodeHeight(pods: number): number {
  const g = GEOMETRY;
  return g.nodeHeader + Math.max(pods, 0) * (g.podHeight + g.podGap) + g.bottomPad - (pods > 0 ? g.podGap : 0);
}

function placePods(box: Box, names: string[], node: string | null) {
  const g = GEOMETRY;
  return names.map((name, j) => ({
    name,
    node,
    box: {
      x: box.x + g.podInset,
      y: box.y + g.nodeHeader + j * (g.podHeight + g.podGap),
      width: box.width - 2 * g.podInset,
      height: g.podHeight,
    },
  }));
}

export function layoutDiagram(scenario: Scenario, variant: Variant = 'row', top: Top = 'lb'): DiagramLayout {
  const g = GEOMETRY;
  const { cols, podsByNode } = podsOf(scenario);
  const zoned = cols.some((c) => zoneOf(scenario, c.name) !== null);
  // Row: every node sits under the zone labels' band when any node has a zone.
  const y0 = nodesY(top) + (zoned && variant === 'row' ? g.zoneBand : 0);

  if (variant === 'row') {
    const maxPods = Math.max(1, ...[...podsByNode.values()].map((p) => p.length));
    const height = nodeHeight(maxPods);
    const width = rowWidth(cols.length);
    const used = cols.length * (g.nodeWidth + g.gap) - g.gap;
    const left = (width - used) / 2;
    const nodes = cols.map((c, i) => ({ ...c, box: { x: left + i * (g.nodeWidth + g.gap), y: y0, width: g.nodeWidth, height } }));
    const pods = nodes.flatMap((n) => placePods(n.box, podsByNode.get(n.name) ?? [], n.name));
    const centre = width / 2;
    return {
      variant,
      top,
      width,
      height: y0 + height + g.laneSpace,
      client: { x: centre - g.clientWidth / 2, y: g.clientY, width: g.clientWidth, height: g.clientHeight },
      loadBalancer: { x: centre - g.lbWidth / 2, y: g.lbY, width: g.lbWidth, height: g.lbHeight },
      nodes,
      pods,
      zones: zoned ? zoneBoxes(scenario, nodes, g.zoneMargin) : [],
      lane: y0 + height + 12,
    };
  }

  const width = g.stackWidth;
  const x = g.leftGutter;
  const nodeW = width - g.leftGutter - g.rightGutter;
  let y = y0;
  let previousZone: string | null = null;
  const nodes = cols.map((c) => {
    const zone = zoneOf(scenario, c.name);
    // Stack: a zone's label band above the first node of each run of the same zone.
    if (zone !== null && zone !== previousZone) y += g.zoneBand;
    previousZone = zone;
    const h = nodeHeight((podsByNode.get(c.name) ?? []).length);
    const box = { x, y, width: nodeW, height: h };
    y += h + g.stackGap;
    return { ...c, box };
  });
  const pods = nodes.flatMap((n) => placePods(n.box, podsByNode.get(n.name) ?? [], n.name));
  const centre = x + nodeW / 2;
  return {
    variant,
    top,
    width,
    height: y - g.stackGap + 8,
    client: { x: centre - g.clientWidth / 2, y: g.clientY, width: g.clientWidth, height: g.clientHeight },
    loadBalancer: { x: centre - g.lbWidth / 2, y: g.lbY, width: g.lbWidth, height: g.lbHeight },
    nodes,
    pods,
    zones: zoned ? zoneBoxes(scenario, nodes, 4) : [],
    lane: width - g.rightGutter / 2,
  };
}

/**
 * An estimate of a label's rendered width in px (system sans-serif): narrow, wide and upper-case letters
 * differ, bold is wider. It errs on the wide side so that a label it accepts fits; the browser test checks it.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    // Generous for wide system fonts (DejaVu Sans: bold digits are ~0.7 em).
    if (/[il.,:;|'!()[\]1 \-/·]/.test(ch)) em += 0.38;
    else if (/[mwMW@%]/.test(ch)) em += 0.95;
    else if (/[A-Z]/.test(ch)) em += 0.75;
    else if (/[→⇄✕⊘⚠✓✗↓–…⇢]/.test(ch)) em += 1;
    else em += 0.64;
  }
  return em * size * (bold ? 1.12 : 1);
}

/**
 * The longest form of `text` that fits `px`: unchanged, or its start and last six characters around a "…"
 * (generated names differ at the end, and questions name them).
 */
export function fitToWidth(text: string, px: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= px) return text;
  for (let max = text.length - 1; max > 8; max -= 1) {
    const candidate = shorten(text, max);
    if (textWidth(candidate, size, bold) <= px) return candidate;
  }
  return shorten(text, 8);
}

const KEPT_TAIL = 6;

/** `text` in at most `max` characters, keeping its start and its last six around a "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.min(KEPT_TAIL, Math.max(1, max - 3));
  return `${text.slice(0, Math.max(1, max - tail - 1))}…${text.slice(-tail)}`;
}
