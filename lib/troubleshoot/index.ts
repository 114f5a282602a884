/**
 * The troubleshooting evidence layer (issue 13): what a learner would see on a real cluster for a scenario.
 * Pure TypeScript (the lint wall's core zone): no React, Next, database or Node I/O. The engine is reached only
 * through its one door (`runScenario`); no routing is re-derived here.
 *
 *   kubectlGet(scenario, ['svc','endpointslices','pods'], {wide})   `kubectl get …` tables (printers.go)
 *   kubectlDescribe(scenario, 'svc'|'endpointslice'|'pod', name)    `kubectl describe …` (describe.go)
 *   curlFlow(scenario, i, workload, {backend})                      what curl prints for flow i (RULES.md R-SYM-*)
 *   curlOutcomes(scenario, i, workload)                              every outcome of flow i with its probability
 *   curlCommand(scenario, i, options) / commandLine(command)         the command line the learner types
 *   endpointSliceName(serviceName)                                  the deterministic EndpointSlice name
 *   clusterOf(scenario)                                             the one engine run the printers share (cached per object)
 */
export type {
  Command,
  CurlOptions,
  CurlOutcome,
  CurlResult,
  DescribeResource,
  GetOptions,
  GetResource,
  PodEvent,
  PodRuntime,
  Workload,
} from './types';
export { kubectlGet } from './get';
export { kubectlDescribe } from './describe';
export { curlCommand, curlFlow, curlOutcomes } from './curl';
export { commandLine } from './command';
export { clusterOf, endpointSliceName } from './objects';
export type { Cluster } from './objects';
