/**
 * Observable properties of a cluster's answer, all read from the engine's answer. Used by policy-choice
 * (which policy meets stated requirements) and fix-it (did the learner's change reach the goal).
 */
import type { Answer } from '@/lib/engine';
import Fraction from 'fraction.js';

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
  const flows = answer.flows.filter((f) => f.from === 'external' && f.to === 'loadBalancer');
  const shares = answer.shares;
  switch (property) {
    case 'client-ip':
      return flows.every((f) => f.backends.every((b) => b.sourceIpKind === 'client'));
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
      return !!shares && new Fraction(shares.crossNode).equals(0);
  }
}
