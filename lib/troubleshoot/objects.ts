/**
 * The Kubernetes objects a scenario stands for, as kubectl would read them from the API server: the Service (after
 * the API server's defaulting), its EndpointSlice (one, named like the EndpointSlice controller names it) and every
 * Pod of the scenario. Everything routing-related comes from the engine's one door (`runScenario`): the defaulted
 * policies, the endpoints with their conditions, the hints (assignHints, as the EndpointSlice controller writes
 * them). Pod-side facts the engine does not model come from the `Workload`, with fixed defaults so that output is
 * deterministic.
 */
import {
  assignHints,
  issuesText,
  runScenario,
  sha256Hex,
  type Answer,
  type HintedEndpoint,
  type PodModel,
  type Scenario,
  type ScenarioInput,
} from '@/lib/engine';
import { hashSeed } from '@/lib/scenarios/random';
import type {
  ContainerObject,
  EndpointObject,
  EndpointSliceObject,
  PodEventObject,
  PodObject,
  ServiceObject,
} from './k8s';
import type { PodRuntime, Workload } from './types';

export interface Cluster {
  scenario: Scenario;
  answer: Answer;
  /** The EndpointSlice's endpoints with their hints, in scenario order. */
  hinted: HintedEndpoint[];
}

const runs = new WeakMap<object, Cluster>();

/** Evaluates `input` once per object (later calls with the same object reuse the run); throws on an unreadable scenario. */
export function clusterOf(input: ScenarioInput): Cluster {
  const hit = runs.get(input);
  if (hit) return hit;
  const run = runScenario(input);
  if (!run.ok) throw new Error(`lib/troubleshoot: the scenario cannot be read: ${issuesText(run.issues)}`);
  const cluster: Cluster = {
    scenario: run.scenario,
    answer: run.answer,
    hinted: assignHints(run.scenario.endpoints, run.scenario.service.trafficDistribution),
  };
  runs.set(input, cluster);
  return cluster;
}

/** utilrand.String's alphabet (k8s.io/apimachinery/pkg/util/rand: no vowels, no 0, 1 or 3). */
const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** names.SimpleNameGenerator: maxGeneratedNameLength = 63 - 5 (apiserver/pkg/storage/names/generate.go). */
const MAX_GENERATED_NAME_LENGTH = 58;

/**
 * The EndpointSlice controller creates slices with generateName `<service>-` (endpointslice reconciler
 * getEndpointSlicePrefix) and the API server appends 5 random characters (SimpleNameGenerator.GenerateName).
 * Here the 5 characters are drawn from the same alphabet by the repo's FNV-1a hash (lib/scenarios/random hashSeed)
 * of the Service name, so a scenario always shows the same name.
 */
export function endpointSliceName(serviceName: string): string {
  let base = `${serviceName}-`;
  if (base.length > MAX_GENERATED_NAME_LENGTH) base = base.slice(0, MAX_GENERATED_NAME_LENGTH);
  let h = hashSeed(`endpointslice/${serviceName}`);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += RAND_ALPHABET[h % RAND_ALPHABET.length];
    h = Math.floor(h / RAND_ALPHABET.length);
  }
  return base + suffix;
}

/** Every object's AGE unless the workload says otherwise. */
export const DEFAULT_AGE = '5m';
/** When the containers started (describe's "Started:", RFC1123Z): a fixed instant, for deterministic output. */
export const STARTED_AT = 'Mon, 30 Nov 2026 09:55:00 +0000';
/** When the last crashed container ran, for "Last State: Terminated" after restarts. */
const LAST_STARTED_AT = 'Mon, 30 Nov 2026 09:50:00 +0000';
const LAST_FINISHED_AT = 'Mon, 30 Nov 2026 09:54:58 +0000';
export const DEFAULT_IMAGE = 'registry.example/echo:1.0';
export const DEFAULT_CONTAINER = 'app';
/** The port a container listens on when the Service's targetPort is a name and the workload says nothing. */
export const DEFAULT_NAMED_PORT = 8080;

