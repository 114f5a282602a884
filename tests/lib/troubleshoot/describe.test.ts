/**
 * `kubectl describe` for scenarios. Expected texts are derived by hand from describe.go (RULES.md R-KUBECTL-7…10):
 * tabwriter padding 2, no minimum, columns aligned per block of consecutive lines that have that column.
 */
import { createHash } from 'node:crypto';
import { endpointSliceName, kubectlDescribe } from '@/lib/troubleshoot';
import { lines, scenario, web, CLIENT } from './fixtures';

const NODE_PORT = { type: 'NodePort' as const, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] };
const notReady = [
  web('web-1', 'node-a', '10.244.1.5'),
  web('web-2', 'node-b', '10.244.2.7', { ready: false }),
  CLIENT,
];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('kubectl describe svc', () => {
  it('a NodePort Service: Endpoints lists only the ready Pod', () => {
    expect(kubectlDescribe(scenario(NODE_PORT, notReady), 'svc', 'web')).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.10',
        'IPs:                      10.96.0.10',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'NodePort:                 <unset>  30080/TCP',
        'Endpoints:                10.244.1.5:8080',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('no ready endpoint: nothing after "Endpoints:" but the padding (the slice exists)', () => {
    const pods = [web('web-1', 'node-a', '10.244.1.5', { ready: false })];
    const out = kubectlDescribe(scenario({}, pods), 'svc', 'web');
    expect(out).toContain('\nEndpoints:                \n');
    expect(out).not.toContain('Endpoints:                <none>');
  });

  it('a LoadBalancer with every optional line', () => {
    const s = scenario(
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        sessionAffinity: 'ClientIP',
        loadBalancerSourceRanges: ['198.51.100.0/24'],
        trafficDistribution: 'PreferClose',
        ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      [web('web-1', 'node-a', '10.244.1.5'), web('web-2', 'node-b', '10.244.2.7')],
      { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } },
    );
    expect(kubectlDescribe(s, 'svc', 'web')).toBe(
      lines(
        'Name:                        web',
        'Namespace:                   default',
        'Labels:                      <none>',
        'Annotations:                 <none>',
        'Selector:                    app=web',
        'Type:                        LoadBalancer',
        'IP Family Policy:            SingleStack',
        'IP Families:                 IPv4',
        'IP:                          10.96.0.10',
        'IPs:                         10.96.0.10',
        'LoadBalancer Ingress:        203.0.113.10 (VIP)',
        'Port:                        http  80/TCP',
        'TargetPort:                  8080/TCP',
        'NodePort:                    http  30080/TCP',
        'Endpoints:                   10.244.1.5:8080,10.244.2.7:8080',
        'Session Affinity:            ClientIP',
        'External Traffic Policy:     Local',
        'Internal Traffic Policy:     Cluster',
        'HealthCheck NodePort:        32000',
        'LoadBalancer Source Ranges:  198.51.100.0/24',
        'Traffic Distribution:        PreferClose',
        'Events:                      <none>',
      ),
    );
  });

  it("an unknown name is the API server's NotFound", () => {
    expect(kubectlDescribe(scenario(), 'svc', 'api')).toBe(
      'Error from server (NotFound): services "api" not found\n',
    );
  });
});

describe('kubectl describe endpointslice', () => {
  it('one endpoint per selected Pod with its Ready condition; the Conditions line splits the alignment', () => {
    const name = endpointSliceName('web');
    expect(kubectlDescribe(scenario(NODE_PORT, notReady), 'endpointslice', name)).toBe(
      lines(
        `Name:         ${name}`,
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   node-a',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.2.7',
        '    Conditions:',
        '      Ready:    false',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-2',
        '    NodeName:   node-b',
        '    Zone:       <unset>',
        'Events:         <none>',
      ),
    );
  });

  it('the placeholder slice: "Ports: <unset>" and "Endpoints: <none>" (no tab, so no alignment)', () => {
    const name = endpointSliceName('web');
    const out = kubectlDescribe(scenario({ selector: { app: 'nothing' } }), 'endpointslice', name);
    expect(out).toContain('\nAddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
  });

  it("a name that is not the Service's slice is NotFound", () => {
    expect(kubectlDescribe(scenario(), 'endpointslice', 'web-zzzzz')).toBe(
      'Error from server (NotFound): endpointslices.discovery.k8s.io "web-zzzzz" not found\n',
    );
  });
});

describe('kubectl describe pod', () => {
  it('a ready Pod with the default workload', () => {
    expect(kubectlDescribe(scenario(NODE_PORT, notReady), 'pod', 'web-1')).toBe(
      lines(
        'Name:             web-1',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-a/10.0.1.10',
        'Start Time:       Mon, 30 Nov 2026 09:55:00 +0000',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:  10.244.1.5',
        'Containers:',
        '  app:',
        `    Container ID:   containerd://${sha256('container/web-1')}`,
        '    Image:          registry.example/echo:1.0',
        `    Image ID:       registry.example/echo@sha256:${sha256('image/registry.example/echo:1.0')}`,
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 30 Nov 2026 09:55:00 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Readiness:      http-get http://:8080/healthz delay=0s timeout=1s period=10s successThreshold=1 failureThreshold=3',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:                      <none>',
        'QoS Class:                    BestEffort',
        'Node-Selectors:               <none>',
        'Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:                       <none>',
      ),
    );
  });

  it("a not-ready Pod: Ready False, and the kubelet's readiness warning after a flush", () => {
    const out = kubectlDescribe(scenario(NODE_PORT, notReady), 'pod', 'web-2');
    expect(out).toContain('\n    Ready:          False\n');
    expect(out).toContain('\n  Ready                       False \n  ContainersReady             False \n');
    expect(
      out.endsWith(
        lines(
          'Events:',
          '  Type     Reason     Age               From     Message',
          '  ----     ------     ----              ----     -------',
          '  Warning  Unhealthy  3s (x30 over 5m)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503',
        ),
      ),
    ).toBe(true);
  });

  it('a terminating Pod after restarts, listening where the workload says, with its own events', () => {
    const pods = [web('web-1', 'node-a', '10.244.1.5', { terminating: true, ready: false, serving: false })];
    const out = kubectlDescribe(scenario({}, pods), 'pod', 'web-1', {
      pods: {
        'web-1': {
          restarts: 2,
          listen: { address: '0.0.0.0', port: 80 },
          readinessProbe: null,
          container: 'nginx',
          image: 'nginx:1.27',
          terminatingFor: '4s',
          events: [
            {
              type: 'Normal',
              reason: 'Killing',
              age: '4s',
              from: 'kubelet',
              message: 'Stopping container nginx',
            },
          ],
        },
      },
    });
    expect(out).toContain(
      '\nStatus:                    Terminating (lasts 4s)\nTermination Grace Period:  30s\n',
    );
    expect(out).toContain(
      lines(
        '  nginx:',
        `    Container ID:   containerd://${sha256('container/web-1')}`,
        '    Image:          nginx:1.27',
        `    Image ID:       nginx@sha256:${sha256('image/nginx:1.27')}`,
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 30 Nov 2026 09:55:00 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 30 Nov 2026 09:50:00 +0000',
        '      Finished:     Mon, 30 Nov 2026 09:54:58 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '    Environment:    <none>',
        '    Mounts:         <none>',
      ),
    );
    expect(out).not.toContain('Readiness:');
    expect(
      out.endsWith(
        lines(
          'Events:',
          '  Type    Reason   Age   From     Message',
          '  ----    ------   ----  ----     -------',
          '  Normal  Killing  4s    kubelet  Stopping container nginx',
        ),
      ),
    ).toBe(true);
  });

  it('a Pod that is not selected is described too; an unknown one is NotFound', () => {
    expect(kubectlDescribe(scenario(), 'pod', 'client')).toContain('\nLabels:           app=client\n');
    expect(kubectlDescribe(scenario(), 'pod', 'web-9')).toBe(
      'Error from server (NotFound): pods "web-9" not found\n',
    );
  });
});
