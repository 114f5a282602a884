import { json } from './http';

/**
 * 405 with JSON `{error, issues}` and an `Allow` header, for the methods a route does not implement (Next's
 * own 405 has no body and no Allow header). Each route exports it under every method name it lacks.
 */
export function methodNotAllowed(implemented: readonly string[]) {
  const allow = [...new Set([...implemented, ...(implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
  return async (req: Request): Promise<Response> =>
    json(
      {
        error: `${req.method} is not supported here; use ${implemented.join(' or ')}`,
        issues: [{ path: '', message: `Allowed methods: ${allow}` }],
      },
      405,
      { Allow: allow },
    );
}
