// @ts-check
const createMDX = require('@next/mdx');
const { addCompileHints } = require('./lib/build/compile-hints');

/**
 * Security headers for every response (issue: drills — nosniff, Referrer-Policy, frame-ancestors). Pages get
 * their Content-Security-Policy from proxy.ts (lib/csp: no 'unsafe-inline' scripts; hashes and a nonce);
 * the JSON API, which runs no script, gets a fixed one here.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
];
const apiPolicy = { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" };

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
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [apiPolicy] },
    ];
  },
};

const withMDX = createMDX({});
module.exports = withMDX(nextConfig);
