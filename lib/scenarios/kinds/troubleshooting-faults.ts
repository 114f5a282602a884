/**
 * Troubleshooting from symptoms (issue 13): the fault catalogue and the key. A question is a working cluster (a
 * `TroubleBase`) with one fault injected (`applyFault`); the learner sees kubectl's output and what curl printed,
 * and names the cause and the fix.
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the curls (the scenario's traffic) read with
 * the Pod-side facts the engine does not model (the ask's workload: where each container listens):
 *   a curl REJECTed (no usable endpoint anywhere, R-DROP-1)  → no endpoint selected: `selector`; endpoints but
 *                                                             none ready: `readiness` (R-EP-4);
 *   a curl DROPped (eTP Local, no local endpoint, R-EXT-7)  → `local-no-endpoint`;
 *   a curl forwarded to a Pod whose container does not listen on the endpoint's port (the targetPort)
 *                                                           → `target-port`; listens on 127.0.0.1 only → `localhost-only`;
 *   a curl forwarded to a Pod of another app (its `app` label is not the ask's `app`: the selector also matches
 *   labels that app's Pods share, R-EP-1)                   → `broad-selector`;
 *   a curl answered, but the client address is wanted and the Pod saw another one: the balancer's (a proxy,
 *   R-SRC-3) → `proxy-balancer`; a node's (masqueraded under Cluster, R-EXT-1) → `snat-cluster`.
 * Exactly one cause per question: two different ones are a generator bug (thrown).
 */
import type { Answer, ScenarioInput } from '@/lib/engine';
import type { Workload } from '@/lib/troubleshoot';
import { runEngine } from '../engine-run';

export const FAULTS = [
  'selector',
  'readiness',
  'target-port',
  'localhost-only',
  'local-no-endpoint',
  'snat-cluster',
  'proxy-balancer',
  'broad-selector',
] as const;
export type Fault = (typeof FAULTS)[number];

/** The fix the key names for each cause (a constant value; the option's label carries the specifics). */
export const FIX_OF: Record<Fault, string> = {
  selector: 'fix-selector',
  readiness: 'fix-readiness',
  'target-port': 'fix-target-port',
  'localhost-only': 'listen-all',
  'local-no-endpoint': 'cluster-or-local-pod',
  'snat-cluster': 'etp-local',
  'proxy-balancer': 'passthrough',
  'broad-selector': 'narrow-selector',
};

export interface TroubleshootingAsk {
  /** What each Pod's container does (where it listens, its probe and events): not part of the engine's scenario. */
  workload: Workload;
  /** The team expects the application to see the clients' own addresses (it logs or allow-lists them). */
  needsClientIp: boolean;
  /**
   * The `app` label of the Pods the Service is for (the Deployment the team means); a curl answered by a Pod with
   * another `app` label reached the wrong app. Absent: every selected Pod is the app's.
   */
  app?: string;
}

/** Where a Pod's container listens (the evidence layer's default: 0.0.0.0 on the numeric targetPort). */
export function listenOf(
  ask: TroubleshootingAsk,
  pod: string,
  targetPort: number,
): { address: string; port: number } {
  return ask.workload.pods?.[pod]?.listen ?? { address: '0.0.0.0', port: targetPort };
}

function targetPortOf(scenario: ScenarioInput): number {
  const port = scenario.service.spec.ports[0];
  const t = port?.targetPort ?? port?.port;
  if (typeof t !== 'number') throw new Error('troubleshooting: the Service port needs a numeric targetPort');
  return t;
}

/** The cause each curl (flow) shows, or null for a curl that works as the team expects. */
export function flowCauses(
  scenario: ScenarioInput,
  ask: TroubleshootingAsk,
  answer: Answer = runEngine(scenario),
): Array<Fault | null> {
  if (!answer.validation.valid)
    throw new Error(`troubleshooting: the Service is invalid: ${answer.validation.errors.join('; ')}`);
  const target = targetPortOf(scenario);
  return answer.flows.map((flow): Fault | null => {
    switch (flow.verdict) {
      case 'rejected':
        // R-DROP-1: no usable endpoint anywhere. None selected at all → the selector; selected but none ready → readiness.
        return answer.endpoints.length === 0 ? 'selector' : 'readiness';
      case 'dropped':
        return 'local-no-endpoint';
      case 'forwarded': {
        if (ask.app !== undefined) {
          const app = ask.app;
          const labels = new Map((scenario.cluster.pods ?? []).map((p) => [p.name, p.labels?.app]));
          // R-EP-1: every selected ready Pod is an endpoint, whichever Deployment runs it.
          if (flow.backends.some((b) => b.probability !== '0' && labels.get(b.pod) !== app))
            return 'broad-selector';
        }
        const listens = flow.backends.map((b) => listenOf(ask, b.pod, target));
        if (listens.some((l) => l.port !== target)) return 'target-port';
        if (listens.some((l) => l.address === '127.0.0.1')) return 'localhost-only';
        if (!ask.needsClientIp) return null;
        if (flow.backends.some((b) => b.sourceIpKind === 'loadBalancer')) return 'proxy-balancer';
        if (flow.backends.some((b) => b.sourceIpKind !== 'client')) return 'snat-cluster';
        return null;
      }
      default:
        throw new Error(`troubleshooting: a curl the catalogue does not explain (verdict ${flow.verdict})`);
    }
  });
}

/** The key: `cause` and `fix` (FIX_OF[cause]). Throws when the curls show no fault, or two different ones. */
export function keyOf(
  scenario: ScenarioInput,
  ask: TroubleshootingAsk,
  answer?: Answer,
): Record<string, string> {
  const causes = [...new Set(flowCauses(scenario, ask, answer).filter((c): c is Fault => c !== null))];
  if (causes.length === 0) throw new Error('troubleshooting: every curl works as expected');
  if (causes.length > 1)
    throw new Error(`troubleshooting: the curls show several causes (${causes.join(', ')})`);
  const cause = causes[0]!;
  return { cause, fix: FIX_OF[cause] };
}
