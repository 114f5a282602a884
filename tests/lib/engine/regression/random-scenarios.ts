/**
 * Deterministic random scenario inputs for the regression baseline (capture-baseline.ts): every proxy mode,
 * both policies, every pre-existing balancing and target kind, Pods with and without nodeName, hairpin senders
 * (a Pod that is also an endpoint), host-network and localhost senders, and every destination. No cni and no
 * balancer provider: these are the scenarios whose answers must not change when R-CNI / R-LBK are added.
 */
import type { ScenarioInput, TrafficDestination } from '@/lib/engine';

type Flow = { from: string; to: TrafficDestination; node?: string };

/** mulberry32: a small seeded PRNG (the baseline must be reproducible, not random). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODES = ['iptables', 'nftables', 'ipvs', 'cilium-snat', 'cilium-dsr'] as const;
const BALANCING = ['healthy-nodes', 'weighted', 'all-nodes'] as const;

export function randomScenarios(count: number): ScenarioInput[] {
  const rand = prng(20261201);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const out: ScenarioInput[] = [];
  for (let s = 0; s < count; s++) {
    const nodeCount = 1 + int(4);
    const nodes = Array.from({ length: nodeCount }, (_, i) => ({
      name: `node-${String.fromCharCode(97 + i)}`,
      ip: `10.0.1.${10 + i}`,
      ...(rand() < 0.85 ? { podCIDR: `10.244.${i + 1}.0/24` } : {}),
      ...(rand() < 0.5 ? { zone: `zone-${i % 2 === 0 ? 'a' : 'b'}` } : {}),
      ...(rand() < 0.1 ? { taints: ['ToBeDeletedByClusterAutoscaler'] } : {}),
      ...(rand() < 0.1 ? { proxyHealthy: false } : {}),
    }));
    const podCount = int(7);
    const pods = Array.from({ length: podCount }, (_, i) => {
      const n = int(nodeCount + 1) - 1; // -1: no nodeName
      const state = int(6);
      return {
        name: `web-${i}`,
        ...(n >= 0 ? { node: nodes[n]!.name } : {}),
        ip: n >= 0 ? `10.244.${n + 1}.${20 + i}` : `10.250.0.${20 + i}`,
        labels: { app: 'web' },
        ...(state === 0 ? { ready: false } : {}),
        ...(state === 1 ? { ready: false, terminating: true, serving: true } : {}),
        ...(state === 2 ? { ready: false, terminating: true, serving: false } : {}),
      };
    });
    pods.push({ name: 'client', node: nodes[0]!.name, ip: '10.244.1.200', labels: { app: 'client' } });
    const etp = pick(['Local', 'Cluster'] as const);
    const type = pick(['LoadBalancer', 'LoadBalancer', 'NodePort', 'ClusterIP'] as const);
    const externalIPs = rand() < 0.3 ? ['192.168.99.11'] : [];
    const senders = ['external', 'pod/client', `node/${nodes[0]!.name}`, 'localhost', ...(podCount > 0 && pods[0]!.node ? ['pod/web-0'] : [])];
    const dests: TrafficDestination[] = ['loadBalancer', 'nodePort', 'clusterIP', ...(externalIPs.length > 0 ? (['externalIP'] as const) : [])];
    const traffic: Flow[] = nodes.flatMap((n) =>
      dests.flatMap((to) =>
        senders
          .filter((from) => !(from.startsWith('pod/') || from.startsWith('node/')) || to === 'loadBalancer' || to === 'nodePort')
          .map((from) => ({ from, to, node: n.name })),
      ),
    );
    traffic.push(...senders.filter((f) => f.startsWith('pod/') || f.startsWith('node/')).map((from) => ({ from, to: 'clusterIP' as const })));
    out.push({
      name: `random ${s}`,
      cluster: {
        proxyMode: pick(MODES),
        ...(rand() < 0.7 ? { clusterCIDR: '10.244.0.0/16' } : {}),
        ...(rand() < 0.1 ? { detectLocal: false } : {}),
        ...(rand() < 0.1 ? { masqueradeAll: true } : {}),
        nodes,
        pods,
      },
      service: {
        metadata: { name: 'web' },
        spec: {
          type,
          selector: { app: 'web' },
          ...(type !== 'ClusterIP' || externalIPs.length > 0 ? { externalTrafficPolicy: etp } : {}),
          ...(rand() < 0.2 ? { internalTrafficPolicy: 'Local' } : {}),
          ...(rand() < 0.2 ? { sessionAffinity: 'ClientIP' as const } : {}),
          ...(rand() < 0.2 ? { trafficDistribution: 'PreferClose' } : {}),
          externalIPs,
          ports: [{ port: 80, targetPort: 8080 }],
        },
        ...(type === 'LoadBalancer' ? { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ...(rand() < 0.15 ? { ipMode: 'Proxy' as const } : {}) }] } } } : {}),
      },
      loadBalancer: {
        balancing: pick(BALANCING),
        targets: rand() < 0.15 ? 'pods' : 'nodes',
        preservesClientIP: rand() < 0.85,
      },
      client: { ip: '198.51.100.7' },
      traffic,
    });
  }
  return out;
}
