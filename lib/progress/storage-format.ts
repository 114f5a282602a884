/**
 * Export and import of progress as JSON text (the format in schema.ts). Import reports every problem
 * with its path; nothing is changed unless the whole file is valid.
 */
import { progressSchema, type Progress } from './schema';

export interface ProgressIssue {
  path: string;
  message: string;
}

export function exportProgress(p: Progress): string {
  return JSON.stringify(p, null, 2);
}

export function importProgress(text: string): { ok: true; progress: Progress } | { ok: false; issues: ProgressIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '(file)', message: `is not JSON: ${(e as Error).message}` }] };
  }
  const r = progressSchema.safeParse(value);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(root)', message: i.message })),
    };
  }
  return { ok: true, progress: r.data };
}
