/**
 * Problems found while reading a scenario: the codebase's one Issue (lib/validation/issues.ts). Every issue
 * names the field path (`cluster.pods[2].ip`, `''` for the scenario as a whole) and, when the scenario came from
 * YAML or JSON text, the 1-based line of that field.
 */
import { formatIssue as formatAnyIssue, type Issue } from '@/lib/validation/issues';

export { formatPath, type Issue, type PathSegment, type RawIssue } from '@/lib/validation/issues';

export type ScenarioResult<T> = { ok: true; scenario: T } | { ok: false; issues: Issue[] };

/** One line per issue: `cluster.pods[2].ip (line 14): must be an IPv4 address …`; the whole is `scenario`. */
export function formatIssue(issue: Issue): string {
  return formatAnyIssue(issue, 'scenario');
}
