/**
 * Cases from kubectl's own tests, with their objects, compared with the exact text those tests expect:
 *   kubernetes pkg/printers/internalversion/printers_test.go  TestPrintService, TestPrintEndpointSlice (rows printed
 *       by cli-runtime's table printer with NoHeaders, i.e. through kubectl's tabwriter);
 *   kubernetes/kubectl dee3483a pkg/describe/describe_test.go  TestDescribeService ("test1", "test2",
 *       "test-ready-field-empty"), TestDescribeEndpointSlice.
 * AGE is the text those tests get from their creation timestamps ("<unknown>" for none, "0s", "5m").
 */
import type { EndpointObject, EndpointSliceObject, ServiceObject } from '@/lib/troubleshoot/k8s';
import { describeEndpointSlice, describeService } from '@/lib/troubleshoot/describers';
import { endpointSliceRow, serviceRow } from '@/lib/troubleshoot/printers';
import { GET_TABS, tabwrite } from '@/lib/troubleshoot/tabwriter';

/** cli-runtime's table printer with NoHeaders: the cells joined by tabs, one line, through GetNewTabWriter. */
const printed = (cells: string[]) => tabwrite(`${cells.join('\t')}\n`, GET_TABS);

function svc(over: Partial<ServiceObject>): ServiceObject {
  return {
    name: 'svc',
    namespace: '',
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    selector: null,
    ipFamilyPolicy: null,
    ipFamilies: [],
    clusterIP: '',
    clusterIPs: [],
    externalIPs: [],
    loadBalancerIP: '',
    externalName: '',
    ingress: [],
    ports: [],
    sessionAffinity: '',
    externalTrafficPolicy: '',
    internalTrafficPolicy: null,
    healthCheckNodePort: 0,
    loadBalancerSourceRanges: [],
    trafficDistribution: null,
    age: '<unknown>',
    ...over,
  };
}

const tcp = (port: number, nodePort = 0) => ({ name: '', protocol: 'tcp', port, targetPort: 0, nodePort });

describe('printers_test.go TestPrintService', () => {
  const cases: [string, ServiceObject, string][] = [
    [
      'ClusterIP: name, cluster ip, port with protocol',
      svc({ name: 'test1', type: 'ClusterIP', ports: [tcp(2233)], clusterIP: '10.9.8.7', clusterIPs: ['10.9.8.7'] }),
      'test1   ClusterIP   10.9.8.7   <none>   2233/tcp   <unknown>\n',
    ],
    [
      'NodePort',
      svc({ name: 'test2', type: 'NodePort', ports: [tcp(8888, 9999)], clusterIP: '10.9.8.7', clusterIPs: ['10.9.8.7'] }),
      'test2   NodePort   10.9.8.7   <none>   8888:9999/tcp   <unknown>\n',
    ],
    [
      'LoadBalancer without status',
      svc({ name: 'test3', type: 'LoadBalancer', ports: [tcp(8888)], clusterIP: '10.9.8.7', clusterIPs: ['10.9.8.7'] }),
      'test3   LoadBalancer   10.9.8.7   <pending>   8888/tcp   <unknown>\n',
    ],
    [
      'LoadBalancer with one externalIP and no status',
      svc({ name: 'test4', type: 'LoadBalancer', ports: [tcp(8888)], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }),
      'test4   LoadBalancer   10.9.8.7   80.11.12.10   8888/tcp   <unknown>\n',
    ],
    [
      'LoadBalancer with one externalIP and an ingress with IP and hostname',
      svc({
        name: 'test5',
        type: 'LoadBalancer',
        ports: [tcp(8888)],
        clusterIPs: ['10.9.8.7'],
        externalIPs: ['80.11.12.10'],
        ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }],
      }),
      'test5   LoadBalancer   10.9.8.7   3.4.5.6,80.11.12.10   8888/tcp   <unknown>\n',
    ],
    [
      'LoadBalancer with two externalIPs and two ingresses',
      svc({
        name: 'test6',
        type: 'LoadBalancer',
        ports: [tcp(8888)],
        clusterIPs: ['10.9.8.7'],
        externalIPs: ['80.11.12.10', '80.11.12.11'],
        ingress: [
          { ip: '2.3.4.5', hostname: 'test.cluster.local' },
          { ip: '3.4.5.6', hostname: 'test.cluster.com' },
        ],
      }),
      'test6   LoadBalancer   10.9.8.7   2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11   8888/tcp   <unknown>\n',
    ],
    [
      'ExternalName',
      svc({ name: 'test7', type: 'ExternalName', externalName: 'my.database.example.com' }),
      'test7   ExternalName   <none>   my.database.example.com   <none>   <unknown>\n',
    ],
  ];
  it.each(cases)('%s', (_name, service, expected) => {
    expect(printed(serviceRow(service, false))).toBe(expected);
  });
});

