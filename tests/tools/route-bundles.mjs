#!/usr/bin/env node
// First-load JavaScript per route, from the build's own report (.next/diagnostics/route-bundle-stats.json):
// each route's first-load chunks, gzipped (level 9, as a CDN would serve them), summed, and compared with home.
//
//   npm run build && npm run bench:bundles            # the table
//   npm run bench:bundles -- --json                   # the rows as JSON (used by the browser suite's budget test)
//
// Bytes are stable for a given build, so the budget test asserts them; times are measured by Lighthouse instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.NEXT_DIST_DIR || '.next';

/** Rows `{route, gzipBytes, rawBytes, ratio}` sorted by size, ratio = gzipBytes / home's. */
export function routeBundles(root = ROOT) {
  const stats = JSON.parse(readFileSync(path.join(root, DIST, 'diagnostics', 'route-bundle-stats.json'), 'utf8'));
  const gz = new Map();
  const gzipOf = (chunk) => {
    if (!gz.has(chunk)) gz.set(chunk, gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length);
    return gz.get(chunk);
  };
  const rows = stats.map((s) => ({
    route: s.route,
    rawBytes: s.firstLoadUncompressedJsBytes,
    gzipBytes: s.firstLoadChunkPaths.reduce((sum, c) => sum + gzipOf(c), 0),
  }));
  const home = rows.find((r) => r.route === '/');
  if (!home) throw new Error('route-bundle-stats.json has no "/" route');
  return rows.map((r) => ({ ...r, ratio: r.gzipBytes / home.gzipBytes })).sort((a, b) => b.gzipBytes - a.gzipBytes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = routeBundles();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    const kib = (b) => (b / 1024).toFixed(1);
    console.log(`First-load JS per route (${DIST}, gzip -9), against home:`);
    console.log(`${'route'.padEnd(32)} ${'gzip KiB'.padStart(9)} ${'raw KiB'.padStart(9)} ${'× home'.padStart(7)}`);
    for (const r of rows) console.log(`${r.route.padEnd(32)} ${kib(r.gzipBytes).padStart(9)} ${kib(r.rawBytes).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}`);
  }
}
