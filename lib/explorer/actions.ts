/** Pure edits of the explorer state. Each returns a new state, or the same one when the edit is not allowed. */
import type { Balancing, ProxyMode } from '@/lib/engine';
import { EXPLORER_LIMITS, numberedPods, podsOnNode, tidyPods, type ExplorerPodState, type ExplorerState, type Policy, type TrafficSource } from './state';

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
  | { type: 'source'; source: TrafficSource };

export function canAddPod(state: ExplorerState, node: number): boolean {
  return state.pods.length < EXPLORER_LIMITS.maxPods && podsOnNode(state, node) < EXPLORER_LIMITS.maxPodsPerNode;
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
      return { ...state, pods: tidyPods([...pods, { node: action.node, state: state.nodes[action.node]?.drained ? 'terminating' : 'ready', id }]) };
    }
    case 'removePod':
      if (!state.pods[action.pod]) return state;
      // The other Pods keep their names (web-2 stays web-2 when web-1 goes).
      return { ...state, pods: tidyPods(numberedPods(state).filter((_, i) => i !== action.pod)) };
    case 'movePod': {
      const pod = state.pods[action.pod];
      if (!pod || !state.nodes[action.node] || pod.node === action.node) return state;
      if (podsOnNode(state, action.node) >= EXPLORER_LIMITS.maxPodsPerNode) return state;
      return { ...state, pods: state.pods.map((p, i) => (i === action.pod ? { ...p, node: action.node } : p)) };
    }
    case 'podState':
      if (!state.pods[action.pod]) return state;
      return { ...state, pods: state.pods.map((p, i) => (i === action.pod ? { ...p, state: action.state } : p)) };
    case 'drain': {
      // Draining for deletion taints the node and evicts its Pods, which then terminate (R-PH-3, R-EP-2).
      if (!state.nodes[action.node]) return state;
      return {
        ...state,
        nodes: state.nodes.map((n, i) => (i === action.node ? { drained: action.drained } : n)),
        pods: action.drained ? state.pods.map((p) => (p.node === action.node ? { ...p, state: 'terminating' } : p)) : state.pods,
      };
    }
    case 'source':
      if (!state.nodes[action.source.node]) return state;
      return { ...state, source: action.source };
  }
}
