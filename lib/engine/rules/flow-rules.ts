/**
 * Which iptables rules one flow of the engine's answer traverses on its node, and which of them each step of
 * its packet walk is about (the explorer's "Rules on node" panel, issue 14). The rules are traced with the
 * kube-proxy tracer (trace.ts); each traversed rule is tagged with the R- rules of routing-semantics.md it
 * implements, and a step is linked to the traversed rules that carry an R- id its text names.
 */
import type { FlowAnswer } from '../answer';
import type { Scenario } from '../model';
import type { IptablesRendering } from './iptables';
import { tracePacket } from './trace';

export interface FlowRules {
  /** The "-A CHAIN …" lines traversed, in trace order. */
  lines: string[];
  /** For each step of the flow, the traversed lines it is about (possibly none). */
  steps: { step: string; lines: string[] }[];
}

/** The R- rules a kube-proxy iptables line implements (by its chain, target and comment). */
export function ruleIdsOfLine(line: string): string[] {
  const chain = line.split(' ')[1] ?? '';
  const target = line.match(/ -j (\S+)/)?.[1] ?? '';
  const ids: string[] = [];
  if (
    (chain === 'KUBE-SERVICES' && /^KUBE-(SVC|SVL|EXT|FW)-|^KUBE-NODEPORTS$/.test(target)) ||
    chain === 'KUBE-NODEPORTS'
  )
    ids.push('R-LB-6', 'R-SRC-3');
  if (chain === 'KUBE-NODEPORTS') ids.push('R-NP-1');
  if (line.includes('loadbalancer IP"')) ids.push('R-LBIP-1');
  if (line.includes('masquerade traffic for')) ids.push('R-EXT-1', 'R-SRC-2');
  if (line.includes('pod traffic for')) ids.push('R-EXT-4', 'R-X-3');
  if (line.includes('LOCAL traffic for')) ids.push('R-EXT-5', 'R-SRC-2');
  if (chain.startsWith('KUBE-EXT-') && target.startsWith('KUBE-SVL-')) ids.push('R-EXT-6', 'R-X-1');
  if (chain.startsWith('KUBE-EXT-') && target.startsWith('KUBE-SVC-') && !line.includes('--comment'))
    ids.push('R-EXT-2', 'R-X-2');
  if (/^KUBE-SV[CL]-/.test(chain) && target.startsWith('KUBE-SEP-')) ids.push('R-LB-1');
  if (chain.startsWith('KUBE-SEP-') && target === 'DNAT') ids.push('R-LB-1');
  if (chain.startsWith('KUBE-SEP-') && target === 'KUBE-MARK-MASQ') ids.push('R-HP-1');
  if (/^KUBE-SV[CL]-/.test(chain) && target === 'KUBE-MARK-MASQ') ids.push('R-INT-2', 'R-SRC-2');
  if (line.includes('has no local endpoints')) ids.push('R-EXT-7', 'R-INT-3', 'R-DROP-2');
  if (line.includes('has no endpoints')) ids.push('R-DROP-1');
  if (chain.startsWith('KUBE-FW-') || line.includes('traffic not accepted by')) ids.push('R-FW-1');
  return ids;
}

/** The packet of traffic i as the node sees it: source, destination, port, protocol. */
function packetOf(scenario: Scenario, index: number) {
  const traffic = scenario.traffic[index];
  const port = scenario.service.ports[0];
  if (!traffic || !port || traffic.node === null) return null;
  const node = scenario.cluster.nodes.find((n) => n.name === traffic.node);
  if (!node) return null;
  const [kind, name] = traffic.from.split('/');
  const source =
    kind === 'external'
      ? scenario.client.ip
      : kind === 'localhost'
        ? '127.0.0.1'
        : kind === 'pod'
          ? scenario.cluster.pods.find((p) => p.pod === name)?.ip
          : scenario.cluster.nodes.find((n) => n.name === name)?.ip;
  const dest =
    traffic.ip ??
    (traffic.to === 'nodePort'
      ? node.ip
      : traffic.to === 'clusterIP'
        ? scenario.service.clusterIP
        : traffic.to === 'loadBalancer'
          ? scenario.service.ingress[0]?.ip
          : scenario.service.externalIPs[0]);
  if (!source || !dest) return null;
  const destPort = traffic.to === 'nodePort' ? port.nodePort : port.port;
  if (destPort === null) return null;
  return { node, source, dest, destPort: String(destPort), protocol: port.protocol.toLowerCase() };
}

/**
 * The rules flow `index` of the answer traverses in `rendering` (iptables, rendered for the flow's node), with
 * each step linked to its lines; null when the flow does not enter that node's rules.
 */
export function flowRules(
  scenario: Scenario,
  flow: FlowAnswer,
  index: number,
  rendering: IptablesRendering,
): FlowRules | null {
  const packet = packetOf(scenario, index);
  if (!packet || packet.node.name !== rendering.node) return null;
  const nodeIPs = [packet.node.ip, ...packet.node.extraIPs];
  const { matches } = tracePacket(
    rendering,
    packet.source,
    packet.protocol,
    packet.dest,
    packet.destPort,
    nodeIPs,
  );
  const tagged = matches.map((line) => ({ line, ids: ruleIdsOfLine(line) }));
  const steps = flow.steps.map((step) => {
    const named = new Set(step.match(/R-[A-Z]+(?:-[A-Z]+)*-\d+/g) ?? []);
    return { step, lines: tagged.filter((t) => t.ids.some((id) => named.has(id))).map((t) => t.line) };
  });
  return { lines: matches, steps };
}
