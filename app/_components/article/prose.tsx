/** Typography for MDX prose (the article passes these as its `components`). */
import { Children, isValidElement, type CSSProperties, type ReactNode } from 'react';
import type { MDXComponents } from 'mdx/types';
import { AnchoredHeading, textOf } from './headings';

/** Characters on one line of the article's column at a phone's width (343 px of 16 px system text). */
const CHARS_PER_LINE = 40;

/** A paragraph's or quotation's lines at a phone's width, from its text. */
const textLines = (children: ReactNode) => textOf(children).length / CHARS_PER_LINE;

/** A list's lines: each item starts a line and wraps (its marker takes room), with a little space between items. */
function listLines(children: ReactNode): number {
  const items = Children.toArray(children).filter(isValidElement);
  return items.reduce<number>((sum, item) => sum + Math.ceil(textLines(item) * 1.1) + 0.3, 0);
}

/** Code does not wrap: its lines are its text's. */
const codeLines = (children: ReactNode) => textOf(children).replace(/\n$/, '').split('\n').length;

/**
 * A block of prose the browser skips while it is far from the view (globals.css, `.later-prose`: a block of the
 * article's own flow past its opening, on a page not opened at a fragment), as it does figures: an article is
 * tens of screens of text, and styling and laying out all of it held up the first paint (issue 18). `lines`, its
 * estimated height in lines of its own text at a phone's width, holds its place. Returns the element's props
 * with its typography (`own`), that class and the estimate joined in.
 */
function asLater<P extends { className?: string; children?: ReactNode }>(
  own: string,
  lines: number,
  { className, ...rest }: P,
) {
  const style = { '--later-lines': Math.max(1, Math.ceil(lines)) } as CSSProperties;
  return { ...rest, className: [own, 'later-prose', className].filter(Boolean).join(' '), style };
}

export const proseComponents: MDXComponents = {
  h1: (p) => <h1 className="mb-4 text-3xl font-bold break-words" {...p} />,
  h2: (p) => (
    <AnchoredHeading
      level={2}
      boxClassName="mt-10 mb-3 border-b border-border pb-1"
      className="text-2xl font-bold"
      {...p}
    />
  ),
  h3: (p) => <AnchoredHeading level={3} boxClassName="mt-6 mb-2" className="text-xl font-semibold" {...p} />,
  p: (p) => <p {...asLater('my-3', textLines(p.children), p)} />,
  ul: (p) => <ul {...asLater('my-3 list-disc pl-6', listLines(p.children), p)} />,
  ol: (p) => <ol {...asLater('my-3 list-decimal pl-6', listLines(p.children), p)} />,
  li: (p) => <li className="my-1" {...p} />,
  a: (p) => <a className="text-accent underline underline-offset-2" {...p} />,
  code: (p) => <code className="rounded bg-surface px-1 font-mono text-[0.9em] break-words" {...p} />,
  pre: (p) => (
    <pre
      tabIndex={0}
      {...asLater(
        'my-4 overflow-x-auto rounded-lg border border-border bg-surface p-3 text-sm',
        codeLines(p.children),
        p,
      )}
    />
  ),
  blockquote: (p) => (
    <blockquote {...asLater('my-4 border-l-4 border-accent pl-4', textLines(p.children), p)} />
  ),
  strong: (p) => <strong className="font-semibold" {...p} />,
};
