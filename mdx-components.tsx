import type { MDXComponents } from 'mdx/types';

/** Required by @next/mdx: maps prose elements; article figure components are imported by the MDX itself. */
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components };
}
