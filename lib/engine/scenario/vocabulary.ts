/**
 * The scenario format's closed vocabularies (scenario-format.md): proxy modes, balancing models, balancer
 * families, network-plugin presets, Service types. No zod here: pages that only offer these choices (the
 * explorer's controls) must not load the schema with them (issue 18). schema.ts builds its enums from these.
 */
export const PROXY_MODES = ['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** The generic balancer's models (R-LB-6, R-LB-7): what the explorer offers. */
export const BALANCING = ['healthy-nodes', 'weighted', 'all-nodes'] as const;
export type Balancing = (typeof BALANCING)[number];
/** Every balancing model, the balancer families' included (R-LBK-10). */
export const BALANCING_MODELS = [...BALANCING, 'per-zone', 'single-node', 'announcing-nodes'] as const;
export type BalancingModel = (typeof BALANCING_MODELS)[number];

/** External load-balancer families (R-LBK-10); generic is the pre-R-LBK model (R-LB-6, R-LB-7). */
export const LB_PROVIDERS = ['generic', 'gcp', 'aws-nlb', 'aws-clb', 'azure', 'metallb-l2', 'metallb-bgp'] as const;
export type LoadBalancerProvider = (typeof LB_PROVIDERS)[number];

/** Network-plugin presets (R-CNI-5) and the two facts each stands for. */
export const CNI_POD_INTERFACES = ['bridge', 'veth-gateway', 'veth-unnumbered'] as const;
export type CniPodInterface = (typeof CNI_POD_INTERFACES)[number];
export const CNI_INTER_NODE = ['direct', 'tunnel'] as const;
export type CniInterNode = (typeof CNI_INTER_NODE)[number];
export const CNI_PRESETS = {
  kubenet: { podInterface: 'bridge', interNode: 'direct' },
  bridge: { podInterface: 'bridge', interNode: 'direct' },
  'flannel-host-gw': { podInterface: 'bridge', interNode: 'direct' },
  'flannel-vxlan': { podInterface: 'bridge', interNode: 'tunnel' },
  kindnet: { podInterface: 'veth-gateway', interNode: 'direct' },
  gke: { podInterface: 'veth-gateway', interNode: 'direct' },
  'calico-bgp': { podInterface: 'veth-unnumbered', interNode: 'direct' },
  'aws-vpc': { podInterface: 'veth-unnumbered', interNode: 'direct' },
  'calico-ipip': { podInterface: 'veth-unnumbered', interNode: 'tunnel' },
  'calico-vxlan': { podInterface: 'veth-unnumbered', interNode: 'tunnel' },
} as const satisfies Record<string, { podInterface: CniPodInterface; interNode: CniInterNode }>;
export type CniPreset = keyof typeof CNI_PRESETS;

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
