/**
 * What each data plane does differently (routing-semantics.md §11, R-NP-1, R-X-4).
 *
 * - iptables: the reference behaviour; NodePorts on every local address, and on 127.0.0.1 when
 *   localhostNodePorts is on (R-NP-1).
 * - nftables: same decisions as iptables (same CategorizeEndpoints, same external chain), NodePorts only on the
 *   primary node IPs by default and never on localhost. We assume the fixed v1.34 (and v1.33 backport)
 *   behaviour in which the pod short-circuit works even on nodes without local endpoints (PR #132456).
 * - ipvs: round robin; no pod short-circuit; eTP=Local virtual servers hold the local endpoints, or the whole
 *   Cluster set on a node without any (R-X-4), and are not masqueraded.
 * - cilium-snat: eBPF kube-proxy replacement; external traffic is SNATed only when the backend is remote;
 *   in-cluster clients are translated at the socket (no SNAT).
 * - cilium-dsr: like cilium-snat, but remote backends also see the client IP (direct server return).
 */
import type { ProxyMode } from '../model';

export interface ProxyModeTraits {
  mode: ProxyMode;
  /** Human name used in steps. */
  label: string;
  family: 'kube-proxy' | 'cilium';
  /** kube-proxy's eTP=Local pod short-circuit exists (iptables, nftables). */
  podShortCircuit: boolean;
  /** IPVS virtual-server semantics for eTP=Local (R-X-4). */
  ipvs: boolean;
  /** Whether 127.0.0.1:nodePort can be answered at all in this mode. */
  localhostNodePorts: boolean;
  /** Cilium: SNAT remote backends (snat) or keep the client IP (dsr); null for kube-proxy modes. */
  cilium: 'snat' | 'dsr' | null;
}

const TRAITS: Record<ProxyMode, ProxyModeTraits> = {
  iptables: { mode: 'iptables', label: 'kube-proxy (iptables)', family: 'kube-proxy', podShortCircuit: true, ipvs: false, localhostNodePorts: true, cilium: null },
  nftables: { mode: 'nftables', label: 'kube-proxy (nftables)', family: 'kube-proxy', podShortCircuit: true, ipvs: false, localhostNodePorts: false, cilium: null },
  ipvs: { mode: 'ipvs', label: 'kube-proxy (IPVS)', family: 'kube-proxy', podShortCircuit: false, ipvs: true, localhostNodePorts: false, cilium: null },
  'cilium-snat': { mode: 'cilium-snat', label: 'Cilium (SNAT mode)', family: 'cilium', podShortCircuit: false, ipvs: false, localhostNodePorts: true, cilium: 'snat' },
  'cilium-dsr': { mode: 'cilium-dsr', label: 'Cilium (DSR mode)', family: 'cilium', podShortCircuit: false, ipvs: false, localhostNodePorts: true, cilium: 'dsr' },
};

export function proxyModeTraits(mode: ProxyMode): ProxyModeTraits {
  return TRAITS[mode];
}
