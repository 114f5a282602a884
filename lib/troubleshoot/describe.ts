/** `kubectl describe svc|endpointslice|pod NAME` for a scenario (describers.ts has the describers themselves). */
import type { ScenarioInput } from '@/lib/engine';
import { describeEndpointSlice, describePod, describeService } from './describers';
import { clusterOf, endpointSliceObject, podObject, serviceObject } from './objects';
import type { DescribeResource, Workload } from './types';
import { checkWorkload } from './workload';

/**
 * What `kubectl describe <resource> <name>` prints. A name that does not exist gives kubectl's own error text
 * (`Error from server (NotFound): services "x" not found`), as the learner would see it.
 */
export function kubectlDescribe(
  scenario: ScenarioInput,
  resource: DescribeResource,
  name: string,
  workload?: Workload,
): string {
  const cluster = clusterOf(scenario);
  checkWorkload(cluster.scenario, workload);
  const hasSlice = cluster.scenario.service.selector !== null || cluster.scenario.endpoints.length > 0;
  switch (resource) {
    case 'svc': {
      const service = serviceObject(cluster, workload);
      if (name !== service.name) return notFound('services', name);
      return describeService(service, hasSlice ? [endpointSliceObject(cluster, workload)] : [], []);
    }
    case 'endpointslice': {
      const slice = endpointSliceObject(cluster, workload);
      if (!hasSlice || slice.name !== name) return notFound('endpointslices.discovery.k8s.io', name);
      return describeEndpointSlice(slice, []);
    }
    case 'pod': {
      const pod = cluster.scenario.cluster.pods.find((p) => p.pod === name);
      if (!pod) return notFound('pods', name);
      return describePod(podObject(cluster, pod, workload));
    }
  }
}

/** The API server's NotFound as kubectl prints it (StatusError: `<resource> "<name>" not found`). */
function notFound(resource: string, name: string): string {
  return `Error from server (NotFound): ${resource} "${name}" not found\n`;
}
