/**
 * Cases from CoreDNS's own tests of its kubernetes plugin, with their fixture, at coredns/coredns commit
 * 4b26cced32717eac6dd725e308d7415c8b9db147:
 *   plugin/kubernetes/handler_test.go               TestServeDNS (commonDnsTestCases, dnsTestCases), fixture
 *                                                   svcIndex / epsIndex of APIConnServeTest
 *   plugin/kubernetes/handler_pod_insecure_test.go  podModeInsecureCases
 * CoreDNS's test compares answers after sorting (test.SortAndCheck), so these compare sorted record texts too.
 * Cases that need what the model leaves out (IPv6 A/AAAA answers, the upstream lookup of an external name, TXT
 * dns-version, multicluster) are not ported.
 */
import { recordText, resolveDns, type DnsCluster, type DnsQueryType } from '@/lib/engine/dns';

const http = { name: 'http', port: 80, protocol: 'TCP' as const };
const FIXTURE: DnsCluster = {
  domain: 'cluster.local',
  ttl: 5,
  namespaces: ['testns', 'kube-system', 'podns'],
  services: [
    {
      name: 'kubedns',
      namespace: 'kube-system',
      type: 'ClusterIP',
      clusterIP: '10.0.0.10',
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
    },
    { name: 'svc1', namespace: 'testns', type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [http] },
    { name: 'svcempty', namespace: 'testns', type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [http] },
    { name: 'svc6', namespace: 'testns', type: 'ClusterIP', clusterIP: '1234:abcd::1', ports: [http] },
    { name: 'hdls1', namespace: 'testns', type: 'ClusterIP', clusterIP: 'None', ports: [] },
    {
      name: 'external',
      namespace: 'testns',
      type: 'ExternalName',
      externalName: 'ext.interwebs.test',
      ports: [http],
    },
    {
      name: 'external-to-service',
      namespace: 'testns',
      type: 'ExternalName',
      externalName: 'svc1.testns.svc.cluster.local.',
      ports: [http],
    },
    { name: 'hdlsprtls', namespace: 'testns', type: 'ClusterIP', clusterIP: 'None', ports: [] },
  ],
  slices: [
    {
      service: 'kubedns',
      namespace: 'kube-system',
      endpoints: [{ ip: '172.0.0.100' }],
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
    },
    {
      service: 'svc1',
      namespace: 'testns',
      endpoints: [{ ip: '172.0.0.1', hostname: 'ep1a' }],
      ports: [http],
    },
    { service: 'svcempty', namespace: 'testns', endpoints: [], ports: [http] },
    {
      service: 'hdls1',
      namespace: 'testns',
      endpoints: [
        { ip: '172.0.0.2' },
        { ip: '172.0.0.3' },
        { ip: '172.0.0.4', hostname: 'dup-name' },
        { ip: '172.0.0.5', hostname: 'dup-name' },
        { ip: '5678:abcd::1' },
        { ip: '5678:abcd::2' },
      ],
      ports: [http],
    },
    { service: 'hdlsprtls', namespace: 'testns', endpoints: [{ ip: '172.0.0.20' }], ports: [] },
  ],
};

interface Case {
  qname: string;
  qtype: DnsQueryType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  answer?: string[];
  extra?: string[];
}

