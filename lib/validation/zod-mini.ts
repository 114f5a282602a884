/**
 * zod/mini, configured once, for every schema a browser may parse (the learner record, the engine's scenario
 * schema, practice settings, a troubleshooting workload, an imported cluster); full `zod` is for server code only
 * (a browser test holds the served chunks to that). The full `zod` import carries every method of every schema
 * and all ~60 locales (~90 KB gzip); zod/mini is the same core with plain functions, so a bundle keeps only what
 * it calls. Issues are the same core issues, so `zodIssues` (issues.ts) converts them alike, and with the English
 * locale their messages are those of `zod`. Browsers parse jitless: zod's JIT compiles parsers with
 * `new Function`, which our Content-Security-Policy refuses (servers keep the JIT).
 *
 * Import names from here (`import * as z from '@/lib/validation/zod-mini'` or named imports): only the names
 * below, so a bundle never holds zod/mini's `locales` namespace.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
if (typeof window !== 'undefined') config({ jitless: true });

export {
  _default,
  array,
  boolean,
  cidrv4,
  cidrv6,
  coerce,
  enum,
  gte,
  int,
  ipv4,
  iso,
  literal,
  lte,
  maxLength,
  minLength,
  nullable,
  nullish,
  number,
  object,
  optional,
  partialRecord,
  pipe,
  record,
  refine,
  regex,
  safeParse,
  strictObject,
  string,
  transform,
  union,
  type infer,
  type input,
  type output,
  type ZodMiniType,
} from 'zod/mini';
export type { $ZodType } from 'zod/v4/core';
