// @ts-check
/**
 * The production server (`npm start`): Next's request handler behind compression Next does not do itself.
 *
 * - Scripts and stylesheets: the build's brotli copies at quality 11 (lib/build/precompress.js), from memory.
 * - Pages Next prerendered: their brotli copies at quality 11, made once in the background (prerendered.js).
 * - Everything else Next answers (pages, RSC payloads, JSON): compressed per response, brotli at quality 5 for
 *   browsers that accept it, else gzip; streamed responses stay streamed (Next flushes through `res.flush`).
 *   On the article, 663 KB of HTML: gzip 77.9 KB, brotli 48.5 KB, both in ~6 ms (its copy at 11: 39.9 KB).
 * Next's own compression is off (next.config.js) so that nothing is compressed twice or only with gzip.
 */
const http = require('node:http');
const zlib = require('node:zlib');
const compression = require('compression');
const { loadPrecompressed, servePrecompressed } = require('./precompressed');
const { createPrerenderedCopies } = require('./prerendered');

const BROTLI_QUALITY = 5;

/**
 * Prepares the built app in `dir` and listens on `hostname:port` (port 0: any free port).
 * @param {{ dir?: string, hostname?: string, port: number }} options
 * @returns {Promise<{ url: string, precompressed: number, rejected: string[], close: () => Promise<void> }>}
 */
async function startServer({ dir = process.cwd(), hostname, port }) {
  // Required here, not at the top: Next reads NODE_ENV when it loads.
  const next = require('next');
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  // The build directory Next serves (next.config.js may move it): not public API, so checked, loudly.
  const nextServer = /** @type {any} */ (app).server;
  const distDir = (nextServer?.server ?? (await nextServer?.serverPromise))?.distDir;
  if (typeof distDir !== 'string')
    throw new Error(`lib/serve: this version of Next does not say where the build of ${dir} is`);
  const { entries, rejected } = loadPrecompressed(distDir);
  const handle = app.getRequestHandler();
  const copies = createPrerenderedCopies();
  void copies.makeForBuild(distDir);
  const compress = compression({
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });

  const server = http.createServer((req, res) => {
    if (servePrecompressed(entries, req, res)) return;
    compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
      copies.answerFromCopies(req, res);
      handle(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost =
    !hostname || hostname === '0.0.0.0' || hostname === '::'
      ? 'localhost'
      : hostname.includes(':')
        ? `[${hostname}]`
        : hostname;
  return {
    url: `http://${shownHost}:${boundPort}`,
    precompressed: entries.size,
    rejected,
    close: async () => {
      copies.close();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await app.close();
    },
  };
}

module.exports = { startServer };
