// Jest transformer for .mdx: compile with @mdx-js/mdx and the build's plugins (next.config.js), then hand the JSX
// to next/jest's SWC transformer.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { compileSync } = require('@mdx-js/mdx');
const { createTransformer } = require('next/dist/build/swc/jest-transformer');
const rehypeArticleSections = require('../../lib/build/mdx-sections');

const swc = createTransformer({});

module.exports = {
  // Jest caches what a transformer returns by this key: a change to the plugin or to this file recompiles the articles.
  getCacheKey(src, filename, options) {
    const hash = createHash('sha256').update(src).update(filename).update(options.configString);
    for (const file of [require.resolve('../../lib/build/mdx-sections'), __filename]) hash.update(readFileSync(file, 'utf8'));
    return hash.digest('hex');
  },
  process(src, filename, options) {
    const js = String(compileSync(src, { providerImportSource: '@/mdx-components', development: false, rehypePlugins: [rehypeArticleSections] }));
    return swc.process(js, filename.replace(/\.mdx$/, '.jsx'), options);
  },
};
