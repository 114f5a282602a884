/**
 * @jest-environment node
 *
 * importCluster: kubectl output → a scenario the engine reads. Inputs are written here as small kubectl-shaped
 * objects; expected values are read off those inputs, not off the code.
 */
import { stringify } from 'yaml';
import { parseScenario } from '@/lib/engine';
import { formatImportIssue, importCluster, readerCapabilities, type ImportResult } from '@/lib/import';

const node = (name: string, ip: string, extra: { zone?: string; providerID?: string; podCIDR?: string; taints?: string[]; deleting?: boolean } = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    uid: `uid-${name}`,
    labels: { 'kubernetes.io/hostname': name, ...(extra.zone ? { 'topology.kubernetes.io/zone': extra.zone } : {}) },
    ...(extra.deleting ? { deletionTimestamp: '2026-12-01T10:00:00Z' } : {}),
  },
  spec: {
    ...(extra.podCIDR ? { podCIDR: extra.podCIDR, podCIDRs: [extra.podCIDR] } : {}),
    ...(extra.providerID ? { providerID: extra.providerID } : {}),
    ...(extra.taints ? { taints: extra.taints.map((key) => ({ key, effect: 'NoSchedule' })) } : {}),
  },
  status: { addresses: [{ type: 'Hostname', address: name }, { type: 'InternalIP', address: ip }] },
});
const pod = (name: string, nodeName: string, ip: string, ready = true, labels: Record<string, string> = { app: 'web' }, extra: { deleting?: boolean; namespace?: string } = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: extra.namespace ?? 'default', labels, ...(extra.deleting ? { deletionTimestamp: '2026-12-01T10:00:00Z' } : {}) },
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const service = (name: string, spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}, annotations?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', uid: 'u', ...(annotations ? { annotations } : {}) },
  spec: { type: 'ClusterIP', selector: { app: 'web' }, clusterIP: '10.96.0.10', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  status,
});
const list = (...items: unknown[]) => stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items });

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.issues.map(formatImportIssue).join('\n'));
  return r;
}
function issues(r: ImportResult) {
  if (r.ok) throw new Error('expected the import to fail');
  return r.issues;
}

