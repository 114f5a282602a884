/**
 * Oracle for read-rules (issue 14): it reads the excerpt the learner sees (ask.excerpt) — the skill being tested —
 * and never runs lib/engine or its renderer. From the scenario it takes only the facts the prompt states (Pod and
 * node addresses, the ClusterIP, the LB IP, the node port, the proxy mode).
 *  - share: iptables — the statistic rules are tried in order, each --probability applying to what is left, the
 *    last rule takes the rest; nftables — `numgen random mod N` picks one of N vmap entries; IPVS — rr over the
 *    real servers by weight. A Pod absent from the excerpt gets 0.
 *  - ready: the Pod absent before joins: n+1 endpoints, 1/(n+1) each; iptables writes n probability rules, nftables
 *    mod n+1, IPVS n+1 real servers.
 *  - owner: iptables — the comment "<ns>/<name>:<port> …" of the KUBE-SERVICES rule that jumps to the chain;
 *    nftables — the port name ending the chain the service-nodeports entry for the node port goes to; IPVS — the
 *    port of the NodePort virtual server's real servers, matched to the targetPort the prompt gives each port.
 *  - masquerade / verdict: a small walk of the excerpt. iptables: nat from KUBE-SERVICES (first matching rule of
 *    each chain; KUBE-MARK-MASQ marks and continues; DNAT ends), then the filter chains (DROP / REJECT).
 *    nftables: the hook chains shown (filter *-pre-dnat, nat prerouting/output, then filter input/forward/output),
 *    vmaps looked up by "daddr . proto . port", `jump mark-for-masquerade` marks, goto/jump/return, drop/reject.
 *    IPVS: the same iptables walk with ipset matches read off the excerpt's `add` lines (mark for masquerade), and
 *    the virtual server: no real server → IPVS refuses the connection (ICMP port unreachable).
 */
import Fraction from 'fraction.js';
import type { ScenarioInput } from '@/lib/engine';
import type { ReadRulesAsk } from '@/lib/scenarios/kinds/read-rules';

const num = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) >>> 0;
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.includes('/') ? cidr.split('/') : [cidr, '32'];
  const b = Number(bits);
  const mask = b === 0 ? 0 : (~0 << (32 - b)) >>> 0;
  return ((num(ip) & mask) >>> 0) === ((num(base!) & mask) >>> 0);
}

/** A share read off decimals, as the exact fraction it stands for (kube-proxy writes 1/k with 10–11 decimals). */
function exact(x: number): string {
  if (x < 1e-9) return '0';
  return new Fraction(x).simplify(1e-6).toFraction();
}

interface Endpoints {
  /** The endpoint IPs in the excerpt, with each one's share. */
  shares: Map<string, number>;
  count: number;
}

function readEndpoints(text: string): Endpoints {
  const shares = new Map<string, number>();
  if (text.includes('iptables-save')) {
    let left = 1;
    const rules = text.split('\n').filter((l) => / -j KUBE-SEP-/.test(l));
    for (const l of rules) {
      const ip = /-> (\d+\.\d+\.\d+\.\d+):\d+/.exec(l)?.[1];
      if (!ip) throw new Error(`oracle: no endpoint comment in ${l}`);
      const p = Number(/--probability (\S+)/.exec(l)?.[1] ?? '1');
      shares.set(ip, left * p);
      left *= 1 - p;
    }
    return { shares, count: rules.length };
  }
  if (text.includes('nft list chain')) {
    const m = /numgen random mod (\d+) vmap \{ (.*) \}/.exec(text);
    if (!m) return { shares, count: 0 };
    const n = Number(m[1]);
    for (const e of m[2]!.split(', ')) {
      const ip = /__(\d+\.\d+\.\d+\.\d+)\//.exec(e)?.[1];
      if (ip) shares.set(ip, (shares.get(ip) ?? 0) + 1 / n);
    }
    return { shares, count: n };
  }
  if (text.includes('ipvsadm')) {
    const servers = [...text.matchAll(/ {2}-> (\d+\.\d+\.\d+\.\d+):\d+\s+\S+\s+(\d+)/g)].map((m) => ({ ip: m[1]!, w: Number(m[2]) }));
    const total = servers.reduce((a, s) => a + s.w, 0);
    for (const s of servers) shares.set(s.ip, total === 0 ? 0 : s.w / total);
    return { shares, count: servers.length };
  }
  throw new Error('oracle: an excerpt of unknown format');
}

