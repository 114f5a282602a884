/**
 * The excerpts the "read the rules" kind shows (issue 14): cut from what the renderer (lib/engine/rules, kube-proxy
 * v1.33) prints for one node, never typed by hand. Each is what a learner would see on the node with a command
 * that narrows the output (the command is the excerpt's first line, as a shell comment):
 *   iptables  `iptables-save` lines of the chains asked about (whole chains, in the order the connection meets them)
 *   nftables  one chain or map of `nft list table ip kube-proxy`, as `nft list chain|map` prints it; or the blocks
 *             (chains, maps, sets) one connection passes through, whole, in the order it meets them
 *   ipvs      one virtual server of `ipvsadm -Ln`; or, for one connection, its virtual server, the ipsets and the
 *             iptables chains kube-proxy's IPVS mode uses for it (masquerade and filter: proxier.go writeIptablesRules)
 */
import type { Scenario } from '@/lib/engine';
import {
  ipvsadmList,
  nftListTable,
  renderIptables,
  renderIpvs,
  renderNftables,
  saveRule,
  traceIpvsPacket,
  traceNft,
  tracePacket,
  type IptablesRendering,
  type IptablesRule,
  type IpvsRendering,
} from '@/lib/engine/rules';

export type ExcerptMode = 'iptables' | 'nftables' | 'ipvs';

/**
 * The chains of a table in `iptables-save`, each chain's lines in save order: iptablesSave prints a chain's rules
 * in table order, each with saveRule, so only the chains asked for are printed (not the whole save text).
 */
function saveChains(rendering: IptablesRendering): { get(key: string): string[] | undefined; has(key: string): boolean } {
  const rules = new Map<string, IptablesRule[]>();
  for (const t of [rendering.filter, rendering.nat])
    for (const r of t.rules) {
      const key = `${t.name}/${r.chain}`;
      if (!rules.has(key)) rules.set(key, []);
      rules.get(key)!.push(r);
    }
  return {
    get: (key) => rules.get(key)?.map((r) => saveRule(r.chain, r.args)),
    has: (key) => rules.has(key),
  };
}

/** `iptables-save` cut to whole chains (table/chain keys), grouped under their table headers. */
function iptablesExcerpt(rendering: IptablesRendering, keys: readonly string[], command: string): string {
  const chains = saveChains(rendering);
  const out = [`# ${command}`];
  for (const table of ['nat', 'filter']) {
    const mine = keys.filter((k) => k.startsWith(`${table}/`) && chains.has(k));
    if (mine.length === 0) continue;
    out.push(`*${table}`);
    for (const k of mine) out.push(...chains.get(k)!);
  }
  return out.join('\n');
}

/** iptables: the one nat chain `chain` (a KUBE-SVC-/KUBE-SVL-/KUBE-SERVICES chain) on `node`. */
export function iptablesChainExcerpt(scenario: Scenario, node: string, chain: string): string {
  const rendering = renderIptables(scenario, node);
  const lines = saveChains(rendering).get(`nat/${chain}`) ?? [];
  return [`# iptables-save -t nat | grep -- '-A ${chain} '`, ...lines].join('\n');
}

/**
 * iptables: every chain one new connection passes through on `node` (nat from KUBE-SERVICES, then filter), as the
 * kube-proxy tracer (lib/engine/rules/trace.ts) finds them; nat KUBE-SERVICES always, so the learner sees which
 * destinations have a rule at all.
 */
export function iptablesFlowExcerpt(
  scenario: Scenario,
  node: string,
  packet: { source: string; dest: string; port: string; nodeIPs: readonly string[] },
): string {
  const rendering = renderIptables(scenario, node);
  const { matches } = tracePacket(rendering, packet.source, 'tcp', packet.dest, packet.port, packet.nodeIPs);
  const tableOf = new Map<string, string>();
  for (const t of [rendering.nat, rendering.filter]) for (const r of t.rules) tableOf.set(r.line, t.name);
  const keys = ['nat/KUBE-SERVICES'];
  for (const line of matches) {
    const key = `${tableOf.get(line)}/${line.split(' ')[1]}`;
    if (!keys.includes(key)) keys.push(key);
  }
  return iptablesExcerpt(rendering, keys, 'iptables-save (kube-proxy chains this connection passes through)');
}

/**
 * nftables: the chain of `nft list table ip kube-proxy` whose name starts with `prefix` and ends with `suffix`
 * (kube-proxy's "<prefix><hash>-<ns>/<name>/<proto>/<port>"), as `nft list chain` prints it.
 */
