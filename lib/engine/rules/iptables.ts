/**
 * What kube-proxy programs in iptables mode on one node: the `filter` and `nat` tables exactly as its
 * syncProxyRules writes them to iptables-restore (pkg/proxy/iptables/proxier.go, see KUBE_PROXY_SOURCE in
 * version.ts): chain lines, then rules, in kube-proxy's order and argument order, with its comments and its
 * probability formatting. Eligibility is never re-derived here: the endpoint sets come from the engine's
 * EngineContext.categorization (R-EP-1..5) and the Service flags from serviceFlags (§1).
 *
 * Several Services can be rendered into one table set (renderIptablesServices) by giving one scenario per
 * Service over the same cluster; each Service's ports are rendered in order (kube-proxy walks a Go map, so its
 * own order between Services is random; its tests sort, see tests/lib/engine/rules/normalize.ts).
 */
import type { EngineContext } from '../context/context';
import type { NodeModel, Scenario, ServicePortModel } from '../model';
import { cidrContains, parseCidr } from '../net';
import {
  DEFAULT_MASQUERADE_MARK,
  detectorCidr as detectorCidrOf,
  endpointSets,
  forOneService,
  renderTarget,
  RulesError,
  servicePorts,
  portFacts,
  loadBalancerVIPs,
  sourceRanges as sourceRangesOf,
  type RenderedEndpoint,
} from './common';
import { formatFixed } from './decimal';
import { endpointChainName, serviceChainNames } from './names';

export type IptablesTableName = 'filter' | 'nat';

/** One `-A CHAIN …` line; `service` is the service port it belongs to ("ns/name:port"), null for shared rules. */
export interface IptablesRule {
  table: IptablesTableName;
  chain: string;
  /** The arguments after "-A CHAIN", as kube-proxy writes them (comments already quoted when they contain spaces). */
  args: string[];
  service: string | null;
  /** The full line: "-A CHAIN args…". */
  line: string;
}

export interface IptablesTable {
  name: IptablesTableName;
  /** Chains in the order kube-proxy declares them (":CHAIN - [0:0]"). */
  chains: string[];
  rules: IptablesRule[];
}

export interface IptablesRendering {
  mode: 'iptables';
  node: string;
  filter: IptablesTable;
  nat: IptablesTable;
  /** The iptables-restore input kube-proxy writes: "*filter … COMMIT\n*nat … COMMIT\n". */
  text: string;
  /** Assumptions the rendering had to make (e.g. the detector CIDR when the scenario gives none). */
  notes: string[];
}

/**
 * nat KUBE-POSTROUTING and KUBE-MARK-MASQ, the same in iptables and IPVS mode (R-INT-2 / R-EXT-1): packets marked
 * by KUBE-MARK-MASQ lose the mark and are masqueraded on the way out.
 */
export function writeMasqueradeRules(nat: LineBuffer, mark: string, randomFully: boolean): void {
  nat.rule(KUBE_POSTROUTING, null, ['-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN']);
  nat.rule(KUBE_POSTROUTING, null, ['-j', 'MARK', '--xor-mark', mark]);
  nat.rule(KUBE_POSTROUTING, null, [
    ...['-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE'],
    ...(randomFully ? ['--random-fully'] : []),
  ]);
  nat.rule(KUBE_MARK_MASQ, null, ['-j', 'MARK', '--or-mark', mark]);
}

