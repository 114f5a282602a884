/**
 * The API server's UPDATE of a Service (routing-semantics.md §18, R-API-UPD-1…9): the stored Service
 * (`previous`) and the request body (`service`), both as written, → the `update` answer and the Service that
 * is stored afterwards. Sources (kubernetes/kubernetes):
 *   pkg/apis/core/v1/defaults.go            SetDefaults_Service (R-API-UPD-1 step 1)
 *   pkg/registry/core/service/storage/storage.go  beginUpdate, patchAllocatedValues (R-API-UPD-2)
 *   pkg/registry/core/service/storage/alloc.go    txnUpdateNodePorts, releaseNodePorts, updateNodePorts,
 *     updateHealthCheckNodePort, allocHealthCheckNodePort, shouldAllocateNodePorts (R-API-UPD-4/5/6/7)
 *   pkg/registry/core/service/portallocator        ErrAllocated, ErrNotInRange
 *   pkg/registry/core/service/strategy.go          dropTypeDependentFields (R-API-UPD-4/6)
 *   pkg/apis/core/validation/validation.go         validateServiceExternalTrafficFieldsUpdate, ValidateService
 *   staging/…/apimachinery/pkg/api/errors          NewInvalid (422), NewInternalError (500) (R-API-UPD-8)
 *
 * Decisions where the sources leave the scenario silent:
 * - A port the allocator picks itself is reported as "auto" (the real allocator picks at random).
 * - The NodePort range is checked only when `cluster.nodePortRange` is given (as on create).
 * - Ports are keyed in `stored.nodePorts` by name, or by their port number when unnamed.
 * - `wiped` lists a field only when the registry actually changed a non-zero value the request carried.
 * - A refused update allocates and releases nothing (the deferred operations are reverted).
 * - loadBalancerClass and ExternalName are not part of the scenario format and are not modelled.
 */
import type { UpdateAnswer } from '../answer';
import type { ServiceDoc } from '../scenario/schema';
import type { ServiceModel } from '../model';
import { externallyAccessible, needsHealthCheck } from '../endpoints/service-flags';
import { fieldError, kubectlInvalidMessage } from './field-error';
import { serviceErrors } from './validate-service';

export interface NodePortPool {
  /** --service-node-port-range; null: not checked. */
  range: { first: number; last: number } | null;
  /** Ports held by other Services. */
  used: readonly number[];
}

/** A Service spec as the registry handles it: zero = unset, '' = no policy. */
interface SpecState {
  type: ServiceDoc['spec']['type'];
  externalTrafficPolicy: string;
  healthCheckNodePort: number;
  allocateLoadBalancerNodePorts: boolean | null;
  externalIPs: string[];
  ports: { name: string; port: number; protocol: string; nodePort: number }[];
  hasIngress: boolean;
}

/** R-API-UPD-1 step 1: SetDefaults_Service on the request (idempotent on the stored object). */
function defaulted(doc: ServiceDoc): SpecState {
  const spec = doc.spec;
  const etp = spec.externalTrafficPolicy ?? '';
  const state: SpecState = {
    type: spec.type,
    externalTrafficPolicy: etp,
    healthCheckNodePort: spec.healthCheckNodePort ?? 0,
    allocateLoadBalancerNodePorts: spec.allocateLoadBalancerNodePorts ?? null,
    externalIPs: [...spec.externalIPs],
    ports: spec.ports.map((p) => ({
      name: p.name ?? '',
      port: p.port,
      protocol: p.protocol,
      nodePort: p.nodePort ?? 0,
    })),
    hasIngress: doc.status.loadBalancer.ingress.length > 0,
  };
  if (state.externalTrafficPolicy === '' && externallyAccessible(state))
    state.externalTrafficPolicy = 'Cluster';
  if (state.type === 'LoadBalancer' && state.allocateLoadBalancerNodePorts === null)
    state.allocateLoadBalancerNodePorts = true;
  return state;
}

const needsNodePort = (s: SpecState) => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHCNodePort = (s: SpecState) => needsHealthCheck(s);
const shouldAllocateNodePorts = (s: SpecState) =>
  s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === true);

