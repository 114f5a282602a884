/**
 * @jest-environment node
 *
 * The post-build step that writes brotli copies of the build's scripts and stylesheets.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { precompressStatic, MIN_BYTES } = require('../../../lib/build/precompress') as {
  precompressStatic: (distDir: string) => Promise<string[]>;
  MIN_BYTES: number;
};

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  mkdirSync(path.join(dist, 'static/chunks/app'), { recursive: true });
  mkdirSync(path.join(dist, 'server'), { recursive: true });
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** Script-like text of about `bytes` bytes that compresses the way code does (repetitive, not random). */
const code = (bytes: number, seed: string) =>
  Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => `function ${seed}${i}(a){return a+${i * 7}}\n`)
    .join('')
    .slice(0, bytes);

const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  writeFileSync(path.join(dist, rel), text);
};

test('every script and stylesheet of 1 KiB or more under static/ gets a brotli copy that decompresses to it, smaller than gzip', async () => {
  const files = {
    'static/chunks/main.js': code(40_000, 'm'),
    'static/chunks/app/page.js': code(5_000, 'p'),
    'static/chunks/site.css': `.a{color:red}\n`.repeat(300),
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);

  const written = await precompressStatic(dist);

  expect(written.sort()).toEqual(
    Object.keys(files)
      .map((f) => `${f}.br`)
      .sort(),
  );
  for (const [rel, text] of Object.entries(files)) {
    const copy = readFileSync(path.join(dist, `${rel}.br`));
    expect(brotliDecompressSync(copy).toString()).toBe(text);
    expect(copy.length).toBeLessThan(gzipSync(text, { level: 9 }).length);
  }
});

test('small files, other types and files outside static/ get no copy', async () => {
  write('static/chunks/tiny.js', code(MIN_BYTES - 1, 't'));
  write('static/media/icon.svg', `<svg>${'<g/>'.repeat(1000)}</svg>`);
  write('static/chunks/main.js.map', code(20_000, 'x'));
  write('server/page.js', code(20_000, 's'));

  expect(await precompressStatic(dist)).toEqual([]);
  for (const rel of [
    'static/chunks/tiny.js',
    'static/media/icon.svg',
    'static/chunks/main.js.map',
    'server/page.js',
  ]) {
    expect(existsSync(path.join(dist, `${rel}.br`))).toBe(false);
  }
});

test('run again after a file changed, its copy follows the file (and a copy whose file became small is removed)', async () => {
  write('static/chunks/main.js', code(10_000, 'a'));
  write('static/chunks/shrinks.js', code(10_000, 'b'));
  await precompressStatic(dist);
  write('static/chunks/main.js', code(12_000, 'c'));
  write('static/chunks/shrinks.js', 'x');

  await precompressStatic(dist);

  expect(brotliDecompressSync(readFileSync(path.join(dist, 'static/chunks/main.js.br'))).toString()).toBe(
    code(12_000, 'c'),
  );
  expect(existsSync(path.join(dist, 'static/chunks/shrinks.js.br'))).toBe(false);
});

test('a build without static/ is not an error', async () => {
  rmSync(path.join(dist, 'static'), { recursive: true });
  expect(await precompressStatic(dist)).toEqual([]);
});
