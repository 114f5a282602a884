/**
 * `kubectl get` for scenarios, every column checked. Expected texts are derived by hand from kubectl's source
 * (RULES.md R-KUBECTL-1…6): a column is its widest cell + 3 (at least 6), the last column is not padded.
 */
import { endpointSliceName, kubectlGet } from '@/lib/troubleshoot';
import { lines, scenario, web, CLIENT, TWO_WEB } from './fixtures';

const SLICE = endpointSliceName('web');
const NODE_PORT = { type: 'NodePort' as const, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] };
const notReady = [
  web('web-1', 'node-a', '10.244.1.5'),
  web('web-2', 'node-b', '10.244.2.7', { ready: false }),
  CLIENT,
];

describe('kubectl get svc,endpointslices,pods -o wide', () => {
  it('three tables, kind/name, a blank line between them; ENDPOINTS lists the not-ready Pod too', () => {
    expect(kubectlGet(scenario(NODE_PORT, notReady), ['svc', 'endpointslices', 'pods'], { wide: true })).toBe(
      lines(
        'NAME          TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE   SELECTOR',
        'service/web   NodePort   10.96.0.10   <none>        80:30080/TCP   5m    app=web',
        '',
        `${'NAME'.padEnd(43)}ADDRESSTYPE   PORTS   ENDPOINTS               AGE`,
        `${`endpointslice.discovery.k8s.io/${SLICE}`.padEnd(43)}IPv4          8080    10.244.1.5,10.244.2.7   5m`,
        '',
        'NAME         READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'pod/client   1/1     Running   0          5m    10.244.1.9   node-a   <none>           <none>',
        'pod/web-1    1/1     Running   0          5m    10.244.1.5   node-a   <none>           <none>',
        'pod/web-2    0/1     Running   0          5m    10.244.2.7   node-b   <none>           <none>',
      ),
    );
  });

  it('the kinds come in the order typed', () => {
    const out = kubectlGet(scenario(NODE_PORT), ['pods', 'svc']);
    expect(out.split('\n')[0]).toBe('NAME         READY   STATUS    RESTARTS   AGE');
    expect(out).toContain('\n\nNAME          TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\n');
  });
});

describe('kubectl get pods', () => {
  it('restarts with "(1m ago)", a terminating Pod, the workload age, sorted by name', () => {
    const pods = [
      web('web-2', 'node-b', '10.244.2.7', { terminating: true, ready: false, serving: false }),
      web('web-1', 'node-a', '10.244.1.5'),
      CLIENT,
    ];
    expect(
      kubectlGet(scenario({}, pods), ['pods'], {
        workload: { age: '2d', pods: { 'web-1': { restarts: 3 } } },
      }),
    ).toBe(
      lines(
        'NAME     READY   STATUS        RESTARTS     AGE',
        'client   1/1     Running       0            2d',
        'web-1    1/1     Running       3 (1m ago)   2d',
        'web-2    0/1     Terminating   0            2d',
      ),
    );
  });

  it("a terminating Pod that still serves is READY 1/1 (its Ready condition is the endpoint's serving)", () => {
    const pods = [web('web-1', 'node-a', '10.244.1.5', { terminating: true, ready: false, serving: true })];
    expect(kubectlGet(scenario({}, pods), ['pods'])).toBe(
      lines('NAME    READY   STATUS        RESTARTS   AGE', 'web-1   1/1     Terminating   0          5m'),
    );
  });
});

