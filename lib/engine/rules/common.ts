/**
 * What the iptables and nftables renderings share: the detector's CIDR, normalised CIDRs (net.IPNet.String()),
 * the programmed LB VIPs and source ranges of a Service, and endpoint lists as kube-proxy orders them.
 */
import { createContext, type EngineContext } from '../context/context';
import type {
  EndpointModel,
  ClusterModel,
  NodeModel,
  Scenario,
  ServiceModel,
  ServicePortModel,
} from '../model';
import { ipv4ToInt, parseCidr } from '../net';
import { servicePortName } from './names';

/** Errors a scenario can cause that kube-proxy itself would never see (the scenario lacks a fact). */
export class RulesError extends Error {}

/** kube-proxy's masquerade mark for --masquerade-bit 14, as fmt.Sprintf("%#08x", 1<<14) prints it. */
export const DEFAULT_MASQUERADE_MARK = `0x${(1 << 14).toString(16).padStart(8, '0')}`;

/** What one rendering works on: one context per Service scenario (the first one's cluster), and the node. */
export interface RenderTarget {
  first: Scenario;
  contexts: EngineContext[];
  node: NodeModel;
  notes: string[];
}

/** The one-Service form of a renderer over several Services (one scenario each, over the first's cluster). */
export function forOneService<O, R>(
  render: (scenarios: readonly Scenario[], nodeName: string, options?: O) => R,
): (scenario: Scenario, nodeName: string, options?: O) => R {
  return (scenario, nodeName, options) => render([scenario], nodeName, options);
}

/** Checks the inputs every renderer needs; RulesError for no scenario or an unknown node. */
export function renderTarget(scenarios: readonly Scenario[], nodeName: string): RenderTarget {
  const first = scenarios[0];
  if (!first) throw new RulesError('rules: no scenario to render');
  const contexts = scenarios.map((s) => createContext(s));
  const node = contexts[0]!.nodes.get(nodeName);
  if (!node)
    throw new RulesError(
      `rules: no node named "${nodeName}" in the scenario (nodes: ${first.cluster.nodes.map((n) => n.name).join(', ')})`,
    );
  return { first, contexts, node, notes: [] };
}

/**
 * Each proxied service port, in Service then port order; headless Services are skipped with a note (kube-proxy
 * programs nothing for them).
 */
export function* servicePorts(
  target: RenderTarget,
): Generator<{ ctx: EngineContext; port: ServicePortModel }> {
  for (const ctx of target.contexts) {
    const service = ctx.scenario.service;
    if (ctx.flags.clusterIP === null) {
      target.notes.push(
        `${service.namespace}/${service.name} has no cluster IP (headless): kube-proxy programs nothing for it.`,
      );
      continue;
    }
    for (const port of service.ports) yield { ctx, port };
  }
}

/** The endpoint port (a numeric targetPort); a named one cannot be resolved without container ports. */
export function targetPortOf(service: ServiceModel, port: ServicePortModel): number {
  if (typeof port.targetPort === 'string')
    throw new RulesError(
      `rules: service.spec.ports[${service.ports.indexOf(port)}].targetPort "${port.targetPort}" is a named port; the scenario has no container ports to resolve it (use a number)`,
    );
  return port.targetPort;
}

function intToIPv4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** net.IPNet.String() of a parsed CIDR: the network address and prefix ("203.0.113.0/25"). */
export function normalizeCidr(text: string): string | null {
  const c = parseCidr(text);
  return c ? `${intToIPv4(c.base)}/${c.bits}` : null;
}

/** The smallest CIDR holding every address (the detector's CIDR when the scenario names none). */
export function coveringCidr(ips: readonly string[]): string | null {
  const values = ips.map(ipv4ToInt).filter((v) => !Number.isNaN(v));
  if (values.length === 0) return null;
  let bits = 32;
  const first = values[0]!;
  for (const v of values) {
    while (bits > 0 && (first ^ v) >>> (32 - bits) !== 0) bits--;
  }
  const base = bits === 0 ? 0 : (first & (-1 << (32 - bits))) >>> 0;
  return `${intToIPv4(base)}/${bits}`;
}

