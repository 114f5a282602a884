import { createHash } from 'node:crypto';
import { themeBootScript } from '@/app/_components/theme-script';

/**
 * The Content-Security-Policy of the pages, without 'unsafe-inline' for scripts (issue 19 item 7). Next inlines
 * scripts of its own (the RSC payload, `self.__next_f.push(…)`, and the Turbopack bootstrap), so a page's policy
 * allows exactly its inline scripts: by sha256 for a page prerendered at build time (it stays static; the
 * hashes come from its HTML, lib/csp/prerendered.ts), and by a per-request nonce that Next stamps on its
 * scripts for a page rendered on demand. The theme boot script is always allowed by its hash.
 */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export const THEME_SCRIPT_HASH = scriptHash(themeBootScript);

/** The page policy; `scriptSources` are the extra script-src entries (hashes, nonce). `dev`: React's dev build needs eval. */
export function contentSecurityPolicy(scriptSources: readonly string[], dev = false): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...new Set(scriptSources), ...(dev ? ["'unsafe-eval'"] : [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every inline (no `src`) script's text in an HTML document, exactly as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(` ${m[1]}`)) continue;
    if (m[2]) out.push(m[2]);
  }
  return out;
}
