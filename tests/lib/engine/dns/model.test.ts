/**
 * The DNS model on Services and Pods (R-DNS-2, R-DNS-6, R-DNS-7, R-DNS-11, R-DNS-12): the EndpointSlices the
 * controller would write, and what a Pod's lookup returns. Expected values are written by hand from RULES.md.
 */
import {
  dnsClusterOf,
  lookupFromPod,
  recordText,
  resolveDns,
  searchList,
  type DnsPodInput,
  type DnsServiceInput,
} from '@/lib/engine/dns';

const pods: DnsPodInput[] = [
  {
    name: 'db-0',
    namespace: 'shop',
    ip: '10.244.1.10',
    labels: { app: 'db' },
    hostname: 'db-0',
    subdomain: 'db',
    containerPorts: [{ name: 'pg', containerPort: 5432 }],
  },
  {
    name: 'db-1',
    namespace: 'shop',
    ip: '10.244.2.10',
    labels: { app: 'db' },
    hostname: 'db-1',
    subdomain: 'db',
    ready: false,
    containerPorts: [{ name: 'pg', containerPort: 5432 }],
  },
  { name: 'web-1', namespace: 'shop', ip: '10.244.1.20', labels: { app: 'web' } },
  {
    name: 'web-2',
    namespace: 'shop',
    ip: '10.244.2.20',
    labels: { app: 'web' },
    terminating: true,
    ready: false,
  },
  { name: 'other', namespace: 'payments', ip: '10.244.3.5', labels: { app: 'db' } },
];
const services: DnsServiceInput[] = [
  {
    name: 'db',
    namespace: 'shop',
    clusterIP: 'None',
    selector: { app: 'db' },
    ports: [{ name: 'postgres', port: 5432, targetPort: 'pg' }],
  },
  {
    name: 'db-peers',
    namespace: 'shop',
    clusterIP: 'None',
    selector: { app: 'db' },
    publishNotReadyAddresses: true,
    ports: [{ name: 'postgres', port: 5432, targetPort: 'pg' }],
  },
  {
    name: 'web',
    namespace: 'shop',
    clusterIP: '10.96.0.20',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }, { port: 9090 }],
  },
  {
    name: 'pay',
    namespace: 'payments',
    clusterIP: '10.96.5.5',
    selector: { app: 'pay' },
    ports: [{ name: 'https', port: 443 }],
  },
  { name: 'stripe', namespace: 'payments', type: 'ExternalName', externalName: 'api.stripe.com', ports: [] },
];
const cluster = dnsClusterOf(services, pods);
const texts = (name: string, type: 'A' | 'SRV' | 'CNAME') =>
  resolveDns(cluster, name, type)
    .answer.map((r) => `${r.type} ${r.data}`)
    .sort();

describe('the EndpointSlices the DNS reads (R-DNS-2)', () => {
  it('selects Pods in the Service namespace only, marks readiness, sets hostnames for the matching subdomain, resolves named target ports', () => {
    const db = cluster.slices.filter((s) => s.service === 'db');
    expect(db).toEqual([
      {
        service: 'db',
        namespace: 'shop',
        endpoints: [
          { ip: '10.244.1.10', ready: true, hostname: 'db-0' },
          { ip: '10.244.2.10', ready: false, hostname: 'db-1' },
        ],
        ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
      },
    ]);
    // db-peers does not match the Pods' subdomain (db): no hostnames; publishNotReadyAddresses: all ready.
    expect(cluster.slices.find((s) => s.service === 'db-peers')!.endpoints).toEqual([
      { ip: '10.244.1.10', ready: true },
      { ip: '10.244.2.10', ready: true },
    ]);
    // A terminating Pod is not ready.
    expect(cluster.slices.find((s) => s.service === 'web')!.endpoints).toEqual([
      { ip: '10.244.1.20', ready: true },
      { ip: '10.244.2.20', ready: false },
    ]);
  });
});

