import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { resultRows, tables, type Database } from '@/lib/db';
import { serverEnv, type ServerEnv } from '@/lib/env';
import { DrillError } from './errors';

/**
 * Abuse limits, counted in the database (table rate_limits) so that every app server in front of one
 * database counts the same hits. Fixed windows aligned to the clock: one upsert per counted request.
 *
 * The figures are for a real class, which often shares one public address (a school network's NAT):
 * a lecture of 60 can join within one minute from one address, 300 students within one minute in all.
 */
/** The settings (lib/env) that hold the limits; each has its default there. */
export type LimitSetting = 'DRILLS_ATTEMPTS_PER_CLIENT' | 'DRILLS_ATTEMPTS_PER_DRILL' | 'DRILLS_LOOKUPS_PER_CLIENT' | 'DRILLS_UNKNOWN_CODES_PER_CLIENT';

export interface LimitRule {
  /** Part of the counter's key; also names the rule in logs and tests. */
  name: string;
  /** The setting that holds the limit per window. */
  env: LimitSetting;
  windowSeconds: number;
  message: string;
}

export const RATE_LIMITS = {
  /** New attempts at one drill from one client address. */
  attemptsPerClient: { name: 'attempts-client', env: 'DRILLS_ATTEMPTS_PER_CLIENT', windowSeconds: 60, message: 'Too many attempts from this address; wait a minute' },
  /** New attempts at one drill from everyone. */
  attemptsPerDrill: { name: 'attempts-drill', env: 'DRILLS_ATTEMPTS_PER_DRILL', windowSeconds: 60, message: 'Too many students are joining this drill at once; wait a minute' },
  /** Join-code lookups (drill page, GET /api/drills/{code}, joining) from one client address. */
  lookupsPerClient: { name: 'lookups-client', env: 'DRILLS_LOOKUPS_PER_CLIENT', windowSeconds: 60, message: 'Too many requests from this address; wait a minute' },
  /** Lookups of codes that do not exist from one client address: guessing. Over it, every lookup is refused. */
  unknownCodesPerClient: { name: 'unknown-codes-client', env: 'DRILLS_UNKNOWN_CODES_PER_CLIENT', windowSeconds: 60, message: 'Too many unknown join codes from this address; wait a minute' },
} as const satisfies Record<string, LimitRule>;

/** Attempts one drill may hold in all (about 150 KB each with a 20-question drill): a class of 500 with 2 attempts. */
export const MAX_ATTEMPTS_PER_DRILL = 1000;

/** The rule's limit per window, from the validated settings (lib/env: its variable, else the default). */
export function limitOf(rule: LimitRule, env: Pick<ServerEnv, LimitSetting> = serverEnv()): number {
  return env[rule.env];
}

function windowOf(rule: LimitRule, now: Date) {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), end: new Date(start + ms) };
}

/** Seconds until the current window ends, at least 1: the Retry-After of a refusal. */
export function retryAfterSeconds(rule: LimitRule, now: Date): number {
  return Math.max(1, Math.ceil((windowOf(rule, now).end.getTime() - now.getTime()) / 1000));
}

export function tooMany(rule: LimitRule, now: Date): DrillError {
  return new DrillError(429, rule.message, [{ path: '', message: `Limit ${limitOf(rule)} per ${rule.windowSeconds} s (${rule.name})` }], retryAfterSeconds(rule, now));
}

const hitsRow = z.object({ hits: z.coerce.number() });

function counterKey(rule: LimitRule, subject: string): string {
  return `${rule.name}|${subject}`;
}

/** Counts one hit on the rule's counter for `subject`; returns the hits in the current window, this one included. */
export async function countHit(db: Database, rule: LimitRule, subject: string, now: Date): Promise<number> {
  const w = windowOf(rule, now);
  const result = await db.execute(sql`
    insert into ${tables.rateLimits} (key, window_start, hits, expires_at)
    values (${counterKey(rule, subject)}, ${w.start.toISOString()}::timestamptz, 1, ${w.end.toISOString()}::timestamptz)
    on conflict (key) do update set
      hits = case when ${tables.rateLimits}.window_start = excluded.window_start then ${tables.rateLimits}.hits + 1 else 1 end,
      window_start = excluded.window_start,
      expires_at = excluded.expires_at
    returning hits`);
  await maybePurge(db, now);
  return resultRows(result, hitsRow)[0]?.hits ?? 0;
}

/** The hits counted so far in the current window (no hit counted). */
export async function currentHits(db: Database, rule: LimitRule, subject: string, now: Date): Promise<number> {
  const w = windowOf(rule, now);
  const result = await db.execute(sql`
    select hits from ${tables.rateLimits} where key = ${counterKey(rule, subject)} and window_start = ${w.start.toISOString()}::timestamptz`);
  return resultRows(result, hitsRow)[0]?.hits ?? 0;
}

/** Counts a hit and throws 429 (with Retry-After) when it is over the rule's limit. */
export async function enforce(db: Database, rule: LimitRule, subject: string, now: Date): Promise<void> {
  if ((await countHit(db, rule, subject, now)) > limitOf(rule)) throw tooMany(rule, now);
}

/** Deletes counters whose window has ended. */
export async function purgeExpiredLimits(db: Database, now: Date): Promise<void> {
  await db.delete(tables.rateLimits).where(lt(tables.rateLimits.expiresAt, now));
}

// About one counted hit in 500 also clears out ended windows, so the table stays the size of the current minute.
async function maybePurge(db: Database, now: Date): Promise<void> {
  if (Math.random() < 1 / 500) await purgeExpiredLimits(db, now);
}
