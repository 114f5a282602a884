import type { Issue } from '@/lib/validation/issues';

/**
 * A refusal the API turns into `{error, issues}` with this status. The DAL throws it; route handlers
 * and server code translate it once (app/api/_lib/http.ts).
 */
export class DrillError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly issues: Issue[] = [],
    /** For 429: seconds until the limit's window ends (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DrillError';
  }
}
