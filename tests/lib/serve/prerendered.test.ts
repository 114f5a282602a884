/**
 * @jest-environment node
 *
 * lib/serve's brotli copies of prerendered pages: what it answers from them and what it leaves alone. A plain
 * node:http server stands in for Next (the headers Next puts on a prerendered answer), behind the same
 * per-response compression as server.js; the browser suite runs the real server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { rawRequest } from '../../support/raw-http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compression = require('compression') as (
  options: object,
) => (req: never, res: never, next: () => void) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPrerenderedCopies } = require('../../../lib/serve/prerendered') as {
  createPrerenderedCopies: (options?: { maxBytes?: number }) => {
    makeForBuild: (distDir: string) => Promise<void>;
    answerFromCopies: (req: http.IncomingMessage, res: http.ServerResponse) => void;
    close: () => void;
    readonly ready: number;
  };
};

/** A page's HTML: long and repetitive enough that quality 11 beats the per-response quality 5 clearly. */
const page = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
  Array.from(
    { length: 400 },
    (_, i) =>
      `<p class="my-3">Paragraph ${i} of ${title}: node-${i % 7} sends ${(i * 37) % 101} requests to web-${i % 13}.</p>`,
  ).join('') +
  '</body></html>';

interface Answer {
  status?: number;
  cache?: string;
  body: string;
  /** Sent in this many write() calls before end(), as a stream is. */
  chunks?: number;
}

let answer: Answer;
let copies: ReturnType<typeof createPrerenderedCopies>;
let server: http.Server;
let base: string;
let dist: string;

async function listen(options?: { maxBytes?: number }) {
  copies = createPrerenderedCopies(options);
  const compress = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } });
  server = http.createServer((req, res) => {
    compress(req as never, res as never, () => {
      copies.answerFromCopies(req, res);
      // What Next does for a prerendered page: headers set, then the body in one end() (or streamed).
      res.statusCode = answer.status ?? 200;
      if (answer.cache) res.setHeader('x-nextjs-cache', answer.cache);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      const body = Buffer.from(answer.body);
      const parts = answer.chunks ?? 1;
      const size = Math.ceil(body.length / parts);
      for (let i = 0; i < parts - 1; i += 1) res.write(body.subarray(i * size, (i + 1) * size));
      res.end(body.subarray((parts - 1) * size));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = (headers: Record<string, string> = { 'accept-encoding': 'br, gzip' }, method = 'GET') =>
  rawRequest(`${base}/learn/external-traffic-policy`, headers, method);
const decoded = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  (r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body
  ).toString();
const best = (text: string) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
async function untilReady(count: number) {
  for (let i = 0; i < 200 && copies.ready < count; i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(copies.ready).toBe(count);
}

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'prerendered-'));
});
afterEach(async () => {
  copies?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

test('a prerendered page is compressed per response until its copy is made, then sent as its copy at quality 11', async () => {
  await listen();
  answer = { cache: 'HIT', body: page('externalTrafficPolicy') };
  const first = await get();
  expect(first.headers['content-encoding']).toBe('br');
  expect(decoded(first)).toBe(answer.body);
  await untilReady(1);
  const second = await get();
  expect(second.status).toBe(200);
  expect(second.headers['content-encoding']).toBe('br');
  expect(second.headers['content-length']).toBe(String(second.body.length));
  expect(second.headers.vary).toMatch(/Accept-Encoding/);
  expect(second.body.equals(best(answer.body))).toBe(true);
  expect(second.body.length).toBeLessThan(first.body.length);
  expect(decoded(second)).toBe(answer.body);
});

test('a copy is sent only for the very bytes it was made from', async () => {
  await listen();
  answer = { cache: 'HIT', body: page('one') };
  await get();
  await untilReady(1);
  // The same length, other bytes (a page prerendered again): its own body, not the first page's copy.
  answer = { cache: 'HIT', body: page('two') };
  expect(answer.body.length).toBe(page('one').length);
  const other = await get();
  expect(decoded(other)).toBe(page('two'));
  expect(other.body.equals(best(page('one')))).toBe(false);
  await untilReady(2);
  expect(decoded(await get())).toBe(page('two'));
});

test('a streamed prerendered answer is joined whole before it is matched', async () => {
  await listen();
  answer = { cache: 'STALE', body: page('streamed'), chunks: 5 };
  expect(decoded(await get())).toBe(answer.body);
  await untilReady(1);
  const sent = await get();
  expect(sent.body.equals(best(answer.body))).toBe(true);
});

test('answers that are not prerendered, not GET, or not for a br client pass through untouched', async () => {
  await listen();
  const body = page('dynamic');
  for (const [a, headers, method] of [
    [{ body }, undefined, 'GET'], // rendered per request: no x-nextjs-cache
    [{ cache: 'MISS', body }, undefined, 'GET'],
    [{ cache: 'HIT', status: 404, body }, undefined, 'GET'],
    [{ cache: 'HIT', body }, undefined, 'POST'],
    [{ cache: 'HIT', body }, { 'accept-encoding': 'gzip' }, 'GET'],
    [{ cache: 'HIT', body }, { 'accept-encoding': 'br;q=0, gzip' }, 'GET'],
  ] as const) {
    answer = a;
    const r = await get(headers, method);
    expect(r.status).toBe(a.status ?? 200);
    expect(decoded(r)).toBe(body);
  }
  // Only the two GETs of a prerendered answer by a br client could have queued a copy; neither did here.
  await new Promise((r) => setTimeout(r, 200));
  expect(copies.ready).toBe(0);
  // The gzip client of a page whose copy is ready still gets gzip.
  answer = { cache: 'HIT', body };
  await get();
  await untilReady(1);
  const gzip = await get({ 'accept-encoding': 'gzip' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(decoded(gzip)).toBe(body);
});

test('at start it makes the copies of the build’s prerendered HTML, so the first answer is already one', async () => {
  const html = page('built');
  mkdirSync(path.join(dist, 'server', 'app', 'learn'), { recursive: true });
  writeFileSync(path.join(dist, 'server', 'app', 'learn', 'external-traffic-policy.html'), html);
  writeFileSync(path.join(dist, 'server', 'app', 'learn', 'external-traffic-policy.meta'), '{}');
  await listen();
  await copies.makeForBuild(dist);
  expect(copies.ready).toBe(1);
  answer = { cache: 'HIT', body: html };
  const r = await get();
  expect(r.body.equals(best(html))).toBe(true);
  expect(decoded(r)).toBe(html);
});

test('keeps no more than its budget, and makes nothing once closed', async () => {
  await listen({ maxBytes: page('a').length + 10 });
  for (const title of ['a', 'b']) {
    answer = { cache: 'HIT', body: page(title) };
    await get();
  }
  await new Promise((r) => setTimeout(r, 300));
  expect(copies.ready).toBe(1); // the second did not fit
  copies.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  copies.close();
  answer = { cache: 'HIT', body: page('c') };
  expect(decoded(await get())).toBe(page('c'));
  await new Promise((r) => setTimeout(r, 300));
  expect(copies.ready).toBe(0);
});
