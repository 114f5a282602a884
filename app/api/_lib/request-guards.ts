import 'server-only';
import { serverEnv } from '@/lib/env';
import { HttpError } from './http-error';

/**
 * Cross-site request defences for the state-changing routes (issue 19 item 7). A browser lets any page send
 * a "simple" POST (text/plain, form-encoded or multipart, no preflight) with no way to read the answer; two
 * checks stop it from acting: the media type must be application/json (which a cross-site page can only send
 * after a CORS preflight we never grant), and the browser's own Sec-Fetch-Site / Origin must say same-origin.
 * Requests without those headers (curl, server-to-server) are not from a browser page and pass.
 */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isJsonMediaType(contentType: string | null): boolean {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence === 'application/json' || !!essence?.match(/^application\/[a-z0-9.+-]+\+json$/);
}

/** 415 unless the body is declared JSON. `required`: the route reads a body, so the header must be there. */
export function assertJsonBody(req: Request, required: boolean): void {
  const type = req.headers.get('content-type');
  if (type === null && !required) return;
  if (!isJsonMediaType(type)) {
    throw new HttpError(415, 'The request body must be JSON (Content-Type: application/json)', [
      { path: 'content-type', message: type === null ? 'Missing; send "Content-Type: application/json"' : `"${type.slice(0, 100)}" is not accepted; send application/json` },
    ]);
  }
}

/**
 * 403 when the browser says the request comes from another site. Sec-Fetch-Site (set by the browser, not by
 * the page) must be same-origin or none (typed/bookmarked); else an Origin header must be this server's:
 * PUBLIC_URL's origin, or the host the browser addressed (the Host header).
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || site === 'none') return;
    throw crossSite(`Sec-Fetch-Site is "${site.slice(0, 40)}"`);
  }
  const origin = req.headers.get('origin');
  if (origin === null) return;
  if (origin !== 'null') {
    const publicUrl = serverEnv().PUBLIC_URL;
    if (publicUrl && origin === publicUrl) return;
    try {
      if (new URL(origin).host === req.headers.get('host')) return;
    } catch {
      /* not a URL: refused below */
    }
  }
  throw crossSite(`Origin "${origin.slice(0, 100)}" is not this site`);
}

function crossSite(message: string) {
  return new HttpError(403, 'Cross-site requests are not accepted', [{ path: 'origin', message }]);
}

/** The checks every state-changing request passes before its handler runs. */
export function guardStateChange(req: Request): void {
  if (!STATE_CHANGING.has(req.method)) return;
  assertSameOrigin(req);
  assertJsonBody(req, false);
}
