// @ts-check
/**
 * The build's brotli copies of its scripts and stylesheets (lib/build/precompress.js), answered from memory.
 *
 * Only a copy that decompresses to exactly its file is loaded, so a file changed after the build step (or a copy
 * left from another build) is never sent: that request falls through to Next and the per-response compression.
 * The headers are those Next sends for the file itself: the security headers, immutable caching, its type.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const Negotiator = require('negotiator');
const { SECURITY_HEADERS } = require('./security-headers');

const STATIC_PREFIX = '/_next/static/';
const CONTENT_TYPES = { '.js': 'application/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8' };

/**
 * @typedef {{ body: Buffer, contentType: string, etag: string, lastModified: string }} Precompressed
 * @typedef {{ entries: Map<string, Precompressed>, rejected: string[] }} PrecompressedSet
 */

/**
 * Loads the brotli copies under `<distDir>/static`, keyed by the URL path of their file. `rejected` lists the
 * copies not loaded (no file beside them, a type we do not serve, or content that is not the file's).
 * @param {string} distDir
 * @returns {PrecompressedSet}
 */
function loadPrecompressed(distDir) {
  const root = path.join(distDir, 'static');
  const entries = new Map();
  const rejected = [];
  const names = fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) : [];
  for (const copy of names.filter((name) => name.endsWith('.br')).map((name) => path.join(root, name))) {
    const file = copy.slice(0, -'.br'.length);
    const contentType = CONTENT_TYPES[/** @type {'.js' | '.css'} */ (path.extname(file))];
    let body;
    let matches = false;
    try {
      body = fs.readFileSync(copy);
      matches = contentType !== undefined && zlib.brotliDecompressSync(body).equals(fs.readFileSync(file));
    } catch {
      matches = false; // no file beside it, or not brotli at all
    }
    if (!matches || !body) {
      rejected.push(path.relative(distDir, copy));
      continue;
    }
    const urlPath = STATIC_PREFIX + path.relative(root, file).split(path.sep).join('/');
    const etag = `"br-${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    entries.set(urlPath, { body, contentType, etag, lastModified: fs.statSync(file).mtime.toUTCString() });
  }
  return { entries, rejected };
}

/**
 * Answers a GET or HEAD for one of the loaded files from a client that accepts br; returns false (having
 * written nothing) for anything else, which the caller passes on.
 * @param {Map<string, Precompressed>} entries
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {boolean}
 */
function servePrecompressed(entries, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = (req.url ?? '').split('?')[0];
  const entry = entries.get(pathname);
  if (!entry) return false;
  if (new Negotiator(req).encoding(['br', 'gzip', 'deflate', 'identity'], ['br']) !== 'br') return false;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('Content-Type', entry.contentType);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', entry.etag);
  res.setHeader('Last-Modified', entry.lastModified);
  const tags = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes(entry.etag) || tags.includes('*')) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Encoding', 'br');
  res.setHeader('Content-Length', entry.body.length);
  res.statusCode = 200;
  if (req.method === 'HEAD') res.end();
  else res.end(entry.body);
  return true;
}

module.exports = { loadPrecompressed, servePrecompressed };
