// @ts-check
const createMDX = require('@next/mdx');
const { addCompileHints } = require('./lib/build/compile-hints');
const { precompressStatic } = require('./lib/build/precompress');
const { SECURITY_HEADERS, API_POLICY } = require('./lib/serve');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets several developers run dev servers side by side in one work tree.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // Responses are compressed by the production server (lib/serve: brotli, or gzip for a browser without it);
  // Next's own compression knows only gzip, and a response it had compressed would pass lib/serve unchanged.
  compress: false,
  typescript: { ignoreBuildErrors: process.env.CI === 'true' },
  compiler: {
    // V8 compiles the framework chunks off the main thread (lib/build/compile-hints.js has the figures).
    // Then brotli copies of the scripts and stylesheets, once they are final (lib/build/precompress.js).
    runAfterProductionCompile: async ({ distDir }) => {
      addCompileHints(distDir);
      await precompressStatic(distDir);
    },
  },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [API_POLICY] },
    ];
  },
};

const withMDX = createMDX({});
module.exports = withMDX(nextConfig);
