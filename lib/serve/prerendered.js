// @ts-check
/**
 * Prerendered pages in brotli at quality 11, made once and kept in memory (issue 18).
 *
 * Per-response compression runs at quality 5 (server.js): 11 takes about a second for the article's 663 KB of
 * HTML, too slow for one response, but makes it 39.9 KB instead of 48.9, one round trip less on a new connection
 * (whose first two round trips carry about 14 and 29 KB). A page Next prerendered is the same bytes on every
 * request until the next build, so its copy is made once, off the main thread, one page at a time: at start
 * for the HTML of every page the build prerendered, and for any other prerendered answer (a client navigation's
 * payload, a page prerendered again later) when Next first sends it. Until its copy is ready, an answer is
 * compressed per response as before.
 *
 * A copy is sent only for a body byte for byte equal to the one it was made from, so what the client decodes is
 * always exactly what Next answered.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const Negotiator = require('negotiator');

/** At most this much uncompressed body is kept (the build's prerendered HTML and payloads are about 5 MB). */
const MAX_BYTES = 64 * 1024 * 1024;
/** Smaller bodies gain nothing worth a copy (the per-response compression's own threshold is 1 KB). */
const MIN_BYTES = 1024;

/** @typedef {{ body: Buffer, br: Buffer | null }} Copy */

/**
 * @param {{ maxBytes?: number }} [options]
 */
function createPrerenderedCopies({ maxBytes = MAX_BYTES } = {}) {
  /** Copies by the length of their uncompressed body (bodies of one length are compared byte for byte). @type {Map<number, Copy[]>} */
  const byLength = new Map();
  let kept = 0;
  let closed = false;
  /** The copies being made, one after another: the thread pool they run on also serves file and DNS work. */
  let queue = Promise.resolve();

  /** @param {Buffer} body */
  const find = (body) => byLength.get(body.length)?.find((copy) => copy.body.equals(body));

  /**
   * Queues the making of `body`'s copy, unless it is made or being made, too small, or over the budget.
   * @param {Buffer} body
   * @returns {Promise<void>} settled once this copy (and those queued before it) is made
   */
  function make(body) {
    if (closed || body.length < MIN_BYTES || kept + body.length > maxBytes || find(body)) return queue;
    /** @type {Copy} */
    const copy = { body, br: null };
    byLength.set(body.length, [...(byLength.get(body.length) ?? []), copy]);
    kept += body.length;
    const options = {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    };
    queue = queue.then(
      () =>
        new Promise((resolve) => {
          if (closed) return resolve(undefined);
          zlib.brotliCompress(body, options, (error, br) => {
            if (!error) copy.br = br;
            resolve(undefined);
          });
        }),
    );
    return queue;
  }

  /**
   * Queues a copy of every prerendered page's HTML in the build at `distDir`.
   * @param {string} distDir
   * @returns {Promise<void>} settled once they are made
   */
  function makeForBuild(distDir) {
    const root = path.join(distDir, 'server', 'app');
    const names = fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) : [];
    const pages = names.filter((n) => n.endsWith('.html')).map((n) => fs.readFileSync(path.join(root, n)));
    // The largest first: they gain the most.
    for (const body of pages.sort((a, b) => b.length - a.length)) void make(body);
    return queue;
  }

  /**
   * Lets `res` answer from a copy when what Next sends is a prerendered answer (`x-nextjs-cache: HIT` or
   * `STALE`, status 200, not yet encoded or sent) to a GET from a client that accepts br. Such a body is held
   * until Next ends it: then it goes out as its copy if one is ready, else on to the per-response compression
   * (and its copy is queued). Anything else passes through untouched. Call before handing `res` to Next.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function answerFromCopies(req, res) {
    if (req.method !== 'GET') return;
    if (new Negotiator(req).encoding(['br', 'gzip', 'deflate', 'identity'], ['br']) !== 'br') return;
    const { write, end } = res;
    /** The held body's chunks; false once the answer is known not to be prerendered. @type {Buffer[] | false | null} */
    let held = null;
    const decide = () => {
      if (held !== null) return held;
      const cache = String(res.getHeader('x-nextjs-cache') ?? '');
      const prerendered = res.statusCode === 200 && (cache === 'HIT' || cache === 'STALE');
      held = prerendered && !res.headersSent && !res.getHeader('content-encoding') ? [] : false;
      if (held === false) Object.assign(res, { write, end });
      return held;
    };
    /** @param {unknown} chunk @param {unknown} encoding */
    const toBuffer = (chunk, encoding) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(
              String(chunk),
              typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8',
            );

    res.write = /** @type {typeof res.write} */ (
      function (/** @type {any[]} */ ...args) {
        const chunks = decide();
        if (chunks === false) return write.apply(res, /** @type {any} */ (args));
        chunks.push(toBuffer(args[0], args[1]));
        const done = args.find((a) => typeof a === 'function');
        if (done) process.nextTick(done);
        return true;
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {any[]} */ ...args) {
        const chunks = decide();
        if (chunks === false) return end.apply(res, /** @type {any} */ (args));
        Object.assign(res, { write, end });
        const done = args.find((a) => typeof a === 'function');
        if (args.length > 0 && typeof args[0] !== 'function' && args[0] != null)
          chunks.push(toBuffer(args[0], args[1]));
        const body = Buffer.concat(chunks);
        const br = find(body)?.br;
        if (!br) {
          void make(body);
          return done ? end.call(res, body, done) : end.call(res, body);
        }
        res.setHeader('Content-Encoding', 'br');
        res.setHeader('Content-Length', br.length);
        return done ? end.call(res, br, done) : end.call(res, br);
      }
    );
  }

  return {
    makeForBuild,
    answerFromCopies,
    /** Makes no more copies (those being made finish). */
    close() {
      closed = true;
    },
    /** How many copies are ready. */
    get ready() {
      return [...byLength.values()].flat().filter((copy) => copy.br !== null).length;
    },
  };
}

module.exports = { createPrerenderedCopies };
