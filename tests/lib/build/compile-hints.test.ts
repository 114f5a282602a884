/**
 * @jest-environment node
 *
 * The post-build step that puts V8's compile hint on the framework chunks every page runs at start-up.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { COMPILE_HINT, addCompileHints } = require('../../../lib/build/compile-hints') as {
  COMPILE_HINT: string;
  addCompileHints: (distDir: string) => string[];
};

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
  mkdirSync(path.join(dist, 'static/chunks'), { recursive: true });
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const FRAMEWORK = 'static/chunks/framework.js';
const RUNTIME = 'static/chunks/turbopack-runtime.js';
const ROUTE = 'static/chunks/route-page.js';

/** A miniature build output: two root main files, one route chunk, and a manifest naming the root ones. */
function writeBuild(rootMainFiles: unknown = [FRAMEWORK, RUNTIME]) {
  writeFileSync(path.join(dist, FRAMEWORK), 'globalThis.framework=1;\n//# sourceMappingURL=framework.js.map');
  writeFileSync(
    path.join(dist, 'static/chunks/framework.js.map'),
    JSON.stringify({ version: 3, sources: ['react-dom.js'], names: [], mappings: 'AAAA' }),
  );
  writeFileSync(path.join(dist, RUNTIME), 'globalThis.runtime=1;');
  writeFileSync(path.join(dist, ROUTE), 'globalThis.route=1;');
  writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ polyfillFiles: [], rootMainFiles }));
}

const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');

test('puts the hint on the first line of every root main file, and on nothing else', () => {
  writeBuild();
  expect(addCompileHints(dist)).toEqual([FRAMEWORK, RUNTIME]);
  expect(read(FRAMEWORK)).toBe(
    `${COMPILE_HINT}\nglobalThis.framework=1;\n//# sourceMappingURL=framework.js.map`,
  );
  expect(read(RUNTIME)).toBe(`${COMPILE_HINT}\nglobalThis.runtime=1;`);
  expect(read(ROUTE)).toBe('globalThis.route=1;');
  expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
});

test('is idempotent: a second run changes nothing', () => {
  writeBuild();
  addCompileHints(dist);
  const once = [read(FRAMEWORK), read(RUNTIME), read('static/chunks/framework.js.map')];
  expect(addCompileHints(dist)).toEqual([]);
  expect([read(FRAMEWORK), read(RUNTIME), read('static/chunks/framework.js.map')]).toEqual(once);
});

test('moves the source map down one generated line, so positions still point at the right code', () => {
  writeBuild();
  addCompileHints(dist);
  // In a source map `;` separates generated lines: the original first line's mappings now describe line 2.
  expect(JSON.parse(read('static/chunks/framework.js.map')).mappings).toBe(';AAAA');
});

test('a manifest without root main files is an error that names the manifest', () => {
  writeBuild([]);
  expect(() => addCompileHints(dist)).toThrow(
    `${path.join(dist, 'build-manifest.json')} has no rootMainFiles`,
  );
  writeBuild(null);
  expect(() => addCompileHints(dist)).toThrow('has no rootMainFiles');
  expect(read(FRAMEWORK)).toBe('globalThis.framework=1;\n//# sourceMappingURL=framework.js.map');
});

test('a missing build manifest is an error that says where it looked', () => {
  expect(() => addCompileHints(dist)).toThrow(`${path.join(dist, 'build-manifest.json')} does not exist`);
});

test('next.config.js runs it after the production compile', async () => {
  writeBuild();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../../next.config.js') as {
    compiler?: {
      runAfterProductionCompile?: (meta: { distDir: string; projectDir: string }) => Promise<void>;
    };
  };
  await config.compiler?.runAfterProductionCompile?.({ distDir: dist, projectDir: process.cwd() });
  expect(read(FRAMEWORK).startsWith(COMPILE_HINT)).toBe(true);
  expect(read(ROUTE)).toBe('globalThis.route=1;');
});
