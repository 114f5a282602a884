/**
 * Oracle for read-rules (issue 14): it reads the excerpt the learner sees (ask.excerpt) — the skill being tested —
 * and never runs lib/engine or its renderer. From the scenario it takes only the facts the prompt states (Pod and
 * node addresses, the ClusterIP, the LB IP, the node port, the proxy mode).
 *  - share: iptables — the statistic rules are tried in order, each --probability applying to what is left, the
 *    last rule takes the rest; nftables — `numgen random mod N` picks one of N vmap entries; IPVS — rr over the
 *    real servers by weight. A Pod absent from the excerpt gets 0.
 *  - ready: the Pod absent before joins: n+1 endpoints, 1/(n+1) each; iptables writes n probability rules, nftables
 *    mod n+1, IPVS n+1 real servers.
 *  - owner: the comment "<ns>/<name>:<port> …" of the KUBE-SERVICES rule that jumps to the chain.
 *  - masquerade / verdict: a small walk of the iptables excerpt: nat from KUBE-SERVICES (first matching rule of
 *    each chain; KUBE-MARK-MASQ marks and continues; DNAT ends), then the filter chains (DROP / REJECT).
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
      const r = walk(text, { src, dst, port, srcLocal: src === node.ip, dstLocal: dst === node.ip });
      return ask.question === 'masquerade' ? { masquerade: r.masq ? 'yes' : 'no' } : { verdict: r.verdict };
    }
  }
}
