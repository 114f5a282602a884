/**
 * The trace of one flow: what the data plane does with a new connection, plus the explanation. Every view of a
 * flow (the answer's `flows`, the load shares, explanations, diagrams, grading) reads this one structure.
 */
import type { SourceIpKind, Verdict } from '../answer';
import type { EndpointModel, TrafficModel } from '../model';
import type { Share } from '../fractions';

export interface BackendTrace {
  endpoint: EndpointModel;
  /** Probability that a new connection goes to this endpoint (uniform over the chosen set). */
  probability: Share;
  /** The endpoint is on another node than the one whose rules chose it (or has no node). */
  crossesNodes: boolean;
  /** The source address the Pod sees. */
  sourceIp: string;
  sourceIpKind: SourceIpKind;
}

export interface FlowTrace {
  traffic: TrafficModel;
  /** The node whose rules decided the packet's fate (null when none did). */
  evaluatedOn: string | null;
  verdict: Verdict;
  /** SNAT applies whichever backend is chosen (per-backend exceptions, e.g. hairpin, show in `backends`). */
  masquerade: boolean;
  /** The set the backend is chosen from (shared with the categorisation: never mutate). */
  endpointSet: readonly EndpointModel[];
  backends: BackendTrace[];
  /** One plain sentence per rule applied, each starting with its rule ID. */
  steps: string[];
}
