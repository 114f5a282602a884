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
import type { IptablesRendering, IptablesRule, IptablesTableName } from './iptables';

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

/** Traces one new connection (sourceIP to destIP:destPort) through the node's rules; nodeIPs are its addresses. */
export function tracePacket(
  rendering: IptablesRendering,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: string,
  nodeIPs: readonly string[],
): TraceResult {
  const local = new Set(['127.0.0.1', ...nodeIPs]);
  const chains = new Map<string, { rule: IptablesRule; parsed: ParsedRule }[]>();
  for (const t of [rendering.filter, rendering.nat]) {
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
        default:
          if (runChain(table, parsed.jump, dest) && !parsed.probability) return true;
      }
    }
    return false;
  };

  runChain('nat', 'KUBE-SERVICES', destIP);
  const dest = outputs.length > 0 ? outputs[0]!.split(':')[0]! : destIP;
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL'])
    runChain('filter', chain, dest);
  return { output: outputs.join(', '), masq, matches };
}
