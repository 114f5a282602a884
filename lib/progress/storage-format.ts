/**
 * Export and import of progress as JSON text (the format in schema.ts). Import reports every problem
 * with its path; nothing is changed unless the whole file is valid.
 */
import { ROOT_PATH, zodIssues, type Issue } from '@/lib/validation/issues';
import { progressSchema, type Progress } from './schema';

/** An Issue (lib/validation/issues.ts): `attempts[3].score`; ROOT_PATH for the file as a whole. */
export type ProgressIssue = Issue;

export function exportProgress(p: Progress): string {
  return JSON.stringify(p, null, 2);
}

export function importProgress(text: string): { ok: true; progress: Progress } | { ok: false; issues: ProgressIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: ROOT_PATH, message: `is not JSON: ${(e as Error).message}` }] };
  }
  const r = progressSchema.safeParse(value);
  if (!r.success) {
    return { ok: false, issues: zodIssues(r.error) };
  }
  return { ok: true, progress: r.data };
}
