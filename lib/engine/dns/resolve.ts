/**
 * The cluster DNS's answer to one query, as CoreDNS's kubernetes plugin gives it (./RULES.md). Pure.
 */
import type { DnsAnswer, DnsCluster, DnsEndpointSlice, DnsQueryType, DnsRecord, DnsService } from './types';

const DEFAULT_DOMAIN = 'cluster.local';
const DEFAULT_TTL = 5;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** What a name asks for (R-DNS-3). */
type Parsed =
  | { kind: 'outside' }
  | { kind: 'invalid'; why: string }
  | { kind: 'apex' }
  | { kind: 'namespace'; namespace: string; podOrSvc: 'pod' | 'svc' }
  | { kind: 'pod'; namespace: string; label: string }
  | {
      kind: 'service';
      namespace: string;
      service: string;
      endpoint?: string;
      port?: string;
      protocol?: string;
    };

/** A record before formatting: CoreDNS's msg.Service (host + port + the name it stands under). */
interface Found {
  host: string;
  port: number;
  /** The owner name for SRV targets: service or endpoint name, FQDN without the trailing dot. */
  key: string;
}

const fqdn = (name: string) => `${name}.`;
const isIPv4 = (s: string) => IPV4.test(s);

function parse(qname: string, domain: string): Parsed {
  if (qname !== domain && !qname.endsWith(`.${domain}`)) return { kind: 'outside' };
  const base = qname === domain ? '' : qname.slice(0, -(domain.length + 1));
  if (base === '' || base === 'svc' || base === 'pod') return { kind: 'apex' };
  const segs = base.split('.');
  const podOrSvc = segs.pop()!;
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod')
    return { kind: 'invalid', why: `the label before ${domain} is "${podOrSvc}", not svc or pod` };
  const namespace = segs.pop()!;
  if (segs.length === 0) return { kind: 'namespace', namespace, podOrSvc };
  if (podOrSvc === 'pod')
    return segs.length === 1
      ? { kind: 'pod', namespace, label: segs[0]! }
      : { kind: 'invalid', why: 'a Pod name has one label before the namespace' };
  const service = segs.pop()!;
  if (segs.length === 0) return { kind: 'service', namespace, service };
  if (segs.length === 1) return { kind: 'service', namespace, service, endpoint: segs[0]! };
  if (segs.length === 2)
    return {
      kind: 'service',
      namespace,
      service,
      port: segs[0]!.replace(/^_/, ''),
      protocol: segs[1]!.replace(/^_/, ''),
    };
  return { kind: 'invalid', why: 'the name has more labels than the grammar allows' };
}

/** R-DNS-7: the endpoint's hostname, else its dashed address. */
export function endpointName(ep: { ip: string; hostname?: string }): string {
  if (ep.hostname) return ep.hostname;
  if (ep.ip.includes('.')) return ep.ip.replaceAll('.', '-');
  const v6 = ep.ip.replaceAll(':', '-');
  return v6.endsWith('-') ? `${v6}0` : v6;
}

function namespaceExists(cluster: DnsCluster, namespace: string): boolean {
  if (cluster.namespaces) return cluster.namespaces.includes(namespace);
  return (
    cluster.services.some((s) => s.namespace === namespace) ||
    cluster.slices.some((s) => s.namespace === namespace)
  );
}

const matchPortAndProtocol = (
  wantPort: string | undefined,
  name: string,
  wantProtocol: string | undefined,
  protocol: string,
) =>
  (wantPort === undefined || wantPort === name.toLowerCase()) &&
  (wantProtocol === undefined || wantProtocol === protocol.toLowerCase());

interface Lookup {
  found: Found[] | null; // null = no such name (NXDOMAIN)
  cname: string | null; // an ExternalName's target
  steps: string[];
}

function slicesOf(cluster: DnsCluster, svc: DnsService): DnsEndpointSlice[] {
  return cluster.slices.filter((s) => s.service === svc.name && s.namespace === svc.namespace);
}

