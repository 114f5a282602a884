/**
 * The DNS view of Services and Pods, with the EndpointSlices the EndpointSlice controller would write for them
 * (R-DNS-2): one endpoint per selected Pod in the Service's namespace; `ready` = Ready and not terminating, or
 * every endpoint ready under publishNotReadyAddresses; `hostname` when the Pod's subdomain names the Service;
 * ports = the Service's ports with the target port number, resolved per Pod for a named targetPort (a Pod without
 * that container port goes into a slice without it).
 */
import type { DnsCluster, DnsEndpointSlice, DnsPort, DnsProtocol, DnsService } from './types';

export interface DnsServicePortInput {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: DnsProtocol;
}

export interface DnsServiceInput {
  name: string;
  namespace?: string;
  type?: DnsService['type'];
  /** 'None' = headless; absent = an allocated address is required for ClusterIP types. */
  clusterIP?: string;
  externalName?: string;
  selector?: Record<string, string>;
  publishNotReadyAddresses?: boolean;
  ports?: DnsServicePortInput[];
}

export interface DnsPodInput {
  name: string;
  namespace?: string;
  ip: string;
  labels?: Record<string, string>;
  ready?: boolean;
  terminating?: boolean;
  hostname?: string;
  subdomain?: string;
  /** Named container ports, for a named targetPort. */
  containerPorts?: { name: string; containerPort: number }[];
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function slicePorts(svc: DnsServiceInput, pod: DnsPodInput): DnsPort[] {
  const out: DnsPort[] = [];
  for (const p of svc.ports ?? []) {
    const target = p.targetPort ?? p.port;
    const port =
      typeof target === 'number' ? target : pod.containerPorts?.find((c) => c.name === target)?.containerPort;
    if (port === undefined) continue; // the controller leaves a port it cannot resolve out of this Pod's slice
    out.push({ name: p.name ?? '', port, protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

export function dnsClusterOf(
  services: DnsServiceInput[],
  pods: DnsPodInput[],
  options: { domain?: string; ttl?: number } = {},
): DnsCluster {
  const slices: DnsEndpointSlice[] = [];
  const dnsServices: DnsService[] = services.map((s) => ({
    name: s.name,
    namespace: s.namespace ?? 'default',
    type: s.type ?? 'ClusterIP',
    clusterIP: s.clusterIP,
    externalName: s.externalName,
    ports: (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  }));
  for (const s of services) {
    if (s.type === 'ExternalName' || !s.selector) continue;
    const namespace = s.namespace ?? 'default';
    const bySignature = new Map<string, DnsEndpointSlice>();
    for (const pod of pods) {
      if ((pod.namespace ?? 'default') !== namespace || !selects(s.selector, pod.labels ?? {})) continue;
      const ports = slicePorts(s, pod);
      const signature = JSON.stringify(ports);
      let slice = bySignature.get(signature);
      if (!slice) {
        slice = { service: s.name, namespace, endpoints: [], ports };
        bySignature.set(signature, slice);
        slices.push(slice);
      }
      const ready =
        s.publishNotReadyAddresses === true ? true : pod.ready !== false && pod.terminating !== true;
      slice.endpoints.push({
        ip: pod.ip,
        ready,
        ...(pod.hostname && pod.subdomain === s.name ? { hostname: pod.hostname } : {}),
      });
    }
  }
  return { ...options, services: dnsServices, slices };
}