/** filter KUBE-FORWARD's two ACCEPT rules (marked packets, then their connections), in both modes. */
export function writeForwardRules(filter: LineBuffer, mark: string): void {
  filter.rule(KUBE_FORWARD, null, [
    ...['-m', 'comment', '--comment', '"kubernetes forwarding rules"'],
    ...['-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT'],
  ]);
  filter.rule(KUBE_FORWARD, null, [
    ...['-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"'],
    ...['-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
  ]);
}

/** Host facts kube-proxy discovers at start-up; the defaults are those of a current Linux node. */
export interface IptablesOptions {
  /** The masquerade mark as written (kube-proxy: fmt "%#08x" of 1<<masqueradeBit → "0x00004000"). */
  masqueradeMark?: string;
  /** iptables supports --random-fully (true since iptables 1.6.2; kube-proxy's unit-test fake says false). */
  randomFully?: boolean;
  /** kube-proxy could create its nfacct counters (nfnetlink_acct available). */
  nfacct?: boolean;
  /** net.netfilter.nf_conntrack_tcp_be_liberal is set: no INVALID-drop rule. */
  conntrackTCPLiberal?: boolean;
}

export { RulesError, DEFAULT_MASQUERADE_MARK };

const KUBE_SERVICES = 'KUBE-SERVICES';
const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
const KUBE_FORWARD = 'KUBE-FORWARD';
const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
const KUBE_FIREWALL = 'KUBE-FIREWALL';
/** kube-proxy largeClusterEndpointsThreshold: above this many endpoints, per-endpoint comments are dropped. */
const LARGE_CLUSTER_ENDPOINTS = 1000;
const LOCALHOST_NODEPORT_COUNTER = 'localhost_nps_accepted_pkts';
const INVALID_DROPPED_COUNTER = 'ct_state_invalid_dropped_pkts';

const probabilityCache: string[] = [];
/** kube-proxy computeProbability: fmt "%0.10f" of 1/n (Go rounds the exact double half-to-even). */
export function kubeProxyProbability(n: number): string {
  return (probabilityCache[n] ??= formatFixed(1 / n, 10));
}

/** A comment argument as kube-proxy writes it: quoted when it contains a space. */
const comment = (text: string): string => (text.includes(' ') ? `"${text}"` : text);

/** One table being written: its chain lines and its rules (kube-proxy's proxyutil.LineBuffer). */
export class LineBuffer {
  readonly chains: string[] = [];
  readonly rules: IptablesRule[] = [];
  constructor(readonly name: IptablesTableName) {}
  chain(name: string): void {
    this.chains.push(name);
  }
  rule(chain: string, service: string | null, args: string[]): void {
    this.rules.push({
      table: this.name,
      chain,
      args,
      service,
      line: `-A ${chain} ${args.join(' ')}`.trimEnd(),
    });
  }
  table(): IptablesTable {
    return { name: this.name, chains: this.chains, rules: this.rules };
  }
}

/** The iptables-restore input for the tables, in the order given: "*table", chain lines, rules, COMMIT. */
export function tablesText(tables: readonly IptablesTable[]): string {
  return tables
    .map(
      (t) =>
        `*${t.name}\n${t.chains.map((c) => `:${c} - [0:0]\n`).join('')}${t.rules.map((r) => `${r.line}\n`).join('')}COMMIT\n`,
    )
    .join('');
}

/** The cluster-wide facts every Service's rules share on this node. */
interface NodeSetup {
  node: NodeModel;
  /** ["-s", cidr] / ["!", "-s", cidr] of the LocalTrafficDetector; null without one (R-EXT-8). */
  detectorCidr: string | null;
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  /** null: --nodeport-addresses matches every local address; else the node addresses NodePorts answer on. */
  nodePortIPs: string[] | null;
  largeCluster: boolean;
  mark: string;
  nfacct: boolean;
}

/**
 * Renders several Services (one scenario each, all over the cluster of the first) into one table set, as one
 * kube-proxy would hold them. Throws RulesError for an unknown node or a named targetPort (the scenario has no
 * container ports to resolve it).
 */
export function renderIptablesServices(
  scenarios: readonly Scenario[],
  nodeName: string,
  options: IptablesOptions = {},
): IptablesRendering {
  const target = renderTarget(scenarios, nodeName);
  const { first, contexts, node, notes } = target;
  const setup = nodeSetup(first, node, contexts, options, notes);

  const filter = new LineBuffer('filter');
  const nat = new LineBuffer('nat');
  for (const c of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL])
    filter.chain(c);
  for (const c of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) nat.chain(c);

  // R-INT-2 / R-EXT-1: packets marked by KUBE-MARK-MASQ are masqueraded in POSTROUTING.
  writeMasqueradeRules(nat, setup.mark, options.randomFully !== false);
  if (setup.localhostNodePorts) {
    // R-NP-1: localhost NodePorts need route_localnet; this rule closes the hole it opens (kubernetes/kubernetes#90259).
    filter.chain(KUBE_FIREWALL);
    filter.rule(KUBE_FIREWALL, null, [
      '-m',
      'comment',
      '--comment',
      '"block incoming localnet connections"',
      '-d',
      '127.0.0.0/8',
      '!',
      '-s',
      '127.0.0.0/8',
      '-m',
      'conntrack',
      '!',
      '--ctstate',
      'RELATED,ESTABLISHED,DNAT',
      '-j',
      'DROP',
    ]);
  }

  for (const { ctx, port } of servicePorts(target)) renderServicePort(ctx, port, setup, filter, nat);

  // R-NP-1: the NodePort dispatch is the last rule of nat KUBE-SERVICES.
  const lastRule = '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
  if (setup.nodePortIPs === null) {
    const destinations = [
      '-m',
      'addrtype',
      '--dst-type',
      'LOCAL',
      ...(setup.localhostNodePorts ? [] : ['!', '-d', '127.0.0.0/8']),
    ];
    nat.rule(KUBE_SERVICES, null, [
      '-m',
      'comment',
      '--comment',
      lastRule,
      ...destinations,
      '-j',
      KUBE_NODEPORTS,
    ]);
  } else {
    for (const ip of setup.nodePortIPs)
      nat.rule(KUBE_SERVICES, null, ['-m', 'comment', '--comment', lastRule, '-d', ip, '-j', KUBE_NODEPORTS]);
  }

  if (!options.conntrackTCPLiberal) {
    filter.rule(KUBE_FORWARD, null, [
      '-m',
      'conntrack',
      '--ctstate',
      'INVALID',
      ...(setup.nfacct ? ['-m', 'nfacct', '--nfacct-name', INVALID_DROPPED_COUNTER] : []),
      '-j',
      'DROP',
    ]);
  }
  writeForwardRules(filter, setup.mark);

  return {
    mode: 'iptables',
    node: node.name,
    filter: filter.table(),
    nat: nat.table(),
    text: tablesText([filter.table(), nat.table()]),
    notes,
  };
}

