// @ts-check
const createMDX = require('@next/mdx');
const { addCompileHints } = require('./lib/build/compile-hints');
const { themeBootScriptHash } = require('./app/_components/theme-boot-script');

/** Security headers for every response (issue: drills — CSP, nosniff, Referrer-Policy, frame-ancestors). */
const securityHeaders = [
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // No 'unsafe-inline': the one inline script of ours (the theme boot script) is allowed by its hash,
      // which keeps every page static (a nonce would make each page render per request).
      `script-src 'self' ${themeBootScriptHash()}` + (process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets several developers run dev servers side by side in one work tree.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: process.env.CI === 'true' },
  compiler: {
    // V8 compiles the framework chunks off the main thread (lib/build/compile-hints.js has the figures).
    runAfterProductionCompile: async ({ distDir }) => {
      addCompileHints(distDir);
    },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

const withMDX = createMDX({});
module.exports = withMDX(nextConfig);
