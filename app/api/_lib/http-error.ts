import type { Issue } from '@/lib/validation/issues';

/**
 * A refusal decided at the HTTP edge, before any drill logic: wrong method (405), media type (415),
 * cross-site (403). toErrorResponse turns it into `{error, issues}` with its headers.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 403 | 405 | 415,
    message: string,
    readonly issues: Issue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