describe('importCluster: mapping', () => {
  it('maps nodes: InternalIP, podCIDR, zone label, taint keys, deletionTimestamp', () => {
    const r = ok(
      importCluster(
        list(
          node('a', '10.0.1.10', { zone: 'z1', podCIDR: '10.244.1.0/24', taints: ['ToBeDeletedByClusterAutoscaler'], deleting: true }),
          node('b', '10.0.1.11'),
          pod('web-1', 'a', '10.244.1.5'),
          service('web'),
        ),
      ),
    );
    expect(r.scenario.cluster.nodes).toEqual([
      { name: 'a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24', zone: 'z1', taints: ['ToBeDeletedByClusterAutoscaler'], deleting: true },
      { name: 'b', ip: '10.0.1.11' },
    ]);
    expect(parseScenario(r.scenario).ok).toBe(true);
  });

  it('derives endpoints from the selected Pods when there is no EndpointSlice, as the EndpointSlice controller does', () => {
    const r = ok(
      importCluster(
        list(
          node('a', '10.0.1.10'),
          pod('web-1', 'a', '10.244.1.5'),
          pod('web-2', 'a', '10.244.1.6', false),
          pod('web-3', 'a', '10.244.1.7', true, { app: 'web' }, { deleting: true }),
          pod('other', 'a', '10.244.1.8', true, { app: 'db' }),
          pod('web-elsewhere', 'a', '10.244.1.9', true, { app: 'web' }, { namespace: 'prod' }),
          service('web'),
        ),
      ),
    );
    const pods = r.scenario.cluster.pods.map((p) => [p.name, p.ready, p.serving ?? p.ready, p.terminating ?? false]);
    expect(pods).toEqual([
      ['web-1', true, true, false],
      ['web-2', false, false, false],
      ['web-3', false, true, true],
    ]);
    expect(r.notes.join('\n')).toMatch(/no EndpointSlice for default\/web/);
  });

  it('takes endpoints and their conditions and zones from the Service\'s EndpointSlices when present', () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      addressType: 'IPv4',
      metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: false, serving: true, terminating: true }, nodeName: 'a', zone: 'z9', targetRef: { kind: 'Pod', name: 'web-1' } },
        { addresses: ['10.0.9.9'], conditions: { ready: true }, nodeName: 'b' },
      ],
    };
    const r = ok(importCluster(list(node('a', '10.0.1.10', { zone: 'z1' }), node('b', '10.0.1.11'), pod('web-1', 'a', '10.244.1.5'), service('web'), slice)));
    expect(r.scenario.cluster.pods).toEqual([
      { name: 'web-1', node: 'a', ip: '10.244.1.5', labels: { app: 'web' }, zone: 'z9', ready: false, serving: true, terminating: true },
      { name: 'endpoint-10-0-9-9', node: 'b', ip: '10.0.9.9', labels: { app: 'web' }, ready: true },
    ]);
  });

  it('imports a Service without a selector from its slices', () => {
    const slice = {
      kind: 'EndpointSlice',
      metadata: { name: 'ext-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'ext' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.9.5'], nodeName: 'a' }],
    };
    const r = ok(importCluster(list(node('a', '10.0.1.10'), service('ext', { selector: undefined }), slice)));
    expect(r.scenario.cluster.pods).toEqual([{ name: 'endpoint-10-0-9-5', node: 'a', ip: '10.0.9.5', labels: {}, ready: true }]);
    expect(r.scenario.service).not.toHaveProperty('spec.selector');
  });

  it('keeps the Service as it is, dropping only what the engine does not model', () => {
    const r = ok(
      importCluster(
        list(
          node('a', '10.0.1.10'),
          service(
            'web',
            { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, loadBalancerClass: 'x', ports: [{ port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP', appProtocol: 'http' }] },
            { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'Proxy' }] } },
            { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'blue' },
          ),
        ),
      ),
    );
    expect(r.scenario.service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', annotations: { team: 'blue' } },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        ports: [{ port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }],
      },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'Proxy' }] } },
    });
  });

  it('reads kube-proxy\'s mode, clusterCIDR, nodePortAddresses and masqueradeAll from its ConfigMap', () => {
    const cm = {
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system' },
      data: { 'config.conf': 'mode: ipvs\nclusterCIDR: 10.244.0.0/16\nnodePortAddresses: ["10.0.1.0/24"]\niptables:\n  masqueradeAll: true\n' },
    };
    const r = ok(importCluster(list(node('a', '10.0.1.10'), service('web'), cm)));
    expect(r.scenario.cluster).toMatchObject({ proxyMode: 'ipvs', clusterCIDR: '10.244.0.0/16', nodePortAddresses: ['10.0.1.0/24'], masqueradeAll: true });
    expect(r.assumptions.map((a) => a.field)).not.toContain('cluster.proxyMode');
    const none = ok(importCluster(list(node('a', '10.0.1.10'), service('web'))));
    expect(none.assumptions).toContainEqual(expect.objectContaining({ field: 'cluster.proxyMode', value: 'iptables' }));
    const noCidr = ok(importCluster(list(node('a', '10.0.1.10'), service('web'), { ...cm, data: { 'config.conf': 'mode: ""\n' } })));
    expect(noCidr.scenario.cluster).toMatchObject({ proxyMode: 'iptables', detectLocal: false });
  });

  it('reads several YAML documents one after another, and JSON', () => {
    const text = [stringify(node('a', '10.0.1.10')), stringify({ kind: 'List', items: [pod('web-1', 'a', '10.244.1.5')] }), stringify(service('web'))].join('---\n');
    expect(ok(importCluster(text)).scenario.cluster.pods).toHaveLength(1);
    const json = JSON.stringify({ kind: 'List', items: [node('a', '10.0.1.10'), pod('web-1', 'a', '10.244.1.5'), service('web')] }, null, 2);
    expect(ok(importCluster(json)).scenario.cluster.pods).toHaveLength(1);
  });
});

describe('importCluster: choosing the Service', () => {
  const two = list(node('a', '10.0.1.10'), service('kubernetes'), service('web'), { ...service('api'), metadata: { name: 'api', namespace: 'prod' } });
  it('lists the Services when several are present and none is chosen', () => {
    const [issue] = issues(importCluster(two));
    expect(issue?.message).toMatch(/2 Services; choose one with --service NAMESPACE\/NAME: default\/web, prod\/api/);
  });
  it('imports the chosen one', () => {
    expect(ok(importCluster(two, { service: 'prod/api' })).service).toBe('prod/api');
    expect(issues(importCluster(two, { service: 'prod/nope' }))[0]?.message).toMatch(/no Service prod\/nope in the input; it has default\/kubernetes, default\/web, prod\/api/);
  });
});

