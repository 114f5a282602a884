// @ts-check
/** The production server's command line, `next start`'s: [dir] [-p|--port N] [-H|--hostname HOST]. */
const path = require('node:path');

const USAGE = 'usage: node lib/serve/cli.js [dir] [-p|--port N] [-H|--hostname HOST]';

/**
 * The options in `argv` (dir resolved; port from -p, else $PORT, else 3000; host: every interface unless -H),
 * or 'help'. Throws an Error naming the argument that is wrong.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {{ dir: string, port: number, hostname: string | undefined } | 'help'}
 */
function parseArgs(argv, env) {
  let dir = '.';
  let port = env.PORT ?? '3000';
  /** @type {string | undefined} */
  let hostname;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[(i += 1)];
      if (v === undefined || v.startsWith('-')) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '-p' || arg === '--port') port = value();
    else if (arg === '-H' || arg === '--hostname') hostname = value();
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else dir = arg;
  }
  if (!/^\d+$/.test(port) || Number(port) > 65535)
    throw new Error(`the port must be a number from 0 to 65535, not "${port}"`);
  return { dir: path.resolve(dir), port: Number(port), hostname };
}

module.exports = { USAGE, parseArgs };
