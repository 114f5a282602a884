/** Typography for MDX prose (the article passes these as its `components`). */
import type { MDXComponents } from 'mdx/types';
import { AnchoredHeading } from './headings';

export const proseComponents: MDXComponents = {
  h1: (p) => <h1 className="mb-4 text-3xl font-bold break-words" {...p} />,
  h2: (p) => <AnchoredHeading level={2} boxClassName="mt-10 mb-3 border-b border-border pb-1" className="text-2xl font-bold" {...p} />,
  h3: (p) => <AnchoredHeading level={3} boxClassName="mt-6 mb-2" className="text-xl font-semibold" {...p} />,
  p: (p) => <p className="my-3" {...p} />,
  ul: (p) => <ul className="my-3 list-disc pl-6" {...p} />,
  ol: (p) => <ol className="my-3 list-decimal pl-6" {...p} />,
  li: (p) => <li className="my-1" {...p} />,
  a: (p) => <a className="text-accent underline underline-offset-2" {...p} />,
  code: (p) => <code className="rounded bg-surface px-1 font-mono text-[0.9em] break-words" {...p} />,
  pre: (p) => <pre className="my-4 overflow-x-auto rounded-lg border border-border bg-surface p-3 text-sm" tabIndex={0} {...p} />,
  blockquote: (p) => <blockquote className="my-4 border-l-4 border-accent pl-4" {...p} />,
  strong: (p) => <strong className="font-semibold" {...p} />,
};
