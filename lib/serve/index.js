// @ts-check
/** The production server: Next behind brotli (see server.js); `npm start` runs cli.js. */
const { SECURITY_HEADERS, API_POLICY } = require('./security-headers');
const { loadPrecompressed, servePrecompressed } = require('./precompressed');
const { USAGE, parseArgs } = require('./args');

/** @type {typeof import('./server').startServer} Loaded on first use: it brings in Next. */
const startServer = (options) => require('./server').startServer(options);

module.exports = {
  SECURITY_HEADERS,
  API_POLICY,
  loadPrecompressed,
  servePrecompressed,
  USAGE,
  parseArgs,
  startServer,
};
