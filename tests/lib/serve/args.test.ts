/**
 * @jest-environment node
 *
 * The production server's command line: `next start`'s arguments, and an error naming what is wrong.
 */
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseArgs } = require('../../../lib/serve') as {
  parseArgs: (
    argv: string[],
    env: Record<string, string | undefined>,
  ) => { dir: string; port: number; hostname: string | undefined } | 'help';
};

test('defaults: this folder, $PORT or 3000, every interface', () => {
  expect(parseArgs([], {})).toEqual({ dir: process.cwd(), port: 3000, hostname: undefined });
  expect(parseArgs([], { PORT: '8080' })).toEqual({ dir: process.cwd(), port: 8080, hostname: undefined });
});

test('a folder, -p/--port and -H/--hostname, in any order; -p wins over $PORT', () => {
  expect(parseArgs(['-p', '3102', 'app', '-H', '127.0.0.1'], { PORT: '9' })).toEqual({
    dir: path.resolve('app'),
    port: 3102,
    hostname: '127.0.0.1',
  });
  expect(parseArgs(['--hostname', '::1', '--port', '0'], {})).toEqual({
    dir: process.cwd(),
    port: 0,
    hostname: '::1',
  });
  expect(parseArgs(['--help'], {})).toBe('help');
});

test.each([
  [['-p'], '-p needs a value'],
  [['-p', '-H', 'x'], '-p needs a value'],
  [['--port', 'web'], 'the port must be a number from 0 to 65535, not "web"'],
  [['-p', '70000'], 'the port must be a number from 0 to 65535, not "70000"'],
  [['--turbo'], 'unknown option --turbo'],
])('%j is refused: %s', (argv, message) => {
  expect(() => parseArgs(argv, {})).toThrow(message);
});

test('a bad $PORT is refused too, naming it', () => {
  expect(() => parseArgs([], { PORT: '80a' })).toThrow('not "80a"');
});