interface Rule {
  chain: string;
  text: string;
}

/** The walk of the iptables excerpt for one new connection: marked for masquerade, and its fate. */
function walk(text: string, pkt: { src: string; dst: string; port: string; srcLocal: boolean; dstLocal: boolean }) {
  const tables = new Map<string, Rule[]>();
  let table = '';
  for (const l of text.split('\n')) {
    if (l.startsWith('*')) table = l.slice(1);
    const m = /^-A (\S+) (.*)$/.exec(l);
    if (m) {
      if (!tables.has(table)) tables.set(table, []);
      tables.get(table)!.push({ chain: m[1]!, text: m[2]! });
    }
  }
  const matches = (r: string, dst: string): boolean => {
    for (const [, neg, flag, value] of r.matchAll(/(! )?(-s|-d|--dport|--src-type|--dst-type) (\S+)/g)) {
      const hit =
        flag === '-s'
          ? inCidr(pkt.src, value!)
          : flag === '-d'
            ? inCidr(dst, value!)
            : flag === '--dport'
              ? value === pkt.port
              : flag === '--src-type'
                ? pkt.srcLocal
                : pkt.dstLocal;
      if (hit === Boolean(neg)) return false;
    }
    return true;
  };
  let masq = false;
  let fate: 'forwarded' | 'dropped' | 'rejected' | null = null;
  let dnat: string | null = null;
  const run = (t: string, chain: string, dst: string): boolean => {
    for (const r of (tables.get(t) ?? []).filter((x) => x.chain === chain)) {
      if (!matches(r.text, dst)) continue;
      const target = /-j (\S+)/.exec(r.text)?.[1];
      if (target === 'KUBE-MARK-MASQ') masq = true;
      else if (target === 'DNAT') {
        dnat = /--to-destination (\S+)/.exec(r.text)![1]!;
        return true;
      } else if (target === 'DROP' || target === 'REJECT') {
        fate = target === 'DROP' ? 'dropped' : 'rejected';
        return true;
      } else if (target === 'RETURN') return false;
      else if (target && run(t, target, dst)) return true;
    }
    return false;
  };
  run('nat', 'KUBE-SERVICES', pkt.dst);
  const dst = dnat ? (dnat as string).split(':')[0]! : pkt.dst;
  if (!fate)
    for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL'])
      if (!fate) run('filter', chain, dst);
  return { masq, verdict: fate ?? (dnat ? 'forwarded' : 'forwarded') };
}

/** The excerpt's ipsets: `add NAME ENTRY` lines. */
function readSets(text: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const [, name, entry] of text.matchAll(/^add (\S+) (\S+)$/gm)) sets.set(name!, [...(sets.get(name!) ?? []), entry!]);
  return sets;
}

/** `-m set --match-set NAME a,b[,c]`: the packet's (addr, proto:port[, addr|net]) in the set, per the flags. */
function setHas(entries: readonly string[], flags: string, p: { src: string; dst: string; port: string }): boolean {
  const f = flags.split(',');
  const addr = (x: string | undefined) => (x === 'src' ? p.src : p.dst);
  for (const e of entries) {
    const parts = e.split(',');
    if (f.length === 1) {
      if (/^\d+$/.test(e) ? e === p.port : e === addr(f[0])) return true;
      continue;
    }
    if (parts[0] === addr(f[0]) && parts[1] === `tcp:${p.port}` && (parts.length === 2 || inCidr(addr(f[2]), parts[2]!))) return true;
  }
  return false;
}

