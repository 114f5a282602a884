/**
 * zod/mini, configured once, for schemas that browsers parse on a page's first load (the learner record). The
 * full `zod` import carries every method of every schema and all ~60 locales (~90 KB gzip); zod/mini is the same
 * core with plain functions, so a bundle keeps only what it calls. Issues are the same core issues, so
 * `zodIssues` (issues.ts) converts them alike, and with the English locale their messages are those of `zod`.
 * As in zod.ts, browsers parse jitless: our Content-Security-Policy refuses `new Function`.
 *
 * Import names from here (`import { strictObject, string } from '@/lib/validation/zod-mini'`), not a namespace,
 * so that the bundler can drop what a page does not use.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
if (typeof window !== 'undefined') config({ jitless: true });

export {
  array,
  boolean,
  enum,
  gte,
  int,
  iso,
  literal,
  lte,
  maxLength,
  minLength,
  nullable,
  number,
  partialRecord,
  record,
  regex,
  safeParse,
  strictObject,
  string,
  type infer,
  type ZodMiniType,
} from 'zod/mini';
export type { $ZodType } from 'zod/v4/core';
