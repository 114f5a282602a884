/**
 * A versioned JSON document — `{ "format": F, "version": n, … }` — read through a migration chain.
 *
 * Contract: a document written by ANY earlier version still loads. When a shape changes, bump the version
 * and add a step turning version n-1 into n; only the current shape is validated (zod, every failing field
 * with its path), older documents are migrated first, step by step. Problems never quote the text read:
 * messages are this module's own or zod's, paths are the field names (see app/_components/import-problems).
 */
import { safeParse, type $ZodType } from '@/lib/validation/zod-mini';
import { ROOT_PATH, zodIssues, type Issue } from '@/lib/validation/issues';

/** One step: a document of version `from` (already checked to be an object) → version `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** The app's one issue shape (lib/validation/issues): `path` is '' for the whole document. */
export type DocumentIssue = Issue;

export type DocumentProblem = 'not-json' | 'not-object' | 'other-format' | 'bad-version' | 'future-version' | 'invalid';

export type ParseResult<T> =
  | { ok: true; value: T; version: number; migrated: string[] }
  | { ok: false; problem: DocumentProblem; issues: DocumentIssue[] };

export interface DocumentKind<T> {
  format: string;
  version: number;
  migrations: readonly Migration[];
  /** zod (or zod/mini) schema of the current version. */
  schema: $ZodType<T>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON text → the value, or `not-json` (the parser's message is dropped: it quotes the text). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Reads an already-parsed document of `kind`, migrating older versions. */
export function readDocument<T>(raw: unknown, kind: DocumentKind<T>): ParseResult<T> {
  if (!isRecord(raw)) return { ok: false, problem: 'not-object', issues: [{ path: ROOT_PATH, message: 'must be a JSON object' }] };
  if (raw.format !== kind.format) {
    return { ok: false, problem: 'other-format', issues: [{ path: 'format', message: `must be "${kind.format}" (this is not an export from this site)` }] };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: 'bad-version', issues: [{ path: 'version', message: 'must be a whole number from 1' }] };
  }
  if (version > kind.version) {
    return { ok: false, problem: 'future-version', issues: [{ path: 'version', message: `written by a newer app; this one reads up to version ${kind.version}` }] };
  }
  let doc: Record<string, unknown> = raw;
  const migrated: string[] = [];
  for (let v = version; v < kind.version; v += 1) {
    const step = kind.migrations.find((m) => m.from === v);
    if (!step) return { ok: false, problem: 'bad-version', issues: [{ path: 'version', message: `no migration from version ${v} to ${v + 1}` }] };
    doc = { ...step.up(doc), version: v + 1 };
    migrated.push(step.describe);
  }
  const parsed = safeParse(kind.schema, doc);
  if (!parsed.success) {
    return { ok: false, problem: 'invalid', issues: zodIssues(parsed.error.issues) };
  }
  return { ok: true, value: parsed.data, version, migrated };
}

/** Reads document text of `kind`. */
export function parseDocument<T>(text: string, kind: DocumentKind<T>): ParseResult<T> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: 'not-json', issues: [{ path: ROOT_PATH, message: 'is not JSON' }] };
  return readDocument(json.value, kind);
}