/**
 * The LocalTrafficDetector's CIDR (R-EXT-4): clusterCIDR, or — when the scenario names none — the smallest CIDR
 * holding every Pod IP of the scenario (noted); null without a detector (R-EXT-8).
 */
export function detectorCidr(cluster: ClusterModel, notes: string[]): string | null {
  if (!cluster.detectLocal) return null;
  const cidr = cluster.clusterCIDR
    ? normalizeCidr(cluster.clusterCIDR)
    : coveringCidr(cluster.pods.map((p) => p.ip));
  if (!cluster.clusterCIDR && cidr)
    notes.push(
      `The scenario gives no clusterCIDR; the detector's CIDR shown is ${cidr}, the smallest CIDR holding every Pod IP of the scenario (R-EXT-4).`,
    );
  if (!cidr)
    notes.push(
      'No clusterCIDR and no Pods: kube-proxy runs without a local-traffic detector here (R-EXT-8).',
    );
  return cidr;
}

/** R-LBIP-1: only VIP-mode ingress IPs of a LoadBalancer Service are programmed. */
export function loadBalancerVIPs(service: ServiceModel): string[] {
  return service.type === 'LoadBalancer'
    ? service.ingress.filter((i) => i.ipMode === 'VIP').map((i) => i.ip)
    : [];
}

/** R-FW-1: loadBalancerSourceRanges, trimmed and normalised; unparsable ranges are ignored as kube-proxy does. */
export function sourceRanges(service: ServiceModel): string[] {
  return service.loadBalancerSourceRanges.map(normalizeCidr).filter((c): c is string => c !== null);
}

/** What every renderer first derives from one service port: kube-proxy's protocol and ServicePortName string. */
export function portFacts(ctx: EngineContext, port: ServicePortModel) {
  const service = ctx.scenario.service;
  return {
    service,
    flags: ctx.flags,
    protocol: port.protocol.toLowerCase(),
    name: servicePortName(service.namespace, service.name, port.name),
    targetPort: targetPortOf(service, port),
  };
}

/**
 * The node's endpoint sets for one port (R-EP-1..5, from the engine's one categorisation), listed as kube-proxy
 * lists them; the Cluster set only when the Service uses it, the Local set likewise; `names` names the chains.
 */
export function endpointSets(
  ctx: EngineContext,
  node: NodeModel,
  targetPort: number,
  names: (ep: string) => string,
) {
  const cat = ctx.categorization(node);
  const known = new Map<EndpointModel, RenderedEndpoint>();
  const cluster = ctx.flags.usesClusterEndpoints
    ? endpointList(cat.cluster ?? [], targetPort, names, known)
    : [];
  const local = ctx.flags.usesLocalEndpoints ? endpointList(cat.local ?? [], targetPort, names, known) : [];
  const allReachable =
    cat.allReachable === cat.cluster ? cluster : endpointList(cat.allReachable, targetPort, names, known);
  return { cluster, local, allReachable, hasEndpoints: cat.hasAnyEndpoints };
}

export interface RenderedEndpoint {
  /** "ip:port", kube-proxy's Endpoint.String(). */
  text: string;
  ip: string;
  chain: string;
}

/**
 * The endpoints of one set as kube-proxy lists them: its EndpointSliceCache keys them by "ip:port" (so an
 * address appears once) and sorts them by that string (byEndpoint).
 */
export function endpointList(
  set: readonly EndpointModel[],
  port: number,
  names: (ep: string) => string,
  known: Map<EndpointModel, RenderedEndpoint>,
): RenderedEndpoint[] {
  const byText = new Map<string, RenderedEndpoint>();
  for (const e of set) {
    let rendered = known.get(e);
    if (!rendered) {
      const text = `${e.ip}:${port}`;
      known.set(e, (rendered = { text, ip: e.ip, chain: names(text) }));
    }
    if (!byText.has(rendered.text)) byText.set(rendered.text, rendered);
  }
  return [...byText.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
