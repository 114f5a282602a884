/**
 * The parts of Node, Pod, Service, EndpointSlice and the kube-proxy ConfigMap the import reads, as zod schemas.
 * Objects are not strict: kubectl prints many fields the engine has no use for (uid, managedFields, …), and
 * they are dropped. Only the fields read are checked, and every failing one is reported.
 */
// zod/mini: the import tool reads a cluster in the browser, and full zod with its locales cost its chunk 68 KB gzip
// (issue 18). Same checks, issues and messages.
import * as z from '@/lib/validation/zod-mini';

const nonEmpty = () => z.string().check(z.minLength(1));
const labels = z.record(z.string(), z.string());
const meta = z.object({
  name: nonEmpty(),
  namespace: z.optional(nonEmpty()),
  labels: z.optional(labels),
  annotations: z.optional(labels),
  deletionTimestamp: z.nullish(z.string()),
});

export const kubeNodeSchema = z.object({
  metadata: meta,
  spec: z._default(
    z.object({
      podCIDR: z.optional(z.string()),
      podCIDRs: z.optional(z.array(z.string())),
      providerID: z.optional(z.string()),
      taints: z.optional(z.array(z.object({ key: nonEmpty(), effect: z.optional(z.string()) }))),
    }),
    {},
  ),
  status: z._default(
    z.object({ addresses: z.optional(z.array(z.object({ type: z.string(), address: z.string() }))) }),
    {},
  ),
});

export const kubePodSchema = z.object({
  metadata: meta,
  spec: z._default(z.object({ nodeName: z.optional(z.string()), hostNetwork: z.optional(z.boolean()) }), {}),
  status: z._default(
    z.object({
      phase: z.optional(z.string()),
      podIP: z.optional(z.string()),
      conditions: z.optional(z.array(z.object({ type: z.string(), status: z.string() }))),
    }),
    {},
  ),
});

const port = z.number().check(z.int());
export const kubeServiceSchema = z.object({
  metadata: meta,
  spec: z.object({
    type: z.optional(z.string()),
    selector: z.nullish(labels),
    clusterIP: z.optional(z.string()),
    clusterIPs: z.optional(z.array(z.string())),
    externalTrafficPolicy: z.optional(z.string()),
    internalTrafficPolicy: z.optional(z.string()),
    healthCheckNodePort: z.optional(port),
    externalIPs: z.optional(z.array(z.string())),
    loadBalancerSourceRanges: z.optional(z.array(z.string())),
    sessionAffinity: z.optional(z.string()),
    sessionAffinityConfig: z.optional(z.object({ clientIP: z.object({ timeoutSeconds: z.optional(port) }) })),
    trafficDistribution: z.optional(z.string()),
    allocateLoadBalancerNodePorts: z.optional(z.boolean()),
    ports: z.optional(
      z.array(
        z.object({
          name: z.optional(z.string()),
          port,
          targetPort: z.optional(z.union([port, z.string()])),
          nodePort: z.optional(port),
          protocol: z.optional(z.string()),
        }),
      ),
    ),
  }),
  status: z._default(
    z.object({
      loadBalancer: z.optional(
        z.object({
          ingress: z.optional(
            z.array(
              z.object({
                ip: z.optional(z.string()),
                hostname: z.optional(z.string()),
                ipMode: z.optional(z.string()),
              }),
            ),
          ),
        }),
      ),
    }),
    {},
  ),
});

export const kubeEndpointSliceSchema = z.object({
  metadata: meta,
  addressType: z.optional(z.string()),
  endpoints: z.nullish(
    z.array(
      z.object({
        addresses: z.array(z.string()).check(z.minLength(1)),
        conditions: z._default(
          z.object({
            ready: z.nullish(z.boolean()),
            serving: z.nullish(z.boolean()),
            terminating: z.nullish(z.boolean()),
          }),
          {},
        ),
        nodeName: z.optional(z.string()),
        zone: z.optional(z.string()),
        hints: z.optional(
          z.object({
            forZones: z.optional(z.array(z.object({ name: z.string() }))),
            forNodes: z.optional(z.array(z.object({ name: z.string() }))),
          }),
        ),
        targetRef: z.optional(
          z.object({
            kind: z.optional(z.string()),
            name: z.optional(z.string()),
            namespace: z.optional(z.string()),
          }),
        ),
      }),
    ),
  ),
});

export const kubeConfigMapSchema = z.object({
  metadata: meta,
  data: z._default(z.record(z.string(), z.string()), {}),
});

/** config.conf of the kube-proxy ConfigMap: a KubeProxyConfiguration (kubeadm and kind write it this way). */
export const kubeProxyConfigSchema = z.object({
  mode: z.nullish(z.string()),
  clusterCIDR: z.nullish(z.string()),
  detectLocalMode: z.nullish(z.string()),
  nodePortAddresses: z.nullish(z.array(z.string())),
  iptables: z.nullish(
    z.object({ masqueradeAll: z.nullish(z.boolean()), localhostNodePorts: z.nullish(z.boolean()) }),
  ),
});

export type KubeNode = z.output<typeof kubeNodeSchema>;
export type KubePod = z.output<typeof kubePodSchema>;
export type KubeService = z.output<typeof kubeServiceSchema>;
export type KubeEndpointSlice = z.output<typeof kubeEndpointSliceSchema>;
export type KubeProxyConfig = z.output<typeof kubeProxyConfigSchema>;
