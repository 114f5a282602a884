/**
 * Service updates (routing-semantics.md §18, R-API-UPD-1…9; R-API-4 as corrected in §20). Every expected
 * `update` block is written by hand from the rules (kubernetes/kubernetes pkg/registry/core/service/storage
 * alloc.go + storage.go, strategy.go dropTypeDependentFields, validation.go), not computed by the engine.
 */
import { evaluate, parseScenario, type Answer, type ScenarioInput, type UpdateAnswer } from '@/lib/engine';

type Spec = ScenarioInput['service']['spec'];

const PREVIOUS_LB_LOCAL: Spec = {
  type: 'LoadBalancer',
  externalTrafficPolicy: 'Local',
  healthCheckNodePort: 32000,
  allocateLoadBalancerNodePorts: true,
  ports: [{ name: 'http', port: 80, nodePort: 30080 }],
};

function run(previous: Spec, request: Spec, cluster: Partial<ScenarioInput['cluster']> = {}): Answer {
  const r = parseScenario({
    cluster: {
      nodes: [{ name: 'node-a', ip: '10.0.1.10' }],
      pods: [{ name: 'p', node: 'node-a', ip: '10.244.1.5' }],
      ...cluster,
    },
    previous: {
      metadata: { name: 'web' },
      spec: previous,
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    },
    service: {
      metadata: { name: 'web' },
      spec: request,
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}

const NOTHING = { nodePorts: [], healthCheckNodePort: null };
const HCNP_ONLY_LOCAL =
  "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'";

function refused(httpStatus: 422 | 500, message: string, errors: string[]): UpdateAnswer {
  return { httpStatus, message, errors, stored: null, allocated: NOTHING, released: NOTHING, wiped: [] };
}

describe('R-API-UPD-4: Local → Cluster', () => {
  it('kubectl apply keeps the old healthCheckNodePort in the request: released and wiped (scenario-format.md example)', () => {
    const a = run(PREVIOUS_LB_LOCAL, { ...PREVIOUS_LB_LOCAL, externalTrafficPolicy: 'Cluster' });
    expect(a.update).toEqual({
      httpStatus: 200,
      message: '',
      errors: [],
      stored: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Cluster',
        healthCheckNodePort: 0,
        nodePorts: { http: 30080 },
        allocateLoadBalancerNodePorts: true,
        loadBalancerStatus: 'kept',
      },
      allocated: NOTHING,
      released: { nodePorts: [], healthCheckNodePort: 32000 },
      wiped: ['spec.healthCheckNodePort'],
    });
    // The Service routed is the stored one: no health-check port any more.
    expect(a.service).toEqual({
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      healthCheckNodePort: null,
      allocateLoadBalancerNodePorts: true,
    });
    expect(a.healthChecks).toBeNull();
    expect(a.validation).toEqual({ valid: true, errors: [] });
  });

  it('a request that omits it: released, nothing to wipe', () => {
    const { healthCheckNodePort: _omit, ...rest } = PREVIOUS_LB_LOCAL;
    const u = run(PREVIOUS_LB_LOCAL, { ...rest, externalTrafficPolicy: 'Cluster' }).update!;
    expect([u.httpStatus, u.released, u.wiped, u.stored?.healthCheckNodePort]).toEqual([
      200,
      { nodePorts: [], healthCheckNodePort: 32000 },
      [],
      0,
    ]);
  });

  it('a request with a different value: 422, and the release is reverted', () => {
    const error = `spec.healthCheckNodePort: Invalid value: 32001: ${HCNP_ONLY_LOCAL}`;
    const a = run(PREVIOUS_LB_LOCAL, {
      ...PREVIOUS_LB_LOCAL,
      externalTrafficPolicy: 'Cluster',
      healthCheckNodePort: 32001,
    });
    expect(a.update).toEqual(refused(422, `The Service "web" is invalid: ${error}`, [error]));
    // Refused: the stored Service is still the previous one.
    expect(a.service.healthCheckNodePort).toBe(32000);
    expect(a.validation).toEqual({ valid: false, errors: [error] });
  });
});

describe('R-API-UPD-3 / R-API-UPD-2: the health-check port while Local stays', () => {
  it('changing it is forbidden', () => {
    const error = 'spec.healthCheckNodePort: Forbidden: field is immutable';
    expect(run(PREVIOUS_LB_LOCAL, { ...PREVIOUS_LB_LOCAL, healthCheckNodePort: 32001 }).update).toEqual(
      refused(422, `The Service "web" is invalid: ${error}`, [error]),
    );
  });

  it('omitting it (and the nodePort) is never a change: both are patched from the stored Service', () => {
    const u = run(PREVIOUS_LB_LOCAL, {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      ports: [{ name: 'http', port: 80 }],
    }).update!;
    expect(u).toEqual({
      httpStatus: 200,
      message: '',
      errors: [],
      stored: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        nodePorts: { http: 30080 },
        allocateLoadBalancerNodePorts: true,
        loadBalancerStatus: 'kept',
      },
      allocated: NOTHING,
      released: NOTHING,
      wiped: [],
    });
  });

  it('an omitted nodePort whose old value the request gives to another port is not patched (storage.go: old ∩ new)', () => {
    const previous: Spec = {
      type: 'NodePort',
      ports: [
        { name: 'http', port: 80, nodePort: 30080 },
        { name: 'https', port: 443, nodePort: 30443 },
      ],
    };
    const u = run(previous, {
      type: 'NodePort',
      ports: [
        { name: 'http', port: 80 },
        { name: 'https', port: 443, nodePort: 30080 },
      ],
    }).update!;
    expect([u.httpStatus, u.stored?.nodePorts, u.allocated, u.released]).toEqual([
      200,
      { http: 'auto', https: 30080 },
      { nodePorts: ['auto'], healthCheckNodePort: null },
      { nodePorts: [30443], healthCheckNodePort: null },
    ]);
  });

  it('R-API-UPD-8: several errors are bracketed, in validation order (update checks first)', () => {
    const errors = [
      'spec.healthCheckNodePort: Forbidden: field is immutable',
      'spec.internalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"',
    ];
    expect(
      run(PREVIOUS_LB_LOCAL, {
        ...PREVIOUS_LB_LOCAL,
        healthCheckNodePort: 32001,
        internalTrafficPolicy: 'Foo',
      }).update,
    ).toEqual(refused(422, `The Service "web" is invalid: [${errors.join(', ')}]`, errors));
  });
});

describe('R-API-UPD-5: Cluster → Local allocates a health-check port; failures are 500 (R-API-4 correction)', () => {
  const previous: Spec = {
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Cluster',
    ports: [{ name: 'http', port: 80, nodePort: 30080 }],
  };

  it('a requested port held by another Service', () => {
    const a = run(
      previous,
      { ...previous, externalTrafficPolicy: 'Local', healthCheckNodePort: 30090 },
      { usedNodePorts: [30090] },
    );
    expect(a.update).toEqual(
      refused(
        500,
        'Internal error occurred: failed to allocate requested HealthCheck NodePort 30090: provided port is already allocated',
        [],
      ),
    );
    expect(a.validation).toEqual({
      valid: false,
      errors: [
        'Internal error occurred: failed to allocate requested HealthCheck NodePort 30090: provided port is already allocated',
      ],
    });
  });

  it('a requested port outside the configured range', () => {
    expect(
      run(
        previous,
        { ...previous, externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 },
        { nodePortRange: '30000-30999' },
      ).update,
    ).toEqual(
      refused(
        500,
        'Internal error occurred: failed to allocate requested HealthCheck NodePort 32000: provided port is not in the valid range. The range of valid ports is 30000-30999',
        [],
      ),
    );
  });

  it('a free requested port is allocated', () => {
    const u = run(previous, {
      ...previous,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31000,
    }).update!;
    expect([u.httpStatus, u.allocated, u.stored?.healthCheckNodePort]).toEqual([
      200,
      { nodePorts: [], healthCheckNodePort: 31000 },
      31000,
    ]);
  });

  it('none requested: the allocator picks one ("auto")', () => {
    const u = run(previous, { ...previous, externalTrafficPolicy: 'Local' }).update!;
    expect([u.httpStatus, u.allocated, u.stored?.healthCheckNodePort]).toEqual([
      200,
      { nodePorts: [], healthCheckNodePort: 'auto' },
      'auto',
    ]);
  });
});

describe('R-API-UPD-6: LoadBalancer → ClusterIP', () => {
  it('a full PUT that kept every value: all released and wiped, status cleared', () => {
    const a = run(PREVIOUS_LB_LOCAL, { ...PREVIOUS_LB_LOCAL, type: 'ClusterIP' });
    expect(a.update).toEqual({
      httpStatus: 200,
      message: '',
      errors: [],
      stored: {
        type: 'ClusterIP',
        externalTrafficPolicy: null,
        healthCheckNodePort: 0,
        nodePorts: {},
        allocateLoadBalancerNodePorts: null,
        loadBalancerStatus: 'cleared',
      },
      allocated: NOTHING,
      released: { nodePorts: [30080], healthCheckNodePort: 32000 },
      wiped: [
        'spec.ports[0].nodePort',
        'spec.healthCheckNodePort',
        'spec.allocateLoadBalancerNodePorts',
        'spec.externalTrafficPolicy',
        'status.loadBalancer',
      ],
    });
    expect(a.service.externalTrafficPolicy).toBeNull();
  });

  it('a changed externalTrafficPolicy survives and fails validation', () => {
    const error =
      'spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services';
    const request: Spec = {
      type: 'ClusterIP',
      externalTrafficPolicy: 'Cluster',
      ports: [{ name: 'http', port: 80 }],
    };
    expect(run(PREVIOUS_LB_LOCAL, request).update).toEqual(
      refused(422, `The Service "web" is invalid: ${error}`, [error]),
    );
  });

  it('a new nodePort survives and fails validation', () => {
    const error = "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'";
    const request: Spec = { type: 'ClusterIP', ports: [{ name: 'http', port: 80, nodePort: 30081 }] };
    expect(run(PREVIOUS_LB_LOCAL, request).update).toEqual(
      refused(422, `The Service "web" is invalid: ${error}`, [error]),
    );
  });

  it('LoadBalancer → NodePort clears the load-balancer status too', () => {
    const previous: Spec = { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, nodePort: 30080 }] };
    const u = run(previous, {
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, nodePort: 30080 }],
    }).update!;
    expect(u).toEqual({
      httpStatus: 200,
      message: '',
      errors: [],
      stored: {
        type: 'NodePort',
        externalTrafficPolicy: 'Cluster',
        healthCheckNodePort: 0,
        nodePorts: { http: 30080 },
        allocateLoadBalancerNodePorts: null,
        loadBalancerStatus: 'cleared',
      },
      allocated: NOTHING,
      released: NOTHING,
      wiped: ['status.loadBalancer'],
    });
  });
});

