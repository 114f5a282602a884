#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: serves the built app (run `npm run build` first) with lib/serve's compression.
 *
 *   node lib/serve/cli.js [dir] [-p|--port N] [-H|--hostname HOST]
 *
 * The same arguments as `next start`: dir defaults to the current one, the port to $PORT or 3000, the host to
 * every interface. SIGINT and SIGTERM stop it (exit 130 and 143, as `next start` does).
 */
process.env.NODE_ENV = 'production';
const { USAGE, parseArgs, startServer } = require('.');

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
    if (options === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    process.exit(2);
  }
  const server = await startServer(options);
  console.log(`▲ ready on ${server.url} (${server.precompressed} scripts and stylesheets precompressed)`);
  if (server.rejected.length > 0)
    console.warn(`not serving ${server.rejected.length} stale brotli copies: ${server.rejected.join(', ')}`);
  for (const [signal, code] of /** @type {const} */ ([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])) {
    process.once(signal, () => {
      // Stop at once if closing takes long (an open keep-alive connection holds server.close).
      setTimeout(() => process.exit(code), 3000).unref();
      server.close().finally(() => process.exit(code));
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