/** Renders what kube-proxy on `nodeName` programs for the scenario's Service. */
export const renderIptables = forOneService(renderIptablesServices);

function nodeSetup(
  scenario: Scenario,
  node: NodeModel,
  contexts: readonly EngineContext[],
  options: IptablesOptions,
  notes: string[],
): NodeSetup {
  const cluster = scenario.cluster;
  const detectorCidr = detectorCidrOf(cluster, notes);
  // R-NP-1 / R-NP-3: --nodeport-addresses; localhost NodePorts only when it includes 127.0.0.1.
  let nodePortIPs: string[] | null = null;
  let containsLoopback = true;
  const npa = cluster.nodePortAddresses;
  if (npa === 'primary') {
    nodePortIPs = [node.ip];
    containsLoopback = false;
  } else if (Array.isArray(npa)) {
    const cidrs = npa.filter((c) => parseCidr(c) !== null);
    if (cidrs.length > 0) {
      containsLoopback = cidrs.some((c) => cidrContains(c, '127.0.0.1'));
      const local = ['127.0.0.1', node.ip, ...node.extraIPs];
      nodePortIPs = local.filter(
        (ip, i) => local.indexOf(ip) === i && cidrs.some((c) => cidrContains(c, ip)),
      );
    }
  }
  const localhostNodePorts = cluster.localhostNodePorts && containsLoopback;
  if (nodePortIPs && !localhostNodePorts) nodePortIPs = nodePortIPs.filter((ip) => ip !== '127.0.0.1');
  let totalEndpoints = 0;
  for (const ctx of contexts)
    totalEndpoints +=
      ctx.scenario.service.ports.length * new Set(ctx.scenario.endpoints.map((e) => e.ip)).size;
  return {
    node,
    detectorCidr,
    masqueradeAll: cluster.masqueradeAll,
    localhostNodePorts,
    nodePortIPs,
    largeCluster: totalEndpoints > LARGE_CLUSTER_ENDPOINTS,
    mark: options.masqueradeMark ?? DEFAULT_MASQUERADE_MARK,
    nfacct: options.nfacct ?? true,
  };
}