/** R-API-UPD-2 (patchAllocatedValues): omitted values are filled from the stored object when both need them. */
function patchAllocatedValues(after: SpecState, before: SpecState): void {
  if (needsNodePort(before) && needsNodePort(after)) {
    // Old values the request also uses elsewhere cannot be patched in (storage.go: old ∩ new, by value).
    const inNew = new Set(after.ports.map((p) => p.nodePort).filter((n) => n !== 0));
    const used = new Set(before.ports.map((p) => p.nodePort).filter((n) => n !== 0 && inNew.has(n)));
    const byName = new Map(before.ports.map((p) => [p.name, p.nodePort]));
    for (const p of after.ports) {
      if (p.nodePort !== 0) continue;
      const old = byName.get(p.name) ?? 0;
      if (!used.has(old)) p.nodePort = old;
    }
  }
  if (needsHCNodePort(before) && needsHCNodePort(after) && after.healthCheckNodePort === 0)
    after.healthCheckNodePort = before.healthCheckNodePort;
}

class Failure {
  constructor(
    readonly status: 422 | 500,
    readonly detail: string,
  ) {}
}

const ALREADY = 'provided port is already allocated';
/** Stands for a port AllocateNext picked, where only "non-zero and valid" matters (validation). */
const AUTO_PLACEHOLDER = 30000;

/** One port-allocator operation: allocations are immediate, releases deferred (PortAllocationOperation). */
class PortOperation {
  private readonly taken: Set<number>;

  constructor(
    private readonly pool: NodePortPool,
    held: readonly number[],
  ) {
    this.taken = new Set([...pool.used, ...held]);
  }

  /** portallocator.Allocate: the range is checked first, then whether the port is free; null on success. */
  allocate(port: number): string | null {
    const r = this.pool.range;
    if (r && (port < r.first || port > r.last))
      return `provided port is not in the valid range. The range of valid ports is ${r.first}-${r.last}`;
    if (this.taken.has(port)) return ALREADY;
    this.taken.add(port);
    return null;
  }

  /** AllocateNext: false when the range is full (which free port it picks, the scenario does not say). */
  allocateNext(): boolean {
    const r = this.pool.range ?? { first: 30000, last: 32767 };
    for (let port = r.first; port <= r.last; port++) if (!this.taken.has(port)) return true;
    return false;
  }
}

interface Allocation {
  /** Ports of `after.ports` (by index) the allocator fills itself. */
  autoPorts: Set<number>;
  nodePorts: (number | 'auto')[];
  healthCheckNodePort: number | 'auto' | null;
  releasedNodePorts: number[];
  releasedHealthCheckNodePort: number | null;
}

/** txnUpdateNodePorts: R-API-UPD-4/5/6/7. Mutates `after` (allocated values); throws Failure. */
function allocateUpdate(after: SpecState, before: SpecState, op: PortOperation): Allocation {
  const a: Allocation = {
    autoPorts: new Set(),
    nodePorts: [],
    healthCheckNodePort: null,
    releasedNodePorts: [],
    releasedHealthCheckNodePort: null,
  };
  // releaseNodePorts: NodePort/LoadBalancer → ClusterIP releases every old nodePort.
  if (needsNodePort(before) && after.type === 'ClusterIP')
    for (const p of before.ports) if (p.nodePort !== 0) a.releasedNodePorts.push(p.nodePort);

  if (needsNodePort(after)) {
    // updateNodePorts
    const oldNumbers = before.ports.map((p) => p.nodePort).filter((n) => n !== 0);
    const allocatedHere = new Set<number>();
    const seen = new Set<string>();
    after.ports.forEach((p, i) => {
      if (p.nodePort === 0 && !shouldAllocateNodePorts(after)) return;
      if (p.nodePort !== 0) {
        if (!oldNumbers.includes(p.nodePort) && !allocatedHere.has(p.nodePort)) {
          const why = op.allocate(p.nodePort);
          if (why) throw new Failure(422, fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, why));
          allocatedHere.add(p.nodePort);
          a.nodePorts.push(p.nodePort);
        }
      } else {
        if (!op.allocateNext()) throw new Failure(500, 'failed to allocate a nodePort: range is full');
        a.autoPorts.add(i);
        a.nodePorts.push('auto');
      }
      const key = `${p.protocol} ${p.nodePort === 0 ? `auto${i}` : p.nodePort}`;
      if (seen.has(key)) throw new Failure(500, `duplicate nodePort: {${key}}`);
      seen.add(key);
    });
    const newNumbers = after.ports.map((p) => p.nodePort).filter((n) => n !== 0);
    for (const n of oldNumbers) if (!newNumbers.includes(n)) a.releasedNodePorts.push(n);
  }

  // updateHealthCheckNodePort
  const needed = needsHCNodePort(before);
  const needs = needsHCNodePort(after);
  if (!needed && needs) {
    // Case 1 (R-API-UPD-5): an internal error when it fails, not a field error (§20 correction of R-API-4).
    if (after.healthCheckNodePort !== 0) {
      const why = op.allocate(after.healthCheckNodePort);
      if (why)
        throw new Failure(
          500,
          `failed to allocate requested HealthCheck NodePort ${after.healthCheckNodePort}: ${why}`,
        );
      a.healthCheckNodePort = after.healthCheckNodePort;
    } else {
      if (!op.allocateNext())
        throw new Failure(500, 'failed to allocate a HealthCheck NodePort 0: range is full');
      a.healthCheckNodePort = 'auto';
    }
  } else if (needed && !needs) {
    // Case 2 (R-API-UPD-4): released, deferred until the update is stored.
    a.releasedHealthCheckNodePort = before.healthCheckNodePort;
  }
  return a;
}

