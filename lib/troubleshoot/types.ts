/**
 * The troubleshooting evidence layer's inputs and outputs (issue 13). The engine models the Service and the
 * data plane; what happens inside a Pod (which address and port its container listens on, restarts, probes,
 * events) is not in a scenario, so it comes in here as a `Workload`, with deterministic defaults.
 */
import type { ShareString } from '@/lib/engine';

/** A Pod event as `kubectl describe pod` lists it (Type, Reason, Age, From, Message). */
export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** kubectl's Age column, e.g. "5m" or "12s (x4 over 2m)"; default the workload's age. */
  age?: string;
  from: string;
  message: string;
}

/** What one Pod's container does that the engine does not model. Every field has a default. */
export interface PodRuntime {
  /** Where the container listens. Default: 0.0.0.0 on the Service port's targetPort (numeric, or 8080 for a name). */
  listen?: { address: '0.0.0.0' | '127.0.0.1'; port: number };
  /** The containerPort the Pod spec declares (describe's "Port:"; a named targetPort resolves to it). Default: listen.port. */
  containerPort?: number;
  /** Container name (default "app"). */
  container?: string;
  /** Container restart count (default 0). */
  restarts?: number;
  /**
   * The readiness probe as describe prints it (DescribeProbe), e.g.
   * `http-get http://:8080/healthz delay=0s timeout=1s period=10s successThreshold=1 failureThreshold=3`;
   * default that text on the container port; null: no probe.
   */
  readinessProbe?: string | null;
  /** Age of the last restart, for RESTARTS "2 (1m ago)" (default "1m"; only shown when restarts > 0). */
  lastRestart?: string;
  /** A terminating Pod: how long ago its deletion started (describe's "Terminating (lasts 10s)"; default "10s"). */
  terminatingFor?: string;
  /** Container image (default `registry.example/echo:1.0`). */
  image?: string;
  /** Pod age (default the workload's age). */
  age?: string;
  /**
   * Events, newest last as describe sorts them. Default: a not-ready Pod has the kubelet's readiness-probe warning,
   * a terminating Pod the kubelet's Killing event, any other Pod none (`Events: <none>`).
   */
  events?: PodEvent[];
}

/** Pod-side facts for a scenario, keyed by Pod name; `age` is every object's AGE (default "5m"). */
export interface Workload {
  pods?: Record<string, PodRuntime>;
  age?: string;
}

/** The resources `kubectlGet` prints, in the order given (kubectl prints them in the order typed). */
export type GetResource = 'svc' | 'endpointslices' | 'pods';
/** The resources `kubectlDescribe` prints. */
export type DescribeResource = 'svc' | 'endpointslice' | 'pod';

export interface GetOptions {
  /** `-o wide`. */
  wide?: boolean;
  workload?: Workload;
}

export interface CurlOptions {
  /** `--connect-timeout` in seconds (default 5): how long a dropped connection takes to fail. */
  connectTimeout?: number;
  /** The Pod that serves this attempt, when the flow has several backends (default: the likeliest, first wins ties). */
  backend?: string;
  /**
   * Dial this port instead of the Service's (its first port's port, or nodePort for a NodePort flow): the
   * "wrong port" symptom. A port the Service does not expose has no kube-proxy rule (RULES.md R-SYM-8).
   */
  port?: number;
}

/** What `curl -sS --connect-timeout N URL` prints for one attempt. */
export interface CurlResult {
  outcome: 'answered' | 'refused' | 'timeout';
  /** The Pod that answered (answered only). */
  pod?: string;
  /** The client address that Pod saw (answered only; the engine's backend sourceIp). */
  sourceIp?: string;
  /** Exactly what the terminal shows (no trailing newline). */
  text: string;
}

/** One outcome of a flow with its exact probability (a fraction string, as the engine's). */
export interface CurlOutcome {
  probability: ShareString;
  result: CurlResult;
}

/** A command as the learner would type it (see commandLine). */
export type Command =
  | { kind: 'get'; resources: readonly GetResource[]; wide?: boolean }
  | { kind: 'describe'; resource: DescribeResource; name: string }
  | { kind: 'curl'; url: string; connectTimeout?: number; fromPod?: string };
