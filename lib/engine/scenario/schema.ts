/**
 * The scenario contract (../shared/scenario-format.md, "The scenario"), as one zod schema.
 * Unknown fields are refused (strict objects) so that typos are caught. Defaults are applied here,
 * except those that depend on other fields (bridgeIP, ready, serving, nodePortAddresses, Service defaulting),
 * which `normalize.ts` fills in.
 *
 * `ScenarioInput` is what a file or a generator may write; `ScenarioDoc` is the parsed document.
 */
// zod/mini (lib/validation/zod-mini): browsers read scenarios on a page's first load (the explorer, a question),
// and full zod with its locales would cost them ~90 KB gzip (issue 18). Same checks, issues and messages.
import * as z from '@/lib/validation/zod-mini';
import {
  BALANCING_MODELS,
  CNI_INTER_NODE,
  CNI_POD_INTERFACES,
  CNI_PRESETS,
  LB_PROVIDERS,
  PROXY_MODES,
  SERVICE_TYPES,
  type CniPreset,
} from './vocabulary';
export * from './vocabulary';

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

export const TRAFFIC_DESTINATIONS = ['loadBalancer', 'nodePort', 'externalIP', 'clusterIP'] as const;
export type TrafficDestination = (typeof TRAFFIC_DESTINATIONS)[number];

const CNI_PRESET_NAMES = Object.keys(CNI_PRESETS) as [CniPreset, ...CniPreset[]];

/**
 * The schema's definition, run on the first read rather than when the module loads: defining it is most of the
 * cost of bringing the engine in, and a page that loads the engine for later changes (the explorer) should not
 * pay that in the same task (issue 18).
 */