describe('answers for Services and Pods', () => {
  it('a headless Service answers its ready endpoints only; publishNotReadyAddresses adds the rest', () => {
    expect(texts('db.shop.svc.cluster.local', 'A')).toEqual(['A 10.244.1.10']);
    expect(texts('db-peers.shop.svc.cluster.local', 'A')).toEqual(['A 10.244.1.10', 'A 10.244.2.10']);
  });

  it('a Pod with hostname and subdomain is named under its headless Service while ready', () => {
    expect(texts('db-0.db.shop.svc.cluster.local', 'A')).toEqual(['A 10.244.1.10']);
    expect(resolveDns(cluster, 'db-1.db.shop.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    // Under the Service that does not match its subdomain, the Pod is named by its dashed address.
    expect(texts('10-244-2-10.db-peers.shop.svc.cluster.local', 'A')).toEqual(['A 10.244.2.10']);
  });

  it('headless SRV records carry the target port and name each endpoint', () => {
    const a = resolveDns(cluster, '_postgres._tcp.db.shop.svc.cluster.local', 'SRV');
    expect(a.answer.map(recordText)).toEqual([
      '_postgres._tcp.db.shop.svc.cluster.local.\t5\tIN\tSRV\t0 100 5432 db-0.db.shop.svc.cluster.local.',
    ]);
    expect(a.extra.map(recordText)).toEqual(['db-0.db.shop.svc.cluster.local.\t5\tIN\tA\t10.244.1.10']);
  });

  it('a ClusterIP Service answers its ClusterIP; SRV carries the Service port; an unnamed port has no _port name', () => {
    expect(texts('web.shop.svc.cluster.local', 'A')).toEqual(['A 10.96.0.20']);
    expect(texts('web.shop.svc.cluster.local', 'SRV')).toEqual([
      'SRV 0 50 80 web.shop.svc.cluster.local.',
      'SRV 0 50 9090 web.shop.svc.cluster.local.',
    ]);
    expect(texts('_http._tcp.web.shop.svc.cluster.local', 'SRV')).toEqual([
      'SRV 0 100 80 web.shop.svc.cluster.local.',
    ]);
    expect(resolveDns(cluster, '_http._udp.web.shop.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    // No endpoints at all: the ClusterIP is still answered.
    expect(texts('pay.payments.svc.cluster.local', 'A')).toEqual(['A 10.96.5.5']);
  });

  it('an ExternalName Service is a CNAME, with no SRV', () => {
    expect(texts('stripe.payments.svc.cluster.local', 'A')).toEqual(['CNAME api.stripe.com.']);
    expect(resolveDns(cluster, 'stripe.payments.svc.cluster.local', 'SRV')).toMatchObject({
      rcode: 'NOERROR',
      answer: [],
    });
  });
});

describe('a lookup from a Pod (R-DNS-12)', () => {
  it('tries the search list in order under ndots 5', () => {
    expect(searchList('shop')).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
    const short = lookupFromPod(cluster, 'shop', 'web', 'A');
    expect(short.tried).toEqual([{ name: 'web.shop.svc.cluster.local.', rcode: 'NOERROR' }]);
    const other = lookupFromPod(cluster, 'shop', 'pay.payments', 'A');
    expect(other.tried.map((t) => t.name)).toEqual([
      'pay.payments.shop.svc.cluster.local.',
      'pay.payments.svc.cluster.local.',
    ]);
    expect(other.answer.answer.map((r) => r.data)).toEqual(['10.96.5.5']);
    // A short name of a Service in another namespace is not found there.
    const wrong = lookupFromPod(cluster, 'shop', 'pay', 'A');
    expect(wrong.answer.rcode).toBe('NXDOMAIN');
    expect(wrong.tried).toHaveLength(4);
    // An absolute name is tried once, as written.
    expect(lookupFromPod(cluster, 'shop', 'web.shop.svc.cluster.local.', 'A').tried).toHaveLength(1);
  });
});