/** CoreDNS's findServices for one parsed service name (R-DNS-5 … R-DNS-8, R-DNS-11). */
function findService(cluster: DnsCluster, domain: string, q: Extract<Parsed, { kind: 'service' }>): Lookup {
  if (!namespaceExists(cluster, q.namespace))
    return {
      found: null,
      cname: null,
      steps: [`R-DNS-4: there is no namespace ${q.namespace}, so the name does not exist (NXDOMAIN).`],
    };
  const svc = cluster.services.find((s) => s.name === q.service && s.namespace === q.namespace);
  const steps: string[] = [];
  if (!svc)
    return {
      found: null,
      cname: null,
      steps: [
        `R-DNS-4: there is no Service ${q.service} in namespace ${q.namespace}, so the name does not exist (NXDOMAIN).`,
      ],
    };
  const svcName = `${svc.name}.${svc.namespace}.svc.${domain}`;

  if (svc.type === 'ExternalName') {
    if (q.endpoint !== undefined || q.port !== undefined)
      return {
        found: null,
        cname: null,
        steps: [
          `R-DNS-8: ${svc.name} is an ExternalName Service; it has no endpoints or ports in DNS, so names under it do not exist (NXDOMAIN).`,
        ],
      };
    const target = (svc.externalName ?? '').replace(/\.$/, '').toLowerCase();
    if (target === '' || isIPv4(target))
      return {
        found: null,
        cname: null,
        steps: [
          `R-DNS-8: ${svc.name}'s externalName ${svc.externalName ?? '(empty)'} is not a DNS name, so CoreDNS answers nothing for it (NXDOMAIN).`,
        ],
      };
    return {
      found: [],
      cname: target,
      steps: [`R-DNS-8: ${svc.name} is an ExternalName Service: the name is an alias (CNAME) for ${target}.`],
    };
  }

  const headless = svc.clusterIP === 'None';
  if (headless || q.endpoint !== undefined) {
    const slices = slicesOf(cluster, svc);
    const all = slices.flatMap((sl) => sl.endpoints);
    const readyCount = all.filter((e) => e.ready !== false).length;
    const skipped = all.length - readyCount;
    steps.push(
      `R-DNS-1: ${svc.name} has ${readyCount} ready endpoint${readyCount === 1 ? '' : 's'} in its EndpointSlices${skipped > 0 ? ` (${skipped} not ready, left out)` : ''}.`,
    );
    const found: Found[] = [];
    for (const slice of slices) {
      // A slice without ports gets CoreDNS's sentinel port -1: it gives A records but no SRV record.
      const ports = slice.ports.length > 0 ? slice.ports : [{ name: '', port: -1, protocol: 'TCP' as const }];
      for (const ep of slice.endpoints) {
        if (ep.ready === false) continue;
        if (q.endpoint !== undefined && endpointName(ep).toLowerCase() !== q.endpoint) continue;
        for (const p of ports) {
          if (!matchPortAndProtocol(q.port, p.name, q.protocol, p.protocol)) continue;
          found.push({ host: ep.ip, port: p.port, key: `${endpointName(ep).toLowerCase()}.${svcName}` });
        }
      }
    }
    if (q.endpoint !== undefined)
      steps.push(
        `R-DNS-7: endpoint names are hostnames or dashed addresses; ${found.length > 0 ? `${q.endpoint} names ${new Set(found.map((f) => f.host)).size} of them` : `none is called ${q.endpoint}`}.`,
      );
    else if (headless)
      steps.push(
        `R-DNS-6: ${svc.name} is headless, so its name stands for its ready endpoints' addresses${found.length === 0 ? '; with none, the name does not exist (NXDOMAIN)' : ''}.`,
      );
    if (q.port !== undefined)
      steps.push(
        `R-DNS-11: _${q.port}._${q.protocol} matches ${found.length > 0 ? 'the port of that name and protocol' : 'no port of that name and protocol'}.`,
      );
    return { found: found.length > 0 ? found : null, cname: null, steps };
  }

  const found: Found[] = [];
  for (const p of svc.ports) {
    if (!matchPortAndProtocol(q.port, p.name, q.protocol, p.protocol)) continue;
    if (svc.clusterIP) found.push({ host: svc.clusterIP, port: p.port, key: svcName });
  }
  steps.push(
    `R-DNS-5: ${svc.name} has a ClusterIP (${svc.clusterIP}); its name answers with that address, with or without endpoints.`,
  );
  if (q.port !== undefined)
    steps.push(
      `R-DNS-11: _${q.port}._${q.protocol} matches ${found.length > 0 ? 'the port of that name and protocol' : 'no port of that name and protocol'}.`,
    );
  return { found: found.length > 0 ? found : null, cname: null, steps };
}

function lookupName(cluster: DnsCluster, domain: string, qname: string): Lookup & { exists: boolean } {
  const q = parse(qname, domain);
  switch (q.kind) {
    case 'outside':
      return {
        found: null,
        cname: null,
        exists: false,
        steps: [
          `R-DNS-3: ${qname} is not under ${domain}; the cluster DNS forwards it upstream (not modelled here).`,
        ],
      };
    case 'invalid':
      return {
        found: null,
        cname: null,
        exists: false,
        steps: [`R-DNS-3: ${q.why}, so the name does not exist (NXDOMAIN).`],
      };
    case 'apex':
      return {
        found: [],
        cname: null,
        exists: true,
        steps: [`R-DNS-3: ${qname} is a zone name with no records of its own.`],
      };
    case 'namespace': {
      return namespaceExists(cluster, q.namespace)
        ? {
            found: [],
            cname: null,
            exists: true,
            steps: [`R-DNS-3: ${qname} names namespace ${q.namespace}, which has no records of its own.`],
          }
        : {
            found: null,
            cname: null,
            exists: false,
            steps: [`R-DNS-4: there is no namespace ${q.namespace}, so the name does not exist (NXDOMAIN).`],
          };
    }
    case 'pod': {
      const ip = q.label.replaceAll('-', '.');
      if (!namespaceExists(cluster, q.namespace))
        return {
          found: null,
          cname: null,
          exists: false,
          steps: [`R-DNS-4: there is no namespace ${q.namespace}, so the name does not exist (NXDOMAIN).`],
        };
      return isIPv4(ip)
        ? {
            found: [{ host: ip, port: 0, key: qname }],
            cname: null,
            exists: true,
            steps: [
              `R-DNS-9: with "pods insecure", ${q.label}.${q.namespace}.pod answers ${ip} whether or not such a Pod exists.`,
            ],
          }
        : {
            found: null,
            cname: null,
            exists: false,
            steps: [
              `R-DNS-9: ${q.label} is not a dashed IPv4 address, so the name does not exist (NXDOMAIN).`,
            ],
          };
    }
    case 'service': {
      const r = findService(cluster, domain, q);
      return { ...r, exists: r.found !== null };
    }
  }
}