function defineScenarioSchema() {
  const ipv4 = z.ipv4({ error: 'must be an IPv4 address such as 10.0.1.10' });
  const cidrv4 = z.cidrv4({ error: 'must be an IPv4 CIDR such as 10.244.0.0/16' });
  /** R-NP-3: kube-proxy's config validation checks only CIDR syntax, not the family; the other family is ignored. */
  const anyCidr = [z.cidrv4(), z.cidrv6()];
  const nodePortCidr = z.string().check(z.refine((c) => anyCidr.some((f) => f.safeParse(c).success), { error: 'must be a CIDR such as 10.0.1.0/24 or 2001:db8::/64' }));
  /** --service-node-port-range, e.g. 30000-32767 (R-API-UPD-5/7). */
  const portRange = z.string().check(
    z.regex(/^\d{1,5}-\d{1,5}$/, { error: 'must be a port range such as 30000-32767' }),
    z.refine(
      (r) => {
        const [lo, hi] = r.split('-').map(Number) as [number, number];
        return lo >= 1 && hi <= 65535 && lo <= hi;
      },
      { error: 'must be FIRST-LAST with 1 <= FIRST <= LAST <= 65535' },
    ),
  );
  const name = z
    .string()
    .check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(LIMITS.nameLength, { error: `must be at most ${LIMITS.nameLength} characters` }));

  const nodeSchema = z.strictObject({
    name,
    ip: ipv4,
    extraIPs: z._default(z.array(ipv4).check(z.maxLength(16)), []),
    podCIDR: z.optional(cidrv4),
    bridgeIP: z.optional(ipv4),
    zone: z.optional(z.string().check(z.minLength(1))),
    taints: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(64)), []),
    deleting: z._default(z.boolean(), false),
    proxyHealthy: z._default(z.boolean(), true),
    /** R-CNI-3/5: the overlay device's address (interNode tunnel); default: podCIDR's network address. */
    tunnelIP: z.optional(ipv4),
    /** Node labels (R-LBK-1/7/8 read node.kubernetes.io/exclude-from-external-load-balancers). */
    labels: z.optional(z.record(z.string(), z.string())),
  });

  const podSchema = z.strictObject({
    name,
    node: z.optional(name),
    ip: ipv4,
    labels: z._default(z.record(z.string(), z.string()), {}),
    zone: z.optional(z.string().check(z.minLength(1))),
    /** Default: not terminating (the EndpointSlice controller never reports a terminating Pod ready). */
    ready: z.optional(z.boolean()),
    terminating: z._default(z.boolean(), false),
    /** Default: `ready` as written, else true. */
    serving: z.optional(z.boolean()),
  });

  const clusterSchema = z.strictObject({
    proxyMode: z._default(z.enum(PROXY_MODES), 'iptables'),
    clusterCIDR: z.optional(cidrv4),
    detectLocal: z._default(z.boolean(), true),
    masqueradeAll: z._default(z.boolean(), false),
    localhostNodePorts: z._default(z.boolean(), true),
    nodePortAddresses: z.optional(z.union([z.enum(['all', 'primary']), z.array(nodePortCidr).check(z.minLength(1), z.maxLength(16))])),
    /** The API server's NodePort range (R-API-UPD-5/7); absent: 30000-32767, and create-time ports are not range-checked. */
    nodePortRange: z.optional(portRange),
    /** NodePorts held by other Services: requesting one is "provided port is already allocated" (R-API-UPD-5/7). */
    usedNodePorts: z._default(z.array(z.number().check(z.int(), z.gte(1), z.lte(65535))).check(z.maxLength(LIMITS.ports * 10)), []),
    /** cilium-*: Cilium answers :10256/healthz (kube-proxy-replacement-healthz-bind-address set, R-HC-CIL-7). */
    kubeProxyReplacementHealthz: z._default(z.boolean(), false),
    /** R-CNI-5: a preset, or the two facts; absent = {bridge, direct}, today's answers. */
    cni: z.optional(
      z.union([
        z.enum(CNI_PRESET_NAMES),
        z.strictObject({ podInterface: z._default(z.enum(CNI_POD_INTERFACES), 'bridge'), interNode: z._default(z.enum(CNI_INTER_NODE), 'direct') }),
      ]),
    ),
    nodes: z.array(nodeSchema).check(z.minLength(1, { error: 'a cluster needs at least one node' }), z.maxLength(LIMITS.nodes)),
    pods: z._default(z.array(podSchema).check(z.maxLength(LIMITS.pods)), []),
  });

  const portNumber = () => z.number().check(z.int(), z.gte(1), z.lte(65535));

  const servicePortSchema = z.strictObject({
    name: z.optional(z.string()),
    port: portNumber(),
    targetPort: z.optional(z.union([portNumber(), z.string().check(z.minLength(1))])),
    nodePort: z.optional(portNumber()),
    protocol: z._default(z.enum(['TCP', 'UDP', 'SCTP']), 'TCP'),
  });

  /**
   * A v1 Service. Traffic-policy fields are plain strings on purpose: a bad value is not an unreadable
   * scenario but an invalid Service, answered with the API server's own message (R-API-3).
   */
  const serviceSchema = z.strictObject({
    apiVersion: z.optional(z.literal('v1')),
    kind: z.optional(z.literal('Service')),
    metadata: z.strictObject({
      name,
      namespace: z._default(name, 'default'),
      labels: z.optional(z.record(z.string(), z.string())),
      annotations: z.optional(z.record(z.string(), z.string())),
    }),
    spec: z.strictObject({
      type: z._default(z.enum(SERVICE_TYPES), 'ClusterIP'),
      selector: z.optional(z.record(z.string(), z.string())),
      clusterIP: z.optional(z.union([ipv4, z.literal('None')])),
      clusterIPs: z.optional(z.array(z.union([ipv4, z.literal('None')]))),
      externalTrafficPolicy: z.optional(z.string()),
      internalTrafficPolicy: z.optional(z.string()),
      healthCheckNodePort: z.optional(z.number().check(z.int(), z.gte(0), z.lte(65535))),
      externalIPs: z._default(z.array(ipv4).check(z.maxLength(LIMITS.externalIPs)), []),
      loadBalancerSourceRanges: z._default(z.array(cidrv4).check(z.maxLength(LIMITS.sourceRanges)), []),
      sessionAffinity: z._default(z.enum(['None', 'ClientIP']), 'None'),
      sessionAffinityConfig: z.optional(z.strictObject({ clientIP: z.strictObject({ timeoutSeconds: z.optional(z.number().check(z.int(), z.gte(1), z.lte(86400))) }) })),
      trafficDistribution: z.optional(z.string()),
      allocateLoadBalancerNodePorts: z.optional(z.boolean()),
      ports: z.array(servicePortSchema).check(z.minLength(1, { error: 'a Service needs at least one port' }), z.maxLength(LIMITS.ports)),
    }),
    status: z._default(
      z.strictObject({
        loadBalancer: z._default(
          z.strictObject({
            ingress: z._default(
              z
                .array(
                  z
                    .strictObject({
                      ip: z.optional(ipv4),
                      hostname: z.optional(z.string().check(z.minLength(1))),
                      ipMode: z.optional(z.enum(['VIP', 'Proxy'])),
                    })
                    // R-LBK-9: a hostname-only entry (AWS) is allowed; an entry with neither is not.
                    .check(z.refine((i) => i.ip !== undefined || i.hostname !== undefined, { error: 'an ingress entry needs an ip or a hostname' })),
                )
                .check(z.maxLength(16)),
              [],
            ),
          }),
          { ingress: [] },
        ),
      }),
      { loadBalancer: { ingress: [] } },
    ),
  });

  /** Defaults that depend on the provider (balancing, allUnhealthy, preservesClientIP) are filled in by normalize.ts. */
  const loadBalancerSchema = z.strictObject({
    provider: z._default(z.enum(LB_PROVIDERS), 'generic'),
    balancing: z.optional(z.enum(BALANCING_MODELS)),
    targets: z._default(z.enum(['nodes', 'pods']), 'nodes'),
    preservesClientIP: z.optional(z.boolean()),
    ip: z._default(ipv4, '10.0.0.250'),
    crossZone: z._default(z.boolean(), false),
    zones: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(64))),
    allUnhealthy: z.optional(z.enum(['fail-open', 'drop'])),
    speakers: z.optional(z.array(name).check(z.maxLength(LIMITS.nodes))),
    preferredNodes: z.optional(z.record(z.string(), z.number().check(z.int(), z.gte(0)))),
  });

  const trafficSchema = z.strictObject({
    from: z.string().check(
      z.regex(/^(external|localhost|pod\/.+|node\/.+)$/, {
        error: 'must be external, localhost, pod/NAME or node/NAME',
      }),
    ),
    to: z.enum(TRAFFIC_DESTINATIONS),
    node: z.optional(name),
    ip: z.optional(ipv4),
  });

  return z.strictObject({
    name: z.optional(z.string().check(z.maxLength(200))),
    cluster: clusterSchema,
    service: serviceSchema,
    loadBalancer: z._default(loadBalancerSchema, { provider: 'generic', targets: 'nodes', ip: '10.0.0.250', crossZone: false }),
    client: z._default(z.strictObject({ ip: z._default(ipv4, '203.0.113.2') }), { ip: '203.0.113.2' }),
    traffic: z.optional(z.array(trafficSchema).check(z.maxLength(LIMITS.traffic))),
    /** The stored Service before an update; `service` is then the update request (R-API-UPD-9). */
    previous: z.optional(serviceSchema),
  });
}

let defined: ReturnType<typeof defineScenarioSchema> | undefined;

/** The scenario schema: defined on the first call, the same object after. */
export function scenarioSchema() {
  return (defined ??= defineScenarioSchema());
}

/** What a file or a generator writes (defaults may be omitted). */
export type ScenarioInput = z.input<ReturnType<typeof scenarioSchema>>;
/** The parsed document, schema defaults applied. */
export type ScenarioDoc = z.output<ReturnType<typeof scenarioSchema>>;
export type NodeDoc = ScenarioDoc['cluster']['nodes'][number];
export type PodDoc = ScenarioDoc['cluster']['pods'][number];
export type ServiceDoc = ScenarioDoc['service'];
export type TrafficDoc = NonNullable<ScenarioDoc['traffic']>[number];
export type LoadBalancerDoc = ScenarioDoc['loadBalancer'];