describe('kubectl get svc', () => {
  const HOST = 'k8s-web-0123456789.elb.eu-west-1.amazonaws.com';
  const LB = { type: 'LoadBalancer' as const, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] };
  const hostnameLB = scenario(LB, TWO_WEB, { status: { loadBalancer: { ingress: [{ hostname: HOST }] } } });

  it('EXTERNAL-IP is clipped to 13 characters and "..." without -o wide', () => {
    expect(kubectlGet(hostnameLB, ['svc'])).toBe(
      lines(
        'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)        AGE',
        'web    LoadBalancer   10.96.0.10   k8s-web-01234...   80:30080/TCP   5m',
      ),
    );
  });

  it('and whole with -o wide', () => {
    expect(kubectlGet(hostnameLB, ['svc'], { wide: true })).toBe(
      lines(
        `NAME   TYPE           CLUSTER-IP   ${'EXTERNAL-IP'.padEnd(49)}PORT(S)        AGE   SELECTOR`,
        `web    LoadBalancer   10.96.0.10   ${HOST.padEnd(49)}80:30080/TCP   5m    app=web`,
      ),
    );
  });

  it('a LoadBalancer with no ingress yet is <pending>; its IPs sorted with the externalIPs after them', () => {
    expect(kubectlGet(scenario(LB), ['svc']).split('\n')[1]).toBe(
      'web    LoadBalancer   10.96.0.10   <pending>     80:30080/TCP   5m',
    );
    const two = scenario({ ...LB, externalIPs: ['192.168.99.11'] }, TWO_WEB, {
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.20' }, { ip: '203.0.113.10' }] } },
    });
    expect(kubectlGet(two, ['svc'], { wide: true })).toBe(
      lines(
        'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                               PORT(S)        AGE   SELECTOR',
        'web    LoadBalancer   10.96.0.10   203.0.113.10,203.0.113.20,192.168.99.11   80:30080/TCP   5m    app=web',
      ),
    );
  });

  it('a headless Service shows None; several ports are joined by commas', () => {
    const headless = scenario({
      clusterIP: 'None',
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'metrics', port: 9090, protocol: 'TCP' },
      ],
    });
    expect(kubectlGet(headless, ['svc'])).toBe(
      lines(
        'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)           AGE',
        'web    ClusterIP   None         <none>        80/TCP,9090/TCP   5m',
      ),
    );
  });
});

describe('kubectl get endpointslices', () => {
  it('more than three addresses: the first three and "+ N more..."', () => {
    const five = ['5', '6', '7', '8', '9'].map((d, i) => web(`web-${i + 1}`, 'node-a', `10.244.1.${d}`));
    expect(kubectlGet(scenario({}, five), ['endpointslices'])).toBe(
      lines(
        `${'NAME'.padEnd(SLICE.length + 3)}ADDRESSTYPE   PORTS   ENDPOINTS                                      AGE`,
        `${SLICE.padEnd(SLICE.length + 3)}IPv4          8080    10.244.1.5,10.244.1.6,10.244.1.7 + 2 more...   5m`,
      ),
    );
  });

  it("no Pod selected: the controller's placeholder slice, PORTS and ENDPOINTS <unset>", () => {
    expect(kubectlGet(scenario({ selector: { app: 'nothing' } }), ['endpointslices'])).toBe(
      lines(
        `${'NAME'.padEnd(SLICE.length + 3)}ADDRESSTYPE   PORTS     ENDPOINTS   AGE`,
        `${SLICE.padEnd(SLICE.length + 3)}IPv4          <unset>   <unset>     5m`,
      ),
    );
  });

  it('a kind with no object prints nothing and does not count as a second kind', () => {
    const bare = scenario({ selector: undefined }, []);
    expect(kubectlGet(bare, ['svc', 'endpointslices'])).toBe(
      lines(
        'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'web    ClusterIP   10.96.0.10   <none>        80/TCP    5m',
      ),
    );
  });
});

describe('endpointSliceName', () => {
  it("is the Service name, a dash and 5 characters of utilrand's alphabet, the same every time", () => {
    expect(SLICE).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(endpointSliceName('web')).toBe(SLICE);
    expect(endpointSliceName('api')).not.toBe(endpointSliceName('apj'));
  });
  it('cuts a long prefix to 58 characters, as generateName does', () => {
    const name = endpointSliceName('a'.repeat(63));
    expect(name).toHaveLength(63);
    expect(name.slice(0, 58)).toBe('a'.repeat(58));
  });
});