export function nftChainExcerpt(scenario: Scenario, node: string, prefix: string, suffix: string): string {
  const listed = nftListTable(renderNftables(scenario, node).lines).split('\n');
  const start = listed.findIndex((l) => l.startsWith(`\tchain ${prefix}`) && l.endsWith(`${suffix} {`));
  if (start < 0) throw new Error(`read-rules: no nft chain ${prefix}…${suffix} on ${node}`);
  const end = listed.findIndex((l, i) => i > start && l === '\t}');
  const name = listed[start]!.trim().replace(/^chain /, '').replace(/ \{$/, '');
  return [
    `# nft list chain ip kube-proxy ${name}`,
    'table ip kube-proxy {',
    ...listed.slice(start, end + 1),
    '}',
  ].join('\n');
}

/** ipvs: the virtual server address:port of `ipvsadm -Ln` on `node`. */
export function ipvsExcerpt(scenario: Scenario, node: string, address: string, port: number): string {
  return [`# ipvsadm -Ln -t ${address}:${port}`, virtualServerText(renderIpvs(scenario, node), address, port)].join('\n');
}

function virtualServerText(rendering: IpvsRendering, address: string, port: number): string {
  const vs = rendering.virtualServers.filter((v) => v.address === address && v.port === port);
  if (vs.length === 0) throw new Error(`read-rules: no virtual server ${address}:${port} on ${rendering.node}`);
  return ipvsadmList(vs).trimEnd();
}

/** One new connection as the node sees it: source, destination address and port, the node's own addresses. */
export interface ExcerptPacket {
  source: string;
  dest: string;
  port: string;
  nodeIPs: readonly string[];
}

/**
 * nftables: every block of `nft list table ip kube-proxy` one new connection passes through on `node` (the
 * kube-proxy nft tracer, lib/engine/rules/nft-trace.ts, finds them), whole, in the order it first meets them.
 */
export function nftFlowExcerpt(scenario: Scenario, node: string, packet: ExcerptPacket): string {
  const listed = nftListTable(renderNftables(scenario, node).lines).split('\n');
  const { lines } = traceNft(listed, { source: packet.source, dest: packet.dest, destPort: packet.port, protocol: 'tcp', nodeIPs: packet.nodeIPs });
  const blockAt = (i: number) => {
    while (i > 0 && !/^\t(chain|map|set) \S+ \{$/.test(listed[i]!)) i--;
    return i;
  };
  const traced: number[] = [];
  for (const i of lines) if (!traced.includes(blockAt(i))) traced.push(blockAt(i));
  // A map element "goto reject-chain" decides: show the helper chain, whose one rule is the reject.
  const reject = listed.indexOf('\tchain reject-chain {');
  if (reject >= 0 && lines.some((i) => listed[i]!.includes('goto reject-chain')) && !traced.includes(reject)) traced.push(reject);
  // Each traced block, then what its rules refer to and the trace did not enter (a check chain, a map without an
  // element for this packet, a set), depth first: the learner sees why those rules did or did not decide.
  const starts: number[] = [];
  const emit = (start: number) => {
    if (starts.includes(start)) return;
    starts.push(start);
    if (!listed[start]!.startsWith('\tchain ')) return;
    const body = listed.slice(start + 1, listed.indexOf('\t}', start)).join('\n').replace(/\{ [^}]*\}/g, '');
    for (const [, verb, name] of body.matchAll(/(jump|goto|@)\s?(\S+)/g)) {
      const at = verb === '@' ? listed.findIndex((l) => l === `\tmap ${name} {` || l === `\tset ${name} {`) : listed.indexOf(`\tchain ${name} {`);
      if (at >= 0) emit(at);
    }
  };
  for (const start of traced) {
    emit(start);
    // A map element the packet matched: the chain it sends to, even when none of that chain's rules matched.
    for (const i of lines)
      if (blockAt(i) === start && listed[start]!.startsWith('\tmap '))
        for (const [, name] of listed[i]!.matchAll(/: (?:goto|jump) ([^,\s}]+)/g)) {
          const at = listed.indexOf(`\tchain ${name} {`);
          if (at >= 0) emit(at);
        }
  }
  const out = ['# nft list table ip kube-proxy (the chains and maps this connection passes through)', 'table ip kube-proxy {'];
  for (const start of starts) out.push(...listed.slice(start, listed.indexOf('\t}', start) + 1));
  return [...out, '}'].join('\n');
}

/** nftables: the map `name` of `nft list table ip kube-proxy` on `node`, as `nft list map` prints it. */
export function nftMapExcerpt(scenario: Scenario, node: string, name: string): string {
  const listed = nftListTable(renderNftables(scenario, node).lines).split('\n');
  const start = listed.indexOf(`\tmap ${name} {`);
  if (start < 0) throw new Error(`read-rules: no nft map ${name} on ${node}`);
  return [`# nft list map ip kube-proxy ${name}`, 'table ip kube-proxy {', ...listed.slice(start, listed.indexOf('\t}', start) + 1), '}'].join('\n');
}

/**
 * IPVS: what decides one new connection on `node` in IPVS mode — its virtual server (`ipvsadm -Ln -t`; no real
 * server: IPVS answers ICMP port unreachable, R-DROP-1), the ipsets the iptables rules below match (`ipset save`,
 * only those), and the chains of kube-proxy's IPVS-mode iptables part it passes through (`iptables-save`, whole
 * chains, nat KUBE-SERVICES always), traced with ipset matches (lib/engine/rules/trace.ts traceIpvsPacket).
 */
export function ipvsFlowExcerpt(scenario: Scenario, node: string, packet: ExcerptPacket): string {
  const rendering = renderIpvs(scenario, node);
  const { matches } = traceIpvsPacket(rendering, packet.source, 'tcp', packet.dest, packet.port, packet.nodeIPs);
  const asIptables: IptablesRendering = { mode: 'iptables', node, nat: rendering.nat, filter: rendering.filter, text: '', notes: [] };
  const keys = ['nat/KUBE-SERVICES'];
  const tableOf = new Map<string, string>();
  for (const t of [rendering.nat, rendering.filter]) for (const r of t.rules) tableOf.set(r.line, t.name);
  for (const line of matches) {
    const key = `${tableOf.get(line)}/${line.split(' ')[1]}`;
    if (!keys.includes(key)) keys.push(key);
  }
  const rules = iptablesExcerpt(asIptables, keys, '').split('\n').slice(1);
  const named = new Set([...rules.join('\n').matchAll(/--match-set (\S+)/g)].map((m) => m[1]!));
  const sets = rendering.ipsetSave.split('\n').filter((l) => named.has(l.split(' ')[1] ?? ''));
  return [
    `# ipvsadm -Ln -t ${packet.dest}:${packet.port}; ipset save; iptables-save (kube-proxy IPVS mode: what this connection passes through)`,
    virtualServerText(rendering, packet.dest, Number(packet.port)),
    ...sets,
    ...rules,
  ].join('\n');
}

