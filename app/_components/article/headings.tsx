/**
 * Article headings with anchors: each h2/h3 gets an id from its text and a "#" link to itself, shown on hover
 * and on keyboard focus. The table of contents (tocFromMdx) derives the same ids from the MDX source, so its
 * links land on the headings.
 */
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { isValidElement } from 'react';

/** "kube-proxy's own health check" → "kube-proxys-own-health-check". */
export function headingSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/['’`]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

/** The plain text of rendered MDX children (strings, inline code, emphasis). */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

export interface TocEntry {
  level: 2 | 3;
  text: string;
  id: string;
}

/** The h2/h3 headings of an MDX source, outside code fences, with the ids the heading components give them. */
export function tocFromMdx(source: string): TocEntry[] {
  const out: TocEntry[] = [];
  let fenced = false;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const m = /^(##|###) (.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[2]!.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*|\*([^*]*)\*|_([^_]*)_/g, '$1$2$3');
    out.push({ level: m[1] === '##' ? 2 : 3, text, id: headingSlug(text) });
  }
  return out;
}

const anchorClass =
  'shrink-0 rounded px-1 text-muted no-underline opacity-0 transition-opacity group-hover:opacity-100 focus-visible:opacity-100 hover:text-accent';

/**
 * The link sits beside the heading, not inside it, so the heading's accessible name stays its text.
 * `boxClassName` styles the row (margins, rule); `className` the heading's type.
 */
export function AnchoredHeading({
  level,
  className,
  boxClassName,
  children,
  ...rest
}: { level: 2 | 3; boxClassName?: string } & ComponentPropsWithoutRef<'h2'>) {
  const text = textOf(children);
  const id = rest.id ?? headingSlug(text);
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <div className={`group flex items-baseline gap-1 ${boxClassName ?? ''}`}>
      <Tag {...rest} id={id} className={`min-w-0 scroll-mt-4 ${className ?? ''}`}>
        {children}
      </Tag>
      <a href={`#${id}`} className={anchorClass} aria-label={`Link to the section “${text}”`}>
        #
      </a>
    </div>
  );
}
