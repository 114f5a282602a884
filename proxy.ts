import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, THEME_SCRIPT_HASH } from '@/lib/csp/policy';
import { prerenderedScriptHashes } from '@/lib/csp/prerendered';
import { serverEnv } from '@/lib/env';

/**
 * Sets each page's Content-Security-Policy (lib/csp/policy.ts): the hashes of its prerendered inline scripts
 * and a fresh nonce, which Next reads from the request's policy and stamps on the scripts of pages it renders
 * on demand. Pages only: API routes and static files get next.config.js's headers.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const env = serverEnv();
  const dev = process.env.NODE_ENV === 'development';
  const distDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.NEXT_DIST_DIR ?? '.next');
  const hashes = dev ? [] : await prerenderedScriptHashes(distDir, request.nextUrl.pathname);
  const policy = contentSecurityPolicy([THEME_SCRIPT_HASH, ...hashes, `'nonce-${nonce}'`], dev);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static/|_next/image/|icon\\.svg|favicon\\.ico).*)',
      // Prefetches fetch RSC payloads, not documents: no policy needed.
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
