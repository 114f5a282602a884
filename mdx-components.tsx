import type { MDXComponents } from 'mdx/types';
import { MiniExplorer } from '@/app/learn/_explorer/mini-explorer';

/**
 * Required by @next/mdx: maps prose elements; article figure components are imported by the MDX itself.
 * MiniExplorer is provided here so the article can place it with one line, without an import.
 */
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { MiniExplorer, ...components };
}