export function ageOf(workload: Workload | undefined): string {
  return workload?.age ?? DEFAULT_AGE;
}

/** One Pod's runtime facts, {} when the workload says nothing about it. */
export function runtimeOf(workload: Workload | undefined, pod: string): PodRuntime {
  return workload?.pods?.[pod] ?? {};
}

/** Where a Pod's container listens (RULES.md R-SYM-4): as given, else 0.0.0.0 on the first Service port's targetPort. */
export function listenOf(
  scenario: Scenario,
  runtime: PodRuntime,
): { address: '0.0.0.0' | '127.0.0.1'; port: number } {
  if (runtime.listen) return runtime.listen;
  const target = scenario.service.ports[0]?.targetPort;
  const port = typeof target === 'number' ? target : (runtime.containerPort ?? DEFAULT_NAMED_PORT);
  return { address: '0.0.0.0', port };
}

/** The containerPort the Pod declares: as given, else where it listens. */
function containerPortOf(scenario: Scenario, runtime: PodRuntime): number {
  return runtime.containerPort ?? listenOf(scenario, runtime).port;
}

/**
 * The objects of one cluster for one workload, built once: a question's `kubectl get`, its two `describe`s and the
 * article's figures read the same Service, EndpointSlice and Pods. Keyed by the cluster (one per scenario object)
 * and the workload object; the objects are shared, so callers must not change them.
 */
interface ObjectCache {
  service?: ServiceObject;
  slice?: EndpointSliceObject;
  /** By `name` (without container and image IDs) or `name\0ids`. */
  pods: Map<string, PodObject>;
}
const objectCaches = new WeakMap<Cluster, Map<Workload | undefined, ObjectCache>>();

function cacheOf(cluster: Cluster, workload: Workload | undefined): ObjectCache {
  let byWorkload = objectCaches.get(cluster);
  if (!byWorkload) objectCaches.set(cluster, (byWorkload = new Map()));
  let cache = byWorkload.get(workload);
  if (!cache) byWorkload.set(workload, (cache = { pods: new Map() }));
  return cache;
}

/** R-KUBECTL-6: the Service as the API server stores it (R-API-2 defaults from the engine's answer). Shared: do not change it. */
export function serviceObject(cluster: Cluster, workload?: Workload): ServiceObject {
  const cache = cacheOf(cluster, workload);
  return (cache.service ??= buildServiceObject(cluster, workload));
}

function buildServiceObject(cluster: Cluster, workload: Workload | undefined): ServiceObject {
  const { service } = cluster.scenario;
  const defaulted = cluster.answer.service;
  const clusterIP = service.clusterIP ?? 'None';
  return {
    name: service.name,
    namespace: service.namespace,
    labels: {},
    annotations: { ...service.annotations },
    type: service.type,
    selector: service.selector,
    ipFamilyPolicy: 'SingleStack',
    ipFamilies: ['IPv4'],
    clusterIP,
    clusterIPs: [clusterIP],
    externalIPs: [...service.externalIPs],
    loadBalancerIP: '',
    externalName: '',
    ingress: [
      ...service.ingress.map((i) => ({ ip: i.ip, ipMode: i.ipMode })),
      ...service.ingressHostnames.map((hostname) => ({ hostname })),
    ],
    ports: service.ports.map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol,
      port: p.port,
      targetPort: p.targetPort,
      nodePort: p.nodePort ?? 0,
    })),
    sessionAffinity: service.sessionAffinity,
    externalTrafficPolicy: defaulted.externalTrafficPolicy ?? '',
    internalTrafficPolicy: defaulted.internalTrafficPolicy ?? 'Cluster',
    healthCheckNodePort: defaulted.healthCheckNodePort ?? 0,
    loadBalancerSourceRanges: [...service.loadBalancerSourceRanges],
    trafficDistribution: service.trafficDistribution,
    age: ageOf(workload),
  };
}