describe('printers_test.go TestPrintEndpointSlice', () => {
  const ep = (...addresses: string[]): EndpointObject => ({
    addresses,
    ready: null,
    serving: null,
    terminating: null,
    hostname: null,
    targetRef: null,
    nodeName: null,
    zone: null,
    hints: null,
  });
  const port = (name: string, n: number) => ({ name, port: n, protocol: 'TCP' });
  it('one port, one endpoint with two addresses', () => {
    const row = endpointSliceRow({ name: 'abcslice.123', addressType: 'IP', ports: [port('http', 80)], endpoints: [ep('10.1.2.3', '2001:db8::1234:5678')], age: '0s' });
    expect(printed(row)).toBe('abcslice.123   IP    80    10.1.2.3,2001:db8::1234:5678   0s\n');
  });
  it('two ports, four addresses: "+ 1 more..."', () => {
    const row = endpointSliceRow({
      name: 'longerslicename.123',
      addressType: 'IP',
      ports: [port('http', 80), port('https', 443)],
      endpoints: [ep('10.1.2.3', '2001:db8::1234:5678'), ep('10.2.3.4', '2001:db8::2345:6789')],
      age: '5m',
    });
    expect(printed(row)).toBe('longerslicename.123   IP    80,443   10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...   5m\n');
  });
  it('four ports: "+ 1 more..." in PORTS too', () => {
    const row = endpointSliceRow({
      name: 'multiportslice.123',
      addressType: 'IP',
      ports: [port('http', 80), port('https', 443), port('extra1', 3000), port('extra2', 3001)],
      endpoints: [ep('10.1.2.3', '2001:db8::1234:5678'), ep('10.2.3.4', '2001:db8::2345:6789')],
      age: '5m',
    });
    expect(printed(row)).toBe(
      'multiportslice.123   IP    80,443,3000 + 1 more...   10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...   5m\n',
    );
  });
});

/** describe_test.go TestDescribeService: a LoadBalancer "bar" in "foo", one port "port-tcp" 8080 → 9527, NodePort 31111. */
function describeServiceCase(over: Partial<ServiceObject>): ServiceObject {
  return svc({
    name: 'bar',
    namespace: 'foo',
    type: 'LoadBalancer',
    ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
    selector: { blah: 'heh' },
    clusterIP: '1.2.3.4',
    ipFamilies: ['IPv4'],
    loadBalancerIP: '5.6.7.8',
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Local',
    internalTrafficPolicy: 'Cluster',
    healthCheckNodePort: 32222,
    ...over,
  });
}

function slice(name: string, endpoints: [string, boolean | null][], protocol = 'TCP'): EndpointSliceObject {
  return {
    name,
    namespace: 'foo',
    labels: { 'kubernetes.io/service-name': 'bar' },
    annotations: {},
    addressType: 'IPv4',
    ports: [{ name: 'port-tcp', port: 9527, protocol }],
    endpoints: endpoints.map(([ip, ready]) => ({
      addresses: [ip],
      ready,
      serving: null,
      terminating: null,
      hostname: null,
      targetRef: null,
      nodeName: null,
      zone: null,
      hints: null,
    })),
    age: '0s',
  };
}

