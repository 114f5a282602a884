import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { clientKey, DrillError, LIMITS, trustProxyFromEnv, zodIssues, type ApiIssue } from '@/lib/drills';

/**
 * The JSON API's edge: body size and syntax, zod validation, bearer tokens and the error shape
 * `{error, issues:[{path,message}]}`. Route handlers call these once and hand typed values to lib/drills.
 */
export function json(body: unknown, status = 200, headers?: HeadersInit) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorBody(error: string, issues: ApiIssue[] = []) {
  return { error, issues };
}

/** Turns anything thrown into the API's error response. Unknown errors are 500 and logged without request data. */
export function toErrorResponse(e: unknown) {
  if (e instanceof DrillError) {
    const headers: Record<string, string> = {};
    if (e.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    if (e.status === 429) headers['Retry-After'] = String(e.retryAfterSeconds ?? 60);
    return json(errorBody(e.message, e.issues), e.status, headers);
  }
  console.error('[api] unexpected error:', e instanceof Error ? e.message : String(e));
  return json(errorBody('Internal error'), 500);
}

/** Wraps a handler so every refusal leaves as a JSON error. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (e) {
      return toErrorResponse(e);
    }
  };
}

/** Reads at most LIMITS.bodyBytes; 413 beyond that (checked on the declared length and on the bytes read). */
async function readLimitedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () => new DrillError(413, `The request body is larger than ${limit} bytes`, [{ path: '', message: 'Body too large' }]);
  if (declared > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** 400: not a JSON object; 413: too large; 422: a JSON object that fails the schema (every failing field). */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const text = await readLimitedText(req, LIMITS.bodyBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DrillError(400, 'The request body is not valid JSON', [{ path: '', message: e instanceof Error ? e.message : 'Invalid JSON' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DrillError(400, 'The request body must be a JSON object', [{ path: '', message: 'Expected an object' }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DrillError(422, 'The request body is invalid', zodIssues(parsed.error));
  return parsed.data;
}

/** The bearer token, or 401. */
export function bearerToken(req: Request): string {
  const header = req.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) throw new DrillError(401, 'A bearer token is required', [{ path: 'authorization', message: 'Missing "Authorization: Bearer <token>"' }]);
  return m[1];
}

/** The origin the client used (Host / X-Forwarded-* as Next passes them), for the links we hand out. */
export function publicOrigin(req: Request): string {
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!host) return new URL(req.url).origin;
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || new URL(req.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

/**
 * The client's key for the abuse limits (lib/drills/client-address.ts): X-Forwarded-For read as `TRUST_PROXY`
 * allows — by default only its last entry, which Next fills from the socket when the request brings none.
 */
export function clientAddress(req: Request | Headers): string {
  const headers = req instanceof Headers ? req : req.headers;
  return clientKey(headers.get('x-forwarded-for'), trustProxyFromEnv());
}
