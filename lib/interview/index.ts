/**
 * Interview cards, pure: the card schema (zod), the YAML card parser that reports file/field/line, and
 * the prose-to-blocks helper. The file-system loader is server-only: import '@/lib/interview/load-cards'.
 */
export * from './card-schema';
export * from './parse-card';
export * from './text-blocks';
export * from './pick-cards';