function renderServicePort(
  ctx: EngineContext,
  port: ServicePortModel,
  setup: NodeSetup,
  filter: LineBuffer,
  nat: LineBuffer,
): void {
  const { service, flags, protocol, name, targetPort } = portFacts(ctx, port);
  const chains = serviceChainNames(name, protocol);
  const clusterIP = flags.clusterIP!;
  const dport = String(port.port);
  const externalIPs = service.externalIPs;
  const lbIPs = loadBalancerVIPs(service);
  const sourceRanges = sourceRangesOf(service);
  const nodePort = port.nodePort ?? 0;
  const externallyAccessible = nodePort !== 0 || lbIPs.length > 0 || externalIPs.length > 0;

  // R-EP-1..5: the node's endpoint sets, from the engine's one categorisation.
  const {
    cluster: clusterEndpoints,
    local: localEndpoints,
    allReachable,
    hasEndpoints,
  } = endpointSets(ctx, setup.node, targetPort, (ep) => endpointChainName(name, protocol, ep));

  const usesClusterPolicyChain = clusterEndpoints.length > 0 && flags.usesClusterEndpoints;
  const usesLocalPolicyChain = localEndpoints.length > 0 && flags.usesLocalEndpoints;
  // R-INT-1 / R-INT-3: ClusterIP traffic uses the Local set under internalTrafficPolicy Local.
  const internalChain = flags.internalPolicyLocal ? chains.local : chains.cluster;
  const hasInternalEndpoints = hasEndpoints && (!flags.internalPolicyLocal || localEndpoints.length > 0);
  // R-EXT-6 / R-EXT-7: external traffic uses the Local set under externalTrafficPolicy Local.
  const externalPolicyChain = flags.externalPolicyLocal ? chains.local : chains.cluster;
  const hasExternalEndpoints = hasEndpoints && (!flags.externalPolicyLocal || localEndpoints.length > 0);
  const usesExternalChain = hasEndpoints && externallyAccessible;
  // R-FW-1: loadBalancerSourceRanges route LB traffic through KUBE-FW-….
  const usesFirewallChain = hasEndpoints && lbIPs.length > 0 && sourceRanges.length > 0;
  const lbChain = usesFirewallChain ? chains.firewall : chains.external;

  // R-DROP-1 (no endpoints → REJECT) and R-INT-3 / R-EXT-7 (no local endpoints → DROP).
  let internalFilter: [string, string] | null = null;
  let externalFilter: [string, string] | null = null;
  if (!hasEndpoints) {
    internalFilter = externalFilter = ['REJECT', `"${name} has no endpoints"`];
  } else {
    if (!hasInternalEndpoints) internalFilter = ['DROP', `"${name} has no local endpoints"`];
    if (!hasExternalEndpoints) externalFilter = ['DROP', `"${name} has no local endpoints"`];
  }
  const proto = ['-m', protocol, '-p', protocol];
  /** The shape of every per-destination rule: comment, protocol, destination and port, target. */
  const toDestination = (commentText: string, ip: string, target: string) => [
    ...['-m', 'comment', '--comment', commentText, ...proto],
    ...['-d', ip, '--dport', dport, '-j', target],
  ];
  /** filter KUBE-EXTERNAL-SERVICES: drop or reject an external destination that has no (local) endpoints. */
  const rejectExternal = (ip: string) =>
    filter.rule(KUBE_EXTERNAL_SERVICES, name, toDestination(externalFilter![1], ip, externalFilter![0]));

  if (hasInternalEndpoints)
    nat.rule(KUBE_SERVICES, name, toDestination(`"${name} cluster IP"`, clusterIP, internalChain));
  else filter.rule(KUBE_SERVICES, name, toDestination(internalFilter![1], clusterIP, internalFilter![0]));
  for (const ip of externalIPs) {
    if (hasEndpoints)
      nat.rule(KUBE_SERVICES, name, toDestination(`"${name} external IP"`, ip, chains.external));
    if (externalFilter) rejectExternal(ip);
  }
  for (const ip of lbIPs) {
    if (hasEndpoints) nat.rule(KUBE_SERVICES, name, toDestination(`"${name} loadbalancer IP"`, ip, lbChain));
    if (usesFirewallChain)
      filter.rule(
        KUBE_PROXY_FIREWALL,
        name,
        toDestination(`"${name} traffic not accepted by ${chains.firewall}"`, ip, 'DROP'),
      );
  }
  if (externalFilter) for (const ip of lbIPs) rejectExternal(ip);
  if (nodePort !== 0) {
    const np = String(nodePort);
    if (hasEndpoints) {
      // R-NP-1: NodePorts bypass loadBalancerSourceRanges; on 127.0.0.1 only with localhostNodePorts.
      const head = ['-m', 'comment', '--comment', name, ...proto];
      if (setup.localhostNodePorts && setup.nfacct)
        nat.rule(KUBE_NODEPORTS, name, [
          ...[...head, '-d', '127.0.0.0/8', '--dport', np],
          ...['-m', 'nfacct', '--nfacct-name', LOCALHOST_NODEPORT_COUNTER, '-j', chains.external],
        ]);
      nat.rule(KUBE_NODEPORTS, name, [...head, '--dport', np, '-j', chains.external]);
    }
    if (externalFilter)
      filter.rule(KUBE_EXTERNAL_SERVICES, name, [
        '-m',
        'comment',
        '--comment',
        externalFilter[1],
        '-m',
        'addrtype',
        '--dst-type',
        'LOCAL',
        ...proto,
        '--dport',
        np,
        '-j',
        externalFilter[0],
      ]);
  }
  // R-FW-2: the health-check node port is accepted whether or not this node has local endpoints.
  if (flags.needsHealthCheck && service.healthCheckNodePort !== 0) {
    filter.rule(KUBE_NODEPORTS, name, [
      '-m',
      'comment',
      '--comment',
      `"${name} health check node port"`,
      '-m',
      'tcp',
      '-p',
      'tcp',
      '--dport',
      String(service.healthCheckNodePort),
      '-j',
      'ACCEPT',
    ]);
  }

  if (hasInternalEndpoints) {
    // R-INT-2: masquerade ClusterIP traffic that is not from a pod (or all of it with --masquerade-all).
    const rule = toDestination(`"${name} cluster IP"`, clusterIP, KUBE_MARK_MASQ);
    if (setup.masqueradeAll) nat.rule(internalChain, name, rule);
    else if (setup.detectorCidr)
      nat.rule(internalChain, name, [...rule.slice(0, -2), '!', '-s', setup.detectorCidr, ...rule.slice(-2)]);
  }

  if (usesExternalChain) {
    nat.chain(chains.external);
    if (!flags.externalPolicyLocal) {
      // R-EXT-1: eTP Cluster masquerades everything that enters the external chain.
      nat.rule(chains.external, name, [
        '-m',
        'comment',
        '--comment',
        `"masquerade traffic for ${name} external destinations"`,
        '-j',
        KUBE_MARK_MASQ,
      ]);
    } else {
      // R-EXT-4: pods short-circuit to the Cluster chain, unmasqueraded.
      if (setup.detectorCidr)
        nat.rule(chains.external, name, [
          '-m',
          'comment',
          '--comment',
          `"pod traffic for ${name} external destinations"`,
          '-s',
          setup.detectorCidr,
          '-j',
          chains.cluster,
        ]);
      // R-EXT-5: the node itself is masqueraded and short-circuits too.
      nat.rule(chains.external, name, [
        '-m',
        'comment',
        '--comment',
        `"masquerade LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        KUBE_MARK_MASQ,
      ]);
      nat.rule(chains.external, name, [
        '-m',
        'comment',
        '--comment',
        `"route LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        chains.cluster,
      ]);
    }
    if (hasExternalEndpoints) nat.rule(chains.external, name, ['-j', externalPolicyChain]);
  }

  if (usesFirewallChain) {
    nat.chain(chains.firewall);
    const head = ['-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
    let allowFromNode = false;
    for (const cidr of sourceRanges) {
      nat.rule(chains.firewall, name, [...head, '-s', cidr, '-j', chains.external]);
      if (cidrContains(cidr, setup.node.ip)) allowFromNode = true;
    }
    // R-FW-1: a range holding the node IP also admits packets sourced from the LB IP (loop-back VIPs).
    if (allowFromNode)
      for (const ip of lbIPs) nat.rule(chains.firewall, name, [...head, '-s', ip, '-j', chains.external]);
    nat.rule(chains.firewall, name, [
      '-m',
      'comment',
      '--comment',
      `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`,
    ]);
  }

  const affinity = service.sessionAffinity === 'ClientIP' ? service.sessionAffinityTimeoutSeconds : null;
  for (const [uses, chain, endpoints] of [
    [usesClusterPolicyChain, chains.cluster, clusterEndpoints],
    [usesLocalPolicyChain, chains.local, localEndpoints],
  ] as const) {
    if (!uses) continue;
    nat.chain(chain);
    writeServiceToEndpointRules(nat, name, affinity, chain, endpoints, setup);
  }
  for (const ep of allReachable) {
    nat.chain(ep.chain);
    const head = setup.largeCluster ? [] : ['-m', 'comment', '--comment', comment(name)];
    // R-HP-1: a packet from the endpoint itself is masqueraded (hairpin).
    nat.rule(ep.chain, name, [...head, '-s', ep.ip, '-j', KUBE_MARK_MASQ]);
    const affinity =
      service.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', ep.chain, '--set'] : [];
    nat.rule(ep.chain, name, [...head, ...affinity, ...proto, '-j', 'DNAT', '--to-destination', ep.text]);
  }
}

/**
 * kube-proxy writeServiceToEndpointRules: session-affinity checks first, then one rule per endpoint; rule i of
 * n matches with probability 1/(n-i), the last always (R-LB-1: each endpoint gets 1/n of new connections).
 */
function writeServiceToEndpointRules(
  nat: LineBuffer,
  name: string,
  affinitySeconds: number | null,
  chain: string,
  endpoints: readonly RenderedEndpoint[],
  setup: NodeSetup,
): void {
  const head = (ep: RenderedEndpoint) =>
    setup.largeCluster ? [] : ['-m', 'comment', '--comment', `"${name} -> ${ep.text}"`];
  if (affinitySeconds !== null) {
    for (const ep of endpoints)
      nat.rule(chain, name, [
        ...head(ep),
        '-m',
        'recent',
        '--name',
        ep.chain,
        '--rcheck',
        '--seconds',
        String(affinitySeconds),
        '--reap',
        '-j',
        ep.chain,
      ]);
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const statistic =
      i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', kubeProxyProbability(n - i)] : [];
    nat.rule(chain, name, [...head(ep), ...statistic, '-j', ep.chain]);
  });
}
