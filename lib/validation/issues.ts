/**
 * One shape for every problem an input can have, and one converter from zod's issues to it. Used by the
 * engine's scenario reader, the kubectl importer, the grader, the JSON API, the learner's files and the settings
 * readers alike. Pure: no I/O, safe in the browser and in the engine.
 *
 * Path convention: the field's segments written as in JavaScript — names joined by dots, array indexes in
 * brackets, keys that are not identifiers quoted: `cluster.pods[2].ip`, `kinds[1]`, `answer.podShare`,
 * `labels["app.kubernetes.io/name"]`. The input as a whole is the empty path (ROOT_PATH); where people read it,
 * the reader names the whole in its own words (`scenario`, `document 2`, the file's name) via `formatIssue`.
 */
import type { z } from 'zod';
import { explainZodIssues, type ZodIssue } from './zod-words';

export type PathSegment = string | number;

export interface Issue {
  /** Where, e.g. `cluster.pods[2].ip`; ROOT_PATH (`''`) for the input as a whole. */
  path: string;
  /** 1-based line in the input text, when it came from text and the field is found there. */
  line?: number;
  message: string;
}

/** An issue whose path is still segments, for readers that look its line up in the source text. */
export interface RawIssue {
  path: PathSegment[];
  message: string;
}

/** The path of the input as a whole. */
export const ROOT_PATH = '';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['cluster','pods',2,'ip']` → `cluster.pods[2].ip`; `[]` → `''`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** The issue's path, or `root` (what the reader calls the whole input) for ROOT_PATH. */
export function issueWhere(issue: Pick<Issue, 'path'>, root: string): string {
  return issue.path === ROOT_PATH ? root : issue.path;
}

/** One line: `cluster.pods[2].ip (line 14): must be …`; the whole input is called `root`. */
export function formatIssue(issue: Issue, root: string): string {
  return `${issueWhere(issue, root)}${issue.line === undefined ? '' : ` (line ${issue.line})`}: ${issue.message}`;
}

export interface ZodIssueOptions {
  /** Segments put before each issue's own path (the body's field the schema parsed). */
  prefix?: readonly PathSegment[];
  /**
   * Explain in the reader's words (engine, importer): the offending value quoted, "is required" for a missing
   * field, an unknown key reported on that key with a "did you mean" hint, a union explained by the one branch
   * whose type matched. Without it, each issue keeps the message its schema (or zod) gave it.
   */
  explain?: { input: unknown; schema: z.core.$ZodType };
}

/** zod's issues (every failing field, not only the first) as RawIssues: segments, message. */
export function zodRawIssues(issues: z.ZodError | readonly ZodIssue[], options: ZodIssueOptions = {}): RawIssue[] {
  const list = 'issues' in issues ? issues.issues : issues;
  const raw = options.explain
    ? explainZodIssues(list, options.explain.input, options.explain.schema)
    : list.map((i) => ({ path: i.path.filter((p): p is PathSegment => typeof p !== 'symbol'), message: i.message }));
  const prefix = options.prefix ?? [];
  return prefix.length === 0 ? raw : raw.map((i) => ({ path: [...prefix, ...i.path], message: i.message }));
}

/** zod's issues (every failing field) as Issues with the path convention above. */
export function zodIssues(issues: z.ZodError | readonly ZodIssue[], options: ZodIssueOptions = {}): Issue[] {
  return zodRawIssues(issues, options).map((i) => ({ path: formatPath(i.path), message: i.message }));
}
