/**
 * One line that says what the engine answered for an explorer layout: the shares dropped and crossing
 * nodes, and what the walked flow does (who serves it, which source address the Pods see). Shown by the
 * controls so a change reads at once, even when the diagram is off screen.
 */
import type { Answer, FlowAnswer, SourceIpKind } from '@/lib/engine';
import type { ExplorerState } from './state';

const SOURCE_WORDS: Record<SourceIpKind, string> = {
  client: 'the client’s own IP',
  node: 'a node’s IP (SNAT)',
  bridge: 'a node’s Pod-bridge IP (SNAT)',
  tunnel: 'a node’s overlay tunnel IP (SNAT)',
  loadBalancer: 'the balancer’s IP',
};

const DESTINATION_WORDS: Record<FlowAnswer['to'], string> = {
  clusterIP: 'the ClusterIP',
  loadBalancer: 'the balancer’s IP',
  nodePort: 'the NodePort',
  externalIP: 'an external IP',
};

/**
 * What the engine's steps say about session affinity (R-LB-5) and topology hints (R-EP-5) for this flow,
 * shortened: the probabilities are first-connection odds; which endpoints the node's Cluster set keeps.
 */
function ruleNotes(flow: FlowAnswer): string[] {
  const notes: string[] = [];
  const affinity = flow.steps.find((s) => s.startsWith('R-LB-5'));
  const seconds = affinity?.match(/for (\d+) s/)?.[1];
  if (affinity)
    notes.push(
      `ClientIP affinity: first-connection odds; the client then sticks to one Pod${seconds ? ` for ${seconds} s` : ''}.`,
    );
  const topology = flow.steps.find((s) => s.startsWith('R-EP-5'));
  if (topology?.includes('cannot be used'))
    notes.push(`Hints fall back: ${flow.node ?? 'the node'} uses all endpoints.`);
  else if (topology)
    notes.push(
      `Hints: ${flow.node ?? 'the node'} keeps its ${topology.includes('node hint') ? 'own' : 'zone’s'} endpoints.`,
    );
  return notes;
}

function sender(from: string, node: string | null): string {
  if (from === 'external') return `Outside traffic entering ${node ?? 'a node'}`;
  if (from.startsWith('pod/')) return `Traffic from Pod ${from.slice(4)}`;
  if (from.startsWith('node/')) return `Traffic from ${from.slice(5)}’s host network`;
  return 'Traffic';
}

export function resultSummary(state: ExplorerState, answer: Answer, focusFlow: number): string {
  const parts: string[] = [];
  if (answer.shares)
    parts.push(
      `${state.policy}: ${answer.shares.dropped} of new connections dropped, ${answer.shares.crossNode} cross nodes.`,
    );
  const flow = answer.flows[focusFlow];
  if (flow) {
    const inside = flow.from !== 'external';
    // Inside traffic is not in the balancer's shares, so its own odds are spelled out.
    const who = sender(flow.from, flow.node) + (inside ? ` to ${DESTINATION_WORDS[flow.to]}` : '');
    if (flow.verdict === 'forwarded') {
      const served = flow.backends.filter((b) => b.probability !== '0');
      const seen = [...new Set(served.map((b) => SOURCE_WORDS[b.sourceIpKind]))].join(' or ');
      const odds = inside ? ` (${served.map((b) => `${b.pod}: ${b.probability}`).join(', ')})` : '';
      parts.push(
        `${who}: served by ${served.length} Pod${served.length === 1 ? '' : 's'}${odds}, which see ${seen}.`,
      );
    } else if (flow.verdict === 'dropped') parts.push(`${who}: dropped (the client times out).`);
    else if (flow.verdict === 'rejected') parts.push(`${who}: refused.`);
    else parts.push(`${who}: ${flow.verdict}.`);
    parts.push(...ruleNotes(flow));
  }
  return parts.join(' ');
}
