/**
 * What kube-proxy programs in IPVS mode on one node (issue 14), following pkg/proxy/ipvs/proxier.go of the v1.33
 * line (syncProxyRules, syncEndpoint, writeIptablesRules, acceptIPVSTraffic; ipset names and comments from
 * ipset.go; entry formats from ipset/ipset.go Entry.String):
 *   - the virtual servers as `ipvsadm -Ln` prints them: one per ClusterIP, externalIP and LB VIP, and one per
 *     node address for a NodePort; scheduler rr (R-LB-3), every real server weight 1, forwarding Masq;
 *   - the ipsets kube-proxy fills, as `ipset save` prints them (without the kernel's bucketsize/initval);
 *   - the small iptables part (nat and filter) as the iptables-restore input kube-proxy writes.
 * The real servers come from the engine's categorisation (R-EP-1..5); under a Local policy a node without local
 * endpoints gets the Cluster set (R-X-4, PR #97081), which is IPVS's own behaviour, not iptables'.
 * iptables still does, in IPVS mode, the masquerade (KUBE-MARK-MASQ from KUBE-SERVICES / KUBE-LOAD-BALANCER /
 * KUBE-NODE-PORT by ipset match, KUBE-POSTROUTING MASQUERADE; R-INT-2, R-EXT-1) and the filtering (KUBE-IPVS-FILTER,
 * KUBE-PROXY-FIREWALL). It writes no "has no endpoints" REJECT: a Service without endpoints keeps its virtual
 * server, with no real server, and IPVS answers a new connection to it with ICMP port unreachable (R-DROP-1);
 * KUBE-IPVS-FILTER's REJECT is for ports a Service address does not serve. The rules one connection passes
 * through are traced by trace.ts traceIpvsPacket.
 */
import type { EngineContext } from '../context/context';
import type { NodeModel, Scenario, ServicePortModel } from '../model';
import { cidrContains, ipv4ToInt, parseCidr } from '../net';
import {
  DEFAULT_MASQUERADE_MARK,
  detectorCidr,
  endpointSets,
  forOneService,
  loadBalancerVIPs,
  renderTarget,
  servicePorts,
  sourceRanges as sourceRangesOf,
  portFacts,
} from './common';
import {
  LineBuffer,
  tablesText,
  writeForwardRules,
  writeMasqueradeRules,
  type IptablesTable,
} from './iptables';

export interface IpvsOptions {
  /** kube-proxy --ipvs-scheduler (default rr). */
  scheduler?: string;
  /** The masquerade mark as written (fmt "%#08x" of 1<<14). */
  masqueradeMark?: string;
  /** iptables supports --random-fully. */
  randomFully?: boolean;
}

export type VirtualServerKind = 'cluster-ip' | 'external-ip' | 'load-balancer' | 'node-port';

export interface IpvsRealServer {
  address: string;
  port: number;
}

export interface IpvsVirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  port: number;
  scheduler: string;
  /** ClientIP affinity: ipvsadm's "persistent N". */
  persistentSeconds: number | null;
  kind: VirtualServerKind;
  /** The service port ("ns/name:port") it belongs to. */
  service: string;
  realServers: IpvsRealServer[];
}

export interface IpSet {
  name: string;
  type: string;
  comment: string;
  /** Entries as kube-proxy writes them (Entry.String()), sorted. */
  entries: string[];
}

export interface IpvsRendering {
  mode: 'ipvs';
  node: string;
  /** In ipvsadm's order (protocol, address, port). */
  virtualServers: IpvsVirtualServer[];
  ipsets: IpSet[];
  nat: IptablesTable;
  filter: IptablesTable;
  /** `ipvsadm -Ln`. */
  ipvsadm: string;
  /** `ipset save` (kube-proxy's sets only). */
  ipsetSave: string;
  /** The iptables-restore input kube-proxy writes (nat, then filter). */
  iptables: string;
  /** The three, each under a "# $ command" heading. */
  text: string;
  notes: string[];
}

