#!/usr/bin/env node
// First-load JavaScript per route, from the build's own report (.next/diagnostics/route-bundle-stats.json):
// each route's first-load chunks, gzipped (level 9, as a CDN would serve them), summed, and compared with home.
// Plus what the route's prerendered HTML (.next/server/app/…html) makes the browser fetch besides: the chunks of
// the components loaded with next/dynamic but rendered on the server, which the page preloads because it needs
// them to hydrate (the build's report leaves them out). Routes rendered per request have no such HTML in the
// build; for them the report's figure stands. The total is what the budgets hold.
//
//   npm run build && npm run bench:bundles            # the table
//   npm run bench:bundles -- --json                   # the rows as JSON (used by the browser suite's budget test)
//
// Bytes are stable for a given build, so the budget test asserts them; times are measured by Lighthouse instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.NEXT_DIST_DIR || '.next';

/**
 * The route's prerendered HTML, or null. A route ending in a [segment]: any one of its prerendered pages (a file
 * beside the segment's folder that is not another route's).
 */
function prerenderedHtml(root, route, routes) {
  const app = path.join(root, DIST, 'server', 'app');
  if (route === '/') return readFileSync(path.join(app, 'index.html'), 'utf8');
  const parts = route.slice(1).split('/');
  const last = parts.pop();
  if (parts.some((p) => p.startsWith('['))) return null; // a dynamic segment before the end: not prerendered here
  const dir = path.join(app, ...parts);
  if (!existsSync(dir)) return null;
  let file = `${last}.html`;
  if (last.startsWith('[')) {
    const parent = `/${parts.join('/')}`.replace(/^\/$/, '');
    file = readdirSync(dir).find((n) => n.endsWith('.html') && !routes.has(`${parent}/${n.slice(0, -'.html'.length)}`));
    if (!file) return null;
  }
  return existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : null;
}

/** The scripts the HTML makes a browser fetch: script elements (not noModule: modern browsers skip those) and script preloads. */
export function htmlScripts(html) {
  const chunks = new Set();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = /\b(?:src|href)="\/_next\/(static\/[^"]+\.js)"/.exec(tag)?.[1];
    if (!src) continue;
    if (tag.startsWith('<script') && /\bnoModule\b/i.test(tag)) continue;
    if (tag.startsWith('<link') && !(/\brel="preload"/.test(tag) && /\bas="script"/.test(tag))) continue;
    chunks.add(path.posix.join(DIST, src));
  }
  return chunks;
}

/**
 * Rows `{route, gzipBytes, rawBytes, firstLoadGzipBytes, preloadGzipBytes, html, chunks, ratio}` sorted by size:
 * gzipBytes = the first load plus what the HTML preloads besides (chunks: the files counted, as .next/static/…);
 * ratio = gzipBytes / home's.
 */
export function routeBundles(root = ROOT) {
  const stats = JSON.parse(readFileSync(path.join(root, DIST, 'diagnostics', 'route-bundle-stats.json'), 'utf8'));
  // Each chunk read once: its size raw and gzipped.
  const sizes = new Map();
  const sizeOf = (chunk) => {
    if (!sizes.has(chunk)) {
      const bytes = readFileSync(path.join(root, chunk));
      sizes.set(chunk, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return sizes.get(chunk);
  };
  const routes = new Set(stats.map((s) => s.route));
  const rows = stats.map((s) => {
    const firstLoad = new Set(s.firstLoadChunkPaths);
    const html = prerenderedHtml(root, s.route, routes);
    const preloads = html ? [...htmlScripts(html)].filter((c) => !firstLoad.has(c)) : [];
    const firstLoadGzipBytes = s.firstLoadChunkPaths.reduce((sum, c) => sum + sizeOf(c).gzip, 0);
    const preloadGzipBytes = preloads.reduce((sum, c) => sum + sizeOf(c).gzip, 0);
    return {
      route: s.route,
      rawBytes: s.firstLoadUncompressedJsBytes + preloads.reduce((sum, c) => sum + sizeOf(c).raw, 0),
      gzipBytes: firstLoadGzipBytes + preloadGzipBytes,
      firstLoadGzipBytes,
      preloadGzipBytes,
      html: html !== null,
      chunks: [...firstLoad, ...preloads],
    };
  });
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
    console.log(`First-load JS per route (${DIST}, gzip -9): the build's first load plus the chunks its HTML preloads, against home:`);
    console.log(`${'route'.padEnd(32)} ${'gzip KiB'.padStart(9)} ${'of which preloaded'.padStart(19)} ${'raw KiB'.padStart(9)} ${'× home'.padStart(7)}`);
    for (const r of rows) {
      const preloaded = r.html ? kib(r.preloadGzipBytes) : 'per request';
      console.log(`${r.route.padEnd(32)} ${kib(r.gzipBytes).padStart(9)} ${preloaded.padStart(19)} ${kib(r.rawBytes).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}`);
    }
  }
}