describe('importCluster: assumptions', () => {
  const cases: [string, string, Record<string, string> | undefined, string | null, string | null][] = [
    ['gce://proj/europe-west1-b/n', 'gke', undefined, 'gcp', 'gke'],
    ['aws:///eu-west-1a/i-0abc', 'eks', { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }, 'aws-nlb', 'aws-vpc'],
    ['aws:///eu-west-1a/i-0abc', 'eks', undefined, 'aws-clb', 'aws-vpc'],
    ['azure:///subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/n', 'aks', undefined, 'azure', null],
    ['kind://docker/kind/kind-worker', 'kind', undefined, null, 'kindnet'],
  ];
  it.each(cases)('providerID %s (%s) → provider and plugin defaults, reported as assumptions', (providerID, _platform, annotations, provider, cni) => {
    const r = ok(importCluster(list(node('a', '10.0.1.10', { providerID }), service('web', { type: 'LoadBalancer' }, {}, annotations))));
    const caps = readerCapabilities();
    const byField = Object.fromEntries(r.assumptions.map((a) => [a.field, a.value]));
    expect(byField['loadBalancer.provider']).toBe(caps.provider && provider ? provider : undefined);
    expect(byField['cluster.cni']).toBe(caps.cni && cni ? cni : undefined);
    expect(r.scenario.loadBalancer?.provider).toBe(byField['loadBalancer.provider']);
    expect(r.scenario.cluster.cni).toBe(byField['cluster.cni']);
    for (const a of r.assumptions) expect(a.why).not.toBe('');
  });
});

describe('importCluster: bad input names what is wrong and where', () => {
  it('not YAML', () => {
    const [issue] = issues(importCluster('kind: List\nitems:\n  - kind: Node\n   bad: [\n'));
    expect(formatImportIssue(issue!)).toMatch(/^document 1 \(line \d\): not YAML/);
  });
  it('not JSON', () => {
    const [issue] = issues(importCluster('{\n  "kind": "List",\n  "items": [,]\n}'));
    expect(issue).toMatchObject({ document: 1, line: 3 });
    expect(issue?.message).toMatch(/not valid JSON at line 3/);
  });
  it('no Service: counts what was found, never echoes a Secret', () => {
    const secret = { kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: 'aHVudGVyMg==' } };
    const r = importCluster(list(node('a', '10.0.1.10'), secret));
    const text = issues(r).map(formatImportIssue).join('\n');
    expect(text).toMatch(/no Service in the input \(found 1 Node, 1 Secret\)/);
    expect(text).not.toMatch(/aHVudGVyMg|password|db/);
  });
  it('a List of another kind', () => {
    const r = importCluster(stringify({ kind: 'DeploymentList', items: [{ metadata: { name: 'web' } }] }));
    expect(issues(r)[0]?.message).toMatch(/no Service in the input \(found 1 Deployment\)/);
  });
  it('the Service has no selector and no slices', () => {
    const [issue] = issues(importCluster(list(node('a', '10.0.1.10'), service('web', { selector: undefined }))));
    expect(issue).toMatchObject({ document: 1, path: 'items[1].spec' });
    expect(issue?.message).toMatch(/no selector and the input has no EndpointSlice for it/);
  });
  it('every field of the wrong type, with its path and line', () => {
    const text = list(node('a', '10.0.1.10'), { ...node('b', '10.0.1.11'), spec: { taints: 'none' } }, { ...service('web'), spec: { ...service('web').spec, ports: [{ port: '80' }] } });
    const found = issues(importCluster(text));
    expect(found.map((i) => i.path)).toEqual(['items[1].spec.taints', 'items[2].spec.ports[0].port']);
    expect(found[0]?.message).toMatch(/^Node: must be a list, got "none"/);
    expect(found[1]?.message).toMatch(/^Service: must be a number, got "80"/);
    const lines = text.split('\n');
    expect(lines[(found[0]?.line ?? 0) - 1]).toMatch(/taints: none/);
    expect(lines[(found[1]?.line ?? 0) - 1]).toMatch(/port: "80"/);
  });
  it('an endpoint with no address, and a non-integer port, each with its path', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-x', labels: { 'kubernetes.io/service-name': 'web' } }, endpoints: [{ addresses: [] }] };
    const web = { ...service('web'), spec: { ...service('web').spec, ports: [{ port: 80.5 }] } };
    const found = issues(importCluster(list(node('a', '10.0.1.10'), web, slice)));
    expect(found.map((i) => [i.path, i.message])).toEqual([
      ['items[1].spec.ports[0].port', 'Service: must be an integer, got number 80.5'],
      ['items[2].endpoints[0].addresses', 'EndpointSlice: needs at least 1 entry'],
    ]);
  });
  it('an object with no kind, and an empty input', () => {
    expect(issues(importCluster('metadata: {name: x}\n'))[0]?.message).toMatch(/no kind/);
    expect(issues(importCluster('  \n'))[0]?.message).toMatch(/the input is empty/);
  });
  it('an endpoint on a node that is not in the input', () => {
    expect(issues(importCluster(list(node('a', '10.0.1.10'), pod('web-1', 'gone', '10.244.1.5'), service('web'))))[0]?.message).toMatch(/endpoint web-1 is on node gone, which is not in the input/);
  });
});
