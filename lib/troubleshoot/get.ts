/** `kubectl get` tables (k8s pkg/printers/internalversion/printers.go), printed through kubectl's tabwriter. */
import type { ScenarioInput } from '@/lib/engine';
import type { GetOptions, GetResource } from './types';
import { clusterOf } from './objects';

export function kubectlGet(scenario: ScenarioInput, resources: readonly GetResource[], opts: GetOptions = {}): string {
  void clusterOf(scenario);
  void resources;
  void opts;
  return '';
}
