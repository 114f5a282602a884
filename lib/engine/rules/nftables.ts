/**
 * What kube-proxy programs in nftables mode on one node: the `ip kube-proxy` table as the transaction it sends
 * to `nft -f` (one "add table/chain/set/map/rule/element" per line), following pkg/proxy/nftables/proxier.go
 * (setupNFTables, syncProxyRules, writeServiceToEndpointRules) of the version whose TestOverallNFTablesRules
 * the tests rebuild (see version.ts). Eligibility comes from the engine's categorisation, as for iptables.
 */
import type { EngineContext } from '../context/context';
import type { NodeModel, Scenario, ServicePortModel } from '../model';
import { cidrContains, parseCidr } from '../net';
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
  type RenderedEndpoint,
} from './common';
import { nftEndpointChainBase, nftServiceChainBase } from './names';

export interface NftablesOptions {
  /** The masquerade mark as written (kube-proxy: fmt "%#08x" of 1<<14 → "0x00004000"; its unit tests "0x4000"). */
  masqueradeMark?: string;
  /** The cluster's Service CIDRs (ServiceCIDR objects): traffic to unallocated ClusterIPs is dropped. */
  serviceCIDRs?: string[];
}

export interface NftablesRendering {
  mode: 'nftables';
  node: string;
  /** The transaction lines, in kube-proxy's order. */
  lines: string[];
  text: string;
  notes: string[];
}

const T = 'ip kube-proxy';

class Tx {
  readonly lines: string[] = [];
  private readonly chains = new Set<string>();
  add(line: string): void {
    this.lines.push(line);
  }
  chain(name: string): void {
    if (this.chains.has(name)) return;
    this.chains.add(name);
    this.lines.push(`add chain ${T} ${name}`);
  }
  rule(chain: string, rule: string, comment?: string): void {
    this.lines.push(`add rule ${T} ${chain} ${rule}${comment ? ` comment "${comment}"` : ''}`);
  }
  element(container: string, key: string, value?: string, comment?: string): void {
    this.lines.push(
      `add element ${T} ${container} { ${key}${comment ? ` comment "${comment}"` : ''}${value ? ` : ${value}` : ''} }`,
    );
  }
}

