/** Pure edits of the explorer state. Each returns a new state, or the same one when the edit is not allowed. */
import type { Balancing, ProxyMode } from '@/lib/engine';
import {
  DEFAULT_AFFINITY_TIMEOUT,
  EXPLORER_LIMITS,
  MAX_AFFINITY_TIMEOUT,
  numberedPods,
  podsOnNode,
  tidyPods,
  type Destination,
  type ExplorerPodState,
  type ExplorerState,
  type Policy,
  type TrafficDistribution,
  type TrafficSource,
  type Zone,
} from './state';

export type ExplorerAction =
  | { type: 'policy'; policy: Policy }
  | { type: 'proxyMode'; proxyMode: ProxyMode }
  | { type: 'balancing'; balancing: Balancing }
  | { type: 'targets'; targets: 'nodes' | 'pods' }
  | { type: 'preservesClientIP'; value: boolean }
  | { type: 'addNode' }
  | { type: 'removeNode' }
  | { type: 'addPod'; node: number }
  | { type: 'removePod'; pod: number }
  | { type: 'movePod'; pod: number; node: number }
  | { type: 'podState'; pod: number; state: ExplorerPodState }
  | { type: 'drain'; node: number; drained: boolean }
  | { type: 'source'; source: TrafficSource }
  | { type: 'destination'; destination: Destination }
  | { type: 'internalPolicy'; policy: Policy }
  | { type: 'sessionAffinity'; affinity: 'None' | 'ClientIP' }
  | { type: 'affinityTimeout'; seconds: number }
  | { type: 'zone'; node: number; zone: Zone | null }
  | { type: 'trafficDistribution'; value: TrafficDistribution | null };

/** The state with an optional field set, or removed when it takes its default (so URLs stay as short as before). */
function withOptional<K extends 'destination' | 'internalLocal' | 'affinity' | 'trafficDistribution'>(
  state: ExplorerState,
  key: K,
  value: ExplorerState[K] | undefined,
): ExplorerState {
  const next = { ...state };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The timeouts the API server accepts for ClientIP affinity: whole seconds, 1 to 86400. */
export function validAffinityTimeout(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_AFFINITY_TIMEOUT;
}

export function canAddPod(state: ExplorerState, node: number): boolean {
  return (
    state.pods.length < EXPLORER_LIMITS.maxPods && podsOnNode(state, node) < EXPLORER_LIMITS.maxPodsPerNode
  );
}

export function applyAction(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'policy':
      return { ...state, policy: action.policy };
    case 'proxyMode':
      return { ...state, proxyMode: action.proxyMode };
    case 'balancing':
      return { ...state, balancing: action.balancing };
    case 'targets':
      return { ...state, targets: action.targets };
    case 'preservesClientIP':
      return { ...state, preservesClientIP: action.value };
    case 'addNode':
      if (state.nodes.length >= EXPLORER_LIMITS.maxNodes) return state;
      return { ...state, nodes: [...state.nodes, { drained: false }] };
    case 'removeNode': {
      if (state.nodes.length <= EXPLORER_LIMITS.minNodes) return state;
      const last = state.nodes.length - 1;
      return {
        ...state,
        nodes: state.nodes.slice(0, last),
        pods: tidyPods(numberedPods(state).filter((p) => p.node !== last)),
        source: state.source.node === last ? { ...state.source, node: 0 } : state.source,
      };
    }
    case 'addPod':
      if (!state.nodes[action.node] || !canAddPod(state, action.node)) return state;
      {
        const pods = numberedPods(state);
        const id = Math.max(0, ...pods.map((p) => p.id ?? 0)) + 1;
        return {
          ...state,
          pods: tidyPods([
            ...pods,
            { node: action.node, state: state.nodes[action.node]?.drained ? 'terminating' : 'ready', id },
          ]),
        };
      }
    case 'removePod':
      if (!state.pods[action.pod]) return state;
      // The other Pods keep their names (web-2 stays web-2 when web-1 goes).
      return { ...state, pods: tidyPods(numberedPods(state).filter((_, i) => i !== action.pod)) };
    case 'movePod': {
      const pod = state.pods[action.pod];
      if (!pod || !state.nodes[action.node] || pod.node === action.node) return state;
      if (podsOnNode(state, action.node) >= EXPLORER_LIMITS.maxPodsPerNode) return state;
      return {
        ...state,
        pods: state.pods.map((p, i) => (i === action.pod ? { ...p, node: action.node } : p)),
      };
    }
    case 'podState':
      if (!state.pods[action.pod]) return state;
      return {
        ...state,
        pods: state.pods.map((p, i) => (i === action.pod ? { ...p, state: action.state } : p)),
      };
    case 'drain': {
      // Draining for deletion taints the node and evicts its Pods, which then terminate (R-PH-3, R-EP-2).
      if (!state.nodes[action.node]) return state;
      return {
        ...state,
        nodes: state.nodes.map((n, i) => (i === action.node ? { ...n, drained: action.drained } : n)),
        pods: action.drained
          ? state.pods.map((p) => (p.node === action.node ? { ...p, state: 'terminating' } : p))
          : state.pods,
      };
    }
    case 'source': {
      if (!state.nodes[action.source.node]) return state;
      const next = { ...state, source: action.source };
      // Outside traffic always reaches the balancer's address; a sender moving inside dials the ClusterIP first.
      if (action.source.kind === 'external') return withOptional(next, 'destination', undefined);
      if (state.source.kind === 'external') return withOptional(next, 'destination', 'clusterIP');
      return next;
    }
    case 'destination':
      if (state.source.kind === 'external') return state;
      return withOptional(
        state,
        'destination',
        action.destination === 'loadBalancer' ? undefined : action.destination,
      );
    case 'internalPolicy':
      return withOptional(state, 'internalLocal', action.policy === 'Local' ? true : undefined);
    case 'sessionAffinity':
      if (action.affinity === 'None') return withOptional(state, 'affinity', undefined);
      return state.affinity
        ? state
        : withOptional(state, 'affinity', { timeoutSeconds: DEFAULT_AFFINITY_TIMEOUT });
    case 'affinityTimeout':
      if (!state.affinity || !validAffinityTimeout(action.seconds)) return state;
      return withOptional(state, 'affinity', { timeoutSeconds: action.seconds });
    case 'zone': {
      if (!state.nodes[action.node]) return state;
      const nodes = state.nodes.map((n, i) => {
        if (i !== action.node) return n;
        const { zone: _old, ...rest } = n;
        return action.zone === null ? rest : { ...rest, zone: action.zone };
      });
      return { ...state, nodes };
    }
    case 'trafficDistribution':
      return withOptional(state, 'trafficDistribution', action.value ?? undefined);
  }
}
