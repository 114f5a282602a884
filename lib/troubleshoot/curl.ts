/**
 * What `curl -sS --connect-timeout N URL` prints when a flow of the scenario is tried: the engine's verdict for the
 * flow, plus what the engine does not model, whether the chosen Pod's container listens where the packet lands.
 * Every branch names its rule in RULES.md (R-SYM-…). The messages are curl 8.20.0's (lib/cf-ip-happy.c
 * is_connected, lib/multi.c multi_handle_timeout, lib/strerror.c curl_easy_strerror, src/tool_operate.c).
 */
import {
  parseShare,
  type BackendAnswer,
  type FlowAnswer,
  type ScenarioInput,
  type TrafficModel,
} from '@/lib/engine';
import { isLocalAddress, LOOPBACK_IP } from '@/lib/engine/net';
import { commandLine } from './command';
import { clusterOf, listenOf, runtimeOf, type Cluster } from './objects';
import type { CurlOptions, CurlOutcome, CurlResult, Workload } from './types';

/** --connect-timeout when none is given, in seconds. */
export const DEFAULT_CONNECT_TIMEOUT = 5;
/** How long a refused connection takes to fail, as curl reports it: one round trip inside a LAN. */
export const REFUSED_AFTER_MS = 2;
/** How far past the connect timeout curl's timer fires (it reports the elapsed time, e.g. 5001 for 5 s). */
export const TIMEOUT_OVERSHOOT_MS = 1;

/** Where the flow dials: host and port (before --port overrides) and which Service port that is. */
export interface CurlTarget {
  host: string;
  port: number;
  /** Index of the Service port dialled, or -1 when the port is none of the Service's. */
  servicePort: number;
  url: string;
  /** The Pod curl runs in (`kubectl exec`), when the flow starts in a Pod. */
  fromPod: string | null;
}

function flowAt(cluster: Cluster, flowIndex: number): { flow: FlowAnswer; traffic: TrafficModel } {
  const flow = cluster.answer.flows[flowIndex];
  const traffic = cluster.scenario.traffic[flowIndex];
  if (!flow || !traffic) {
    throw new Error(
      `lib/troubleshoot: flow ${flowIndex} does not exist (the scenario has ${cluster.answer.flows.length} flows, 0…${cluster.answer.flows.length - 1})`,
    );
  }
  return { flow, traffic };
}

function urlOf(host: string, port: number): string {
  return port === 80 ? `http://${host}/` : `http://${host}:${port}/`;
}

/** The address and port a client dials for this flow (scenario-format.md: traffic.ip, else the destination's default). */
export function curlTarget(cluster: Cluster, flowIndex: number, options: CurlOptions = {}): CurlTarget {
  const { traffic } = flowAt(cluster, flowIndex);
  const { service, cluster: c } = cluster.scenario;
  const first = service.ports[0];
  const node = traffic.node ? c.nodes.find((n) => n.name === traffic.node) : undefined;
  let host: string;
  let port: number;
  switch (traffic.to) {
    case 'clusterIP':
      host = traffic.ip ?? service.clusterIP ?? 'None';
      port = first?.port ?? 80;
      break;
    case 'nodePort':
      host = traffic.ip ?? (traffic.from === 'localhost' ? LOOPBACK_IP : (node?.ip ?? LOOPBACK_IP));
      port = first?.nodePort ?? 0;
      break;
    case 'externalIP':
      host = traffic.ip ?? service.externalIPs[0] ?? '';
      port = first?.port ?? 80;
      break;
    case 'loadBalancer':
      host = traffic.ip ?? service.ingress[0]?.ip ?? service.ingressHostnames[0] ?? '';
      port = first?.port ?? 80;
      break;
  }
  const dialled = options.port ?? port;
  const servicePort =
    traffic.to === 'nodePort'
      ? service.ports.findIndex((p) => p.nodePort === dialled)
      : service.ports.findIndex((p) => p.port === dialled);
  const fromPod = traffic.from.startsWith('pod/') ? traffic.from.slice(4) : null;
  return { host, port: dialled, servicePort, url: urlOf(host, dialled), fromPod };
}

/** The curl command line for flow `flowIndex` (from a Pod: through `kubectl exec`). */
export function curlCommand(scenario: ScenarioInput, flowIndex: number, options: CurlOptions = {}): string {
  const target = curlTarget(clusterOf(scenario), flowIndex, options);
  return commandLine({
    kind: 'curl',
    url: target.url,
    connectTimeout: options.connectTimeout,
    fromPod: target.fromPod ?? undefined,
  });
}

/** curl: (7) — is_connected's failf with curl_easy_strerror(CURLE_COULDNT_CONNECT) (curl 8.20.0). */
export function refusedText(host: string, port: number): string {
  return `curl: (7) Failed to connect to ${host} port ${port} after ${REFUSED_AFTER_MS} ms: Could not connect to server`;
}

/** curl: (28) — multi_handle_timeout's failf while connecting to an address (dns_resolved) (curl 8.20.0). */
export function timeoutText(connectTimeoutSeconds: number): string {
  return `curl: (28) Connection timed out after ${connectTimeoutSeconds * 1000 + TIMEOUT_OVERSHOOT_MS} milliseconds`;
}

/** R-SYM-5: the workload's echo app answers with the Pod's hostname and the client address it saw. */
export function echoText(pod: string, sourceIp: string): string {
  return `hostname: ${pod}\nclient: ${sourceIp}`;
}

/** R-SYM-1 (and every refusal): the text of a refused connection. */
function refused(target: CurlTarget): CurlResult {
  return { outcome: 'refused', text: refusedText(target.host, target.port) };
}

