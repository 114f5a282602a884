import { z } from 'zod';
import { formatIssue, zodIssues } from '@/lib/validation/issues';

/**
 * The server's settings, read from the environment once and validated with zod (every bad variable named at
 * once). The only reader of process.env in lib/ and app/: the database, the public URL, the timeouts, the
 * proxies trusted for client addresses and the drills' abuse limits.
 */
const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : fallback))
    .pipe(z.number().int().min(1).max(max));

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

export const envSchema = z.object({
  /** postgres://… → PostgreSQL; unset → embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: optionalText,
  DATABASE_POOL_SIZE: positiveInt(10, 1000),
  /** Longest wait for a PostgreSQL connection (new socket or a free pool slot) before a request gets 503. */
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt(5_000, 600_000),
  /** Longest a statement may run (server-side statement_timeout; the client gives up shortly after). */
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(10_000, 600_000),
  PGLITE_DIR: optionalText,
  /** Next's build folder (next.config.js reads it too): the proxy hashes the prerendered pages' scripts there. */
  NEXT_DIST_DIR: optionalText,
  /**
   * The origin links in API answers are built from (studentUrl, manageUrl), e.g. https://drills.example.org.
   * Unset: the origin of the request as Next sees it (never X-Forwarded-Host/-Proto).
   */
  /**
   * Which X-Forwarded-For entries were written by proxies we trust (lib/drills/client-address.ts parses it):
   * unset/0/none, a number of hops, or a list of addresses and CIDRs.
   */
  TRUST_PROXY: optionalText,
  /** The drills' abuse limits per minute (lib/drills/rate-limit.ts): new attempts at one drill from one address, */
  DRILLS_ATTEMPTS_PER_CLIENT: positiveInt(60, 1_000_000),
  /** … new attempts at one drill from everyone, */
  DRILLS_ATTEMPTS_PER_DRILL: positiveInt(300, 1_000_000),
  /** … join-code lookups from one address, */
  DRILLS_LOOKUPS_PER_CLIENT: positiveInt(600, 1_000_000),
  /** … and unknown join codes from one address (guessing). */
  DRILLS_UNKNOWN_CODES_PER_CLIENT: positiveInt(20, 1_000_000),
  PUBLIC_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((u) => new URL(u).origin)
      .optional(),
  ),
});

export type ServerEnv = z.output<typeof envSchema>;

/** Thrown at start-up when a variable is invalid; the message names every one. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses `source` (process.env by default); throws EnvError naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = zodIssues(parsed.error).map((i) => formatIssue(i, 'environment'));
  throw new EnvError(`Invalid environment: ${lines.join('; ')}`);
}

let cached: ServerEnv | undefined;

/** The process's settings (parsed on first use). */
export function serverEnv(): ServerEnv {
  return (cached ??= parseEnv());
}

/** Tests that change process.env call this so the next serverEnv() reads it again. */
export function resetServerEnv(): void {
  cached = undefined;
}
