import {
  kubectlInvalidMessage,
  parseScenario,
  serviceAnswer,
  validateService,
  validateServiceUpdate,
  type Scenario,
  type ScenarioInput,
  type ServiceModel,
} from '@/lib/engine';

type Spec = ScenarioInput['service']['spec'];

function withSpec(spec: Partial<Spec>): Scenario {
  const r = parseScenario({
    cluster: { nodes: [{ name: 'node-a', ip: '10.0.1.10' }] },
    service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }], ...spec } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const errorsOf = (spec: Partial<Spec>) => validateService(withSpec(spec)).errors;

describe('validateService: exact API-server messages (R-API-3)', () => {
  it.each([
    [
      'Local on a ClusterIP Service',
      { type: 'ClusterIP', externalTrafficPolicy: 'Local' },
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
    [
      'Cluster on a ClusterIP Service',
      { type: 'ClusterIP', externalTrafficPolicy: 'Cluster' },
      ['spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services'],
    ],
    ['an unsupported externalTrafficPolicy', { type: 'NodePort', externalTrafficPolicy: 'Foo' }, ['spec.externalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"']],
    [
      'healthCheckNodePort on a NodePort + Local Service',
      { type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30000 },
      ["spec.healthCheckNodePort: Invalid value: 30000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    ],
    [
      'healthCheckNodePort on a LoadBalancer + Cluster Service',
      { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: 31000 },
      ["spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    ],
    ['an explicit healthCheckNodePort 0 on LoadBalancer + Local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 0 }, ['spec.healthCheckNodePort: Required value']],
    ['an unsupported internalTrafficPolicy', { internalTrafficPolicy: 'Node' }, ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"']],
    ['allocateLoadBalancerNodePorts on a NodePort Service', { type: 'NodePort', allocateLoadBalancerNodePorts: true }, ["spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    ['loadBalancerSourceRanges on a NodePort Service', { type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'] }, ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"]],
    [
      'an unsupported trafficDistribution',
      { trafficDistribution: 'Nearby' },
      ['spec.trafficDistribution: Unsupported value: "Nearby": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"'],
    ],
    ['a nodePort on a ClusterIP Service', { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['two ports without names', { ports: [{ port: 80 }, { port: 443 }] }, ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['two ports with the same name', { ports: [{ port: 80, name: 'web' }, { port: 443, name: 'web' }] }, ['spec.ports[1].name: Duplicate value: "web"']],
    [
      'several problems at once, in the API server order',
      { type: 'ClusterIP', loadBalancerSourceRanges: ['10.0.0.0/8'], externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, internalTrafficPolicy: 'x' },
      [
        "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
        'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
        "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        'spec.internalTrafficPolicy: Unsupported value: "x": supported values: "Cluster", "Local"',
      ],
    ],
  ] as const)('%s', (_name, spec, expected) => {
    const answer = validateService(withSpec(spec as Partial<Spec>));
    expect(answer).toEqual({ valid: false, errors: expected });
  });

  it.each([
    ['a LoadBalancer with Local and an allocated health-check port', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }],
    ['a ClusterIP Service with externalIPs and Local (R-API-1)', { type: 'ClusterIP', externalIPs: ['192.168.99.11'], externalTrafficPolicy: 'Local' }],
    ['a NodePort Service with Local and no health-check port', { type: 'NodePort', externalTrafficPolicy: 'Local' }],
    ['each trafficDistribution value', { trafficDistribution: 'PreferSameNode' }],
    ['a defaulted plain ClusterIP Service', {}],
  ] as const)('accepts %s', (_name, spec) => {
    expect(validateService(withSpec(spec as Partial<Spec>))).toEqual({ valid: true, errors: [] });
  });
});

describe('validateService on hand-built Services (fields defaulting would have set)', () => {
  const base = withSpec({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 });
  const edit = (patch: Partial<ServiceModel>) => validateService({ service: { ...base.service, ...patch } }).errors;

  it.each([
    ['an empty externalTrafficPolicy on an externally accessible Service', { externalTrafficPolicy: null, healthCheckNodePort: 0 }, ['spec.externalTrafficPolicy: Required value']],
    ['an unset internalTrafficPolicy', { internalTrafficPolicy: null }, ['spec.internalTrafficPolicy: Required value']],
    // Upstream builds this path without "spec." (field.NewPath("allocateLoadBalancerNodePorts")).
    ['an unset allocateLoadBalancerNodePorts on a LoadBalancer', { allocateLoadBalancerNodePorts: null }, ['allocateLoadBalancerNodePorts: Required value']],
  ] as const)('%s', (_name, patch, expected) => {
    expect(edit(patch as Partial<ServiceModel>)).toEqual(expected);
  });

  it('a NodePort or health-check port outside the default range is accepted: the range is a cluster setting (kube-proxy tests use 3001)', () => {
    expect(edit({ healthCheckNodePort: 3000 })).toEqual([]);
  });
});

describe('validateService: allocation failures come alone, before validation (R-API-4)', () => {
  it.each<[string, Partial<Spec>, string[]]>([
    [
      'two ports asking for the same NodePort and protocol',
      { type: 'NodePort', externalTrafficPolicy: 'Foo', ports: [{ name: 'a', port: 80, nodePort: 3001 }, { name: 'b', port: 81, nodePort: 3001 }] },
      ['spec.ports[1].nodePort: Invalid value: 3001: provided port is already allocated'],
    ],
    [
      'a health-check port already used as a NodePort',
      { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30080, ports: [{ port: 80, nodePort: 30080 }] },
      ['Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated'],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(errorsOf(spec)).toEqual(expected);
  });
});

describe('validateServiceUpdate (R-API-3 immutability, R-API-5 clearing)', () => {
  const lbLocal = withSpec({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 }).service;

  it('refuses changing healthCheckNodePort while both versions need one', () => {
    expect(validateServiceUpdate(lbLocal, { ...lbLocal, healthCheckNodePort: 32001 }).errors).toEqual(['spec.healthCheckNodePort: Forbidden: field is immutable']);
  });

  it('silently clears an unchanged externalTrafficPolicy and health-check port when the type becomes ClusterIP', () => {
    const r = validateServiceUpdate(lbLocal, { ...lbLocal, type: 'ClusterIP', allocateLoadBalancerNodePorts: null });
    expect(r).toMatchObject({ valid: true, errors: [] });
    expect([r.service.externalTrafficPolicy, r.service.healthCheckNodePort, r.service.ports[0]?.nodePort]).toEqual([null, 0, null]);
  });

  it('still refuses a ClusterIP update that states a new externalTrafficPolicy', () => {
    const r = validateServiceUpdate({ ...lbLocal, externalTrafficPolicy: 'Cluster', healthCheckNodePort: 0 }, { ...lbLocal, type: 'ClusterIP', allocateLoadBalancerNodePorts: null, healthCheckNodePort: 0 });
    expect(r.errors).toEqual(['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']);
  });
});

describe('kubectl message and the answer service block', () => {
  it.each([
    [['spec.healthCheckNodePort: Required value'], 'The Service "web" is invalid: spec.healthCheckNodePort: Required value'],
    [['a', 'b'], 'The Service "web" is invalid: [a, b]'],
  ])('formats %j', (errors, expected) => {
    expect(kubectlInvalidMessage('Service', 'web', errors)).toBe(expected);
  });

  it.each([
    ['LoadBalancer + Local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 }, { externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster', healthCheckNodePort: 32000, allocateLoadBalancerNodePorts: true }],
    ['NodePort + Local', { type: 'NodePort', externalTrafficPolicy: 'Local' }, { externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster', healthCheckNodePort: null, allocateLoadBalancerNodePorts: null }],
    ['ClusterIP with a refused Local', { type: 'ClusterIP', externalTrafficPolicy: 'Local' }, { externalTrafficPolicy: null, internalTrafficPolicy: 'Cluster', healthCheckNodePort: null, allocateLoadBalancerNodePorts: null }],
  ] as const)('serviceAnswer for %s', (_name, spec, expected) => {
    expect(serviceAnswer(withSpec(spec as Partial<Spec>).service)).toEqual(expected);
  });
});