/** dropTypeDependentFields (R-API-UPD-4/6): wipes values the new type no longer uses, when the request left them as stored. */
function dropTypeDependentFields(after: SpecState, before: SpecState): string[] {
  const wiped: string[] = [];
  if (needsNodePort(before) && !needsNodePort(after)) {
    const oldSet = new Set(before.ports.map((p) => p.nodePort));
    if (after.ports.every((p) => oldSet.has(p.nodePort))) {
      after.ports.forEach((p, i) => {
        if (p.nodePort !== 0) wiped.push(`spec.ports[${i}].nodePort`);
        p.nodePort = 0;
      });
    }
  }
  if (
    needsHCNodePort(before) &&
    !needsHCNodePort(after) &&
    after.healthCheckNodePort === before.healthCheckNodePort
  ) {
    if (after.healthCheckNodePort !== 0) wiped.push('spec.healthCheckNodePort');
    after.healthCheckNodePort = 0;
  }
  if (before.type === 'LoadBalancer' && after.type !== 'LoadBalancer') {
    const a = after.allocateLoadBalancerNodePorts;
    if (
      a !== null &&
      before.allocateLoadBalancerNodePorts !== null &&
      a === before.allocateLoadBalancerNodePorts
    ) {
      wiped.push('spec.allocateLoadBalancerNodePorts');
      after.allocateLoadBalancerNodePorts = null;
    }
  }
  if (
    externallyAccessible(before) &&
    !externallyAccessible(after) &&
    after.externalTrafficPolicy === before.externalTrafficPolicy
  ) {
    if (after.externalTrafficPolicy !== '') wiped.push('spec.externalTrafficPolicy');
    after.externalTrafficPolicy = '';
  }
  // PrepareForUpdate keeps the stored status (a PUT cannot change it), then clears it for any other type.
  after.hasIngress = before.hasIngress;
  if (after.type !== 'LoadBalancer') {
    if (after.hasIngress) wiped.push('status.loadBalancer');
    after.hasIngress = false;
  }
  return wiped;
}

/** The state as a ServiceModel for ValidateService (only the fields it reads matter). */
function asModel(state: SpecState, doc: ServiceDoc): ServiceModel {
  const spec = doc.spec;
  return {
    name: doc.metadata.name,
    namespace: doc.metadata.namespace,
    type: state.type,
    selector: spec.selector ?? null,
    clusterIP: null,
    externalTrafficPolicy: state.externalTrafficPolicy === '' ? null : state.externalTrafficPolicy,
    internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
    healthCheckNodePort: state.healthCheckNodePort,
    externalIPs: state.externalIPs,
    loadBalancerSourceRanges: [...spec.loadBalancerSourceRanges],
    sessionAffinity: spec.sessionAffinity,
    sessionAffinityTimeoutSeconds: 10800,
    trafficDistribution: spec.trafficDistribution ?? null,
    allocateLoadBalancerNodePorts: state.allocateLoadBalancerNodePorts,
    ports: state.ports.map((p, i) => ({
      name: p.name === '' ? null : p.name,
      port: p.port,
      targetPort: spec.ports[i]?.targetPort ?? p.port,
      nodePort: p.nodePort === 0 ? null : p.nodePort,
      protocol: p.protocol as 'TCP' | 'UDP' | 'SCTP',
    })),
    ingress: [],
    ingressHostnames: [],
    annotations: { ...(doc.metadata.annotations ?? {}) },
  };
}

export interface ServiceUpdateResult {
  answer: UpdateAnswer;
  /**
   * The Service as stored afterwards, as a document the scenario reader can default (allocated values patched in;
   * a port the allocator picked is left unset): the request on success, `previous` when the update is refused.
   */
  stored: ServiceDoc;
}

