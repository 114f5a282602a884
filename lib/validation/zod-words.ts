/**
 * zod's issues in the reader's own words (issues.ts `zodIssues(…, {explain})`): one issue per failing field (zod
 * reports them all), an unknown key becomes an issue on that key with a "did you mean" hint, and the offending
 * value is quoted. Used where people fix a file they wrote (scenarios, kubectl output).
 */
import type { z } from 'zod';
import type { PathSegment, RawIssue } from './issues';

export type ZodIssue = z.core.$ZodIssue;
type Issue = ZodIssue;
type AnySchema = z.core.$ZodType;

export function explainZodIssues(issues: readonly Issue[], input: unknown, schema: AnySchema): RawIssue[] {
  const out: RawIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const hint = suggest(key, known);
        out.push({
          path: [...path, key],
          message: `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}${
            known.length > 0 && !hint ? `; allowed here: ${known.join(', ')}` : ''
          }`,
        });
      }
      continue;
    }
    const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : null;
    if (branch) {
      // A union (e.g. cluster.cni: a preset name or an object) whose value has the type of exactly one branch:
      // that branch's own issues name the real problem ("must be one of …", "unknown field …").
      out.push(...explainZodIssues(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), input, schema));
      continue;
    }
    out.push({ path, message: messageFor(issue, valueAt(input, path)) });
  }
  return out;
}

/** The one branch of a failed union whose type matched the value (its issues are not a root type mismatch). */
function matchingBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const matched = branches.filter((b) => b.length > 0 && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return matched.length === 1 ? matched[0]! : null;
}

function messageFor(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `must be ${article(issue.expected)}, got ${describe(value)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    case 'invalid_format':
      return `${issue.message}, got ${describe(value)}`;
    case 'too_big':
      if (issue.origin === 'array') {
        const n = Array.isArray(value) ? value.length : '?';
        return `has ${n} entries; at most ${String(issue.maximum)} are allowed (documented limit, LIMITS)`;
      }
      if (issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
      return `must be at most ${String(issue.maximum)}, got ${describe(value)}`;
    case 'too_small':
      if (issue.origin === 'array') {
        if (!issue.message.startsWith('Too small')) return issue.message;
        return `needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      }
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? 'must not be empty' : issue.message;
      return `must be at least ${String(issue.minimum)}, got ${describe(value)}`;
    case 'invalid_union':
      return `is not valid here, got ${describe(value)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'a mapping (object)';
  if (expected === 'array') return 'a list';
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

export function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** The keys a strict object at `path` accepts, found by walking the schema's definitions. */
function knownKeys(schema: AnySchema, path: readonly PathSegment[]): string[] {
  let cur: AnySchema | undefined = unwrap(schema);
  for (const seg of path) {
    if (!cur) return [];
    const def = cur._zod.def as unknown as Record<string, unknown>;
    if (typeof seg === 'number') cur = def.type === 'array' ? unwrap(def.element as AnySchema) : undefined;
    else cur = def.type === 'object' ? unwrap((def.shape as Record<string, AnySchema>)[seg]) : undefined;
  }
  if (!cur) return [];
  let def = cur._zod.def as unknown as Record<string, unknown>;
  // A union with an object branch (cluster.cni): that branch's keys.
  if (def.type === 'union') {
    const object = (def.options as AnySchema[]).map(unwrap).find((o) => (o?._zod.def as unknown as Record<string, unknown>).type === 'object');
    if (object) def = object._zod.def as unknown as Record<string, unknown>;
  }
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let cur = schema;
  for (let i = 0; cur && i < 10; i++) {
    const def = cur._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault')
      cur = def.innerType as AnySchema;
    else break;
  }
  return cur;
}

/** The closest known key within edit distance 2 (case-insensitive), for typos like `podCidr`. */
function suggest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
