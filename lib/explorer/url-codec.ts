/**
 * Compact, versioned URL encoding of the explorer state, e.g. `1.L.it.h.nk.abC.arararbr.ea`:
 *
 *   version . policy . proxy mode . balancing . LB (targets + client IP) . nodes . pods . traffic source
 *
 * - policy: C | L
 * - proxy mode: it iptables, nf nftables, iv ipvs, cs cilium-snat, cd cilium-dsr
 * - balancing: h healthy-nodes, w weighted, a all-nodes
 * - LB: n (node targets) | p (IP targets), then k (passes the client IP) | x (proxies)
 * - nodes: one letter per node in order, a…f; upper case = drained
 * - pods: node letter + state (r ready, n not ready, t terminating) per Pod, then the number in its name
 *   when that is not its position + 1 (after a removal: `ar2br3`); "-" for none
 * - source: e (outside, entering at node) | p (a client Pod on node) | n (the node itself) + node letter
 *
 * Decoding reports the first part that is wrong, by name and position, instead of guessing: one Issue on the
 * URL parameter (`s`).
 */
import type { Issue } from '@/lib/validation/issues';
import type { Balancing, ProxyMode } from '@/lib/engine';
import { EXPLORER_LIMITS, NODE_LETTERS, type ExplorerPodState, type ExplorerState, type TrafficSource } from './state';

export const URL_PARAM = 's';
export const CODEC_VERSION = '1';

const PROXY: Record<ProxyMode, string> = { iptables: 'it', nftables: 'nf', ipvs: 'iv', 'cilium-snat': 'cs', 'cilium-dsr': 'cd' };
const BALANCING: Record<Balancing, string> = { 'healthy-nodes': 'h', weighted: 'w', 'all-nodes': 'a' };
const POD_STATE: Record<ExplorerPodState, string> = { ready: 'r', 'not-ready': 'n', terminating: 't' };
const SOURCE: Record<TrafficSource['kind'], string> = { external: 'e', pod: 'p', node: 'n' };

function invert<K extends string>(map: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as string, k as K]));
}
const PROXY_BY_CODE = invert(PROXY);
const BALANCING_BY_CODE = invert(BALANCING);
const POD_STATE_BY_CODE = invert(POD_STATE);
const SOURCE_BY_CODE = invert(SOURCE);

const letter = (i: number) => NODE_LETTERS[i] ?? '?';

export function encodeState(state: ExplorerState): string {
  return [
    CODEC_VERSION,
    state.policy === 'Cluster' ? 'C' : 'L',
    PROXY[state.proxyMode],
    BALANCING[state.balancing],
    (state.targets === 'pods' ? 'p' : 'n') + (state.preservesClientIP ? 'k' : 'x'),
    state.nodes.map((n, i) => (n.drained ? letter(i).toUpperCase() : letter(i))).join(''),
    state.pods.length === 0 ? '-' : state.pods.map((p, i) => letter(p.node) + POD_STATE[p.state] + (p.id !== undefined && p.id !== i + 1 ? String(p.id) : '')).join(''),
    SOURCE[state.source.kind] + letter(state.source.node),
  ].join('.');
}

export type DecodeResult = { ok: true; state: ExplorerState } | { ok: false; issues: Issue[] };

const PARTS = ['version', 'policy', 'proxy mode', 'balancing', 'load balancer', 'nodes', 'pods', 'traffic source'] as const;

