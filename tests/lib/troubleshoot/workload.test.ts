/** The Workload is checked at the boundary: every problem at once, each with its path. */
import { curlFlow, kubectlDescribe, kubectlGet, type Workload } from '@/lib/troubleshoot';
import { scenario } from './fixtures';

describe('checkWorkload', () => {
  it("a Pod that is not in the scenario is named, with the scenario's Pods", () => {
    expect(() =>
      kubectlGet(scenario(), ['pods'], { workload: { pods: { 'web-9': { restarts: 1 } } } }),
    ).toThrow(
      'the workload is not valid: workload.pods.web-9: no Pod of that name in the scenario (its Pods: web-1, web-2, client)',
    );
  });

  it('a misspelt field and a bad port are both reported', () => {
    const bad = { pods: { 'web-1': { listens: { port: 80 }, containerPort: 70000 } } } as unknown as Workload;
    let message = '';
    try {
      kubectlDescribe(scenario(), 'pod', 'web-1', bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/workload\.pods\.web-1\.listens/);
    expect(message).toMatch(/workload\.pods\.web-1\.containerPort/);
  });

  it('a listen address other than 0.0.0.0 or 127.0.0.1 is refused by curlFlow too', () => {
    const bad = { pods: { 'web-1': { listen: { address: '10.0.0.1', port: 8080 } } } } as unknown as Workload;
    expect(() =>
      curlFlow(scenario({}, undefined, { traffic: [{ from: 'pod/client', to: 'clusterIP' }] }), 0, bad),
    ).toThrow(/workload\.pods\.web-1\.listen\.address/);
  });

  it('a valid workload passes', () => {
    expect(
      kubectlGet(scenario(), ['pods'], {
        workload: { age: '1h', pods: { 'web-1': { restarts: 0, readinessProbe: null } } },
      }),
    ).toContain('1h');
  });
});