function refused(
  status: 422 | 500,
  message: string,
  errors: string[],
  previous: ServiceDoc,
): ServiceUpdateResult {
  return {
    answer: {
      httpStatus: status,
      message,
      errors,
      stored: null,
      allocated: { nodePorts: [], healthCheckNodePort: null },
      released: { nodePorts: [], healthCheckNodePort: null },
      wiped: [],
    },
    stored: previous,
  };
}

/** R-API-UPD-1…8: the update of `previous` by `request`. */
export function updateService(
  previous: ServiceDoc,
  request: ServiceDoc,
  pool: NodePortPool,
): ServiceUpdateResult {
  const before = defaulted(previous);
  const after = defaulted(request);
  const name = request.metadata.name;
  // R-API-UPD-2
  patchAllocatedValues(after, before);
  // R-API-UPD-1 step 2: allocations and releases (aborts the update on the first failure).
  const held = [
    ...before.ports.map((p) => p.nodePort).filter((n) => n !== 0),
    ...(needsHCNodePort(before) && before.healthCheckNodePort > 0 ? [before.healthCheckNodePort] : []),
  ];
  const op = new PortOperation(pool, held);
  let alloc: Allocation;
  try {
    alloc = allocateUpdate(after, before, op);
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    return e.status === 422
      ? refused(422, kubectlInvalidMessage('Service', name, [e.detail]), [e.detail], previous)
      : refused(500, `Internal error occurred: ${e.detail}`, [], previous);
  }
  // R-API-UPD-1 step 3
  const wiped = dropTypeDependentFields(after, before);
  // R-API-UPD-1 step 4: validateServiceExternalTrafficFieldsUpdate, then ValidateService (R-API-UPD-3, R-API-UPD-8).
  const errors: string[] = [];
  if (
    needsHCNodePort(before) &&
    needsHCNodePort(after) &&
    after.healthCheckNodePort !== before.healthCheckNodePort
  )
    errors.push(fieldError.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  // A port the allocator picked is in the object validation sees (its number does not matter there).
  const validated =
    alloc.healthCheckNodePort === 'auto' ? { ...after, healthCheckNodePort: AUTO_PLACEHOLDER } : after;
  errors.push(...serviceErrors(asModel(validated, request)));
  const unique = [...new Set(errors)];
  if (unique.length > 0)
    return refused(422, kubectlInvalidMessage('Service', name, unique), unique, previous);

  const nodePorts: Record<string, number | 'auto'> = {};
  after.ports.forEach((p, i) => {
    if (p.nodePort !== 0 || alloc.autoPorts.has(i))
      nodePorts[p.name === '' ? String(p.port) : p.name] = alloc.autoPorts.has(i) ? 'auto' : p.nodePort;
  });
  const hcnp = alloc.healthCheckNodePort === 'auto' ? 'auto' : after.healthCheckNodePort;
  const answer: UpdateAnswer = {
    httpStatus: 200,
    message: '',
    errors: [],
    stored: {
      type: after.type,
      externalTrafficPolicy: after.externalTrafficPolicy === '' ? null : after.externalTrafficPolicy,
      healthCheckNodePort: hcnp,
      nodePorts,
      allocateLoadBalancerNodePorts: after.allocateLoadBalancerNodePorts,
      loadBalancerStatus: after.type === 'LoadBalancer' ? 'kept' : 'cleared',
    },
    allocated: { nodePorts: alloc.nodePorts, healthCheckNodePort: alloc.healthCheckNodePort },
    released: { nodePorts: alloc.releasedNodePorts, healthCheckNodePort: alloc.releasedHealthCheckNodePort },
    wiped,
  };
  return { answer, stored: storedDoc(request, previous, after, alloc.autoPorts) };
}

/** The stored Service as a document: the request with allocated and wiped values applied. */
function storedDoc(
  request: ServiceDoc,
  previous: ServiceDoc,
  after: SpecState,
  autoPorts: Set<number>,
): ServiceDoc {
  const spec = request.spec;
  return {
    ...request,
    spec: {
      ...spec,
      externalTrafficPolicy: after.externalTrafficPolicy === '' ? undefined : after.externalTrafficPolicy,
      // 0 or picked by the allocator: left unset, so the reader allocates as on create.
      healthCheckNodePort: after.healthCheckNodePort === 0 ? undefined : after.healthCheckNodePort,
      allocateLoadBalancerNodePorts: after.allocateLoadBalancerNodePorts ?? undefined,
      ports: spec.ports.map((p, i) => ({
        ...p,
        nodePort: autoPorts.has(i) || after.ports[i]!.nodePort === 0 ? undefined : after.ports[i]!.nodePort,
      })),
    },
    status: after.hasIngress ? previous.status : { loadBalancer: { ingress: [] } },
  };
}
