/**
 * Who sends a flow, and where kube-proxy sees it (routing-semantics.md §1 "Node of evaluation",
 * "Source classes"). Sources: `external` (the scenario's client), `pod/NAME`, `node/NAME` (the node's host
 * network) and `localhost` (a host process on the receiving node dialling 127.0.0.1).
 */
import type { NodeModel, PodModel, TrafficModel } from '../model';
import type { EngineContext } from '../context';

export interface Sender {
  kind: 'external' | 'pod' | 'node' | 'localhost';
  /** How steps name the sender. */
  label: string;
  ip: string;
  /** The sender's own node (a pod's node, the node itself, the receiving node for localhost); null otherwise. */
  node: NodeModel | null;
  pod: PodModel | null;
}

export type SenderResult = { ok: true; sender: Sender } | { ok: false; reason: string };

export function resolveSender(ctx: EngineContext, traffic: TrafficModel): SenderResult {
  const { from } = traffic;
  if (from === 'external') {
    const ip = ctx.scenario.client.ip;
    return { ok: true, sender: { kind: 'external', label: `the external client ${ip}`, ip, node: null, pod: null } };
  }
  if (from === 'localhost') {
    const node = traffic.node ? ctx.nodes.get(traffic.node) : undefined;
    if (!node) return { ok: false, reason: 'a localhost sender needs the node it runs on' };
    return { ok: true, sender: { kind: 'localhost', label: `a host process on ${node.name}`, ip: '127.0.0.1', node, pod: null } };
  }
  if (from.startsWith('pod/')) {
    const pod = ctx.pod(from.slice(4));
    if (!pod) return { ok: false, reason: `there is no pod named ${from.slice(4)}` };
    const node = pod.node ? (ctx.nodes.get(pod.node) ?? null) : null;
    return { ok: true, sender: { kind: 'pod', label: `pod ${pod.pod} (${pod.ip})`, ip: pod.ip, node, pod } };
  }
  if (from.startsWith('node/')) {
    const node = ctx.nodes.get(from.slice(5));
    if (!node) return { ok: false, reason: `there is no node named ${from.slice(5)}` };
    return { ok: true, sender: { kind: 'node', label: `the host network of ${node.name} (${node.ip})`, ip: node.ip, node, pod: null } };
  }
  return { ok: false, reason: `unknown source "${from}"` };
}
