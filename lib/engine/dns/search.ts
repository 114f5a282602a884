/**
 * A lookup as a Pod makes it (R-DNS-12): kubelet's resolv.conf for dnsPolicy ClusterFirst gives the search list
 * `<ns>.svc.<domain> svc.<domain> <domain>` and `ndots:5`; a relative name with fewer than 5 dots is tried with
 * each suffix in order, then as written, and the first answer that is not NXDOMAIN wins.
 */
import { resolveDns } from './resolve';
import type { DnsAnswer, DnsCluster, DnsQueryType } from './types';

export interface PodLookup {
  /** Each name tried, in order, with its result. */
  tried: { name: string; rcode: DnsAnswer['rcode'] }[];
  /** The name that answered (the last one tried when all failed). */
  name: string;
  answer: DnsAnswer;
}

export function searchList(namespace: string, domain = 'cluster.local'): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain];
}

export function lookupFromPod(
  cluster: DnsCluster,
  podNamespace: string,
  name: string,
  qtype: DnsQueryType,
): PodLookup {
  const domain = (cluster.domain ?? 'cluster.local').replace(/\.$/, '').toLowerCase();
  const absolute = name.endsWith('.');
  const bare = name.replace(/\.$/, '');
  const dots = bare.split('.').length - 1;
  const candidates = absolute
    ? [bare]
    : dots >= 5
      ? [bare, ...searchList(podNamespace, domain).map((s) => `${bare}.${s}`)]
      : [...searchList(podNamespace, domain).map((s) => `${bare}.${s}`), bare];
  const tried: PodLookup['tried'] = [];
  let last: { name: string; answer: DnsAnswer } | null = null;
  for (const candidate of candidates) {
    const answer = resolveDns(cluster, candidate, qtype);
    tried.push({ name: `${candidate}.`, rcode: answer.rcode });
    last = { name: `${candidate}.`, answer };
    if (answer.rcode !== 'NXDOMAIN') break;
  }
  return { tried, name: last!.name, answer: last!.answer };
}
