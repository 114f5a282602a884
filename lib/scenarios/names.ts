/**
 * Realistic names and addresses. Node IPs come from a private VPC subnet, Pod IPs from a per-node /24
 * of the cluster CIDR (as the node IPAM controller assigns), clients from the documentation ranges
 * (RFC 5737), so no real address is ever shown.
 */
import type { Rng } from './random';

const SERVICE_NAMES = [
  'web', 'checkout', 'payments-api', 'catalog', 'search', 'auth', 'cart', 'inventory', 'orders',
  'shipping', 'frontend', 'gateway', 'recommendations', 'profile', 'billing', 'ledger', 'media', 'notifications',
] as const;
const NAMESPACES = ['default', 'shop', 'prod', 'payments', 'storefront', 'team-a', 'platform'] as const;
const POD_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export type NodeNaming = 'gke' | 'eks' | 'aks' | 'kubeadm';

export interface ClusterNaming {
  style: NodeNaming;
  /** Node subnet: first three octets, e.g. "10.0.12". */
  nodeSubnet: string;
  /** Second octet of the cluster CIDR 10.X.0.0/16. */
  podOctet: number;
  clusterCIDR: string;
  lbIP: string;
  clientIP: string;
  clusterIP: string;
  serviceName: string;
  namespace: string;
  poolSuffix: string;
}

function randomString(rng: Rng, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

export function clusterNaming(rng: Rng): ClusterNaming {
  const style = rng.pick(['gke', 'eks', 'aks', 'kubeadm'] as const);
  const nodeSubnet = style === 'kubeadm' ? `192.168.${rng.int(1, 254)}` : `10.${rng.pick([0, 10, 20, 128])}.${rng.int(1, 254)}`;
  const podOctet = rng.pick([244, 100, 96 + 16, 200]);
  const lbLast = rng.int(10, 250);
  // The client and the LB come from different documentation ranges so they are never confused.
  const lbIP = `198.51.100.${lbLast}`;
  const clientIP = `${rng.pick(['203.0.113', '192.0.2'])}.${rng.int(2, 250)}`;
  return {
    style,
    nodeSubnet,
    podOctet,
    clusterCIDR: `10.${podOctet}.0.0/16`,
    lbIP,
    clientIP,
    clusterIP: `10.96.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    serviceName: rng.pick(SERVICE_NAMES),
    namespace: rng.pick(NAMESPACES),
    poolSuffix: randomString(rng, 4, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  };
}

/**
 * The i-th node's name and InternalIP in this cluster's style. `taken` holds the names of the nodes drawn
 * so far: a GKE suffix is random, so one that repeats is drawn again (node names must be unique; the
 * extra draw only happens on a repeat, so every other seed keeps its cluster).
 */
export function nodeIdentity(
  rng: Rng,
  naming: ClusterNaming,
  i: number,
  hostOctet: number,
  taken: ReadonlySet<string> = new Set(),
): { name: string; ip: string } {
  const ip = `${naming.nodeSubnet}.${hostOctet}`;
  switch (naming.style) {
    case 'eks':
      return { name: `ip-${ip.replaceAll('.', '-')}.ec2.internal`, ip };
    case 'gke': {
      let name: string;
      do name = `gke-prod-${naming.poolSuffix}-${randomString(rng, 4, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
      while (taken.has(name));
      return { name, ip };
    }
    case 'aks':
      return { name: `aks-pool1-vmss00000${i}`, ip };
    case 'kubeadm':
      return { name: `worker-${i + 1}`, ip };
  }
}

/** A ReplicaSet-style Pod name: `<svc>-<hash>-<5 chars>`. */
export function podName(rng: Rng, service: string, replicaSetHash: string): string {
  return `${service}-${replicaSetHash}-${randomString(rng, 5, POD_SUFFIX_ALPHABET)}`;
}

export function replicaSetHash(rng: Rng): string {
  return randomString(rng, rng.int(9, 10), POD_SUFFIX_ALPHABET);
}