/** ipset.go: name, type and comment of every set, in ipsetInfo order. */
const IPSETS = {
  loopBack: [
    'KUBE-LOOP-BACK',
    'hash:ip,port,ip',
    'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  ],
  clusterIP: [
    'KUBE-CLUSTER-IP',
    'hash:ip,port',
    'Kubernetes service cluster ip + port for masquerade purpose',
  ],
  externalIP: [
    'KUBE-EXTERNAL-IP',
    'hash:ip,port',
    'Kubernetes service external ip + port for masquerade and filter purpose',
  ],
  externalIPLocal: [
    'KUBE-EXTERNAL-IP-LOCAL',
    'hash:ip,port',
    'Kubernetes service external ip + port with externalTrafficPolicy=local',
  ],
  loadBalancer: ['KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal'],
  loadBalancerFW: [
    'KUBE-LOAD-BALANCER-FW',
    'hash:ip,port',
    'Kubernetes service load balancer ip + port for load balancer with sourceRange',
  ],
  loadBalancerLocal: [
    'KUBE-LOAD-BALANCER-LOCAL',
    'hash:ip,port',
    'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  ],
  loadBalancerSourceIP: [
    'KUBE-LOAD-BALANCER-SOURCE-IP',
    'hash:ip,port,ip',
    'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  ],
  loadBalancerSourceCIDR: [
    'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    'hash:ip,port,net',
    'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  ],
  nodePortTCP: ['KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose'],
  nodePortLocalTCP: [
    'KUBE-NODE-PORT-LOCAL-TCP',
    'bitmap:port',
    'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  ],
  nodePortUDP: ['KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose'],
  nodePortLocalUDP: [
    'KUBE-NODE-PORT-LOCAL-UDP',
    'bitmap:port',
    'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
  ],
  nodePortSCTP: [
    'KUBE-NODE-PORT-SCTP-HASH',
    'hash:ip,port',
    "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  ],
  nodePortLocalSCTP: [
    'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
    'hash:ip,port',
    "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  ],
  healthCheckNodePort: ['KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port'],
  ipvs: ['KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface'],
} as const;
type SetKey = keyof typeof IPSETS;

/** ipsetWithIptablesChain: set → iptables rule, in kube-proxy's order (local NodePort sets before the others). */
const SET_RULES: {
  set: SetKey;
  table: 'nat' | 'filter';
  from: string;
  to: string;
  match: string;
  proto: string | null;
}[] = [
  {
    set: 'loopBack',
    table: 'nat',
    from: 'KUBE-POSTROUTING',
    to: 'MASQUERADE',
    match: 'dst,dst,src',
    proto: null,
  },
  {
    set: 'loadBalancer',
    table: 'nat',
    from: 'KUBE-SERVICES',
    to: 'KUBE-LOAD-BALANCER',
    match: 'dst,dst',
    proto: null,
  },
  {
    set: 'loadBalancerLocal',
    table: 'nat',
    from: 'KUBE-LOAD-BALANCER',
    to: 'RETURN',
    match: 'dst,dst',
    proto: null,
  },
  { set: 'nodePortLocalTCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', match: 'dst', proto: 'tcp' },
  {
    set: 'nodePortTCP',
    table: 'nat',
    from: 'KUBE-NODE-PORT',
    to: 'KUBE-MARK-MASQ',
    match: 'dst',
    proto: 'tcp',
  },
  { set: 'nodePortLocalUDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', match: 'dst', proto: 'udp' },
  {
    set: 'nodePortUDP',
    table: 'nat',
    from: 'KUBE-NODE-PORT',
    to: 'KUBE-MARK-MASQ',
    match: 'dst',
    proto: 'udp',
  },
  {
    set: 'nodePortLocalSCTP',
    table: 'nat',
    from: 'KUBE-NODE-PORT',
    to: 'RETURN',
    match: 'dst,dst',
    proto: 'sctp',
  },
  {
    set: 'nodePortSCTP',
    table: 'nat',
    from: 'KUBE-NODE-PORT',
    to: 'KUBE-MARK-MASQ',
    match: 'dst,dst',
    proto: 'sctp',
  },
  {
    set: 'loadBalancerFW',
    table: 'filter',
    from: 'KUBE-PROXY-FIREWALL',
    to: 'KUBE-SOURCE-RANGES-FIREWALL',
    match: 'dst,dst',
    proto: null,
  },
  {
    set: 'loadBalancerSourceCIDR',
    table: 'filter',
    from: 'KUBE-SOURCE-RANGES-FIREWALL',
    to: 'RETURN',
    match: 'dst,dst,src',
    proto: null,
  },
  {
    set: 'loadBalancerSourceIP',
    table: 'filter',
    from: 'KUBE-SOURCE-RANGES-FIREWALL',
    to: 'RETURN',
    match: 'dst,dst,src',
    proto: null,
  },
];

const NAT_CHAINS = [
  'KUBE-SERVICES',
  'KUBE-POSTROUTING',
  'KUBE-NODE-PORT',
  'KUBE-LOAD-BALANCER',
  'KUBE-MARK-MASQ',
];
const FILTER_CHAINS = [
  'KUBE-FORWARD',
  'KUBE-NODE-PORT',
  'KUBE-PROXY-FIREWALL',
  'KUBE-SOURCE-RANGES-FIREWALL',
  'KUBE-IPVS-FILTER',
  'KUBE-IPVS-OUT-FILTER',
];

const PROTO_NUMBER = { TCP: 6, UDP: 17, SCTP: 132 } as const;

interface SyncState {
  sets: Map<SetKey, Set<string>>;
  virtualServers: IpvsVirtualServer[];
  /** LB VIP entries no node may reach (no source range holds the node IP): KUBE-IPVS-OUT-FILTER drops. */
  noNodeAccess: { ip: string; protocol: string; port: number }[];
}

export function renderIpvsServices(
  scenarios: readonly Scenario[],
  nodeName: string,
  options: IpvsOptions = {},
): IpvsRendering {
  const target = renderTarget(scenarios, nodeName);
  const { first, node, notes } = target;
  const scheduler = options.scheduler ?? 'rr';
  const state: SyncState = { sets: new Map(), virtualServers: [], noNodeAccess: [] };
  for (const key of Object.keys(IPSETS) as SetKey[]) state.sets.set(key, new Set());
  const nodeAddresses = uniq([node.ip, ...node.extraIPs]).filter((ip) => !ip.startsWith('127.'));
  const nodePortIPs = nodePortAddresses(first, node, nodeAddresses);
  if (first.cluster.nodePortAddresses === 'all')
    notes.push(
      `NodePort virtual servers are shown on the node addresses the scenario knows (${nodeAddresses.join(', ')}); kube-proxy also adds one on every other non-loopback address of the node (docker0, cni0, …).`,
    );

  for (const { ctx, port } of servicePorts(target))
    syncServicePort(ctx, port, node, nodeAddresses, nodePortIPs, scheduler, state);

  const detector = detectorCidr(first.cluster, notes);
  const { nat, filter } = iptablesPart(state, detector, first.cluster.masqueradeAll, options);
  const ipsets = (Object.keys(IPSETS) as SetKey[]).map((key) => {
    const [name, type, comment] = IPSETS[key];
    return { name, type, comment, entries: [...state.sets.get(key)!].sort() };
  });
  const virtualServers = state.virtualServers.sort(compareVirtualServers);
  const ipvsadm = ipvsadmList(virtualServers);
  const ipsetSave = ipsetSaveText(ipsets);
  const iptables = tablesText([nat, filter]);
  return {
    mode: 'ipvs',
    node: node.name,
    virtualServers,
    ipsets,
    nat,
    filter,
    ipvsadm,
    ipsetSave,
    iptables,
    text: `# $ ipvsadm -Ln\n${ipvsadm}\n# $ ipset save\n${ipsetSave}\n# iptables-restore input (kube-proxy, IPVS mode)\n${iptables}`,
    notes,
  };
}

/** Renders what kube-proxy on `nodeName` programs in IPVS mode for the scenario's Service. */
export const renderIpvs = forOneService(renderIpvsServices);

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The node addresses NodePort virtual servers are created on (never loopback in IPVS mode). */
function nodePortAddresses(scenario: Scenario, node: NodeModel, nodeAddresses: string[]): string[] {
  const npa = scenario.cluster.nodePortAddresses;
  if (npa === 'all') return nodeAddresses;
  if (npa === 'primary') return [node.ip];
  const cidrs = npa.filter((c) => parseCidr(c) !== null);
  if (cidrs.length === 0) return nodeAddresses;
  return nodeAddresses.filter((ip) => cidrs.some((c) => cidrContains(c, ip)));
}

function syncServicePort(
  ctx: EngineContext,
  port: ServicePortModel,
  node: NodeModel,
  nodeAddresses: readonly string[],
  nodePortIPs: readonly string[],
  scheduler: string,
  state: SyncState,
): void {
  const { service, flags, protocol, name, targetPort } = portFacts(ctx, port);
  const add = (key: SetKey, entry: string) => state.sets.get(key)!.add(entry);
  const persistentSeconds =
    service.sessionAffinity === 'ClientIP' ? service.sessionAffinityTimeoutSeconds : null;

  // KUBE-LOOP-BACK: every local endpoint of the port (hairpin, R-HP-1).
  for (const e of ctx.scenario.endpoints)
    if (e.node === node.name) add('loopBack', `${e.ip},${protocol}:${targetPort},${e.ip}`);

  // syncEndpoint (R-EP-1..5 from the engine; R-X-4 fallback to the Cluster set).
  const { cluster, local } = endpointSets(ctx, node, targetPort, () => '');
  const realServers = (onlyLocal: boolean): IpvsRealServer[] =>
    (onlyLocal && local.length > 0 ? local : cluster).map((e) => ({ address: e.ip, port: targetPort }));
  const vs = (kind: VirtualServerKind, address: string, vport: number, onlyLocal: boolean) =>
    state.virtualServers.push({
      protocol: port.protocol,
      address,
      port: vport,
      scheduler,
      persistentSeconds,
      kind,
      service: name,
      realServers: realServers(onlyLocal),
    });

  const clusterIP = flags.clusterIP!;
  add('clusterIP', `${clusterIP},${protocol}:${port.port}`);
  vs('cluster-ip', clusterIP, port.port, flags.internalPolicyLocal);
  add('ipvs', clusterIP);

  for (const ip of service.externalIPs) {
    add(flags.externalPolicyLocal ? 'externalIPLocal' : 'externalIP', `${ip},${protocol}:${port.port}`);
    vs('external-ip', ip, port.port, flags.externalPolicyLocal);
    if (!nodeAddresses.includes(ip)) add('ipvs', ip);
  }

  const ranges = sourceRangesOf(service);
  for (const ip of loadBalancerVIPs(service)) {
    const entry = `${ip},${protocol}:${port.port}`;
    add('loadBalancer', entry);
    if (flags.externalPolicyLocal) add('loadBalancerLocal', entry);
    if (ranges.length > 0) {
      // R-FW-1: loadBalancerSourceRanges; a range holding the node IP also admits the VIP itself.
      add('loadBalancerFW', entry);
      for (const cidr of ranges) add('loadBalancerSourceCIDR', `${entry},${cidr}`);
      if (ranges.some((c) => cidrContains(c, node.ip))) add('loadBalancerSourceIP', `${entry},${ip}`);
      else state.noNodeAccess.push({ ip, protocol, port: port.port });
    }
    vs('load-balancer', ip, port.port, flags.externalPolicyLocal);
    if (!nodeAddresses.includes(ip)) add('ipvs', ip);
  }

  const nodePort = port.nodePort ?? 0;
  if (nodePort !== 0 && nodePortIPs.length > 0) {
    const [all, onlyLocal]: [SetKey, SetKey] =
      port.protocol === 'TCP'
        ? ['nodePortTCP', 'nodePortLocalTCP']
        : port.protocol === 'UDP'
          ? ['nodePortUDP', 'nodePortLocalUDP']
          : ['nodePortSCTP', 'nodePortLocalSCTP'];
    const entries =
      port.protocol === 'SCTP' ? nodePortIPs.map((ip) => `${ip},sctp:${nodePort}`) : [String(nodePort)];
    for (const e of entries) {
      add(all, e);
      if (flags.externalPolicyLocal) add(onlyLocal, e);
    }
    for (const ip of nodePortIPs) vs('node-port', ip, nodePort, flags.externalPolicyLocal);
  }
  // R-FW-2: the health-check node port is accepted in filter KUBE-NODE-PORT.
  if (flags.needsHealthCheck && service.healthCheckNodePort !== 0)
    add('healthCheckNodePort', String(service.healthCheckNodePort));
}

/** writeIptablesRules + acceptIPVSTraffic: the nat and filter rules kube-proxy writes in IPVS mode. */
function iptablesPart(
  state: SyncState,
  detector: string | null,
  masqueradeAll: boolean,
  options: IpvsOptions,
): { nat: IptablesTable; filter: IptablesTable } {
  const nat = new LineBuffer('nat');
  const filter = new LineBuffer('filter');
  for (const c of NAT_CHAINS) nat.chain(c);
  for (const c of FILTER_CHAINS) filter.chain(c);
  const mark = options.masqueradeMark ?? DEFAULT_MASQUERADE_MARK;
  const has = (key: SetKey) => state.sets.get(key)!.size > 0;
  const name = (key: SetKey) => IPSETS[key][0];
  const comment = (key: SetKey) => ['-m', 'comment', '--comment', `"${IPSETS[key][2]}"`];
  const matchSet = (key: SetKey) => ['-m', 'set', '--match-set', name(key)];

  nat.rule('KUBE-SERVICES', null, ['-s', '127.0.0.0/8', '-j', 'RETURN']);
  for (const r of SET_RULES) {
    if (!has(r.set)) continue;
    const args = [
      ...(r.proto ? ['-p', r.proto] : []),
      ...comment(r.set),
      ...matchSet(r.set),
      r.match,
      '-j',
      r.to,
    ];
    (r.table === 'nat' ? nat : filter).rule(r.from, null, args);
  }
  if (has('clusterIP')) {
    // R-INT-2: masquerade ClusterIP traffic not from a pod; without a detector, node traffic sourced from a VIP.
    const head = [...comment('clusterIP'), ...matchSet('clusterIP')];
    if (masqueradeAll) nat.rule('KUBE-SERVICES', null, [...head, 'dst,dst', '-j', 'KUBE-MARK-MASQ']);
    else if (detector)
      nat.rule('KUBE-SERVICES', null, [...head, 'dst,dst', '!', '-s', detector, '-j', 'KUBE-MARK-MASQ']);
    else nat.rule('KUBE-SERVICES', null, [...head, 'src,dst', '-j', 'KUBE-MARK-MASQ']);
  }
  const externalIPRules = (key: SetKey) => {
    const head = [...comment(key), ...matchSet(key), 'dst,dst'];
    if (key === 'externalIP') nat.rule('KUBE-SERVICES', null, [...head, '-j', 'KUBE-MARK-MASQ']); // R-EXT-1
    nat.rule('KUBE-SERVICES', null, [
      ...head,
      ...[
        '-m',
        'physdev',
        '!',
        '--physdev-is-in',
        '-m',
        'addrtype',
        '!',
        '--src-type',
        'LOCAL',
        '-j',
        'ACCEPT',
      ],
    ]);
    nat.rule('KUBE-SERVICES', null, [...head, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'ACCEPT']);
  };
  if (has('externalIP')) externalIPRules('externalIP');
  if (has('externalIPLocal')) externalIPRules('externalIPLocal');
  nat.rule('KUBE-SERVICES', null, ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODE-PORT']);
  nat.rule('KUBE-LOAD-BALANCER', null, ['-j', 'KUBE-MARK-MASQ']); // R-EXT-1 (LB VIPs without Local policy)
  filter.rule('KUBE-SOURCE-RANGES-FIREWALL', null, ['-j', 'DROP']);
  for (const e of state.noNodeAccess)
    filter.rule('KUBE-IPVS-OUT-FILTER', null, [
      ...['-s', e.ip, '-m', 'ipvs', '--vaddr', e.ip, '--vproto', e.protocol, '--vport', String(e.port)],
      ...['-j', 'DROP'],
    ]);
  for (const key of ['clusterIP', 'loadBalancer'] as const)
    if (has(key)) nat.rule('KUBE-SERVICES', null, [...matchSet(key), 'dst,dst', '-j', 'ACCEPT']);
  writeForwardRules(filter, mark);
  filter.rule('KUBE-NODE-PORT', null, [
    ...comment('healthCheckNodePort'),
    ...matchSet('healthCheckNodePort'),
    ...['dst', '-j', 'ACCEPT'],
  ]);
  for (const key of ['loadBalancer', 'clusterIP', 'externalIP', 'externalIPLocal'] as const)
    filter.rule('KUBE-IPVS-FILTER', null, [...matchSet(key), 'dst,dst', '-j', 'RETURN']);
  filter.rule('KUBE-IPVS-FILTER', null, [...matchSet('healthCheckNodePort'), 'dst', '-j', 'RETURN']);
  filter.rule('KUBE-IPVS-FILTER', null, [
    '-m',
    'conntrack',
    '--ctstate',
    'NEW',
    ...matchSet('ipvs'),
    'dst',
    '-j',
    'REJECT',
  ]);
  writeMasqueradeRules(nat, mark, options.randomFully !== false);
  return { nat: nat.table(), filter: filter.table() };
}

/** ipvsadm's order: ipvs_cmp_services (protocol, address, port); destinations by address, then port. */
function compareVirtualServers(a: IpvsVirtualServer, b: IpvsVirtualServer): number {
  return (
    PROTO_NUMBER[a.protocol] - PROTO_NUMBER[b.protocol] ||
    ipv4ToInt(a.address) - ipv4ToInt(b.address) ||
    a.port - b.port
  );
}

/** `ipvsadm -Ln` (ipvsadm.c print_title / print_service_entry, printf widths kept, trailing spaces included). */
export function ipvsadmList(virtualServers: readonly IpvsVirtualServer[]): string {
  let out =
    'IP Virtual Server version 1.2.1 (size=4096)\n' +
    'Prot LocalAddress:Port Scheduler Flags\n' +
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
  for (const vs of virtualServers) {
    out += `${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}${vs.persistentSeconds !== null ? ` persistent ${vs.persistentSeconds}` : ''}\n`;
    const dests = [...vs.realServers].sort(
      (a, b) => ipv4ToInt(a.address) - ipv4ToInt(b.address) || a.port - b.port,
    );
    for (const d of dests)
      out += `  -> ${`${d.address}:${d.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}\n`;
  }
  return out;
}

/** `ipset save` for kube-proxy's sets (ipset.go createSet defaults: hashsize 1024, maxelem 65536, range 0-65535). */
function ipsetSaveText(sets: readonly IpSet[]): string {
  let out = '';
  for (const s of sets) {
    const params = s.type === 'bitmap:port' ? 'range 0-65535' : 'family inet hashsize 1024 maxelem 65536';
    out += `create ${s.name} ${s.type} ${params}\n`;
    for (const e of s.entries) out += `add ${s.name} ${e}\n`;
  }
  return out;
}