interface Packet {
  src: string;
  dst: string;
  port: string;
  srcLocal: boolean;
  dstLocal: boolean;
}

/** IPVS: the iptables walk (with ipsets) for the mark, and the virtual server for the fate. */
function walkIpvs(text: string, pkt: Packet) {
  const sets = readSets(text);
  const rules = text.split('\n').filter((l) => l.startsWith('-A '));
  // Tables: the excerpt lists *nat, then *filter.
  const tables = new Map<string, string[]>();
  let table = '';
  for (const l of text.split('\n')) {
    if (l.startsWith('*')) table = l.slice(1);
    else if (rules.includes(l)) tables.set(table, [...(tables.get(table) ?? []), l]);
  }
  let masq = false;
  let refused = false;
  const matches = (r: string): boolean => {
    for (const [, neg, flag, value, flags] of r.matchAll(/(! )?(-s|-p|--dst-type|--src-type|--match-set|--ctstate|--mark) (\S+)(?: (\S+))?/g)) {
      let hit: boolean;
      if (flag === '-s') hit = inCidr(pkt.src, value!);
      else if (flag === '-p') hit = value === 'tcp';
      else if (flag === '--dst-type') hit = pkt.dstLocal;
      else if (flag === '--src-type') hit = pkt.srcLocal;
      else if (flag === '--match-set') hit = setHas(sets.get(value!) ?? [], flags!, pkt);
      else if (flag === '--ctstate') hit = value!.split(',').includes('NEW');
      else return false; // marks: not a new connection's
      if (hit === Boolean(neg)) return false;
    }
    return true;
  };
  /** true when the walk ends (ACCEPT, REJECT, DROP), false when the chain returns. */
  const run = (t: string, chain: string): boolean => {
    for (const r of (tables.get(t) ?? []).filter((l) => l.split(' ')[1] === chain)) {
      if (!matches(r)) continue;
      const target = /-j (\S+)/.exec(r)?.[1];
      if (target === 'KUBE-MARK-MASQ') masq = true;
      else if (target === 'RETURN') return false;
      else if (target === 'ACCEPT') return true;
      else if (target === 'REJECT' || target === 'DROP') {
        refused = true;
        return true;
      } else if (target && run(t, target)) return true;
    }
    return false;
  };
  run('nat', 'KUBE-SERVICES');
  for (const chain of ['KUBE-PROXY-FIREWALL', 'KUBE-IPVS-FILTER']) if (!refused && run('filter', chain)) break;
  const vs = text.split('\n').findIndex((l) => l.startsWith(`TCP  ${pkt.dst}:${pkt.port} `));
  if (vs < 0) throw new Error(`oracle: no virtual server ${pkt.dst}:${pkt.port} in the excerpt`);
  const realServers = text.split('\n').slice(vs + 1).findIndex((l) => !l.startsWith('  -> '));
  const verdict: 'forwarded' | 'rejected' = refused || realServers === 0 ? 'rejected' : 'forwarded';
  return { masq, verdict };
}

