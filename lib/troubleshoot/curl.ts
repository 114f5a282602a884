/** What curl prints when a flow of the scenario is tried (RULES.md, R-SYM-*). */
import type { ScenarioInput } from '@/lib/engine';
import type { CurlOptions, CurlOutcome, CurlResult, Workload } from './types';
import { clusterOf } from './objects';

export function curlFlow(scenario: ScenarioInput, flowIndex: number, workload?: Workload, options: CurlOptions = {}): CurlResult {
  void clusterOf(scenario);
  void flowIndex;
  void workload;
  void options;
  return { outcome: 'timeout', text: '' };
}

export function curlOutcomes(scenario: ScenarioInput, flowIndex: number, workload?: Workload, options: CurlOptions = {}): CurlOutcome[] {
  return [{ probability: '1', result: curlFlow(scenario, flowIndex, workload, options) }];
}

/** The curl command line for flow `flowIndex` (from a Pod: through `kubectl exec`). */
export function curlCommand(scenario: ScenarioInput, flowIndex: number, options: CurlOptions = {}): string {
  void clusterOf(scenario);
  void flowIndex;
  void options;
  return '';
}
