/**
 * Which iptables rules one flow of the engine's answer traverses on its node, and which of them each step of
 * its packet walk is about (the explorer's "Rules on node" panel, issue 14). The rules are traced with the
 * kube-proxy tracer (trace.ts); each traversed rule is tagged with the R- rules of routing-semantics.md it
 * implements, and a step is linked to the traversed rules that carry an R- id its text names.
 */
import type { FlowAnswer } from '../answer';
import type { Scenario } from '../model';
import type { IptablesRendering } from './iptables';
import type { IpvsRendering } from './ipvs';
import { traceNft } from './nft-trace';
import { traceIpvsPacket, tracePacket } from './trace';

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
  return { lines: matches, steps: linkSteps(flow, tagged) };
}

/** The block (chain, map or set) each line of an `nft list table` listing belongs to. */
function nftBlocks(listed: readonly string[]): string[] {
  let block = '';
  return listed.map((l) => {
    const head = /^\t(?:chain|map|set) (\S+) \{$/.exec(l);
    if (head) block = head[1]!;
    return block;
  });
}

/** The R- rules an `nft list table ip kube-proxy` line implements (by its block and text), as ruleIdsOfLine does for iptables. */
export function ruleIdsOfNftLine(block: string, line: string): string[] {
  const text = line.trim();
  const ids: string[] = [];
  if (block === 'services' || block === 'service-ips' || block === 'service-nodeports') ids.push('R-LB-6', 'R-SRC-3');
  if (block === 'service-nodeports' || text.includes('@service-nodeports')) ids.push('R-NP-1');
  if (block.startsWith('external-')) {
    if (text === 'jump mark-for-masquerade') ids.push('R-EXT-1', 'R-SRC-2');
    if (text.includes('short-circuit pod traffic')) ids.push('R-EXT-4', 'R-X-3');
    if (text.includes('local traffic')) ids.push('R-EXT-5', 'R-SRC-2');
    if (/^goto local-/.test(text)) ids.push('R-EXT-6', 'R-X-1');
    if (/^goto service-/.test(text)) ids.push('R-EXT-2', 'R-X-2');
  }
  if (/^(service|local)-/.test(block)) {
    if (text.startsWith('numgen')) ids.push('R-LB-1', 'R-LB-2');
    if (text.endsWith('jump mark-for-masquerade')) ids.push('R-INT-2', 'R-SRC-2');
  }
  if (block.startsWith('endpoint-')) ids.push(text.includes('dnat to') ? 'R-LB-1' : 'R-HP-1');
  if (block === 'no-endpoint-services' || block === 'no-endpoint-nodeports')
    ids.push(...(/: drop/.test(text) ? ['R-EXT-7', 'R-INT-3', 'R-DROP-2'] : ['R-DROP-1']));
  if (block.startsWith('firewall-') || block === 'firewall-ips') ids.push('R-FW-1');
  return ids;
}

/** Links each step of `flow` to the traversed lines whose R- rules its text names. */
function linkSteps(flow: FlowAnswer, tagged: { line: string; ids: string[] }[]): FlowRules['steps'] {
  return flow.steps.map((step) => {
    const named = new Set(step.match(/R-[A-Z]+(?:-[A-Z]+)*-\d+/g) ?? []);
    return { step, lines: tagged.filter((t) => t.ids.some((id) => named.has(id))).map((t) => t.line) };
  });
}

/**
 * The lines of `nft list table ip kube-proxy` (the listing, split in lines, rendered for the flow's node) that
 * flow `index` traverses, traced by nft-trace.ts, with each step linked to its lines; null when the flow does
 * not enter that node's rules. Lines are returned as listing indexes (a listing repeats lines such as "}").
 */
export function flowRulesNft(
  scenario: Scenario,
  flow: FlowAnswer,
  index: number,
  node: string,
  listed: readonly string[],
): { lines: number[]; steps: { step: string; lines: number[] }[] } | null {
  const packet = packetOf(scenario, index);
  if (!packet || packet.node.name !== node) return null;
  const { lines } = traceNft(listed, {
    source: packet.source,
    dest: packet.dest,
    destPort: packet.destPort,
    protocol: packet.protocol,
    nodeIPs: [packet.node.ip, ...packet.node.extraIPs],
  });
  const blocks = nftBlocks(listed);
  const tagged = lines.map((i) => ({ line: String(i), ids: ruleIdsOfNftLine(blocks[i]!, listed[i]!) }));
  return { lines, steps: linkSteps(flow, tagged).map((s) => ({ step: s.step, lines: s.lines.map(Number) })) };
}

/**
 * The R- rules a line of IPVS mode's iptables part implements (pkg/proxy/ipvs/proxier.go writeIptablesRules: the
 * rules match kube-proxy's ipsets, not addresses): dispatch to IPVS (R-LB-6), the ClusterIP masquerade (R-INT-2),
 * the external masquerade of KUBE-LOAD-BALANCER / KUBE-NODE-PORT (R-EXT-1, R-NP-1), the Local sets' RETURN before
 * it (R-X-4: not masqueraded, R-SRC-1), and KUBE-MARK-MASQ / KUBE-POSTROUTING that masquerade (R-SRC-2).
 */
export function ruleIdsOfIpvsLine(line: string): string[] {
  const chain = line.split(' ')[1] ?? '';
  const target = line.match(/ -j (\S+)/)?.[1] ?? '';
  const set = line.match(/--match-set (\S+)/)?.[1] ?? '';
  if (/^KUBE-(LOAD-BALANCER|NODE-PORT|EXTERNAL-IP)-LOCAL/.test(set) && target === 'RETURN') return ['R-X-4', 'R-SRC-1'];
  if (set === 'KUBE-CLUSTER-IP' && target === 'KUBE-MARK-MASQ') return ['R-INT-2', 'R-SRC-2'];
  if (target === 'KUBE-MARK-MASQ') return chain === 'KUBE-NODE-PORT' ? ['R-EXT-1', 'R-NP-1', 'R-SRC-2'] : ['R-EXT-1', 'R-SRC-2'];
  if (chain === 'KUBE-MARK-MASQ' || chain === 'KUBE-POSTROUTING') return ['R-SRC-2', 'R-INT-2', 'R-EXT-1'];
  if (chain === 'KUBE-SERVICES' || chain === 'KUBE-IPVS-FILTER') return chain === 'KUBE-SERVICES' && target === 'KUBE-NODE-PORT' ? ['R-LB-6', 'R-NP-1'] : ['R-LB-6'];
  if (line.includes('source ranges') || chain.includes('FIREWALL')) return ['R-FW-1'];
  return [];
}

/**
 * IPVS: the lines of the IPVS text (`ipvsadm -Ln`, `ipset save`, iptables part; rendering.text split in lines)
 * that flow `index` uses: the virtual server for its destination and its real servers (the rr pick, R-LB-3), the
 * ipset entries that let kube-proxy's iptables rules recognise the destination (R-LB-6), and the rules of the
 * iptables part it passes through, traced with their ipset matches (trace.ts traceIpvsPacket: KUBE-SERVICES,
 * KUBE-LOAD-BALANCER, KUBE-NODE-PORT, KUBE-IPVS-FILTER; KUBE-MARK-MASQ and KUBE-POSTROUTING when it is
 * masqueraded). Null when the flow does not enter that node's rules.
 */
export function flowRulesIpvs(
  scenario: Scenario,
  flow: FlowAnswer,
  index: number,
  rendering: IpvsRendering,
): { lines: number[]; steps: { step: string; lines: number[] }[] } | null {
  const packet = packetOf(scenario, index);
  if (!packet || packet.node.name !== rendering.node) return null;
  const text = rendering.text.replace(/\n$/, '').split('\n');
  const tagged: { line: string; ids: string[] }[] = [];
  const vs = `${packet.protocol.toUpperCase()}  ${packet.dest}:${packet.destPort} `;
  const start = text.findIndex((l) => l.startsWith(vs));
  if (start >= 0) {
    tagged.push({ line: String(start), ids: ['R-LB-1', 'R-LB-3', 'R-LB-6'] });
    for (let i = start + 1; i < text.length && text[i]!.startsWith('  -> '); i++)
      tagged.push({ line: String(i), ids: ['R-LB-1', 'R-LB-3'] });
  }
  const entry = `${packet.dest},${packet.protocol}:${packet.destPort}`;
  text.forEach((l, i) => {
    const add = /^add (KUBE-\S+) (\S+)$/.exec(l);
    if (add && (add[2] === entry || (/^KUBE-NODE-PORT-/.test(add[1]!) && add[2] === packet.destPort && packet.dest === packet.node.ip)))
      tagged.push({ line: String(i), ids: ['R-LB-6', 'R-SRC-3'] });
  });
  // The iptables part: each traced rule's line, looked up after the part's heading (nat and filter lines differ).
  const part = text.findIndex((l) => l.startsWith('# iptables-restore input'));
  const { matches } = traceIpvsPacket(rendering, packet.source, packet.protocol, packet.dest, packet.destPort, [packet.node.ip, ...packet.node.extraIPs]);
  for (const line of matches) {
    const at = text.indexOf(line, part);
    if (at >= 0 && !tagged.some((t) => t.line === String(at))) tagged.push({ line: String(at), ids: ruleIdsOfIpvsLine(line) });
  }
  tagged.sort((a, b) => Number(a.line) - Number(b.line));
  return {
    lines: tagged.map((t) => Number(t.line)),
    steps: linkSteps(flow, tagged).map((s) => ({ step: s.step, lines: s.lines.map(Number) })),
  };
}
