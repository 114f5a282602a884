/**
 * The scenario contract (../shared/scenario-format.md, "The scenario"), as one zod schema.
 * Unknown fields are refused (strict objects) so that typos are caught. Defaults are applied here,
 * except those that depend on other fields (bridgeIP, ready, serving, nodePortAddresses, Service defaulting),
 * which `normalize.ts` fills in.
 *
 * `ScenarioInput` is what a file or a generator may write; `ScenarioDoc` is the parsed document.
 */
import { z } from '@/lib/validation/zod';

/** Documented size limits: a scenario larger than this is refused as absurd (exit 2). */
export const LIMITS = {
  nodes: 1000,
  pods: 10000,
  traffic: 1000,
  ports: 100,
  externalIPs: 100,
  sourceRanges: 100,
  nameLength: 253,
  /** Flows after expanding traffic entries that name no node (one flow per node). */
  flows: 10000,
  /** Flows × endpoints: bounds the work (and the answer's size) of one evaluation. */
  flowBackends: 1_000_000,
  /** Bytes of scenario text the reader accepts. */
  textBytes: 5 * 1024 * 1024,
} as const;

const ipv4 = z.ipv4({ error: 'must be an IPv4 address such as 10.0.1.10' });
const cidrv4 = z.cidrv4({ error: 'must be an IPv4 CIDR such as 10.244.0.0/16' });
/** R-NP-3: kube-proxy's config validation checks only CIDR syntax, not the family; the other family is ignored. */
const anyCidr = [z.cidrv4(), z.cidrv6()];
const nodePortCidr = z.string().refine((c) => anyCidr.some((f) => f.safeParse(c).success), { error: 'must be a CIDR such as 10.0.1.0/24 or 2001:db8::/64' });
/** --service-node-port-range, e.g. 30000-32767 (R-API-UPD-5/7). */
const portRange = z
  .string()
  .regex(/^\d{1,5}-\d{1,5}$/, { error: 'must be a port range such as 30000-32767' })
  .refine(
    (r) => {
      const [lo, hi] = r.split('-').map(Number) as [number, number];
      return lo >= 1 && hi <= 65535 && lo <= hi;
    },
    { error: 'must be FIRST-LAST with 1 <= FIRST <= LAST <= 65535' },
  );
const name = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.nameLength, { error: `must be at most ${LIMITS.nameLength} characters` });

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
const CNI_PRESET_NAMES = Object.keys(CNI_PRESETS) as [CniPreset, ...CniPreset[]];

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const nodeSchema = z.strictObject({
  name,
  ip: ipv4,
  extraIPs: z.array(ipv4).max(16).default([]),
  podCIDR: cidrv4.optional(),
  bridgeIP: ipv4.optional(),
  zone: z.string().min(1).optional(),
  taints: z.array(z.string().min(1)).max(64).default([]),
  deleting: z.boolean().default(false),
  proxyHealthy: z.boolean().default(true),
  /** R-CNI-3/5: the overlay device's address (interNode tunnel); default: podCIDR's network address. */
  tunnelIP: ipv4.optional(),
  /** Node labels (R-LBK-1/7/8 read node.kubernetes.io/exclude-from-external-load-balancers). */
  labels: z.record(z.string(), z.string()).optional(),
});

export const podSchema = z.strictObject({
  name,
  node: name.optional(),
  ip: ipv4,
  labels: z.record(z.string(), z.string()).default({}),
  zone: z.string().min(1).optional(),
  /** Default: not terminating (the EndpointSlice controller never reports a terminating Pod ready). */
  ready: z.boolean().optional(),
  terminating: z.boolean().default(false),
  /** Default: `ready` as written, else true. */
  serving: z.boolean().optional(),
});

export const clusterSchema = z.strictObject({
  proxyMode: z.enum(PROXY_MODES).default('iptables'),
  clusterCIDR: cidrv4.optional(),
  detectLocal: z.boolean().default(true),
  masqueradeAll: z.boolean().default(false),
  localhostNodePorts: z.boolean().default(true),
  nodePortAddresses: z.union([z.enum(['all', 'primary']), z.array(nodePortCidr).min(1).max(16)]).optional(),
  /** The API server's NodePort range (R-API-UPD-5/7); absent: 30000-32767, and create-time ports are not range-checked. */
  nodePortRange: portRange.optional(),
  /** NodePorts held by other Services: requesting one is "provided port is already allocated" (R-API-UPD-5/7). */
  usedNodePorts: z.array(z.number().int().min(1).max(65535)).max(LIMITS.ports * 10).default([]),
  /** cilium-*: Cilium answers :10256/healthz (kube-proxy-replacement-healthz-bind-address set, R-HC-CIL-7). */
  kubeProxyReplacementHealthz: z.boolean().default(false),
  /** R-CNI-5: a preset, or the two facts; absent = {bridge, direct}, today's answers. */
  cni: z
    .union([
      z.enum(CNI_PRESET_NAMES),
      z.strictObject({ podInterface: z.enum(CNI_POD_INTERFACES).default('bridge'), interNode: z.enum(CNI_INTER_NODE).default('direct') }),
    ])
    .optional(),
  nodes: z.array(nodeSchema).min(1, { error: 'a cluster needs at least one node' }).max(LIMITS.nodes),
  pods: z.array(podSchema).max(LIMITS.pods).default([]),
});

