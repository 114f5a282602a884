import { json } from './http';

/**
 * The answer to every method a route does not implement. Next's own 405 has no body and no `Allow`, and its
 * automatic OPTIONS would list every exported name, so each route exports this under the names it lacks,
 * OPTIONS included: OPTIONS → 204 with `Allow`; anything else → 405 with JSON `{error, issues}` and `Allow`.
 */
export function otherMethods(implemented: readonly string[]) {
  const allow = [...new Set([...implemented, ...(implemented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
  return async (req: Request): Promise<Response> => {
    if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } });
    return json(
      {
        error: `${req.method} is not supported here; use ${implemented.join(' or ')}`,
        issues: [{ path: '', message: `Allowed methods: ${allow}` }],
      },
      405,
      { Allow: allow },
    );
  };
}
