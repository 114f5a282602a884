/**
 * A packet tracer over rendered iptables rules, ported from kube-proxy's pkg/proxy/iptables/proxier_test.go
 * (iptablesTracer.ruleMatches / runChain, tracePacket): which rules one new connection traverses on one node.
 * Semantics kept from the original: rules with history checks (recent --rcheck, mark, conntrack) never match;
 * statistic rules match and the trace continues, so every reachable endpoint is listed; nat runs first (from
 * KUBE-SERVICES, the only jump kube-proxy puts in PREROUTING), then the destination is rewritten by the first DNAT,
 * then filter KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and KUBE-PROXY-FIREWALL run.
 * The explorer's rules panel uses it to highlight the rules a flow traverses; the tests run kube-proxy's packet
 * flow cases through it.
 */
import { cidrContains } from '../net';
import type { IptablesRendering, IptablesRule, IptablesTable, IptablesTableName } from './iptables';
import type { IpvsRendering } from './ipvs';

interface Match {
  negated: boolean;
  value: string;
}
interface ParsedRule {
  source?: Match;
  destination?: Match;
  sourceType?: Match;
  destinationType?: Match;
  protocol?: Match;
  dport?: Match;
  /** -m set --match-set NAME FLAGS (IPVS mode's iptables part). */
  set?: { negated: boolean; name: string; flags: string };
  probability: boolean;
  historyCheck: boolean;
  jump?: string;
  dnat?: string;
}

function parse(rule: IptablesRule): ParsedRule {
  const out: ParsedRule = { probability: false, historyCheck: false };
  const a = rule.args;
  let negated = false;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    const next = () => ({ negated, value: a[++i]! });
    switch (t) {
      case '!':
        negated = true;
        continue;
      case '-s':
        out.source = next();
        break;
      case '-d':
        out.destination = next();
        break;
      case '-p':
        out.protocol = next();
        break;
      case '--dport':
        out.dport = next();
        break;
      case '--src-type':
        out.sourceType = next();
        break;
      case '--dst-type':
        out.destinationType = next();
        break;
      case '--match-set':
        out.set = { negated, name: a[++i]!, flags: a[++i]! };
        break;
      case '--probability':
        out.probability = true;
        i++;
        break;
      case '--rcheck':
      case '--mark':
      case '--ctstate':
        out.historyCheck = true;
        if (t !== '--rcheck') i++;
        break;
      case '-j':
        out.jump = a[++i];
        break;
      case '--to-destination':
        out.dnat = a[++i];
        break;
      default:
        break;
    }
    negated = false;
  }
  return out;
}

function addressMatches(m: Match, ip: string): boolean {
  const hit = m.value.includes('/') ? cidrContains(m.value, ip) : m.value === ip;
  return m.negated ? !hit : hit;
}

const valueMatches = (m: Match, v: string) => (m.value === v) !== m.negated;

export interface TraceResult {
  /** The DNAT destinations reached ("ip:port", comma-separated), or ACCEPT / DROP / REJECT. */
  output: string;
  masq: boolean;
  /** Every rule that matched, as its "-A CHAIN ..." line, in trace order. */
  matches: string[];
}

/**
 * Whether (source, protocol, dest:port) is in an ipset, by the flags' order of the set's dimensions (ipset's
 * hash:ip,port[,ip|,net] entries "ip,proto:port[,ip|net]", bitmap:port entries "port", hash:ip entries "ip").
 */
function inSet(entries: readonly string[], flags: string, p: { source: string; protocol: string; dest: string; port: string }): boolean {
  const dims = flags.split(',');
  const ip = (d: string | undefined) => (d === 'src' ? p.source : p.dest);
  return entries.some((e) => {
    const parts = e.split(',');
    if (parts.length === 1) return dims.length === 1 && (/^\d+$/.test(e) ? e === p.port : e === ip(dims[0]));
    if (parts[0] !== ip(dims[0]) || parts[1] !== `${p.protocol}:${p.port}`) return false;
    return parts.length === 2 || addressMatches({ negated: false, value: parts[2]! }, ip(dims[2]));
  });
}

/** Traces one new connection (sourceIP to destIP:destPort) through the node's rules; nodeIPs are its addresses. */
export function tracePacket(
  rendering: IptablesRendering,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: string,
  nodeIPs: readonly string[],
): TraceResult {
  return traceTables([rendering.filter, rendering.nat], new Map(), FILTER_CHAINS, sourceIP, protocol, destIP, destPort, nodeIPs);
}

