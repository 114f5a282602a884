/**
 * The concepts a learner masters, and which question kinds test each one. Mastery (lib/learner) and
 * spaced review are kept per concept, so a review can draw a fresh question of any kind that tests it.
 */
import type { QuestionKind } from './types';

export const CONCEPT_IDS = [
  'snat-under-cluster',
  'client-ip-under-local',
  'in-cluster-short-circuit',
  'health-check-node-port',
  'uneven-load-under-local',
  'even-load-under-cluster',
  'balancer-node-selection',
  'drop-vs-reject',
  'cross-node-hops',
  'policy-trade-offs',
  'endpoint-conditions',
  'service-validation',
  'clusterip-routing',
  'internal-traffic-policy',
  'session-affinity',
  'topology-aware-routing',
  'service-dns',
  'reading-rules',
  'service-troubleshooting',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Concept {
  id: ConceptId;
  label: string;
  summary: string;
  /** Question kinds whose questions test this concept. */
  kinds: QuestionKind[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'snat-under-cluster',
    label: 'SNAT under Cluster',
    summary:
      'Under externalTrafficPolicy: Cluster every external packet is masqueraded, local Pod or not (R-EXT-1).',
    kinds: ['source-ip', 'policy-choice', 'fix-it'],
  },
  {
    id: 'client-ip-under-local',
    label: 'Client IP under Local',
    summary:
      'Under Local, external traffic goes only to local endpoints, unmasqueraded: the Pod sees the client IP (R-EXT-6).',
    kinds: ['source-ip', 'policy-choice', 'fix-it'],
  },
  {
    id: 'in-cluster-short-circuit',
    label: 'In-cluster clients',
    summary:
      'Pods and nodes reaching the LB IP or a NodePort are short-circuited to the Cluster set (R-EXT-4, R-EXT-5).',
    kinds: ['source-ip', 'client-outcome', 'in-cluster'],
  },
  {
    id: 'health-check-node-port',
    label: 'Health-check node port',
    summary:
      'Each node answers 200 only with a local ready endpoint, else 503; the body counts localEndpoints (R-HC-*).',
    kinds: ['health-check', 'lb-targets'],
  },
  {
    id: 'uneven-load-under-local',
    label: 'Uneven load under Local',
    summary: 'The balancer splits per node, so Pods on crowded nodes each get less under Local (R-LB-6).',
    kinds: ['load-share', 'fix-it'],
  },
  {
    id: 'even-load-under-cluster',
    label: 'Even load under Cluster',
    summary:
      'Under Cluster every node picks uniformly over all ready endpoints: each Pod gets 1/N (R-LB-1, R-LB-4).',
    kinds: ['load-share', 'policy-choice', 'session-affinity'],
  },
  {
    id: 'balancer-node-selection',
    label: 'Which nodes the balancer uses',
    summary: 'Under Local the balancer sends only to nodes that pass the health check (R-LB-6, R-HC-3).',
    kinds: ['lb-targets', 'health-check'],
  },
  {
    id: 'drop-vs-reject',
    label: 'Drop vs reject',
    summary: 'No local endpoint → silent DROP (timeout); no endpoint anywhere → REJECT (refused) (R-DROP-2).',
    kinds: ['client-outcome', 'fix-it', 'in-cluster', 'troubleshooting'],
  },
  {
    id: 'cross-node-hops',
    label: 'Crossing nodes',
    summary:
      'Under Cluster a connection crosses nodes with probability 1 − k/N; under Local it never does (R-X-1, R-X-2).',
    kinds: ['cross-node', 'fix-it'],
  },
  {
    id: 'policy-trade-offs',
    label: 'Choosing a policy',
    summary:
      'Local keeps the client IP and avoids a hop but can be uneven; Cluster spreads evenly but SNATs.',
    kinds: ['policy-choice', 'fix-it'],
  },
  {
    id: 'endpoint-conditions',
    label: 'Ready, serving, terminating',
    summary:
      'Only ready endpoints count; serving-terminating ones are a fallback and never counted by the health check (R-EP-*, R-HC-2).',
    kinds: ['health-check', 'load-share', 'client-outcome', 'in-cluster'],
  },
  {
    id: 'service-validation',
    label: 'Service validation',
    summary:
      'externalTrafficPolicy and healthCheckNodePort are only valid on externally accessible Services (R-API-3).',
    kinds: ['api-validation'],
  },
  {
    id: 'clusterip-routing',
    label: 'Calling a ClusterIP',
    summary:
      'A Pod or node calling the ClusterIP gets the Cluster set on any node, uniformly; only non-Pod sources and hairpins are masqueraded; no endpoints at all → REJECT (R-INT-1, R-INT-2, R-HP-1, R-DROP-1).',
    kinds: ['in-cluster'],
  },
  {
    id: 'internal-traffic-policy',
    label: 'internalTrafficPolicy',
    summary:
      "internalTrafficPolicy: Local keeps ClusterIP traffic on the sender's node and drops it when that node has no usable endpoint; externalTrafficPolicy never applies to the ClusterIP (R-INT-1, R-INT-3).",
    kinds: ['in-cluster'],
  },
  {
    id: 'session-affinity',
    label: 'Session affinity',
    summary:
      'sessionAffinity: ClientIP: a first connection is a uniform pick; later ones from the same source IP stick to that Pod until the timeout (counted from the last connection) or until the Pod goes away (R-LB-5).',
    kinds: ['session-affinity'],
  },
  {
    id: 'topology-aware-routing',
    label: 'Topology-aware routing',
    summary:
      "trafficDistribution (PreferClose, PreferSameZone, PreferSameNode): every ready endpoint is hinted for its zone (and node); kube-proxy keeps the endpoints hinted for the sender's node or zone only when every ready endpoint is hinted and one matches, else it uses the whole Cluster set (R-EP-5).",
    kinds: ['topology'],
  },
  {
    id: 'service-dns',
    label: 'Service DNS',
    summary:
      "A ClusterIP Service's name answers its ClusterIP, endpoints or not; a headless one its ready endpoints (NXDOMAIN with none; publishNotReadyAddresses makes all ready); SRV carries the Service port or the endpoints' target port; a short name is searched in the caller's own namespace first (R-DNS-1…12).",
    kinds: ['dns'],
  },
  {
    id: 'reading-rules',
    label: 'Reading the rules on a node',
    summary:
      'What kube-proxy programs says it all: chained --probability rules (or numgen mod N, or rr over equal weights) give each endpoint 1/n; KUBE-MARK-MASQ jumps say which connections are masqueraded; REJECT for no endpoints, DROP for Local without local ones; the comment names the Service port behind a hashed chain (R-LB-1, R-INT-2, R-EXT-1, R-DROP-1/2).',
    kinds: ['read-rules'],
  },
  {
    id: 'service-troubleshooting',
    label: 'Troubleshooting a Service',
    summary:
      'Read the symptom: refused with no endpoints is the selector or readiness (R-DROP-1, R-EP-4); refused with endpoints is the Pod (wrong targetPort, bound to 127.0.0.1); answered by another app\'s Pod is a selector too broad (R-EP-1); a timeout on some nodes is Local without a local endpoint (R-EXT-7); the wrong source address is SNAT under Cluster or a proxying balancer (R-EXT-1, R-SRC-3).',
    kinds: ['troubleshooting'],
  },
];

const BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));

export function concept(id: ConceptId): Concept {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown concept ${id}`);
  return c;
}

/** The concepts a kind tests, in catalogue order. */
export function conceptsForKind(kind: QuestionKind): ConceptId[] {
  return CONCEPTS.filter((c) => c.kinds.includes(kind)).map((c) => c.id);
}

/** The kinds that can test a concept (for a review that draws a fresh question). */
export function kindsForConcept(id: ConceptId): QuestionKind[] {
  return [...concept(id).kinds];
}