describe('R-API-UPD-7: → NodePort / LoadBalancer', () => {
  const previousNodePort: Spec = { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] };

  it('a requested nodePort held by another Service is a 422 field error', () => {
    const error = 'spec.ports[0].nodePort: Invalid value: 30090: provided port is already allocated';
    expect(
      run(
        previousNodePort,
        { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30090 }] },
        { usedNodePorts: [30090] },
      ).update,
    ).toEqual(refused(422, `The Service "web" is invalid: ${error}`, [error]));
  });

  it('a requested nodePort outside the configured range', () => {
    const error =
      'spec.ports[0].nodePort: Invalid value: 32100: provided port is not in the valid range. The range of valid ports is 30000-32000';
    expect(
      run(
        previousNodePort,
        { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 32100 }] },
        { nodePortRange: '30000-32000' },
      ).update,
    ).toEqual(refused(422, `The Service "web" is invalid: ${error}`, [error]));
  });

  it('moving to another nodePort allocates the new one and releases the old one', () => {
    const u = run(previousNodePort, {
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, nodePort: 30081 }],
    }).update!;
    expect([u.allocated, u.released, u.stored?.nodePorts]).toEqual([
      { nodePorts: [30081], healthCheckNodePort: null },
      { nodePorts: [30080], healthCheckNodePort: null },
      { http: 30081 },
    ]);
  });

  it('ClusterIP → NodePort with no nodePort: the allocator picks one', () => {
    const u = run(
      { type: 'ClusterIP', ports: [{ name: 'http', port: 80 }] },
      { type: 'NodePort', ports: [{ name: 'http', port: 80 }] },
    ).update!;
    expect([u.httpStatus, u.allocated, u.stored?.nodePorts]).toEqual([
      200,
      { nodePorts: ['auto'], healthCheckNodePort: null },
      { http: 'auto' },
    ]);
  });

  it('ClusterIP → LoadBalancer with allocateLoadBalancerNodePorts false: zero values stay 0', () => {
    const u = run(
      { type: 'ClusterIP', ports: [{ name: 'http', port: 80 }] },
      { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ name: 'http', port: 80 }] },
    ).update!;
    expect([u.httpStatus, u.allocated, u.stored?.nodePorts, u.stored?.allocateLoadBalancerNodePorts]).toEqual(
      [200, NOTHING, {}, false],
    );
  });
});

