/**
 * The parts of Node, Pod, Service, EndpointSlice and the kube-proxy ConfigMap the import reads, as zod schemas.
 * Objects are not strict: kubectl prints many fields the engine has no use for (uid, managedFields, …), and
 * they are dropped. Only the fields read are checked, and every failing one is reported.
 */
// zod/mini: the import tool reads a cluster in the browser, and full zod with its locales cost its chunk 68 KB gzip
// (issue 18). Same checks, issues and messages.
import * as z from '@/lib/validation/zod-mini';

const nonEmpty = () => z.string().check(z.minLength(1));
/** The field types most of these objects are made of: optional (or nullish) strings, lists of them, flags. */
const text = z.optional(z.string());
const texts = z.optional(z.array(z.string()));
const flag = z.optional(z.boolean());
const nullishFlag = z.nullish(z.boolean());
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
      podCIDR: text,
      podCIDRs: texts,
      providerID: text,
      taints: z.optional(z.array(z.object({ key: nonEmpty(), effect: text }))),
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
  spec: z._default(z.object({ nodeName: text, hostNetwork: flag }), {}),
  status: z._default(
    z.object({
      phase: text,
      podIP: text,
      conditions: z.optional(z.array(z.object({ type: z.string(), status: z.string() }))),
    }),
    {},
  ),
});

const port = z.number().check(z.int());
export const kubeServiceSchema = z.object({
  metadata: meta,
  spec: z.object({
    type: text,
    selector: z.nullish(labels),
    clusterIP: text,
    clusterIPs: texts,
    externalTrafficPolicy: text,
    internalTrafficPolicy: text,
    healthCheckNodePort: z.optional(port),
    externalIPs: texts,
    loadBalancerSourceRanges: texts,
    sessionAffinity: text,
    sessionAffinityConfig: z.optional(z.object({ clientIP: z.object({ timeoutSeconds: z.optional(port) }) })),
    trafficDistribution: text,
    allocateLoadBalancerNodePorts: flag,
    ports: z.optional(
      z.array(
        z.object({
          name: text,
          port,
          targetPort: z.optional(z.union([port, z.string()])),
          nodePort: z.optional(port),
          protocol: text,
        }),
      ),
    ),
  }),
  status: z._default(
    z.object({
      loadBalancer: z.optional(
        z.object({ ingress: z.optional(z.array(z.object({ ip: text, hostname: text, ipMode: text }))) }),
      ),
    }),
    {},
  ),
});

const names = z.optional(z.array(z.object({ name: z.string() })));
export const kubeEndpointSliceSchema = z.object({
  metadata: meta,
  addressType: text,
  endpoints: z.nullish(
    z.array(
      z.object({
        addresses: z.array(z.string()).check(z.minLength(1)),
        conditions: z._default(
          z.object({ ready: nullishFlag, serving: nullishFlag, terminating: nullishFlag }),
          {},
        ),
        nodeName: text,
        zone: text,
        hints: z.optional(z.object({ forZones: names, forNodes: names })),
        targetRef: z.optional(z.object({ kind: text, name: text, namespace: text })),
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
  iptables: z.nullish(z.object({ masqueradeAll: nullishFlag, localhostNodePorts: nullishFlag })),
});

export type KubeNode = z.output<typeof kubeNodeSchema>;
export type KubePod = z.output<typeof kubePodSchema>;
export type KubeService = z.output<typeof kubeServiceSchema>;
export type KubeEndpointSlice = z.output<typeof kubeEndpointSliceSchema>;
export type KubeProxyConfig = z.output<typeof kubeProxyConfigSchema>;
