/**
 * @jest-environment node
 *
 * lib/serve's brotli copies of the build's scripts and stylesheets: which copies it trusts, and what it answers.
 * Served by a plain node:http server here (Next is not needed to test them; the browser suite runs the real one).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { rawRequest } from '../../support/raw-http';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const serve = require('../../../lib/serve') as {
  SECURITY_HEADERS: { key: string; value: string }[];
  loadPrecompressed: (distDir: string) => { entries: Map<string, unknown>; rejected: string[] };
  servePrecompressed: (
    entries: Map<string, unknown>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => boolean;
};

let dist: string;
let server: http.Server;
let base: string;
const SCRIPT = 'function page(){return 42}\n'.repeat(200);
const STYLES = '.card{border:1px solid}\n'.repeat(200);

function write(rel: string, content: string | Buffer) {
  mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  writeFileSync(path.join(dist, rel), content);
}

/** Starts a server answering with the copies loaded from `dist`, or 404 "passed on" for anything else. */
async function listen() {
  const { entries } = serve.loadPrecompressed(dist);
  server = http.createServer((req, res) => {
    if (serve.servePrecompressed(entries, req, res)) return;
    res.statusCode = 404;
    res.end('passed on');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One raw request to the test server. */
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(base + url, headers, method);

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'serve-'));
  write('static/chunks/page.js', SCRIPT);
  write('static/chunks/page.js.br', brotliCompressSync(SCRIPT));
  write('static/chunks/site.css', STYLES);
  write('static/chunks/site.css.br', brotliCompressSync(STYLES));
});
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

test('a script is sent as its brotli copy, with the headers Next gives the file itself', async () => {
  await listen();
  const res = await get('/_next/static/chunks/page.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
  expect(res.status).toBe(200);
  expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  expect(res.headers).toMatchObject({
    'content-encoding': 'br',
    'content-type': 'application/javascript; charset=UTF-8',
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept-Encoding',
    'content-length': String(res.body.length),
  });
  for (const { key, value } of serve.SECURITY_HEADERS) expect(res.headers[key.toLowerCase()]).toBe(value);
  const css = await get('/_next/static/chunks/site.css?v=1', { 'accept-encoding': 'br' });
  expect(css.headers['content-type']).toBe('text/css; charset=UTF-8');
  expect(brotliDecompressSync(css.body).toString()).toBe(STYLES);
});

test('a client that does not accept br, or refuses it, is passed on (to Next and gzip)', async () => {
  await listen();
  for (const accept of [undefined, 'gzip, deflate', 'br;q=0, gzip', 'identity']) {
    const res = await get(
      '/_next/static/chunks/page.js',
      accept === undefined ? {} : { 'accept-encoding': accept },
    );
    expect({ accept, status: res.status, body: res.body.toString() }).toEqual({
      accept,
      status: 404,
      body: 'passed on',
    });
  }
});

test('HEAD answers the headers alone; a matching If-None-Match gets 304 with no body', async () => {
  await listen();
  const head = await get('/_next/static/chunks/page.js', { 'accept-encoding': 'br' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  const etag = head.headers.etag as string;
  expect(etag).toMatch(/^"br-/);
  const again = await get('/_next/static/chunks/page.js', {
    'accept-encoding': 'br',
    'if-none-match': `W/"other", ${etag}`,
  });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  const changed = await get('/_next/static/chunks/page.js', {
    'accept-encoding': 'br',
    'if-none-match': '"br-something-else"',
  });
  expect(changed.status).toBe(200);
  expect(await get('/_next/static/chunks/page.js', { 'accept-encoding': 'br' }, 'POST')).toMatchObject({
    status: 404,
  });
});

test('a copy that is not its file (stale, foreign, corrupt, orphaned or of another type) is never served', async () => {
  write('static/chunks/page.js', `${SCRIPT}// changed after the copy was made\n`);
  write('static/chunks/orphan.js.br', brotliCompressSync(SCRIPT));
  write('static/chunks/broken.js', SCRIPT);
  write('static/chunks/broken.js.br', 'not brotli at all');
  write('static/media/logo.svg', '<svg/>'.repeat(300));
  write('static/media/logo.svg.br', brotliCompressSync('<svg/>'.repeat(300)));

  const { entries, rejected } = serve.loadPrecompressed(dist);

  expect([...entries.keys()]).toEqual(['/_next/static/chunks/site.css']);
  expect(rejected.sort()).toEqual([
    'static/chunks/broken.js.br',
    'static/chunks/orphan.js.br',
    'static/chunks/page.js.br',
    'static/media/logo.svg.br',
  ]);
  await listen();
  expect((await get('/_next/static/chunks/page.js', { 'accept-encoding': 'br' })).body.toString()).toBe(
    'passed on',
  );
});

test('only the exact path of a loaded file is answered (no other prefix, no way out of static/)', async () => {
  write('package.json', '{"secret":true}'.repeat(100));
  write('package.json.br', brotliCompressSync('{"secret":true}'.repeat(100)));
  await listen();
  for (const url of [
    '/_next/static/chunks/../../package.json',
    '/_next/static/chunks/page.js.br',
    '/static/chunks/page.js',
    '/_next/static/chunks/PAGE.js',
    '/_next/static/chunks/page.js/',
  ]) {
    expect({ url, body: (await get(url, { 'accept-encoding': 'br' })).body.toString() }).toEqual({
      url,
      body: 'passed on',
    });
  }
});
