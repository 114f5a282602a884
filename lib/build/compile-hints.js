// @ts-check
/**
 * V8 explicit compile hints for the scripts every page runs on load (a post-build step; see next.config.js).
 *
 * Chromium (136+) compiles a script that begins with the magic comment `//# allFunctionsCalledOnLoad` eagerly,
 * on the background thread that streams it in. Without it, each function is compiled on the main thread the
 * first time it runs. For React and the Next router that made one long task of 70–140 ms (median 97, 7 loads of
 * the home page on our 2-core CI machine), which Lighthouse's mobile emulation (4× CPU) turns into most of the
 * page's Total Blocking Time; with the hint it took 46–63 ms (median 53). Other browsers read a plain comment.
 *
 * Only the root main files are marked: the framework chunks that every route executes at start-up (listed
 * under `rootMainFiles` in `build-manifest.json`). Marking route chunks would eagerly compile code that may
 * never run. The step is idempotent, and a source map next to a marked chunk is shifted by the one line added.
 */
const fs = require('node:fs');
const path = require('node:path');

const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Adds the compile hint to each root main file under `distDir`, and returns the files it changed.
 * Throws, naming the file, when the build manifest is missing or no longer lists root main files: that means
 * Next changed its output, and a silent skip would lose the hint without anyone noticing.
 * @param {string} distDir absolute path of Next's build output (`.next`)
 * @returns {string[]} paths, relative to distDir, of the chunks marked by this call
 */
function addCompileHints(distDir) {
  const manifestPath = path.join(distDir, 'build-manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`compile hints: ${manifestPath} does not exist — run after \`next build\` has compiled`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const files = manifest.rootMainFiles;
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) {
    throw new Error(`compile hints: ${manifestPath} has no rootMainFiles list of script paths`);
  }
  const marked = [];
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const chunkPath = path.join(distDir, file);
    const source = fs.readFileSync(chunkPath, 'utf8');
    if (source.startsWith(COMPILE_HINT)) continue;
    fs.writeFileSync(chunkPath, `${COMPILE_HINT}\n${source}`);
    shiftSourceMap(chunkPath, source);
    marked.push(file);
  }
  return marked;
}

/** Moves a chunk's source map one generated line down, to match the line the hint added above the code. */
function shiftSourceMap(chunkPath, source) {
  const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(source)?.[1];
  if (!url || url.startsWith('data:')) return;
  const mapPath = path.join(path.dirname(chunkPath), url);
  if (!fs.existsSync(mapPath)) return;
  const map = JSON.parse(fs.readFileSync(mapPath, 'utf8'));
  if (typeof map.mappings === 'string') map.mappings = `;${map.mappings}`;
  for (const section of map.sections ?? []) section.offset.line += 1;
  fs.writeFileSync(mapPath, JSON.stringify(map));
}

module.exports = { COMPILE_HINT, addCompileHints };
