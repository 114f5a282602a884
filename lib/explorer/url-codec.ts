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
 * - inside traffic and topology (optional ninth part, left out when every item holds its default, so every
 *   code made before it existed still reads the same), items in this order, each only when not the default:
 *   d + c (ClusterIP) | n (NodePort): an inside sender's destination (default: the LB address);
 *   il: internalTrafficPolicy Local; a[seconds]: sessionAffinity ClientIP (seconds when not 10800);
 *   z + one letter per node, a | b | c (zone-a…c) or x (no zone); t + c | z | n: trafficDistribution
 *   PreferClose | PreferSameZone | PreferSameNode. Example: `1.C.it.h.nk.abc.arararbr.pc.dcila60zabctc`.
 *
 * Decoding reports the first part that is wrong, by name and position, instead of guessing: one Issue on the
 * URL parameter (`s`).
 */
import type { Issue } from '@/lib/validation/issues';
import type { Balancing, ProxyMode } from '@/lib/engine';
import {
  DEFAULT_AFFINITY_TIMEOUT,
  EXPLORER_LIMITS,
  MAX_AFFINITY_TIMEOUT,
  NODE_LETTERS,
  ZONES,
  type ExplorerPodState,
  type ExplorerState,
  type TrafficDistribution,
  type TrafficSource,
} from './state';

export const URL_PARAM = 's';
export const CODEC_VERSION = '1';

const PROXY: Record<ProxyMode, string> = {
  iptables: 'it',
  nftables: 'nf',
  ipvs: 'iv',
  'cilium-snat': 'cs',
  'cilium-dsr': 'cd',
};
const BALANCING: Record<Balancing, string> = { 'healthy-nodes': 'h', weighted: 'w', 'all-nodes': 'a' };
const POD_STATE: Record<ExplorerPodState, string> = { ready: 'r', 'not-ready': 'n', terminating: 't' };
const SOURCE: Record<TrafficSource['kind'], string> = { external: 'e', pod: 'p', node: 'n' };
const DESTINATION: Record<NonNullable<ExplorerState['destination']>, string> = {
  clusterIP: 'c',
  nodePort: 'n',
};
const DISTRIBUTION: Record<TrafficDistribution, string> = {
  PreferClose: 'c',
  PreferSameZone: 'z',
  PreferSameNode: 'n',
};
const ZONE_LETTERS = 'abc';

function invert<K extends string>(map: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as string, k as K]));
}
const PROXY_BY_CODE = invert(PROXY);
const BALANCING_BY_CODE = invert(BALANCING);
const POD_STATE_BY_CODE = invert(POD_STATE);
const SOURCE_BY_CODE = invert(SOURCE);
const DESTINATION_BY_CODE = invert(DESTINATION);
const DISTRIBUTION_BY_CODE = invert(DISTRIBUTION);

const letter = (i: number) => NODE_LETTERS[i] ?? '?';

/** The ninth part; '' when every item holds its default. */
function encodeExtras(state: ExplorerState): string {
  const zones = state.nodes.some((n) => n.zone)
    ? 'z' + state.nodes.map((n) => (n.zone ? ZONE_LETTERS[ZONES.indexOf(n.zone)] : 'x')).join('')
    : '';
  const timeout =
    state.affinity && state.affinity.timeoutSeconds !== DEFAULT_AFFINITY_TIMEOUT
      ? String(state.affinity.timeoutSeconds)
      : '';
  return [
    state.destination ? 'd' + DESTINATION[state.destination] : '',
    state.internalLocal ? 'il' : '',
    state.affinity ? 'a' + timeout : '',
    zones,
    state.trafficDistribution ? 't' + DISTRIBUTION[state.trafficDistribution] : '',
  ].join('');
}

export function encodeState(state: ExplorerState): string {
  const extras = encodeExtras(state);
  return [
    CODEC_VERSION,
    state.policy === 'Cluster' ? 'C' : 'L',
    PROXY[state.proxyMode],
    BALANCING[state.balancing],
    (state.targets === 'pods' ? 'p' : 'n') + (state.preservesClientIP ? 'k' : 'x'),
    state.nodes.map((n, i) => (n.drained ? letter(i).toUpperCase() : letter(i))).join(''),
    state.pods.length === 0
      ? '-'
      : state.pods
          .map(
            (p, i) =>
              letter(p.node) +
              POD_STATE[p.state] +
              (p.id !== undefined && p.id !== i + 1 ? String(p.id) : ''),
          )
          .join(''),
    SOURCE[state.source.kind] + letter(state.source.node),
    ...(extras ? [extras] : []),
  ].join('.');
}

