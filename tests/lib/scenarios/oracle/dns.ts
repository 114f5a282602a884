/**
 * Oracle for dns (issue 13), from lib/engine/dns/RULES.md without lib/engine/dns: it reads what the generator
 * makes (one Service `db`-like with one TCP port, Pods without hostnames, a caller in some namespace) and refuses
 * anything else with an "oracle:" error.
 *  - the names tried: a trailing dot → as written; fewer than 5 dots → the name + "<ns>.svc.cluster.local",
 *    + "svc.cluster.local", + "cluster.local", then as written; otherwise as written first (R-DNS-12);
 *  - the only names that exist are the Service's full name and, for SRV, "_<port>._tcp." + it (R-DNS-3);
 *  - A: a ClusterIP → that address; headless → the ready Pods' addresses (all of them under
 *    publishNotReadyAddresses), none → NXDOMAIN (R-DNS-1, R-DNS-2, R-DNS-5, R-DNS-6);
 *  - SRV: a ClusterIP → 1 record, the Service port; headless → one per ready Pod, the target port (R-DNS-6).
 */
import type { ScenarioInput } from '@/lib/engine';
import type { DnsAsk } from '@/lib/scenarios/kinds/dns';

export function oracleKey(s: ScenarioInput, ask: DnsAsk): Record<string, string> {
  const spec = s.service.spec;
  const ns = s.service.metadata.namespace ?? 'default';
  const name = s.service.metadata.name;
  if (spec.ports.length !== 1 || (spec.ports[0]!.protocol ?? 'TCP') !== 'TCP')
    throw new Error('oracle: one TCP port');
  if (typeof spec.ports[0]!.targetPort === 'string') throw new Error('oracle: numeric targetPort only');
  const port = spec.ports[0]!;
  const fqdn = `${name}.${ns}.svc.cluster.local`;
  const bare = ask.query.replace(/\.$/, '');
  const dots = bare.split('.').length - 1;
  const suffixes = [`${ask.fromNamespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'].map(
    (x) => `${bare}.${x}`,
  );
  const tries = ask.query.endsWith('.') ? [bare] : dots < 5 ? [...suffixes, bare] : [bare, ...suffixes];

  const selector = spec.selector ?? {};
  const pods = (s.cluster.pods ?? []).filter((p) =>
    Object.entries(selector).every(([k, v]) => p.labels?.[k] === v),
  );
  const inDns = pods.filter((p) => ask.publishNotReadyAddresses || ((p.ready ?? true) && !p.terminating));
  const headless = spec.clusterIP === 'None';
  const num = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

  const srvName = port.name ? `_${port.name}._tcp.${fqdn}` : null;
  const hit = tries.find(
    (t) => t === fqdn || (t === srvName && ask.qtype === 'SRV') || (t === srvName && ask.qtype === 'A'),
  );
  const exists = hit !== undefined && (!headless || inDns.length > 0);
  if (ask.qtype === 'A') {
    if (!exists) return { records: 'NXDOMAIN' };
    if (!headless) return { records: spec.clusterIP! };
    return {
      records: inDns
        .map((p) => p.ip)
        .sort((a, b) => num(a) - num(b))
        .join(','),
    };
  }
  if (!exists) return { count: '0' };
  if (!headless) return { count: '1', port: String(port.port) };
  return { count: String(inDns.length), port: String(port.targetPort ?? port.port) };
}