describe('R-API-UPD-9: no previous, no update block', () => {
  it('a typo in previous is refused with its field path', () => {
    const r = parseScenario({
      cluster: { nodes: [{ name: 'n', ip: '10.0.0.1' }] },
      previous: { metadata: { name: 'web' }, spec: { type: 'LoadBalancer', healthCheckNodPort: 32000, ports: [{ port: 80 }] } as Spec },
      service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(!r.ok && r.issues).toEqual([{ path: 'previous.spec.healthCheckNodPort', message: 'unknown field "healthCheckNodPort" (did you mean "healthCheckNodePort"?)' }]);
  });

  it('a create has no `update` field', () => {
    const r = parseScenario({
      cluster: { nodes: [{ name: 'n', ip: '10.0.0.1' }] },
      service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(r.ok && 'update' in evaluate(r.scenario)).toBe(false);
  });
});

describe('R-API-4 on create with cluster.usedNodePorts / nodePortRange', () => {
  const create = (spec: Spec, cluster: Partial<ScenarioInput['cluster']>): Answer => {
    const r = parseScenario({
      cluster: { nodes: [{ name: 'n', ip: '10.0.0.1' }], ...cluster },
      service: { metadata: { name: 'web' }, spec },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return evaluate(r.scenario);
  };

  it('a requested nodePort held by another Service', () => {
    expect(
      create({ type: 'NodePort', ports: [{ port: 80, nodePort: 30090 }] }, { usedNodePorts: [30090] })
        .validation,
    ).toEqual({
      valid: false,
      errors: ['spec.ports[0].nodePort: Invalid value: 30090: provided port is already allocated'],
    });
  });

  it('a requested health-check port outside the range is an internal error', () => {
    expect(
      create(
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          healthCheckNodePort: 32500,
          ports: [{ port: 80 }],
        },
        { nodePortRange: '30000-32000' },
      ).validation,
    ).toEqual({
      valid: false,
      errors: [
        'Internal error occurred: failed to allocate requested HealthCheck NodePort 32500: provided port is not in the valid range. The range of valid ports is 30000-32000',
      ],
    });
  });

  it('ports the reader allocates avoid usedNodePorts', () => {
    const a = create(
      { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] },
      { usedNodePorts: [30000, 30001] },
    );
    expect(a.validation.valid).toBe(true);
    expect(a.service.healthCheckNodePort).toBe(30003);
  });

  it('R-API-2: allocateLoadBalancerNodePorts is reported, defaulted to true for LoadBalancer', () => {
    expect(
      create({ type: 'LoadBalancer', ports: [{ port: 80 }] }, {}).service.allocateLoadBalancerNodePorts,
    ).toBe(true);
    expect(
      create({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] }, {})
        .service.allocateLoadBalancerNodePorts,
    ).toBe(false);
    expect(
      create({ type: 'NodePort', ports: [{ port: 80 }] }, {}).service.allocateLoadBalancerNodePorts,
    ).toBeNull();
  });

  it('a bad nodePortRange is refused by the reader', () => {
    const r = parseScenario({
      cluster: { nodePortRange: '32767-30000', nodes: [{ name: 'n', ip: '10.0.0.1' }] },
      service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(!r.ok && r.issues).toEqual([
      { path: 'cluster.nodePortRange', message: 'must be FIRST-LAST with 1 <= FIRST <= LAST <= 65535' },
    ]);
  });
});
