#!/usr/bin/env node
// Lighthouse 13 against the built app, in Debian's Chromium, offline.
//
//   npm run build && npm run lighthouse                 # every main route
//   npm run lighthouse -- --help                        # this text
//   npm run lighthouse -- / /practice                   # only these routes
//   npm run lighthouse -- --base-url http://127.0.0.1:3000   # a server that is already running
//   npm run lighthouse -- --desktop                     # desktop preset instead of Lighthouse's default mobile
//   npm run lighthouse -- --min-performance 95 --min-accessibility 100   # exit 1 below these
//   npm run lighthouse -- --runs 5 /                    # five runs per route; the row is the median run
//   npm run lighthouse -- --save /tmp/lhr /             # also write each run's full report (JSON) there
//   npm run lighthouse -- --floor --runs 5 /            # also audit an empty Next.js page built with our stack:
//                                                       # the framework's own floor on this machine
//
// Without --base-url it starts the production server (`npm start`, lib/serve) on a free port (honouring
// NEXT_DIST_DIR, with its own PGlite directory .data-lighthouse), waits for it, and stops it at the end. Routes that answer 404 are skipped
// with a message. Prints a table of the four category scores (0–100) per route. Lighthouse's own advice is
// to judge performance by the median of several runs (scores move a few points between identical runs).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { precompressStatic } = createRequire(import.meta.url)('../../lib/build/precompress.js');
// The browser suite's Chromium and flags (tests/e2e/support/browser.ts reads the same file).
const CHROMIUM = JSON.parse(readFileSync(path.join(ROOT, 'tests/e2e/support/chromium.json'), 'utf8'));
const CHROME_PATH = process.env.CHROME_PATH || CHROMIUM.path;
const CHROME_FLAGS = CHROMIUM.args;
const MAIN_ROUTES = [
  '/',
  '/learn/external-traffic-policy',
  '/learn/explorer',
  '/practice',
  '/drills',
  '/interview',
  '/review',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function parseArgs(argv) {
  const opts = { routes: [], baseUrl: null, desktop: false, min: {}, runs: 1, save: null, floor: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[(i += 1)];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage());
      process.exit(0);
    } else if (arg === '--base-url') opts.baseUrl = value().replace(/\/+$/, '');
    else if (arg === '--desktop') opts.desktop = true;
    else if (arg === '--floor') opts.floor = true;
    else if (arg === '--runs') {
      opts.runs = Number(value());
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
    } else if (arg === '--save') opts.save = value();
    else if (arg.startsWith('--min-')) {
      const category = arg.slice('--min-'.length);
      if (!CATEGORIES.includes(category))
        throw new Error(`unknown category in ${arg}; use one of ${CATEGORIES}`);
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new Error(`${arg} must be a number from 0 to 100`);
      opts.min[category] = n;
    } else if (arg.startsWith('/')) opts.routes.push(arg);
    else throw new Error(`unknown argument "${arg}" (routes start with /)`);
  }
  if (opts.routes.length === 0) opts.routes = MAIN_ROUTES;
  return opts;
}

