// Jest transformer for .mdx: compile with @mdx-js/mdx, then hand the JSX to next/jest's SWC transformer.
const { compileSync } = require('@mdx-js/mdx');
const { createTransformer } = require('next/dist/build/swc/jest-transformer');

const swc = createTransformer({});

module.exports = {
  process(src, filename, options) {
    const js = String(compileSync(src, { providerImportSource: '@/mdx-components', development: false }));
    return swc.process(js, filename.replace(/\.mdx$/, '.jsx'), options);
  },
};
