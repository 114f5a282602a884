/** Service DNS as the cluster DNS (CoreDNS's kubernetes plugin) answers it: rules in ./RULES.md. */
export { resolveDns, endpointName } from './resolve';
export { lookupFromPod, searchList, type PodLookup } from './search';
export { dnsClusterOf, type DnsPodInput, type DnsServiceInput } from './from-objects';
export { recordText, DNS_QUERY_TYPES } from './types';
export type {
  DnsAnswer,
  DnsCluster,
  DnsEndpoint,
  DnsEndpointSlice,
  DnsPort,
  DnsQueryType,
  DnsRecord,
  DnsService,
} from './types';