/** dedent.Dedent(`…`)[1:] of the Go test: the lines as written, each ending in a newline. */
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('describe_test.go TestDescribeService', () => {
  it('test1: ingress with ipMode VIP, three ready endpoints', () => {
    const service = describeServiceCase({ ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] });
    const slices = [slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]])];
    expect(describeService(service, slices, [])).toBe(
      lines(
        'Name:                     bar',
        'Namespace:                foo',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 blah=heh',
        'Type:                     LoadBalancer',
        'IP Families:              IPv4',
        'IP:                       1.2.3.4',
        'IPs:                      <none>',
        'Desired LoadBalancer IP:  5.6.7.8',
        'LoadBalancer Ingress:     5.6.7.8 (VIP)',
        'Port:                     port-tcp  8080/TCP',
        'TargetPort:               9527/TCP',
        'NodePort:                 port-tcp  31111/TCP',
        'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
        'Session Affinity:         None',
        'External Traffic Policy:  Local',
        'Internal Traffic Policy:  Cluster',
        'HealthCheck NodePort:     32222',
        'Events:                   <none>',
      ),
    );
  });

  it('test2: named targetPort, two slices, a not-ready endpoint skipped, "+ 1 more..."', () => {
    const service = describeServiceCase({
      ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }],
      internalTrafficPolicy: 'Local',
      ingress: [{ ip: '5.6.7.8' }],
    });
    const slices = [
      slice('bar-12345', [['10.244.0.1', true], ['10.244.0.2', true]], 'UDP'),
      slice('bar-54321', [['10.244.0.3', false], ['10.244.0.4', true], ['10.244.0.5', true]], 'UDP'),
    ];
    expect(describeService(service, slices, [])).toBe(
      lines(
        'Name:                     bar',
        'Namespace:                foo',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 blah=heh',
        'Type:                     LoadBalancer',
        'IP Families:              IPv4',
        'IP:                       1.2.3.4',
        'IPs:                      <none>',
        'Desired LoadBalancer IP:  5.6.7.8',
        'LoadBalancer Ingress:     5.6.7.8',
        'Port:                     port-tcp  8080/TCP',
        'TargetPort:               targetPort/TCP',
        'NodePort:                 port-tcp  31111/TCP',
        'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...',
        'Session Affinity:         None',
        'External Traffic Policy:  Local',
        'Internal Traffic Policy:  Local',
        'HealthCheck NodePort:     32222',
        'Events:                   <none>',
      ),
    );
  });

  it('test-ready-field-empty: an endpoint with no Ready condition counts as ready', () => {
    const service = describeServiceCase({});
    const slices = [slice('bar-abcdef', [['10.244.0.1', null]])];
    expect(describeService(service, slices, [])).toBe(
      lines(
        'Name:                     bar',
        'Namespace:                foo',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 blah=heh',
        'Type:                     LoadBalancer',
        'IP Families:              IPv4',
        'IP:                       1.2.3.4',
        'IPs:                      <none>',
        'Desired LoadBalancer IP:  5.6.7.8',
        'Port:                     port-tcp  8080/TCP',
        'TargetPort:               9527/TCP',
        'NodePort:                 port-tcp  31111/TCP',
        'Endpoints:                10.244.0.1:9527',
        'Session Affinity:         None',
        'External Traffic Policy:  Local',
        'Internal Traffic Policy:  Cluster',
        'HealthCheck NodePort:     32222',
        'Events:                   <none>',
      ),
    );
  });
});

describe('describe_test.go TestDescribeEndpointSlice', () => {
  it('two endpoints with two addresses each, one port without a name', () => {
    const eps: EndpointSliceObject = {
      name: 'foo.123',
      namespace: 'bar',
      labels: {},
      annotations: {},
      addressType: 'IPv4',
      ports: [{ name: null, port: 80, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['1.2.3.4', '1.2.3.5'], ready: true, serving: null, terminating: null, hostname: null, targetRef: { kind: 'Pod', name: 'test-123' }, nodeName: 'node-1', zone: 'us-central1-a', hints: null },
        { addresses: ['1.2.3.6', '1.2.3.7'], ready: true, serving: null, terminating: null, hostname: null, targetRef: { kind: 'Pod', name: 'test-124' }, nodeName: 'node-2', zone: null, hints: null },
      ],
      age: '0s',
    };
    expect(describeEndpointSlice(eps, [])).toBe(
      `Name:         foo.123
Namespace:    bar
Labels:       <none>
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  1.2.3.4, 1.2.3.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-123
    NodeName:   node-1
    Zone:       us-central1-a
  - Addresses:  1.2.3.6, 1.2.3.7
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-124
    NodeName:   node-2
    Zone:       <unset>
Events:         <none>
`,
    );
  });
});
