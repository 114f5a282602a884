/** The explorer state as an engine scenario (ScenarioInput), and which evaluated flow the walk follows. */
import type { ScenarioInput } from '@/lib/engine';
import {
  CLIENT_IP,
  CLIENT_POD,
  HEALTH_CHECK_NODE_PORT,
  LB_IP,
  NODE_PORT,
  nodeIp,
  nodeName,
  podIp,
  podName,
  destinationOf,
  type ExplorerState,
} from './state';

type Traffic = NonNullable<ScenarioInput['traffic']>;

export interface ExplorerScenario {
  input: ScenarioInput;
  /** Index in the answer's flows of the flow the packet walk follows. */
  focusFlow: number;
}

export interface ScenarioOptions {
  /** Which traffic to evaluate: through the load balancer (default) or straight at each node's NodePort (curl). */
  traffic?: 'loadBalancer' | 'nodePort';
}

/** The Service fields for inside traffic, written only when set (so older layouts make the same scenario). */
export function serviceExtras(state: ExplorerState) {
  return {
    ...(state.internalLocal ? { internalTrafficPolicy: 'Local' as const } : {}),
    ...(state.affinity
      ? {
          sessionAffinity: 'ClientIP' as const,
          sessionAffinityConfig: { clientIP: { timeoutSeconds: state.affinity.timeoutSeconds } },
        }
      : {}),
    ...(state.trafficDistribution ? { trafficDistribution: state.trafficDistribution } : {}),
  };
}

export function toScenario(state: ExplorerState, options: ScenarioOptions = {}): ExplorerScenario {
  const to = options.traffic ?? 'loadBalancer';
  const hasClientPod = state.source.kind === 'pod';
  const pods: ScenarioInput['cluster']['pods'] = state.pods.map((p, i) => ({
    name: podName(state, i),
    node: nodeName(p.node),
    ip: podIp(state, i),
    labels: { app: 'web' },
    ready: p.state === 'ready',
    terminating: p.state === 'terminating',
    serving: p.state !== 'not-ready',
  }));
  if (hasClientPod) {
    pods.push({
      name: CLIENT_POD,
      node: nodeName(state.source.node),
      ip: `10.244.${state.source.node + 1}.200`,
      labels: { app: 'client' },
    });
  }
  // One outside flow per node (the load balancer's picks), then the inside sender if there is one, to its
  // destination (the ClusterIP, a NodePort on its own node, or, as before, the same address as the outside flows).
  const traffic: Traffic = state.nodes.map((_, i) => ({ from: 'external', to, node: nodeName(i) }));
  const destination = destinationOf(state);
  const insideTo = destination === 'loadBalancer' ? to : destination;
  let focusFlow = state.source.node;
  if (state.source.kind === 'pod') {
    traffic.push({ from: `pod/${CLIENT_POD}`, to: insideTo });
    focusFlow = traffic.length - 1;
  } else if (state.source.kind === 'node') {
    traffic.push({
      from: `node/${nodeName(state.source.node)}`,
      to: insideTo,
      node: nodeName(state.source.node),
    });
    focusFlow = traffic.length - 1;
  }
  const local = state.policy === 'Local';
  return {
    focusFlow,
    input: {
      name: 'Explorer layout',
      cluster: {
        proxyMode: state.proxyMode,
        clusterCIDR: '10.244.0.0/16',
        nodes: state.nodes.map((n, i) => ({
          name: nodeName(i),
          ip: nodeIp(i),
          podCIDR: `10.244.${i + 1}.0/24`,
          taints: n.drained ? ['ToBeDeletedByClusterAutoscaler'] : [],
          ...(n.zone ? { zone: n.zone } : {}),
        })),
        pods,
      },
      service: {
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'web' },
          clusterIP: '10.96.0.10',
          externalTrafficPolicy: state.policy,
          ...(local ? { healthCheckNodePort: HEALTH_CHECK_NODE_PORT } : {}),
          ...serviceExtras(state),
          ports: [{ port: 80, targetPort: 8080, nodePort: NODE_PORT, protocol: 'TCP' }],
        },
        status: { loadBalancer: { ingress: [{ ip: LB_IP }] } },
      },
      loadBalancer: {
        balancing: state.balancing,
        targets: state.targets,
        preservesClientIP: state.preservesClientIP,
        ip: '10.0.0.250',
      },
      client: { ip: CLIENT_IP },
      traffic,
    },
  };
}