// Records as CoreDNS's test writes them (whitespace normalised to tabs).
const rr = (s: string) => s.trim().split(/\s+/).join('\t');
const CASES: [source: string, Case][] = [
  [
    'A Service',
    {
      qname: 'svc1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['svc1.testns.svc.cluster.local.	5	IN	A	10.0.0.1'],
    },
  ],
  [
    'A Service without endpoints',
    {
      qname: 'svcempty.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['svcempty.testns.svc.cluster.local.	5	IN	A	10.0.0.1'],
    },
  ],
  [
    'SRV on the Service name',
    {
      qname: 'svc1.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: ['svc1.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc1.testns.svc.cluster.local.'],
      extra: ['svc1.testns.svc.cluster.local.  5       IN      A       10.0.0.1'],
    },
  ],
  [
    'SRV on an endpointless Service',
    {
      qname: 'svcempty.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: ['svcempty.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svcempty.testns.svc.cluster.local.'],
      extra: ['svcempty.testns.svc.cluster.local.  5       IN      A       10.0.0.1'],
    },
  ],
  [
    'SRV on an IPv6 Service',
    {
      qname: 'svc6.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: ['svc6.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc6.testns.svc.cluster.local.'],
      extra: ['svc6.testns.svc.cluster.local.  5       IN      AAAA       1234:abcd::1'],
    },
  ],
  [
    'SRV Service',
    {
      qname: '_http._tcp.svc1.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: ['_http._tcp.svc1.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svc1.testns.svc.cluster.local.'],
      extra: ['svc1.testns.svc.cluster.local.	5	IN	A	10.0.0.1'],
    },
  ],
  [
    'SRV Service without endpoints',
    {
      qname: '_http._tcp.svcempty.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: [
        '_http._tcp.svcempty.testns.svc.cluster.local.	5	IN	SRV	0 100 80 svcempty.testns.svc.cluster.local.',
      ],
      extra: ['svcempty.testns.svc.cluster.local.	5	IN	A	10.0.0.1'],
    },
  ],
  [
    'AAAA Service (with an existing A record, but no AAAA record)',
    { qname: 'svc1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR' },
  ],
  [
    'AAAA Service (non-existing service)',
    { qname: 'svc0.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN' },
  ],
  [
    'A Service (non-existing service)',
    { qname: 'svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  [
    'A Service (non-existing namespace)',
    { qname: 'svc0.svc-nons.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  [
    'A TXT record does not exist but another record for the same FQDN does',
    { qname: 'svc1.testns.svc.cluster.local.', qtype: 'TXT', rcode: 'NOERROR' },
  ],
  [
    'A TXT record does not exist and neither does another record for the same FQDN',
    { qname: 'svc0.svc-nons.svc.cluster.local.', qtype: 'TXT', rcode: 'NXDOMAIN' },
  ],
  [
    'A Service (Headless) does not exist',
    { qname: 'bogusendpoint.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  [
    'A Service does not exist',
    { qname: 'bogusendpoint.svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  [
    'A Service (Headless)',
    {
      qname: 'hdls1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: [
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5',
      ],
    },
  ],
  [
    'A Service (Headless and Portless)',
    {
      qname: 'hdlsprtls.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['hdlsprtls.testns.svc.cluster.local.	5	IN	A	172.0.0.20'],
    },
  ],
  [
    'A query for a subdomain of an external service',
    { qname: 'endpoint.external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NXDOMAIN' },
  ],
  [
    'A query for a subdomain of a subdomain of an external service',
    { qname: 'subdomain.subdomain.external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NXDOMAIN' },
  ],
  [
    'SRV Service (Headless)',
    {
      qname: '_http._tcp.hdls1.testns.svc.cluster.local.',
      qtype: 'SRV',
      rcode: 'NOERROR',
      answer: [
        '_http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 172-0-0-2.hdls1.testns.svc.cluster.local.',
        '_http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 172-0-0-3.hdls1.testns.svc.cluster.local.',
        '_http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 5678-abcd--1.hdls1.testns.svc.cluster.local.',
        '_http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 5678-abcd--2.hdls1.testns.svc.cluster.local.',
        '_http._tcp.hdls1.testns.svc.cluster.local.	5	IN	SRV	0 16 80 dup-name.hdls1.testns.svc.cluster.local.',
      ],
      extra: [
        '172-0-0-2.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2',
        '172-0-0-3.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3',
        '5678-abcd--1.hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::1',
        '5678-abcd--2.hdls1.testns.svc.cluster.local.	5	IN	AAAA	5678:abcd::2',
        'dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4',
        'dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5',
      ],
    },
  ],
  [
    'An A record query for an existing headless service (ipv4 endpoints)',
    {
      qname: 'hdls1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: [
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4',
        'hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5',
      ],
    },
  ],
  [
    'An A record for a portless headless endpoint',
    {
      qname: '172-0-0-20.hdlsprtls.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['172-0-0-20.hdlsprtls.testns.svc.cluster.local.	5	IN	A	172.0.0.20'],
    },
  ],
  [
    'An A record for a headless endpoint (1)',
    {
      qname: '172-0-0-2.hdls1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['172-0-0-2.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.2'],
    },
  ],
  [
    'An A record for a headless endpoint (2)',
    {
      qname: '172-0-0-3.hdls1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['172-0-0-3.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.3'],
    },
  ],
  [
    'An A record for two endpoints with one hostname',
    {
      qname: 'dup-name.hdls1.testns.svc.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: [
        'dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.4',
        'dup-name.hdls1.testns.svc.cluster.local.	5	IN	A	172.0.0.5',
      ],
    },
  ],
  [
    'CNAME External',
    {
      qname: 'external.testns.svc.cluster.local.',
      qtype: 'CNAME',
      rcode: 'NOERROR',
      answer: ['external.testns.svc.cluster.local.	5	IN	CNAME	ext.interwebs.test.'],
    },
  ],
  [
    'CNAME External To Internal Service',
    {
      qname: 'external-to-service.testns.svc.cluster.local',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: [
        'external-to-service.testns.svc.cluster.local.	5	IN	CNAME	svc1.testns.svc.cluster.local.',
        'svc1.testns.svc.cluster.local.	5	IN	A	10.0.0.1',
      ],
    },
  ],
  [
    'pods insecure: a Pod address',
    {
      qname: '10-240-0-1.podns.pod.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['10-240-0-1.podns.pod.cluster.local.	5	IN	A	10.240.0.1'],
    },
  ],
  [
    'pods insecure: any address, no Pod needed',
    {
      qname: '172-0-0-2.podns.pod.cluster.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      answer: ['172-0-0-2.podns.pod.cluster.local.	5	IN	A	172.0.0.2'],
    },
  ],
  [
    'pods insecure: not an address',
    { qname: 'blah.podns.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  [
    'pods insecure: not an address (AAAA)',
    { qname: 'blah.podns.pod.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN' },
  ],
  [
    'pods insecure: no such namespace',
    { qname: 'blah.pod-nons.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN' },
  ],
  ['pods insecure: the namespace name', { qname: 'podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR' }],
];

describe("CoreDNS's kubernetes plugin tests, answered by the DNS model", () => {
  it.each(CASES)('%s', (_source, c) => {
    const got = resolveDns(FIXTURE, c.qname, c.qtype);
    expect({
      rcode: got.rcode,
      answer: got.answer.map((r) => rr(recordText(r))).sort(),
      extra: got.extra.map((r) => rr(recordText(r))).sort(),
    }).toEqual({
      rcode: c.rcode,
      answer: (c.answer ?? []).map(rr).sort(),
      extra: (c.extra ?? []).map(rr).sort(),
    });
  });

  it('cites a rule in every step', () => {
    for (const [, c] of CASES) {
      for (const step of resolveDns(FIXTURE, c.qname, c.qtype).steps) expect(step).toMatch(/^R-DNS-\d+: /);
    }
  });
});