/** R-SYM-2 (and every timeout). */
function timeout(options: CurlOptions): CurlResult {
  return { outcome: 'timeout', text: timeoutText(options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) };
}

/** R-SYM-4/5: the packet reached `backend` on the port kube-proxy translated to; does its container answer there? */
function atBackend(
  cluster: Cluster,
  target: CurlTarget,
  backend: BackendAnswer,
  workload: Workload | undefined,
): CurlResult {
  const runtime = runtimeOf(workload, backend.pod);
  const listen = listenOf(cluster.scenario, runtime);
  const servicePort = cluster.scenario.service.ports[target.servicePort]!;
  // The EndpointSlice port for this Pod: the numeric targetPort, or the Pod's port of that name (its containerPort).
  const podPort =
    typeof servicePort.targetPort === 'number'
      ? servicePort.targetPort
      : (runtime.containerPort ?? listen.port);
  if (listen.port !== podPort || listen.address === '127.0.0.1') return refused(target);
  return {
    outcome: 'answered',
    pod: backend.pod,
    sourceIp: backend.sourceIp,
    text: echoText(backend.pod, backend.sourceIp),
  };
}

/** R-SYM-8: the dialled port is none of the Service's, so no kube-proxy rule is about it. */
function wrongPort(
  cluster: Cluster,
  traffic: TrafficModel,
  target: CurlTarget,
  options: CurlOptions,
): CurlResult {
  const { nodes, proxyMode } = cluster.scenario.cluster;
  switch (traffic.to) {
    case 'clusterIP':
      // nftables rejects traffic to undefined ports of ClusterIPs (cluster-ips-check); IPVS binds ClusterIPs to
      // kube-ipvs0, so the node's own stack answers with a reset; iptables has no rule at all.
      return proxyMode === 'nftables' || proxyMode === 'ipvs' ? refused(target) : timeout(options);
    case 'nodePort':
      return refused(target);
    case 'externalIP':
      return nodes.some((n) => isLocalAddress(n, target.host)) ? refused(target) : timeout(options);
    case 'loadBalancer':
      return timeout(options);
  }
}

/** R-SYM-7: no kube-proxy rule applies to the flow. */
function unmatched(
  cluster: Cluster,
  traffic: TrafficModel,
  target: CurlTarget,
  options: CurlOptions,
): CurlResult {
  if (target.host === LOOPBACK_IP) return refused(target);
  if (traffic.to === 'nodePort' && cluster.scenario.cluster.nodes.some((n) => isLocalAddress(n, target.host)))
    return refused(target);
  return timeout(options);
}

interface Attempts {
  outcomes: CurlOutcome[];
  /** The backends the outcomes stand for, in the same order; null when the flow reaches no Pod. */
  backends: BackendAnswer[] | null;
}

function attempts(
  cluster: Cluster,
  flowIndex: number,
  workload: Workload | undefined,
  options: CurlOptions,
): Attempts {
  const { flow, traffic } = flowAt(cluster, flowIndex);
  const target = curlTarget(cluster, flowIndex, options);
  const one = (result: CurlResult): Attempts => ({
    outcomes: [{ probability: '1', result }],
    backends: null,
  });
  if (target.servicePort < 0)
    return one(
      // R-SYM-8
      wrongPort(cluster, traffic, target, options),
    );
  switch (flow.verdict) {
    case 'rejected': // R-SYM-1
      return one(refused(target));
    case 'dropped':
    case 'unanswered':
    case 'asymmetric': // R-SYM-2, R-SYM-3
      return one(timeout(options));
    case 'unmatched': // R-SYM-7
      return one(unmatched(cluster, traffic, target, options));
    case 'forwarded': {
      const live = flow.backends.filter((b) => !parseShare(b.probability).equals(0));
      if (live.length === 0) return one(timeout(options)); // R-SYM-6
      return {
        outcomes: live.map((b) => ({
          probability: b.probability,
          result: atBackend(cluster, target, b, workload),
        })),
        backends: live,
      };
    }
  }
}

/** Every outcome of flow `flowIndex` with its exact probability: one per possible backend, else the flow's one result. */
export function curlOutcomes(
  scenario: ScenarioInput,
  flowIndex: number,
  workload?: Workload,
  options: CurlOptions = {},
): CurlOutcome[] {
  return attempts(clusterOf(scenario), flowIndex, workload, options).outcomes;
}

/**
 * One attempt of flow `flowIndex`: with several possible backends, the one named by `options.backend`, else the
 * likeliest (the first of equals). Naming a backend the flow cannot reach is an error.
 */
export function curlFlow(
  scenario: ScenarioInput,
  flowIndex: number,
  workload?: Workload,
  options: CurlOptions = {},
): CurlResult {
  const { outcomes, backends } = attempts(clusterOf(scenario), flowIndex, workload, options);
  if (options.backend !== undefined) {
    const i = backends ? backends.findIndex((b) => b.pod === options.backend) : -1;
    if (i < 0) {
      const possible = backends ? backends.map((b) => b.pod).join(', ') : 'none: the flow reaches no Pod';
      throw new Error(
        `lib/troubleshoot: "${options.backend}" is not a possible backend of flow ${flowIndex} (possible: ${possible})`,
      );
    }
    return outcomes[i]!.result;
  }
  let best = 0;
  for (let i = 1; i < outcomes.length; i++) {
    if (parseShare(outcomes[i]!.probability).compare(parseShare(outcomes[best]!.probability)) > 0) best = i;
  }
  return outcomes[best]!.result;
}
