/**
 * Generated kubectl output of a large cluster (a List of Nodes, Pods, a Service and its EndpointSlices, with the
 * status and metadata kubectl prints): used by `npm run bench:import` and by the browser test of the import page.
 */
export const NODES = 500;
export const PODS = 10_000;

const ip = (base: number, i: number) => `10.${base + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
const nodeName = (i: number) => `node-${String(i).padStart(3, '0')}`;

/** Any size: the defaults are the import bench's; the interaction spec draws 50 nodes and 500 Pods. */
export function cluster(nodeCount = NODES, podCount = PODS): object {
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: nodeName(i), uid: `uid-node-${i}`, resourceVersion: '1', labels: { 'kubernetes.io/hostname': nodeName(i), 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    spec: { podCIDR: `10.${64 + (i >> 8)}.${i & 255}.0/24`, providerID: `gce://bench/zone-${i % 3}/${nodeName(i)}` },
    status: { addresses: [{ type: 'InternalIP', address: ip(0, i + 10) }, { type: 'Hostname', address: nodeName(i) }], conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] },
  }));
  const pods = Array.from({ length: podCount }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-pod-${i}`, labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' } },
    spec: { nodeName: nodeName(i % nodeCount), containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
    status: { phase: 'Running', podIP: ip(128, i + 1), conditions: [{ type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }] },
  }));
  // The EndpointSlice controller writes at most 100 endpoints per slice.
  const slices = Array.from({ length: Math.ceil(podCount / 100) }, (_, s) => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    addressType: 'IPv4',
    metadata: { name: `web-${s}`, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    endpoints: pods.slice(s * 100, s * 100 + 100).map((p) => ({
      addresses: [p.status.podIP],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: p.spec.nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: 'default' },
    })),
  }));
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'LoadBalancer', selector: { app: 'web' }, clusterIP: '10.96.0.10', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, ports: [{ port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] },
    status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
  };
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [...nodes, ...pods, service, ...slices] };
}

