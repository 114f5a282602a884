/**
 * A packet tracer over `nft list table ip kube-proxy` text (nft-list.ts), the nftables counterpart of trace.ts:
 * which lines one new connection traverses on one node. Same conventions as the iptables tracer: rules that test
 * history (marks, conntrack beyond "new") never match; `numgen random mod N vmap` follows every entry, so every
 * reachable endpoint is listed. Order: filter *-pre-dnat (firewall-check) with the original destination, nat
 * prerouting / output (services), then the filter hook the packet takes (input when the destination is local,
 * output when the source is, else forward) with the destination after DNAT. A map element that matches counts as
 * traversed: it is the line that decides.
 */
import { cidrContains } from '../net';

interface Line {
  /** Index in the listing. */
  index: number;
  text: string;
}

interface Listing {
  chains: Map<string, Line[]>;
  /** Map elements: key text ("10.96.0.10 . tcp . 80", "tcp . 30080") → verdict ("goto X", "drop"), with its line. */
  maps: Map<string, { key: string; verdict: string; index: number }[]>;
  sets: Map<string, string[]>;
}

function parseListing(lines: readonly string[]): Listing {
  const chains = new Map<string, Line[]>();
  const maps = new Map<string, { key: string; verdict: string; index: number }[]>();
  const sets = new Map<string, string[]>();
  let block: { kind: 'chain' | 'map' | 'set'; name: string } | null = null;
  let inElements = false;
  lines.forEach((raw, index) => {
    const head = /^\t(chain|map|set) (\S+) \{$/.exec(raw);
    if (head) {
      block = { kind: head[1] as 'chain' | 'map' | 'set', name: head[2]! };
      if (block.kind === 'chain') chains.set(block.name, []);
      else if (block.kind === 'map') maps.set(block.name, []);
      else sets.set(block.name, []);
      inElements = false;
      return;
    }
    if (raw === '\t}') {
      block = null;
      return;
    }
    if (!block) return;
    const text = raw.trim();
    if (block.kind === 'chain') {
      if (!/^(type |comment |policy )/.test(text)) chains.get(block.name)!.push({ index, text });
      return;
    }
    let body = text;
    if (body.startsWith('elements = {')) {
      inElements = true;
      body = body.slice('elements = {'.length);
    }
    if (!inElements) return;
    if (body.endsWith('}')) {
      inElements = false;
      body = body.slice(0, -1);
    }
    for (const element of body.split(',').map((e) => e.trim()).filter(Boolean)) {
      if (block.kind === 'set') sets.get(block.name)!.push(element);
      else {
        const [key, verdict] = element.split(' : ');
        maps.get(block.name)!.push({ key: key!.replace(/ comment "[^"]*"/, '').trim(), verdict: verdict!.trim(), index });
      }
    }
  });
  return { chains, maps, sets };
}

export interface NftPacket {
  source: string;
  dest: string;
  destPort: string;
  protocol: string;
  /** The node's own addresses (fib … type local). */
  nodeIPs: readonly string[];
}

export interface NftTraceResult {
  /** DNAT destinations ("ip:port", comma-separated), or drop / reject, or '' when nothing decided. */
  output: string;
  masq: boolean;
  /** Indexes of the listing lines traversed (matched rules and the map elements they looked up), in trace order. */
  lines: number[];
}

const addressIs = (value: string, ip: string) => (value.includes('/') ? cidrContains(value, ip) : value === ip);

/** Traces one new connection through the listed table (the lines of `nft list table ip kube-proxy`). */
export function traceNft(listed: readonly string[], packet: NftPacket): NftTraceResult {
  const { chains, maps, sets } = parseListing(listed);
  const local = new Set(['127.0.0.1', ...packet.nodeIPs]);
  const seen: number[] = [];
  const outputs: string[] = [];
  let masq = false;
  const mark = (i: number) => {
    if (!seen.includes(i)) seen.push(i);
  };

  /** Whether every condition before the statement holds; the statement (verdict) text, or null for no match. */
  const evaluate = (text: string, dest: string): string | null => {
    const t = text.replace(/ comment "[^"]*"$/, '').split(' ');
    let i = 0;
    const field = (name: string) => (name === 'saddr' ? packet.source : dest);
    while (i < t.length) {
      const w = t[i]!;
      if (w === 'ct' && t[i + 1] === 'state' && t[i + 2] === 'new') {
        i += 3;
        continue;
      }
      if (w === 'ip' && (t[i + 1] === 'saddr' || t[i + 1] === 'daddr') && t[i + 2] !== '.') {
        const negated = t[i + 2] === '!=';
        const value = t[i + (negated ? 3 : 2)]!;
        const v = field(t[i + 1]!);
        const hit = value.startsWith('@') ? (sets.get(value.slice(1)) ?? []).includes(v) : addressIs(value, v);
        if (hit === negated) return null;
        i += negated ? 4 : 3;
        continue;
      }
      if (w === 'fib' && t[i + 2] === 'type' && t[i + 3] === 'local') {
        if (!local.has(field(t[i + 1]!))) return null;
        i += 4;
        continue;
      }
      if (w === 'meta' && t[i + 1] === 'l4proto' && t[i + 2] !== '.') {
        if (t[i + 2] !== packet.protocol) return null;
        i += 3;
        continue;
      }
      return t.slice(i).join(' ');
    }
    return null;
  };

  const runChain = (name: string, dest: string): boolean => {
    for (const rule of chains.get(name) ?? []) {
      const statement = evaluate(rule.text, dest);
      if (statement === null) continue;
      const vmap = /^(ip daddr \. )?meta l4proto \. th dport vmap @(\S+)$/.exec(statement);
      if (vmap) {
        const key = `${vmap[1] ? `${dest} . ` : ''}${packet.protocol} . ${packet.destPort}`;
        const element = (maps.get(vmap[2]!) ?? []).find((e) => e.key === key);
        if (!element) continue;
        mark(rule.index);
        mark(element.index);
        if (verdict(element.verdict, dest)) return true;
        continue;
      }
      const numgen = /^numgen random mod \d+ vmap \{ (.*) \}$/.exec(statement);
      if (numgen) {
        mark(rule.index);
        for (const entry of numgen[1]!.split(', ')) runChain(entry.split(' : goto ')[1]!, dest);
        return true;
      }
      if (statement.startsWith('meta mark') || statement === 'masquerade fully-random') continue;
      mark(rule.index);
      if (verdict(statement, dest)) return true;
    }
    return false;
  };

  /** Applies a verdict statement; true when it ends the chain walk (goto, drop, reject, dnat). */
  const verdict = (statement: string, dest: string): boolean => {
    if (statement === 'jump mark-for-masquerade') {
      masq = true;
      return false;
    }
    if (statement === 'return') return true;
    if (statement === 'drop' || statement === 'reject') {
      outputs.push(statement);
      return true;
    }
    const dnat = /dnat to (\S+)$/.exec(statement);
    if (dnat) {
      outputs.push(dnat[1]!);
      return true;
    }
    const jump = /^(jump|goto) (\S+)$/.exec(statement);
    if (!jump) return false;
    if (jump[2] === 'reject-chain') {
      outputs.push('reject');
      return true;
    }
    const ended = runChain(jump[2]!, dest);
    return jump[1] === 'goto' || ended;
  };

  const fromLocal = local.has(packet.source);
  runChain(fromLocal ? 'filter-output-pre-dnat' : 'filter-prerouting-pre-dnat', packet.dest);
  if (outputs.length === 0) runChain(fromLocal ? 'nat-output' : 'nat-prerouting', packet.dest);
  const dnat = outputs.find((o) => o.includes(':'));
  const dest = dnat ? dnat.split(':')[0]! : packet.dest;
  if (!outputs.some((o) => o === 'drop' || o === 'reject'))
    runChain(fromLocal ? 'filter-output' : local.has(dest) ? 'filter-input' : 'filter-forward', dest);
  return { output: outputs.join(', '), masq, lines: seen };
}
