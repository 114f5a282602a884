/**
 * The trace of one flow: what the data plane does with a new connection, plus the explanation. Every view of a
 * flow (the answer's `flows`, the load shares, explanations, diagrams, grading) reads this one structure.
 */
import type { BackendAnswer, Verdict } from '../answer';
import type { EndpointModel, TrafficModel } from '../model';
import type { Share } from '../fractions';

export interface FlowTrace {
  traffic: TrafficModel;
  /** The node whose rules decided the packet's fate (null when none did). */
  evaluatedOn: string | null;
  verdict: Verdict;
  /** SNAT applies whichever backend is chosen (per-backend exceptions, e.g. hairpin, show in `backends`). */
  masquerade: boolean;
  /** The set the backend is chosen from; `backends[i]` is `endpointSet[i]` (shared: never mutate). */
  endpointSet: readonly EndpointModel[];
  /**
   * Each backend's probability (the choice is uniform, R-LB-1..3); null when there is no backend, or when a
   * balancer with Pod targets weights them unevenly (per zone, R-LBK-4: see `backends`).
   */
  probability: Share | null;
  /** The answer's backends, in `endpointSet` order. */
  backends: BackendAnswer[];
  /** One plain sentence per rule applied, each starting with its rule ID. */
  steps: string[];
}