export type DecodeResult = { ok: true; state: ExplorerState } | { ok: false; issues: Issue[] };

const PARTS = [
  'version',
  'policy',
  'proxy mode',
  'balancing',
  'load balancer',
  'nodes',
  'pods',
  'traffic source',
  'inside traffic and topology',
] as const;
const REQUIRED_PARTS = 8;

type Extras = Pick<ExplorerState, 'destination' | 'internalLocal' | 'affinity' | 'trafficDistribution'> & {
  zones: (ExplorerState['nodes'][number]['zone'] | undefined)[];
};

/** Reads the ninth part; an error message when it is not in the grammar of the module comment. */
function decodeExtras(text: string, nodeCount: number, outside: boolean): Extras | string {
  const extras: Extras = { zones: [] };
  let rest = text;
  const take = (re: RegExp) => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  if (text === '') return 'empty (leave the part out when every item holds its default)';
  const d = take(/^d([a-z])/);
  if (d) {
    const destination = DESTINATION_BY_CODE.get(d[1] ?? '');
    if (!destination) return `destination "d${d[1]}" must be dc (ClusterIP) or dn (NodePort)`;
    if (outside)
      return 'a destination (d…) is only for a sender inside the cluster; outside traffic goes to the load balancer';
    extras.destination = destination;
  }
  if (take(/^il/)) extras.internalLocal = true;
  const a = take(/^a(\d*)/);
  if (a) {
    const seconds = a[1] ? Number(a[1]) : DEFAULT_AFFINITY_TIMEOUT;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_AFFINITY_TIMEOUT)
      return `affinity timeout ${a[1]} s is not from 1 to ${MAX_AFFINITY_TIMEOUT}`;
    extras.affinity = { timeoutSeconds: seconds };
  }
  if (rest.startsWith('z')) {
    // Exactly one letter per node (a trafficDistribution item may follow).
    const zones = rest.slice(1, 1 + nodeCount);
    rest = rest.slice(1 + zones.length);
    if (zones.length !== nodeCount) return `zones "${zones}" must give one letter per node (${nodeCount})`;
    for (const [i, c] of [...zones].entries()) {
      if (c !== 'x' && !ZONE_LETTERS.includes(c))
        return `node ${i + 1}'s zone "${c}" is not a, b, c or x (none)`;
      extras.zones[i] = c === 'x' ? undefined : ZONES[ZONE_LETTERS.indexOf(c)];
    }
  }
  const t = take(/^t([a-z])/);
  if (t) {
    const value = DISTRIBUTION_BY_CODE.get(t[1] ?? '');
    if (!value) return `trafficDistribution "t${t[1]}" must be tc, tz or tn`;
    extras.trafficDistribution = value;
  }
  if (rest !== '') return `cannot read "${rest}" (items in order: d…, il, a…, z…, t…)`;
  return extras;
}