/** nftables: the hook chains of the excerpt, walked for one new connection. */
function walkNft(text: string, pkt: Packet) {
  const chains = new Map<string, string[]>();
  const maps = new Map<string, Map<string, string>>();
  const sets = new Map<string, string[]>();
  let block: { kind: string; name: string } | null = null;
  let elements = false;
  for (const raw of text.split('\n')) {
    const head = /^\t(chain|map|set) (\S+) \{$/.exec(raw);
    if (head) {
      block = { kind: head[1]!, name: head[2]! };
      if (block.kind === 'chain') chains.set(block.name, []);
      if (block.kind === 'map') maps.set(block.name, new Map());
      if (block.kind === 'set') sets.set(block.name, []);
      elements = false;
      continue;
    }
    if (raw === '\t}') block = null;
    if (!block) continue;
    let t = raw.trim();
    if (block.kind === 'chain') {
      if (!/^(type|comment|policy) /.test(t)) chains.get(block.name)!.push(t.replace(/ comment "[^"]*"$/, ''));
      continue;
    }
    if (t.startsWith('elements = {')) {
      elements = true;
      t = t.slice(12);
    }
    if (!elements) continue;
    if (t.endsWith('}')) {
      elements = false;
      t = t.slice(0, -1);
    }
    for (const el of t.split(',').map((x) => x.trim()).filter(Boolean)) {
      if (block.kind === 'set') {
        sets.get(block.name)!.push(el);
        continue;
      }
      const [key, verdict] = el.split(' : ');
      maps.get(block.name)!.set(key!.replace(/ comment "[^"]*"/, '').trim(), verdict!.trim());
    }
  }
  const local = (ip: string) => ip === '127.0.0.1' || (pkt.dstLocal && ip === pkt.dst) || (pkt.srcLocal && ip === pkt.src);
  let masq = false;
  let fate: 'dropped' | 'rejected' | null = null;
  let dnat: string | null = null;
  /** Returns 'end' when the walk is decided (goto, verdict, dnat), 'return' for return, null to go on. */
  const statement = (st: string, dst: string): 'end' | 'return' | null => {
    if (st === 'jump mark-for-masquerade') {
      masq = true;
      return null;
    }
    if (st === 'return') return 'return';
    if (st === 'drop') return ((fate = 'dropped'), 'end');
    if (st === 'reject') return ((fate = 'rejected'), 'end');
    const d = /dnat to (\S+)$/.exec(st);
    if (d) return ((dnat = d[1]!), 'end');
    const j = /^(jump|goto) (\S+)$/.exec(st);
    if (!j) return null;
    const r = run(j[2]!, dst);
    return j[1] === 'goto' || r ? 'end' : null;
  };
  const run = (chain: string, dst: string): boolean => {
    next: for (const rule of chains.get(chain) ?? []) {
      const w = rule.split(' ');
      let i = 0;
      while (i < w.length) {
        if (w[i] === 'ct' && w[i + 1] === 'state' && w[i + 2] === 'new') i += 3;
        else if (w[i] === 'ip' && (w[i + 1] === 'saddr' || w[i + 1] === 'daddr') && w[i + 2] !== '.') {
          const ip = w[i + 1] === 'saddr' ? pkt.src : dst;
          const neg = w[i + 2] === '!=';
          const v = w[i + (neg ? 3 : 2)]!;
          const hit = v.startsWith('@') ? (sets.get(v.slice(1)) ?? []).includes(ip) : inCidr(ip, v);
          if (hit === neg) continue next;
          i += neg ? 4 : 3;
        } else if (w[i] === 'fib' && w[i + 2] === 'type' && w[i + 3] === 'local') {
          if (!local(w[i + 1] === 'saddr' ? pkt.src : dst)) continue next;
          i += 4;
        } else if (w[i] === 'meta' && w[i + 1] === 'l4proto' && w[i + 2] === 'tcp') i += 3;
        else if (w[i] === 'meta' && w[i + 1] === 'mark') continue next; // marks: history, and masquerading's own
        else break;
      }
      const st = w.slice(i).join(' ');
      const vmap = /^(ip daddr \. )?meta l4proto \. th dport vmap @(\S+)$/.exec(st);
      if (vmap) {
        const v = maps.get(vmap[2]!)?.get(`${vmap[1] ? `${dst} . ` : ''}tcp . ${pkt.port}`);
        if (v && statement(v, dst) === 'end') return true;
        continue;
      }
      const numgen = /^numgen random mod \d+ vmap \{ 0 : (goto [^,\s}]+)/.exec(st);
      if (numgen) {
        statement(numgen[1]!, dst);
        return true;
      }
      const r = statement(st, dst);
      if (r === 'end') return true;
      if (r === 'return') return false;
    }
    return false;
  };
  run(pkt.srcLocal ? 'filter-output-pre-dnat' : 'filter-prerouting-pre-dnat', pkt.dst);
  if (!fate) run(pkt.srcLocal ? 'nat-output' : 'nat-prerouting', pkt.dst);
  const dst = dnat ? (dnat as string).split(':')[0]! : pkt.dst;
  if (!fate) run(pkt.srcLocal ? 'filter-output' : dst === pkt.dst && pkt.dstLocal ? 'filter-input' : 'filter-forward', dst);
  return { masq, verdict: fate ?? 'forwarded' };
}

export function oracleKey(s: ScenarioInput, ask: ReadRulesAsk): Record<string, string> {
  const text = ask.excerpt;
  if (!text) throw new Error('oracle: no excerpt to read');
  const ipOf = (pod: string | undefined) => {
    const p = (s.cluster.pods ?? []).find((x) => x.name === pod);
    if (!p) throw new Error(`oracle: no Pod ${pod}`);
    return p.ip;
  };
  switch (ask.question) {
    case 'share': {
      const share = readEndpoints(text).shares.get(ipOf(ask.pod)) ?? 0;
      return { share: exact(share) };
    }
    case 'ready': {
      const { shares, count } = readEndpoints(text);
      if (shares.has(ipOf(ask.pod))) throw new Error('oracle: the Pod is already in the rules');
      const after = count + 1;
      const mode = text.includes('iptables-save') ? 'iptables' : 'other';
      return { share: exact(1 / after), count: String(mode === 'iptables' ? after - 1 : after) };
    }
    case 'owner': {
      if (text.startsWith('# nft list map')) {
        const chain = new RegExp(`tcp \\. ${ask.nodePort} : goto (\\S+)`).exec(text)?.[1];
        if (!chain) throw new Error(`oracle: no service-nodeports entry for ${ask.nodePort}`);
        return { port: chain.replace(/,$/, '').split('/').pop()! };
      }
      if (text.startsWith('# ipvsadm')) {
        const target = / {2}-> [\d.]+:(\d+) /.exec(text)?.[1];
        const port = s.service.spec.ports.find((p) => String(p.targetPort) === target);
        if (!port?.name) throw new Error(`oracle: no port with targetPort ${target}`);
        return { port: port.name };
      }
      const line = text.split('\n').find((l) => l.endsWith(`-j ${ask.chain}`));
      const port = line && /--comment "[^/"]+\/[^:"]+:([^ "]+) /.exec(line)?.[1];
      if (!port) throw new Error(`oracle: no KUBE-SERVICES rule names ${ask.chain}`);
      return { port };
    }
    case 'masquerade':
    case 'verdict': {
      const node = s.cluster.nodes.find((n) => n.name === ask.node);
      if (!node) throw new Error(`oracle: no node ${ask.node}`);
      const src =
        ask.from === 'external' ? (s.client?.ip ?? '') : ask.from.startsWith('node/') ? node.ip : ipOf(ask.from.slice(4));
      const spec = s.service.spec;
      const dst =
        ask.to === 'clusterIP' ? spec.clusterIP! : ask.to === 'loadBalancer' ? s.service.status!.loadBalancer!.ingress![0]!.ip! : node.ip;
      const port = String(ask.to === 'nodePort' ? spec.ports[0]!.nodePort : spec.ports[0]!.port);
      if (!src) throw new Error('oracle: no client address');
      const pkt = { src, dst, port, srcLocal: src === node.ip, dstLocal: dst === node.ip };
      const r = text.startsWith('# nft') ? walkNft(text, pkt) : text.startsWith('# ipvsadm') ? walkIpvs(text, pkt) : walk(text, pkt);
      return ask.question === 'masquerade' ? { masquerade: r.masq ? 'yes' : 'no' } : { verdict: r.verdict };
    }
  }
}
