/**
 * How the production server (`npm start`, lib/serve) delivers the app: brotli to browsers that accept it, gzip
 * to those that accept only gzip, nothing to the rest; scripts and stylesheets from the build's brotli copies,
 * byte for byte the files Next serves. Raw node:http requests, so that nothing decodes behind the test's back.
 */
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { rawRequest as get, type RawResponse } from '../support/raw-http';

const BROWSER = 'gzip, deflate, br, zstd';

const decode = (res: RawResponse) =>
  res.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(res.body)
    : res.headers['content-encoding'] === 'gzip'
      ? gunzipSync(res.body)
      : res.body;

test.describe('delivery', () => {
  test('pages and their RSC payloads: brotli, or gzip, or as they are, the same page each way', async ({
    baseURL,
  }) => {
    const url = `${baseURL}/learn/external-traffic-policy`;
    const plain = await get(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding] of [
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get(url, { 'accept-encoding': accept });
      expect({ accept, encoding: res.headers['content-encoding'] }).toEqual({ accept, encoding });
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(decode(res).toString()).toBe(plain.body.toString());
    }
    const br = await get(url, { 'accept-encoding': BROWSER });
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    // Brotli's window spans the RSC payload that repeats the page: well under gzip's size (48 % less here).
    expect(br.body.length).toBeLessThan(gzip.body.length * 0.8);

    // Next redirects an RSC request to its address with the right cache-busting parameter: follow it once.
    const rscHeaders = { 'accept-encoding': BROWSER, rsc: '1' };
    let rsc = await get(`${baseURL}/learn?_rsc=1`, rscHeaders);
    if (rsc.status === 307 && rsc.headers.location)
      rsc = await get(new URL(rsc.headers.location, baseURL).href, rscHeaders);
    expect(rsc.headers['content-type']).toContain('text/x-component');
    expect(rsc.headers['content-encoding']).toBe('br');
    expect(decode(rsc).toString()).toContain('"$"');
  });

  test('a prerendered page comes as its copy at brotli’s best quality, made once, the same page', async ({
    baseURL,
  }) => {
    const url = `${baseURL}/learn/external-traffic-policy`;
    const plain = await get(url);
    // The server makes the copies of the build's pages in the background from its start: wait for this one.
    let br = await get(url, { 'accept-encoding': BROWSER });
    const best = brotliCompressSync(plain.body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.body.length },
    });
    await expect
      .poll(async () => (br = await get(url, { 'accept-encoding': BROWSER })).body.length, {
        timeout: 30_000,
      })
      .toBe(best.length);
    expect(br.body.equals(best)).toBe(true);
    expect(br.headers['content-length']).toBe(String(best.length));
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(decode(br).equals(plain.body)).toBe(true);
    // Quality 5 per response would have been about a fifth larger.
    expect(best.length).toBeLessThan(
      brotliCompressSync(plain.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length * 0.9,
    );
  });

  test('a page rendered per request streams through brotli to its end', async ({ baseURL }) => {
    const res = await get(`${baseURL}/drills/new`, { 'accept-encoding': BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(decode(res).toString()).toMatch(/<\/html>/);
  });

  test('every script and stylesheet of a page comes as its build’s brotli copy, byte for byte the file Next serves', async ({
    baseURL,
  }) => {
    const page = decode(await get(`${baseURL}/learn/explorer`, { 'accept-encoding': BROWSER })).toString();
    const assets = [
      ...new Set(
        [...page.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
      ),
    ];
    expect(assets.filter((a) => a.endsWith('.css')).length).toBeGreaterThan(0);
    expect(assets.length).toBeGreaterThan(4);
    for (const asset of assets) {
      const file = await get(`${baseURL}${asset}`);
      const br = await get(`${baseURL}${asset}`, { 'accept-encoding': BROWSER });
      const gzip = await get(`${baseURL}${asset}`, { 'accept-encoding': 'gzip' });
      if (file.body.length < 1024) {
        // Too small to gain from compression: as it is, from Next.
        expect({ asset, encoding: br.headers['content-encoding'] }).toEqual({ asset, encoding: undefined });
        continue;
      }
      const seen = {
        asset,
        status: br.status,
        encoding: br.headers['content-encoding'],
        etag: /^"br-/.test(String(br.headers.etag)),
      };
      expect(seen).toEqual({ asset, status: 200, encoding: 'br', etag: true });
      expect(brotliDecompressSync(br.body).equals(file.body)).toBe(true);
      expect(br.headers['cache-control']).toBe(file.headers['cache-control']);
      expect(br.headers['content-type']).toBe(file.headers['content-type']);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(br.body.length).toBeLessThan(gzip.body.length);
      const revalidated = await get(`${baseURL}${asset}`, {
        'accept-encoding': BROWSER,
        'if-none-match': String(br.headers.etag),
      });
      expect(revalidated.status).toBe(304);
    }
  });
});
