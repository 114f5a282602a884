/**
 * One line that says what the engine answered for an explorer layout: the shares dropped and crossing
 * nodes, and what the walked flow does (who serves it, which source address the Pods see). Shown by the
 * controls so a change reads at once, even when the diagram is off screen.
 */
import type { Answer, SourceIpKind } from '@/lib/engine';
import type { ExplorerState } from './state';

const SOURCE_WORDS: Record<SourceIpKind, string> = {
  client: 'the client’s own IP',
  node: 'a node’s IP (SNAT)',
  bridge: 'a node’s Pod-bridge IP (SNAT)',
  tunnel: 'a node’s overlay tunnel IP (SNAT)',
  loadBalancer: 'the balancer’s IP',
};

function sender(from: string, node: string | null): string {
  if (from === 'external') return `Outside traffic entering ${node ?? 'a node'}`;
  if (from.startsWith('pod/')) return `Traffic from Pod ${from.slice(4)}`;
  if (from.startsWith('node/')) return `Traffic from ${from.slice(5)}’s host network`;
  return 'Traffic';
}

export function resultSummary(state: ExplorerState, answer: Answer, focusFlow: number): string {
  const parts: string[] = [];
  if (answer.shares) parts.push(`${state.policy}: ${answer.shares.dropped} of new connections dropped, ${answer.shares.crossNode} cross nodes.`);
  const flow = answer.flows[focusFlow];
  if (flow) {
    const who = sender(flow.from, flow.node);
    if (flow.verdict === 'forwarded') {
      const served = flow.backends.filter((b) => b.probability !== '0');
      const seen = [...new Set(served.map((b) => SOURCE_WORDS[b.sourceIpKind]))].join(' or ');
      parts.push(`${who}: served by ${served.length} Pod${served.length === 1 ? '' : 's'}, which see ${seen}.`);
    } else if (flow.verdict === 'dropped') parts.push(`${who}: dropped (the client times out).`);
    else if (flow.verdict === 'rejected') parts.push(`${who}: refused.`);
    else parts.push(`${who}: ${flow.verdict}.`);
  }
  return parts.join(' ');
}
