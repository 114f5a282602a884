/**
 * Real misconceptions about external Service traffic (routing-semantics.md §12 and the forums), each
 * with the rule that refutes it. Wrong options and wrong typed answers are built from these, so the
 * grader can name the one a learner's answer matches.
 */
export const MISCONCEPTIONS = {
  'snat-only-when-crossing': {
    label: 'SNAT only when crossing nodes',
    explanation:
      'Under externalTrafficPolicy: Cluster kube-proxy masquerades every packet that enters the external chain, even when the chosen Pod is on the same node (R-EXT-1). Only Cilium in SNAT mode makes it conditional.',
  },
  'cluster-keeps-client-ip': {
    label: 'Cluster keeps the client IP',
    explanation:
      'Cluster masquerades external traffic (R-EXT-1): the Pod sees a node address, not the client.',
  },
  'local-still-snats': {
    label: 'Local still SNATs',
    explanation:
      'Under Local, external traffic goes only to local endpoints and is not masqueraded (R-EXT-6): the Pod sees the client IP.',
  },
  'local-keeps-ip-in-cluster': {
    label: 'Local preserves the IP from inside the cluster too',
    explanation:
      'A node (host network) reaching the LB IP or a NodePort is masqueraded and sent to the Cluster set even under Local (R-EXT-5); a Pod is short-circuited without SNAT (R-EXT-4).',
  },
  'local-restricts-in-cluster': {
    label: 'Local also restricts in-cluster clients',
    explanation:
      'Pods and nodes reaching an eTP=Local Service are short-circuited to the Cluster set (R-EXT-4, R-EXT-5): they may reach any endpoint and are not dropped.',
  },
  'empty-node-200': {
    label: 'A node without Pods answers 200',
    explanation:
      'The health-check node port answers 503 when the node has no local ready endpoint (R-HC-3); it still listens (R-HC-1).',
  },
  'not-ready-counted': {
    label: 'Not-ready Pods count',
    explanation:
      'Endpoints that are not ready are ignored by routing and by the health check (R-EP-4, R-HC-2).',
  },
  'terminating-counted': {
    label: 'Terminating Pods count in the health check',
    explanation:
      'Serving-but-terminating endpoints still take traffic as a fallback, but localEndpoints counts only ready ones (R-HC-2).',
  },
  'even-per-pod-under-local': {
    label: 'Load is even per Pod under Local',
    explanation:
      'The balancer splits evenly per node, and each node only among its own Pods (R-LB-6): a Pod on a crowded node gets less.',
  },
  'share-of-node-not-total': {
    label: 'Share of the node, not of all traffic',
    explanation: "A Pod's share of all traffic is its node's share times its share within the node (R-LB-6).",
  },
  'cluster-prefers-local': {
    label: 'Cluster prefers local Pods',
    explanation:
      'Without topology hints the Cluster policy picks uniformly over all ready endpoints, local or not (R-LB-4).',
  },
  'counts-empty-nodes': {
    label: 'The balancer also sends to nodes without Pods',
    explanation:
      'Under Local a node without a local ready endpoint fails the health check, so the balancer stops sending to it (R-LB-6).',
  },
  'skips-empty-nodes-under-cluster': {
    label: 'The balancer skips nodes without Pods under Cluster',
    explanation:
      'Under Cluster every node forwards to the whole Cluster set, so the balancer keeps sending to nodes without Pods (R-LB-6).',
  },
  'metallb-l2-spreads': {
    label: 'MetalLB layer 2 spreads over the nodes',
    explanation:
      'In layer 2 mode one node, the leader, answers ARP for the address and receives every new connection; the other nodes receive none (R-LBK-7). Only BGP mode spreads over nodes.',
  },
  'cross-zone-assumed': {
    label: 'An NLB splits evenly over all nodes',
    explanation:
      'Without cross-zone load balancing (the AWS default) an NLB splits per zone first: each zone with a healthy node gets an equal part, then split evenly over that zone\'s healthy nodes (R-LBK-3).',
  },
  'ecmp-weighted-by-pods': {
    label: 'BGP spreads by Pod count',
    explanation: 'The router spreads new connections equally over the nodes announcing a route (ECMP), whatever their Pod counts (R-LBK-8).',
  },
  'balancer-fails-open': {
    label: 'The balancer still sends when nothing passes',
    explanation:
      "Azure's Standard load balancer sends no new flow when every probe fails (AllProbedDown, R-LBK-6), and MetalLB announces the address only while some endpoint can serve (R-LBK-7/8): no node receives the packet, so nothing refuses it and the client times out.",
  },
  'drop-is-refusal': {
    label: 'A drop is a refusal',
    explanation:
      'With endpoints elsewhere but none local, kube-proxy DROPs silently (R-EXT-7): the client times out. Only "no endpoints at all" REJECTs (R-DROP-2).',
  },
  'refusal-is-drop': {
    label: 'No endpoints means a timeout',
    explanation:
      'With no usable endpoint anywhere kube-proxy REJECTs (R-DROP-1): the client sees "connection refused" at once.',
  },
  'node-without-pods-fails': {
    label: 'A node without Pods cannot serve',
    explanation:
      'Under Cluster a node forwards to endpoints on other nodes (R-EXT-2); only under Local is the traffic dropped.',
  },
  'cluster-always-crosses': {
    label: 'Cluster always crosses nodes',
    explanation:
      'Under Cluster the chosen endpoint may be local: a connection crosses with probability 1 − k/N (R-X-2).',
  },
  'local-may-cross': {
    label: 'Local may cross nodes',
    explanation: 'Under Local external traffic only reaches local endpoints and never crosses nodes (R-X-1).',
  },
  'crossing-counts-empty-only': {
    label: 'Only nodes without Pods forward elsewhere',
    explanation:
      'Under Cluster even a node with local Pods sends (N − k)/N of its connections to other nodes (R-LB-4).',
  },
  'policy-ignores-trade-off': {
    label: 'One policy gives everything',
    explanation:
      'Local keeps the client IP and avoids a hop; Cluster spreads evenly and survives empty nodes. Neither gives all of it.',
  },
  'etp-on-clusterip': {
    label: 'externalTrafficPolicy is allowed on any Service',
    explanation:
      'externalTrafficPolicy may only be set on externally accessible Services: NodePort, LoadBalancer or ClusterIP with externalIPs (R-API-1, R-API-3).',
  },
  'hcnp-on-nodeport': {
    label: 'Any Local Service gets a health-check port',
    explanation:
      'healthCheckNodePort only exists for type LoadBalancer with externalTrafficPolicy Local (R-API-3).',
  },
  'wrong-error': {
    label: 'A different validation error',
    explanation: 'The API server reports the field that breaks its rules, with its own message (R-API-3).',
  },
  'invalid-accepted': {
    label: 'The API server accepts it',
    explanation: 'The API server rejects the combinations listed in R-API-3 with a field-path error.',
  },
  'valid-rejected': {
    label: 'A valid Service is rejected',
    explanation:
      'This Service is externally accessible and its traffic fields are consistent (R-API-1, R-API-2).',
  },
  'source-ranges-on-nodeport': {
    label: 'Source ranges also filter NodePorts',
    explanation:
      'loadBalancerSourceRanges filter only traffic to the LB ingress IP; NodePort traffic bypasses them (R-FW-1).',
  },
  'proxy-balancer-keeps-ip': {
    label: 'Every balancer keeps the client IP',
    explanation:
      'A proxying balancer (AWS CLB/ALB) delivers its own address; Local cannot restore the client IP (R-SRC-3).',
  },
  'bridge-vs-node-ip': {
    label: 'SNAT always uses the node IP',
    explanation:
      'MASQUERADE uses the address of the interface the packet leaves by: the Pod bridge for a Pod on the same node, the node IP toward another node (R-SRC-2).',
  },
  'source-always-bridge': {
    label: 'A local backend always sees the Pod bridge',
    explanation:
      'Only plugins that give the Pod-side device an address (a bridge, or ptp veths with the gateway /32) make a same-node backend see the .1; with unnumbered veths (Calico, AWS VPC CNI) MASQUERADE falls back to the node IP (R-CNI-2).',
  },
  'tunnel-vs-node': {
    label: 'A remote backend always sees the node IP',
    explanation:
      'Toward a Pod on another node MASQUERADE takes the address of the device the packet leaves by: the node IP on a direct route, but the tunnel device’s address under an overlay such as flannel VXLAN or Calico IP-in-IP (R-CNI-3).',
  },
  'local-forwards-elsewhere': {
    label: 'Local forwards to another node when none is local',
    explanation:
      'Under Local, external traffic reaching a node with no local endpoint is dropped (R-EXT-7); it is never sent to another node.',
  },
  'snat-on-backend-node': {
    label: "SNAT uses the Pod's own node address",
    explanation:
      "Masquerading happens on the node that received the packet, with that node's address on the path to the Pod (R-SRC-2).",
  },
  'tutorial-body': {
    label: 'The plain-text health-check body',
    explanation:
      'The "1 Service Endpoints found" text is from a long-gone implementation; kube-proxy answers tab-indented JSON (R-HC-5, §12).',
  },
  'ipvs-local-stays-local': {
    label: 'IPVS keeps Local traffic on the node',
    explanation:
      'Under IPVS a node with no local endpoint fills its eTP=Local virtual server with the whole Cluster set, so an external connection is sent unmasqueraded to a Pod on another node, where the reply bypasses the NAT and the connection fails (R-X-4).',
  },
  'proxy-health-ignored': {
    label: 'The body ignores kube-proxy health',
    explanation:
      'The body always carries serviceProxyHealthy, true while kube-proxy applies its updates in time (R-HC-5, R-PH-2).',
  },
  'itp-local-falls-back': {
    label: 'internalTrafficPolicy: Local falls back to other nodes',
    explanation:
      'With internalTrafficPolicy: Local a node with no usable local endpoint drops ClusterIP traffic silently, even when other nodes have endpoints (R-INT-3): the client times out.',
  },
  'itp-local-ignored': {
    label: 'internalTrafficPolicy: Local still spreads over every node',
    explanation:
      "With internalTrafficPolicy: Local only the endpoints on the sender's node are eligible for ClusterIP traffic (R-INT-1).",
  },
  'etp-applies-to-clusterip': {
    label: 'externalTrafficPolicy also applies to the ClusterIP',
    explanation:
      'externalTrafficPolicy only governs NodePort, load-balancer and externalIP traffic; the ClusterIP follows internalTrafficPolicy (R-INT-1).',
  },
  'terminating-never-used': {
    label: 'Terminating Pods never take traffic',
    explanation:
      'When no endpoint is ready, kube-proxy falls back to endpoints that are terminating but still serving (R-EP-1, R-EP-2); only when there are none is the connection rejected (R-DROP-1).',
  },
  'pod-skips-itself': {
    label: 'A Pod never reaches itself through its Service',
    explanation:
      'The sender is one of the endpoints and is chosen like any other; the packet is hairpinned back with SNAT (R-HP-1).',
  },
  'hairpin-keeps-ip': {
    label: 'A hairpinned Pod sees its own address',
    explanation:
      "When a Pod reaches itself through the Service the packet is masqueraded to the node's Pod bridge address, so the reply can come back through the NAT (R-HP-1).",
  },
  'clusterip-always-snat': {
    label: 'Traffic to a ClusterIP is always SNATed',
    explanation:
      'kube-proxy masquerades ClusterIP traffic only when the source is not a Pod (R-INT-2): a Pod calling a ClusterIP keeps its own IP (R-SRC-1).',
  },
  'affinity-pins-first-pod': {
    label: 'Affinity decides the first connection too',
    explanation:
      'ClientIP affinity only remembers a choice once it is made: the first connection is a uniform pick over the endpoints (R-LB-5, R-LB-1).',
  },
  'affinity-never-expires': {
    label: 'Affinity never expires',
    explanation:
      'The affinity entry lasts sessionAffinityConfig.clientIP.timeoutSeconds (default 10800 s) after the last connection; after that the next connection is a fresh pick (R-LB-5).',
  },
  'affinity-per-connection': {
    label: 'Every connection is picked afresh',
    explanation:
      'With sessionAffinity: ClientIP, connections from the same source IP within the timeout go to the Pod chosen first (R-LB-5).',
  },
  'affinity-pins-deleted-pod': {
    label: 'Affinity keeps pointing at a deleted Pod',
    explanation:
      'When the chosen Pod goes away its endpoint and affinity entries go with it: the next connection is a fresh pick over the endpoints left (R-LB-5).',
  },
  'dns-short-name-any-namespace': {
    label: 'A short name finds a Service in any namespace',
    explanation:
      "A relative name is completed with the caller's namespace first (<name>.<caller-ns>.svc.cluster.local), then svc.cluster.local and cluster.local; none reaches another namespace, so use <service>.<namespace> (R-DNS-12).",
  },
  'dns-other-namespace-unreachable': {
    label: 'A Pod can only resolve Services of its own namespace',
    explanation:
      '<service>.<namespace> (or the full name) resolves from any namespace: the search path turns it into <service>.<namespace>.svc.cluster.local (R-DNS-12).',
  },
  'dns-needs-endpoints': {
    label: 'A Service without endpoints has no DNS record',
    explanation:
      "A ClusterIP Service's name answers its ClusterIP whether or not it has endpoints (R-DNS-5); only a headless Service depends on its endpoints (R-DNS-6).",
  },
  'dns-empty-headless-noerror': {
    label: 'A headless Service with no ready Pods answers an empty list',
    explanation:
      'With no ready endpoint the headless name has no record of any type, so CoreDNS answers NXDOMAIN, not an empty NOERROR (R-DNS-6).',
  },
  'dns-returns-pod-ips': {
    label: "A Service's name resolves to its Pods",
    explanation:
      'Only a headless Service answers Pod addresses; a Service with a ClusterIP answers that one address and kube-proxy picks the Pod (R-DNS-5).',
  },
  'dns-lists-not-ready': {
    label: 'DNS lists every Pod, ready or not',
    explanation:
      'CoreDNS serves only endpoints whose ready condition is true; not-ready and terminating Pods are left out (R-DNS-1).',
  },
  'dns-publish-ignored': {
    label: 'publishNotReadyAddresses does not change DNS',
    explanation:
      'With publishNotReadyAddresses the EndpointSlice controller marks every endpoint ready, so DNS lists them all (R-DNS-2).',
  },
  'dns-srv-one-record': {
    label: 'An SRV query returns one record',
    explanation: "A headless Service's SRV answer has one record per ready endpoint and port (R-DNS-6).",
  },
  'dns-srv-service-port': {
    label: "A headless SRV record carries the Service's port",
    explanation:
      'The records of a headless Service come from its EndpointSlices, whose ports are the target ports (R-DNS-2, R-DNS-6).',
  },
  'dns-srv-target-port': {
    label: "A ClusterIP Service's SRV record carries the target port",
    explanation:
      'For a Service with a ClusterIP the SRV record names the Service and carries its port, the one clients connect to (R-DNS-5).',
  },
  'topology-strict': {
    label: 'Topology is a hard filter',
    explanation:
      "trafficDistribution is a preference: when no ready endpoint is hinted for the sender's node or zone, kube-proxy uses the whole Cluster set instead of dropping the connection (R-EP-5, R-EP-1).",
  },
  'topology-ignored': {
    label: 'trafficDistribution changes nothing',
    explanation:
      "With trafficDistribution set, the EndpointSlice controller hints every ready endpoint for its zone (and node, for PreferSameNode), and kube-proxy keeps only the endpoints hinted for the sender's zone or node (R-EP-5).",
  },
  'hints-per-pod-count': {
    label: 'Each zone gets an equal part',
    explanation:
      "kube-proxy never weights zones: without topology filtering the pick is uniform over every endpoint of the Cluster set, so a zone's part is its share of the endpoints (R-EP-5, R-LB-1).",
  },
  'partial-hints-still-filter': {
    label: 'Partial hints still filter',
    explanation:
      'kube-proxy filters by zone only when every ready endpoint carries a zone hint; one endpoint without a hint (a node without a zone label) turns the filtering off for every node (R-EP-5).',
  },
  'same-node-skips-zone': {
    label: 'PreferSameNode falls back to the whole cluster',
    explanation:
      'PreferSameNode hints endpoints for their node and their zone: a node with no endpoint of its own still prefers its zone before the whole cluster (R-EP-5).',
  },
  'rules-probability-is-share': {
    label: "A rule's --probability is the endpoint's share",
    explanation:
      'The statistic rules are tried in order and each probability applies only to what the earlier rules left: kube-proxy writes 1/n, 1/(n-1), …, 1/2 and nothing on the last, so every endpoint gets 1/n (R-LB-1).',
  },
  'rules-last-rule-probability': {
    label: 'Every endpoint rule carries a probability',
    explanation: 'The last endpoint rule of a KUBE-SVC chain has no --probability: it takes every connection the earlier rules left (R-LB-1).',
  },
  'rules-clusterip-masquerades': {
    label: 'Every ClusterIP connection is masqueraded',
    explanation:
      'The KUBE-MARK-MASQ rule of a KUBE-SVC chain matches only sources outside the cluster CIDR (! -s): a Pod keeps its own address (R-INT-2).',
  },
  'rules-masq-only-external': {
    label: 'Only external traffic is masqueraded',
    explanation:
      'A node (host network) reaching a ClusterIP has a source outside the cluster CIDR, so the ! -s rule marks it for masquerade (R-INT-2).',
  },
  'ts-no-endpoints-means-selector': {
    label: 'No endpoints always means a selector mismatch',
    explanation:
      'Pods that match the selector but fail their readiness probe are in the EndpointSlice, marked not ready (READY 0/1): kube-proxy ignores them and REJECTs as if there were none (R-EP-4, R-DROP-1). Check READY before the labels.',
  },
  'ts-no-endpoints-means-not-ready': {
    label: 'No endpoints always means the Pods are not ready',
    explanation:
      'Ready Pods (READY 1/1) that the selector does not match are in no EndpointSlice of the Service at all: compare the Service\'s Selector with the Pods\' labels (R-EP-1, R-DROP-1).',
  },
  'ts-refused-blames-the-pod': {
    label: 'A refusal always comes from the Pod',
    explanation:
      'With no usable endpoint kube-proxy itself REJECTs, so curl is refused before any Pod is involved (R-DROP-1). A Pod only refuses a connection that reached it, and then the EndpointSlice lists it ready.',
  },
  'ts-refused-means-no-endpoints': {
    label: 'Connection refused means the Service has no endpoints',
    explanation:
      'kube-proxy forwards to a ready endpoint (R-EP-1); if nothing listens on the endpoint\'s port at the Pod IP the Pod resets the connection, which curl also reports as refused. The EndpointSlice shows the endpoints are there.',
  },
  'ts-refused-means-wrong-port': {
    label: 'A Pod that refuses has the wrong targetPort',
    explanation:
      'When the targetPort is the port the app serves on, a refusal from a ready endpoint means the app does not listen on the Pod IP: it is bound to 127.0.0.1 (port-forward still works, Service traffic does not).',
  },
  'ts-bind-address-before-port': {
    label: 'A Pod that refuses listens on 127.0.0.1',
    explanation:
      "Compare the endpoint's port (the Service's targetPort) with the port the app serves on first: a targetPort where nothing listens refuses exactly like a listener bound to 127.0.0.1.",
  },
  'ts-timeout-blames-the-pod': {
    label: 'A timeout comes from the Pod',
    explanation:
      'A Pod that does not listen on a port answers with a reset at once (refused). A timeout is a silent DROP: under externalTrafficPolicy: Local the node dialled has no ready local endpoint (R-EXT-7).',
  },
  'ts-proxy-is-snat': {
    label: "Only kube-proxy's SNAT hides the client address",
    explanation:
      "A proxying balancer opens its own connection to the node, so the Pod sees the balancer's address under either policy (R-SRC-3); under Local a direct NodePort connection still shows the client's.",
  },
  'ts-wrong-pod-means-not-ready': {
    label: "When the app's Pods are not ready, the Service sends to other Pods",
    explanation:
      "A Service never falls back to Pods it does not select: with no ready endpoint kube-proxy REJECTs (R-DROP-1). A Pod of another app answers only because the selector selects it (R-EP-1): its address is in the EndpointSlice.",
  },
  'ts-target-port-picks-the-app': {
    label: 'The targetPort decides which app answers',
    explanation:
      "The selector decides which Pods are endpoints (R-EP-1); targetPort is only the port on the chosen Pod. Two apps that listen on the same port are both reached when the selector matches both.",
  },
  'ts-wrong-client-means-wrong-pod': {
    label: 'An unexpected client address means another Pod answered',
    explanation:
      "The hostname line names the Pod that answered, and the EndpointSlice lists only the app's Pods; the client line is the source address that Pod saw after kube-proxy's masquerade (R-EXT-1) or a proxying balancer (R-SRC-3).",
  },
  'ts-local-forwards-with-snat': {
    label: 'Local forwards from a node without a Pod, masqueraded',
    explanation:
      'Under externalTrafficPolicy: Local a node with no ready local endpoint drops external traffic (R-EXT-7): it neither forwards it to another node nor masquerades it. A node address seen by the Pod comes from Cluster (R-EXT-1) or a proxying balancer (R-SRC-3).',
  },
  'ts-port-is-target-port': {
    label: "The Service's port is where the Pod listens",
    explanation:
      "port is what clients dial on the ClusterIP (and the balancer); targetPort is the port on the Pod the connection is forwarded to. Only targetPort must match the container's listening port.",
  },
} as const satisfies Record<string, { label: string; explanation: string }>;

export type MisconceptionId = keyof typeof MISCONCEPTIONS;

export interface Misconception {
  id: MisconceptionId;
  label: string;
  explanation: string;
}

export function misconception(id: MisconceptionId): Misconception {
  return { id, ...MISCONCEPTIONS[id] };
}
