/**
 * The excerpts the "read the rules" kind shows (issue 14): cut from what the renderer (lib/engine/rules, kube-proxy
 * v1.33) prints for one node, never typed by hand. Each is what a learner would see on the node with a command
 * that narrows the output (the command is the excerpt's first line, as a shell comment):
 *   iptables  `iptables-save` lines of the chains asked about (whole chains, in the order the connection meets them)
 *   nftables  one chain of `nft list table ip kube-proxy`, as `nft list chain` prints it
 *   ipvs      one virtual server of `ipvsadm -Ln`
 */
import type { Scenario } from '@/lib/engine';
import {
  iptablesSave,
  ipvsadmList,
  nftListTable,
  renderIptables,
  renderIpvs,
  renderNftables,
  tracePacket,
  type IptablesRendering,
} from '@/lib/engine/rules';

export type ExcerptMode = 'iptables' | 'nftables' | 'ipvs';

/** The chains of a table in `iptables-save`, each chain's lines in save order. */
function saveChains(rendering: IptablesRendering): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  let table = '';
  for (const line of iptablesSave(rendering).split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    const chain = /^-A (\S+) /.exec(line)?.[1];
    if (!chain) continue;
    const key = `${table}/${chain}`;
    if (!chains.has(key)) chains.set(key, []);
    chains.get(key)!.push(line);
  }
  return chains;
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
  const vs = renderIpvs(scenario, node).virtualServers.filter((v) => v.address === address && v.port === port);
  if (vs.length === 0) throw new Error(`read-rules: no virtual server ${address}:${port} on ${node}`);
  return [`# ipvsadm -Ln -t ${address}:${port}`, ipvsadmList(vs).trimEnd()].join('\n');
}

