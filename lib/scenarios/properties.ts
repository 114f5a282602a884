/**
 * Observable properties of a cluster's answer, all read from the engine's answer. Used by policy-choice
 * (which policy meets stated requirements) and fix-it (did the learner's change reach the goal).
 *
 * Only the balancer's traffic counts: the flows of nodes the balancer sends a share to (a node that fails
 * its health check receives nothing, so what its rules would do is no observable property). A connection
 * that IPVS forwards unmasqueraded to another node (R-X-4, verdict `asymmetric`) crosses nodes and then
 * fails: it counts as crossing and as dropped.
 */
import { crossingShare, entryShare, flowCrossing, receivingFlows, type Answer } from '@/lib/engine';
import Fraction from 'fraction.js';
import type { MisconceptionId } from './misconceptions';

const fraction = (f: Fraction): string => f.toFraction();

/** "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const PROPERTIES = ['client-ip', 'even-pods', 'no-drops', 'no-cross-node'] as const;
export type Property = (typeof PROPERTIES)[number];

export const PROPERTY_TEXT: Record<Property, string> = {
  'client-ip': 'the Pods see the real client IP',
  'even-pods': 'every ready Pod gets the same share of new connections',
  'no-drops': 'no connection from the balancer is dropped or refused',
  'no-cross-node': 'no connection takes an extra hop to another node',
};

/** Whether the answer has the property, over the balancer's external traffic. */
export function hasProperty(answer: Answer, property: Property): boolean {
  const shares = answer.shares;
  switch (property) {
    case 'client-ip':
      return receivingFlows(answer).every((f) => f.backends.every((b) => b.sourceIpKind === 'client'));
    case 'even-pods': {
      if (!shares) return false;
      const ready = answer.endpoints.filter((e) => e.ready).map((e) => e.pod);
      if (ready.length === 0) return false;
      const first = new Fraction(shares.pods[ready[0] as string] ?? '0');
      return !first.equals(0) && ready.every((p) => new Fraction(shares.pods[p] ?? '0').equals(first));
    }
    case 'no-drops':
      return !!shares && new Fraction(shares.dropped).equals(0) && new Fraction(shares.rejected).equals(0);
    case 'no-cross-node':
      return !!shares && crossingShare(answer).equals(0);
  }
}

/** Why `answer` fails `property`, naming the node or Pod that shows it. */
export function failureReason(answer: Answer, property: Property): string {
  const flows = receivingFlows(answer);
  switch (property) {
    case 'client-ip': {
      for (const f of flows)
        for (const b of f.backends)
          if (b.sourceIpKind !== 'client') return `${b.pod} sees ${b.sourceIp} (${b.sourceIpKind === 'loadBalancer' ? "the balancer's address" : `SNAT on ${f.node}`}), not the client`;
      return 'the client IP is lost';
    }
    case 'even-pods': {
      const pods = answer.shares?.pods ?? {};
      const ready = answer.endpoints.filter((e) => e.ready).map((e) => e.pod);
      const sorted = [...ready].sort((a, b) => new Fraction(pods[a] ?? '0').compare(new Fraction(pods[b] ?? '0')));
      const lo = sorted[0];
      const hi = sorted[sorted.length - 1];
      if (lo === undefined || hi === undefined) return 'no Pod is ready';
      return `${hi} gets ${pods[hi] === '1' ? 'all' : (pods[hi] ?? '0')} of new connections but ${lo} gets ${pods[lo] ?? '0'}`;
    }
    case 'no-drops': {
      // Group the nodes that fail the same way with the same share: "a and b each drop the 1/4 …".
      const groups = new Map<string, string[]>();
      for (const f of flows.filter((x) => x.verdict !== 'forwarded')) {
        const k = `${f.verdict}|${fraction(entryShare(answer, f.node))}`;
        groups.set(k, [...(groups.get(k) ?? []), f.node ?? '']);
      }
      const what = [...groups.entries()].map(([k, nodes]) => {
        const [verdict, s] = k.split('|');
        const one = nodes.length === 1;
        const who = one ? listText(nodes) : `${listText(nodes)} each`;
        const they = one ? 'it receives' : 'they receive';
        const part = s === '1' ? 'all new connections' : `the ${s} of new connections`;
        if (verdict === 'asymmetric') return `${who} ${one ? 'sends' : 'send'} ${part} ${they} unmasqueraded to another node, where the reply is lost (R-X-4)`;
        if (verdict === 'rejected') return `${who} ${one ? 'refuses' : 'refuse'} ${part} ${they} (R-DROP-1)`;
        return `${who} ${one ? 'drops' : 'drop'} ${part} ${they} (R-EXT-7)`;
      });
      return what.length > 0 ? listText(what) : 'connections are dropped';
    }
    case 'no-cross-node': {
      const f = flows.find((x) => !flowCrossing(x).equals(0));
      return f ? `a connection entering ${f.node} goes to another node with probability ${fraction(flowCrossing(f))}` : 'connections cross nodes';
    }
  }
}


/** Why `answer` has `property`, naming what shows it. */
export function successReason(answer: Answer, property: Property): string {
  const flows = receivingFlows(answer);
  switch (property) {
    case 'client-ip': {
      const ip = flows.flatMap((f) => f.backends)[0]?.sourceIp;
      return ip ? `every Pod sees the client's ${ip}` : 'no Pod sees another address';
    }
    case 'even-pods': {
      const ready = answer.endpoints.filter((e) => e.ready);
      const s = ready[0] ? (answer.shares?.pods[ready[0].pod] ?? '0') : '0';
      return ready.length === 1 ? `the only ready Pod gets all of it` : `each of the ${ready.length} ready Pods gets ${s}`;
    }
    case 'no-drops':
      return flows.length > 3
        ? `each of the ${flows.length} nodes the balancer sends to forwards to a Pod`
        : `every node the balancer sends to (${listText(flows.map((f) => f.node ?? ''))}) forwards to a Pod`;
    case 'no-cross-node':
      return 'every connection is served on the node it enters';
  }
}

/**
 * The misconception behind believing that `policy` has `property` when it does not (policy-choice options, fix-it
 * changes), or null when no catalogued belief fits: under Cilium a local backend keeps the client IP even under
 * Cluster, and under IPVS a Local node without an endpoint does forward elsewhere (R-X-4).
 */
export function failMisconception(policy: string, proxyMode: string | undefined, property: Property): MisconceptionId | null {
  const ipvs = proxyMode === 'ipvs';
  if (policy === 'Cluster') {
    if (property === 'client-ip') return proxyMode?.startsWith('cilium') ? null : 'cluster-keeps-client-ip';
    if (property === 'no-cross-node') return 'cluster-prefers-local';
    return null; // Cluster only loses evenness or drops when no endpoint is usable: no catalogued belief
  }
  if (property === 'client-ip') return 'proxy-balancer-keeps-ip';
  if (property === 'even-pods') return 'even-per-pod-under-local';
  if (property === 'no-cross-node') return ipvs ? 'ipvs-local-stays-local' : 'local-may-cross';
  return ipvs ? 'ipvs-local-stays-local' : 'local-forwards-elsewhere';
}