function record(name: string, ttl: number, type: DnsRecord['type'], data: string): DnsRecord {
  return { name: fqdn(name), ttl, type, data };
}

/** R-DNS-5/6/8: A answers (CoreDNS's plugin.A), following CNAMEs inside the cluster domain. */
function aRecords(
  cluster: DnsCluster,
  domain: string,
  ttl: number,
  qname: string,
  l: Lookup,
  depth: number,
  steps: string[],
): DnsRecord[] {
  if (l.cname !== null) {
    if (l.cname === qname || depth > 7) return [];
    const alias = record(qname, ttl, 'CNAME', fqdn(l.cname));
    const inside = l.cname === domain || l.cname.endsWith(`.${domain}`);
    if (!inside) return [alias];
    const next = lookupName(cluster, domain, l.cname);
    steps.push(...next.steps);
    const nextRecords = next.found ? aRecords(cluster, domain, ttl, l.cname, next, depth + 1, steps) : [];
    return nextRecords.length > 0 ? [alias, ...nextRecords] : [];
  }
  const seen = new Set<string>();
  const out: DnsRecord[] = [];
  for (const f of l.found ?? []) {
    if (!isIPv4(f.host) || seen.has(f.host)) continue;
    seen.add(f.host);
    out.push(record(qname, ttl, 'A', f.host));
  }
  return out;
}

/**
 * The answer to `qname` / `qtype` from the cluster DNS. `qname` may end with a dot; labels are compared
 * case-insensitively (R-DNS-3).
 */
export function resolveDns(cluster: DnsCluster, qnameIn: string, qtype: DnsQueryType): DnsAnswer {
  const domain = (cluster.domain ?? DEFAULT_DOMAIN).replace(/\.$/, '').toLowerCase();
  const ttl = cluster.ttl ?? DEFAULT_TTL;
  const qname = qnameIn.replace(/\.$/, '').toLowerCase();
  const l = lookupName(cluster, domain, qname);
  const steps = [...l.steps];
  if (!l.exists) return { rcode: 'NXDOMAIN', answer: [], extra: [], steps };

  let answer: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  switch (qtype) {
    case 'A':
      answer = aRecords(cluster, domain, ttl, qname, l, 0, steps);
      break;
    case 'AAAA':
      // IPv4-only model: an alias inside the domain leads to no AAAA record, so nothing is returned (CoreDNS adds the
      // CNAME only with records behind it); an alias outside the domain is returned for the resolver to follow.
      if (l.cname !== null && !(l.cname === domain || l.cname.endsWith(`.${domain}`)))
        answer = [record(qname, ttl, 'CNAME', fqdn(l.cname))];
      break;
    case 'CNAME':
      if (l.cname !== null) answer = [record(qname, ttl, 'CNAME', fqdn(l.cname))];
      break;
    case 'SRV': {
      // R-DNS-10: the weight is shared by every record found, before duplicates and portless ones are dropped.
      const found = l.cname !== null ? [] : (l.found ?? []);
      const weight = Math.max(1, Math.floor((100 / (found.length * 100)) * 100));
      const seen = new Set<string>();
      for (const f of found) {
        if (f.port === -1) continue;
        const srvKey = `${f.key}|${f.port}`;
        if (!seen.has(srvKey)) {
          seen.add(srvKey);
          answer.push(record(qname, ttl, 'SRV', `0 ${weight} ${f.port} ${fqdn(f.key)}`));
        }
        const addrKey = `${f.key}|${f.host}`;
        if (!seen.has(addrKey)) {
          seen.add(addrKey);
          extra.push(record(f.key, ttl, isIPv4(f.host) ? 'A' : 'AAAA', f.host));
        }
      }
      if (found.length > 0)
        steps.push(
          `R-DNS-10: ${answer.length} SRV record${answer.length === 1 ? '' : 's'}, priority 0, weight ${weight} each.`,
        );
      break;
    }
    case 'TXT':
      break;
  }
  if (answer.length === 0)
    steps.push(
      `R-DNS-4: the name exists but has no ${qtype} record, so the answer is empty (NOERROR, no data).`,
    );
  return { rcode: 'NOERROR', answer, extra, steps };
}
