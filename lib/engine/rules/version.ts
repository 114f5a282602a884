/**
 * Which kube-proxy the rendering follows. The reference text was read from the stored copies of
 * kubernetes/kubernetes available to this project (the index does not expose their commit hashes):
 * pkg/proxy/iptables/proxier.go of the v1.33 line (it imports pkg/proxy/runner and keeps topologyLabels, both
 * new in v1.33; nfacct counters, KUBE-PROXY-FIREWALL, KUBE-EXT/KUBE-SVL chains) and the proxier_test.go whose
 * TestOverallIPTablesRules expects the same rule set (tests/lib/engine/rules/ names it). For nftables the stored
 * proxier.go was one release older than the stored proxier_test.go; where they differ (base chains, the ClusterIP
 * masquerade rule) the rendering follows the test's expectations.
 */
export const KUBE_PROXY_SOURCE = {
  iptables:
    'kubernetes/kubernetes pkg/proxy/iptables/proxier.go, v1.33 line (syncProxyRules, writeServiceToEndpointRules)',
  nftables:
    'kubernetes/kubernetes pkg/proxy/nftables/proxier.go as its TestOverallNFTablesRules expects it (v1.33+ line: filter-*-pre-dnat chains, cluster-ips set, firewall-ips map; the ClusterIP masquerade rule matches no port); `nft list table` layout from nftables src/rule.c and src/expression.c',
  ipvs: 'kubernetes/kubernetes pkg/proxy/ipvs/proxier.go, v1.33 line (syncProxyRules, syncEndpoint, writeIptablesRules with KUBE-IPVS-FILTER / KUBE-IPVS-OUT-FILTER, ipset.go names and comments) as its proxier_test.go expects; `ipvsadm -Ln` layout from ipvsadm.c',
} as const;
