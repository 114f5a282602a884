// @ts-check
/**
 * Brotli copies of the build's scripts and stylesheets (a post-build step; see next.config.js): for each
 * `static/**\/*.{js,css}` of 1 KiB or more, `<file>.br` at quality 11, kept only when smaller than the file.
 * lib/serve sends them to browsers that accept br, checking first that each still decompresses to its file.
 *
 * Why at build time: quality 11 is what makes brotli worth it for scripts (on our first-load chunks, gzip
 * 141.6 KB, brotli 133.4 at the quality a server can afford per request, 121.0 at 11) and it costs ~45 ms per
 * 100 KB, too slow for a request but nothing for a build (about 3 s of CPU for the whole output, run in
 * parallel on libuv's thread pool).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { promisify } = require('node:util');

const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|css)$/;
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` beside each script and stylesheet under `<distDir>/static`; returns the paths written,
 * relative to distDir. Idempotent: a copy is rewritten from its file each time (a stale one cannot survive).
 * @param {string} distDir absolute path of Next's build output (`.next`)
 * @returns {Promise<string[]>}
 */
async function precompressStatic(distDir) {
  const root = path.join(distDir, 'static');
  const names = fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) : [];
  const sources = names
    .filter((name) => COMPRESSIBLE.test(name))
    .map((name) => path.join(root, name))
    .filter((file) => fs.statSync(file).isFile());
  const written = await Promise.all(
    sources.map(async (file) => {
      const target = `${file}.br`;
      const source = fs.readFileSync(file);
      if (source.length >= MIN_BYTES) {
        const compressed = await brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        if (compressed.length < source.length) {
          fs.writeFileSync(target, compressed);
          return path.relative(distDir, target);
        }
      }
      fs.rmSync(target, { force: true });
      return null;
    }),
  );
  return written.filter((f) => f !== null);
}

module.exports = { precompressStatic, MIN_BYTES };
