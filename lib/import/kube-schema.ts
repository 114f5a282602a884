/**
 * The parts of Node, Pod, Service, EndpointSlice and the kube-proxy ConfigMap the import reads, as zod schemas.
 * Objects are not strict: kubectl prints many fields the engine has no use for (uid, managedFields, …), and
 * they are dropped. Only the fields read are checked, and every failing one is reported.
 */
import { z } from '@/lib/validation/zod';

const labels = z.record(z.string(), z.string());
const meta = z.object({
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
  labels: labels.optional(),
  annotations: labels.optional(),
  deletionTimestamp: z.string().nullish(),
});

export const kubeNodeSchema = z.object({
  metadata: meta,
  spec: z
    .object({
      podCIDR: z.string().optional(),
      podCIDRs: z.array(z.string()).optional(),
      providerID: z.string().optional(),
      taints: z.array(z.object({ key: z.string().min(1), effect: z.string().optional() })).optional(),
    })
    .default({}),
  status: z
    .object({ addresses: z.array(z.object({ type: z.string(), address: z.string() })).optional() })
    .default({}),
});

export const kubePodSchema = z.object({
  metadata: meta,
  spec: z.object({ nodeName: z.string().optional(), hostNetwork: z.boolean().optional() }).default({}),
  status: z
    .object({
      phase: z.string().optional(),
      podIP: z.string().optional(),
      conditions: z.array(z.object({ type: z.string(), status: z.string() })).optional(),
    })
    .default({}),
});

const port = z.number().int();
export const kubeServiceSchema = z.object({
  metadata: meta,
  spec: z.object({
    type: z.string().optional(),
    selector: labels.nullish(),
    clusterIP: z.string().optional(),
    clusterIPs: z.array(z.string()).optional(),
    externalTrafficPolicy: z.string().optional(),
    internalTrafficPolicy: z.string().optional(),
    healthCheckNodePort: port.optional(),
    externalIPs: z.array(z.string()).optional(),
    loadBalancerSourceRanges: z.array(z.string()).optional(),
    sessionAffinity: z.string().optional(),
    sessionAffinityConfig: z.object({ clientIP: z.object({ timeoutSeconds: port.optional() }) }).optional(),
    trafficDistribution: z.string().optional(),
    allocateLoadBalancerNodePorts: z.boolean().optional(),
    ports: z
      .array(
        z.object({
          name: z.string().optional(),
          port,
          targetPort: z.union([port, z.string()]).optional(),
          nodePort: port.optional(),
          protocol: z.string().optional(),
        }),
      )
      .optional(),
  }),
  status: z
    .object({
      loadBalancer: z
        .object({
          ingress: z
            .array(z.object({ ip: z.string().optional(), hostname: z.string().optional(), ipMode: z.string().optional() }))
            .optional(),
        })
        .optional(),
    })
    .default({}),
});

export const kubeEndpointSliceSchema = z.object({
  metadata: meta,
  addressType: z.string().optional(),
  endpoints: z
    .array(
      z.object({
        addresses: z.array(z.string()).min(1),
        conditions: z
          .object({ ready: z.boolean().nullish(), serving: z.boolean().nullish(), terminating: z.boolean().nullish() })
          .default({}),
        nodeName: z.string().optional(),
        zone: z.string().optional(),
        hints: z
          .object({
            forZones: z.array(z.object({ name: z.string() })).optional(),
            forNodes: z.array(z.object({ name: z.string() })).optional(),
          })
          .optional(),
        targetRef: z.object({ kind: z.string().optional(), name: z.string().optional(), namespace: z.string().optional() }).optional(),
      }),
    )
    .nullish(),
});

export const kubeConfigMapSchema = z.object({ metadata: meta, data: z.record(z.string(), z.string()).default({}) });

/** config.conf of the kube-proxy ConfigMap: a KubeProxyConfiguration (kubeadm and kind write it this way). */
export const kubeProxyConfigSchema = z.object({
  mode: z.string().nullish(),
  clusterCIDR: z.string().nullish(),
  detectLocalMode: z.string().nullish(),
  nodePortAddresses: z.array(z.string()).nullish(),
  iptables: z.object({ masqueradeAll: z.boolean().nullish(), localhostNodePorts: z.boolean().nullish() }).nullish(),
});

export type KubeNode = z.output<typeof kubeNodeSchema>;
export type KubePod = z.output<typeof kubePodSchema>;
export type KubeService = z.output<typeof kubeServiceSchema>;
export type KubeEndpointSlice = z.output<typeof kubeEndpointSliceSchema>;
export type KubeProxyConfig = z.output<typeof kubeProxyConfigSchema>;