export const servicePortSchema = z.strictObject({
  name: z.string().optional(),
  port: z.number().int().min(1).max(65535),
  targetPort: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
  nodePort: z.number().int().min(1).max(65535).optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'),
});

/**
 * A v1 Service. Traffic-policy fields are plain strings on purpose: a bad value is not an unreadable
 * scenario but an invalid Service, answered with the API server's own message (R-API-3).
 */
export const serviceSchema = z.strictObject({
  apiVersion: z.literal('v1').optional(),
  kind: z.literal('Service').optional(),
  metadata: z.strictObject({
    name,
    namespace: name.default('default'),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    type: z.enum(SERVICE_TYPES).default('ClusterIP'),
    selector: z.record(z.string(), z.string()).optional(),
    clusterIP: z.union([ipv4, z.literal('None')]).optional(),
    clusterIPs: z.array(z.union([ipv4, z.literal('None')])).optional(),
    externalTrafficPolicy: z.string().optional(),
    internalTrafficPolicy: z.string().optional(),
    healthCheckNodePort: z.number().int().min(0).max(65535).optional(),
    externalIPs: z.array(ipv4).max(LIMITS.externalIPs).default([]),
    loadBalancerSourceRanges: z.array(cidrv4).max(LIMITS.sourceRanges).default([]),
    sessionAffinity: z.enum(['None', 'ClientIP']).default('None'),
    sessionAffinityConfig: z
      .strictObject({ clientIP: z.strictObject({ timeoutSeconds: z.number().int().min(1).max(86400).optional() }) })
      .optional(),
    trafficDistribution: z.string().optional(),
    allocateLoadBalancerNodePorts: z.boolean().optional(),
    ports: z.array(servicePortSchema).min(1, { error: 'a Service needs at least one port' }).max(LIMITS.ports),
  }),
  status: z
    .strictObject({
      loadBalancer: z
        .strictObject({
          ingress: z
            .array(
              z
                .strictObject({
                  ip: ipv4.optional(),
                  hostname: z.string().min(1).optional(),
                  ipMode: z.enum(['VIP', 'Proxy']).optional(),
                })
                // R-LBK-9: a hostname-only entry (AWS) is allowed; an entry with neither is not.
                .refine((i) => i.ip !== undefined || i.hostname !== undefined, { error: 'an ingress entry needs an ip or a hostname' }),
            )
            .max(16)
            .default([]),
        })
        .default({ ingress: [] }),
    })
    .default({ loadBalancer: { ingress: [] } }),
});

/** Defaults that depend on the provider (balancing, allUnhealthy, preservesClientIP) are filled in by normalize.ts. */
export const loadBalancerSchema = z.strictObject({
  provider: z.enum(LB_PROVIDERS).default('generic'),
  balancing: z.enum(BALANCING_MODELS).optional(),
  targets: z.enum(['nodes', 'pods']).default('nodes'),
  preservesClientIP: z.boolean().optional(),
  ip: ipv4.default('10.0.0.250'),
  crossZone: z.boolean().default(false),
  zones: z.array(z.string().min(1)).min(1).max(64).optional(),
  allUnhealthy: z.enum(['fail-open', 'drop']).optional(),
  speakers: z.array(name).max(LIMITS.nodes).optional(),
  preferredNodes: z.record(z.string(), z.number().int().min(0)).optional(),
});

export const TRAFFIC_DESTINATIONS = ['loadBalancer', 'nodePort', 'externalIP', 'clusterIP'] as const;
export type TrafficDestination = (typeof TRAFFIC_DESTINATIONS)[number];

export const trafficSchema = z.strictObject({
  from: z.string().regex(/^(external|localhost|pod\/.+|node\/.+)$/, {
    error: 'must be external, localhost, pod/NAME or node/NAME',
  }),
  to: z.enum(TRAFFIC_DESTINATIONS),
  node: name.optional(),
  ip: ipv4.optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().max(200).optional(),
  cluster: clusterSchema,
  service: serviceSchema,
  loadBalancer: loadBalancerSchema.default({ provider: 'generic', targets: 'nodes', ip: '10.0.0.250', crossZone: false }),
  client: z.strictObject({ ip: ipv4.default('203.0.113.2') }).default({ ip: '203.0.113.2' }),
  traffic: z.array(trafficSchema).max(LIMITS.traffic).optional(),
  /** The stored Service before an update; `service` is then the update request (R-API-UPD-9). */
  previous: serviceSchema.optional(),
});

/** What a file or a generator writes (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** The parsed document, schema defaults applied. */
export type ScenarioDoc = z.output<typeof scenarioSchema>;
export type NodeDoc = ScenarioDoc['cluster']['nodes'][number];
export type PodDoc = ScenarioDoc['cluster']['pods'][number];
export type ServiceDoc = ScenarioDoc['service'];
export type TrafficDoc = NonNullable<ScenarioDoc['traffic']>[number];
export type LoadBalancerDoc = ScenarioDoc['loadBalancer'];