export function decodeState(text: string): DecodeResult {
  const parts = text.split('.');
  const refuse = (message: string): DecodeResult => ({ ok: false, issues: [{ path: URL_PARAM, message }] });
  const fail = (i: number, message: string) =>
    refuse(`layout "${text}", part ${i + 1} (${PARTS[i] ?? 'extra'}): ${message}`);
  if (parts[0] !== CODEC_VERSION)
    return fail(0, `unknown version "${parts[0] ?? ''}" (this explorer reads version ${CODEC_VERSION})`);
  if (parts.length !== REQUIRED_PARTS && parts.length !== PARTS.length) {
    return refuse(
      `layout "${text}": expected ${REQUIRED_PARTS} parts separated by "." (${PARTS.length} with the inside-traffic settings), found ${parts.length}`,
    );
  }
  const [, policy = '', proxy = '', balancing = '', lb = '', nodes = '', pods = '', source = '', extrasText] =
    parts;
  if (policy !== 'C' && policy !== 'L') return fail(1, `"${policy}" is not C (Cluster) or L (Local)`);
  const proxyMode = PROXY_BY_CODE.get(proxy);
  if (!proxyMode) return fail(2, `unknown code "${proxy}" (one of ${[...PROXY_BY_CODE.keys()].join(', ')})`);
  const bal = BALANCING_BY_CODE.get(balancing);
  if (!bal) return fail(3, `unknown code "${balancing}" (one of h, w, a)`);
  if (!/^[np][kx]$/.test(lb)) return fail(4, `"${lb}" must be n or p followed by k or x`);
  if (nodes.length < EXPLORER_LIMITS.minNodes || nodes.length > EXPLORER_LIMITS.maxNodes) {
    return fail(
      5,
      `${nodes.length} nodes; the explorer holds ${EXPLORER_LIMITS.minNodes} to ${EXPLORER_LIMITS.maxNodes}`,
    );
  }
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]?.toLowerCase() !== letter(i))
      return fail(
        5,
        `node ${i + 1} must be "${letter(i)}" or "${letter(i).toUpperCase()}", found "${nodes[i]}"`,
      );
  }
  const nodeIndex = (c: string) => NODE_LETTERS.slice(0, nodes.length).indexOf(c);
  const podList: ExplorerState['pods'] = [];
  if (pods !== '-') {
    if (!/^([a-z][a-z]\d*)+$/.test(pods))
      return fail(
        6,
        'each Pod is two letters: node letter and state (then, optionally, the number in its name)',
      );
    const tokens = [...pods.matchAll(/([a-z])([a-z])(\d*)/g)];
    const ids = new Set<number>();
    for (const [i, t] of tokens.entries()) {
      const node = nodeIndex(t[1] ?? '');
      const state = POD_STATE_BY_CODE.get(t[2] ?? '');
      if (node < 0) return fail(6, `Pod ${i + 1} is on "${t[1]}", which is not one of the nodes`);
      if (!state) return fail(6, `Pod ${i + 1} has state "${t[2]}" (one of r, n, t)`);
      const id = t[3] ? Number(t[3]) : i + 1;
      if (id < 1 || id > 99 || ids.has(id))
        return fail(6, `Pod ${i + 1} is numbered ${id}, which is taken or not from 1 to 99`);
      ids.add(id);
      podList.push(id === i + 1 ? { node, state } : { node, state, id });
    }
  }
  if (podList.length > EXPLORER_LIMITS.maxPods)
    return fail(6, `${podList.length} Pods; at most ${EXPLORER_LIMITS.maxPods}`);
  for (let n = 0; n < nodes.length; n++) {
    if (podList.filter((p) => p.node === n).length > EXPLORER_LIMITS.maxPodsPerNode) {
      return fail(6, `more than ${EXPLORER_LIMITS.maxPodsPerNode} Pods on node-${letter(n)}`);
    }
  }
  const kind = SOURCE_BY_CODE.get(source[0] ?? '');
  const sourceNode = nodeIndex(source.slice(1));
  if (!kind || source.length !== 2) return fail(7, `"${source}" must be e, p or n followed by a node letter`);
  if (sourceNode < 0) return fail(7, `node "${source.slice(1)}" is not one of the nodes`);
  const extras =
    extrasText === undefined ? { zones: [] } : decodeExtras(extrasText, nodes.length, kind === 'external');
  if (typeof extras === 'string') return fail(8, extras);
  const { zones, ...service } = extras;
  return {
    ok: true,
    state: {
      policy: policy === 'C' ? 'Cluster' : 'Local',
      proxyMode,
      balancing: bal,
      targets: lb[0] === 'p' ? 'pods' : 'nodes',
      preservesClientIP: lb[1] === 'k',
      nodes: [...nodes].map((c, i) => {
        const zone = zones[i];
        return zone ? { drained: c !== c.toLowerCase(), zone } : { drained: c !== c.toLowerCase() };
      }),
      pods: podList,
      source: { kind, node: sourceNode },
      ...service,
    },
  };
}

/** The explorer's state from a location's query string; an absent parameter is the default layout. */
export function stateFromSearch(search: string, fallback: ExplorerState): DecodeResult {
  const value = new URLSearchParams(search).get(URL_PARAM);
  return value === null ? { ok: true, state: fallback } : decodeState(value);
}
