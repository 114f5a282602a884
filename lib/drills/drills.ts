import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { tables, type Database, type DrillRow } from '@/lib/db';
import type { Difficulty, QuestionKind } from '@/lib/scenarios';
import { DrillError } from './errors';
import { drillPhase, type DrillPhase } from './policy';
import { countHit, currentHits, enforce, limitOf, RATE_LIMITS, tooMany } from './rate-limit';
import { joinCodeSchema, type CreateDrillInput, type ManageUpdateInput, type RevealPolicy, type VariantMode } from './schemas';
import { readStored, storedKinds } from './stored';
import { hashSecret, newJoinCode, newSecret, normaliseJoinCode, secretMatches } from './tokens';

/** What anyone holding the join code may see. No seed, no token hash. */
export interface PublicDrill {
  code: string;
  title: string;
  kinds: QuestionKind[];
  difficulty: Difficulty;
  questionCount: number;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number;
  revealPolicy: RevealPolicy;
  variant: VariantMode;
  phase: DrillPhase;
}

export interface ManagedDrill extends PublicDrill {
  createdAt: string;
  closedAt: string | null;
}

export function toPublicDrill(d: DrillRow, now: Date): PublicDrill {
  return {
    code: d.code,
    title: d.title,
    kinds: readStored(storedKinds, d.kinds, 'drills.kinds'),
    difficulty: d.difficulty,
    questionCount: d.questionCount,
    timeLimitMinutes: d.timeLimitSeconds == null ? null : Math.round(d.timeLimitSeconds / 60),
    opensAt: d.opensAt?.toISOString() ?? null,
    closesAt: d.closesAt?.toISOString() ?? null,
    attemptsAllowed: d.attemptsAllowed,
    revealPolicy: d.revealPolicy,
    variant: d.variantMode,
    phase: drillPhase(d, now),
  };
}

export function toManagedDrill(d: DrillRow, now: Date): ManagedDrill {
  return { ...toPublicDrill(d, now), createdAt: d.createdAt.toISOString(), closedAt: d.closedAt?.toISOString() ?? null };
}

export interface CreatedDrill {
  code: string;
  /** Shown once to the instructor; only its hash is stored. */
  manageToken: string;
  drill: ManagedDrill;
}

export async function createDrill(db: Database, input: CreateDrillInput, now = new Date()): Promise<CreatedDrill> {
  const manageToken = newSecret();
  // A fresh code collides with probability ~n/31^6; retry the few times it might.
  for (let tries = 0; tries < 8; tries++) {
    const rows = await db
      .insert(tables.drills)
      .values({
        id: randomUUID(),
        code: newJoinCode(),
        title: input.title,
        kinds: input.kinds,
        difficulty: input.difficulty,
        questionCount: input.count,
        timeLimitSeconds: input.timeLimitMinutes == null ? null : input.timeLimitMinutes * 60,
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        attemptsAllowed: input.attemptsAllowed,
        revealPolicy: input.revealPolicy,
        variantMode: input.variant,
        seed: randomBytes(32).toString('base64url'),
        manageTokenHash: hashSecret(manageToken),
        createdAt: now,
      })
      .onConflictDoNothing({ target: tables.drills.code })
      .returning();
    const row = rows[0];
    if (row) return { code: row.code, manageToken, drill: toManagedDrill(row, now) };
  }
  throw new Error('could not allocate a unique join code');
}

/** The drill with this code, or 404. `unsafeCode` is whatever the client sent. */
export async function findDrill(db: Database, unsafeCode: string): Promise<DrillRow> {
  const parsed = joinCodeSchema.safeParse(normaliseJoinCode(unsafeCode));
  if (!parsed.success) throw new DrillError(404, 'No drill has this code', [{ path: 'code', message: parsed.error.issues[0]?.message ?? 'Invalid' }]);
  const [row] = await db.select().from(tables.drills).where(eq(tables.drills.code, parsed.data)).limit(1);
  if (!row) throw new DrillError(404, 'No drill has this code', [{ path: 'code', message: `No drill ${parsed.data}` }]);
  return row;
}

/**
 * `findDrill` for a request from `client` (its address key; undefined: not counted, for server-side callers):
 * counts the lookup and refuses (429) a client over its lookups or its unknown codes — guessing join codes.
 * The unknown-code budget is checked before looking, so an over-budget guesser learns nothing either way.
 */
export async function findDrillLimited(db: Database, unsafeCode: string, client: string | undefined, now: Date): Promise<DrillRow> {
  if (client === undefined) return findDrill(db, unsafeCode);
  const [, misses] = await Promise.all([
    enforce(db, RATE_LIMITS.lookupsPerClient, client, now),
    currentHits(db, RATE_LIMITS.unknownCodesPerClient, client, now),
  ]);
  if (misses >= limitOf(RATE_LIMITS.unknownCodesPerClient)) throw tooMany(RATE_LIMITS.unknownCodesPerClient, now);
  try {
    return await findDrill(db, unsafeCode);
  } catch (error) {
    if (error instanceof DrillError && error.status === 404) await countHit(db, RATE_LIMITS.unknownCodesPerClient, client, now);
    throw error;
  }
}

export async function getPublicDrill(db: Database, unsafeCode: string, now = new Date(), o: { client?: string } = {}): Promise<PublicDrill> {
  return toPublicDrill(await findDrillLimited(db, unsafeCode, o.client, now), now);
}

/** The drill, if `manageToken` is its manage token; 403 otherwise (401 for a missing token is the caller's). */
export async function authorizeManage(db: Database, unsafeCode: string, manageToken: string): Promise<DrillRow> {
  const drill = await findDrill(db, unsafeCode);
  if (!secretMatches(manageToken, drill.manageTokenHash)) {
    throw new DrillError(403, 'This manage token does not belong to this drill', [{ path: 'authorization', message: 'Wrong token' }]);
  }
  return drill;
}

/**
 * Close (now) or reopen a drill. Reopening also lifts a close time that has passed. Attempts that have seen
 * their key keep final answers on a reopen; `reopenAttempts` lets them change answers again, and is recorded
 * on each such attempt (`answersReopenedAt`, shown in the gradebook).
 */
export async function setDrillClosed(
  db: Database,
  drill: DrillRow,
  update: boolean | ManageUpdateInput,
  now = new Date(),
): Promise<ManagedDrill> {
  const { closed, reopenAttempts } = typeof update === 'boolean' ? { closed: update, reopenAttempts: false } : update;
  const patch = closed
    ? { closedAt: now }
    : { closedAt: null, closesAt: drill.closesAt && drill.closesAt <= now ? null : drill.closesAt };
  return db.transaction(async (tx) => {
    const [row] = await tx.update(tables.drills).set(patch).where(eq(tables.drills.id, drill.id)).returning();
    if (!row) throw new DrillError(404, 'The drill was deleted');
    if (!closed && reopenAttempts) {
      await tx
        .update(tables.attempts)
        .set({ answersReopenedAt: now })
        .where(and(eq(tables.attempts.drillId, drill.id), isNotNull(tables.attempts.keySeenAt)));
    }
    return toManagedDrill(row, now);
  });
}

/** Deletes the drill with its attempts and answers. */
export async function deleteDrill(db: Database, drill: DrillRow): Promise<void> {
  await db.delete(tables.drills).where(eq(tables.drills.id, drill.id));
}
