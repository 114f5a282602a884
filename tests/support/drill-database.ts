/**
 * The set-up every drills database suite shares: one fresh, migrated database per test file (PGlite in memory,
 * or its own database on TEST_DATABASE_URL's server), optionally made the app's database so route handlers use
 * it; a fixed clock; a drill input with defaults; and the assertion that a call is refused with a status.
 */
import { setDatabaseHandle, type Database, type DatabaseHandle } from '@/lib/db';
import { createDrillSchema, DrillError, type CreateDrillInput } from '@/lib/drills';
import { PLAIN_KINDS } from '../lib/drills/answers-for';
import { openTestDatabase, TEST_BACKEND } from '../lib/db/test-database';

export { TEST_BACKEND };

/** The suites' clock: an injected `now`, so deadlines and windows do not depend on the machine. */
export const T0 = new Date('2026-11-25T10:00:00Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly db: Database;
}

/**
 * Opens the suite's database before its tests and closes it after. `asAppDatabase`: also the process's
 * database (`getDatabase()`), for suites that call the route handlers.
 */
export function suiteDatabase(o: { asAppDatabase?: boolean } = {}): TestDatabase {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
    if (o.asAppDatabase) setDatabaseHandle(handle);
  }, 60_000);
  afterAll(async () => {
    if (o.asAppDatabase) setDatabaseHandle(null);
    await handle?.close();
  });
  const opened = () => {
    if (!handle) throw new Error('The test database is opened in beforeAll; use it inside a test');
    return handle;
  };
  return {
    get handle() {
      return opened();
    },
    get db() {
      return opened().db;
    },
  };
}

/** A valid drill (plain-value kinds, standard, 4 questions) with `over` applied, as the API would parse it. */
export function drillInput(over: Partial<Record<keyof CreateDrillInput, unknown>> = {}): CreateDrillInput {
  return createDrillSchema.parse({ title: 'Week 3', kinds: [...PLAIN_KINDS], difficulty: 'standard', count: 4, ...over });
}

/** The DrillError `p` rejects with (the test fails if it resolves or throws anything else). */
export async function refusal(p: Promise<unknown>): Promise<DrillError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DrillError);
  if (!(e instanceof DrillError)) throw new Error('unreachable: not a DrillError');
  return e;
}

/** `p` is refused with this HTTP status. */
export async function expectRefusal(p: Promise<unknown>, status: number): Promise<void> {
  expect((await refusal(p)).status).toBe(status);
}
