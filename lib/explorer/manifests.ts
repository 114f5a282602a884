/**
 * Kubernetes artefacts that reproduce an explorer layout on a real (kind) cluster: the Service, the
 * workloads that put the Pods where the explorer has them, and the kind cluster config.
 *
 * Placement: when every node runs the same number of ready Pods, one Deployment with a topology spread
 * constraint (maxSkew 1 over kubernetes.io/hostname) reproduces it. Otherwise one Deployment per node and
 * Pod state, pinned with required node affinity on a label the kind config puts on each worker.
 * Not-ready Pods get a readiness probe that always fails; terminating Pods get a long preStop hook and are
 * made to terminate by scaling their Deployment to zero (see the commands).
 */
import { stringify } from 'yaml';
import {
  HEALTH_CHECK_NODE_PORT,
  NODE_PORT,
  nodeName,
  type ExplorerPodState,
  type ExplorerState,
} from './state';
import { serviceExtras } from './to-scenario';

export const NODE_LABEL = 'trainer.example/node';
export const IMAGE = 'registry.k8s.io/echoserver:1.10';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

const yamlDocs = (docs: unknown[]) =>
  docs.map((d) => stringify(d, { lineWidth: 0 }).trimEnd()).join('\n---\n') + '\n';

export function serviceManifest(state: ExplorerState): string {
  const local = state.policy === 'Local';
  return yamlDocs([
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: state.policy,
        ...(local ? { healthCheckNodePort: HEALTH_CHECK_NODE_PORT } : {}),
        ...serviceExtras(state),
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080, nodePort: NODE_PORT, protocol: 'TCP' }],
      },
    },
  ]);
}

export interface PodGroup {
  /** Deployment name. */
  name: string;
  node: number | null;
  state: ExplorerPodState;
  replicas: number;
}

/** How the Pods are grouped into Deployments (see the module comment). */
export function podGroups(state: ExplorerState): PodGroup[] {
  const counts = state.nodes.map(
    (_, n) => state.pods.filter((p) => p.node === n && p.state === 'ready').length,
  );
  const allReady = state.pods.every((p) => p.state === 'ready');
  const even = counts.every((c) => c === counts[0]) && (counts[0] ?? 0) > 0;
  if (allReady && even) return [{ name: 'web', node: null, state: 'ready', replicas: state.pods.length }];
  const groups: PodGroup[] = [];
  state.nodes.forEach((_, n) => {
    for (const s of ['ready', 'not-ready', 'terminating'] as const) {
      const replicas = state.pods.filter((p) => p.node === n && p.state === s).length;
      if (replicas > 0)
        groups.push({
          name: `web-${nodeName(n)}${s === 'ready' ? '' : `-${s}`}`,
          node: n,
          state: s,
          replicas,
        });
    }
  });
  return groups;
}

function deployment(group: PodGroup) {
  const container: Record<string, unknown> = {
    name: 'web',
    image: IMAGE,
    ports: [{ containerPort: 8080 }],
  };
  if (group.state === 'not-ready') {
    // Fails its readiness probe for ever: an endpoint with ready=false, serving=false (R-EP-4).
    container.readinessProbe = { exec: { command: ['false'] }, periodSeconds: 5 };
  }
  if (group.state === 'terminating') {
    // Keeps serving for an hour after deletion: terminating, serving (R-EP-1/2).
    container.lifecycle = { preStop: { sleep: { seconds: 3600 } } };
  }
  const spec: Record<string, unknown> = { containers: [container] };
  if (group.state === 'terminating') spec.terminationGracePeriodSeconds = 3700;
  if (group.node === null) {
    spec.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'web' } },
        nodeAffinityPolicy: 'Honor',
      },
    ];
    spec.affinity = nodeAffinity({ operator: 'Exists' });
  } else {
    spec.affinity = nodeAffinity({ operator: 'In', values: [nodeName(group.node)] });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: group.name, namespace: 'default' },
    spec: {
      replicas: group.replicas,
      selector: { matchLabels: { app: 'web', group: group.name } },
      template: { metadata: { labels: { app: 'web', group: group.name } }, spec },
    },
  };
}

function nodeAffinity(expr: { operator: 'In' | 'Exists'; values?: string[] }) {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: NODE_LABEL, ...expr }] }],
      },
    },
  };
}

export function deploymentManifests(state: ExplorerState): string {
  const groups = podGroups(state);
  if (groups.length === 0) return '# No Pods: the Service has no endpoints.\n';
  return yamlDocs(groups.map(deployment));
}

const KIND_PROXY_MODE: Record<ExplorerState['proxyMode'], string> = {
  iptables: 'iptables',
  nftables: 'nftables',
  ipvs: 'ipvs',
  'cilium-snat': 'none',
  'cilium-dsr': 'none',
};

/** The kind cluster's name: its control-plane container, `${KIND_CLUSTER}-control-plane`, is the API server's address. */
export const KIND_CLUSTER = 'trainer';
/** kind's Pod subnet (its default, written out because Cilium's native routing CIDR must match it). */
export const POD_SUBNET = '10.244.0.0/16';

/**
 * The Helm install of Cilium as the kube-proxy replacement (Cilium's "Kubernetes without kube-proxy" guide):
 * with no kube-proxy nothing translates the API server's ClusterIP, so the agent is pointed at the
 * control plane itself (k8sServiceHost/k8sServicePort). DSR needs native routing: no tunnel, routes between
 * nodes for the Pod CIDR (autoDirectNodeRoutes on kind's single L2 network).
 */
export function ciliumInstall(state: ExplorerState): string[] {
  const dsr = state.proxyMode === 'cilium-dsr';
  return [
    'helm repo add cilium https://helm.cilium.io/',
    [
      'helm install cilium cilium/cilium --namespace kube-system',
      '--set kubeProxyReplacement=true',
      `--set k8sServiceHost=${KIND_CLUSTER}-control-plane`,
      '--set k8sServicePort=6443',
      '--set ipam.mode=kubernetes',
      ...(dsr
        ? [
            '--set routingMode=native',
            '--set autoDirectNodeRoutes=true',
            `--set ipv4NativeRoutingCIDR=${POD_SUBNET}`,
            '--set loadBalancer.mode=dsr',
          ]
        : ['--set loadBalancer.mode=snat']),
    ].join(' \\\n    '),
  ];
}

export function kindConfig(state: ExplorerState): string {
  const cilium = state.proxyMode.startsWith('cilium');
  const head = cilium
    ? [
        '# Cilium replaces kube-proxy: kind starts neither kube-proxy nor its default CNI. After',
        `#   kind create cluster --config kind.yaml`,
        '# install Cilium with',
        ...ciliumInstall(state).flatMap((cmd) => cmd.split('\n').map((line) => `#   ${line}`)),
        '',
      ].join('\n')
    : '';
  const config = {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    ...(cilium ? { name: KIND_CLUSTER } : {}),
    networking: {
      kubeProxyMode: KIND_PROXY_MODE[state.proxyMode],
      ...(cilium ? { disableDefaultCNI: true, podSubnet: POD_SUBNET } : {}),
    },
    // The zone label is one the kubelet may set on its own node, so kind can put it there.
    nodes: [
      { role: 'control-plane' },
      ...state.nodes.map((n, i) => ({
        role: 'worker',
        labels: { [NODE_LABEL]: nodeName(i), ...(n.zone ? { [ZONE_LABEL]: n.zone } : {}) },
      })),
    ],
  };
  return `${head}# LoadBalancer Services on kind need cloud-provider-kind running next to the cluster.\n${stringify(config, { lineWidth: 0 })}`;
}