/**
 * The Service's one EndpointSlice: every selected Pod (ready or not) with the conditions the engine gives it, and
 * one port per Service port whose number is the targetPort (a named targetPort: the first endpoint's containerPort).
 * With no endpoints it is the controller's placeholder slice: no ports, no endpoints. Shared: do not change it.
 */
export function endpointSliceObject(cluster: Cluster, workload?: Workload): EndpointSliceObject {
  const cache = cacheOf(cluster, workload);
  return (cache.slice ??= buildEndpointSliceObject(cluster, workload));
}

function buildEndpointSliceObject(cluster: Cluster, workload: Workload | undefined): EndpointSliceObject {
  const { scenario, hinted } = cluster;
  const { service } = scenario;
  const first = hinted[0]?.endpoint;
  const ports = first
    ? service.ports.map((p) => ({
        name: p.name ?? '',
        port:
          typeof p.targetPort === 'number'
            ? p.targetPort
            : containerPortOf(scenario, runtimeOf(workload, first.pod)),
        protocol: p.protocol,
      }))
    : [];
  const endpoints: EndpointObject[] = hinted.map(({ endpoint: e, forZone, forNode }) => ({
    addresses: [e.ip],
    ready: e.ready,
    serving: e.serving,
    terminating: e.terminating,
    hostname: null,
    targetRef: { kind: 'Pod', name: e.pod },
    nodeName: e.node,
    zone: e.zone,
    hints:
      forZone !== null || forNode !== null
        ? { forZones: forZone !== null ? [forZone] : [], forNodes: forNode !== null ? [forNode] : [] }
        : null,
  }));
  return {
    name: endpointSliceName(service.name),
    namespace: service.namespace,
    labels: {
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': service.name,
    },
    annotations: {},
    addressType: 'IPv4',
    ports,
    endpoints,
    age: ageOf(workload),
  };
}

/** kubelet's readiness-probe text as describe prints it (describe.go DescribeProbe). */
export function defaultReadinessProbe(port: number): string {
  return `http-get http://:${port}/healthz delay=0s timeout=1s period=10s successThreshold=1 failureThreshold=3`;
}

function defaultEvents(pod: PodModel, runtime: PodRuntime, age: string, container: string): PodEventObject[] {
  if (pod.terminating) {
    return [
      {
        type: 'Normal',
        reason: 'Killing',
        age: runtime.terminatingFor ?? '10s',
        from: 'kubelet',
        message: `Stopping container ${container}`,
      },
    ];
  }
  if (!pod.ready && runtime.readinessProbe !== null) {
    return [
      {
        type: 'Warning',
        reason: 'Unhealthy',
        age: `3s (x30 over ${age})`,
        from: 'kubelet',
        message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      },
    ];
  }
  return [];
}

/**
 * A Pod of the scenario as the API server shows it: Running, one container, the kubelet's conditions. The
 * container and image IDs (hashes, only describe shows them) are left empty when `ids` is false. Shared: do not
 * change it.
 */
export function podObject(cluster: Cluster, pod: PodModel, workload?: Workload, ids = true): PodObject {
  const { pods } = cacheOf(cluster, workload);
  const key = ids ? `${pod.pod}\0ids` : pod.pod;
  let object = pods.get(key);
  if (!object) pods.set(key, (object = buildPodObject(cluster, pod, workload, ids)));
  return object;
}

/** The kubelet's five Pod conditions; Ready and ContainersReady follow the Pod's readiness. Shared, read-only. */
function podConditions(ready: 'True' | 'False'): PodObject['conditions'] {
  return [
    { type: 'PodReadyToStartContainers', status: 'True' },
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: ready },
    { type: 'ContainersReady', status: ready },
    { type: 'PodScheduled', status: 'True' },
  ];
}
const READY_CONDITIONS = podConditions('True');
const NOT_READY_CONDITIONS = podConditions('False');
/** The DefaultTolerationSeconds admission plugin's two NoExecute tolerations. Shared, read-only. */
const DEFAULT_TOLERATIONS: PodObject['tolerations'] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', seconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', seconds: 300 },
];

