/**
 * `npx tsx tests/bench/import.bench.ts`: how fast a large cluster imports (issue 15: 500 nodes and 10,000 Pods
 * in under a second). The input is generated kubectl output (a List of Nodes, Pods, a Service and its
 * EndpointSlices, with the status and metadata kubectl prints), as JSON (`-o json`) and as YAML (`-o yaml`).
 * The YAML is written as kubectl (go-yaml) writes it: sequences at their key's indentation. Beside each
 * median, a baseline over the same text in the same run — JSON.parse for JSON, the `yaml` package's
 * parseAllDocuments + toJS for YAML (what the import used before lib/import/kubectl-yaml.ts) — so that figures
 * from different machines can be compared.
 */
import { parseAllDocuments } from 'yaml';
import { stringify } from 'yaml';
import { importCluster } from '@/lib/import';

const NODES = 500;
const PODS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1000;

const ip = (base: number, i: number) => `10.${base + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
const nodeName = (i: number) => `node-${String(i).padStart(3, '0')}`;

function cluster(): object {
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: nodeName(i), uid: `uid-node-${i}`, resourceVersion: '1', labels: { 'kubernetes.io/hostname': nodeName(i), 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    spec: { podCIDR: `10.${64 + (i >> 8)}.${i & 255}.0/24`, providerID: `gce://bench/zone-${i % 3}/${nodeName(i)}` },
    status: { addresses: [{ type: 'InternalIP', address: ip(0, i + 10) }, { type: 'Hostname', address: nodeName(i) }], conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] },
  }));
  const pods = Array.from({ length: PODS }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-pod-${i}`, labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' } },
    spec: { nodeName: nodeName(i % NODES), containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
    status: { phase: 'Running', podIP: ip(128, i + 1), conditions: [{ type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }] },
  }));
  // The EndpointSlice controller writes at most 100 endpoints per slice.
  const slices = Array.from({ length: PODS / 100 }, (_, s) => ({
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

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const list = cluster();
const inputs = [
  { format: 'json', text: JSON.stringify(list, null, 4), baseline: 'JSON.parse', parse: (t: string) => JSON.parse(t) as unknown },
  { format: 'yaml', text: stringify(list, { indentSeq: false }), baseline: 'yaml parseAllDocuments+toJS', parse: (t: string) => parseAllDocuments(t).map((d) => d.toJS()) },
];
let failed = false;
for (const { format, text, baseline, parse } of inputs) {
  const first = importCluster(text);
  if (!first.ok || first.scenario.cluster.pods.length !== PODS || first.scenario.cluster.nodes.length !== NODES) {
    console.error(`import (${format}) did not produce ${NODES} nodes and ${PODS} pods`, first.ok ? '' : first.issues.slice(0, 3));
    process.exit(1);
  }
  const imp = median(() => importCluster(text));
  const base = median(() => parse(text));
  const ok = imp < TARGET_MS;
  failed ||= !ok;
  console.log(
    `import ${NODES} nodes, ${PODS} pods, ${format} (${(text.length / 1e6).toFixed(1)} MB): median ${imp.toFixed(0)} ms over ${RUNS} runs ` +
      `(target < ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'}); baseline ${baseline} of the same text: ${base.toFixed(0)} ms`,
  );
}
process.exitCode = failed ? 1 : 0;
