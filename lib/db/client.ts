import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Client, Pool } from 'pg';
import { serverEnv, type ServerEnv } from '@/lib/env';
import { lockDataFolder } from './folder-lock';
import * as schema from './schema';

/**
 * The one place that knows which database is in use. Everything else receives a `Database`: Drizzle over
 * Postgres, the same query API whether the bytes go to embedded PGlite or to a PostgreSQL server.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** 'pglite' or 'postgres' — for figures and logs only; application code must not branch on it. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Where the committed migrations live (resolved from the app root, which is the cwd of `next start`/jest). */
export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'db', 'migrations');

export type DatabaseTarget =
  | {
      url: string;
      poolSize?: number;
      /** Longest wait for a connection (socket or free pool slot); then the query fails as unavailable. */
      connectTimeoutMs?: number;
      /** statement_timeout on the server; the client stops waiting 2 s later (a frozen server cannot enforce it). */
      statementTimeoutMs?: number;
    }
  /** A folder on disk, locked for this process while open (lib/db/folder-lock.ts). */
  | { dataDir: string }
  /** An already opened PGlite (tests load a migrated template dump into memory). */
  | { pglite: PGlite };

/** Opens the target and applies every pending migration before resolving. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) {
    const statementTimeoutMs = target.statementTimeoutMs ?? 10_000;
    // Bounded waits everywhere, so a database that is down or frozen costs a request seconds, not forever
    // (the API answers 503 with Retry-After): connecting, waiting for a slot, and every statement.
    const pool = new Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      connectionTimeoutMillis: target.connectTimeoutMs ?? 5_000,
      statement_timeout: statementTimeoutMs,
      lock_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + 2_000,
      keepAlive: true,
    });
    // An idle connection dropped by the server (restart, failover, admin) must not crash the process:
    // the pool discards it and opens a new one on the next query.
    pool.on('error', (e) => console.error('[db] idle PostgreSQL connection lost:', e.message));
    const db = drizzlePg(pool, { schema });
    try {
      await migrateSerialised(target.url, target.connectTimeoutMs ?? 5_000, () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  if ('pglite' in target) return openPglite(target.pglite, async () => {});
  // The folder's lock first: a second server on the same folder is refused before PGlite touches a file.
  const lock = lockDataFolder(target.dataDir);
  try {
    const client = await PGlite.create(target.dataDir);
    return await openPglite(client, async () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPglite(client: PGlite, afterClose: () => Promise<void>): Promise<DatabaseHandle> {
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    async close() {
      await client.close();
      await afterClose();
    },
  };
}

/** Any fixed 64-bit number: the advisory lock app servers take while migrating one PostgreSQL database. */
const MIGRATION_LOCK = 7_305_173_221;

/**
 * Runs `migrate` while holding a PostgreSQL advisory lock on a connection of its own, so app servers starting
 * together on one database migrate one at a time (two at once both ran CREATE TABLE and one failed); the
 * later ones then find the migrations applied. The lock goes with the session, even if the process dies.
 */
async function migrateSerialised(url: string, connectTimeoutMs: number, migrate: () => Promise<void>) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => {}); // reported by the query that fails
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate();
  } finally {
    await client.end().catch(() => {});
  }
}

/** The target the environment asks for: `DATABASE_URL` → PostgreSQL, else PGlite in `PGLITE_DIR ?? ./.data`. */
export function targetFromEnv(env: ServerEnv = serverEnv()): DatabaseTarget {
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    };
  }
  // turbopackIgnore: a runtime folder, not a module — keeps Next from tracing the whole project into the build.
  return { dataDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), env.PGLITE_DIR || './.data') };
}

// One handle per process. Kept on globalThis because Next may evaluate this module in several bundles
// (instrumentation, route handlers, dev HMR) and PGlite must never be opened twice on one folder
// (it has no lock of its own: two writers on one folder corrupt it without an error; lockDataFolder refuses a second opener).
const HANDLE = Symbol.for('service-traffic-trainer.database');
type GlobalWithHandle = typeof globalThis & { [HANDLE]?: Promise<DatabaseHandle> };

/** The process's database, opened and migrated on first call (instrumentation.ts calls it at server start). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithHandle;
  if (!g[HANDLE]) {
    g[HANDLE] = openDatabase(targetFromEnv()).catch((error: unknown) => {
      delete g[HANDLE];
      throw error;
    });
  }
  return g[HANDLE];
}

/** Makes `handle` the process's database (tests and tools that open their own, e.g. an in-memory PGlite). */
export function setDatabaseHandle(handle: DatabaseHandle | null): void {
  const g = globalThis as GlobalWithHandle;
  if (handle) g[HANDLE] = Promise.resolve(handle);
  else delete g[HANDLE];
}

export async function getDatabase(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
