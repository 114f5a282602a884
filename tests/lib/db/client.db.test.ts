/** @jest-environment node */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, targetFromEnv, tables, type DatabaseHandle } from '@/lib/db';
import { parseEnv } from '@/lib/env';
import { openTestDatabase, TEST_BACKEND } from './test-database';

describe(`database client (${TEST_BACKEND})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  }, 60_000);
  afterAll(() => handle.close());

  it('reports the backend it opened', () => {
    expect(handle.kind).toBe(TEST_BACKEND);
  });

  it.each(['drills', 'attempts', 'answers'])('creates the %s table from the committed migrations', async (table) => {
    const res = await handle.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = ${table}`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it('records the applied migration so reopening does not re-run it', async () => {
    const res = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('round-trips a row through the schema types', async () => {
    const [row] = await handle.db
      .insert(tables.drills)
      .values({
        id: 'd1', code: 'ABCDEF', title: 'T', kinds: ['source-ip'], difficulty: 'intro', questionCount: 1,
        attemptsAllowed: 1, revealPolicy: 'never', variantMode: 'same', seed: 's', manageTokenHash: 'h',
      })
      .returning();
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.kinds).toEqual(['source-ip']);
  });
});

describe('targetFromEnv', () => {
  it.each([
    [
      'DATABASE_URL set → PostgreSQL with bounded waits',
      { DATABASE_URL: 'postgres://u@h:5432/db' },
      { url: 'postgres://u@h:5432/db', poolSize: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 10_000 },
    ],
    [
      'timeouts and pool size from the environment',
      { DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_SIZE: '4', DATABASE_CONNECT_TIMEOUT_MS: '800', DATABASE_STATEMENT_TIMEOUT_MS: '1500' },
      { url: 'postgres://u@h/db', poolSize: 4, connectTimeoutMs: 800, statementTimeoutMs: 1500 },
    ],
    ['nothing set → PGlite in ./.data', {}, { dataDir: `${process.cwd()}/.data` }],
    ['PGLITE_DIR set → PGlite there', { PGLITE_DIR: '/tmp/x' }, { dataDir: '/tmp/x' }],
    ['blank DATABASE_URL → PGlite', { DATABASE_URL: '  ' }, { dataDir: `${process.cwd()}/.data` }],
  ])('%s', (_name, env, expected) => {
    expect(targetFromEnv(parseEnv(env))).toEqual(expected);
  });
});

// The on-disk PGlite path only exists without TEST_DATABASE_URL (the PostgreSQL run has nothing to add here).
if (TEST_BACKEND === 'pglite') describe('openDatabase on a PGlite folder', () => {
  it('migrates a fresh folder and reopens it with the data intact', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stt-pglite-'));
    const first = await openDatabase({ dataDir: dir });
    await first.db.insert(tables.drills).values({
      id: 'd1', code: 'ZZZZZZ', title: 'kept', kinds: ['source-ip'], difficulty: 'intro', questionCount: 1,
      attemptsAllowed: 1, revealPolicy: 'never', variantMode: 'same', seed: 's', manageTokenHash: 'h',
    });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db.select({ title: tables.drills.title }).from(tables.drills);
    await second.close();
    await rm(dir, { recursive: true, force: true });
    expect(rows).toEqual([{ title: 'kept' }]);
  }, 60_000);
});

// Several app servers start together on one PostgreSQL database (issue 19 item 8): each migrates on start.
if (process.env.TEST_DATABASE_URL) describe('openDatabase on PostgreSQL by several servers at once', () => {
  it('migrates a fresh database once, with every opener succeeding', async () => {
    const { createThrowawayDatabase } = await import('../../support/throwaway-database');
    const database = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!, 'stt_migrate');
    try {
      const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: database.url, poolSize: 2 })));
      const res = await handles[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const applied = (res as unknown as { rows: { n: number }[] }).rows[0]?.n;
      await Promise.all(handles.map((h) => h.close()));
      const { readdirSync } = await import('node:fs');
      const { MIGRATIONS_FOLDER } = await import('@/lib/db');
      expect(applied).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
    } finally {
      await database.drop();
    }
  }, 60_000);
});
