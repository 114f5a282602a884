// @ts-check
/**
 * Security headers for every response (issue: drills — nosniff, Referrer-Policy, frame-ancestors). One list for
 * next.config.js (everything Next answers) and lib/serve (the build's brotli copies, which it answers itself).
 * Pages get their Content-Security-Policy from proxy.ts (lib/csp: no 'unsafe-inline' scripts; hashes and a
 * nonce); the JSON API, which runs no script, gets the fixed API_POLICY.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const API_POLICY = {
  key: 'Content-Security-Policy',
  value:
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

module.exports = { SECURITY_HEADERS, API_POLICY };