export function renderNftablesServices(
  scenarios: readonly Scenario[],
  nodeName: string,
  options: NftablesOptions = {},
): NftablesRendering {
  const target = renderTarget(scenarios, nodeName);
  const { first, node, notes } = target;
  const mark = options.masqueradeMark ?? DEFAULT_MASQUERADE_MARK;
  const detector = detectorCidr(first.cluster, notes);
  const tx = new Tx();

  // setupNFTables: the table, its sets and maps, base chains and the fixed rules.
  tx.add(`add table ${T} { comment "rules for kube-proxy" ; }`);
  tx.add(`add set ${T} cluster-ips { type ipv4_addr ; comment "Active ClusterIPs" ; }`);
  // R-NP-1 / R-NP-3: nftables answers NodePorts only on --nodeport-addresses (default: the primary IP), never on 127.0.0.1.
  const nodePortIPs = nodePortAddresses(first, node);
  if (nodePortIPs)
    tx.add(`add set ${T} nodeport-ips { type ipv4_addr ; comment "IPs that accept NodePort traffic" ; }`);
  tx.add(
    `add map ${T} firewall-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }`,
  );
  tx.add(
    `add map ${T} no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }`,
  );
  tx.add(
    `add map ${T} no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }`,
  );
  tx.add(
    `add map ${T} service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }`,
  );
  tx.add(
    `add map ${T} service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }`,
  );
  tx.chain('cluster-ips-check');
  tx.add(`add chain ${T} filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }`);
  tx.add(`add chain ${T} filter-output-pre-dnat { type filter hook output priority -110 ; }`);
  tx.add(`add chain ${T} filter-forward { type filter hook forward priority 0 ; }`);
  tx.add(`add chain ${T} filter-input { type filter hook input priority 0 ; }`);
  tx.add(`add chain ${T} filter-output { type filter hook output priority 0 ; }`);
  for (const c of ['firewall-check', 'mark-for-masquerade', 'masquerading']) tx.chain(c);
  tx.add(`add chain ${T} nat-output { type nat hook output priority -100 ; }`);
  tx.add(`add chain ${T} nat-postrouting { type nat hook postrouting priority 100 ; }`);
  tx.add(`add chain ${T} nat-prerouting { type nat hook prerouting priority -100 ; }`);
  tx.chain('nodeport-endpoints-check');
  tx.add(
    `add chain ${T} reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }`,
  );
  tx.chain('services');
  tx.chain('service-endpoints-check');

  tx.rule(
    'cluster-ips-check',
    'ip daddr @cluster-ips reject',
    'Reject traffic to invalid ports of ClusterIPs',
  );
  const serviceCIDRs = (options.serviceCIDRs ?? []).filter((c) => parseCidr(c) !== null);
  if (serviceCIDRs.length > 0)
    tx.rule(
      'cluster-ips-check',
      `ip daddr { ${serviceCIDRs.join(',')} } drop`,
      'Drop traffic to unallocated ClusterIPs',
    );
  else
    notes.push(
      'No Service CIDR is known, so the "Drop traffic to unallocated ClusterIPs" rule is not shown.',
    );
  tx.rule('filter-prerouting-pre-dnat', 'ct state new jump firewall-check');
  tx.rule('filter-forward', 'ct state new jump service-endpoints-check');
  tx.rule('filter-forward', 'ct state new jump cluster-ips-check');
  tx.rule('filter-input', 'ct state new jump nodeport-endpoints-check');
  tx.rule('filter-input', 'ct state new jump service-endpoints-check');
  tx.rule('filter-output', 'ct state new jump service-endpoints-check');
  tx.rule('filter-output-pre-dnat', 'ct state new jump firewall-check');
  tx.rule('filter-output', 'ct state new jump cluster-ips-check');
  tx.rule('firewall-check', 'ip daddr . meta l4proto . th dport vmap @firewall-ips');
  tx.rule('mark-for-masquerade', `mark set mark or ${mark}`);
  tx.rule('masquerading', `mark and ${mark} == 0 return`);
  tx.rule('masquerading', `mark set mark xor ${mark}`);
  tx.rule('masquerading', 'masquerade fully-random');
  tx.rule('nat-output', 'jump services');
  tx.rule('nat-postrouting', 'jump masquerading');
  tx.rule('nat-prerouting', 'jump services');
  if (nodePortIPs)
    tx.rule(
      'nodeport-endpoints-check',
      'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports',
    );
  else
    tx.rule(
      'nodeport-endpoints-check',
      'ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports',
    );
  tx.rule('reject-chain', 'reject');
  tx.rule('services', 'ip daddr . meta l4proto . th dport vmap @service-ips');
  if (nodePortIPs)
    tx.rule('services', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports');
  else
    tx.rule(
      'services',
      'fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports',
    );
  for (const ip of nodePortIPs ?? []) tx.element('nodeport-ips', ip);
  tx.rule('service-endpoints-check', 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services');

  for (const { ctx, port } of servicePorts(target))
    renderServicePort(ctx, port, node, detector, first.cluster.masqueradeAll, tx);
  return { mode: 'nftables', node: node.name, lines: tx.lines, text: `${tx.lines.join('\n')}\n`, notes };
}

/** Renders what kube-proxy on `nodeName` programs in nftables mode for the scenario's Service. */
export const renderNftables = forOneService(renderNftablesServices);

/** The node addresses NodePorts answer on, or null for every local address (the nodeport-ips set is deleted). */
function nodePortAddresses(scenario: Scenario, node: NodeModel): string[] | null {
  const npa = scenario.cluster.nodePortAddresses;
  if (npa === 'all') return null;
  if (npa === 'primary') return [node.ip];
  const cidrs = npa.filter((c) => parseCidr(c) !== null);
  if (cidrs.length === 0) return null;
  // kube-proxy skips loopback addresses here: nftables never serves localhost NodePorts.
  const local = [node.ip, ...node.extraIPs];
  return local.filter((ip, i) => local.indexOf(ip) === i && cidrs.some((c) => cidrContains(c, ip)));
}

function renderServicePort(
  ctx: EngineContext,
  port: ServicePortModel,
  node: NodeModel,
  detector: string | null,
  masqueradeAll: boolean,
  tx: Tx,
): void {
  const { service, flags, protocol, name, targetPort } = portFacts(ctx, port);
  const base = nftServiceChainBase(service.namespace, service.name, protocol, port.name);
  const clusterChain = `service-${base}`;
  const localChain = `local-${base}`;
  const externalChain = `external-${base}`;
  const fwChain = `firewall-${base}`;
  const clusterIP = flags.clusterIP!;
  const key = (ip: string) => `${ip} . ${protocol} . ${port.port}`;
  const lbIPs = loadBalancerVIPs(service);
  const ranges = sourceRangesOf(service);
  const nodePort = port.nodePort ?? 0;
  const externallyAccessible = nodePort !== 0 || lbIPs.length > 0 || service.externalIPs.length > 0;
  const affinity = service.sessionAffinity === 'ClientIP';

  // R-EP-1..5 from the engine's categorisation; endpoint chains named as kube-proxy names them.
  const chainOf = (ep: string) => {
    const ip = ep.slice(0, ep.lastIndexOf(':'));
    return `endpoint-${nftEndpointChainBase(service.namespace, service.name, protocol, port.name, ip, targetPort)}`;
  };
  const {
    cluster: clusterEndpoints,
    local: localEndpoints,
    allReachable,
    hasEndpoints,
  } = endpointSets(ctx, node, targetPort, chainOf);
  const affinitySet = (ep: RenderedEndpoint) => `affinity-${ep.chain.slice('endpoint-'.length)}`;

  for (const ep of allReachable) tx.chain(ep.chain);
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && flags.usesClusterEndpoints;
  const usesLocalPolicyChain = localEndpoints.length > 0 && flags.usesLocalEndpoints;
  if (usesClusterPolicyChain) tx.chain(clusterChain);
  if (usesLocalPolicyChain) tx.chain(localChain);
  const internalChain = flags.internalPolicyLocal ? localChain : clusterChain;
  const hasInternalEndpoints = hasEndpoints && (!flags.internalPolicyLocal || localEndpoints.length > 0);
  const externalPolicyChain = flags.externalPolicyLocal ? localChain : clusterChain;
  const hasExternalEndpoints = hasEndpoints && (!flags.externalPolicyLocal || localEndpoints.length > 0);
  const usesExternalChain = hasEndpoints && externallyAccessible;
  if (usesExternalChain) tx.chain(externalChain);

  // R-DROP-1 (no endpoints: goto reject-chain) and R-INT-3 / R-EXT-7 (no local endpoints: drop).
  const internalVerdict = !hasEndpoints ? 'goto reject-chain' : !hasInternalEndpoints ? 'drop' : null;
  const externalVerdict = !hasEndpoints ? 'goto reject-chain' : !hasExternalEndpoints ? 'drop' : null;

  tx.element('cluster-ips', clusterIP);
  if (hasInternalEndpoints) tx.element('service-ips', key(clusterIP), `goto ${internalChain}`);
  else tx.element('no-endpoint-services', key(clusterIP), internalVerdict!, name);
  for (const ip of service.externalIPs) {
    if (hasEndpoints) tx.element('service-ips', key(ip), `goto ${externalChain}`);
    if (externalVerdict) tx.element('no-endpoint-services', key(ip), externalVerdict, name);
  }
  // R-FW-1: loadBalancerSourceRanges route LB traffic through firewall-… (nftables: even without endpoints).
  const usesFirewall = lbIPs.length > 0 && ranges.length > 0;
  if (usesFirewall) tx.chain(fwChain);
  for (const ip of lbIPs) {
    if (hasEndpoints) tx.element('service-ips', key(ip), `goto ${externalChain}`);
    if (usesFirewall) tx.element('firewall-ips', key(ip), `goto ${fwChain}`);
  }
  if (externalVerdict)
    for (const ip of lbIPs) tx.element('no-endpoint-services', key(ip), externalVerdict, name);
  if (nodePort !== 0) {
    if (hasEndpoints) tx.element('service-nodeports', `${protocol} . ${nodePort}`, `goto ${externalChain}`);
    if (externalVerdict)
      tx.element('no-endpoint-nodeports', `${protocol} . ${nodePort}`, externalVerdict, name);
  }

  if (hasInternalEndpoints) {
    // R-INT-2: masquerade ClusterIP traffic that is not from a pod (or all of it with --masquerade-all).
    if (masqueradeAll) tx.rule(internalChain, `ip daddr ${clusterIP} jump mark-for-masquerade`);
    else if (detector)
      tx.rule(internalChain, `ip daddr ${clusterIP} ip saddr != ${detector} jump mark-for-masquerade`);
  }
  if (usesExternalChain) {
    if (!flags.externalPolicyLocal) {
      tx.rule(externalChain, 'jump mark-for-masquerade'); // R-EXT-1
    } else {
      if (detector)
        tx.rule(externalChain, `ip saddr ${detector} goto ${clusterChain}`, 'short-circuit pod traffic'); // R-EXT-4
      tx.rule(externalChain, 'fib saddr type local jump mark-for-masquerade', 'masquerade local traffic'); // R-EXT-5
      tx.rule(externalChain, `fib saddr type local goto ${clusterChain}`, 'short-circuit local traffic');
    }
    if (hasExternalEndpoints) tx.rule(externalChain, `goto ${externalPolicyChain}`);
  }
  if (usesFirewall) {
    const sources = [...ranges];
    if (ranges.some((c) => cidrContains(c, node.ip))) sources.push(...lbIPs);
    tx.rule(fwChain, `ip saddr != { ${sources.join(' , ')} } drop`);
  }
  if (affinity) {
    for (const ep of allReachable)
      tx.add(
        `add set ${T} ${affinitySet(ep)} { type ipv4_addr ; flags dynamic,timeout ; timeout ${service.sessionAffinityTimeoutSeconds}s ; }`,
      );
  }
  const dispatch = (chain: string, endpoints: RenderedEndpoint[]) => {
    if (affinity) for (const ep of endpoints) tx.rule(chain, `ip saddr @${affinitySet(ep)} goto ${ep.chain}`);
    // R-LB-1: numgen picks each endpoint with probability 1/n.
    tx.rule(
      chain,
      `numgen random mod ${endpoints.length} vmap { ${endpoints.map((ep, i) => `${i} : goto ${ep.chain}`).join(' , ')} }`,
    );
  };
  if (usesClusterPolicyChain) dispatch(clusterChain, clusterEndpoints);
  if (usesLocalPolicyChain) dispatch(localChain, localEndpoints);
  for (const ep of allReachable) {
    tx.rule(ep.chain, `ip saddr ${ep.ip} jump mark-for-masquerade`); // R-HP-1
    if (affinity) tx.rule(ep.chain, `update @${affinitySet(ep)} { ip saddr }`);
    tx.rule(ep.chain, `meta l4proto ${protocol} dnat to ${ep.text}`);
  }
}
