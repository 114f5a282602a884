import { nodeName, type ExplorerState } from '@/lib/explorer/state';

/** The mini explorer's figure title: the policy and the Pods on each node. */
export function miniTitle(state: ExplorerState): string {
  const perNode = state.nodes.map((_, i) => `${state.pods.filter((p) => p.node === i).length} on ${nodeName(i)}`).join(', ');
  return `Try it: ${state.policy} policy; Pods: ${perNode}`;
}