/** The comment at the top of this file is the usage text (`npm run lighthouse -- --help`). */
function usage() {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  const head = lines.slice(0, lines.findIndex((l) => !l.startsWith('//')));
  return `${head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n')}\n`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs / 1000} s`);
}

async function startServer(appDir = []) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['lib/serve/cli.js', ...appDir, '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        PGLITE_DIR: process.env.PGLITE_DIR || '.data-lighthouse',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true, // its own process group, so stopping it also stops anything it spawned
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForServer(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

const pad = (s, n) => String(s).padEnd(n);
const padStart = (s, n) => String(s).padStart(n);

// The floor: an App Router page with no CSS, no client component and one paragraph, built by the same next
// and react as the app. Whatever it scores is what the framework alone costs here (hydration, router, runtime).
const FLOOR_DIR = '.lighthouse-floor';
const FLOOR_ROUTE = '(empty Next.js page)';

async function buildFloorApp() {
  const dir = path.join(ROOT, FLOOR_DIR); // inside the project, so next resolves the same node_modules
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  // Delivered as the app is (lib/serve: brotli, scripts precompressed), so that the two differ only in their pages.
  writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = { compress: false };\n');
  writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    "export const metadata = { title: 'Floor', description: 'An empty Next.js page.' };\n" +
      'export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n',
  );
  writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    'export default function Page() {\n  return (<main><h1>Floor</h1><p>An empty Next.js App Router page: no client components, no stylesheet, one paragraph of text so that something paints.</p></main>);\n}\n',
  );
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.NEXT_DIST_DIR;
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', FLOOR_DIR], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  await precompressStatic(path.join(dir, '.next'));
  return () => rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = opts.baseUrl ? { baseUrl: opts.baseUrl, stop: async () => {} } : await startServer();
  console.log(`Lighthouse against ${server.baseUrl} (${opts.desktop ? 'desktop' : 'mobile'} preset)`);
  const targets = opts.routes.map((route) => ({ route, url: server.baseUrl + route }));
  const rows = [];
  let chrome;
  let floor = null;
  let removeFloor = () => {};
  try {
    if (opts.floor) {
      console.log('building the empty Next.js page for --floor …');
      removeFloor = await buildFloorApp();
      floor = await startServer([FLOOR_DIR]);
      targets.push({ route: FLOOR_ROUTE, url: `${floor.baseUrl}/` });
    }
    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
    const audited = [];
    for (const target of targets) {
      target.status = (await fetch(target.url, { redirect: 'manual' })).status;
      if (target.status === 404) console.log(`skip ${target.route}: 404 (the page does not exist yet)`);
      else audited.push({ ...target, runs: [] });
    }
    // Round-robin: run k of every route before run k + 1 of any, so a host that speeds up or slows down during
    // the session (it does: Lighthouse's benchmarkIndex moves between 1,000 and 2,200 here) weighs on all alike.
    for (let run = 1; run <= opts.runs; run += 1) {
      for (const { route, url, runs } of audited) {
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
          opts.desktop ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
        const lhr = result.lhr;
        if (opts.save) {
          mkdirSync(opts.save, { recursive: true });
          const name = `${
            route
              .replace(/[()]/g, '')
              .replace(/[^a-z0-9]+/gi, '_')
              .replace(/^_|_$/g, '') || 'home'
          }-${run}.json`;
          writeFileSync(path.join(opts.save, name), JSON.stringify(lhr));
        }
        if (opts.runs > 1) {
          const m = (id) => lhr.audits[id]?.displayValue ?? '';
          console.log(
            `  ${route} run ${run}: performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}` +
              ` (FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')},` +
              ` SI ${m('speed-index')}, CLS ${m('cumulative-layout-shift')}; host benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)})`,
          );
        }
        runs.push(lhr);
      }
    }
    for (const { route, status, runs } of audited) {
      // The median run by performance score (with an even count, the lower middle one).
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const { categories, audits, runtimeError } = runs[Math.floor((runs.length - 1) / 2)];
      if (runtimeError) console.log(`warn ${route}: ${runtimeError.code} ${runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [
          c,
          categories[c]?.score == null ? null : Math.round(categories[c].score * 100),
        ]),
      );
      rows.push({
        route,
        status,
        scores,
        lcp: audits['largest-contentful-paint']?.displayValue ?? '',
        tbt: audits['total-blocking-time']?.displayValue ?? '',
      });
      // Say what lost points outside performance, so a < 100 is actionable.
      for (const c of ['accessibility', 'best-practices', 'seo']) {
        for (const ref of categories[c]?.auditRefs ?? []) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            console.log(`  ${route} ${c}: ${audit.id} — ${audit.title}`);
            for (const item of (audit.details?.items ?? []).slice(0, 5)) {
              const what = [
                item.url ?? item.sourceLocation?.url,
                item.description ?? item.issueType ?? item.node?.snippet,
              ]
                .filter(Boolean)
                .join(' — ');
              if (what) console.log(`      ${String(what).slice(0, 200)}`);
            }
          }
        }
      }
    }
  } finally {
    if (chrome) await chrome.kill();
    await server.stop();
    await floor?.stop();
    removeFloor();
  }

  const width = Math.max(5, ...rows.map((r) => r.route.length));
  const col = (c) => Math.max(c.length, 3) + 2;
  console.log('');
  console.log(
    `${pad('route', width)}${CATEGORIES.map((c) => padStart(c, col(c))).join('')}${padStart('LCP', 9)}${padStart('TBT', 10)}`,
  );
  for (const r of rows) {
    const cells = CATEGORIES.map((c) => padStart(r.scores[c] ?? '–', col(c))).join('');
    console.log(`${pad(r.route, width)}${cells}${padStart(r.lcp, 9)}${padStart(r.tbt, 10)}`);
  }

  const failures = rows.flatMap((r) =>
    Object.entries(opts.min)
      .filter(([c, min]) => (r.scores[c] ?? 0) < min)
      .map(([c, min]) => `${r.route} ${c} ${r.scores[c]} < ${min}`),
  );
  if (failures.length > 0) {
    console.error(`\nbelow the minimum:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`lighthouse: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
