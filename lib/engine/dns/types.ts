/**
 * The DNS model's input and answer (rules: ./RULES.md, R-DNS-…). Pure data. Answers are IPv4: an IPv6 endpoint
 * appears only in SRV answers and their additional AAAA records, as in CoreDNS's own tests.
 */

export const DNS_QUERY_TYPES = ['A', 'AAAA', 'SRV', 'CNAME', 'TXT'] as const;
export type DnsQueryType = (typeof DNS_QUERY_TYPES)[number];

export type DnsProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface DnsPort {
  /** Empty for an unnamed port (R-DNS-11). */
  name: string;
  port: number;
  protocol: DnsProtocol;
}

/** A Service as the DNS sees it. `clusterIP: 'None'` is headless. */
export interface DnsService {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  externalName?: string;
  ports: DnsPort[];
}

/** One endpoint of an EndpointSlice: its address, hostname and ready condition (R-DNS-1, R-DNS-2). */
export interface DnsEndpoint {
  ip: string;
  hostname?: string;
  /** Undefined counts as ready (CoreDNS's endpointsliceReady). */
  ready?: boolean;
}

/** The EndpointSlice(s) of one Service, merged: its endpoints and the slice's ports (target port numbers). */
export interface DnsEndpointSlice {
  service: string;
  namespace: string;
  endpoints: DnsEndpoint[];
  ports: DnsPort[];
}

export interface DnsCluster {
  /** The cluster domain; default cluster.local. */
  domain?: string;
  /** Record TTL; default 5 (the plugin's default). */
  ttl?: number;
  /** Namespaces that exist; default: those of the Services and slices. Names in others are NXDOMAIN. */
  namespaces?: string[];
  services: DnsService[];
  slices: DnsEndpointSlice[];
}

export interface DnsRecord {
  /** Fully qualified, lower-case, with the trailing dot. */
  name: string;
  ttl: number;
  type: 'A' | 'AAAA' | 'SRV' | 'CNAME';
  /** As dig prints it: `10.96.0.10`, `0 100 80 web.shop.svc.cluster.local.`, `db.example.com.` */
  data: string;
}

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answer: DnsRecord[];
  /** The additional section (SRV targets' addresses). */
  extra: DnsRecord[];
  /** One sentence per rule applied, each citing its R-DNS rule. */
  steps: string[];
}

/** A record as `dig` prints it, tab-separated. */
export function recordText(r: DnsRecord): string {
  return `${r.name}\t${r.ttl}\tIN\t${r.type}\t${r.data}`;
}
