import type { z } from 'zod';

export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * A refusal the API turns into `{error, issues}` with this status. The DAL throws it; route handlers
 * and server code translate it once (app/api/_lib/http.ts).
 */
export class DrillError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** For 429: seconds until the limit's window ends (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DrillError';
  }
}

/** Every zod issue, with its field path joined by dots ("kinds.2"); the root is "". */
export function zodIssues(error: z.ZodError, prefix = ''): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