export function decodeState(text: string): DecodeResult {
  const parts = text.split('.');
  const refuse = (message: string): DecodeResult => ({ ok: false, issues: [{ path: URL_PARAM, message }] });
  const fail = (i: number, message: string) => refuse(`layout "${text}", part ${i + 1} (${PARTS[i] ?? 'extra'}): ${message}`);
  if (parts[0] !== CODEC_VERSION) return fail(0, `unknown version "${parts[0] ?? ''}" (this explorer reads version ${CODEC_VERSION})`);
  if (parts.length !== PARTS.length) {
    return refuse(`layout "${text}": expected ${PARTS.length} parts separated by ".", found ${parts.length}`);
  }
  const [, policy = '', proxy = '', balancing = '', lb = '', nodes = '', pods = '', source = ''] = parts;
  if (policy !== 'C' && policy !== 'L') return fail(1, `"${policy}" is not C (Cluster) or L (Local)`);
  const proxyMode = PROXY_BY_CODE.get(proxy);
  if (!proxyMode) return fail(2, `unknown code "${proxy}" (one of ${[...PROXY_BY_CODE.keys()].join(', ')})`);
  const bal = BALANCING_BY_CODE.get(balancing);
  if (!bal) return fail(3, `unknown code "${balancing}" (one of h, w, a)`);
  if (!/^[np][kx]$/.test(lb)) return fail(4, `"${lb}" must be n or p followed by k or x`);
  if (nodes.length < EXPLORER_LIMITS.minNodes || nodes.length > EXPLORER_LIMITS.maxNodes) {
    return fail(5, `${nodes.length} nodes; the explorer holds ${EXPLORER_LIMITS.minNodes} to ${EXPLORER_LIMITS.maxNodes}`);
  }
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]?.toLowerCase() !== letter(i)) return fail(5, `node ${i + 1} must be "${letter(i)}" or "${letter(i).toUpperCase()}", found "${nodes[i]}"`);
  }
  const nodeIndex = (c: string) => NODE_LETTERS.slice(0, nodes.length).indexOf(c);
  const podList: ExplorerState['pods'] = [];
  if (pods !== '-') {
    if (!/^([a-z][a-z]\d*)+$/.test(pods)) return fail(6, 'each Pod is two letters: node letter and state (then, optionally, the number in its name)');
    const tokens = [...pods.matchAll(/([a-z])([a-z])(\d*)/g)];
    const ids = new Set<number>();
    for (const [i, t] of tokens.entries()) {
      const node = nodeIndex(t[1] ?? '');
      const state = POD_STATE_BY_CODE.get(t[2] ?? '');
      if (node < 0) return fail(6, `Pod ${i + 1} is on "${t[1]}", which is not one of the nodes`);
      if (!state) return fail(6, `Pod ${i + 1} has state "${t[2]}" (one of r, n, t)`);
      const id = t[3] ? Number(t[3]) : i + 1;
      if (id < 1 || id > 99 || ids.has(id)) return fail(6, `Pod ${i + 1} is numbered ${id}, which is taken or not from 1 to 99`);
      ids.add(id);
      podList.push(id === i + 1 ? { node, state } : { node, state, id });
    }
  }
  if (podList.length > EXPLORER_LIMITS.maxPods) return fail(6, `${podList.length} Pods; at most ${EXPLORER_LIMITS.maxPods}`);
  for (let n = 0; n < nodes.length; n++) {
    if (podList.filter((p) => p.node === n).length > EXPLORER_LIMITS.maxPodsPerNode) {
      return fail(6, `more than ${EXPLORER_LIMITS.maxPodsPerNode} Pods on node-${letter(n)}`);
    }
  }
  const kind = SOURCE_BY_CODE.get(source[0] ?? '');
  const sourceNode = nodeIndex(source.slice(1));
  if (!kind || source.length !== 2) return fail(7, `"${source}" must be e, p or n followed by a node letter`);
  if (sourceNode < 0) return fail(7, `node "${source.slice(1)}" is not one of the nodes`);
  return {
    ok: true,
    state: {
      policy: policy === 'C' ? 'Cluster' : 'Local',
      proxyMode,
      balancing: bal,
      targets: lb[0] === 'p' ? 'pods' : 'nodes',
      preservesClientIP: lb[1] === 'k',
      nodes: [...nodes].map((c) => ({ drained: c !== c.toLowerCase() })),
      pods: podList,
      source: { kind, node: sourceNode },
    },
  };
}

/** The explorer's state from a location's query string; an absent parameter is the default layout. */
export function stateFromSearch(search: string, fallback: ExplorerState): DecodeResult {
  const value = new URLSearchParams(search).get(URL_PARAM);
  return value === null ? { ok: true, state: fallback } : decodeState(value);
}