/** The image ID's digest, once per image (a handful of images, each hashed for every Pod otherwise). */
const imageDigests = new Map<string, string>();
function imageDigest(image: string): string {
  let digest = imageDigests.get(image);
  if (digest === undefined) {
    digest = sha256Hex(`image/${image}`);
    if (imageDigests.size < 64) imageDigests.set(image, digest);
  }
  return digest;
}

function buildPodObject(
  cluster: Cluster,
  pod: PodModel,
  workload: Workload | undefined,
  ids: boolean,
): PodObject {
  const { scenario } = cluster;
  const runtime = runtimeOf(workload, pod.pod);
  const age = runtime.age ?? ageOf(workload);
  const name = runtime.container ?? DEFAULT_CONTAINER;
  const image = runtime.image ?? DEFAULT_IMAGE;
  const restarts = runtime.restarts ?? 0;
  const port = containerPortOf(scenario, runtime);
  const target = scenario.service.ports[0]?.targetPort;
  const node = pod.node ? scenario.cluster.nodes.find((n) => n.name === pod.node) : undefined;
  // The Pod's Ready condition: the endpoint's `serving` while terminating (the controller then writes ready=false),
  // else its `ready` (EndpointSlice controller: ready = podReady && !terminating, serving = podReady).
  const podReady = pod.terminating ? pod.serving : pod.ready;
  const container: ContainerObject = {
    name,
    image,
    ports: [
      { name: typeof target === 'string' ? target : '', containerPort: port, hostPort: 0, protocol: 'TCP' },
    ],
    readinessProbe:
      runtime.readinessProbe === undefined ? defaultReadinessProbe(port) : runtime.readinessProbe,
    containerID: ids ? `containerd://${sha256Hex(`container/${pod.pod}`)}` : '',
    imageID: ids ? `${image.replace(/:[^:/]*$/, '')}@sha256:${imageDigest(image)}` : '',
    state: { kind: 'Running', startedAt: STARTED_AT },
    lastState:
      restarts > 0
        ? {
            kind: 'Terminated',
            reason: 'Error',
            exitCode: 1,
            startedAt: LAST_STARTED_AT,
            finishedAt: LAST_FINISHED_AT,
          }
        : null,
    ready: podReady,
    restartCount: restarts,
    lastRestartAge: restarts > 0 ? (runtime.lastRestart ?? '1m') : null,
  };
  return {
    name: pod.pod,
    namespace: scenario.service.namespace,
    // Shared with the scenario (objects are read-only): a copy per Pod cost more than the rest of the Pod.
    labels: pod.labels,
    annotations: {},
    priority: 0,
    serviceAccountName: 'default',
    nodeName: pod.node ?? '',
    hostIP: node?.ip ?? '',
    startTime: STARTED_AT,
    phase: 'Running',
    deletion: pod.terminating ? { lasts: runtime.terminatingFor ?? '10s', gracePeriodSeconds: 30 } : null,
    podIP: pod.ip,
    podIPs: [pod.ip],
    nominatedNodeName: '',
    controlledBy: '',
    containers: [container],
    conditions: podReady ? READY_CONDITIONS : NOT_READY_CONDITIONS,
    qosClass: 'BestEffort',
    tolerations: DEFAULT_TOLERATIONS,
    events: runtime.events
      ? runtime.events.map((e) => ({
          type: e.type,
          reason: e.reason,
          age: e.age ?? age,
          from: e.from,
          message: e.message,
        }))
      : defaultEvents(pod, runtime, age, name),
    age,
  };
}
