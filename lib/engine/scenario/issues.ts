/**
 * Problems found while reading a scenario. Every issue names the field path (`cluster.pods[2].ip`) and, when
 * the scenario came from YAML or JSON text, the 1-based line of that field.
 */

export interface ScenarioIssue {
  /** Field path such as `cluster.pods[2].ip`; empty for the document itself. */
  path: string;
  /** 1-based line in the scenario text (absent when reading a JS value). */
  line?: number;
  message: string;
}

export type ScenarioResult<T> = { ok: true; scenario: T } | { ok: false; issues: ScenarioIssue[] };

export type PathSegment = string | number;

/** An issue before it is rendered: the path as segments, so the reader can find its line. */
export interface RawIssue {
  path: PathSegment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['cluster','pods',2,'ip']` → `cluster.pods[2].ip`; keys that are not identifiers are quoted: `labels["app.kubernetes.io/name"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** One line per issue: `cluster.pods[2].ip (line 14): must be an IPv4 address …`. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.path === '' ? 'scenario' : issue.path;
  const line = issue.line === undefined ? '' : ` (line ${issue.line})`;
  return `${where}${line}: ${issue.message}`;
}