/** The filter chains kube-proxy hooks (iptables mode), run after nat with the destination after DNAT. */
const FILTER_CHAINS = ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL'];

/**
 * IPVS mode (pkg/proxy/ipvs/proxier.go writeIptablesRules): the same walk over the iptables part kube-proxy writes,
 * whose rules match kube-proxy's ipsets (KUBE-CLUSTER-IP, KUBE-LOAD-BALANCER[-LOCAL], KUBE-NODE-PORT[-LOCAL]-TCP, …)
 * instead of addresses. nat KUBE-SERVICES marks for masquerade (IPVS itself does the DNAT, so nat ends without
 * one); filter KUBE-PROXY-FIREWALL and KUBE-IPVS-FILTER (the INPUT hooks: the VIP is local on kube-ipvs0) run with
 * the original destination. When the connection is marked, KUBE-MARK-MASQ and KUBE-POSTROUTING's MARK and
 * MASQUERADE rules are listed too: they are what masquerades it (R-SRC-2).
 */
export function traceIpvsPacket(
  rendering: IpvsRendering,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: string,
  nodeIPs: readonly string[],
): TraceResult {
  const sets = new Map(rendering.ipsets.map((s) => [s.name, s.entries]));
  const result = traceTables([rendering.filter, rendering.nat], sets, ['KUBE-PROXY-FIREWALL', 'KUBE-IPVS-FILTER'], sourceIP, protocol, destIP, destPort, nodeIPs, false);
  if (result.masq)
    for (const r of rendering.nat.rules)
      if (r.chain === 'KUBE-MARK-MASQ' || (r.chain === 'KUBE-POSTROUTING' && / -j (MARK|MASQUERADE)/.test(r.line) && !r.args.includes('--match-set')))
        result.matches.push(r.line);
  return result;
}

function traceTables(
  tables: readonly IptablesTable[],
  sets: ReadonlyMap<string, readonly string[]>,
  filterChains: readonly string[],
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: string,
  nodeIPs: readonly string[],
  filterAfterDnat = true,
): TraceResult {
  const local = new Set(['127.0.0.1', ...nodeIPs]);
  const chains = new Map<string, { rule: IptablesRule; parsed: ParsedRule }[]>();
  for (const t of tables) {
    for (const r of t.rules) {
      const key = `${t.name}/${r.chain}`;
      if (!chains.has(key)) chains.set(key, []);
      chains.get(key)!.push({ rule: r, parsed: parse(r) });
    }
  }
  const matches: string[] = [];
  const outputs: string[] = [];
  let masq = false;

  const ruleMatches = (p: ParsedRule, dest: string): boolean => {
    if (p.source && !addressMatches(p.source, sourceIP)) return false;
    if (p.sourceType && !valueMatches(p.sourceType, local.has(sourceIP) ? 'LOCAL' : 'not-matched'))
      return false;
    if (p.protocol && !valueMatches(p.protocol, protocol)) return false;
    if (p.destination && !addressMatches(p.destination, dest)) return false;
    if (p.destinationType && !valueMatches(p.destinationType, local.has(dest) ? 'LOCAL' : 'not-matched'))
      return false;
    if (p.dport && !valueMatches(p.dport, destPort)) return false;
    if (p.set && inSet(sets.get(p.set.name) ?? [], p.set.flags, { source: sourceIP, protocol, dest, port: destPort }) === p.set.negated)
      return false;
    return !p.historyCheck;
  };

  const runChain = (table: IptablesTableName, chain: string, dest: string): boolean => {
    for (const { rule, parsed } of chains.get(`${table}/${chain}`) ?? []) {
      if (!parsed.jump || !ruleMatches(parsed, dest)) continue;
      matches.push(rule.line);
      switch (parsed.jump) {
        case 'KUBE-MARK-MASQ':
          masq = true;
          continue;
        case 'ACCEPT':
        case 'REJECT':
        case 'DROP':
          outputs.push(parsed.jump);
          return true;
        case 'DNAT':
          outputs.push(parsed.dnat!);
          return true;
        case 'RETURN':
          return false;
        default:
          if (runChain(table, parsed.jump, dest) && !parsed.probability) return true;
      }
    }
    return false;
  };

  runChain('nat', 'KUBE-SERVICES', destIP);
  const dest = filterAfterDnat && outputs.length > 0 ? outputs[0]!.split(':')[0]! : destIP;
  for (const chain of filterChains) runChain('filter', chain, dest);
  return { output: outputs.join(', '), masq, matches };
}
