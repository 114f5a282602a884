/**
 * Importing a real cluster: what `kubectl get nodes,pods,services,endpointslices -A -o yaml` (or `-o json`)
 * prints → a scenario in the engine's format (scenario-format.md) for one Service, with the defaults it had to
 * assume. Pure TypeScript (the lint wall of eslint.config.mjs): it runs in the browser and in the CLI.
 *
 *   importCluster(text, {service?})   → {ok, scenario, assumptions, notes, service, services} | {ok: false, issues}
 *   formatImportIssue(issue)          → "document 1, items[3].spec.podCIDR (line 120): …"
 */
export { importCluster, type ImportedScenario, type ImportOptions, type ImportResult } from './import-cluster';
export { formatImportIssue, type ImportIssue } from './issues';
export type { Assumption } from './assumptions';
export { readerCapabilities, type ReaderCapabilities } from './capabilities';
export {
  CNI_LABEL,
  CNI_UNSET,
  CNI_UNSET_LABEL,
  CNIS,
  PROVIDER_LABEL,
  PROVIDERS,
  PROXY_MODE_LABEL,
  PROXY_MODES,
  defaultChoices,
  importQuestions,
  withChoices,
  type ImportChoices,
  type ImportQuestions,
} from './choices';
