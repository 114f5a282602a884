/** `kubectl describe` (k8s staging/src/k8s.io/kubectl/pkg/describe/describe.go). */
import type { ScenarioInput } from '@/lib/engine';
import type { DescribeResource, Workload } from './types';
import { clusterOf } from './objects';

export function kubectlDescribe(scenario: ScenarioInput, resource: DescribeResource, name: string, workload?: Workload): string {
  void clusterOf(scenario);
  void resource;
  void name;
  void workload;
  return '';
}
